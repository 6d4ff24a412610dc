/**
 * Writing many outbox rows and button tokens at once, for the bot's own messages to many people
 * (check-in invitations, reminders, escalations, nudges). Rows go in as JSON recordsets – one
 * statement per batch – rather than through Prisma's createMany or one query per message: for
 * hundreds of rows with their payloads Prisma's query building costs more than the database does
 * (npm run bench:fanout shows the figures). Every row has a dedupeKey and conflicts are skipped,
 * so a batch written twice, or by two instances, queues each message once.
 */
import type { Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import type { Db } from './db.js';
import type { QueuedMessage } from './outbox.js';
import { TOKEN_TTL_DAYS } from './tokens.js';
import { uuidv7 } from '../storage/ids.js';

/** Rows per statement: keeps each JSON parameter and each transaction modest. */
const BATCH = 1_000;

/** Timestamps are stored as UTC without a zone (Prisma's convention), whatever the session's zone. */
export const SQL_NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * A person's chat to write to: their most recently used reachable account, the one OutboxWriter
 * and queueKeyed pick. A LATERAL subquery over `ChatIdentity`, for an `"employeeId"` column named
 * by `employeeColumn`; yields id, platform, workspace, "chatId".
 */
export function latestReachableChat(employeeColumn: string): string {
  return `(SELECT c.id, c.platform, c.workspace, COALESCE(c."dmChannelId", c."externalUserId") AS "chatId"
           FROM "ChatIdentity" c WHERE c."employeeId" = ${employeeColumn} AND c.reachable
           ORDER BY c."lastSeenAt" DESC NULLS LAST, c."linkedAt" DESC LIMIT 1)`;
}

/** One outbox row to a known chat. */
export interface OutboxRow {
  platform: Platform;
  workspace: string;
  chatId: string;
  employeeId: string | null;
  identityId: string | null;
  payload: Reply;
  dedupeKey: string;
}

/** A button token to store (see services/tokens.ts): `payload` is what pressing it means. */
export interface TokenRow {
  token: string;
  employeeId: string;
  payload: unknown;
}

/** When a token minted at `now` stops working. */
export function tokenExpiry(now: Date): Date {
  return new Date(now.getTime() + TOKEN_TTL_DAYS * 86_400_000);
}

/** Stores button tokens, all expiring TOKEN_TTL_DAYS after `now`. */
export async function insertTokens(db: Db, tokens: TokenRow[], now: Date): Promise<void> {
  const expiresAt = tokenExpiry(now);
  for (let i = 0; i < tokens.length; i += BATCH) {
    const rows = tokens.slice(i, i + BATCH).map((t) => ({ ...t, expiresAt }));
    await db.$executeRawUnsafe(
      `INSERT INTO "ActionToken" (token, "employeeId", payload, "expiresAt")
       SELECT x.* FROM jsonb_to_recordset($1::jsonb) AS x(token text, "employeeId" text, payload jsonb, "expiresAt" timestamp(3))`,
      JSON.stringify(rows),
    );
  }
}

/** Writes outbox rows to known chats; a row whose dedupeKey exists already is skipped. Returns the rows written. */
export async function insertOutboxRows(db: Db, rows: OutboxRow[]): Promise<QueuedMessage[]> {
  const queued: QueuedMessage[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => ({ id: uuidv7(), ...row }));
    queued.push(
      ...(await db.$queryRawUnsafe<QueuedMessage[]>(
        `INSERT INTO "OutboundMessage" (id, platform, workspace, "chatId", "employeeId", "identityId", payload, "dedupeKey", "updatedAt")
         SELECT x.*, ${SQL_NOW} FROM jsonb_to_recordset($1::jsonb) AS x(id text, platform "Platform", workspace text, "chatId" text,
           "employeeId" text, "identityId" text, payload jsonb, "dedupeKey" text)
         ON CONFLICT DO NOTHING
         RETURNING id, platform`,
        JSON.stringify(batch),
      )),
    );
  }
  return queued;
}

/** A message to a person, wherever they can be reached. */
export interface KeyedMessage {
  employeeId: string;
  dedupeKey: string;
  payload: Reply;
}

/**
 * Queues messages to people's most recent reachable chat in one statement per batch (queueKeyed for
 * many): people with no reachable account get nothing, a dedupeKey written before is skipped.
 * Returns the rows written with their keys.
 */
export async function queueKeyedMany(db: Db, messages: KeyedMessage[]): Promise<(QueuedMessage & { dedupeKey: string })[]> {
  const queued: (QueuedMessage & { dedupeKey: string })[] = [];
  for (let i = 0; i < messages.length; i += BATCH) {
    const batch = messages.slice(i, i + BATCH).map((message) => ({ id: uuidv7(), ...message }));
    queued.push(
      ...(await db.$queryRawUnsafe<(QueuedMessage & { dedupeKey: string })[]>(
        `INSERT INTO "OutboundMessage" (id, platform, workspace, "chatId", "employeeId", "identityId", payload, "dedupeKey", "updatedAt")
         SELECT x.id, i.platform, i.workspace, i."chatId", x."employeeId", i.id, x.payload, x."dedupeKey", ${SQL_NOW}
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, "employeeId" text, payload jsonb, "dedupeKey" text)
         CROSS JOIN LATERAL ${latestReachableChat('x."employeeId"')} i
         ON CONFLICT DO NOTHING
         RETURNING id, platform, "dedupeKey"`,
        JSON.stringify(batch),
      )),
    );
  }
  return queued;
}
