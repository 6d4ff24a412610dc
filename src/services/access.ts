/**
 * Who may do what, asked by services at the moment of the change: the pure rules of
 * domain/access.ts over the people as stored. A refusal is a value, audited with the change it
 * stopped (in the decision's unit of work).
 */
import type { AccessDecision, Action, DenialReason } from '../domain/access.js';
import type { Reader } from './db.js';
import { decide, type Member } from './people.js';
import type { UnitOfWork } from './work.js';

/** Access decisions for one decision (reads the people and assignments involved). */
export interface Access {
  decide(actor: Member, action: Action, targetId: string): Promise<AccessDecision>;
}

/** Access decided from the database, for `now` in the actor's time zone. */
export function databaseAccess(db: Reader, now: Date): Access {
  return { decide: (actor, action, targetId) => decide(db, actor, action, targetId, now) };
}

/** A refusal by the access rules: the action, and why. */
export interface Denied {
  code: 'DENIED';
  action: Action;
  reason: DenialReason;
}

/** Null when `actor` may take `action` about `targetId`; otherwise the refusal, with the attempt audited in `work`. */
export async function authorise(access: Access, work: UnitOfWork, actor: Member, action: Action, targetId: string): Promise<Denied | null> {
  const decision = await access.decide(actor, action, targetId);
  if (decision.allowed) return null;
  work.audit({
    agencyId: actor.agencyId,
    actorId: actor.id,
    action: 'access.denied',
    entityType: 'Employee',
    entityId: targetId,
    details: { attempted: action, reason: decision.reason },
  });
  return { code: 'DENIED', action, reason: decision.reason };
}
