/**
 * Time in the performance cycle. The performance year is the calendar year; periodic evaluation runs
 * per quarter (Triwulan I–IV) or per month, by agency setting. Everything a person sees is a civil
 * date in their own time zone (WIB, WITA or WIT), so instants are converted through IANA zones.
 * Keys: quarters "2026-Q1", months "2026-M01", the year "2026", ISO weeks "2026-W48".
 */
import { formatDate, type Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';
import { addDays, compareCivilDates, daysInMonth, epochDay, formatCivilDate, isValidCivilDate, pad2 } from './civil-date.js';
import type { CivilDate } from './civil-date.js';
import { instantFromLocal, localDate } from './time-zones.js';

// One import site for callers: the civil-date and time-zone helpers are part of this module's API.
export * from './civil-date.js';
export * from './time-zones.js';

/** Periodic evaluation cadence; the strings match the Prisma enum `PeriodCadence`. */
export type PeriodCadence = 'QUARTERLY' | 'MONTHLY';

/** Kind of a period. */
export type PeriodKind = 'QUARTER' | 'MONTH' | 'YEAR';

/** A performance period with its first and last civil day (inclusive); index is 1-based (1 for a year). */
export interface Period {
  readonly key: string;
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
  readonly start: CivilDate;
  readonly end: CivilDate;
}

/** The period of a kind, year and 1-based index (quarter 1–4, month 1–12; index 1 for a year). */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const count = kind === 'QUARTER' ? 4 : kind === 'MONTH' ? 12 : 1;
  if (!Number.isInteger(year) || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`Invalid ${kind} period: ${year}/${index}`);
  }
  const months = 12 / count;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const key = kind === 'QUARTER' ? `${year}-Q${index}` : kind === 'MONTH' ? `${year}-M${pad2(index)}` : `${year}`;
  return {
    key,
    kind,
    year,
    index,
    start: { year, month: firstMonth, day: 1 },
    end: { year, month: lastMonth, day: daysInMonth(year, lastMonth) },
  };
}

function kindOf(cadence: PeriodCadence): PeriodKind {
  return cadence === 'QUARTERLY' ? 'QUARTER' : 'MONTH';
}

/** The annual period (the performance year). */
export function annualPeriod(year: number): Period {
  return makePeriod('YEAR', year, 1);
}

/** The periodic-evaluation period containing a civil date. */
export function periodOfDate(date: CivilDate, cadence: PeriodCadence): Period {
  const kind = kindOf(cadence);
  return makePeriod(kind, date.year, kind === 'QUARTER' ? Math.ceil(date.month / 3) : date.month);
}

/** The periodic-evaluation period containing an instant, by the civil date in `timeZone`. */
export function periodOf(instant: Date, cadence: PeriodCadence, timeZone: string): Period {
  return periodOfDate(localDate(instant, timeZone), cadence);
}

/** All periods of a performance year in order (4 quarters or 12 months). */
export function periodsOfYear(year: number, cadence: PeriodCadence): Period[] {
  const kind = kindOf(cadence);
  const count = kind === 'QUARTER' ? 4 : 12;
  return Array.from({ length: count }, (_, i) => makePeriod(kind, year, i + 1));
}

/** The period of the same kind just before (crossing into the previous year when needed). */
export function previousPeriod(period: Period): Period {
  if (period.index > 1) return makePeriod(period.kind, period.year, period.index - 1);
  return makePeriod(period.kind, period.year - 1, periodCount(period.kind));
}

/** The period of the same kind just after (crossing into the next year when needed). */
export function nextPeriod(period: Period): Period {
  if (period.index < periodCount(period.kind)) return makePeriod(period.kind, period.year, period.index + 1);
  return makePeriod(period.kind, period.year + 1, 1);
}

function periodCount(kind: PeriodKind): number {
  return kind === 'QUARTER' ? 4 : kind === 'MONTH' ? 12 : 1;
}

/** Parses a period key ("2026-Q3", "2026-M07", "2026"); null when it is not one. */
export function parsePeriodKey(key: string): Period | null {
  const match = /^(\d{4})(?:-Q([1-4])|-M(0[1-9]|1[0-2]))?$/.exec(key);
  if (match === null) return null;
  const year = Number(match[1]);
  if (match[2] !== undefined) return makePeriod('QUARTER', year, Number(match[2]));
  if (match[3] !== undefined) return makePeriod('MONTH', year, Number(match[3]));
  return annualPeriod(year);
}

/** True when the civil date lies in the period (both ends inclusive). */
export function periodContains(period: Period, date: CivilDate): boolean {
  return compareCivilDates(period.start, date) <= 0 && compareCivilDates(date, period.end) <= 0;
}

/** Label of a period: "Triwulan I 2026" / "Quarter 1 2026", "Januari 2026" / "January 2026", "Tahun 2026". */
export function periodLabel(period: Period, locale: Locale): string {
  const m = domainMessages[locale];
  if (period.kind === 'QUARTER') return m['period.quarter']({ index: period.index, year: period.year });
  if (period.kind === 'MONTH') return m['period.month']({ month: period.index, year: period.year });
  return m['period.year']({ year: period.year });
}

/** The label of a period key ("2026-Q4" → "Triwulan IV 2026"), or the key itself when it is not one. */
export function periodKeyLabel(key: string, locale: Locale): string {
  const period = parsePeriodKey(key);
  return period ? periodLabel(period, locale) : key;
}

/** A civil day as people read it, e.g. "18 Des 2026" (no time zone: it is already a local day). */
export function civilDayLabel(date: CivilDate, locale: Locale): string {
  return formatDate(new Date(`${formatCivilDate(date)}T00:00:00Z`), locale, 'UTC');
}

/** A month and day within a year. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/** SKP deadline by DOMAIN.md: the end of January (verify: agencies often set earlier cut-offs). */
export const DEFAULT_SKP_DEADLINE: MonthDay = { month: 1, day: 31 };

/** The last instant (23:59:59.999 local) of the deadline's civil day in `timeZone`. */
export function skpDeadline(year: number, deadline: MonthDay, timeZone: string): Date {
  const next = addDays({ year, month: deadline.month, day: deadline.day }, 1);
  // Start of the next civil day minus 1 ms stays right even if a DST change falls at midnight.
  return new Date(instantFromLocal({ ...next, hour: 0, minute: 0 }, timeZone).getTime() - 1);
}

/**
 * Civil days from today (in `timeZone`) to the deadline day: 0 on the day itself, 1 the day before,
 * negative once it has passed.
 */
export function daysUntilSkpDeadline(now: Date, year: number, deadline: MonthDay, timeZone: string): number {
  const dueDay = { year, month: deadline.month, day: deadline.day };
  if (!isValidCivilDate(dueDay)) throw new RangeError(`Invalid deadline: ${JSON.stringify(deadline)}`);
  return epochDay(dueDay) - epochDay(localDate(now, timeZone));
}
