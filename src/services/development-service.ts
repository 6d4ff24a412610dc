/**
 * Guidance sessions (bimbingan kinerja): the one place their life is decided. A supervisor (or
 * Plt/Plh) records a coaching, mentoring or counselling session with a report that took place; the
 * employee is asked to rate it on the guidance-feedback statements and rates it once – the write is
 * guarded, so a second device or a retried button cannot overwrite the first rating – and the
 * leader sees the result.
 */
import type { DevelopmentKind } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import { todayFor, type Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/**
 * The statements the employee rates 1–5, as codes stored in DevelopmentSession.employeeRating. They
 * follow the intent of the regulation's guidance-feedback form (being heard, speaking freely,
 * knowing what is expected and what to do next); verify the wording against the annex in use.
 */
export const GUIDANCE_STATEMENTS = ['HEARD', 'FREE', 'EXPECTED', 'NEXT', 'USEFUL'] as const;

export type GuidanceStatement = (typeof GUIDANCE_STATEMENTS)[number];

/** An employee's rating of a session: 1–5 per statement. */
export type GuidanceRating = Record<GuidanceStatement, number>;

/** A session as the rules and the messages about it need it. */
export interface SessionView {
  id: string;
  kind: DevelopmentKind;
  /** The civil date it was held, stored as midnight UTC. */
  heldAt: Date;
  topic: string;
  followUp: string | null;
  ratedAt: Date | null;
  employee: PersonRef;
  leader: PersonRef;
}

/** Where sessions are kept. Writes take effect when the unit of work commits. */
export interface DevelopmentStore {
  find(id: string): Promise<SessionView | null>;
  person(id: string): Promise<PersonRef | null>;
  insert(row: { id: string; employeeId: string; leaderId: string; kind: DevelopmentKind; heldAt: Date; topic: string; followUp: string | null }): void;
  /** Guarded: only the employee's own session, not rated yet. */
  rate(id: string, employeeId: string, rating: { employeeRating: GuidanceRating; ratedAt: Date }): void;
}

/** Why a session could not be recorded or rated. */
export type DevelopmentRefusal = { code: 'IN_FUTURE' } | { code: 'NOT_FOUND' } | { code: 'NOT_YOURS' } | { code: 'RATED' } | Denied;

export interface DevelopmentDependencies {
  sessions: DevelopmentStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

/** True when `heldOn` ("YYYY-MM-DD") is after today in the person's time zone: only sessions that took place are recorded. */
export function isInFuture(heldOn: string, person: { timeZone: string }, now: Date): boolean {
  return heldOn > todayFor(person, now);
}

export class DevelopmentService {
  constructor(private readonly deps: DevelopmentDependencies) {}

  /** The supervisor (or Plt/Plh) records a session held on `heldOn` ("YYYY-MM-DD"); the employee is asked to rate it. */
  async record(
    actor: Member,
    input: { employeeId: string; kind: DevelopmentKind; heldOn: string; topic: string; followUp: string | null },
  ): Promise<Result<SessionView, DevelopmentRefusal>> {
    const { sessions, work } = this.deps;
    const denied = await authorise(this.deps.access, work, actor, 'RECORD_DEVELOPMENT', input.employeeId);
    if (denied) return refused(denied);
    if (isInFuture(input.heldOn, actor, work.now)) return refused({ code: 'IN_FUTURE' });
    const employee = await sessions.person(input.employeeId);
    if (!employee) return refused({ code: 'NOT_FOUND' });
    const id = this.deps.newId();
    const heldAt = new Date(`${input.heldOn}T00:00:00Z`);
    sessions.insert({ id, employeeId: employee.id, leaderId: actor.id, kind: input.kind, heldAt, topic: input.topic, followUp: input.followUp });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'development.recorded', entityType: 'DevelopmentSession', entityId: id, details: { employeeId: employee.id, kind: input.kind } });
    const session: SessionView = { id, kind: input.kind, heldAt, topic: input.topic, followUp: input.followUp, ratedAt: null, employee, leader: personOf(actor) };
    return ok(session, [{ type: 'development.recorded', session }]);
  }

  /** Whether `actor` may still rate the session: their own, not rated yet. */
  async openForRating(actor: Member, sessionId: string): Promise<Result<SessionView, DevelopmentRefusal>> {
    const session = await this.deps.sessions.find(sessionId);
    if (!session || session.employee.id !== actor.id) return refused({ code: 'NOT_YOURS' });
    return session.ratedAt ? refused({ code: 'RATED' }) : ok(session);
  }

  /** The employee rates the session, once; the leader sees the rating. */
  async rate(actor: Member, sessionId: string, rating: GuidanceRating): Promise<Result<SessionView, DevelopmentRefusal>> {
    const open = await this.openForRating(actor, sessionId);
    if (!open.ok) return open;
    const { work } = this.deps;
    this.deps.sessions.rate(sessionId, actor.id, { employeeRating: rating, ratedAt: work.now });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'development.rated', entityType: 'DevelopmentSession', entityId: sessionId });
    const session: SessionView = { ...open.value, ratedAt: work.now };
    return ok(session, [{ type: 'development.rated', session, rating }]);
  }
}
