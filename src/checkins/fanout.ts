/**
 * The weekly check-in fan-out: every active employee whose check-in is due gets exactly one
 * prompt for the ISO week (the database's unique key enforces it, whatever restarts, retries or
 * instances happen) and one invitation in the outbox, written in the same transaction. Holidays,
 * leave and unlinked accounts are recorded as skipped prompts, counted for HR, not messaged.
 */
import type { SkipReason } from '../generated/prisma/client.js';
import { formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { paragraph, reply } from '../conversation/reply.js';
import { checkinText } from '../i18n/checkins.js';
import type { Locale } from '../i18n/catalogue.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { json, type Db } from '../services/db.js';
import type { QueuedMessage } from '../services/outbox.js';
import { newToken, TOKEN_TTL_DAYS } from '../services/tokens.js';
import { uuidv7 } from '../storage/ids.js';
import { checkinOfWeek, effectiveSchedules } from './schedules.js';

/** Employees per transaction: large enough to be fast, small enough to keep transactions short. */
const CHUNK = 500;

export interface FanoutResult {
  prompted: number;
  skipped: Record<SkipReason, number>;
  alreadyPrompted: number;
}

interface DueEmployee {
  id: string;
  agencyId: string;
  name: string;
  locale: Locale;
  timeZone: string;
  scheduleId: string | null;
  weekKey: string;
  date: CivilDate;
  dueAt: Date;
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

/** Everyone (optionally of one schedule and zone) whose check-in of this week is open now. */
async function dueEmployees(prisma: PrismaClient, now: Date, filter: { scheduleKey?: string; timeZone?: string }): Promise<DueEmployee[]> {
  const schedules = await effectiveSchedules(prisma);
  const employees = await prisma.employee.findMany({
    where: { active: true, ...(filter.timeZone ? { timeZone: filter.timeZone } : {}) },
    select: { id: true, agencyId: true, unitId: true, name: true, locale: true, timeZone: true },
    orderBy: { id: 'asc' },
  });
  const due: DueEmployee[] = [];
  const weekCache = new Map<string, ReturnType<typeof checkinOfWeek>>();
  for (const employee of employees) {
    const schedule = schedules.get(employee.unitId);
    if (!schedule || (filter.scheduleKey && schedule.key !== filter.scheduleKey)) continue;
    const cacheKey = `${schedule.key}|${employee.timeZone}`;
    let week = weekCache.get(cacheKey);
    if (!week) weekCache.set(cacheKey, (week = checkinOfWeek(schedule.settings, now, employee.timeZone)));
    const dueAt = new Date(week.at.getTime() + schedule.settings.deadlineHours * 3_600_000);
    if (now < week.at || now >= dueAt) continue;
    due.push({ ...employee, scheduleId: schedule.scheduleId, weekKey: week.weekKey, date: week.date, dueAt });
  }
  return due;
}

/** Prompts everyone due now (optionally only one schedule and zone); safe to run again at any time. */
export async function fanOutCheckins(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  now: Date,
  filter: { scheduleKey?: string; timeZone?: string } = {},
): Promise<FanoutResult> {
  const result: FanoutResult = { prompted: 0, skipped: { HOLIDAY: 0, LEAVE: 0, INACTIVE: 0, UNLINKED: 0 }, alreadyPrompted: 0 };
  const open = await dueEmployees(prisma, now, filter);
  // The catch-up runs this every 30 s while a check-in is open: one query leaves out everyone
  // already prompted, so a pass with nothing to do does not walk 30,000 people in chunks.
  const weekKeys = [...new Set(open.map((e) => e.weekKey))];
  const prompted = await prisma.$queryRawUnsafe<{ key: string }[]>(
    `SELECT "employeeId" || '|' || "weekKey" AS key FROM "CheckinPrompt" WHERE "weekKey" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    JSON.stringify(weekKeys),
  );
  const done = new Set(prompted.map((row) => row.key));
  const due = open.filter((e) => !done.has(`${e.id}|${e.weekKey}`));
  result.alreadyPrompted += open.length - due.length;
  for (let i = 0; i < due.length; i += CHUNK) {
    const queued = await prisma.$transaction((tx) => promptChunk(tx, due.slice(i, i + CHUNK), now, result), { timeout: 60_000 });
    await deliver(queued);
  }
  return result;
}

const dateOnly = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);

async function promptChunk(tx: Db, chunk: DueEmployee[], now: Date, result: FanoutResult): Promise<QueuedMessage[]> {
  const ids = chunk.map((e) => e.id);
  const days = [...new Set(chunk.map((e) => formatCivilDate(e.date)))].map((d) => new Date(`${d}T00:00:00Z`));
  const first = new Date(Math.min(...days.map((d) => d.getTime())));
  const last = new Date(Math.max(...days.map((d) => d.getTime())));
  // One query at a time on the transaction (see Db in services/db.ts).
  const existing = await tx.checkinPrompt.findMany({
    where: { employeeId: { in: ids }, weekKey: { in: [...new Set(chunk.map((e) => e.weekKey))] } },
    select: { employeeId: true, weekKey: true },
  });
  const holidays = await tx.holiday.findMany({ where: { date: { in: days } } });
  const leaves = await tx.leave.findMany({ where: { employeeId: { in: ids }, startsOn: { lte: last }, endsOn: { gte: first } } });
  const identities = await tx.chatIdentity.findMany({
    where: { employeeId: { in: ids }, reachable: true },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { linkedAt: 'desc' }],
  });
  const prompted = new Set(existing.map((p) => `${p.employeeId}|${p.weekKey}`));
  const identityOf = new Map<string, (typeof identities)[number]>();
  for (const identity of identities) if (!identityOf.has(identity.employeeId)) identityOf.set(identity.employeeId, identity);

  const rows = [];
  for (const employee of chunk) {
    if (prompted.has(`${employee.id}|${employee.weekKey}`)) {
      result.alreadyPrompted++;
      continue;
    }
    const day = dateOnly(employee.date).getTime();
    const holiday = holidays.some((h) => h.date.getTime() === day && (h.agencyId === null || h.agencyId === employee.agencyId));
    const onLeave = leaves.some((l) => l.employeeId === employee.id && l.startsOn.getTime() <= day && l.endsOn.getTime() >= day);
    const skipReason: SkipReason | null = holiday ? 'HOLIDAY' : onLeave ? 'LEAVE' : identityOf.has(employee.id) ? null : 'UNLINKED';
    rows.push({
      id: uuidv7(),
      employeeId: employee.id,
      scheduleId: employee.scheduleId,
      weekKey: employee.weekKey,
      status: skipReason ? ('SKIPPED' as const) : ('PENDING' as const),
      skipReason,
      promptedAt: skipReason ? null : now,
      dueAt: employee.dueAt,
    });
  }
  // Written as JSON recordsets rather than Prisma's createMany: for 500 rows with their payloads Prisma's
  // query building costs more than the database does (npm run bench:fanout shows the figures).
  // ON CONFLICT DO NOTHING: another instance or an earlier attempt may have prompted some already.
  const inserted = await tx.$queryRawUnsafe<{ id: string; employeeId: string; status: string; skipReason: SkipReason | null }[]>(
    `INSERT INTO "CheckinPrompt" (id, "employeeId", "scheduleId", "weekKey", status, "skipReason", "promptedAt", "dueAt", "updatedAt")
     SELECT x.*, now() FROM jsonb_to_recordset($1::jsonb) AS x(id text, "employeeId" text, "scheduleId" text, "weekKey" text,
       status "CheckinStatus", "skipReason" "SkipReason", "promptedAt" timestamp(3), "dueAt" timestamp(3))
     ON CONFLICT DO NOTHING
     RETURNING id, "employeeId", status, "skipReason"`,
    JSON.stringify(rows),
  );
  result.alreadyPrompted += rows.length - inserted.length;

  const byId = new Map(chunk.map((e) => [e.id, e]));
  const messages = [];
  const tokens = [];
  for (const prompt of inserted) {
    if (prompt.status === 'SKIPPED') {
      if (prompt.skipReason) result.skipped[prompt.skipReason]++;
      continue;
    }
    const employee = byId.get(prompt.employeeId);
    const identity = identityOf.get(prompt.employeeId);
    if (!employee || !identity) continue;
    result.prompted++;
    const text = checkinText[employee.locale];
    const token = newToken();
    tokens.push({ token, employeeId: employee.id, payload: json({ kind: 'start', flow: 'checkin', context: { promptId: prompt.id } }), expiresAt: new Date(now.getTime() + TOKEN_TTL_DAYS * 86_400_000) });
    const invitation = reply(
      [paragraph(text.invitation({ name: employee.name, week: employee.weekKey, due: formatDue(employee.dueAt, employee.locale, employee.timeZone) }))],
      [[{ label: text.startButton, token }]],
    );
    messages.push({
      id: uuidv7(),
      platform: identity.platform,
      workspace: identity.workspace,
      chatId: identity.dmChannelId ?? identity.externalUserId,
      employeeId: employee.id,
      identityId: identity.id,
      payload: json(invitation),
      dedupeKey: `checkin:${prompt.id}`,
    });
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO "ActionToken" (token, "employeeId", payload, "expiresAt")
     SELECT x.* FROM jsonb_to_recordset($1::jsonb) AS x(token text, "employeeId" text, payload jsonb, "expiresAt" timestamp(3))`,
    JSON.stringify(tokens),
  );
  return tx.$queryRawUnsafe<QueuedMessage[]>(
    `INSERT INTO "OutboundMessage" (id, platform, workspace, "chatId", "employeeId", "identityId", payload, "dedupeKey", "updatedAt")
     SELECT x.*, now() FROM jsonb_to_recordset($1::jsonb) AS x(id text, platform "Platform", workspace text, "chatId" text,
       "employeeId" text, "identityId" text, payload jsonb, "dedupeKey" text)
     ON CONFLICT DO NOTHING
     RETURNING id, platform`,
    JSON.stringify(messages),
  );
}
