/**
 * `periods show | set`: an agency's performance-period settings – periodic evaluation quarterly
 * (the regulation's forms) or monthly (many agencies, because allowances are paid monthly), the SKP
 * deadline, the evaluation window, and the level of the organisations whose predikat are distributed
 * and established together (the keberatan's 14 days are the law's).
 */
import { decideAndCommit } from '../../services/commit.js';
import { CliUsageError } from '../../errors.js';
import { describePeriodSettings, isDistributionLevel, isSettingDays, loadPeriodSettings, parseDayMonth, savePeriodSettings, type PeriodSettings } from '../../services/period-settings.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

export interface PeriodArgs {
  instansi?: string;
  cadence?: string;
  'skp-deadline'?: string;
  'objection-days'?: string;
  'evaluation-opens'?: string;
  'evaluation-closes'?: string;
  'distribution-level'?: string;
  'final-evaluation'?: string;
}

const FINALS: Record<string, PeriodSettings['finalEvaluation']> = { tahunan: 'TAHUNAN', annual: 'TAHUNAN', akhir: 'PERIODE_AKHIR', 'iv-akhir': 'PERIODE_AKHIR', 'last-period': 'PERIODE_AKHIR' };

const CADENCES: Record<string, PeriodSettings['periodCadence']> = { triwulanan: 'QUARTERLY', quarterly: 'QUARTERLY', bulanan: 'MONTHLY', monthly: 'MONTHLY' };

export async function periodsShowCommand(context: CliContext, args: PeriodArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  context.out(describePeriodSettings(await loadPeriodSettings(db.prisma, agency.id), context.locale));
  return 0;
}

export async function periodsSetCommand(context: CliContext, args: PeriodArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const data: Partial<PeriodSettings> = {};
  // Every value is checked before anything is written: a bad one changes nothing.
  if (args.cadence !== undefined) {
    data.periodCadence = CADENCES[args.cadence.trim().toLowerCase()] ?? fail(context.text.badCadence({ value: args.cadence }));
  }
  if (args['skp-deadline'] !== undefined) {
    const deadline = parseDayMonth(args['skp-deadline']) ?? fail(context.text.badSkpDeadline({ value: args['skp-deadline'] }));
    data.skpDeadlineMonth = deadline.month;
    data.skpDeadlineDay = deadline.day;
  }
  // Refused rather than ignored: a script that sets it learns why it cannot.
  if (args['objection-days'] !== undefined) fail(context.text.objectionDaysByLaw);
  if (args['evaluation-opens'] !== undefined) data.evaluationOpensDays = windowDays(context, args['evaluation-opens']);
  if (args['evaluation-closes'] !== undefined) data.evaluationClosesDays = windowDays(context, args['evaluation-closes']);
  if (args['distribution-level'] !== undefined) {
    const level = Number(args['distribution-level']);
    data.distributionLevel = isDistributionLevel(level) ? level : fail(context.text.badDistributionLevel({ value: args['distribution-level'] }));
  }
  if (args['final-evaluation'] !== undefined) {
    data.finalEvaluation = FINALS[args['final-evaluation'].trim().toLowerCase()] ?? fail(context.text.badFinalEvaluation({ value: args['final-evaluation'] }));
  }
  if (Object.keys(data).length === 0) fail(context.text.periodsNothingToSet);
  const { value: updated } = await decideAndCommit(db.prisma, context.now(), (work) => savePeriodSettings(db.prisma, work, agency.id, data, { actorLabel: 'cli' }));
  context.out(describePeriodSettings(updated, context.locale));
  return 0;
}

function windowDays(context: CliContext, value: string): number {
  const days = Number(value);
  return isSettingDays(days) ? days : fail(context.text.badWindowDays({ value }));
}

function fail(message: string): never {
  throw new CliUsageError(message);
}
