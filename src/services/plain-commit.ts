/**
 * The committer's fast path, for the decisions most events make: no change to an aggregate, only
 * what every conversation step writes – the update marked handled, the sender's account seen, the
 * session, button tokens, audit entries and replies. On PostgreSQL these are ONE statement (data-
 * modifying CTEs over JSON recordsets; a single statement is its own transaction), instead of a
 * Prisma transaction of several round trips: the bot's CPU per event goes mostly to statements and
 * the socket writes they cost (npm run bench:inbound). The guards are the same as the Prisma
 * path's (commit.ts): the update must still be unhandled and the session at the revision read;
 * otherwise the statement fails as a whole and AlreadyHandled or Conflict is thrown.
 */
import type { SqlRunner } from '../storage/sql.js';
import { uuidv7 } from '../storage/ids.js';
import { AlreadyHandled } from './inbound-updates.js';
import type { QueuedMessage } from './outbox.js';
import { Conflict, type SessionWrite, type UnitOfWork } from './work.js';

// Timestamps are written as UTC without a zone (Prisma's convention): an ISO instant, cast. The
// decision's clock ($1) dates what it decided (handled, last seen); rows' own bookkeeping
// (createdAt, updatedAt, notBefore) is the database's time, as Prisma's defaults write it.
const UTC = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
const NOW = `(now() AT TIME ZONE 'UTC')`;

const STATEMENT = `
  WITH handled AS (
    UPDATE "ProcessedUpdate" SET "handledAt" = ${UTC('$1')}, event = NULL WHERE id = $2 AND "handledAt" IS NULL RETURNING 1),
  seen AS (
    UPDATE "ChatIdentity" SET "lastSeenAt" = ${UTC('$1')}, "dmChannelId" = COALESCE($4, "dmChannelId"), username = $5, reachable = true,
           "unreachableReason" = NULL, "updatedAt" = ${NOW}
    WHERE id = $3 RETURNING 1),
  session_update AS (
    UPDATE "ConversationSession" AS c
    SET id = s.id, flow = s.flow, "flowVersion" = s."flowVersion", step = s.step, answers = s.answers, context = s.context, platform = s.platform::"Platform",
        "identityId" = s."identityId", "expiresAt" = ${UTC('s."expiresAt"')}, revision = c.revision + 1, "updatedAt" = ${NOW}
    FROM jsonb_to_recordset($6::jsonb) AS s(id text, "readId" text, "readRevision" int, flow text, "flowVersion" int, step text, answers jsonb, context jsonb, platform text, "identityId" text, "expiresAt" text)
    WHERE c.id = s."readId" AND c.revision = s."readRevision" RETURNING 1),
  session_delete AS (
    DELETE FROM "ConversationSession" c USING jsonb_to_recordset($7::jsonb) AS s("readId" text, "readRevision" int)
    WHERE c.id = s."readId" AND c.revision = s."readRevision" RETURNING 1),
  session_insert AS (
    INSERT INTO "ConversationSession" (id, "employeeId", flow, "flowVersion", step, answers, context, platform, "identityId", "expiresAt", revision, "createdAt", "updatedAt")
    SELECT s.id, s."employeeId", s.flow, s."flowVersion", s.step, s.answers, s.context, s.platform::"Platform", s."identityId", ${UTC('s."expiresAt"')}, 0, ${NOW}, ${NOW}
    FROM jsonb_to_recordset($8::jsonb) AS s(id text, "employeeId" text, flow text, "flowVersion" int, step text, answers jsonb, context jsonb, platform text, "identityId" text, "expiresAt" text)
    ON CONFLICT ("employeeId") DO NOTHING RETURNING 1),
  tokens AS (
    INSERT INTO "ActionToken" (token, "employeeId", payload, "expiresAt", "createdAt")
    SELECT t.token, t."employeeId", t.payload, ${UTC('t."expiresAt"')}, ${NOW}
    FROM jsonb_to_recordset($9::jsonb) AS t(token text, "employeeId" text, payload jsonb, "expiresAt" text)),
  audits AS (
    INSERT INTO "AuditLog" (id, "agencyId", "actorId", "actorLabel", action, "entityType", "entityId", details, "createdAt")
    SELECT a.id, a."agencyId", a."actorId", a."actorLabel", a.action, a."entityType", a."entityId", a.details, ${NOW}
    FROM jsonb_to_recordset($10::jsonb) AS a(id text, "agencyId" text, "actorId" text, "actorLabel" text, action text, "entityType" text, "entityId" text, details jsonb)),
  queued AS (
    INSERT INTO "OutboundMessage" (id, platform, workspace, "chatId", "employeeId", "identityId", payload, "dedupeKey", "notBefore", "createdAt", "updatedAt")
    SELECT m.id, m.platform::"Platform", m.workspace, m."chatId", m."employeeId", m."identityId", m.payload, m."dedupeKey", ${NOW}, ${NOW}, ${NOW}
    FROM jsonb_to_recordset($11::jsonb) AS m(id text, platform text, workspace text, "chatId" text, "employeeId" text, "identityId" text, payload jsonb, "dedupeKey" text)
    ON CONFLICT DO NOTHING RETURNING id, platform::text AS platform)
  -- A guard that fails aborts the statement, and with it every change above (one statement is one
  -- transaction): its text cast to int raises "invalid input syntax for type integer: "dk-guard:…"".
  SELECT (CASE WHEN $2::text IS NOT NULL AND (SELECT count(*) FROM handled) = 0 THEN 'dk-guard:handled' ELSE '0' END)::int
       + (CASE WHEN (SELECT count(*) FROM session_update) + (SELECT count(*) FROM session_delete) + (SELECT count(*) FROM session_insert) <> $12::int
               THEN 'dk-guard:session' ELSE '0' END)::int AS guards,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'platform', platform)), '[]'::json) FROM queued) AS queued`;

/** True when `work` holds nothing the fast path cannot write (no change to an aggregate). */
export function isPlain(work: UnitOfWork): boolean {
  return work.changes.length === 0;
}

/** Commits a plain unit of work (see isPlain) on PostgreSQL; returns the outbox rows written. */
export async function commitPlain(sql: SqlRunner, work: UnitOfWork): Promise<QueuedMessage[]> {
  const sessions = [...work.sessions.values()].filter((write) => write.dirty);
  const row = (write: SessionWrite) => write.wanted && { ...write.wanted, expiresAt: write.wanted.expiresAt.toISOString(), readId: write.read?.id, readRevision: write.read?.revision };
  const updates = sessions.filter((write) => write.read && write.wanted).map(row);
  const deletes = sessions.filter((write) => write.read && !write.wanted).map((write) => ({ readId: write.read?.id, readRevision: write.read?.revision }));
  const inserts = sessions.filter((write) => !write.read && write.wanted).map(row);
  const params = [
    work.now.toISOString(),
    work.handledUpdate,
    work.seen?.identityId ?? null,
    work.seen?.dmChannelId ?? null,
    work.seen?.username ?? null,
    JSON.stringify(updates),
    JSON.stringify(deletes),
    JSON.stringify(inserts),
    JSON.stringify(work.tokens().map((token) => ({ ...token, expiresAt: token.expiresAt.toISOString() }))),
    JSON.stringify(work.audits.map((entry) => ({ ...entry, id: uuidv7(work.now.getTime()), details: entry.details ?? {} }))),
    JSON.stringify(work.messages.map((message) => ({ id: message.id, ...message.address, payload: message.payload, dedupeKey: message.dedupeKey }))),
  ];
  try {
    const [result] = await sql.query<{ queued: QueuedMessage[] }>(STATEMENT, [...params, sessions.length], 'commit-plain');
    return result?.queued ?? [];
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('dk-guard:handled') && work.handledUpdate) throw new AlreadyHandled(work.handledUpdate);
    if (message.includes('dk-guard:session')) throw new Conflict(`session of ${sessions.map((write) => write.employeeId).join(', ')}`);
    throw error;
  }
}
