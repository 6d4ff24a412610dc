/**
 * In-memory stores of the aggregates, over a MemoryWorld: the same contracts as the Prisma stores
 * in src/services/*-store.ts – reads now, writes when the unit of work is committed, status writes
 * guarded the same way – and the services built on them, as servicesFor builds them.
 */
import type { CheckinStatus, FeedbackKind, ObstacleStatus, PlanStatus } from '../../src/generated/prisma/enums.js';
import { CheckinService, type CheckinStore, type PromptView } from '../../src/services/checkin-service.js';
import type { PersonRef } from '../../src/services/events.js';
import { FeedbackService, type FeedbackAbout, type FeedbackStore } from '../../src/services/feedback-service.js';
import { LeaveService, type LeaveStore } from '../../src/services/leave-service.js';
import { ObstacleService, type ObstacleStore } from '../../src/services/obstacles.js';
import { PlanService, type ClarificationRecord, type PlanRecord, type PlanStore } from '../../src/services/plan-service.js';
import { OPEN_STATUSES, type BehaviourDraft, type Lampiran, type RhkDraft } from '../../src/services/plans.js';
import { SkpService, type RecordedDecision, type SkpStore } from '../../src/services/skp-service.js';
import { ProgressService, type ProgressStore } from '../../src/services/progress-service.js';
import type { Services } from '../../src/services/registry.js';
import type { UnitOfWork } from '../../src/services/work.js';
import { commitInMemory, type MemoryWorld } from './memory-world.js';
import { EvaluationService } from '../../src/services/evaluation-service.js';
import { PenetapanService } from '../../src/services/penetapan-service.js';
import { memoryPenetapan } from './memory-penetapan.js';
import { UnitPredikatService } from '../../src/services/unit-predikat-service.js';
import { memoryEvaluations, memoryReachability, memoryUnitPredikats } from './memory-evaluations.js';
import { appraisalServices } from './memory-appraisal.js';
import { ActingService, type ActingRecord, type ActingStore } from '../../src/services/acting-service.js';
import { actingProblem } from '../../src/domain/acting.js';
import { formatCivilDate } from '../../src/domain/civil-date.js';

export interface ObstacleRow {
  id: string;
  employeeId: string;
  supervisorId: string | null;
  rhkId: string | null;
  text: string;
  supportNeeded: string | null;
  status: ObstacleStatus;
  response: string | null;
  respondedById: string | null;
  resolvedAt: Date | null;
  source: string;
}

export interface PlanRow {
  id: string;
  employeeId: string;
  raterId: string | null;
  year: number;
  version: number;
  status: PlanStatus;
  supersededAt: Date | null;
  rhks: (RhkDraft & { id: string })[];
  behaviours: BehaviourDraft[];
  lampiran?: Lampiran;
  establishedById?: string;
  recorded?: RecordedDecision & { officialId: string };
  returnNote?: string;
}

export interface ClarificationRow {
  id: string;
  planId: string;
  askedById: string;
  question: string;
  answer: string | null;
  answeredById: string | null;
  answeredAt: Date | null;
}

export interface FeedbackRow {
  id: string;
  recipientId: string;
  giverId: string;
  kind: FeedbackKind;
  rhkId: string | null;
  coreValue: string | null;
  text: string;
  requestId: string | null;
  reply: string | null;
}

/** The rows of every aggregate, kept beside the world's people. */
export class MemoryRows {
  readonly obstacles = new Map<string, ObstacleRow>();
  readonly plans = new Map<string, PlanRow>();
  readonly clarifications = new Map<string, ClarificationRow>();
  readonly feedback = new Map<string, FeedbackRow>();
  readonly requests = new Map<string, { id: string; requesterId: string; requesteeId: string; status: 'OPEN' | 'ANSWERED' }>();
  readonly leaves: { id: string; employeeId: string; startsOn: Date; endsOn: Date; recordedById: string | null }[] = [];
  readonly prompts = new Map<string, { id: string; employeeId: string; status: CheckinStatus; answers: unknown[] }>();
  readonly progress: { employeeId: string; rhkId: string; text: string }[] = [];
  /** Plt/Plh recorded through the acting service (also put in the world's assignments, for the access rules). */
  readonly actings: ActingRecord[] = [];

  constructor(readonly world: MemoryWorld) {}

  ref(id: string): PersonRef {
    const person = this.world.member(id);
    return { id: person.id, name: person.name, locale: person.locale };
  }

  /** An agreed (or other) plan with one RHK per text, for tests to start from. */
  addPlan(employeeId: string, status: PlanStatus, rhkTexts: string[], options: { version?: number; raterId?: string; year?: number } = {}): PlanRow {
    const id = this.world.newId();
    const plan: PlanRow = {
      id,
      employeeId,
      raterId: options.raterId ?? this.world.member(employeeId).supervisorId,
      year: options.year ?? 2026,
      version: options.version ?? 1,
      status,
      supersededAt: null,
      rhks: rhkTexts.map((text) => ({ id: this.world.newId(), kind: 'UTAMA', text, leaderRhkId: null, indicators: [] })),
      behaviours: [],
    };
    this.plans.set(id, plan);
    return plan;
  }

  planRecord(plan: PlanRow): PlanRecord {
    const newest = ![...this.plans.values()].some((p) => p.employeeId === plan.employeeId && p.year === plan.year && p.version > plan.version);
    const employee = this.ref(plan.employeeId);
    return {
      content: {
        id: plan.id,
        employeeId: plan.employeeId,
        employeeName: employee.name,
        year: plan.year,
        version: plan.version,
        status: plan.status,
        rhks: plan.rhks.map((rhk) => ({ ...rhk, leaderText: null })),
        behaviours: plan.behaviours,
      },
      supersededAt: plan.supersededAt,
      newest,
      employee,
      rater: plan.raterId ? this.ref(plan.raterId) : null,
    };
  }

  rhk(id: string): { text: string; ownerId: string } | null {
    for (const plan of this.plans.values()) {
      const rhk = plan.rhks.find((candidate) => candidate.id === id);
      if (rhk) return { text: rhk.text, ownerId: plan.employeeId };
    }
    return null;
  }
}

export function memoryObstacles(rows: MemoryRows, work: UnitOfWork): ObstacleStore {
  const notResolved = (id: string, change: (row: ObstacleRow) => void) => () => {
    const row = rows.obstacles.get(id);
    if (!row || row.status === 'RESOLVED') return Promise.resolve(0);
    change(row);
    return Promise.resolve(1);
  };
  return {
    find(id) {
      const row = rows.obstacles.get(id);
      if (!row) return Promise.resolve(null);
      return Promise.resolve({
        id: row.id,
        status: row.status,
        text: row.text,
        supportNeeded: row.supportNeeded,
        rhkText: row.rhkId ? (rows.rhk(row.rhkId)?.text ?? null) : null,
        employee: rows.ref(row.employeeId),
        supervisor: row.supervisorId ? rows.ref(row.supervisorId) : null,
      });
    },
    newcomer(employeeId, rhkId) {
      const supervisorId = rows.world.member(employeeId).supervisorId;
      return Promise.resolve({ supervisor: supervisorId ? rows.ref(supervisorId) : null, rhkText: rhkId ? (rows.rhk(rhkId)?.text ?? null) : null });
    },
    insert(row) {
      work.change(`obstacle.insert ${row.id}`, () => {
        rows.obstacles.set(row.id, { ...row, status: 'OPEN', response: null, respondedById: null, resolvedAt: null });
        return Promise.resolve();
      });
    },
    respond(id, change) {
      work.guarded(`obstacle.respond ${id}`, notResolved(id, (row) => Object.assign(row, { status: 'ANSWERED', response: change.response, respondedById: change.respondedById })));
    },
    resolve(id, at) {
      work.guarded(`obstacle.resolve ${id}`, notResolved(id, (row) => Object.assign(row, { status: 'RESOLVED', resolvedAt: at })));
    },
  };
}

export function memoryPlans(rows: MemoryRows, work: UnitOfWork): PlanStore {
  const open = (plan: PlanRow | undefined) => !!plan && OPEN_STATUSES.includes(plan.status) && !plan.supersededAt;
  const latestOf = (employeeId: string, year: number) =>
    [...rows.plans.values()].filter((p) => p.employeeId === employeeId && p.year === year).sort((a, b) => b.version - a.version)[0];
  return {
    byId: (planId) => Promise.resolve(rows.plans.has(planId) ? rows.planRecord(rows.plans.get(planId)!) : null),
    latest(employeeId, year) {
      const latest = latestOf(employeeId, year);
      return Promise.resolve(latest ? rows.planRecord(latest) : null);
    },
    lastVersion: (employeeId, year) => Promise.resolve(latestOf(employeeId, year)?.version ?? 0),
    agreedRhks(employeeId, year) {
      const agreed = [...rows.plans.values()].filter((p) => p.employeeId === employeeId && p.year === year && p.status === 'AGREED').sort((a, b) => b.version - a.version)[0];
      return Promise.resolve(agreed ? agreed.rhks.map((rhk) => ({ id: rhk.id, text: rhk.text })) : null);
    },
    clarification(id) {
      const row = rows.clarifications.get(id);
      const plan = row ? rows.plans.get(row.planId) : undefined;
      if (!row || !plan) return Promise.resolve(null);
      return Promise.resolve({ id, question: row.question, answeredAt: row.answeredAt, askedBy: rows.ref(row.askedById), plan: rows.planRecord(plan) } satisfies ClarificationRecord);
    },
    employee: (id) => Promise.resolve(rows.world.people.has(id) ? { ...rows.ref(id), position: rows.world.member(id).position, positionType: rows.world.positionTypes.get(id) ?? 'PENGAWAS' } : null),
    propose(plan) {
      work.change(`plan.propose ${plan.id}`, () => {
        for (const other of rows.plans.values()) if (other.employeeId === plan.employeeId && other.year === plan.year && other.status !== 'AGREED' && !other.supersededAt) other.supersededAt = work.now;
        rows.plans.set(plan.id, { ...plan, status: plan.status ?? 'PROPOSED', supersededAt: null, rhks: plan.rhks.map((rhk) => ({ ...rhk, id: rows.world.newId() })) });
        return Promise.resolve();
      });
    },
    agree(plan, at) {
      work.guarded(`plan.agree ${plan.id}`, () => {
        const row = rows.plans.get(plan.id);
        if (!row || !open(row)) return Promise.resolve(0);
        row.status = 'AGREED';
        for (const other of rows.plans.values()) if (other !== row && other.employeeId === row.employeeId && other.year === row.year && !other.supersededAt) other.supersededAt = at;
        return Promise.resolve(1);
      });
    },
    askClarification(planId, clarification) {
      work.guarded(`plan.ask ${planId}`, () => {
        const row = rows.plans.get(planId);
        if (!row || !open(row)) return Promise.resolve(0);
        row.status = 'CLARIFICATION_REQUESTED';
        rows.clarifications.set(clarification.id, { ...clarification, planId, answer: null, answeredById: null, answeredAt: null });
        return Promise.resolve(1);
      });
    },
    answerClarification(id, answer, reopenPlanId) {
      work.guarded(`clarification.answer ${id}`, () => {
        const row = rows.clarifications.get(id);
        if (!row || row.answeredAt) return Promise.resolve(0);
        Object.assign(row, answer);
        const plan = reopenPlanId ? rows.plans.get(reopenPlanId) : undefined;
        if (plan && open(plan)) plan.status = 'PROPOSED';
        return Promise.resolve(1);
      });
    },
  };
}

/** The SKP penetapan over the in-memory rows: the PPK from the world's rating line, officials outside the bot from `world.externalPpks`. */
export function memorySkp(rows: MemoryRows, work: UnitOfWork): SkpStore {
  const submitted = (plan: PlanRow | undefined): plan is PlanRow => !!plan && plan.status === 'SUBMITTED' && !plan.supersededAt;
  return {
    plans: memoryPlans(rows, work),
    establisher(employeeId) {
      const { ppkId } = rows.world.ratingIds(employeeId);
      if (ppkId) return Promise.resolve({ ppk: rows.ref(ppkId), external: null });
      return Promise.resolve({ ppk: null, external: rows.world.externalPpks.get(employeeId) ?? null });
    },
    establish(plan, by) {
      work.guarded(`plan.establish ${plan.id}`, () => {
        const row = rows.plans.get(plan.id);
        if (!submitted(row)) return Promise.resolve(0);
        Object.assign(row, { status: 'AGREED', establishedById: by.byId, ...(by.raterId ? { raterId: by.raterId } : {}), ...(by.recorded ? { recorded: by.recorded } : {}) });
        for (const other of rows.plans.values()) if (other !== row && other.employeeId === row.employeeId && other.year === row.year && !other.supersededAt) other.supersededAt = by.at;
        return Promise.resolve(1);
      });
    },
    sendBack(planId, note) {
      work.guarded(`plan.return ${planId}`, () => {
        const row = rows.plans.get(planId);
        if (!submitted(row)) return Promise.resolve(0);
        Object.assign(row, { status: 'RETURNED', returnNote: note });
        return Promise.resolve(1);
      });
    },
  };
}

export function memoryFeedback(rows: MemoryRows, work: UnitOfWork): FeedbackStore {
  return {
    find(id) {
      const row = rows.feedback.get(id);
      if (!row) return Promise.resolve(null);
      const about: FeedbackAbout = row.rhkId ? { rhkId: row.rhkId, rhkText: rows.rhk(row.rhkId)?.text ?? '' } : { coreValue: 'pelayanan' };
      return Promise.resolve({ id, kind: row.kind, text: row.text, reply: row.reply, about, giver: rows.ref(row.giverId), recipient: rows.ref(row.recipientId) });
    },
    person: (id) => Promise.resolve(rows.world.people.has(id) ? rows.ref(id) : null),
    rhkText: (rhkId) => Promise.resolve(rows.rhk(rhkId)?.text ?? null),
    requestOpen: (requestId) => Promise.resolve(rows.requests.has(requestId) ? rows.requests.get(requestId)!.status === 'OPEN' : null),
    insert(row) {
      work.change(`feedback.insert ${row.id}`, () => {
        rows.feedback.set(row.id, { ...row, reply: null });
        const request = row.requestId ? rows.requests.get(row.requestId) : undefined;
        if (request) request.status = 'ANSWERED';
        return Promise.resolve();
      });
    },
    reply(id, reply) {
      work.guarded(`feedback.reply ${id}`, () => {
        const row = rows.feedback.get(id);
        if (!row || row.reply !== null) return Promise.resolve(0);
        row.reply = reply.reply;
        return Promise.resolve(1);
      });
    },
    insertRequest(row) {
      work.change(`feedbackRequest.insert ${row.id}`, () => {
        rows.requests.set(row.id, { ...row, status: 'OPEN' });
        return Promise.resolve();
      });
    },
  };
}

export function memoryLeaves(rows: MemoryRows, work: UnitOfWork): LeaveStore {
  return {
    person: (id) => Promise.resolve(rows.world.people.has(id) ? rows.ref(id) : null),
    insert(row) {
      work.change(`leave.insert ${row.id}`, () => {
        rows.leaves.push(row);
        return Promise.resolve();
      });
    },
  };
}

export function memoryCheckins(rows: MemoryRows, work: UnitOfWork): CheckinStore {
  const view = (row: { id: string; employeeId: string; status: CheckinStatus }): PromptView => ({ ...row, questions: ['obstacle', 'support', 'mood'] });
  return {
    prompt: (id) => Promise.resolve(rows.prompts.has(id) ? view(rows.prompts.get(id)!) : null),
    promptOfThisWeek(actor) {
      const existing = [...rows.prompts.values()].find((p) => p.employeeId === actor.id);
      if (existing) return Promise.resolve(view(existing));
      const id = rows.world.newId();
      work.guarded(`checkinPrompt.insert ${id}`, () => {
        if ([...rows.prompts.values()].some((p) => p.employeeId === actor.id)) return Promise.resolve(0);
        rows.prompts.set(id, { id, employeeId: actor.id, status: 'PENDING', answers: [] });
        return Promise.resolve(1);
      });
      return Promise.resolve(view({ id, employeeId: actor.id, status: 'PENDING' }));
    },
    close(promptId) {
      work.guarded(`checkinPrompt.answer ${promptId}`, () => {
        const row = rows.prompts.get(promptId);
        if (!row || row.status !== 'PENDING') return Promise.resolve(0);
        row.status = 'ANSWERED';
        return Promise.resolve(1);
      });
    },
    insertAnswers(promptId, answers) {
      work.change(`checkinAnswer.insert ${promptId}`, () => {
        rows.prompts.get(promptId)?.answers.push(...answers);
        return Promise.resolve();
      });
    },
    insertProgress(progress) {
      work.change('progressEntry.insert checkin', () => {
        rows.progress.push(...progress);
        return Promise.resolve();
      });
    },
  };
}

export function memoryProgress(rows: MemoryRows, work: UnitOfWork): ProgressStore {
  return {
    rhk: (id) => Promise.resolve(rows.rhk(id)),
    insert(row) {
      work.change(`progressEntry.insert ${row.id}`, () => {
        rows.progress.push(row);
        return Promise.resolve();
      });
    },
  };
}

export function memoryActing(rows: MemoryRows, work: UnitOfWork): ActingStore {
  const { world } = rows;
  const touching = (actingId: string, forId: string) =>
    rows.actings.filter((row) => row.forId === forId || (row.actingId === forId && row.forId === actingId)).map(({ actingId: a, forId: f, start, end }) => ({ actingId: a, forId: f, start, end }));
  const unitPath = (unitId: string) => {
    const path: string[] = [];
    for (let unit = world.units.get(unitId); unit; unit = unit.parentId ? world.units.get(unit.parentId) : undefined) path.unshift(unit.id);
    return path;
  };
  // The access rules read the world's assignments: keep them in step with the rows.
  const syncWorld = () => {
    world.acting.splice(0, world.acting.length, ...rows.actings.map((row) => ({ actingEmployeeId: row.actingId, actingForId: row.forId, startsOn: formatCivilDate(row.start), endsOn: formatCivilDate(row.end) })));
  };
  return {
    person(id) {
      const person = world.people.get(id);
      if (!person) return Promise.resolve(null);
      const { name, locale, nip, position, agencyId, active } = person;
      return Promise.resolve({ id, name, locale, nip, position, agencyId, active, unitPath: unitPath(person.unitId) });
    },
    hrRoles: (employeeId) => Promise.resolve(world.hrRoles.filter((role) => role.employeeId === employeeId).map(({ agencyId, unitId }) => ({ agencyId, unitId }))),
    touching: (actingId, forId) => Promise.resolve(touching(actingId, forId)),
    assignment: (id) => Promise.resolve(rows.actings.find((row) => row.id === id) ?? null),
    insert(row) {
      work.guarded(`actingAssignment.insert ${row.id}`, () => {
        if (actingProblem(row, touching(row.actingId, row.forId))) return Promise.resolve(0);
        rows.actings.push({ ...row });
        syncWorld();
        return Promise.resolve(1);
      });
    },
    end(id, expectedEnd, end) {
      work.guarded(`actingAssignment.end ${id}`, () => {
        const row = rows.actings.find((candidate) => candidate.id === id && formatCivilDate(candidate.end) === formatCivilDate(expectedEnd));
        if (!row) return Promise.resolve(0);
        row.end = end;
        syncWorld();
        return Promise.resolve(1);
      });
    },
  };
}

/** The services of one decision over the in-memory rows, as servicesFor builds them over PostgreSQL. */
export function memoryServices(rows: MemoryRows, work: UnitOfWork): Services {
  const common = { access: rows.world.access(), work, newId: rows.world.newId };
  const obstacles = new ObstacleService({ ...common, obstacles: memoryObstacles(rows, work) });
  return {
    obstacles,
    plans: new PlanService({ ...common, plans: memoryPlans(rows, work) }),
    skp: new SkpService({ ...common, skp: memorySkp(rows, work) }),
    feedback: new FeedbackService({ ...common, feedback: memoryFeedback(rows, work) }),
    leave: new LeaveService({ ...common, leaves: memoryLeaves(rows, work) }),
    checkins: new CheckinService({ work, obstacles, checkins: memoryCheckins(rows, work) }),
    progress: new ProgressService({ ...common, progress: memoryProgress(rows, work) }),
    evaluations: new EvaluationService({ ...common, evaluations: memoryEvaluations(rows, work), reach: memoryReachability(rows) }),
    unitPredikats: new UnitPredikatService({ work, newId: rows.world.newId, unitPredikats: memoryUnitPredikats(rows, work) }),
    penetapan: new PenetapanService({ ...common, penetapan: memoryPenetapan(rows, work), evaluations: memoryEvaluations(rows, work), reach: memoryReachability(rows) }),
    ...appraisalServices(rows, work, common),
    acting: new ActingService({ work, newId: rows.world.newId, acting: memoryActing(rows, work) }),
    // HR's settings and chat settings are written with SQL of their own and tested against PostgreSQL (hr-chat, period-settings, schedules).
    get chatSettings(): never {
      throw new Error('chat settings are not kept in memory');
    },
    settings: {
      savePeriods: () => Promise.reject(new Error('period settings are not kept in memory')),
      saveSchedule: () => Promise.reject(new Error('schedules are not kept in memory')),
    },
  };
}

/** Decides with the services of a fresh unit of work, then commits it in memory; returns what the decision returned. */
export async function decide<T>(rows: MemoryRows, run: (services: Services, work: UnitOfWork) => Promise<T>): Promise<T> {
  const work = rows.world.work();
  const value = await run(memoryServices(rows, work), work);
  await commitInMemory(work);
  return value;
}

/** Decides without committing yet (for two decisions made from the same state, as two instances would). */
export async function decideLater<T>(rows: MemoryRows, run: (services: Services, work: UnitOfWork) => Promise<T>): Promise<{ value: T; commit: () => Promise<void>; work: UnitOfWork }> {
  const work = rows.world.work();
  const value = await run(memoryServices(rows, work), work);
  return { value, work, commit: () => commitInMemory(work) };
}
