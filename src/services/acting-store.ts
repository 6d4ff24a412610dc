/**
 * Plt/Plh assignments in PostgreSQL: the store the acting service decides over, and the reads /plt
 * shows (the assignments of HR's scope, people of HR's scope by name or NIP).
 */
import { actingProblem, type ActingPeriod } from '../domain/acting.js';
import { hrCovers, unitPathsOf, type HrRole } from '../domain/access.js';
import { formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { ActingPerson, ActingRecord, ActingStore } from './acting-service.js';
import type { Db, Reader } from './db.js';
import type { Member } from './people.js';
import { todayFor, unitPath } from './people.js';
import type { UnitOfWork } from './work.js';

/** A civil date as the date column it is stored in. */
export const asDate = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);
/** A date column as the civil date it holds. */
export const civilOf = (date: Date): CivilDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

/** A stored assignment as the acting rules see it. */
export function periodOf(row: { employeeId: string; actingForId: string; startsOn: Date; endsOn: Date }): ActingPeriod {
  return { actingId: row.employeeId, forId: row.actingForId, start: civilOf(row.startsOn), end: civilOf(row.endsOn) };
}

const personSelect = { id: true, name: true, nip: true, position: true, locale: true, agencyId: true, unitId: true, active: true } as const;

async function touching(db: Reader, actingId: string, forId: string): Promise<ActingPeriod[]> {
  const rows = await db.actingAssignment.findMany({ where: { OR: [{ actingForId: forId }, { employeeId: forId, actingForId: actingId }] } });
  return rows.map(periodOf);
}

export function actingStore(db: Reader, work: UnitOfWork): ActingStore {
  return {
    async person(id) {
      const row = await db.employee.findUnique({ where: { id }, select: personSelect });
      if (!row) return null;
      const { unitId, ...person } = row;
      return { ...person, unitPath: await unitPath(db, unitId) } satisfies ActingPerson;
    },
    hrRoles: (employeeId) => db.hrRole.findMany({ where: { employeeId }, select: { agencyId: true, unitId: true } }),
    touching: (actingId, forId) => touching(db, actingId, forId),
    async assignment(id) {
      const row = await db.actingAssignment.findUnique({ where: { id } });
      return row ? ({ ...periodOf(row), id: row.id, kind: row.kind, note: row.note } satisfies ActingRecord) : null;
    },
    insert(row) {
      work.guarded(`actingAssignment.insert ${row.id}`, async (tx) => {
        // Both people's rows, locked in one order, serialise recordings about them; then the rule
        // again over what is committed now.
        await lockPeople(tx, [row.actingId, row.forId]);
        if (actingProblem(row, await touching(tx, row.actingId, row.forId))) return 0;
        await tx.actingAssignment.create({
          data: { id: row.id, employeeId: row.actingId, actingForId: row.forId, kind: row.kind, startsOn: asDate(row.start), endsOn: asDate(row.end), note: row.note },
        });
        return 1;
      });
    },
    end(id, expectedEnd, end) {
      work.guarded(`actingAssignment.end ${id}`, (tx) => tx.actingAssignment.updateMany({ where: { id, endsOn: asDate(expectedEnd) }, data: { endsOn: asDate(end) } }));
    },
  };
}

async function lockPeople(tx: Db, ids: string[]): Promise<void> {
  const [first = '', second = ''] = [...ids].sort();
  await tx.$queryRaw`SELECT id FROM "Employee" WHERE id IN (${first}, ${second}) ORDER BY id FOR UPDATE`;
}

/** The HR roles `me` holds in their own agency (none: not HR there). */
export function hrRolesOf(db: Reader, me: Member): Promise<HrRole[]> {
  return db.hrRole.findMany({ where: { employeeId: me.id, agencyId: me.agencyId }, select: { agencyId: true, unitId: true } });
}

/** The ids of the units of `me`'s agency their HR roles cover. */
async function coveredUnits(db: Reader, me: Member): Promise<string[]> {
  const roles = await hrRolesOf(db, me);
  if (roles.length === 0) return [];
  const paths = unitPathsOf(await db.unit.findMany({ where: { agencyId: me.agencyId }, select: { id: true, parentId: true } }));
  return [...paths].filter(([, path]) => hrCovers(roles, me.agencyId, path)).map(([id]) => id);
}

/** A person a /plt step offers. */
export interface ScopePerson {
  id: string;
  name: string;
  nip: string;
  position: string;
  active: boolean;
}

/**
 * People in `me`'s HR scope whose name contains `query`, or whose NIP is `query` (spaces ignored),
 * by name; at most `limit` + 1, so the caller can tell "too many". Inactive people only when asked
 * (an official who has left still gets a Plt).
 */
export async function peopleInScope(db: Reader, me: Member, query: string, options: { activeOnly: boolean; limit: number }): Promise<ScopePerson[]> {
  const units = await coveredUnits(db, me);
  if (units.length === 0) return [];
  const nip = query.replace(/\s/g, '');
  return db.employee.findMany({
    where: {
      agencyId: me.agencyId,
      unitId: { in: units },
      ...(options.activeOnly ? { active: true } : {}),
      OR: [{ name: { contains: query.trim(), mode: 'insensitive' } }, ...(/^\d{18}$/.test(nip) ? [{ nip }] : [])],
    },
    select: { id: true, name: true, nip: true, position: true, active: true },
    orderBy: { name: 'asc' },
    take: options.limit + 1,
  });
}

/** An assignment /plt lists. */
export interface ScopeAssignment {
  id: string;
  kind: 'PLT' | 'PLH';
  acting: { name: string; nip: string };
  official: { name: string; nip: string; position: string };
  start: string;
  end: string;
  note: string | null;
}

/** Assignments for officials in `me`'s HR scope that have not ended by `me`'s today, soonest first. */
export async function assignmentsInScope(db: Reader, me: Member, now: Date): Promise<ScopeAssignment[]> {
  const units = await coveredUnits(db, me);
  if (units.length === 0) return [];
  const rows = await db.actingAssignment.findMany({
    where: { endsOn: { gte: new Date(`${todayFor(me, now)}T00:00:00Z`) }, actingFor: { agencyId: me.agencyId, unitId: { in: units } } },
    include: { employee: { select: { name: true, nip: true } }, actingFor: { select: { name: true, nip: true, position: true } } },
    orderBy: [{ startsOn: 'asc' }, { endsOn: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    acting: row.employee,
    official: row.actingFor,
    start: formatCivilDate(civilOf(row.startsOn)),
    end: formatCivilDate(civilOf(row.endsOn)),
    note: row.note,
  }));
}

/** Why the assignment cannot be recorded next to those stored now (a hint while asking; the service decides). */
export async function actingProblemNow(db: Reader, candidate: ActingPeriod) {
  return actingProblem(candidate, await touching(db, candidate.actingId, candidate.forId));
}
