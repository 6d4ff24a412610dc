/**
 * The weekly check-in fan-out: every active employee whose check-in is due gets exactly one
 * prompt for the ISO week (the database's unique key enforces it, whatever restarts, retries or
 * instances happen) and one invitation in the outbox, written in the same transaction. Holidays,
 * leave and unlinked accounts are recorded as skipped prompts, counted for HR, not messaged.
 *
 * It works one check-in group (schedule and time zone) at a time: everyone in a group shares the
 * week, the window and the day, so "is it open now" is decided once per group, and one query picks
 * the group's people who have no prompt for the week yet – with their holiday, leave and chat
 * account – so running it again when everyone is prompted reads next to nothing. A group that ran
 * to the end leaves a watermark (FanoutRun) for the maintenance catch-up (catch-up.ts).
 */
import type { SkipReason, PrismaClient, Platform } from '../generated/prisma/client.js';
import { formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { paragraph, reply } from '../conversation/reply.js';
import { insertOutboxRows, insertTokens, latestReachableChat, SQL_NOW, type OutboxRow, type TokenRow } from '../services/bulk-outbox.js';
import { checkinText } from '../i18n/checkins.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Db } from '../services/db.js';
import type { QueuedMessage } from '../services/outbox.js';
import { newToken } from '../services/tokens.js';
import { uuidv7 } from '../storage/ids.js';
import { checkinGroups, checkinOfWeek, type CheckinGroup, type ScheduleSettings } from './schedules.js';

/** Employees per transaction: large enough to be fast, small enough to keep transactions short. */
const CHUNK = 500;

export interface FanoutResult {
  prompted: number;
  skipped: Record<SkipReason, number>;
  alreadyPrompted: number;
}

/** A fresh, empty result. */
export function emptyFanoutResult(): FanoutResult {
  return { prompted: 0, skipped: { HOLIDAY: 0, LEAVE: 0, INACTIVE: 0, UNLINKED: 0 }, alreadyPrompted: 0 };
}

/** A group's check-in of one week. */
export interface CheckinWindow {
  weekKey: string;
  /** The check-in's day, in the group's zone. */
  date: CivilDate;
  /** When it opens and when it closes. */
  at: Date;
  dueAt: Date;
}

/** This week's check-in of a schedule in a zone, if it is open at `now`; null otherwise. */
export function openWindow(settings: ScheduleSettings, now: Date, timeZone: string): CheckinWindow | null {
  const week = checkinOfWeek(settings, now, timeZone);
  const dueAt = new Date(week.at.getTime() + settings.deadlineHours * 3_600_000);
  return now >= week.at && now < dueAt ? { weekKey: week.weekKey, date: week.date, at: week.at, dueAt } : null;
}

/** "Jumat, 4 Desember 2026 14.00 WITA"-style date and time in the person's zone and language. */
export function formatDue(instant: Date, locale: Locale, timeZone: string): string {
  // Building an Intl formatter costs far more than using one; a fan-out formats tens of thousands of dates.
  const key = `${locale}|${timeZone}`;
  let format = dueFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone });
    dueFormats.set(key, format);
  }
  return format.format(instant);
}
const dueFormats = new Map<string, Intl.DateTimeFormat>();

/** Prompts everyone due now (optionally only one schedule and zone); safe to run again at any time. */
export async function fanOutCheckins(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  now: Date,
  filter: { scheduleKey?: string; timeZone?: string } = {},
): Promise<FanoutResult> {
  const result = emptyFanoutResult();
  for (const group of await checkinGroups(prisma, filter)) await fanOutGroup(prisma, deliver, now, group, result);
  return result;
}

/** One employee of a group without a prompt this week, with what decides whether to message them. */
interface DueEmployee {
  id: string;
  name: string;
  locale: Locale;
  holiday: boolean;
  onLeave: boolean;
  identityId: string | null;
  platform: Platform | null;
  workspace: string | null;
  chatId: string | null;
}

/** Whose check-in in the group is open: active, in the zone, in one of the units ($1 zone, $2 units as JSON). */
const GROUP_MEMBERS = `e.active AND e."timeZone" = $1 AND e."unitId" IN (SELECT jsonb_array_elements_text($2::jsonb))`;

/**
 * Prompts the group's people who have no prompt for this week, if the group's check-in is open at
 * `now`, and records the run as complete. Returns false (doing nothing) when it is not open.
 */
export async function fanOutGroup(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  now: Date,
  group: CheckinGroup,
  result: FanoutResult = emptyFanoutResult(),
): Promise<boolean> {
  const window = openWindow(group.settings, now, group.timeZone);
  if (!window) return false;
  const units = JSON.stringify(group.unitIds);
  const [already] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Employee" e JOIN "CheckinPrompt" p ON p."employeeId" = e.id AND p."weekKey" = $3 WHERE ${GROUP_MEMBERS}`,
    group.timeZone,
    units,
    window.weekKey,
  );
  result.alreadyPrompted += already?.n ?? 0;
  const due = await prisma.$queryRawUnsafe<DueEmployee[]>(
    `SELECT e.id, e.name, e.locale,
            EXISTS (SELECT 1 FROM "Holiday" h WHERE h.date = $4::date AND (h."agencyId" IS NULL OR h."agencyId" = e."agencyId")) AS holiday,
            EXISTS (SELECT 1 FROM "Leave" l WHERE l."employeeId" = e.id AND l."startsOn" <= $4::date AND l."endsOn" >= $4::date) AS "onLeave",
            i.id AS "identityId", i.platform, i.workspace, i."chatId"
     FROM "Employee" e
     LEFT JOIN LATERAL ${latestReachableChat('e.id')} i ON true
     WHERE ${GROUP_MEMBERS} AND NOT EXISTS (SELECT 1 FROM "CheckinPrompt" p WHERE p."employeeId" = e.id AND p."weekKey" = $3)`,
    group.timeZone,
    units,
    window.weekKey,
    formatCivilDate(window.date),
  );
  const before = { prompted: result.prompted, skipped: skippedTotal(result) };
  for (let i = 0; i < due.length; i += CHUNK) {
    const queued = await prisma.$transaction((tx) => promptChunk(tx, due.slice(i, i + CHUNK), group, window, now, result), { timeout: 60_000 });
    await deliver(queued);
  }
  const prompted = result.prompted - before.prompted;
  const skipped = skippedTotal(result) - before.skipped;
  await prisma.fanoutRun.upsert({
    where: { scheduleKey_timeZone_weekKey: { scheduleKey: group.scheduleKey, timeZone: group.timeZone, weekKey: window.weekKey } },
    create: { scheduleKey: group.scheduleKey, timeZone: group.timeZone, weekKey: window.weekKey, prompted, skipped, completedAt: now },
    update: { prompted: { increment: prompted }, skipped: { increment: skipped }, completedAt: now },
  });
  return true;
}

const skippedTotal = (result: FanoutResult) => Object.values(result.skipped).reduce((a, b) => a + b, 0);

async function promptChunk(tx: Db, chunk: DueEmployee[], group: CheckinGroup, window: CheckinWindow, now: Date, result: FanoutResult): Promise<QueuedMessage[]> {
  const remindAt = new Date(now.getTime() + group.settings.reminderAfterHours * 3_600_000);
  const rows = chunk.map((employee) => {
    const skipReason: SkipReason | null = employee.holiday ? 'HOLIDAY' : employee.onLeave ? 'LEAVE' : employee.identityId ? null : 'UNLINKED';
    return {
      id: uuidv7(),
      employeeId: employee.id,
      scheduleId: group.scheduleId,
      weekKey: window.weekKey,
      status: skipReason ? ('SKIPPED' as const) : ('PENDING' as const),
      skipReason,
      promptedAt: skipReason ? null : now,
      remindAt: skipReason ? null : remindAt,
      dueAt: window.dueAt,
    };
  });
  // ON CONFLICT DO NOTHING: another instance or an earlier attempt may have prompted some already.
  const inserted = await tx.$queryRawUnsafe<{ id: string; employeeId: string; status: string; skipReason: SkipReason | null }[]>(
    `INSERT INTO "CheckinPrompt" (id, "employeeId", "scheduleId", "weekKey", status, "skipReason", "promptedAt", "remindAt", "dueAt", "updatedAt")
     SELECT x.*, ${SQL_NOW} FROM jsonb_to_recordset($1::jsonb) AS x(id text, "employeeId" text, "scheduleId" text, "weekKey" text,
       status "CheckinStatus", "skipReason" "SkipReason", "promptedAt" timestamp(3), "remindAt" timestamp(3), "dueAt" timestamp(3))
     ON CONFLICT DO NOTHING
     RETURNING id, "employeeId", status, "skipReason"`,
    JSON.stringify(rows),
  );
  result.alreadyPrompted += rows.length - inserted.length;

  const byId = new Map(chunk.map((e) => [e.id, e]));
  const messages: OutboxRow[] = [];
  const tokens: TokenRow[] = [];
  for (const prompt of inserted) {
    if (prompt.status === 'SKIPPED') {
      if (prompt.skipReason) result.skipped[prompt.skipReason]++;
      continue;
    }
    const employee = byId.get(prompt.employeeId);
    if (!employee?.identityId || !employee.platform || employee.chatId === null) continue;
    result.prompted++;
    const text = checkinText[employee.locale];
    const token = newToken();
    tokens.push({ token, employeeId: employee.id, payload: { kind: 'start', flow: 'checkin', context: { promptId: prompt.id } } });
    const invitation = reply(
      [paragraph(text.invitation({ name: employee.name, week: window.weekKey, due: formatDue(window.dueAt, employee.locale, group.timeZone) }))],
      [[{ label: text.startButton, token }]],
    );
    messages.push({
      platform: employee.platform,
      workspace: employee.workspace ?? '',
      chatId: employee.chatId,
      employeeId: employee.id,
      identityId: employee.identityId,
      payload: invitation,
      dedupeKey: `checkin:${prompt.id}`,
    });
  }
  await insertTokens(tx, tokens, now);
  return insertOutboxRows(tx, messages);
}
