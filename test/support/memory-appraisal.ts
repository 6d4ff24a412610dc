/**
 * In-memory stores of what follows an evaluation – keberatan, follow-ups – and of guidance
 * sessions, over a MemoryWorld, with the same contracts and guards as objection-store.ts,
 * follow-up-store.ts and development-store.ts: reads now, writes when the unit of work is
 * committed. The evaluations are memory-evaluations.ts's rows, so the evaluation service's
 * writes (accepting a result) and these services' meet on the same records.
 */
import { isActingOn } from '../../src/domain/access.js';
import type { EmployeePredikat, Rating } from '../../src/domain/rating-matrix.js';
import type { DevelopmentKind, FollowUpKind, ObjectionDecision, ObjectionStatus } from '../../src/generated/prisma/enums.js';
import type { Access } from '../../src/services/access.js';
import { deciderIdOf } from '../../src/services/evaluations.js';
import { DevelopmentService, type DevelopmentStore, type GuidanceRating } from '../../src/services/development-service.js';
import { CreditPointService, type CreditPointStore } from '../../src/services/credit-points-service.js';
import { FollowUpService, type FollowUpDecision, type FollowUpStore } from '../../src/services/follow-up-service.js';
import type { CompetencyRow } from '../../src/domain/guidance-forms.js';
import type { SkpPart } from '../../src/domain/skp-period.js';
import { finalResult } from '../../src/services/evaluations.js';
import { ObjectionService, type AppraisedEvaluation, type ObjectionStore } from '../../src/services/objection-service.js';
import type { Services } from '../../src/services/registry.js';
import type { UnitOfWork } from '../../src/services/work.js';
import { evaluationRows, type EvaluationRow, type EvaluationRows } from './memory-evaluations.js';
import type { MemoryRows } from './memory-stores.js';

export interface ObjectionRow {
  id: string;
  evaluationId: string;
  reasons: string;
  status: ObjectionStatus;
  deciderId: string | null;
  externalDeciderId?: string | null;
  documentNumber?: string;
  decidedOn?: Date;
  employeeExplanation: string | null;
  raterExplanation: string | null;
  decision: ObjectionDecision | null;
  decisionNote: string | null;
  changedResultsRating: Rating | null;
  changedBehaviourRating: Rating | null;
  changedPredikat: EmployeePredikat | null;
  decidedAt: Date | null;
}

export interface FollowUpRow {
  id: string;
  evaluationId: string;
  kind: FollowUpKind;
  recommendation: string;
  /** The decision as recorded from the official's document; null while waiting. */
  decided: FollowUpDecision | null;
  decidedById: string | null;
  decidedAt: Date | null;
}

/** A PAK as the store writes it. */
export type PakRow = Parameters<CreditPointStore['insert']>[0];

export interface SessionRow {
  id: string;
  employeeId: string;
  leaderId: string;
  kind: DevelopmentKind;
  heldAt: Date;
  topic: string;
  followUp: string | null;
  employeeRating: GuidanceRating | null;
  ratedAt: Date | null;
  feedbackToId: string | null;
  competencyEvaluatedAt: Date | null;
  competencies: CompetencyRow[];
}

/** The rows of keberatan, follow-ups and guidance sessions of one MemoryRows (its evaluations are `evaluationRows`'). */
export class AppraisalRows {
  readonly objections = new Map<string, ObjectionRow>();
  readonly followUps = new Map<string, FollowUpRow>();
  readonly sessions = new Map<string, SessionRow>();
  /** PAK records by evaluation id. */
  readonly paks = new Map<string, PakRow>();
  /** Functional positions by employee id (everyone else is structural). */
  readonly positions = new Map<string, { positionType: string; positionLevel: string | null }>();
  /** The SKP period's days of an evaluation of a split year, by evaluation id. */
  readonly skpParts = new Map<string, SkpPart>();

  constructor(readonly rows: MemoryRows) {}

  /** The evaluations, and the agency's settings (the objection period), as the evaluation service keeps them. */
  get evaluations(): EvaluationRows {
    return evaluationRows(this.rows);
  }

  /** A final Q4 evaluation (Sesuai/Sesuai → Baik) of `employeeId` by their supervisor, delivered now; `options` override. */
  addEvaluation(employeeId: string, options: Partial<Omit<EvaluationRow, 'id' | 'employeeId'>> = {}): EvaluationRow {
    const now = this.rows.world.now;
    return this.evaluations.add({ employeeId, periodKey: '2026-Q4', status: 'FINAL', finalizedAt: now, deliveredAt: now, ...options });
  }

  evaluation(id: string): EvaluationRow {
    const row = this.evaluations.evaluations.get(id);
    if (!row) throw new Error(`no evaluation ${id}`);
    return row;
  }

  appraised(row: EvaluationRow): AppraisedEvaluation {
    const { rows } = this;
    return {
      id: row.id,
      periodKey: row.periodKey,
      status: row.status,
      result: { resultsRating: row.resultsRating, behaviourRating: row.behaviourRating, predikat: row.predikat, notes: row.notes, feedback: row.feedback },
      employee: rows.ref(row.employeeId),
      rater: rows.ref(row.raterId),
      deliveredAt: row.deliveredAt,
      finalizedAt: row.finalizedAt,
      objected: [...this.objections.values()].some((o) => o.evaluationId === row.id),
      raterCanExplain: rows.world.member(row.raterId).active && !row.recordedFor,
    };
  }

  /** Who hears a keberatan about the evaluation: deciderFor's rule over the world's people. */
  deciderId(evaluationId: string): string | null {
    const evaluation = this.evaluation(evaluationId);
    const { world } = this.rows;
    return deciderIdOf({ employeeId: evaluation.employeeId, raterId: evaluation.raterId, atasanPpkId: world.ratingIds(evaluation.employeeId).atasanPpkId });
  }

  /** True when `actorId` is `personId` or acts for them on the world's day. */
  actsFor(actorId: string, personId: string): boolean {
    const today = this.rows.world.now.toISOString().slice(0, 10);
    return actorId === personId || this.rows.world.acting.some((a) => a.actingEmployeeId === actorId && a.actingForId === personId && isActingOn(a, today));
  }
}

const attached = new WeakMap<MemoryRows, AppraisalRows>();

/** The appraisal rows kept beside `rows` (made on first use). */
export function appraisalOf(rows: MemoryRows): AppraisalRows {
  let found = attached.get(rows);
  if (!found) attached.set(rows, (found = new AppraisalRows(rows)));
  return found;
}

/** A guarded in-memory write, checked at commit: changes the row and counts 1 only when the guard holds then. */
function guard<T>(find: () => T | undefined, holds: (row: T) => boolean, change: (row: T) => void): () => Promise<number> {
  return () => {
    const row = find();
    if (!row || !holds(row)) return Promise.resolve(0);
    change(row);
    return Promise.resolve(1);
  };
}

export function memoryObjections(appraisal: AppraisalRows, work: UnitOfWork): ObjectionStore {
  const { rows } = appraisal;
  const notDecided = (id: string, change: (row: ObjectionRow) => void) => guard(() => appraisal.objections.get(id), (row) => row.status !== 'DECIDED', change);
  return {
    evaluation: (id) => Promise.resolve(appraisal.evaluations.evaluations.has(id) ? appraisal.appraised(appraisal.evaluation(id)) : null),
    decider(evaluationId) {
      const id = appraisal.deciderId(evaluationId);
      return Promise.resolve(id ? rows.ref(id) : null);
    },
    externalDecider(evaluationId) {
      const evaluation = appraisal.evaluation(evaluationId);
      return Promise.resolve(appraisal.deciderId(evaluationId) ? null : (rows.world.externalAtasanPpks.get(evaluation.employeeId) ?? null));
    },
    recordersFor: (employeeId) => Promise.resolve(rows.world.hrRoles.filter((role) => role.employeeId !== employeeId).map((role) => rows.ref(role.employeeId))),
    find(id) {
      const row = appraisal.objections.get(id);
      if (!row) return Promise.resolve(null);
      const { changedResultsRating: resultsRating, changedBehaviourRating: behaviourRating, changedPredikat: predikat } = row;
      return Promise.resolve({
        id,
        status: row.status,
        reasons: row.reasons,
        decider: row.deciderId ? rows.ref(row.deciderId) : null,
        employeeExplanation: row.employeeExplanation,
        raterExplanation: row.raterExplanation,
        decision: row.decision,
        decisionNote: row.decisionNote,
        changed: resultsRating && behaviourRating && predikat ? { resultsRating, behaviourRating, predikat } : null,
        evaluation: appraisal.appraised(appraisal.evaluation(row.evaluationId)),
        external: row.externalDeciderId ? (rows.world.externalAtasanPpks.get(appraisal.evaluation(row.evaluationId).employeeId) ?? null) : null,
      });
    },
    actsFor: (actor, personId) => Promise.resolve(appraisal.actsFor(actor.id, personId)),
    file(row) {
      work.guarded(`evaluation.object ${row.evaluationId}`, guard(() => appraisal.evaluations.evaluations.get(row.evaluationId), (evaluation) => evaluation.status === 'FINAL', (evaluation) => (evaluation.status = 'OBJECTED')));
      work.change(`objection.insert ${row.id}`, () => {
        if ([...appraisal.objections.values()].some((o) => o.evaluationId === row.evaluationId)) throw new Error('unique: one keberatan per evaluation');
        appraisal.objections.set(row.id, {
          id: row.id,
          evaluationId: row.evaluationId,
          reasons: row.reasons,
          status: 'FILED',
          deciderId: row.deciderId,
          externalDeciderId: row.externalDeciderId,
          employeeExplanation: null,
          raterExplanation: null,
          decision: null,
          decisionNote: null,
          changedResultsRating: null,
          changedBehaviourRating: null,
          changedPredikat: null,
          decidedAt: null,
        });
        return Promise.resolve();
      });
    },
    review(id) {
      work.guarded(`objection.review ${id}`, notDecided(id, (row) => (row.status = 'UNDER_REVIEW')));
    },
    explain(id, field, text) {
      work.guarded(`objection.explain ${id}`, notDecided(id, (row) => (row[field] = text)));
    },
    decide(id, evaluationId, decision) {
      work.guarded(`objection.decide ${id}`, notDecided(id, (row) => Object.assign(row, { status: 'DECIDED', ...decision })));
      work.change(`evaluation.decided ${evaluationId}`, () => {
        appraisal.evaluation(evaluationId).status = 'DECIDED';
        return Promise.resolve();
      });
    },
  };
}

export function memoryFollowUps(appraisal: AppraisalRows, work: UnitOfWork): FollowUpStore {
  const { rows } = appraisal;
  const evaluationOf = (row: EvaluationRow) => ({ id: row.id, periodKey: row.periodKey, employee: rows.ref(row.employeeId), rater: rows.ref(row.raterId) });
  return {
    find(id) {
      const row = appraisal.followUps.get(id);
      if (!row) return Promise.resolve(null);
      return Promise.resolve({ id, kind: row.kind, recommendation: row.recommendation, decidedAt: row.decidedAt, decided: row.decided, evaluation: evaluationOf(appraisal.evaluation(row.evaluationId)) });
    },
    finalEvaluation(id, employeeId) {
      const row = appraisal.evaluations.evaluations.get(id);
      return Promise.resolve(row && row.employeeId === employeeId && row.status !== 'DRAFT' ? evaluationOf(row) : null);
    },
    recordersFor: (employeeId) => Promise.resolve(rows.world.hrRoles.filter((role) => role.employeeId !== employeeId).map((role) => rows.ref(role.employeeId))),
    insert(row) {
      work.change(`followUp.insert ${row.id}`, () => {
        appraisal.followUps.set(row.id, { ...row, decided: null, decidedById: null, decidedAt: null });
        return Promise.resolve();
      });
    },
    decide(id, decision) {
      const { decidedById, decidedAt, ...decided } = decision;
      work.guarded(`followUp.decide ${id}`, guard(() => appraisal.followUps.get(id), (row) => row.decidedAt === null, (row) => Object.assign(row, { decided, decidedById, decidedAt })));
    },
  };
}

export function memoryCreditPoints(appraisal: AppraisalRows, work: UnitOfWork): CreditPointStore {
  const { rows } = appraisal;
  return {
    evaluation(evaluationId, employeeId) {
      const row = appraisal.evaluations.evaluations.get(evaluationId);
      if (!row || row.employeeId !== employeeId || row.status === 'DRAFT') return Promise.resolve(null);
      const position = appraisal.positions.get(employeeId) ?? { positionType: 'STRUKTURAL', positionLevel: null };
      const objection = [...appraisal.objections.values()].find((o) => o.evaluationId === row.id);
      return Promise.resolve({
        id: row.id,
        periodKey: row.periodKey,
        kind: row.kind,
        predikat: finalResult({ ...row, objection: objection ?? null }).predikat,
        skp: appraisal.skpParts.get(row.id) ?? null,
        employee: { ...rows.ref(employeeId), ...position },
        hasPak: appraisal.paks.has(row.id),
        closesYear: row.kind === 'ANNUAL',
      });
    },
    annualWithoutPak: (employeeId) =>
      Promise.resolve([...appraisal.evaluations.evaluations.values()].filter((e) => e.employeeId === employeeId && e.kind === 'ANNUAL' && e.status !== 'DRAFT' && !appraisal.paks.has(e.id)).map((e) => e.id)),
    insert(row) {
      work.guarded(`creditPoints.insert ${row.evaluationId}`, () => {
        if (appraisal.paks.has(row.evaluationId)) return Promise.resolve(0);
        appraisal.paks.set(row.evaluationId, row);
        return Promise.resolve(1);
      });
    },
  };
}

export function memoryDevelopment(appraisal: AppraisalRows, work: UnitOfWork): DevelopmentStore {
  const { rows } = appraisal;
  const viewOf = (id: string, row: SessionRow) => ({
    id,
    kind: row.kind,
    heldAt: row.heldAt,
    topic: row.topic,
    followUp: row.followUp,
    ratedAt: row.ratedAt,
    competencyEvaluatedAt: row.competencyEvaluatedAt,
    employee: rows.ref(row.employeeId),
    leader: rows.ref(row.leaderId),
  });
  return {
    find(id) {
      const row = appraisal.sessions.get(id);
      return Promise.resolve(row ? viewOf(id, row) : null);
    },
    person: (id) => Promise.resolve(rows.world.people.has(id) ? rows.ref(id) : null),
    superiorOf(leaderId) {
      const superiorId = rows.world.people.get(leaderId)?.supervisorId;
      const superior = superiorId ? rows.world.people.get(superiorId) : undefined;
      return Promise.resolve(superior?.active ? rows.ref(superior.id) : null);
    },
    awaitingCompetency: (leaderId, employeeId) =>
      Promise.resolve(
        [...appraisal.sessions.entries()]
          .filter(([, row]) => row.leaderId === leaderId && row.employeeId === employeeId && row.competencyEvaluatedAt === null)
          .sort(([, a], [, b]) => b.heldAt.getTime() - a.heldAt.getTime())
          .map(([id, row]) => viewOf(id, row)),
      ),
    insert(row) {
      work.change(`developmentSession.insert ${row.id}`, () => {
        appraisal.sessions.set(row.id, { ...row, employeeRating: null, ratedAt: null, feedbackToId: null, competencyEvaluatedAt: null, competencies: [] });
        return Promise.resolve();
      });
    },
    rate(id, employeeId, rating) {
      work.guarded(`developmentSession.rate ${id}`, guard(() => appraisal.sessions.get(id), (row) => row.employeeId === employeeId && row.ratedAt === null, (row) => Object.assign(row, rating)));
    },
    evaluateCompetencies(id, leaderId, competencies, at) {
      work.guarded(
        `developmentSession.competencies ${id}`,
        guard(() => appraisal.sessions.get(id), (row) => row.leaderId === leaderId && row.competencyEvaluatedAt === null, (row) => Object.assign(row, { competencyEvaluatedAt: at, competencies: [...competencies] })),
      );
    },
  };
}

/** The keberatan, follow-up and guidance services of one decision over the in-memory rows (memoryServices adds them). */
export function appraisalServices(rows: MemoryRows, work: UnitOfWork, common: { access: Access; work: UnitOfWork; newId: () => string }): Pick<Services, 'objections' | 'followUps' | 'development' | 'creditPoints'> {
  const appraisal = appraisalOf(rows);
  return {
    objections: new ObjectionService({ ...common, objections: memoryObjections(appraisal, work) }),
    followUps: new FollowUpService({ ...common, followUps: memoryFollowUps(appraisal, work) }),
    development: new DevelopmentService({ ...common, sessions: memoryDevelopment(appraisal, work) }),
    creditPoints: new CreditPointService({ ...common, pak: memoryCreditPoints(appraisal, work) }),
  };
}
