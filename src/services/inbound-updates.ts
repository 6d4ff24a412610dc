/**
 * Inbound updates, accepted durably before the platform gets its answer: one INSERT stores the
 * normalised event under the platform's update id. A redelivery of the same id finds the row and
 * is dropped; the commit of the event's effects marks the row handled in the same transaction, so
 * an update is handled exactly once – and one accepted by an instance that died before handling it
 * is picked up by another (see `takeStaleUpdates`).
 */
import { Prisma, type Platform, type PrismaClient } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import type { SqlSession } from '../storage/sql.js';
import type { Db } from './db.js';
import type { UnitOfWork } from './work.js';

/** Raised at commit when the update was handled meanwhile (by another instance): the decision is dropped. */
export class AlreadyHandled extends Error {
  constructor(readonly updateId: string) {
    super(`update ${updateId} was handled already`);
    this.name = 'AlreadyHandled';
  }
}

/** What is stored of an event: plain data only (functions and raw payloads stay behind). */
export type StoredEvent = Record<string, unknown> & { platform: Platform; workspace: string; updateKey: string | null };

/** Stores an update; its row id, or null when the same update was accepted before. One statement, on the hot path of every event. */
export async function acceptUpdate(sql: SqlSession, event: StoredEvent, now: Date): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO "ProcessedUpdate" (id, platform, workspace, "updateKey", event, "processedAt")
     VALUES ($1, $2::"Platform", $3, $4, $5::jsonb, $6::timestamptz AT TIME ZONE 'UTC')
     ON CONFLICT (platform, workspace, "updateKey") DO NOTHING RETURNING id`,
    [uuidv7(now.getTime()), event.platform, event.workspace, event.updateKey ?? '', JSON.stringify(event), now.toISOString()],
    'accept-update',
  );
  return rows[0]?.id ?? null;
}

/** Marks the update handled when `work` commits; the commit fails with AlreadyHandled when another instance was first. */
export function markHandled(work: UnitOfWork, updateId: string): void {
  work.handledUpdate = updateId;
}

/** Applies `markHandled` in transaction `tx` (the committer calls it first). */
export async function applyHandled(tx: Db, updateId: string, now: Date): Promise<void> {
  const marked = await tx.processedUpdate.updateMany({ where: { id: updateId, handledAt: null }, data: { handledAt: now, event: Prisma.DbNull } });
  if (marked.count === 0) throw new AlreadyHandled(updateId);
}

/**
 * Updates accepted more than `graceMs` ago and still not handled (their instance died, or the
 * database failed while handling them), claimed for handling here: each claim moves the row's
 * accept time to now, so another instance leaves it alone for another grace period.
 */
export async function takeStaleUpdates(prisma: PrismaClient, now: Date, graceMs: number, limit = 100): Promise<{ id: string; event: StoredEvent }[]> {
  const before = new Date(now.getTime() - graceMs);
  const stale = await prisma.processedUpdate.findMany({
    where: { handledAt: null, processedAt: { lt: before }, NOT: { event: { equals: Prisma.DbNull } } },
    orderBy: { processedAt: 'asc' },
    take: limit,
    select: { id: true, processedAt: true, event: true },
  });
  const taken: { id: string; event: StoredEvent }[] = [];
  for (const row of stale) {
    const claimed = await prisma.processedUpdate.updateMany({ where: { id: row.id, handledAt: null, processedAt: row.processedAt }, data: { processedAt: now } });
    if (claimed.count > 0) taken.push({ id: row.id, event: row.event as StoredEvent });
  }
  return taken;
}
