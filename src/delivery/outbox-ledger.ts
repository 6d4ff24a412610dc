/**
 * The delivery worker's bookkeeping on the outbox, batched: claiming rows before sending and
 * marking them sent afterwards. Every job of a busy worker asks at about the same time, so the
 * claims and marks of all of them go to the database as one statement (see batcher.ts) – one round
 * trip and one commit for dozens of messages instead of two per message. That is what lets one
 * instance deliver a 50,000-person fan-out at a few thousand messages a second (npm run bench:fanout).
 */
import type { OutboundMessage } from '../generated/prisma/client.js';
import type { SqlSession } from '../storage/sql.js';
import { Batcher } from './batcher.js';

/** A claimed row: what sending it needs. */
export type ClaimedRow = Pick<OutboundMessage, 'id' | 'platform' | 'workspace' | 'chatId' | 'identityId' | 'payload'>;

/** The outcome of claiming one row: claimed, or why not (gone, sent or failed; or pending but not now). */
export type Claim = { row: ClaimedRow } | { row: undefined; pending: boolean; waitMs: number };

type Operation = { claim: string } | { sent: string; externalMessageId: string };

/** Timestamps are stored as UTC without a zone (Prisma's convention), so "now" is written as UTC whatever the session's zone. */
const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * One statement: marks the sent rows, and claims the wanted ones. A row is claimed when it is
 * pending, its time has come (no other worker's lease on it) and no earlier message to the same
 * chat is still pending – so a chat's messages go out in the order they were written. Rows not
 * claimed come back with their status and how long until their lease ends.
 */
const STATEMENT = `
  WITH sent AS (
    UPDATE "OutboundMessage" o
    SET status = 'SENT', "sentAt" = ${NOW}, "externalMessageId" = s.external, "lastError" = NULL, "updatedAt" = ${NOW}
    FROM unnest($3::text[], $4::text[]) AS s(id, external)
    WHERE o.id = s.id),
  claimed AS (
    UPDATE "OutboundMessage" o
    SET "notBefore" = ${NOW} + make_interval(secs => $2::double precision), attempts = o.attempts + 1, "updatedAt" = ${NOW}
    WHERE o.id = ANY($1::text[]) AND o.id <> ALL($3::text[]) AND o.status = 'PENDING' AND o."notBefore" <= ${NOW}
      AND NOT EXISTS (
        SELECT 1 FROM "OutboundMessage" e
        WHERE e.platform = o.platform AND e.workspace = o.workspace AND e."chatId" = o."chatId" AND e.status = 'PENDING'
          AND (e."createdAt", e.id) < (o."createdAt", o.id))
    RETURNING o.id, o.platform, o.workspace, o."chatId", o."identityId", o.payload)
  SELECT w.id AS wanted, c.id IS NOT NULL AS claimed, c.id, c.platform, c.workspace, c."chatId", c."identityId", c.payload, cur.status,
         GREATEST(0, extract(epoch FROM cur."notBefore" - ${NOW}) * 1000)::int AS "waitMs"
  FROM unnest($1::text[]) AS w(id)
  LEFT JOIN claimed c ON c.id = w.id
  LEFT JOIN "OutboundMessage" cur ON cur.id = w.id`;

type ResultRow = ClaimedRow & { wanted: string; claimed: boolean; status: string | null; waitMs: number | null };

export class OutboxLedger {
  private readonly batcher = new Batcher<Operation, Claim | undefined>((operations) => this.run(operations));

  constructor(
    private readonly sql: SqlSession,
    /** How long a claimed row is left alone by others while it is being sent. */
    private readonly leaseSeconds: number,
  ) {}

  /** Claims a row for sending (a lease of leaseSeconds). */
  async claim(id: string): Promise<Claim> {
    return (await this.batcher.call({ claim: id }))!;
  }

  /** Marks a claimed row sent; resolves once that is written. */
  async markSent(id: string, externalMessageId: string): Promise<void> {
    await this.batcher.call({ sent: id, externalMessageId });
  }

  private async run(operations: Operation[]): Promise<(Claim | undefined)[]> {
    const wanted = operations.flatMap((op) => ('claim' in op ? [op.claim] : []));
    const sent = operations.flatMap((op) => ('sent' in op ? [op] : []));
    const rows = await this.sql.query<ResultRow>(STATEMENT, [
      wanted,
      this.leaseSeconds,
      sent.map((op) => op.sent),
      sent.map((op) => op.externalMessageId),
    ], 'outbox-ledger');
    const byId = new Map(rows.map((row) => [row.wanted, row]));
    const handedOut = new Set<string>();
    return operations.map((op) => ('claim' in op ? this.outcome(op.claim, byId.get(op.claim), handedOut) : undefined));
  }

  private outcome(id: string, row: ResultRow | undefined, handedOut: Set<string>): Claim {
    // The same row asked for twice in one batch (two jobs for one row): only the first may send it.
    if (row?.claimed && !handedOut.has(id)) {
      handedOut.add(id);
      return { row: { id, platform: row.platform, workspace: row.workspace, chatId: row.chatId, identityId: row.identityId, payload: row.payload } };
    }
    if (row?.claimed) return { row: undefined, pending: true, waitMs: this.leaseSeconds * 1000 };
    const pending = row?.status === 'PENDING';
    return { row: undefined, pending, waitMs: pending ? (row.waitMs ?? 0) : 0 };
  }
}
