/**
 * Closed SKP periods as the evaluation rules read them (src/domain/skp-period.ts): who rated a
 * period a move closed, who hears a keberatan about it, and whose team it is finalised with.
 */
import { parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { ClosedSkpPeriod } from '../domain/skp-period.js';
import type { Reader } from './db.js';
import { isActingOn } from '../domain/access.js';
import { accessContextOf, standsFor, type Member } from './people.js';

/** A closed SKP period with the people it keeps. */
export interface StoredSkpPeriod extends ClosedSkpPeriod {
  employeeId: string;
  /** The PPK when it closed; null when that was an official outside the bot. */
  raterId: string | null;
  /** False when that PPK has left: today's PPK rates the period then, so nobody is left without a rater. */
  raterActive: boolean;
  atasanPpkId: string | null;
  supervisorId: string | null;
}

const select = { id: true, employeeId: true, startsOn: true, endsOn: true, raterId: true, atasanPpkId: true, supervisorId: true, rater: { select: { active: true } } } as const;

const civil = (date: Date): CivilDate => parseCivilDate(date.toISOString().slice(0, 10)) as CivilDate;

function stored(row: { id: string; employeeId: string; startsOn: Date; endsOn: Date; raterId: string | null; atasanPpkId: string | null; supervisorId: string | null; rater: { active: boolean } | null }): StoredSkpPeriod {
  const { rater, startsOn, endsOn, ...rest } = row;
  return { ...rest, startsOn: civil(startsOn), endsOn: civil(endsOn), raterActive: rater?.active ?? false };
}

/** The closed SKP periods of these employees in `year`. */
export async function closedSkpPeriods(db: Reader, employeeIds: string[], year: number): Promise<StoredSkpPeriod[]> {
  if (employeeIds.length === 0) return [];
  return (await db.skpPeriod.findMany({ where: { employeeId: { in: employeeIds }, year }, select, orderBy: { startsOn: 'asc' } })).map(stored);
}

/** One closed SKP period. */
export async function skpPeriodById(db: Reader, id: string): Promise<StoredSkpPeriod | null> {
  const row = await db.skpPeriod.findUnique({ where: { id }, select });
  return row ? stored(row) : null;
}

/** A closed period's employee, as a team lists them. */
export interface ClosedRatee extends StoredSkpPeriod {
  employee: { id: string; name: string; nip: string; position: string };
}

/**
 * The closed SKP periods of `year` that `me` rates: those whose PPK was `me`, or someone `me` acts
 * for (Plt/Plh) today, and who is still here.
 */
export async function closedPeriodsRatedBy(db: Reader, me: Member, year: number, now: Date): Promise<ClosedRatee[]> {
  const ctx = await accessContextOf(db, me, now);
  const raterIds = [me.id, ...ctx.actingAssignments.filter((a) => isActingOn(a, ctx.date)).map((a) => a.actingForId)];
  const rows = await db.skpPeriod.findMany({
    where: { year, raterId: { in: raterIds }, rater: { active: true } },
    select: { ...select, employee: { select: { id: true, name: true, nip: true, position: true } } },
    orderBy: { startsOn: 'asc' },
  });
  return rows.map((row) => ({ ...stored(row), employee: row.employee }));
}

/**
 * Whether `actor` rates a closed period: its PPK (or their Plt/Plh today); when that PPK has left or
 * was outside the bot, `ratesToday` decides (the employee's PPK now).
 */
export async function ratesClosedPeriod(db: Reader, actor: Member, period: StoredSkpPeriod, now: Date, ratesToday: () => Promise<boolean>): Promise<boolean> {
  if (period.raterId && period.raterActive) return standsFor(db, actor, period.raterId, now);
  return ratesToday();
}
