/**
 * Who may see and do what for whom. Plain data in, a decision value out: the caller loads the actor,
 * the target, the actor's acting assignments (Plt/Plh) and HR roles, and asks `can`.
 * Global rules, checked before the permission table: an inactive actor may do nothing; nobody acts
 * across agencies; nobody evaluates, or decides an objection about, themselves.
 */
import type { Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';

/** A person as the access rules see them. */
export interface Person {
  readonly id: string;
  readonly agencyId: string;
  readonly unitId: string;
  readonly supervisorId: string | null;
  readonly active: boolean;
}

/** The person acted upon, with where they sit and who their rater's superior is. */
export interface AccessTarget extends Person {
  /** Unit ids from the agency's root unit down to the target's own unit. */
  readonly unitPath: readonly string[];
  /** The Pejabat Penilai Kinerja in the bot (domain/ppk.ts); null when none or outside the bot. */
  readonly ppkId: string | null;
  /** The Atasan Pejabat Penilai Kinerja in the bot; null when none or outside the bot. */
  readonly atasanPpkId: string | null;
}

/** A Plt/Plh assignment: `actingEmployeeId` acts for `actingForId` from `startsOn` to `endsOn` (both inclusive, "YYYY-MM-DD"). */
export interface ActingAssignment {
  readonly actingEmployeeId: string;
  readonly actingForId: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A Pengelola Kinerja role; unitId null covers the whole agency, otherwise that unit and its descendants. */
export interface HrRole {
  readonly agencyId: string;
  readonly unitId: string | null;
}

/** What `can` needs besides actor and target: the day (local civil date) and the actor's assignments and roles. */
export interface AccessContext {
  /** Today as "YYYY-MM-DD" in the actor's time zone. */
  readonly date: string;
  /** The actor's acting assignments; entries for other people are ignored. */
  readonly actingAssignments: readonly ActingAssignment[];
  /** The actor's HR roles. */
  readonly hrRoles: readonly HrRole[];
}

/**
 * How the actor relates to the target, strongest first. The PPK rates and establishes the SKP; the
 * direct superior (who may be a ketua tim who is not the PPK) keeps the dialogue; the Atasan PPK
 * decides keberatan.
 */
export const RELATIONSHIPS = ['SELF', 'PPK', 'ACTING_PPK', 'SUPERVISOR', 'ACTING_SUPERVISOR', 'ATASAN_PPK', 'HR'] as const;

/** A relationship of the actor to the target. */
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Everything the bot lets a person do about another person (or themselves). */
export const ACTIONS = [
  'VIEW_PLAN',
  'SET_EXPECTATIONS',
  'RESPOND_TO_PLAN',
  'ANSWER_CLARIFICATION',
  'GIVE_FEEDBACK',
  'REQUEST_FEEDBACK',
  'VIEW_FEEDBACK',
  'LOG_PROGRESS',
  'REPORT_OBSTACLE',
  'ANSWER_OBSTACLE',
  'ANSWER_CHECKIN',
  'VIEW_CHECKINS',
  'RECORD_LEAVE',
  'EVALUATE',
  'VIEW_EVALUATION',
  'ACKNOWLEDGE_OR_OBJECT',
  'DECIDE_OBJECTION',
  'RECORD_DEVELOPMENT',
  'EXPORT',
  'VIEW_REPORTS',
  'MANAGE_ORGANISATION',
  'ISSUE_LINK_CODES',
  'DRAFT_OWN_PLAN',
  'ESTABLISH_PLAN',
  'RECORD_FOR_OFFICIAL',
] as const;

/** An action subject to access rules. */
export type Action = (typeof ACTIONS)[number];

/** Who rates, sets and establishes the SKP: the PPK or whoever acts for them. */
const RATER: readonly Relationship[] = ['PPK', 'ACTING_PPK'];
/** Who keeps the dialogue: the rater and the direct superior (or whoever acts for either). */
const LEADER: readonly Relationship[] = [...RATER, 'SUPERVISOR', 'ACTING_SUPERVISOR'];
const LINE: readonly Relationship[] = ['SELF', ...LEADER, 'ATASAN_PPK'];

/**
 * The permission table: action → relationships allowed. Personal dialogue (feedback, check-ins) stays
 * in the reporting line; HR sees plans and evaluations to administer them but never rates, because
 * ratings must come from real dialogue between leader and employee.
 */
export const PERMISSIONS: Readonly<Record<Action, readonly Relationship[]>> = {
  VIEW_PLAN: [...LINE, 'HR'],
  SET_EXPECTATIONS: RATER,
  RESPOND_TO_PLAN: ['SELF'],
  ANSWER_CLARIFICATION: RATER,
  GIVE_FEEDBACK: LEADER,
  REQUEST_FEEDBACK: ['SELF'],
  VIEW_FEEDBACK: LINE,
  LOG_PROGRESS: ['SELF'],
  REPORT_OBSTACLE: ['SELF'],
  ANSWER_OBSTACLE: LEADER,
  ANSWER_CHECKIN: ['SELF'],
  VIEW_CHECKINS: ['SELF', ...LEADER],
  RECORD_LEAVE: ['SELF', ...LEADER, 'HR'],
  EVALUATE: RATER,
  VIEW_EVALUATION: [...LINE, 'HR'],
  ACKNOWLEDGE_OR_OBJECT: ['SELF'],
  DECIDE_OBJECTION: ['ATASAN_PPK'],
  RECORD_DEVELOPMENT: LEADER,
  EXPORT: ['HR'],
  VIEW_REPORTS: ['HR'],
  MANAGE_ORGANISATION: ['HR'],
  ISSUE_LINK_CODES: ['HR'],
  /** The employee drafts and submits their own SKP (/susunskp), as in e-Kinerja. */
  DRAFT_OWN_PLAN: ['SELF'],
  /** The PPK establishes (menetapkan) or sends back a submitted SKP. */
  ESTABLISH_PLAN: RATER,
  /** HR records what an official outside the bot decided, with the document's number and date. */
  RECORD_FOR_OFFICIAL: ['HR'],
};

/** Actions nobody may take about themselves, whatever the data says about their supervisor. */
export const NEVER_ABOUT_ONESELF: readonly Action[] = ['EVALUATE', 'DECIDE_OBJECTION'];

/** Why an action is refused. */
export type DenialReason = 'INACTIVE' | 'OTHER_AGENCY' | 'NOT_PERMITTED' | 'SELF_NOT_ALLOWED';

/** The outcome of an access check; `as` is the relationship that grants it. */
export type AccessDecision =
  | { readonly allowed: true; readonly as: Relationship }
  | { readonly allowed: false; readonly reason: DenialReason };

/** True when the assignment is in force on `date` ("YYYY-MM-DD"; both ends inclusive). */
export function isActingOn(assignment: ActingAssignment, date: string): boolean {
  // ISO dates of four-digit years compare correctly as strings.
  return assignment.startsOn <= date && date <= assignment.endsOn;
}

/** True when `actorId` is `personId` or acts for them on `date`. */
function standsFor(actorId: string, personId: string | null, ctx: AccessContext): 'SELF' | 'ACTING' | null {
  if (personId === null) return null;
  if (actorId === personId) return 'SELF';
  const acting = ctx.actingAssignments.some(
    (a) => a.actingEmployeeId === actorId && a.actingForId === personId && isActingOn(a, ctx.date),
  );
  return acting ? 'ACTING' : null;
}

/** True when one of the HR roles covers the agency and a unit with this path (root … own unit). */
export function hrCovers(hrRoles: readonly HrRole[], agencyId: string, unitPath: readonly string[]): boolean {
  return hrRoles.some((role) => role.agencyId === agencyId && (role.unitId === null || unitPath.includes(role.unitId)));
}

/** Every unit's path (ids from its agency root down to itself), from the unit rows of one agency. */
export function unitPathsOf(units: readonly { id: string; parentId: string | null }[]): Map<string, string[]> {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const pathOf = (id: string): string[] => {
    const path: string[] = [];
    // Only units of the list count; the `includes` check stops at a corrupted cycle instead of looping.
    for (let current: string | null | undefined = id; current && parentOf.has(current) && !path.includes(current); current = parentOf.get(current)) path.unshift(current);
    return path;
  };
  return new Map(units.map((unit) => [unit.id, pathOf(unit.id)]));
}

/** All relationships of the actor to the target on the context's date, in RELATIONSHIPS order. */
export function relationshipsTo(actor: Person, target: AccessTarget, ctx: AccessContext): Relationship[] {
  if (actor.id === target.id) {
    // A supervisor id pointing at oneself is bad data, not authority over oneself.
    return hrCovers(ctx.hrRoles, target.agencyId, target.unitPath) ? ['SELF', 'HR'] : ['SELF'];
  }
  const found: Relationship[] = [];
  const ppk = standsFor(actor.id, target.ppkId, ctx);
  if (ppk === 'SELF') found.push('PPK');
  if (ppk === 'ACTING') found.push('ACTING_PPK');
  const supervisor = standsFor(actor.id, target.supervisorId, ctx);
  if (supervisor === 'SELF') found.push('SUPERVISOR');
  if (supervisor === 'ACTING') found.push('ACTING_SUPERVISOR');
  if (standsFor(actor.id, target.atasanPpkId, ctx) !== null) found.push('ATASAN_PPK');
  if (hrCovers(ctx.hrRoles, target.agencyId, target.unitPath)) found.push('HR');
  return found;
}

/** Decides whether the actor may take the action about the target. */
export function can(
  actor: Person,
  action: Action,
  target: AccessTarget,
  ctx: AccessContext,
  permissions: Readonly<Record<Action, readonly Relationship[]>> = PERMISSIONS,
): AccessDecision {
  if (!actor.active) return { allowed: false, reason: 'INACTIVE' };
  if (actor.agencyId !== target.agencyId) return { allowed: false, reason: 'OTHER_AGENCY' };
  if (actor.id === target.id && NEVER_ABOUT_ONESELF.includes(action)) return { allowed: false, reason: 'SELF_NOT_ALLOWED' };
  const allowed = permissions[action];
  const as = relationshipsTo(actor, target, ctx).find((r) => allowed.includes(r));
  return as === undefined ? { allowed: false, reason: 'NOT_PERMITTED' } : { allowed: true, as };
}

/** A unit whose Predikat Kinerja Organisasi is to be set. */
export interface UnitForPredikat {
  readonly id: string;
  readonly agencyId: string;
  readonly leaderId: string | null;
  /** The supervisor of the unit's leader: the "leader one level up". */
  readonly leaderSupervisorId: string | null;
  /** Unit ids from the agency's root unit down to this unit. */
  readonly unitPath: readonly string[];
}

/** The outcome of `canSetUnitPredikat`; SUPERVISOR / ACTING_SUPERVISOR mean "of the unit's leader". */
export type UnitPredikatDecision =
  | { readonly allowed: true; readonly as: 'SUPERVISOR' | 'ACTING_SUPERVISOR' | 'HR' }
  | { readonly allowed: false; readonly reason: DenialReason };

/**
 * Decides whether the actor may set a unit's Predikat Kinerja Organisasi: the leader one level up
 * (or whoever acts for them) or HR covering the unit. The unit's own leader may not, because the
 * unit's predikat becomes their own results rating.
 */
export function canSetUnitPredikat(actor: Person, unit: UnitForPredikat, ctx: AccessContext): UnitPredikatDecision {
  if (!actor.active) return { allowed: false, reason: 'INACTIVE' };
  if (actor.agencyId !== unit.agencyId) return { allowed: false, reason: 'OTHER_AGENCY' };
  if (unit.leaderId !== null && actor.id === unit.leaderId) return { allowed: false, reason: 'SELF_NOT_ALLOWED' };
  const upper = standsFor(actor.id, unit.leaderSupervisorId, ctx);
  if (upper === 'SELF') return { allowed: true, as: 'SUPERVISOR' };
  if (upper === 'ACTING') return { allowed: true, as: 'ACTING_SUPERVISOR' };
  if (hrCovers(ctx.hrRoles, unit.agencyId, unit.unitPath)) return { allowed: true, as: 'HR' };
  return { allowed: false, reason: 'NOT_PERMITTED' };
}

/** The sentence telling a person why an action about someone was refused (Indonesian first). */
export function denialMessage(reason: DenialReason, action: Action | 'SET_UNIT_PREDIKAT', locale: Locale): string {
  const m = domainMessages[locale];
  if (reason === 'INACTIVE') return m['access.inactive'];
  if (reason === 'OTHER_AGENCY') return m['access.otherAgency'];
  if (reason === 'SELF_NOT_ALLOWED') {
    if (action === 'EVALUATE') return m['access.self.evaluate'];
    if (action === 'DECIDE_OBJECTION') return m['access.self.objection'];
    if (action === 'SET_UNIT_PREDIKAT') return m['access.self.unitPredikat'];
    return m['access.notPermitted'];
  }
  if (action === 'SET_UNIT_PREDIKAT') return m['access.unitPredikat'];
  const allowed = PERMISSIONS[action];
  if (allowed.length === 1 && allowed[0] === 'SELF') return m['access.selfOnly'];
  if (allowed.length === 1 && allowed[0] === 'HR') return m['access.hrOnly'];
  if (allowed.length === 1 && allowed[0] === 'ATASAN_PPK') return m['access.superiorOnly'];
  if (allowed.every((r) => RATER.includes(r))) return m['access.raterOnly'];
  if (allowed.every((r) => LEADER.includes(r))) return m['access.leaderOnly'];
  return m['access.notPermitted'];
}

/** Name of a relationship for the UI, e.g. "Pejabat Penilai Kinerja". */
export function relationshipLabel(relationship: Relationship, locale: Locale): string {
  return domainMessages[locale][`relationship.${relationship}`];
}
