/**
 * Guidance sessions (bimbingan kinerja): the one place their life is decided. A supervisor (or
 * Plt/Plh) records a coaching, mentoring or counselling session with a report that took place; the
 * employee fills in the Umpan Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8) once – the write is
 * guarded, so a second device or a retried button cannot overwrite it – and it goes to the leader's
 * own superior ("atasan dari Pimpinan"), never to the leader. The leader then evaluates the
 * competencies the session concerned (Format B.1.9), once, and the employee reads it. The forms are
 * data in src/domain/guidance-forms.ts.
 */
import type { DevelopmentKind } from '../generated/prisma/enums.js';
import { competencyRowsProblem, GUIDANCE_STATEMENTS, type CompetencyRow, type GuidanceRating } from '../domain/guidance-forms.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import { todayFor, type Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

export { GUIDANCE_STATEMENTS, type GuidanceRating, type GuidanceStatement } from '../domain/guidance-forms.js';

/** A session as the rules and the messages about it need it. */
export interface SessionView {
  id: string;
  kind: DevelopmentKind;
  /** The civil date it was held, stored as midnight UTC. */
  heldAt: Date;
  topic: string;
  followUp: string | null;
  ratedAt: Date | null;
  /** When the leader gave the Format B.1.9 competency evaluation; null until then. */
  competencyEvaluatedAt: Date | null;
  employee: PersonRef;
  leader: PersonRef;
}

/** A session open for the employee's feedback, with who will receive it (null: nobody in the bot). */
export interface FeedbackOpen extends SessionView {
  recipient: PersonRef | null;
}

/** Where sessions are kept. Writes take effect when the unit of work commits. */
export interface DevelopmentStore {
  find(id: string): Promise<SessionView | null>;
  person(id: string): Promise<PersonRef | null>;
  /** The leader's own superior in the bot (their supervisor, active); null when there is none. */
  superiorOf(leaderId: string): Promise<PersonRef | null>;
  /** The leader's sessions with the employee whose competencies are not evaluated yet, newest first. */
  awaitingCompetency(leaderId: string, employeeId: string): Promise<SessionView[]>;
  insert(row: { id: string; employeeId: string; leaderId: string; kind: DevelopmentKind; heldAt: Date; topic: string; followUp: string | null }): void;
  /** Guarded: only the employee's own session, not rated yet. */
  rate(id: string, employeeId: string, rating: { employeeRating: GuidanceRating; ratedAt: Date; feedbackToId: string | null }): void;
  /** Guarded: only the leader's own session, not evaluated yet; writes the rows in order. */
  evaluateCompetencies(id: string, leaderId: string, rows: readonly CompetencyRow[], at: Date, newId: () => string): void;
}

/** Why a session could not be recorded or rated. */
export type DevelopmentRefusal =
  | { code: 'IN_FUTURE' }
  | { code: 'NOT_FOUND' }
  | { code: 'NOT_YOURS' }
  | { code: 'RATED' }
  | { code: 'BAD_RATING' }
  | { code: 'NOT_LEADER' }
  | { code: 'EVALUATED' }
  | { code: 'BAD_COMPETENCIES'; problem: NonNullable<ReturnType<typeof competencyRowsProblem>> }
  | Denied;

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
    const session: SessionView = { id, kind: input.kind, heldAt, topic: input.topic, followUp: input.followUp, ratedAt: null, competencyEvaluatedAt: null, employee, leader: personOf(actor) };
    // The invitation names who will read the feedback, so the employee knows the leader will not.
    return ok(session, [{ type: 'development.recorded', session, recipient: await sessions.superiorOf(actor.id) }]);
  }

  /** Whether `actor` may still give feedback on the session: their own, not given yet; with who will receive it. */
  async openForRating(actor: Member, sessionId: string): Promise<Result<FeedbackOpen, DevelopmentRefusal>> {
    const session = await this.deps.sessions.find(sessionId);
    if (!session || session.employee.id !== actor.id) return refused({ code: 'NOT_YOURS' });
    if (session.ratedAt) return refused({ code: 'RATED' });
    return ok({ ...session, recipient: await this.deps.sessions.superiorOf(session.leader.id) });
  }

  /**
   * The employee's Format B.1.8 feedback, once: every statement answered 1–5. It goes to the leader's
   * own superior (as the Lampiran says), and the leader is told nothing of it.
   */
  async rate(actor: Member, sessionId: string, rating: GuidanceRating): Promise<Result<FeedbackOpen, DevelopmentRefusal>> {
    if (!GUIDANCE_STATEMENTS.every((code) => Number.isInteger(rating[code]) && rating[code] >= 1 && rating[code] <= 5)) return refused({ code: 'BAD_RATING' });
    const open = await this.openForRating(actor, sessionId);
    if (!open.ok) return open;
    const { work } = this.deps;
    const recipient = open.value.recipient;
    this.deps.sessions.rate(sessionId, actor.id, { employeeRating: rating, ratedAt: work.now, feedbackToId: recipient?.id ?? null });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'development.rated', entityType: 'DevelopmentSession', entityId: sessionId, details: { feedbackToId: recipient?.id ?? null } });
    const session: FeedbackOpen = { ...open.value, ratedAt: work.now };
    return ok(session, [{ type: 'development.rated', session, rating, recipient }]);
  }

  /** The leader's sessions with `employeeId` still waiting for the Format B.1.9 evaluation. */
  awaitingCompetency(actor: Member, employeeId: string): Promise<SessionView[]> {
    return this.deps.sessions.awaitingCompetency(actor.id, employeeId);
  }

  /** Whether `actor` may give the session's Format B.1.9 evaluation: the leader who held it, once. */
  async openForCompetency(actor: Member, sessionId: string): Promise<Result<SessionView, DevelopmentRefusal>> {
    const session = await this.deps.sessions.find(sessionId);
    if (!session) return refused({ code: 'NOT_FOUND' });
    if (session.leader.id !== actor.id) return refused({ code: 'NOT_LEADER' });
    return session.competencyEvaluatedAt ? refused({ code: 'EVALUATED' }) : ok(session);
  }

  /** The leader evaluates the competencies the session concerned (Format B.1.9); the employee reads it. */
  async evaluateCompetencies(actor: Member, sessionId: string, rows: readonly CompetencyRow[]): Promise<Result<SessionView, DevelopmentRefusal>> {
    const cleaned = rows.map((row) => ({ competency: row.competency.trim(), score: row.score, reason: row.reason.trim() }));
    const problem = competencyRowsProblem(cleaned);
    if (problem) return refused({ code: 'BAD_COMPETENCIES', problem });
    const open = await this.openForCompetency(actor, sessionId);
    if (!open.ok) return open;
    const { work } = this.deps;
    this.deps.sessions.evaluateCompetencies(sessionId, actor.id, cleaned, work.now, this.deps.newId);
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'development.competenciesEvaluated', entityType: 'DevelopmentSession', entityId: sessionId, details: { count: cleaned.length } });
    const session: SessionView = { ...open.value, competencyEvaluatedAt: work.now };
    return ok(session, [{ type: 'development.competenciesEvaluated', session, rows: cleaned }]);
  }
}
