/**
 * `periods show | set`: an agency's performance-period settings – periodic evaluation quarterly
 * (the regulation's forms) or monthly (many agencies, because allowances are paid monthly), the SKP
 * deadline, and the days an employee has to file a keberatan.
 */
import { CliUsageError } from '../../errors.js';
import { audit } from '../../services/audit.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

export interface PeriodArgs {
  instansi?: string;
  cadence?: string;
  'skp-deadline'?: string;
  'objection-days'?: string;
  'evaluation-opens'?: string;
  'evaluation-closes'?: string;
}

const CADENCES: Record<string, 'QUARTERLY' | 'MONTHLY'> = { triwulanan: 'QUARTERLY', quarterly: 'QUARTERLY', bulanan: 'MONTHLY', monthly: 'MONTHLY' };
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "31-01" or "31/1" → month and day; undefined when not a real day of the year. */
function parseDayMonth(value: string): { month: number; day: number } | undefined {
  const match = /^(\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [day, month] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0) ? { month, day } : undefined;
}

interface AgencyPeriods {
  name: string;
  periodCadence: 'QUARTERLY' | 'MONTHLY';
  skpDeadlineDay: number;
  skpDeadlineMonth: number;
  objectionDays: number;
  evaluationOpensDays: number;
  evaluationClosesDays: number;
}

function describe(context: CliContext, agency: AgencyPeriods): string {
  return context.text.periodsShow({
    agency: agency.name,
    cadence: agency.periodCadence === 'QUARTERLY' ? context.text.cadenceQuarterly : context.text.cadenceMonthly,
    deadline: `${String(agency.skpDeadlineDay).padStart(2, '0')}-${String(agency.skpDeadlineMonth).padStart(2, '0')}`,
    objectionDays: agency.objectionDays,
    opens: agency.evaluationOpensDays,
    closes: agency.evaluationClosesDays,
  });
}

export async function periodsShowCommand(context: CliContext, args: PeriodArgs): Promise<number> {
  const db = await context.database();
  context.out(describe(context, await chooseAgency(db.prisma, context, args.instansi)));
  return 0;
}

export async function periodsSetCommand(context: CliContext, args: PeriodArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const data: Partial<Omit<AgencyPeriods, 'name'>> = {};
  // Every value is checked before anything is written: a bad one changes nothing.
  if (args.cadence !== undefined) {
    data.periodCadence = CADENCES[args.cadence.trim().toLowerCase()] ?? fail(context.text.badCadence({ value: args.cadence }));
  }
  if (args['skp-deadline'] !== undefined) {
    const deadline = parseDayMonth(args['skp-deadline']) ?? fail(context.text.badSkpDeadline({ value: args['skp-deadline'] }));
    data.skpDeadlineMonth = deadline.month;
    data.skpDeadlineDay = deadline.day;
  }
  if (args['objection-days'] !== undefined) {
    const days = Number(args['objection-days']);
    data.objectionDays = Number.isInteger(days) && days >= 1 && days <= 90 ? days : fail(context.text.badObjectionDays({ value: args['objection-days'] }));
  }
  if (args['evaluation-opens'] !== undefined) data.evaluationOpensDays = windowDays(context, args['evaluation-opens']);
  if (args['evaluation-closes'] !== undefined) data.evaluationClosesDays = windowDays(context, args['evaluation-closes']);
  if (Object.keys(data).length === 0) fail(context.text.periodsNothingToSet);
  const updated = await db.prisma.$transaction(async (tx) => {
    const saved = await tx.agency.update({ where: { id: agency.id }, data });
    await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'agency.periodsChanged', entityType: 'Agency', entityId: agency.id, details: data });
    return saved;
  });
  context.out(describe(context, updated));
  return 0;
}

function windowDays(context: CliContext, value: string): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 90 ? days : fail(context.text.badWindowDays({ value }));
}

function fail(message: string): never {
  throw new CliUsageError(message);
}
