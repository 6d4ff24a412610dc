/**
 * Obstacles (kendala): the one place their life is decided. An employee reports one (with
 * /kendala or in the weekly check-in) and it reaches their supervisor; whoever may answer it
 * (the supervisor, or a Plt/Plh) responds; the employee or whoever may answer it marks it resolved.
 * A resolved obstacle stays resolved: a response typed after *Tandai selesai* is refused, and the
 * status writes are guarded, so two people (or two instances) cannot move it backwards.
 */
import type { ObstacleSource, ObstacleStatus } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import type { Member } from './people.js';
import { ok, refused, type Done, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** An obstacle as the rules and the messages about it need it. */
export interface ObstacleView {
  id: string;
  status: ObstacleStatus;
  text: string;
  supportNeeded: string | null;
  /** The RHK it concerns, in words. */
  rhkText: string | null;
  employee: PersonRef;
  supervisor: PersonRef | null;
}

/** Where obstacles are kept. Writes take effect when the unit of work commits. */
export interface ObstacleStore {
  find(id: string): Promise<ObstacleView | null>;
  /** The person's supervisor and the RHK's text, for a new obstacle. */
  newcomer(employeeId: string, rhkId: string | null): Promise<{ supervisor: PersonRef | null; rhkText: string | null }>;
  insert(row: { id: string; employeeId: string; supervisorId: string | null; rhkId: string | null; source: ObstacleSource; checkinPromptId: string | null; text: string; supportNeeded: string | null }): void;
  /** Guarded: only while the obstacle is not resolved. */
  respond(id: string, change: { response: string; respondedById: string; respondedAt: Date }): void;
  /** Guarded: only while the obstacle is not resolved. */
  resolve(id: string, at: Date): void;
}

/** Why an obstacle could not be changed. */
export type ObstacleRefusal = { code: 'NOT_FOUND' } | { code: 'RESOLVED' } | Denied;

export interface ObstacleDependencies {
  obstacles: ObstacleStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class ObstacleService {
  constructor(private readonly deps: ObstacleDependencies) {}

  /** The employee reports an obstacle; it goes to their supervisor (if the bot knows one). */
  async report(
    actor: Member,
    input: { text: string; supportNeeded: string | null; rhkId: string | null; source?: ObstacleSource; checkinPromptId?: string },
  ): Promise<Done<ObstacleView>> {
    const { obstacles, work } = this.deps;
    const id = this.deps.newId();
    const { supervisor, rhkText } = await obstacles.newcomer(actor.id, input.rhkId);
    obstacles.insert({
      id,
      employeeId: actor.id,
      supervisorId: supervisor?.id ?? null,
      rhkId: input.rhkId,
      source: input.source ?? 'COMMAND',
      checkinPromptId: input.checkinPromptId ?? null,
      text: input.text,
      supportNeeded: input.supportNeeded,
    });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'obstacle.reported', entityType: 'Obstacle', entityId: id });
    const obstacle: ObstacleView = { id, status: 'OPEN', text: input.text, supportNeeded: input.supportNeeded, rhkText, employee: personOf(actor), supervisor };
    return ok(obstacle, [{ type: 'obstacle.reported', obstacle }]);
  }

  /** Checks a response may still be written (before asking for its text). */
  async canRespond(actor: Member, obstacleId: string): Promise<Result<ObstacleView, ObstacleRefusal>> {
    const obstacle = await this.deps.obstacles.find(obstacleId);
    if (!obstacle) return refused({ code: 'NOT_FOUND' });
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'ANSWER_OBSTACLE', obstacle.employee.id);
    if (denied) return refused(denied);
    if (obstacle.status === 'RESOLVED') return refused({ code: 'RESOLVED' });
    return ok(obstacle);
  }

  /** The supervisor (or their Plt/Plh) responds; refused once the obstacle is resolved. */
  async respond(actor: Member, obstacleId: string, response: string): Promise<Result<ObstacleView, ObstacleRefusal>> {
    const checked = await this.canRespond(actor, obstacleId);
    if (!checked.ok) return checked;
    const obstacle = checked.value;
    this.deps.obstacles.respond(obstacle.id, { response, respondedById: actor.id, respondedAt: this.deps.work.now });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'obstacle.answered', entityType: 'Obstacle', entityId: obstacle.id });
    const answered: ObstacleView = { ...obstacle, status: 'ANSWERED' };
    return ok(answered, [{ type: 'obstacle.responded', obstacle: answered, response, by: personOf(actor) }]);
  }

  /** The employee who reported it, or whoever may answer it, marks it resolved. */
  async resolve(actor: Member, obstacleId: string): Promise<Result<ObstacleView, ObstacleRefusal>> {
    const { obstacles, work } = this.deps;
    const obstacle = await obstacles.find(obstacleId);
    if (!obstacle) return refused({ code: 'NOT_FOUND' });
    if (obstacle.employee.id !== actor.id) {
      const denied = await authorise(this.deps.access, work, actor, 'ANSWER_OBSTACLE', obstacle.employee.id);
      if (denied) return refused(denied);
    }
    if (obstacle.status === 'RESOLVED') return refused({ code: 'RESOLVED' });
    obstacles.resolve(obstacle.id, work.now);
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'obstacle.resolved', entityType: 'Obstacle', entityId: obstacle.id });
    const resolved: ObstacleView = { ...obstacle, status: 'RESOLVED' };
    return ok(resolved, [{ type: 'obstacle.resolved', obstacle: resolved, by: personOf(actor) }]);
  }
}

/** A member as other people's messages name them. */
export function personOf(member: Member): PersonRef {
  return { id: member.id, name: member.name, locale: member.locale };
}
