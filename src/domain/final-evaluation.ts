/**
 * Which evaluation closes the performance year – an agency setting (Agency.finalEvaluation).
 *
 * - TAHUNAN (the default): the periodic evaluations (quarterly or monthly) and a separate annual
 *   evaluation of the whole year. BKN's systems keep both: SIASN takes the annual result
 *   (`/skp22/save`) and the periodic ones (`/kinerjaperiodik/save`) through separate services, and
 *   e-Kinerja runs periodic and annual evaluation (research/market.md; verify against the agency's
 *   own e-Kinerja configuration).
 * - PERIODE_AKHIR: the last periodic evaluation of the year is the final one – the Lampiran's forms
 *   label the quarters "TRIWULAN I/II/III/IV-AKHIR" (PermenPANRB 6/2022, Lampiran; scribd 672154356).
 *   No separate annual evaluation is asked for; the last period's evaluation is the year's: its record
 *   shows the year's earlier periodic results as input, and the PAK follows it.
 */
import type { Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';
import { periodLabel, type Period } from './periods.js';

export type FinalEvaluation = 'TAHUNAN' | 'PERIODE_AKHIR';

/** The researched default (see the module comment). */
export const DEFAULT_FINAL_EVALUATION: FinalEvaluation = 'TAHUNAN';

/** Whether `period` is evaluated at all under the setting: the year only when it has its own evaluation. */
export function isEvaluatedPeriod(period: Period, setting: FinalEvaluation): boolean {
  return setting === 'TAHUNAN' || period.kind !== 'YEAR';
}

/** Whether `period`'s evaluation closes the year: the year's own, or – under PERIODE_AKHIR – the last quarter or month. */
export function closesYear(period: Period, setting: FinalEvaluation): boolean {
  if (period.kind === 'YEAR') return setting === 'TAHUNAN';
  if (setting !== 'PERIODE_AKHIR') return false;
  return period.kind === 'QUARTER' ? period.index === 4 : period.index === 12;
}

/** The period's name where the evaluation is chosen: "Triwulan IV-Akhir 2026" for the final quarter under PERIODE_AKHIR. */
export function evaluationPeriodLabel(period: Period, setting: FinalEvaluation, locale: Locale): string {
  if (setting !== 'PERIODE_AKHIR' || period.kind === 'YEAR' || !closesYear(period, setting)) return periodLabel(period, locale);
  const m = domainMessages[locale];
  return period.kind === 'QUARTER' ? m['period.quarterFinal']({ year: period.year }) : m['period.monthFinal']({ label: periodLabel(period, locale) });
}
