/**
 * An agency's period settings – periodic cadence, SKP deadline, evaluation window and the level at
 * which predikat are distributed and established – as one value
 * (the keberatan period is the law's 14 days, not a setting), described, checked and saved the same way from the CLI and from chat.
 */
import { OBJECTION_DAYS } from '../domain/evaluation-window.js';
import type { Locale } from '../i18n/catalogue.js';
import { periodSettingsText } from '../i18n/period-settings.js';
import type { Reader } from './db.js';
import type { UnitOfWork } from './work.js';

export interface PeriodSettings {
  periodCadence: 'QUARTERLY' | 'MONTHLY';
  skpDeadlineMonth: number;
  skpDeadlineDay: number;
  evaluationOpensDays: number;
  evaluationClosesDays: number;
  /** The depth of the organisations whose predikat are distributed and established together (domain/distribution-scope.ts). */
  distributionLevel: number;
  /** Whether the year has its own evaluation (TAHUNAN) or the last periodic one closes it (domain/final-evaluation.ts). */
  finalEvaluation: 'TAHUNAN' | 'PERIODE_AKHIR';
}

const select = { name: true, periodCadence: true, skpDeadlineMonth: true, skpDeadlineDay: true, evaluationOpensDays: true, evaluationClosesDays: true, distributionLevel: true, finalEvaluation: true } as const;

/** The distribution level is a depth in the unit tree: 1 (the top units) to this. */
export const DISTRIBUTION_LEVEL_MAX = 10;

export function isDistributionLevel(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= DISTRIBUTION_LEVEL_MAX;
}

/** Day counts of the window are whole numbers in this range. */
export const SETTING_DAYS = { min: 1, max: 90 } as const;

export function isSettingDays(value: number): boolean {
  return Number.isInteger(value) && value >= SETTING_DAYS.min && value <= SETTING_DAYS.max;
}

// 29 February is refused: the SKP deadline must exist every year.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "31-01", "31/1" or "31.1" → month and day; null when not a day of the year. */
export function parseDayMonth(value: string): { month: number; day: number } | null {
  const match = /^(\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [day, month] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0) ? { month, day } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "31-01". */
export function dayMonthLabel(settings: Pick<PeriodSettings, 'skpDeadlineDay' | 'skpDeadlineMonth'>): string {
  return `${pad(settings.skpDeadlineDay)}-${pad(settings.skpDeadlineMonth)}`;
}

/** One sentence with every setting. */
export function describePeriodSettings(agency: PeriodSettings & { name: string }, locale: Locale): string {
  const t = periodSettingsText[locale];
  return t.summary({
    agency: agency.name,
    cadence: t[`cadence${agency.periodCadence}`],
    deadline: dayMonthLabel(agency),
    objectionDays: OBJECTION_DAYS,
    opens: agency.evaluationOpensDays,
    closes: agency.evaluationClosesDays,
    level: agency.distributionLevel,
    final: t[`final${agency.finalEvaluation}`],
  });
}

export async function loadPeriodSettings(db: Reader, agencyId: string): Promise<PeriodSettings & { name: string }> {
  return db.agency.findUniqueOrThrow({ where: { id: agencyId }, select });
}

/** Saves the changed settings and audits them when `work` commits; returns the agency as it will then be. */
export async function savePeriodSettings(db: Reader, work: UnitOfWork, agencyId: string, data: Partial<PeriodSettings>, actor: { actorId?: string; actorLabel?: string }) {
  const current = await loadPeriodSettings(db, agencyId);
  work.change(`agency.periods ${agencyId}`, (tx) => tx.agency.update({ where: { id: agencyId }, data }));
  work.audit({ agencyId, ...actor, action: 'agency.periodsChanged', entityType: 'Agency', entityId: agencyId, details: data });
  return { ...current, ...data };
}
