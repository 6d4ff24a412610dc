/**
 * Makes sure the national holiday calendar covers the current and the next year. A year that
 * already has national holidays (seeded earlier or imported by HR) is left exactly as it is.
 */
import { localDate } from '../domain/time-zones.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Db } from '../services/db.js';
import { builtInHolidays } from './builtin.js';

const SEED_LOCK_KEY = 4_201_001;

/** UTC midnight of a civil date, the way Prisma stores @db.Date values. */
export function dateOnly(civilDate: string): Date {
  return new Date(`${civilDate}T00:00:00.000Z`);
}

/** Seeds the years that have no national holidays yet; returns the years seeded. */
export async function ensureHolidayCalendar(prisma: PrismaClient, now: Date, timeZone: string): Promise<number[]> {
  const current = localDate(now, timeZone).year;
  const seeded: number[] = [];
  for (const year of [current, current + 1]) {
    // The usual start: both years are there, and the built-in calendar (which may load date-holidays) is never built.
    if (await hasNationalHolidays(prisma, year)) continue;
    // Built before the transaction: computing a year may first load date-holidays, which must not hold the lock.
    const { rows } = await builtInHolidays(year);
    const didSeed = await prisma.$transaction(async (tx) => {
      // Several bot instances may start at once; only one seeds a year.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if (await hasNationalHolidays(tx, year)) return false;
      await tx.holiday.createMany({
        data: rows.map((row) => ({ date: dateOnly(row.date), name: row.name, kind: row.kind, source: 'SEED' as const })),
      });
      return true;
    });
    if (didSeed) seeded.push(year);
  }
  return seeded;
}

async function hasNationalHolidays(db: Db, year: number): Promise<boolean> {
  const existing = await db.holiday.count({
    where: {
      agencyId: null,
      kind: { in: ['NASIONAL', 'CUTI_BERSAMA'] },
      date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) },
    },
  });
  return existing > 0;
}
