/**
 * Plt/Plh assignments: HR records who stands in for which official, and ends one early. The one
 * place their rules are decided, for /plt in chat and `acting add|end` at the CLI: the acting
 * person is active, both people are within the recorder's HR scope (or, at the CLI, its agency),
 * and the assignment fits those in force (actingProblem, src/domain/acting.ts). The insert is
 * guarded: an assignment recorded meanwhile by someone else makes the commit decide again.
 */
import { actingProblem, type ActingKind, type ActingPeriod, type ActingProblem } from '../domain/acting.js';
import { hrCovers, type HrRole } from '../domain/access.js';
import { compareCivilDates, formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { PersonRef } from './events.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** Who records: HR in chat (their HR roles decide the scope), or HR at the CLI (the whole agency named). */
export type ActingRecorder = { member: Member } | { hr: { agencyId: string; label: string } };

/** A person as the rules and the messages need them. */
export interface ActingPerson extends PersonRef {
  nip: string;
  position: string;
  agencyId: string;
  active: boolean;
  /** Unit ids from the agency's root down to the person's unit. */
  unitPath: string[];
}

/** A stored assignment. */
export interface ActingRecord extends ActingPeriod {
  id: string;
  kind: ActingKind;
  note: string | null;
}

export interface ActingStore {
  person(id: string): Promise<ActingPerson | null>;
  hrRoles(employeeId: string): Promise<HrRole[]>;
  /** The assignments a new one of `actingId` for `forId` is checked against: every one for the official, and the official's for the acting person. */
  touching(actingId: string, forId: string): Promise<ActingPeriod[]>;
  assignment(id: string): Promise<ActingRecord | null>;
  /** Inserts at commit – unless an assignment committed meanwhile breaks the rules: then nothing, and the commit fails with Conflict. */
  insert(row: ActingRecord): void;
  /** Moves the last day of `id` to `end` at commit, if it still ends on `expectedEnd` (else Conflict). */
  end(id: string, expectedEnd: CivilDate, end: CivilDate): void;
}

export type ActingRefusal =
  /** The person in chat is not pengelola kinerja of their agency. */
  | { code: 'NOT_HR' }
  | { code: 'NOT_FOUND' }
  /** `person` (a name) is outside the recorder's HR scope. */
  | { code: 'OUT_OF_SCOPE'; person: string }
  /** The acting person (`person`, a name) is no longer active. */
  | { code: 'INACTIVE'; person: string }
  | { code: ActingProblem }
  /** Ending: the day is not within the assignment (it must end on a day it runs). */
  | { code: 'NOT_IN_FORCE'; start: string; end: string };

/** An assignment as replies and notices name it. */
export interface ActingView {
  id: string;
  kind: ActingKind;
  acting: ActingPerson;
  official: ActingPerson;
  start: string;
  end: string;
  note: string | null;
}

export interface ActingDependencies {
  acting: ActingStore;
  work: UnitOfWork;
  newId: () => string;
}

export class ActingService {
  constructor(private readonly deps: ActingDependencies) {}

  /** Records that `actingId` stands in for `forId` from `start` to `end` (both days included). */
  async record(
    by: ActingRecorder,
    input: { actingId: string; forId: string; kind: ActingKind; start: CivilDate; end: CivilDate; note: string | null },
  ): Promise<Result<ActingView, ActingRefusal>> {
    const { acting: store, work } = this.deps;
    const scope = await this.scopeOf(by);
    if (!scope) return refused({ code: 'NOT_HR' });
    const acting = await store.person(input.actingId);
    const official = await store.person(input.forId);
    if (!acting || !official) return refused({ code: 'NOT_FOUND' });
    for (const person of [acting, official]) {
      if (!scope.covers(person)) return this.outOfScope(by, person);
    }
    if (!acting.active) return refused({ code: 'INACTIVE', person: acting.name });
    const candidate: ActingPeriod = { actingId: acting.id, forId: official.id, start: input.start, end: input.end };
    // Read when deciding; the guarded insert checks again at commit, so two HR officers recording
    // at once cannot both cover one official.
    const problem = actingProblem(candidate, await store.touching(acting.id, official.id));
    if (problem) return refused({ code: problem });
    const id = this.deps.newId();
    const note = input.note?.trim() || null;
    store.insert({ ...candidate, id, kind: input.kind, note });
    const view: ActingView = { id, kind: input.kind, acting, official, start: formatCivilDate(input.start), end: formatCivilDate(input.end), note };
    work.audit({
      agencyId: scope.agencyId,
      ...actorOf(by),
      action: 'acting.recorded',
      entityType: 'ActingAssignment',
      entityId: id,
      details: { acting: acting.nip, for: official.nip, kind: input.kind, from: view.start, to: view.end },
    });
    return ok(view, [{ type: 'acting.recorded', assignment: view, by: byName(by) }]);
  }

  /** Ends assignment `id` on `on`, a day it runs: from the next day the acting person no longer acts. */
  async end(by: ActingRecorder, input: { id: string; on: CivilDate }): Promise<Result<ActingView, ActingRefusal>> {
    const { acting: store, work } = this.deps;
    const scope = await this.scopeOf(by);
    if (!scope) return refused({ code: 'NOT_HR' });
    const assignment = await store.assignment(input.id);
    const acting = assignment && (await store.person(assignment.actingId));
    const official = assignment && (await store.person(assignment.forId));
    if (!assignment || !acting || !official) return refused({ code: 'NOT_FOUND' });
    // HR covering the official may end it: ending only takes powers away.
    if (!scope.covers(official)) return this.outOfScope(by, official);
    const view: ActingView = { id: assignment.id, kind: assignment.kind, acting, official, start: formatCivilDate(assignment.start), end: formatCivilDate(input.on), note: assignment.note };
    if (compareCivilDates(input.on, assignment.start) < 0 || compareCivilDates(input.on, assignment.end) > 0) {
      return refused({ code: 'NOT_IN_FORCE', start: view.start, end: formatCivilDate(assignment.end) });
    }
    store.end(assignment.id, assignment.end, input.on);
    work.audit({ agencyId: scope.agencyId, ...actorOf(by), action: 'acting.ended', entityType: 'ActingAssignment', entityId: assignment.id, details: { on: view.end, was: formatCivilDate(assignment.end) } });
    return ok(view, [{ type: 'acting.ended', assignment: view, by: byName(by) }]);
  }

  /** The recorder's agency and what it covers; null for someone in chat who is not HR of their agency. */
  private async scopeOf(by: ActingRecorder): Promise<{ agencyId: string; covers: (person: ActingPerson) => boolean } | null> {
    if ('hr' in by) return { agencyId: by.hr.agencyId, covers: (person) => person.agencyId === by.hr.agencyId };
    const { agencyId } = by.member;
    const roles = (await this.deps.acting.hrRoles(by.member.id)).filter((role) => role.agencyId === agencyId);
    if (roles.length === 0) {
      this.denied(by.member, by.member.id, 'NOT_HR');
      return null;
    }
    return { agencyId, covers: (person) => hrCovers(roles, person.agencyId, person.unitPath) && person.agencyId === agencyId };
  }

  private outOfScope(by: ActingRecorder, person: ActingPerson): { ok: false; refusal: ActingRefusal } {
    if ('member' in by) this.denied(by.member, person.id, 'OUT_OF_SCOPE');
    return refused({ code: 'OUT_OF_SCOPE', person: person.name });
  }

  /** Audits a refused attempt, as the access rules' refusals are. */
  private denied(actor: Member, entityId: string, reason: string): void {
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'access.denied', entityType: 'Employee', entityId, details: { attempted: 'MANAGE_ORGANISATION', reason } });
  }
}

const actorOf = (by: ActingRecorder) => ('member' in by ? { actorId: by.member.id } : { actorLabel: by.hr.label });
const byName = (by: ActingRecorder) => ('member' in by ? { id: by.member.id, name: by.member.name } : null);
