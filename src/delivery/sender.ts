/**
 * Sends outbox rows through their channel. Rows are claimed with a short lease (so two instances
 * never send the same row at once), sent in order per chat, and marked sent, retried later
 * (network errors, 429 with the wait the platform asked for) or failed for good (a blocked bot
 * marks the person's chat account unreachable). A periodic sweep picks up whatever is pending –
 * after a crash, a restart or a failed attempt. (BullMQ-based delivery replaces the sweep later.)
 */
import type { Reply } from '../conversation/reply.js';
import type { OutboundMessage, Platform, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import { DeliveryError, type Channel } from './channel.js';

/** How long a claimed row is left alone before another sweep may try it again. */
const LEASE_SECONDS = 120;
/** Attempts before a row is given up. */
const MAX_ATTEMPTS = 8;

/** Wait before retry `attempt` (1-based): 5 s doubling, at most 30 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** (attempt - 1), 30 * 60_000);
}

export class OutboxSender {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly channels: Map<Platform, Channel>,
    private readonly logger: Logger,
  ) {}

  /** Sends these rows now, if they are still pending. */
  async deliver(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.send(await this.claim(ids));
  }

  /** Sends up to `limit` pending rows that are due; returns how many were tried. */
  async sweep(limit = 100): Promise<number> {
    const rows = await this.claim(undefined, limit);
    await this.send(rows);
    return rows.length;
  }

  /** Sweeps every `intervalMs` until stopped. */
  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => {
      this.sweeping = this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'outbox sweep failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async claim(ids: string[] | undefined, limit = 100): Promise<OutboundMessage[]> {
    const filter = ids ? `AND id = ANY($2::text[])` : '';
    return this.prisma.$queryRawUnsafe<OutboundMessage[]>(
      `UPDATE "OutboundMessage" SET "notBefore" = now() + interval '${LEASE_SECONDS} seconds', attempts = attempts + 1, "updatedAt" = now()
       WHERE id IN (
         SELECT id FROM "OutboundMessage" WHERE status = 'PENDING' AND "notBefore" <= now() ${filter}
         ORDER BY "createdAt" LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      limit,
      ...(ids ? [ids] : []),
    );
  }

  private async send(rows: OutboundMessage[]): Promise<void> {
    const blockedChats = new Set<string>();
    for (const row of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))) {
      const chat = `${row.platform}:${row.workspace}:${row.chatId}`;
      // Keep a chat's messages in order: after one waits for a retry, the rest of that chat wait too.
      if (blockedChats.has(chat)) {
        await this.prisma.outboundMessage.update({ where: { id: row.id }, data: { attempts: { decrement: 1 } } });
        continue;
      }
      const retryAt = await this.sendOne(row);
      if (retryAt) {
        blockedChats.add(chat);
        await this.prisma.outboundMessage.updateMany({
          where: { platform: row.platform, workspace: row.workspace, chatId: row.chatId, status: 'PENDING', createdAt: { gt: row.createdAt } },
          data: { notBefore: retryAt },
        });
      }
    }
  }

  /** Sends one row; returns when to retry, or undefined when the row is settled. */
  private async sendOne(row: OutboundMessage): Promise<Date | undefined> {
    const channel = this.channels.get(row.platform);
    if (!channel) {
      await this.settle(row.id, 'FAILED', `no ${row.platform} channel is configured`);
      return undefined;
    }
    try {
      const sent = await channel.send(row.chatId, row.payload as unknown as Reply);
      await this.prisma.outboundMessage.update({
        where: { id: row.id },
        data: { status: 'SENT', sentAt: new Date(), externalMessageId: sent.externalMessageId, lastError: null },
      });
      return undefined;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('retry', (error as Error).message);
      this.logger.warn({ outboxId: row.id, platform: row.platform, kind: failure.kind, error: failure.message }, 'sending a message failed');
      if (failure.kind === 'unreachable') {
        await this.settle(row.id, 'FAILED', failure.message);
        if (row.identityId) {
          await this.prisma.chatIdentity.updateMany({
            where: { id: row.identityId },
            data: { reachable: false, unreachableReason: failure.message, unreachableSince: new Date() },
          });
        }
        return undefined;
      }
      if (failure.kind === 'rejected' || row.attempts >= MAX_ATTEMPTS) {
        await this.settle(row.id, 'FAILED', failure.message);
        return undefined;
      }
      const retryAt = new Date(Date.now() + (failure.retryAfterMs ?? retryDelayMs(row.attempts)));
      await this.prisma.outboundMessage.update({ where: { id: row.id }, data: { notBefore: retryAt, lastError: failure.message } });
      return retryAt;
    }
  }

  private async settle(id: string, status: 'FAILED', lastError: string): Promise<void> {
    await this.prisma.outboundMessage.update({ where: { id }, data: { status, lastError } });
  }
}
