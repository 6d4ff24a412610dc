/**
 * Follow-up (tindak lanjut): the one place its life is decided. The rater (or their Plt/Plh)
 * records a recommendation – reward, sanction, development – on a finalised evaluation; the
 * superior who also hears keberatan about it is told. That superior, whoever acts for them, the
 * employee's rater's superior now, or HR covering the employee records the decision – once: the
 * write is guarded, so a second decider (or a second device) cannot overwrite it. The bot imposes
 * nothing; people decide.
 */
import type { FollowUpKind } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A recommendation as the rules and the messages about it need it. */
export interface FollowUpView {
  id: string;
  kind: FollowUpKind;
  recommendation: string;
  decision: string | null;
  decidedAt: Date | null;
  evaluation: { id: string; periodKey: string; employee: PersonRef; rater: PersonRef };
}

/** Where follow-ups are kept. Writes take effect when the unit of work commits. */
export interface FollowUpStore {
  find(id: string): Promise<FollowUpView | null>;
  /** The employee's evaluation past the draft stage (finalised, accepted, objected to or decided); null otherwise. */
  finalEvaluation(id: string, employeeId: string): Promise<FollowUpView['evaluation'] | null>;
  /** The superior who hears keberatan about the evaluation (see deciderFor); null when there is none. */
  decider(evaluationId: string): Promise<PersonRef | null>;
  /** True when `actor` is `personId`, or acts for them (Plt/Plh) today. */
  actsFor(actor: Member, personId: string): Promise<boolean>;
  insert(row: { id: string; evaluationId: string; kind: FollowUpKind; recommendation: string }): void;
  /** Guarded: only a recommendation not decided yet. */
  decide(id: string, decision: { decision: string; decidedById: string; decidedAt: Date }): void;
}

/** Why a follow-up could not be recommended or decided. */
export type FollowUpRefusal = { code: 'NO_EVALUATION' } | { code: 'NOT_FOUND' } | { code: 'DECIDED' } | { code: 'NOT_DECIDER' } | Denied;

export interface FollowUpDependencies {
  followUps: FollowUpStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class FollowUpService {
  constructor(private readonly deps: FollowUpDependencies) {}

  /** The rater (or Plt/Plh) recommends a follow-up on a finalised evaluation; the superior gets it to decide. */
  async recommend(
    actor: Member,
    input: { employeeId: string; evaluationId: string; kind: FollowUpKind; recommendation: string },
  ): Promise<Result<{ followUp: FollowUpView; decider: PersonRef | null }, FollowUpRefusal>> {
    const { followUps, work } = this.deps;
    const denied = await authorise(this.deps.access, work, actor, 'EVALUATE', input.employeeId);
    if (denied) return refused(denied);
    const evaluation = await followUps.finalEvaluation(input.evaluationId, input.employeeId);
    if (!evaluation) return refused({ code: 'NO_EVALUATION' });
    const id = this.deps.newId();
    followUps.insert({ id, evaluationId: evaluation.id, kind: input.kind, recommendation: input.recommendation });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'followUp.recommended', entityType: 'EvaluationFollowUp', entityId: id, details: { evaluationId: evaluation.id, kind: input.kind } });
    // The superior who also hears keberatan about this evaluation decides.
    const decider = await followUps.decider(evaluation.id);
    const followUp: FollowUpView = { id, kind: input.kind, recommendation: input.recommendation, decision: null, decidedAt: null, evaluation };
    return ok({ followUp, decider }, [{ type: 'followUp.recommended', followUp, decider, by: personOf(actor) }]);
  }

  /**
   * Whether `actor` may (still) decide: the superior who got the button or whoever acts for them,
   * the employee's rater's superior now, or HR covering the employee – never the rater or the employee.
   */
  async openForDecision(actor: Member, followUpId: string): Promise<Result<FollowUpView, FollowUpRefusal>> {
    const { followUps, access } = this.deps;
    const followUp = await followUps.find(followUpId);
    if (!followUp) return refused({ code: 'NOT_FOUND' });
    if (followUp.decidedAt) return refused({ code: 'DECIDED' });
    const { employee, rater } = followUp.evaluation;
    if (actor.id === rater.id || actor.id === employee.id) return refused({ code: 'NOT_DECIDER' });
    const decider = await followUps.decider(followUp.evaluation.id);
    if (decider && (await followUps.actsFor(actor, decider.id))) return ok(followUp);
    for (const action of ['DECIDE_OBJECTION', 'EXPORT'] as const) if ((await access.decide(actor, action, employee.id)).allowed) return ok(followUp);
    return refused({ code: 'NOT_DECIDER' });
  }

  /** Records the decision, once; the rater and the employee are told. */
  async decide(actor: Member, followUpId: string, decision: string): Promise<Result<FollowUpView, FollowUpRefusal>> {
    const open = await this.openForDecision(actor, followUpId);
    if (!open.ok) return open;
    const { work } = this.deps;
    this.deps.followUps.decide(followUpId, { decision, decidedById: actor.id, decidedAt: work.now });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'followUp.decided', entityType: 'EvaluationFollowUp', entityId: followUpId });
    const followUp: FollowUpView = { ...open.value, decision, decidedAt: work.now };
    return ok(followUp, [{ type: 'followUp.decided', followUp, by: personOf(actor) }]);
  }
}
