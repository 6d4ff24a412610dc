/**
 * Check-in schedules. A unit's schedule applies to it and to every unit below it that has none of
 * its own; units with none up the tree use the defaults (Friday 14:00, reminder after 24 hours,
 * closed after 72, supervisor told after 2 missed weeks). Times are in each employee's own zone.
 */
import { addDays, type CivilDate } from '../domain/civil-date.js';
import { instantFromLocal, isoWeekKey, localParts } from '../domain/time-zones.js';
import type { SchedulerSpec } from '../jobs/runtime.js';
import type { Reader } from '../services/db.js';

export interface ScheduleSettings {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minuteOfDay: number;
  reminderAfterHours: number;
  deadlineHours: number;
  /** Missed weeks in a row before the supervisor is told; 0 = never. */
  escalateAfterMissed: number;
  /** The optional questions asked after progress (progress is always asked). */
  questions: QuestionKey[];
}

/** The check-in's optional questions, in the order asked. */
export const QUESTION_KEYS = ['obstacle', 'support', 'mood'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  weekday: 5,
  minuteOfDay: 14 * 60,
  reminderAfterHours: 24,
  deadlineHours: 72,
  escalateAfterMissed: 2,
  questions: [...QUESTION_KEYS],
};

/** A stored schedule row as settings; a missing or unreadable question list means all questions. */
export function settingsOf(row: {
  weekday: number;
  minuteOfDay: number;
  reminderAfterHours: number;
  deadlineHours: number;
  escalateAfterMissed: number;
  questions: unknown;
}): ScheduleSettings {
  const { weekday, minuteOfDay, reminderAfterHours, deadlineHours, escalateAfterMissed } = row;
  const stored = Array.isArray(row.questions) ? row.questions : null;
  const questions = stored ? QUESTION_KEYS.filter((key) => stored.includes(key)) : [...QUESTION_KEYS];
  return { weekday, minuteOfDay, reminderAfterHours, deadlineHours, escalateAfterMissed, questions };
}

/** The schedule in force for a unit: its key names it in job schedulers and fan-out jobs. */
export interface EffectiveSchedule {
  /** "s:<scheduleId>" for a configured schedule, "d:<agencyId>" for an agency's defaults. */
  key: string;
  scheduleId: string | null;
  settings: ScheduleSettings;
}

/** Every unit's schedule in force, walking up the unit tree. */
export async function effectiveSchedules(db: Reader): Promise<Map<string, EffectiveSchedule>> {
  const units = await db.unit.findMany({ select: { id: true, parentId: true, agencyId: true } });
  const schedules = await db.checkinSchedule.findMany({ where: { active: true } });
  const own = new Map(schedules.map((s) => [s.unitId, s]));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const result = new Map<string, EffectiveSchedule>();
  for (const unit of units) {
    let current: string | null = unit.id;
    let found: EffectiveSchedule | undefined;
    // Trees are shallow; the bound guards against a corrupted cycle.
    for (let depth = 0; current && depth < 50 && !found; depth++) {
      const schedule = own.get(current);
      if (schedule) found = { key: `s:${schedule.id}`, scheduleId: schedule.id, settings: settingsOf(schedule) };
      current = parentOf.get(current) ?? null;
    }
    result.set(unit.id, found ?? { key: `d:${unit.agencyId}`, scheduleId: null, settings: DEFAULT_SCHEDULE });
  }
  return result;
}

/** The cron pattern of a schedule ("0 14 * * 5" for Friday 14:00). */
export function cronOf(settings: ScheduleSettings): string {
  return `${settings.minuteOfDay % 60} ${Math.floor(settings.minuteOfDay / 60)} * * ${settings.weekday % 7}`;
}

/** The ISO week key and the moment of this week's check-in, for `now` in `timeZone`. */
export function checkinOfWeek(settings: ScheduleSettings, now: Date, timeZone: string): { weekKey: string; at: Date; date: CivilDate } {
  const local = localParts(now, timeZone);
  const monday = addDays(local, 1 - local.weekday);
  const date = addDays(monday, settings.weekday - 1);
  const at = instantFromLocal({ ...date, hour: Math.floor(settings.minuteOfDay / 60), minute: settings.minuteOfDay % 60 }, timeZone);
  return { weekKey: isoWeekKey(now, timeZone), at, date };
}

/**
 * Everyone whose check-in follows one schedule in one time zone: one job scheduler, one fan-out
 * job, one watermark (FanoutRun) per group. `unitIds` are the units under the schedule (those with
 * active employees in the zone, when the groups were read from the employees).
 */
export interface CheckinGroup {
  scheduleKey: string;
  scheduleId: string | null;
  settings: ScheduleSettings;
  timeZone: string;
  unitIds: string[];
}

/**
 * The check-in groups: every (schedule, zone) with active employees – or, given both a schedule
 * key and a zone (a fan-out job), that one group from the unit tree alone, without reading the
 * employees.
 */
export async function checkinGroups(db: Reader, filter: { scheduleKey?: string; timeZone?: string } = {}): Promise<CheckinGroup[]> {
  const schedules = await effectiveSchedules(db);
  if (filter.scheduleKey && filter.timeZone) {
    const units = [...schedules].filter(([, schedule]) => schedule.key === filter.scheduleKey);
    const schedule = units[0]?.[1];
    if (!schedule) return [];
    return [{ scheduleKey: schedule.key, scheduleId: schedule.scheduleId, settings: schedule.settings, timeZone: filter.timeZone, unitIds: units.map(([unitId]) => unitId) }];
  }
  const pairs = await db.employee.groupBy({ by: ['unitId', 'timeZone'], where: { active: true, ...(filter.timeZone ? { timeZone: filter.timeZone } : {}) } });
  const groups = new Map<string, CheckinGroup>();
  for (const pair of pairs) {
    const schedule = schedules.get(pair.unitId);
    if (!schedule || (filter.scheduleKey && schedule.key !== filter.scheduleKey)) continue;
    const key = `${schedule.key}|${pair.timeZone}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { scheduleKey: schedule.key, scheduleId: schedule.scheduleId, settings: schedule.settings, timeZone: pair.timeZone, unitIds: [] }));
    group.unitIds.push(pair.unitId);
  }
  return [...groups.values()];
}

/** One job scheduler per check-in group. */
export function checkinSchedulersOf(groups: CheckinGroup[]): SchedulerSpec[] {
  return groups.map((group) => ({
    id: `checkin:${group.scheduleKey}:${group.timeZone}`,
    repeat: { pattern: cronOf(group.settings), tz: group.timeZone },
    name: 'checkin.fanout',
    data: { scheduleKey: group.scheduleKey, timeZone: group.timeZone },
  }));
}

/** One job scheduler per schedule and time zone that has active employees. */
export async function checkinSchedulers(db: Reader): Promise<SchedulerSpec[]> {
  return checkinSchedulersOf(await checkinGroups(db));
}

/** The schedule in force for one unit (walking up its tree). */
export async function scheduleOfUnit(db: Reader, unitId: string): Promise<EffectiveSchedule> {
  let current: string | null = unitId;
  let agencyId = '';
  for (let depth = 0; current && depth < 50; depth++) {
    const unit: { id: string; parentId: string | null; agencyId: string; checkinSchedule: { id: string; active: boolean } | null } | null =
      await db.unit.findUnique({ where: { id: current }, select: { id: true, parentId: true, agencyId: true, checkinSchedule: { select: { id: true, active: true } } } });
    if (!unit) break;
    agencyId ||= unit.agencyId;
    if (unit.checkinSchedule?.active) {
      const schedule = await db.checkinSchedule.findUniqueOrThrow({ where: { id: unit.checkinSchedule.id } });
      return { key: `s:${schedule.id}`, scheduleId: schedule.id, settings: settingsOf(schedule) };
    }
    current = unit.parentId;
  }
  return { key: `d:${agencyId}`, scheduleId: null, settings: DEFAULT_SCHEDULE };
}
