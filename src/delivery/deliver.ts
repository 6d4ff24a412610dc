/**
 * The delivery worker: sends one outbox row per job through its channel.
 *
 * - A row is claimed with a lease before sending, so two workers (or two instances) never send
 *   the same row at once; a row already sent or failed is skipped, so a re-queued job never sends
 *   twice.
 * - A chat's messages go out in the order they were written, at most one per chat per interval
 *   (Telegram asks for about one message per second per chat).
 * - 429: the platform's whole queue waits exactly as long as told, and the job is retried without
 *   counting an attempt. 5xx and network errors: exponential backoff (BullMQ). Blocked bot, user
 *   gone: the row fails for good and the person's chat account is marked unreachable.
 *
 * The one window left: a crash after the platform accepted a message but before the row is marked
 * sent. That row is sent again after its lease – at least once, never lost.
 */
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeferredOutput, Reply } from '../conversation/reply.js';
import type { Platform, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import type { SqlSession } from '../storage/sql.js';
import { DeliveryError, type Channel } from './channel.js';
import { OutboxLedger, type ClaimedRow } from './outbox-ledger.js';

/** Minimum time between two messages to one chat, per platform (milliseconds). */
export interface DeliveryPacing {
  perChatMs: Record<Platform, number>;
}

export const DEFAULT_PACING: DeliveryPacing = { perChatMs: { TELEGRAM: 1000, SLACK: 1000, CONSOLE: 0 } };

/** What the deliver handler needs. */
export interface DeliveryDependencies {
  prisma: PrismaClient;
  /** Raw SQL on the same database: the claim and mark statements of the hot path, batched. */
  sql: SqlSession;
  channels: Map<Platform, Channel>;
  redis: Redis;
  /** Redis key prefix (the queue prefix), so test runs and deployments do not share pacing keys. */
  keyPrefix: string;
  pacing: DeliveryPacing;
  /** How long a claimed row is left alone by others while it is being sent. */
  leaseSeconds: number;
  pauseQueue: (platform: Platform, ms: number) => Promise<void>;
  /** Makes a heavy output written to the outbox as a DeferredOutput (reports/outputs.ts), right before it is sent. */
  makeOutput?: (output: DeferredOutput) => Promise<Reply>;
  logger: Logger;
}

/** Gives a claimed row back without counting the attempt. */
async function release(prisma: PrismaClient, id: string, lastError: string | null = null): Promise<void> {
  await prisma.outboundMessage.update({ where: { id }, data: { notBefore: new Date(), attempts: { decrement: 1 }, ...(lastError ? { lastError } : {}) } });
}

async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

/** Handles one `deliver` job. */
export function deliverHandler(deps: DeliveryDependencies) {
  const { prisma } = deps;
  const ledger = new OutboxLedger(deps.sql, deps.leaseSeconds);
  return async (data: { outboxId: string }, job: Job, token: string | undefined): Promise<void> => {
    const claim = await ledger.claim(data.outboxId);
    const row = claim.row;
    if (!row) {
      // Leased by a worker that may have died: come back when the lease ends. Behind an earlier message to the same chat: shortly.
      if (claim.pending) await delay(job, token, claim.waitMs > 0 ? Math.max(claim.waitMs, 100) : 250);
      return;
    }
    const gap = deps.pacing.perChatMs[row.platform];
    if (gap > 0) {
      const key = `${deps.keyPrefix}:pace:${row.platform}:${row.workspace}:${row.chatId}`;
      const free = await deps.redis.set(key, '1', 'PX', gap, 'NX');
      if (free === null) {
        await release(prisma, row.id);
        await delay(job, token, Math.max(await deps.redis.pttl(key), 10));
      }
    }

    const channel = deps.channels.get(row.platform);
    if (!channel) {
      await prisma.outboundMessage.update({ where: { id: row.id }, data: { status: 'FAILED', lastError: `no ${row.platform} channel is configured` } });
      return;
    }
    let sent: { externalMessageId: string };
    try {
      sent = await channel.send(row.chatId, await messageOf(deps, row.payload as unknown as Reply));
    } catch (error) {
      await settleFailure(deps, job, row, error instanceof DeliveryError ? error : new DeliveryError('retry', (error as Error).message));
      return;
    }
    await ledger.markSent(row.id, sent.externalMessageId);
  };
}

/** The message to send for a row: the stored reply, or the heavy output it asks for, made now. */
async function messageOf(deps: DeliveryDependencies, payload: Reply): Promise<Reply> {
  if (!payload.deferred) return payload;
  if (!deps.makeOutput) throw new DeliveryError('rejected', `no maker for deferred output ${payload.deferred.kind}`);
  return deps.makeOutput(payload.deferred);
}

async function settleFailure(deps: DeliveryDependencies, job: Job, row: ClaimedRow, failure: DeliveryError): Promise<void> {
  const { prisma, logger } = deps;
  logger.warn({ outboxId: row.id, platform: row.platform, kind: failure.kind, error: failure.message }, 'sending a message failed');
  if (failure.kind === 'unreachable' || failure.kind === 'rejected') {
    // The account first: once a row shows FAILED, whoever looks also sees why the person cannot be reached.
    if (failure.kind === 'unreachable' && row.identityId) {
      await prisma.chatIdentity.updateMany({
        where: { id: row.identityId },
        data: { reachable: false, unreachableReason: failure.message, unreachableSince: new Date() },
      });
    }
    await prisma.outboundMessage.update({ where: { id: row.id }, data: { status: 'FAILED', lastError: failure.message } });
    return;
  }
  if (failure.retryAfterMs !== undefined) {
    // Told exactly how long to wait: the platform's queue waits that long, the job is retried without counting an attempt.
    await release(prisma, row.id, failure.message);
    await deps.pauseQueue(row.platform, failure.retryAfterMs);
    throw Worker.RateLimitError();
  }
  const attempts = job.opts.attempts ?? 1;
  if (job.attemptsMade + 1 >= attempts) {
    await prisma.outboundMessage.update({ where: { id: row.id }, data: { status: 'FAILED', lastError: failure.message } });
    return;
  }
  // BullMQ retries with exponential backoff; the row is free again right away for that retry.
  await prisma.outboundMessage.update({ where: { id: row.id }, data: { notBefore: new Date(), lastError: failure.message } });
  throw failure;
}
