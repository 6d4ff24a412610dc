/**
 * People as the bot needs them: the person talking, their reports (direct and through a Plt/Plh
 * assignment), and the data the access rules decide on.
 */
import { can, isActingOn, type AccessContext, type AccessDecision, type AccessTarget, type Action, type Person } from '../domain/access.js';
import { formatCivilDate } from '../domain/civil-date.js';
import { localDate } from '../domain/time-zones.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Reader } from './db.js';

/** An employee with what conversations use. */
export interface Member extends Person {
  name: string;
  nip: string;
  position: string;
  locale: Locale;
  timeZone: string;
  agencyName: string;
  unitName: string;
}

const memberSelect = {
  id: true,
  name: true,
  nip: true,
  position: true,
  agencyId: true,
  unitId: true,
  supervisorId: true,
  active: true,
  locale: true,
  timeZone: true,
  agency: { select: { name: true } },
  unit: { select: { name: true } },
} as const;

type MemberRow = {
  id: string;
  name: string;
  nip: string;
  position: string;
  agencyId: string;
  unitId: string;
  supervisorId: string | null;
  active: boolean;
  locale: Locale;
  timeZone: string;
  agency: { name: string };
  unit: { name: string };
};

function toMember(row: MemberRow): Member {
  const { agency, unit, ...rest } = row;
  return { ...rest, agencyName: agency.name, unitName: unit.name };
}

/** The employee with this id. */
export async function loadMember(db: Reader, id: string): Promise<Member | null> {
  const row = await db.employee.findUnique({ where: { id }, select: memberSelect });
  return row ? toMember(row) : null;
}

/** Today as YYYY-MM-DD in a person's time zone (acting assignments are civil dates). */
export function todayFor(person: { timeZone: string }, now: Date): string {
  return formatCivilDate(localDate(now, person.timeZone));
}

/** A report of a supervisor, and whether through a Plt/Plh assignment. */
export interface Report {
  id: string;
  name: string;
  nip: string;
  position: string;
  /** Whom they report to: `me`, or the person `me` acts for. */
  supervisorId: string;
  acting: boolean;
}

/** Active direct reports, then the reports of people `me` acts for today, by name. */
export async function reportsOf(db: Reader, me: Member, now: Date): Promise<Report[]> {
  const today = new Date(`${todayFor(me, now)}T00:00:00Z`);
  const assignments = await db.actingAssignment.findMany({
    where: { employeeId: me.id, startsOn: { lte: today }, endsOn: { gte: today } },
    select: { actingForId: true },
  });
  const rows = await db.employee.findMany({
    where: { active: true, supervisorId: { in: [me.id, ...assignments.map((a) => a.actingForId)] }, NOT: { id: me.id } },
    select: { id: true, name: true, nip: true, position: true, supervisorId: true },
    orderBy: { name: 'asc' },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, nip: row.nip, position: row.position, supervisorId: row.supervisorId ?? me.id, acting: row.supervisorId !== me.id }));
}

/** Unit ids from the agency's root down to `unitId`. */
async function unitPath(db: Reader, unitId: string): Promise<string[]> {
  const path: string[] = [];
  let current: string | null = unitId;
  // Unit trees are shallow (a handful of levels); the bound guards against a corrupted cycle.
  while (current && path.length < 50) {
    path.unshift(current);
    const unit: { parentId: string | null } | null = await db.unit.findUnique({ where: { id: current }, select: { parentId: true } });
    current = unit?.parentId ?? null;
  }
  return path;
}

/** What the access rules need to know about the person acted upon. */
export async function accessTarget(db: Reader, employeeId: string): Promise<AccessTarget | null> {
  const row = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, agencyId: true, unitId: true, supervisorId: true, active: true, supervisor: { select: { supervisorId: true } } },
  });
  if (!row) return null;
  const { supervisor, ...person } = row;
  return { ...person, unitPath: await unitPath(db, row.unitId), supervisorsSupervisorId: supervisor?.supervisorId ?? null };
}

/** The actor's acting assignments and HR roles, for today in their time zone. */
export async function accessContextOf(db: Reader, actor: Member, now: Date): Promise<AccessContext> {
  // One query at a time: `db` may be a transaction (see Db in services/db.ts).
  const assignments = await db.actingAssignment.findMany({ where: { employeeId: actor.id } });
  const roles = await db.hrRole.findMany({ where: { employeeId: actor.id } });
  return {
    date: todayFor(actor, now),
    actingAssignments: assignments.map((a) => ({
      actingEmployeeId: a.employeeId,
      actingForId: a.actingForId,
      startsOn: a.startsOn.toISOString().slice(0, 10),
      endsOn: a.endsOn.toISOString().slice(0, 10),
    })),
    hrRoles: roles.map((role) => ({ agencyId: role.agencyId, unitId: role.unitId })),
  };
}

/** True when `actor` is `personId`, or acts for them (Plt/Plh) today. */
export async function standsFor(db: Reader, actor: Member, personId: string, now: Date): Promise<boolean> {
  if (actor.id === personId) return true;
  const ctx = await accessContextOf(db, actor, now);
  return ctx.actingAssignments.some((a) => a.actingForId === personId && isActingOn(a, ctx.date));
}

/** Whether `actor` may take `action` about `targetId` now. */
export async function decide(db: Reader, actor: Member, action: Action, targetId: string, now: Date): Promise<AccessDecision> {
  const target = await accessTarget(db, targetId);
  if (!target) return { allowed: false, reason: 'NOT_PERMITTED' };
  return can(actor, action, target, await accessContextOf(db, actor, now));
}

/** Active people of an agency whose name contains `query`, or whose NIP is `query` (spaces ignored). */
export async function findMembers(db: Reader, agencyId: string, query: string, limit = 10): Promise<Member[]> {
  const nip = query.replace(/\s/g, '');
  const rows = await db.employee.findMany({
    where: {
      agencyId,
      active: true,
      OR: [{ name: { contains: query.trim(), mode: 'insensitive' } }, ...(/^\d{18}$/.test(nip) ? [{ nip }] : [])],
    },
    select: memberSelect,
    orderBy: { name: 'asc' },
    take: limit,
  });
  return rows.map(toMember);
}
