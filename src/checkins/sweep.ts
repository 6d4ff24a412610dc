/**
 * The check-in sweep, run every few minutes: one reminder when a prompt is still open at its
 * reminder time (remindAt, fixed when prompted); missed at the deadline (dueAt); and when someone
 * has missed the configured number of weeks in a row, their supervisor is told – once per streak.
 *
 * Set-based: each batch is one UPDATE … RETURNING that claims and marks up to BATCH prompts, found
 * through partial indexes that hold open prompts only, so a sweep with nothing to do reads nothing
 * however many years of answered prompts the table holds. FOR UPDATE SKIP LOCKED lets a second
 * sweep running at once take other rows; no ORDER BY, so the index scan stops at the batch size.
 * The messages, tokens and escalations of a batch are written by a few statements in the same
 * transaction. The marks (remindedAt, status, escalatedAt) and the outbox's dedupeKey make a second
 * run, in this instance or another, send nothing twice.
 */
import { paragraph, reply } from '../conversation/reply.js';
import { insertOutboxRows, insertTokens, latestReachableChat, SQL_NOW, type OutboxRow, type TokenRow } from '../services/bulk-outbox.js';
import type { Platform, PrismaClient } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { checkinText } from '../i18n/checkins.js';
import type { Db } from '../services/db.js';
import type { QueuedMessage } from '../services/outbox.js';
import { newToken } from '../services/tokens.js';
import { formatDue } from './fanout.js';
import { DEFAULT_SCHEDULE } from './schedules.js';

/** Prompts per transaction. */
const BATCH = 1_000;

export interface SweepResult {
  reminded: number;
  missed: number;
  escalated: number;
}

/** A person's chat as latestReachableChat yields it (all null when they have none). */
interface Chat {
  identityId: string | null;
  platform: Platform | null;
  workspace: string | null;
  chatId: string | null;
}

export async function sweepCheckins(prisma: PrismaClient, deliver: (rows: QueuedMessage[]) => Promise<void>, now: Date, batch = BATCH): Promise<SweepResult> {
  const result: SweepResult = { reminded: 0, missed: 0, escalated: 0 };
  // Deadlines first: a prompt past its deadline is marked missed, not reminded.
  for (let more = true; more; ) {
    const { claimed, queued } = await prisma.$transaction((tx) => missedBatch(tx, now, batch, result), { timeout: 60_000 });
    await deliver(queued);
    more = claimed === batch;
  }
  for (let more = true; more; ) {
    const { claimed, queued } = await prisma.$transaction((tx) => reminderBatch(tx, now, batch, result), { timeout: 60_000 });
    await deliver(queued);
    more = claimed === batch;
  }
  return result;
}

/** Marks up to `batch` prompts past their deadline as missed, and escalates the streaks that completes. */
async function missedBatch(tx: Db, now: Date, batch: number, result: SweepResult) {
  const missed = await tx.$queryRawUnsafe<{ id: string; employeeId: string; scheduleId: string | null; weekKey: string }[]>(
    `WITH due AS (
       SELECT id FROM "CheckinPrompt"
       WHERE status = 'PENDING' AND "promptedAt" IS NOT NULL AND "dueAt" <= $1::timestamp(3)
       LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE "CheckinPrompt" p SET status = 'MISSED', "missedAt" = $1::timestamp(3), "updatedAt" = ${SQL_NOW}
     FROM due WHERE p.id = due.id AND p.status = 'PENDING'
     RETURNING p.id, p."employeeId", p."scheduleId", p."weekKey"`,
    now,
    batch,
  );
  result.missed += missed.length;
  const queued = missed.length > 0 ? await escalateStreaks(tx, missed, now, result) : [];
  return { claimed: missed.length, queued };
}

/**
 * For each person with a newly missed prompt: if their last `weeks` prompts (skipped weeks aside)
 * were all missed and none of them escalated, marks the latest escalated and tells the supervisor.
 * `weeks` is the escalateAfterMissed of the schedule of the person's latest newly missed prompt.
 */
async function escalateStreaks(tx: Db, missed: { employeeId: string; scheduleId: string | null; weekKey: string }[], now: Date, result: SweepResult): Promise<QueuedMessage[]> {
  const streaks = await tx.$queryRawUnsafe<(Chat & { promptId: string; name: string; weeks: number; supervisorId: string; locale: Locale })[]>(
    `WITH missed AS (
       SELECT DISTINCT ON (m."employeeId") m."employeeId", COALESCE(s."escalateAfterMissed", $3::int) AS weeks
       FROM jsonb_to_recordset($1::jsonb) AS m("employeeId" text, "scheduleId" text, "weekKey" text)
       LEFT JOIN "CheckinSchedule" s ON s.id = m."scheduleId"
       ORDER BY m."employeeId", m."weekKey" DESC),
     streaks AS (
       SELECT m."employeeId", m.weeks, r.latest
       FROM missed m
       CROSS JOIN LATERAL (
         SELECT count(*) AS n, bool_and(t.status = 'MISSED') AS "allMissed", bool_or(t."escalatedAt" IS NOT NULL) AS escalated,
                (array_agg(t.id ORDER BY t."weekKey" DESC))[1] AS latest
         FROM (SELECT id, status, "escalatedAt", "weekKey" FROM "CheckinPrompt"
               WHERE "employeeId" = m."employeeId" AND status <> 'SKIPPED' ORDER BY "weekKey" DESC LIMIT m.weeks) t) r
       WHERE m.weeks >= 1 AND r.n = m.weeks AND r."allMissed" AND NOT r.escalated),
     marked AS (
       UPDATE "CheckinPrompt" p SET "escalatedAt" = $2::timestamp(3), "updatedAt" = ${SQL_NOW}
       FROM streaks k JOIN "Employee" e ON e.id = k."employeeId"
       WHERE p.id = k.latest AND p."escalatedAt" IS NULL AND e."supervisorId" IS NOT NULL
       RETURNING p.id, p."employeeId")
     SELECT k.id AS "promptId", e.name, s.weeks, sup.id AS "supervisorId", sup.locale,
            i.id AS "identityId", i.platform, i.workspace, i."chatId"
     FROM marked k
     JOIN streaks s ON s.latest = k.id
     JOIN "Employee" e ON e.id = k."employeeId"
     JOIN "Employee" sup ON sup.id = e."supervisorId"
     LEFT JOIN LATERAL ${latestReachableChat('sup.id')} i ON true`,
    JSON.stringify(missed),
    now,
    DEFAULT_SCHEDULE.escalateAfterMissed,
  );
  const messages: OutboxRow[] = streaks.flatMap((s) =>
    s.identityId && s.platform && s.chatId !== null
      ? [
          {
            platform: s.platform,
            workspace: s.workspace ?? '',
            chatId: s.chatId,
            employeeId: s.supervisorId,
            identityId: s.identityId,
            payload: reply([paragraph(checkinText[s.locale].escalation({ name: s.name, weeks: s.weeks }))]),
            dedupeKey: `checkin-escalation:${s.promptId}`,
          },
        ]
      : [],
  );
  const queued = await insertOutboxRows(tx, messages);
  result.escalated += queued.length;
  return queued;
}

/** Marks up to `batch` open prompts past their reminder time as reminded, and queues the reminders. */
async function reminderBatch(tx: Db, now: Date, batch: number, result: SweepResult) {
  const due = await tx.$queryRawUnsafe<(Chat & { id: string; employeeId: string; dueAt: Date; name: string; locale: Locale; timeZone: string })[]>(
    `WITH due AS (
       SELECT id FROM "CheckinPrompt"
       WHERE status = 'PENDING' AND "remindedAt" IS NULL AND "remindAt" <= $1::timestamp(3) AND "dueAt" > $1::timestamp(3)
       LIMIT $2 FOR UPDATE SKIP LOCKED),
     marked AS (
       UPDATE "CheckinPrompt" p SET "remindedAt" = $1::timestamp(3), "updatedAt" = ${SQL_NOW}
       FROM due WHERE p.id = due.id AND p."remindedAt" IS NULL
       RETURNING p.id, p."employeeId", p."dueAt")
     SELECT m.id, m."employeeId", m."dueAt", e.name, e.locale, e."timeZone",
            i.id AS "identityId", i.platform, i.workspace, i."chatId"
     FROM marked m
     JOIN "Employee" e ON e.id = m."employeeId"
     LEFT JOIN LATERAL ${latestReachableChat('m."employeeId"')} i ON true`,
    now,
    batch,
  );
  const tokens: TokenRow[] = [];
  const messages: OutboxRow[] = [];
  for (const prompt of due) {
    // Someone with no reachable account is marked reminded all the same: there is nobody to remind.
    if (!prompt.identityId || !prompt.platform || prompt.chatId === null) continue;
    const text = checkinText[prompt.locale];
    const token = newToken();
    tokens.push({ token, employeeId: prompt.employeeId, payload: { kind: 'start', flow: 'checkin', context: { promptId: prompt.id } } });
    messages.push({
      platform: prompt.platform,
      workspace: prompt.workspace ?? '',
      chatId: prompt.chatId,
      employeeId: prompt.employeeId,
      identityId: prompt.identityId,
      payload: reply([paragraph(text.reminder({ name: prompt.name, due: formatDue(prompt.dueAt, prompt.locale, prompt.timeZone) }))], [[{ label: text.startButton, token }]]),
      dedupeKey: `checkin-reminder:${prompt.id}`,
    });
  }
  await insertTokens(tx, tokens, now);
  const queued = await insertOutboxRows(tx, messages);
  result.reminded += queued.length;
  return { claimed: due.length, queued };
}
