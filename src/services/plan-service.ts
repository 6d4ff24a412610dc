/**
 * SKP plans: the one place a plan's life is decided. A supervisor (or Plt/Plh) proposes a version
 * built on their own agreed RHK; the employee agrees (the version is locked, the others superseded)
 * or asks a question; the supervisor answers and the plan waits for the employee again. Only the
 * newest open version can be answered, and every status write is guarded, so a stale button, a
 * second answer (the supervisor and their Plh) or two instances cannot move a plan backwards.
 */
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { OPEN_STATUSES, type BehaviourDraft, type Lampiran, type PlanContent, type RhkDraft } from './plans.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A stored plan version, as the rules and the messages need it. */
export interface PlanRecord {
  content: PlanContent;
  supersededAt: Date | null;
  /** True when no newer version of the same year exists. */
  newest: boolean;
  employee: PersonRef;
  rater: PersonRef | null;
}

/** A clarification question with its plan. */
export interface ClarificationRecord {
  id: string;
  question: string;
  answeredAt: Date | null;
  askedBy: PersonRef;
  plan: PlanRecord;
}

/** Where plans are kept. Writes take effect when the unit of work commits. */
export interface PlanStore {
  byId(planId: string): Promise<PlanRecord | null>;
  /** The newest version of a year, and the agreed one in force. */
  latest(employeeId: string, year: number): Promise<PlanRecord | null>;
  /** The highest version number of the year across its SKP periods (0 when none). */
  lastVersion(employeeId: string, year: number): Promise<number>;
  agreedRhks(employeeId: string, year: number): Promise<{ id: string; text: string }[] | null>;
  clarification(id: string): Promise<ClarificationRecord | null>;
  employee(id: string): Promise<(PersonRef & { position: string; positionType: string }) | null>;
  /** A new version; the older versions not agreed are superseded. Conflicts when another proposal took the version first. */
  propose(plan: NewPlanVersion): void;
  /** Guarded: only an open, current version. Every other version of the year is superseded. */
  agree(plan: { id: string; employeeId: string; year: number }, at: Date): void;
  /** Guarded: only an open, current version. */
  askClarification(planId: string, clarification: { id: string; askedById: string; question: string }): void;
  /** Guarded: only an unanswered question. `reopen`: the plan waits for the employee again. */
  answerClarification(id: string, answer: { answer: string; answeredById: string; answeredAt: Date }, reopenPlanId: string | null): void;
}

/** A new plan version: proposed by the rater (/ekspektasi) or submitted by the employee (/susunskp) with its lampiran. */
export interface NewPlanVersion {
  id: string;
  employeeId: string;
  raterId: string | null;
  year: number;
  version: number;
  positionTitle: string;
  rhks: RhkDraft[];
  behaviours: BehaviourDraft[];
  revision: boolean;
  status?: 'PROPOSED' | 'SUBMITTED';
  lampiran?: Lampiran;
}

/** Why a plan could not be changed. */
export type PlanRefusal =
  | { code: 'NOT_OPEN' }
  | { code: 'ANSWERED' }
  | { code: 'NEED_OWN_PLAN'; year: number }
  | { code: 'OWN_PLAN_CHANGED' }
  | Denied;

export interface PlanDependencies {
  plans: PlanStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class PlanService {
  constructor(private readonly deps: PlanDependencies) {}

  /** Whether `actor` may set expectations for others this year: their own plan must be agreed. */
  async mayPropose(actor: Member, year: number): Promise<Result<{ id: string; text: string }[], PlanRefusal>> {
    const own = await this.deps.plans.agreedRhks(actor.id, year);
    return own ? ok(own) : refused({ code: 'NEED_OWN_PLAN', year });
  }

  /** A supervisor (or Plt/Plh) proposes a plan for a report; each RHK supports one of the supervisor's own agreed RHK. */
  async propose(actor: Member, input: { employeeId: string; year: number; rhks: RhkDraft[]; behaviours: BehaviourDraft[]; lampiran?: Lampiran }): Promise<Result<PlanRecord, PlanRefusal>> {
    const { plans, work } = this.deps;
    const denied = await authorise(this.deps.access, work, actor, 'SET_EXPECTATIONS', input.employeeId);
    if (denied) return refused(denied);
    const own = await this.mayPropose(actor, input.year);
    if (!own.ok) return own;
    const ownIds = new Set(own.value.map((rhk) => rhk.id));
    if (input.rhks.some((rhk) => !rhk.leaderRhkId || !ownIds.has(rhk.leaderRhkId))) return refused({ code: 'OWN_PLAN_CHANGED' });
    const employee = await plans.employee(input.employeeId);
    if (!employee) return refused({ code: 'NOT_OPEN' });
    const latest = await plans.latest(input.employeeId, input.year);
    const id = this.deps.newId();
    // Numbered across the year: after a move the new SKP period's first version follows the old period's.
    const version = (await plans.lastVersion(input.employeeId, input.year)) + 1;
    plans.propose({ id, employeeId: input.employeeId, raterId: actor.id, year: input.year, version, positionTitle: employee.position, rhks: input.rhks, behaviours: input.behaviours, revision: !!latest, ...(input.lampiran ? { lampiran: input.lampiran } : {}) });
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'plan.proposed',
      entityType: 'Plan',
      entityId: id,
      details: { employeeId: input.employeeId, year: input.year, version, rhks: input.rhks.length },
    });
    const leaderTexts = new Map(own.value.map((rhk) => [rhk.id, rhk.text]));
    const plan: PlanRecord = {
      content: {
        id,
        employeeId: input.employeeId,
        employeeName: employee.name,
        year: input.year,
        version,
        status: 'PROPOSED',
        rhks: input.rhks.map((rhk) => ({ ...rhk, leaderText: rhk.leaderRhkId ? (leaderTexts.get(rhk.leaderRhkId) ?? null) : null })),
        behaviours: input.behaviours,
        lampiran: input.lampiran ?? null,
      },
      supersededAt: null,
      newest: true,
      employee: { id: employee.id, name: employee.name, locale: employee.locale },
      rater: personOf(actor),
    };
    return ok(plan, [{ type: 'plan.proposed', plan }]);
  }

  /** Whether `actor` may still answer this version (agree or ask), with the plan. */
  async openForResponse(actor: Member, planId: string): Promise<Result<PlanRecord, PlanRefusal>> {
    const plan = await this.deps.plans.byId(planId);
    if (!plan) return refused({ code: 'NOT_OPEN' });
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'RESPOND_TO_PLAN', plan.employee.id);
    if (denied) return refused(denied);
    return isOpen(plan) ? ok(plan) : refused({ code: 'NOT_OPEN' });
  }

  /** The employee agrees: the version is locked and every other version of the year superseded. */
  async agree(actor: Member, planId: string): Promise<Result<PlanRecord, PlanRefusal>> {
    const open = await this.openForResponse(actor, planId);
    if (!open.ok) return open;
    const { content } = open.value;
    this.deps.plans.agree({ id: content.id, employeeId: content.employeeId, year: content.year }, this.deps.work.now);
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.agreed', entityType: 'Plan', entityId: content.id, details: { version: content.version } });
    const plan: PlanRecord = { ...open.value, content: { ...content, status: 'AGREED' } };
    return ok(plan, [{ type: 'plan.agreed', plan }]);
  }

  /** The employee asks a question about an open version; it goes to the supervisor who proposed it. */
  async askClarification(actor: Member, planId: string, question: string): Promise<Result<PlanRecord, PlanRefusal>> {
    const open = await this.openForResponse(actor, planId);
    if (!open.ok) return open;
    const clarificationId = this.deps.newId();
    this.deps.plans.askClarification(planId, { id: clarificationId, askedById: actor.id, question });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.clarificationRequested', entityType: 'Plan', entityId: planId });
    const plan: PlanRecord = { ...open.value, content: { ...open.value.content, status: 'CLARIFICATION_REQUESTED' } };
    return ok(plan, [{ type: 'plan.clarificationRequested', plan, clarificationId, question, askedBy: personOf(actor) }]);
  }

  /** Whether `actor` may still answer this question, with it. */
  async openQuestion(actor: Member, clarificationId: string): Promise<Result<ClarificationRecord, PlanRefusal>> {
    const clarification = await this.deps.plans.clarification(clarificationId);
    if (!clarification) return refused({ code: 'NOT_OPEN' });
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'ANSWER_CLARIFICATION', clarification.plan.employee.id);
    if (denied) return refused(denied);
    return clarification.answeredAt ? refused({ code: 'ANSWERED' }) : ok(clarification);
  }

  /** The supervisor (or their Plt/Plh) answers once; an open plan waits for the employee again. */
  async answerClarification(actor: Member, clarificationId: string, answer: string): Promise<Result<ClarificationRecord, PlanRefusal>> {
    const open = await this.openQuestion(actor, clarificationId);
    if (!open.ok) return open;
    const clarification = open.value;
    const stillOpen = isOpen(clarification.plan);
    this.deps.plans.answerClarification(clarificationId, { answer, answeredById: actor.id, answeredAt: this.deps.work.now }, stillOpen ? clarification.plan.content.id : null);
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.clarificationAnswered', entityType: 'Plan', entityId: clarification.plan.content.id });
    const plan: PlanRecord = stillOpen ? { ...clarification.plan, content: { ...clarification.plan.content, status: 'PROPOSED' } } : clarification.plan;
    const answered: ClarificationRecord = { ...clarification, answeredAt: this.deps.work.now, plan };
    return ok(answered, [{ type: 'plan.clarificationAnswered', clarification: answered, answer, by: personOf(actor), stillOpen }]);
  }
}

/** True when the version is the newest and still waits for the employee. */
export function isOpen(plan: PlanRecord): boolean {
  return plan.newest && !plan.supersededAt && OPEN_STATUSES.includes(plan.content.status);
}
