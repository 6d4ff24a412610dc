/**
 * Keberatan (objection): the one place its life is decided. The employee objects to a final
 * evaluation, with reasons, within the objection period (day N after receipt is the last day, in
 * the employee's time zone); it goes to the rater's superior (deciderFor). That superior – or
 * whoever acts for them (Plt/Plh), or whoever the access rules make the employee's rater's
 * superior now, never the rater and never the employee – may ask either side for an explanation
 * and decides: uphold, or change the ratings (the predikat follows the matrix). The decision is
 * final. Every status write is guarded, so a second device, a stale button or a late explanation
 * cannot move a keberatan (or the evaluation it is about) backwards.
 */
import type { CivilDate } from '../domain/civil-date.js';
import { OBJECTION_DAYS, objectionLastDay, objectionOpen } from '../domain/evaluation-window.js';
import { awaitsRaterExplanation } from '../domain/keberatan.js';
import { predikatFor, type EmployeePredikat, type Rating } from '../domain/rating-matrix.js';
import { localDate } from '../domain/time-zones.js';
import type { EvaluationStatus, ObjectionDecision, ObjectionStatus } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';
import type { ExternalOfficialRef, RecordedDecision } from './skp-service.js';

/** A result as the rater gave it, with their notes and feedback. */
export interface ResultView {
  resultsRating: Rating | null;
  behaviourRating: Rating | null;
  predikat: EmployeePredikat | null;
  notes: string | null;
  feedback: string | null;
}

/** An evaluation as a keberatan about it needs it. */
export interface AppraisedEvaluation {
  id: string;
  periodKey: string;
  status: EvaluationStatus;
  /** The rater's own result (a decision that changes it is kept on the keberatan). */
  result: ResultView;
  employee: PersonRef;
  rater: PersonRef;
  deliveredAt: Date | null;
  finalizedAt: Date | null;
  /** True once a keberatan was filed against it. */
  objected: boolean;
  /** The rater is still here and rated in person (not HR recording for an official): they must explain before a decision. */
  raterCanExplain: boolean;
}

/** A keberatan as the rules and the messages about it need it. */
export interface ObjectionView {
  id: string;
  status: ObjectionStatus;
  reasons: string;
  /** Who it was sent to (or, once decided, who decided it); null when that person is gone. */
  decider: PersonRef | null;
  employeeExplanation: string | null;
  raterExplanation: string | null;
  decision: ObjectionDecision | null;
  decisionNote: string | null;
  /** The result that replaces the rater's, when the decision changed it. */
  changed: { resultsRating: Rating; behaviourRating: Rating; predikat: EmployeePredikat } | null;
  evaluation: AppraisedEvaluation;
  /** The Atasan PPK outside the bot who decides (HR records it); null when the decider is in the bot. */
  external: ExternalOfficialRef | null;
  /** Pengelola kinerja who record the decision of an official outside the bot (empty otherwise). */
  recorders?: PersonRef[];
}

/** What the employee sees while writing a keberatan. */
export interface ObjectionDraft {
  evaluation: AppraisedEvaluation;
  /** Who decides: a person in the bot, or (`external`) an official outside it whose decision HR records. */
  decider: PersonRef | null;
  external: ExternalOfficialRef | null;
  /** The last day to object as the employee was told it: counted from delivery, or from today when not delivered yet. */
  lastDay: CivilDate;
}

/** The two sides a superior may ask to explain. */
export type ObjectionParty = 'employee' | 'rater';

/** The superior's decision as given in the conversation. */
export interface DecisionInput {
  decision: ObjectionDecision;
  /** The new ratings, when the decision changes the result (both needed for a new predikat). */
  results: Rating | null;
  behaviour: Rating | null;
  note: string;
  /** The decision document, when HR records the decision of an official outside the bot. */
  recorded?: RecordedDecision;
}

/** Where keberatan are kept. Writes take effect when the unit of work commits. */
export interface ObjectionStore {
  evaluation(id: string): Promise<AppraisedEvaluation | null>;
  /** The superior who hears a keberatan about an existing evaluation (see deciderFor); null when there is none. */
  decider(evaluationId: string): Promise<PersonRef | null>;
  /** The Atasan PPK outside the bot, when nobody in it hears the keberatan. */
  externalDecider(evaluationId: string): Promise<ExternalOfficialRef | null>;
  /** The pengelola kinerja whose scope covers the employee. */
  recordersFor(employeeId: string): Promise<PersonRef[]>;
  find(id: string): Promise<ObjectionView | null>;
  /** True when `actor` is `personId`, or acts for them (Plt/Plh) today. */
  actsFor(actor: Member, personId: string): Promise<boolean>;
  /** Guarded: only a FINAL evaluation (not accepted, not objected to meanwhile) becomes OBJECTED; the keberatan is inserted with it. */
  file(row: { id: string; evaluationId: string; reasons: string; deciderId: string | null; externalDeciderId: string | null; filedAt: Date }): void;
  /** Guarded: only while not decided. */
  review(id: string): void;
  /** Guarded: only while not decided. */
  explain(id: string, field: 'employeeExplanation' | 'raterExplanation', text: string): void;
  /** Guarded: only while not decided; the evaluation becomes DECIDED with it. */
  decide(
    id: string,
    evaluationId: string,
    decision: {
      decision: ObjectionDecision;
      decisionNote: string;
      deciderId: string | null;
      decidedAt: Date;
      documentNumber?: string;
      decidedOn?: Date;
      changedResultsRating: Rating | null;
      changedBehaviourRating: Rating | null;
      changedPredikat: EmployeePredikat | null;
    },
  ): void;
}

/** Why a keberatan could not be filed, explained, reviewed or decided. */
export type ObjectionRefusal =
  | { code: 'NOT_YOUR_EVALUATION' }
  /** The evaluation is no longer waiting for an answer: accepted, objected to, or decided. */
  | { code: 'ALREADY_ANSWERED' }
  | { code: 'PERIOD_OVER'; lastDay: CivilDate; days: number; received: CivilDate }
  | { code: 'NO_DECIDER' }
  | { code: 'NOT_FOUND' }
  | { code: 'DECIDED' }
  /** Only the employee and the rater explain. */
  | { code: 'NOT_PARTY' }
  | { code: 'RATER_CANNOT_DECIDE' }
  /** HR recording for an official outside the bot must give the decision's document. */
  | { code: 'DOCUMENT_REQUIRED' }
  /** PP 30/2019 Pasal 59 ayat (3)–(4): the PPK's explanation comes before the decision. */
  | { code: 'EXPLANATION_NEEDED'; objectionId: string; rater: PersonRef }
  | Denied;

export interface ObjectionDependencies {
  objections: ObjectionStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class ObjectionService {
  constructor(private readonly deps: ObjectionDependencies) {}

  /** Whether `actor` may still object to the evaluation, with what the conversation shows. */
  async canObject(actor: Member, evaluationId: string): Promise<Result<ObjectionDraft, ObjectionRefusal>> {
    const { objections, work } = this.deps;
    const evaluation = await objections.evaluation(evaluationId);
    if (!evaluation || evaluation.employee.id !== actor.id) return refused({ code: 'NOT_YOUR_EVALUATION' });
    if (evaluation.status !== 'FINAL' || evaluation.objected) return refused({ code: 'ALREADY_ANSWERED' });
    // PP 30/2019 Pasal 59: 14 days from receipt, for every agency.
    const days = OBJECTION_DAYS;
    // Not delivered yet (shown on the dashboard first): the period runs from finalising.
    const received = evaluation.deliveredAt ?? evaluation.finalizedAt ?? work.now;
    if (!objectionOpen(received, work.now, actor.timeZone, days)) {
      return refused({ code: 'PERIOD_OVER', lastDay: objectionLastDay(received, actor.timeZone, days), days, received: localDate(received, actor.timeZone) });
    }
    const decider = await objections.decider(evaluationId);
    const external = decider ? null : await objections.externalDecider(evaluationId);
    if (!decider && !external) return refused({ code: 'NO_DECIDER' });
    return ok({ evaluation, decider, external, lastDay: objectionLastDay(evaluation.deliveredAt ?? work.now, actor.timeZone, days) });
  }

  /** The employee files a keberatan; the deadline is checked again now, not only when they started writing. */
  async file(actor: Member, evaluationId: string, reasons: string): Promise<Result<{ objection: ObjectionView; decider: PersonRef | null; external: ExternalOfficialRef | null }, ObjectionRefusal>> {
    const open = await this.canObject(actor, evaluationId);
    if (!open.ok) return open;
    const { evaluation, decider, external } = open.value;
    const { objections, work } = this.deps;
    const id = this.deps.newId();
    objections.file({ id, evaluationId, reasons, deciderId: decider?.id ?? null, externalDeciderId: external?.id ?? null, filedAt: work.now });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'objection.filed', entityType: 'Objection', entityId: id, details: { evaluationId, deciderId: decider?.id ?? null, externalDeciderId: external?.id ?? null } });
    const recorders = external ? await objections.recordersFor(actor.id) : [];
    const objection: ObjectionView = {
      id,
      status: 'FILED',
      reasons,
      decider,
      employeeExplanation: null,
      raterExplanation: null,
      decision: null,
      decisionNote: null,
      changed: null,
      evaluation: { ...evaluation, status: 'OBJECTED', objected: true },
      external,
      recorders,
    };
    return ok({ objection, decider, external }, [{ type: 'objection.filed', objection }]);
  }

  /** The superior asks the employee or the rater to explain; a decided keberatan is not reopened. */
  async askForExplanation(actor: Member, objectionId: string, party: ObjectionParty): Promise<Result<{ objection: ObjectionView; party: PersonRef }, ObjectionRefusal>> {
    const open = await this.openForDecision(actor, objectionId);
    if (!open.ok) return open;
    this.deps.objections.review(objectionId);
    const objection: ObjectionView = { ...open.value, status: 'UNDER_REVIEW' };
    const asked = party === 'rater' ? objection.evaluation.rater : objection.evaluation.employee;
    return ok({ objection, party: asked }, [{ type: 'objection.explanationRequested', objection, party: asked, by: personOf(actor) }]);
  }

  /** Whether `actor` may still explain: the employee or the rater, until the decision. */
  async canExplain(actor: Member, objectionId: string): Promise<Result<ObjectionView, ObjectionRefusal>> {
    const objection = await this.deps.objections.find(objectionId);
    if (!objection) return refused({ code: 'NOT_FOUND' });
    if (objection.status === 'DECIDED') return refused({ code: 'DECIDED' });
    const { employee, rater } = objection.evaluation;
    return actor.id === employee.id || actor.id === rater.id ? ok(objection) : refused({ code: 'NOT_PARTY' });
  }

  /** The employee or the rater explains; the superior is told. An explanation after the decision is refused. */
  async explain(actor: Member, objectionId: string, text: string): Promise<Result<ObjectionView, ObjectionRefusal>> {
    const open = await this.canExplain(actor, objectionId);
    if (!open.ok) return open;
    const field = actor.id === open.value.evaluation.employee.id ? 'employeeExplanation' : 'raterExplanation';
    this.deps.objections.explain(objectionId, field, text);
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'objection.explained', entityType: 'Objection', entityId: objectionId, details: { field } });
    const recorders = open.value.external ? await this.deps.objections.recordersFor(open.value.evaluation.employee.id) : [];
    const objection: ObjectionView = { ...open.value, [field]: text, recorders };
    return ok(objection, [{ type: 'objection.explained', objection, explanation: text, by: personOf(actor) }]);
  }

  /** Whether `actor` may (still) decide, with the keberatan. */
  async openForDecision(actor: Member, objectionId: string): Promise<Result<ObjectionView, ObjectionRefusal>> {
    const objection = await this.deps.objections.find(objectionId);
    if (!objection) return refused({ code: 'NOT_FOUND' });
    const notDecider = await this.deciderRefusal(actor, objection);
    if (notDecider) return refused(notDecider);
    return objection.status === 'DECIDED' ? refused({ code: 'DECIDED' }) : ok(objection);
  }

  /** Whether `actor` may decide now: the decider, once the PPK has explained (PP 30/2019 Pasal 59 ayat 3–4). */
  async openForDeciding(actor: Member, objectionId: string): Promise<Result<ObjectionView, ObjectionRefusal>> {
    const open = await this.openForDecision(actor, objectionId);
    if (!open.ok) return open;
    return awaitsRaterExplanation(open.value) ? refused({ code: 'EXPLANATION_NEEDED', objectionId, rater: open.value.evaluation.rater }) : open;
  }

  /** The superior decides, once, after the PPK's explanation: uphold, or change the ratings (the predikat follows the matrix). Final; both sides are told. */
  async decide(actor: Member, objectionId: string, input: DecisionInput): Promise<Result<ObjectionView, ObjectionRefusal>> {
    const open = await this.openForDeciding(actor, objectionId);
    if (!open.ok) return open;
    if (open.value.external && !input.recorded?.documentNumber.trim()) return refused({ code: 'DOCUMENT_REQUIRED' });
    const recorded = open.value.external ? input.recorded : undefined;
    const { results, behaviour, decision } = input;
    const predikat = decision === 'CHANGED' && results && behaviour ? predikatFor(results, behaviour) : null;
    const changed = predikat && results && behaviour ? { resultsRating: results, behaviourRating: behaviour, predikat } : null;
    const { work } = this.deps;
    this.deps.objections.decide(objectionId, open.value.evaluation.id, {
      decision,
      decisionNote: input.note,
      deciderId: actor.id,
      decidedAt: work.now,
      changedResultsRating: changed?.resultsRating ?? null,
      changedBehaviourRating: changed?.behaviourRating ?? null,
      changedPredikat: predikat,
      ...(recorded ? { documentNumber: recorded.documentNumber.trim(), decidedOn: new Date(`${recorded.decidedOn}T00:00:00Z`) } : {}),
    });
    const recordedFor = open.value.external ? { recordedByHrFor: `${open.value.external.name}, ${open.value.external.title}`, documentNumber: recorded?.documentNumber, decidedOn: recorded?.decidedOn } : {};
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'objection.decided', entityType: 'Objection', entityId: objectionId, details: { decision, results, behaviour, predikat, ...recordedFor } });
    const objection: ObjectionView = {
      ...open.value,
      status: 'DECIDED',
      decider: open.value.external ? null : personOf(actor),
      decision,
      decisionNote: input.note,
      changed,
      evaluation: { ...open.value.evaluation, status: 'DECIDED' },
    };
    return ok(objection, [{ type: 'objection.decided', objection, by: personOf(actor) }]);
  }

  /**
   * Null when `actor` may decide: the superior the keberatan was sent to, whoever acts for them,
   * or whoever the access rules make the employee's rater's superior now. Never the rater; never
   * the employee, even when acting for the superior. A refusal by the access rules is audited.
   */
  private async deciderRefusal(actor: Member, objection: ObjectionView): Promise<ObjectionRefusal | null> {
    const { employee, rater } = objection.evaluation;
    if (actor.id === rater.id) return { code: 'RATER_CANNOT_DECIDE' };
    if (actor.id === employee.id) {
      // The rules refuse deciding about oneself; asked about oneself, the refusal says so (and is audited).
      return (await authorise(this.deps.access, this.deps.work, actor, 'DECIDE_OBJECTION', actor.id)) ?? { code: 'DENIED', action: 'DECIDE_OBJECTION', reason: 'SELF_NOT_ALLOWED' };
    }
    // An official outside the bot decides: HR covering the employee records it (and gathers the explanations).
    if (objection.external) return authorise(this.deps.access, this.deps.work, actor, 'RECORD_FOR_OFFICIAL', employee.id);
    if (objection.decider && (await this.deps.objections.actsFor(actor, objection.decider.id))) return null;
    return authorise(this.deps.access, this.deps.work, actor, 'DECIDE_OBJECTION', employee.id);
  }
}
