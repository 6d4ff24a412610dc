/**
 * People as the bot needs them: the person talking, their reports (direct and through a Plt/Plh
 * assignment), and the data the access rules decide on.
 */
import { can, isActingOn, type AccessContext, type AccessDecision, type AccessTarget, type Action, type Person } from '../domain/access.js';
import { formatCivilDate } from '../domain/civil-date.js';
import { mayBePpk } from '../domain/ppk.js';
import { localDate } from '../domain/time-zones.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Reader } from './db.js';
import { ratingIdsFor } from './rating-line.js';

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

/** Someone I lead: a direct report, or someone I am PPK of; directly or through a Plt/Plh assignment. */
export interface Report {
  id: string;
  name: string;
  nip: string;
  position: string;
  /** Whom they report to (or are rated by): `me`, or the person `me` acts for. */
  supervisorId: string;
  acting: boolean;
  /** `me` is their Pejabat Penilai Kinerja (or acts for them): rates and establishes the SKP. */
  rater: boolean;
}

const reportSelect = { id: true, name: true, nip: true, position: true, supervisorId: true, positionType: true, active: true, ppkDelegateId: true } as const;

/** Trees are a handful of levels deep; the bound guards against a corrupted cycle. */
const MAX_LEVELS = 30;

/**
 * Active people I lead, by name: the direct reports of me and of the people I act for today, and
 * the people whose PPK we are (domain/ppk.ts) – found below a direct report who may not be PPK
 * (a ketua tim who is fungsional) or who has left without a Plt, and the people delegated to us.
 */
export async function reportsOf(db: Reader, me: Member, now: Date): Promise<Report[]> {
  const today = new Date(`${todayFor(me, now)}T00:00:00Z`);
  const coveredAmong = async (ids: string[]): Promise<Set<string>> => {
    if (ids.length === 0) return new Set();
    const rows = await db.actingAssignment.findMany({ where: { actingForId: { in: ids }, startsOn: { lte: today }, endsOn: { gte: today } }, select: { actingForId: true } });
    return new Set(rows.map((row) => row.actingForId));
  };
  // Me and the people I act for today, in one query; then their direct reports and the people delegated to them, in one more.
  const selves = await db.employee.findMany({
    where: { OR: [{ id: me.id }, { actedForBy: { some: { employeeId: me.id, startsOn: { lte: today }, endsOn: { gte: today } } } }] },
    select: { id: true, positionType: true },
  });
  const selfIds = selves.map((self) => self.id);
  const rates = new Set(selves.filter((self) => mayBePpk(self)).map((self) => self.id));
  const firstLevel = await db.employee.findMany({
    where: { OR: [{ supervisorId: { in: selfIds } }, { active: true, ppkDelegateId: { in: selfIds } }] },
    select: reportSelect,
  });
  const found = new Map<string, Report>();
  const add = (row: { id: string; name: string; nip: string; position: string }, via: string, rater: boolean) => {
    if (row.id === me.id) return;
    const before = found.get(row.id);
    found.set(row.id, { id: row.id, name: row.name, nip: row.nip, position: row.position, supervisorId: before?.supervisorId ?? via, acting: (before?.acting ?? true) && via !== me.id, rater: (before?.rater ?? false) || rater });
  };
  // Rated by `via` unless delegated to someone else.
  const ratedBy = (row: { ppkDelegateId: string | null }, via: string) => (row.ppkDelegateId === null ? rates.has(via) : row.ppkDelegateId === via);
  let frontier: { row: (typeof firstLevel)[number]; via: string }[] = [];
  for (const row of firstLevel) {
    if (row.ppkDelegateId !== null && selfIds.includes(row.ppkDelegateId) && row.active) add(row, row.ppkDelegateId, true);
    if (row.supervisorId === null || !selfIds.includes(row.supervisorId)) continue;
    if (row.active) add(row, row.supervisorId, ratedBy(row, row.supervisorId));
    if (rates.has(row.supervisorId)) frontier.push({ row, via: row.supervisorId });
  }
  // Below someone who cannot rate today (not pengawas or above, or gone without a Plt), we are still the PPK.
  for (let level = 2; frontier.length > 0 && level <= MAX_LEVELS; level++) {
    const covered = await coveredAmong(frontier.filter(({ row }) => !row.active).map(({ row }) => row.id));
    const transparent = frontier.filter(({ row }) => !mayBePpk(row) || (!row.active && !covered.has(row.id)));
    if (transparent.length === 0) break;
    const viaOf = new Map(transparent.map(({ row, via }) => [row.id, via]));
    const rows = await db.employee.findMany({ where: { supervisorId: { in: [...viaOf.keys()] } }, select: reportSelect });
    frontier = [];
    for (const row of rows) {
      const via = viaOf.get(row.supervisorId ?? '') ?? me.id;
      if (row.active && ratedBy(row, via)) add(row, via, true);
      frontier.push({ row, via });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Unit ids from the agency's root down to `unitId`. */
export async function unitPath(db: Reader, unitId: string): Promise<string[]> {
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

/** What the access rules need to know about the person acted upon, on `date` (whose PPK acts that day). */
export async function accessTarget(db: Reader, employeeId: string, date: string): Promise<AccessTarget | null> {
  const row = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, agencyId: true, unitId: true, supervisorId: true, active: true },
  });
  if (!row) return null;
  return { ...row, unitPath: await unitPath(db, row.unitId), ...(await ratingIdsFor(db, employeeId, date)) };
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
  const target = await accessTarget(db, targetId, todayFor(actor, now));
  if (!target) return { allowed: false, reason: 'NOT_PERMITTED' };
  return can(actor, action, target, await accessContextOf(db, actor, now));
}

/** The active pengelola kinerja (other than the employee) whose role covers the employee: the agency's, or a unit's above them. */
export async function hrCovering(db: Reader, employeeId: string): Promise<{ id: string; name: string; locale: Locale }[]> {
  const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { agencyId: true, unitId: true } });
  const roles = await db.hrRole.findMany({
    where: { agencyId: employee.agencyId, employeeId: { not: employeeId }, employee: { active: true }, OR: [{ unitId: null }, { unitId: { in: await unitPath(db, employee.unitId) } }] },
    select: { employee: { select: { id: true, name: true, locale: true } } },
  });
  return [...new Map(roles.map((role) => [role.employee.id, role.employee])).values()];
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
