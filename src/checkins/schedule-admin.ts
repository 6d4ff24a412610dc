/**
 * Changing check-in schedules – the rules shared by the CLI (`schedule set|reset|list`) and /jadwal
 * in chat: parsing what HR typed, checking the settings make sense, saving with an audit entry, and
 * describing a schedule in words. BullMQ's job schedulers follow within one maintenance round
 * (30 s): the database is the truth, so a change from the CLI reaches every running instance.
 */
import type { Locale } from '../i18n/catalogue.js';
import { scheduleText } from '../i18n/schedules.js';
import { json, type Reader } from '../services/db.js';
import type { UnitOfWork } from '../services/work.js';
import { uuidv7 } from '../storage/ids.js';
import { DEFAULT_SCHEDULE, QUESTION_KEYS, settingsOf, type QuestionKey, type ScheduleSettings } from './schedules.js';

const DAY_NAMES: Record<string, number> = {
  senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6, minggu: 7, ahad: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** ISO weekday (1 = Monday) from a day name in either language or a number 1–7. */
export function parseWeekday(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (/^[1-7]$/.test(value)) return Number(value);
  return DAY_NAMES[value] ?? null;
}

/** Minutes after midnight from "14:00", "14.00" or "14". */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

/** The optional questions from "kendala,dukungan" / "obstacle,mood"; "-" means progress only. */
export function parseQuestions(text: string): QuestionKey[] | null {
  const value = text.trim().toLowerCase();
  if (value === '-' || value === 'progres' || value === 'progress') return [];
  const names = [...scheduleText.id.questionNames.split(','), ...scheduleText.en.questionNames.split(',')];
  const chosen = new Set<QuestionKey>();
  for (const part of value.split(/[,\s]+/).filter(Boolean)) {
    const index = names.indexOf(part);
    if (index < 0) return null;
    const key = QUESTION_KEYS[index % QUESTION_KEYS.length];
    if (key) chosen.add(key);
  }
  return chosen.size > 0 ? QUESTION_KEYS.filter((key) => chosen.has(key)) : null;
}

/** Why these settings cannot be used, or null when they can. */
const wholeBetween = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The limits of each setting, for the CLI, the chat flow and settingsProblem alike; null when fine. */
export const scheduleLimits = {
  // A check-in must close before the next week's opens: one prompt per week.
  deadline: (hours: unknown, locale: Locale) => (wholeBetween(hours, 1, 167) ? null : scheduleText[locale].deadlineRange),
  reminder: (hours: unknown, deadlineHours: number, locale: Locale) => (wholeBetween(hours, 1, deadlineHours - 1) ? null : scheduleText[locale].reminderRange),
  escalate: (weeks: unknown, locale: Locale) => (wholeBetween(weeks, 0, 12) ? null : scheduleText[locale].escalationRange),
};

export function settingsProblem(settings: ScheduleSettings, locale: Locale): string | null {
  return (
    scheduleLimits.deadline(settings.deadlineHours, locale) ??
    scheduleLimits.reminder(settings.reminderAfterHours, settings.deadlineHours, locale) ??
    scheduleLimits.escalate(settings.escalateAfterMissed, locale)
  );
}

/** "Jumat" / "Friday" for an ISO weekday. */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, weekday));
  const name = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(date);
  return name;
}

/** "14.00" in Indonesian, "14:00" in English. */
export function timeOfDay(minuteOfDay: number, locale: Locale): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}${locale === 'id' ? '.' : ':'}${pad(minuteOfDay % 60)}`;
}

/** A schedule in one line of words. */
export function describeSchedule(settings: ScheduleSettings, locale: Locale): string {
  const t = scheduleText[locale];
  const labels = t.questionLabels.split('|');
  const questions = [labels[0], ...settings.questions.map((key) => labels[QUESTION_KEYS.indexOf(key) + 1])].join(', ');
  return t.describe({
    day: weekdayName(settings.weekday, locale),
    time: timeOfDay(settings.minuteOfDay, locale),
    reminder: settings.reminderAfterHours,
    deadline: settings.deadlineHours,
    escalation: settings.escalateAfterMissed === 0 ? t.escalationOff : t.escalationAfter({ weeks: settings.escalateAfterMissed }),
    questions,
  });
}

/** A unit's own schedule, or null when it inherits. */
export async function ownSchedule(db: Reader, unitId: string): Promise<ScheduleSettings | null> {
  const row = await db.checkinSchedule.findUnique({ where: { unitId } });
  return row?.active ? settingsOf(row) : null;
}

/** Saves a unit's own schedule (for it and the units below it without one). */
export async function saveSchedule(
  db: Reader,
  work: UnitOfWork,
  change: { agencyId: string; unitId: string; settings: ScheduleSettings; actorId?: string; actorLabel?: string },
): Promise<void> {
  const { weekday, minuteOfDay, reminderAfterHours, deadlineHours, escalateAfterMissed, questions } = change.settings;
  const data = { weekday, minuteOfDay, reminderAfterHours, deadlineHours, escalateAfterMissed, questions: json(questions), active: true };
  const id = (await db.checkinSchedule.findUnique({ where: { unitId: change.unitId }, select: { id: true } }))?.id ?? uuidv7();
  work.change(`checkinSchedule.save ${change.unitId}`, (tx) => tx.checkinSchedule.upsert({ where: { unitId: change.unitId }, create: { id, unitId: change.unitId, ...data }, update: data }));
  work.audit({
    agencyId: change.agencyId,
    actorId: change.actorId ?? null,
    actorLabel: change.actorLabel,
    action: 'checkinSchedule.saved',
    entityType: 'CheckinSchedule',
    entityId: id,
    details: { unitId: change.unitId, ...change.settings },
  });
}

/** Removes a unit's own schedule so it inherits again; false when it had none. */
export async function resetSchedule(db: Reader, work: UnitOfWork, change: { agencyId: string; unitId: string; actorId?: string; actorLabel?: string }): Promise<boolean> {
  if ((await db.checkinSchedule.count({ where: { unitId: change.unitId } })) === 0) return false;
  // Prompts keep their history: the schedule reference is set to null, and they are judged by the defaults.
  work.change(`checkinSchedule.reset ${change.unitId}`, (tx) => tx.checkinSchedule.deleteMany({ where: { unitId: change.unitId } }));
  work.audit({ agencyId: change.agencyId, actorId: change.actorId ?? null, actorLabel: change.actorLabel, action: 'checkinSchedule.reset', entityType: 'Unit', entityId: change.unitId });
  return true;
}

/** The agency's schedules in words: the default, then every unit with its own. */
export async function scheduleLines(db: Reader, agency: { id: string; name: string }, locale: Locale): Promise<string[]> {
  const t = scheduleText[locale];
  const own = await db.checkinSchedule.findMany({ where: { active: true, unit: { agencyId: agency.id } }, include: { unit: { select: { name: true } } }, orderBy: { unit: { name: 'asc' } } });
  return [
    t.listHeader({ agency: agency.name }),
    t.listDefault({ settings: describeSchedule(DEFAULT_SCHEDULE, locale) }),
    ...own.map((row) => t.listUnit({ unit: row.unit.name, settings: describeSchedule(settingsOf(row), locale) })),
  ];
}
