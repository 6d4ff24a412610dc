/**
 * What a service method returns: the outcome and the domain events it caused, or a typed refusal
 * – "no longer applies", "not yours", "denied" – never an exception for an expected outcome.
 */
import type { DomainEvent } from './events.js';

/** A change that happened, with its events. */
export type Done<T> = { ok: true; value: T; events: DomainEvent[] };

export type Result<T, R> = Done<T> | { ok: false; refusal: R };

/** A success with its events. */
export function ok<T>(value: T, events: DomainEvent[] = []): Done<T> {
  return { ok: true, value, events };
}

/** A refusal. */
export function refused<R>(refusal: R): { ok: false; refusal: R } {
  return { ok: false, refusal };
}
