/**
 * Civil (wall-calendar) dates: arithmetic by days since 1970-01-01 in the proleptic Gregorian
 * calendar, ISO weekdays and ISO-8601 weeks. No time zones here; see time-zones.ts.
 */

const DAY_MS = 86_400_000;

/** A civil (wall-calendar) date; month 1–12, day 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Milliseconds since the epoch of a wall time read as UTC; unlike Date.UTC, years 0–99 are not moved to 19xx. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime();
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function epochDay(date: CivilDate): number {
  return Math.floor(utcMs(date.year, date.month, date.day) / DAY_MS);
}

/** The civil date `days` days after 1970-01-01. */
export function civilFromEpochDay(days: number): CivilDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The civil date `days` days after `date` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return civilFromEpochDay(epochDay(date) + days);
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** True for a real calendar date (e.g. not 2026-02-29). */
export function isValidCivilDate(date: CivilDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** "2026-03-09". */
export function formatCivilDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Parses "YYYY-MM-DD"; null when it is not a real date. */
export function parseCivilDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCivilDate(date) ? date : null;
}

/** Compares civil dates: negative, 0 or positive. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return epochDay(a) - epochDay(b);
}

/** ISO-8601 week of a civil date: weeks start on Monday; week 1 contains 4 January. */
export function isoWeekOf(date: CivilDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const dayOfYear = epochDay(thursday) - epochDay({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Number of ISO weeks in a year (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
