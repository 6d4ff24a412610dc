/**
 * SKP periods (DOMAIN.md §1; regulation-audit §1.6a): an SKP belongs to one employee for the part of
 * the performance year spent in one position. A move – mutasi, promotion, a new position, another
 * direct superior – ends the SKP period in force on the day before the effective date, and a new one
 * starts on it with the new PPK. The closed periods are stored; the period in force is the rest of
 * the year. An evaluation period (a quarter, a month, the year) that a move cuts is evaluated in
 * parts: each part by the PPK of its SKP period.
 *
 * Sources: Lampiran PermenPANRB 6/2022 (the evaluation form's "PERIODE PENILAIAN: … s.d. …");
 * BKN, konversi predikat kinerja ke angka kredit (PerBKN 3/2023): a partial period earns
 * months/12 × percentage × annual coefficient ("2/12 × 100% × 12,5 = 2,08" for January–February).
 */
import { addDays, compareCivilDates, type CivilDate } from './civil-date.js';
import type { Locale } from '../i18n/catalogue.js';
import { civilDayLabel, type Period } from './periods.js';

/** A closed SKP period, as the rules need it. */
export interface ClosedSkpPeriod {
  id: string;
  startsOn: CivilDate;
  endsOn: CivilDate;
}

/** One part of an evaluation period: its SKP period (`part`: "" for the period in force, else the closed period's id) and the days it covers. */
export interface SkpPart {
  part: string;
  from: CivilDate;
  to: CivilDate;
}

const yearStart = (year: number): CivilDate => ({ year, month: 1, day: 1 });
const yearEnd = (year: number): CivilDate => ({ year, month: 12, day: 31 });
const later = (a: CivilDate, b: CivilDate) => (compareCivilDates(a, b) >= 0 ? a : b);
const earlier = (a: CivilDate, b: CivilDate) => (compareCivilDates(a, b) <= 0 ? a : b);

/** The first day of the SKP period in force in `year`: the day after the last closed one, or 1 January. */
export function openPeriodStart(year: number, closed: readonly ClosedSkpPeriod[]): CivilDate {
  const ends = closed.filter((period) => period.endsOn.year === year).map((period) => period.endsOn);
  const last = ends.sort(compareCivilDates).at(-1);
  return last ? addDays(last, 1) : yearStart(year);
}

/** The year's SKP periods in order: the closed ones, then the one in force. */
export function skpPeriodsOfYear(year: number, closed: readonly ClosedSkpPeriod[]): SkpPart[] {
  const parts = closed
    .filter((period) => period.startsOn.year === year)
    .sort((a, b) => compareCivilDates(a.startsOn, b.startsOn))
    .map((period) => ({ part: period.id, from: period.startsOn, to: period.endsOn }));
  return [...parts, { part: '', from: openPeriodStart(year, closed), to: yearEnd(year) }];
}

/** The days an SKP period shares with an evaluation period; null when none. */
export function partWithin(period: Period, skp: SkpPart): SkpPart | null {
  if (compareCivilDates(skp.from, period.end) > 0 || compareCivilDates(skp.to, period.start) < 0) return null;
  return { part: skp.part, from: later(skp.from, period.start), to: earlier(skp.to, period.end) };
}

/** The parts of an evaluation period, one per SKP period it overlaps, each cut to the days both share. */
export function skpPartsOf(period: Period, closed: readonly ClosedSkpPeriod[]): SkpPart[] {
  return skpPeriodsOfYear(period.year, closed).flatMap((skp) => partWithin(period, skp) ?? []);
}

/** "1 Jan 2027 – 31 Mei 2027": the days of a part, as people read them. */
export function skpPartLabel(part: { from: CivilDate; to: CivilDate }, locale: Locale): string {
  return `${civilDayLabel(part.from, locale)} – ${civilDayLabel(part.to, locale)}`;
}

/** Whether an SKP period is the whole year (then nobody needs to read its dates). */
export function isWholeYear(skp: { from: CivilDate; to: CivilDate }): boolean {
  return compareCivilDates(skp.from, yearStart(skp.from.year)) === 0 && compareCivilDates(skp.to, yearEnd(skp.to.year)) === 0;
}

/**
 * What a move effective on `date` does to the SKP period in force: nothing when the date is its first
 * day or earlier (the file corrects data rather than records a move – HR writes the period's first day
 * for that), otherwise it closes the period on the day before.
 */
export function closingOf(date: CivilDate, closed: readonly ClosedSkpPeriod[]): { startsOn: CivilDate; endsOn: CivilDate } | null {
  const startsOn = openPeriodStart(date.year, closed);
  if (compareCivilDates(date, startsOn) <= 0) return null;
  return { startsOn, endsOn: addDays(date, -1) };
}

/**
 * Months of an SKP period for the credit-point conversion: each month counts for the SKP period that
 * holds its first day, so two periods of one year always add up to 12 (a move on 10 June leaves June
 * to the earlier period). BKN's examples count whole months; the rule for a month a move cuts is ours.
 */
export function creditMonths(skp: { from: CivilDate; to: CivilDate }): number {
  let months = 0;
  for (let month = skp.from.month; month <= skp.to.month && skp.from.year === skp.to.year; month++) {
    const first: CivilDate = { year: skp.from.year, month, day: 1 };
    if (compareCivilDates(first, skp.from) >= 0 && compareCivilDates(first, skp.to) <= 0) months++;
  }
  return months;
}

/** Credit points for a part of the year: months/12 of the annual figure, rounded to 3 decimals (BKN's method). */
export function partialCreditPoints(annualPoints: number, months: number): number {
  return Math.round(((annualPoints * months) / 12) * 1000) / 1000;
}
