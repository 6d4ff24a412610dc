/**
 * When an evaluation may be written, and until when an employee may object to it.
 *
 * Evaluation window (a product decision, per agency): a period's evaluation opens `opensBeforeEnd`
 * days before the period's last day (default 14, so raters can prepare in the closing weeks) and
 * closes `closesAfterEnd` days after it (default 30, time for late raters and the curve check).
 * The annual evaluation uses the same rule on the year: by default 18 December to 30 January.
 *
 * Keberatan (DOMAIN.md): within N days (default 14) of receiving the result. The day the result
 * reached the employee is day 0 in their own time zone; day N is the last day a keberatan is
 * accepted, day N + 1 is refused.
 */
import { addDays, compareCivilDates, epochDay, type CivilDate } from './civil-date.js';
import { annualPeriod, periodOfDate, previousPeriod, type Period, type PeriodCadence } from './periods.js';
import { localDate } from './time-zones.js';

/** An agency's evaluation window setting, in days. */
export interface WindowSetting {
  readonly opensBeforeEnd: number;
  readonly closesAfterEnd: number;
}

export const DEFAULT_WINDOW: WindowSetting = { opensBeforeEnd: 14, closesAfterEnd: 30 };

/** First and last civil day (inclusive) on which the period's evaluation may be written. */
export function evaluationWindow(period: Period, setting: WindowSetting = DEFAULT_WINDOW): { opens: CivilDate; closes: CivilDate } {
  return { opens: addDays(period.end, -(setting.opensBeforeEnd - 1)), closes: addDays(period.end, setting.closesAfterEnd) };
}

/**
 * The first day results may be established (finalised): the day after the period's last. The
 * evaluation reviews "keseluruhan hasil kerja dan perilaku … selama bulanan atau triwulanan / satu
 * tahun kinerja" (PermenPANRB 6/2022 Pasal 1 angka 8), so drafts may start when the window opens,
 * but a result is final only once the whole period is behind it (regulation-audit §1.6b).
 */
export function finalisableFrom(period: Period): CivilDate {
  return addDays(period.end, 1);
}

/** Where `today` stands relative to the period's evaluation window. */
export function windowState(period: Period, today: CivilDate, setting: WindowSetting = DEFAULT_WINDOW): 'NOT_YET' | 'OPEN' | 'CLOSED' {
  const { opens, closes } = evaluationWindow(period, setting);
  if (compareCivilDates(today, opens) < 0) return 'NOT_YET';
  return compareCivilDates(today, closes) > 0 ? 'CLOSED' : 'OPEN';
}

/**
 * The periods whose evaluation may be open around `today`: the current periodic period and every
 * earlier one whose window has not closed, and last year's and this year's annual evaluation,
 * with their windows.
 */
export function evaluationCandidates(today: CivilDate, cadence: PeriodCadence, setting: WindowSetting = DEFAULT_WINDOW) {
  const current = periodOfDate(today, cadence);
  // Earlier periods whose window may still be open: with monthly periods and a long closing
  // window, that can be two or three months back.
  const periodic = [current];
  for (let p = previousPeriod(current); compareCivilDates(evaluationWindow(p, setting).closes, today) >= 0; p = previousPeriod(p)) periodic.unshift(p);
  return [...periodic, annualPeriod(today.year - 1), annualPeriod(today.year)].map((period) => ({ period, ...evaluationWindow(period, setting) }));
}

/** An agency's window setting from its columns. */
export function windowSettingOf(agency: { evaluationOpensDays: number; evaluationClosesDays: number }): WindowSetting {
  return { opensBeforeEnd: agency.evaluationOpensDays, closesAfterEnd: agency.evaluationClosesDays };
}

/** The periods whose evaluation window is open on `today`. */
export function openEvaluationPeriods(today: CivilDate, cadence: PeriodCadence, setting: WindowSetting = DEFAULT_WINDOW): Period[] {
  return evaluationCandidates(today, cadence, setting)
    .filter((w) => windowState(w.period, today, setting) === 'OPEN')
    .map((w) => w.period);
}

/**
 * Days to file a keberatan after receiving the result: "paling lama 14 (empat belas) hari" – fixed by
 * PP 30/2019 Pasal 59, so not an agency setting.
 */
export const OBJECTION_DAYS = 14;

/** Which day since receipt `now` is, in the employee's zone: 0 on the day the result arrived. */
export function daysSinceReceipt(receivedAt: Date, now: Date, timeZone: string): number {
  return epochDay(localDate(now, timeZone)) - epochDay(localDate(receivedAt, timeZone));
}

/** The last civil day on which a keberatan is accepted. */
export function objectionLastDay(receivedAt: Date, timeZone: string, days: number = OBJECTION_DAYS): CivilDate {
  return addDays(localDate(receivedAt, timeZone), days);
}

/** True while a keberatan may still be filed: up to and including day `days` after receipt. */
export function objectionOpen(receivedAt: Date, now: Date, timeZone: string, days: number = OBJECTION_DAYS): boolean {
  return daysSinceReceipt(receivedAt, now, timeZone) <= days;
}
