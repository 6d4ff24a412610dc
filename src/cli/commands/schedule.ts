/**
 * `schedule list | set | reset`: HR's check-in schedules. `set` changes only what is given, starting
 * from the schedule the unit has now (its own or inherited); without --unit it sets the agency's
 * top-level units, i.e. everyone without a schedule of their own further down.
 */
import { decideAndCommit } from '../../services/commit.js';
import { describeSchedule, ownSchedule, parseQuestions, parseTimeOfDay, parseWeekday, resetSchedule, saveSchedule, scheduleLines, settingsProblem } from '../../checkins/schedule-admin.js';
import { scheduleOfUnit, type ScheduleSettings } from '../../checkins/schedules.js';
import { CliUsageError } from '../../errors.js';
import { scheduleText } from '../../i18n/schedules.js';
import type { CliContext } from '../context.js';
import { chooseAgency, chooseUnit } from './agency.js';

export interface ScheduleArgs {
  instansi?: string;
  unit?: string;
  day?: string;
  time?: string;
  'reminder-hours'?: string;
  'deadline-hours'?: string;
  'escalate-after'?: string;
  questions?: string;
}

const CLI_LABEL = 'cli';

export async function scheduleListCommand(context: CliContext, args: ScheduleArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  for (const line of await scheduleLines(db.prisma, agency, context.locale)) context.out(line);
  return 0;
}

/** The settings after applying what was typed; throws a usage error naming the first bad value. */
function applyArgs(context: CliContext, base: ScheduleSettings, args: ScheduleArgs): ScheduleSettings {
  const t = scheduleText[context.locale];
  const settings = { ...base, questions: [...base.questions] };
  if (args.day !== undefined) settings.weekday = parseWeekday(args.day) ?? fail(t.badDay({ value: args.day }));
  if (args.time !== undefined) settings.minuteOfDay = parseTimeOfDay(args.time) ?? fail(t.badTime({ value: args.time }));
  const hours = (option: keyof ScheduleArgs, value: string | undefined, current: number) => {
    if (value === undefined) return current;
    if (!/^\d+$/.test(value.trim())) fail(t.badHours({ option: `--${option}`, value }));
    return Number(value);
  };
  settings.reminderAfterHours = hours('reminder-hours', args['reminder-hours'], settings.reminderAfterHours);
  settings.deadlineHours = hours('deadline-hours', args['deadline-hours'], settings.deadlineHours);
  settings.escalateAfterMissed = hours('escalate-after', args['escalate-after'], settings.escalateAfterMissed);
  if (args.questions !== undefined) settings.questions = parseQuestions(args.questions) ?? fail(t.badQuestions({ value: args.questions }));
  const problem = settingsProblem(settings, context.locale);
  if (problem) fail(problem);
  return settings;
}

function fail(message: string): never {
  throw new CliUsageError(message);
}

export async function scheduleSetCommand(context: CliContext, args: ScheduleArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const units = args.unit
    ? [await chooseUnit(db.prisma, context, agency.id, args.unit)]
    : await db.prisma.unit.findMany({ where: { agencyId: agency.id, parentId: null }, orderBy: { name: 'asc' } });
  if (units.length === 0) fail(context.text.scheduleNoUnits);
  // Check every unit's result before saving any, so a bad combination changes nothing.
  const changes: { unit: { id: string; name: string }; settings: ScheduleSettings }[] = [];
  for (const unit of units) {
    const base = (await ownSchedule(db.prisma, unit.id)) ?? (await scheduleOfUnit(db.prisma, unit.id)).settings;
    changes.push({ unit, settings: applyArgs(context, base, args) });
  }
  await decideAndCommit(db.prisma, context.now(), async (work) => {
    for (const change of changes) await saveSchedule(db.prisma, work, { agencyId: agency.id, unitId: change.unit.id, settings: change.settings, actorLabel: CLI_LABEL });
  });
  const t = scheduleText[context.locale];
  for (const change of changes) context.out(t.saved({ unit: change.unit.name, settings: describeSchedule(change.settings, context.locale) }));
  return 0;
}

export async function scheduleResetCommand(context: CliContext, args: ScheduleArgs): Promise<number> {
  if (!args.unit) fail(context.text.unitRequired);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const unit = await chooseUnit(db.prisma, context, agency.id, args.unit);
  const t = scheduleText[context.locale];
  const { value: reset } = await decideAndCommit(db.prisma, context.now(), (work) => resetSchedule(db.prisma, work, { agencyId: agency.id, unitId: unit.id, actorLabel: CLI_LABEL }));
  context.out(reset ? t.reset({ unit: unit.name }) : t.resetNothing({ unit: unit.name }));
  return 0;
}
