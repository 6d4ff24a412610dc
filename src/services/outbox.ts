/**
 * The outbox: every message the bot sends is first a row here, written in the same transaction
 * as what caused it, then sent by the delivery queue (src/delivery). A crash between the two loses
 * nothing: the outbox sweep re-queues pending rows.
 */
import type { Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import { json, type Db } from './db.js';

/** Where a message goes. */
export interface ChatAddress {
  platform: Platform;
  workspace: string;
  chatId: string;
  employeeId: string | null;
  identityId: string | null;
}

/** An outbox row written by this transaction, to hand to the delivery queue after commit. */
export interface QueuedMessage {
  id: string;
  platform: Platform;
}

/** Writes outbox rows through one transaction and remembers them for delivery after commit. */
export class OutboxWriter {
  readonly queued: QueuedMessage[] = [];

  constructor(private readonly db: Db) {}

  /** Queues `replies` to one chat, in order. */
  async toChat(address: ChatAddress, replies: Reply[], options: { dedupeKey?: string } = {}): Promise<void> {
    for (const [index, message] of replies.entries()) {
      const row = await this.db.outboundMessage.create({
        data: {
          ...address,
          payload: json(message),
          dedupeKey: options.dedupeKey ? `${options.dedupeKey}:${index}` : null,
        },
      });
      this.queued.push({ id: row.id, platform: row.platform });
    }
  }

  /**
   * Queues `replies` to a person's most recently used reachable chat account. Returns false when
   * the person has none (not linked yet, or every account unreachable): the caller says so.
   */
  async toPerson(employeeId: string, replies: Reply[], options: { dedupeKey?: string } = {}): Promise<boolean> {
    const identity = await this.db.chatIdentity.findFirst({
      where: { employeeId, reachable: true },
      orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { linkedAt: 'desc' }],
    });
    if (!identity) return false;
    await this.toChat(
      {
        platform: identity.platform,
        workspace: identity.workspace,
        chatId: identity.dmChannelId ?? identity.externalUserId,
        employeeId,
        identityId: identity.id,
      },
      replies,
      options,
    );
    return true;
  }
}

/**
 * Queues one message to a person's most recent reachable chat under `dedupeKey`: a second call
 * with the same key writes nothing. For messages the bot sends on its own (reminders, nudges).
 */
export async function queueKeyed(db: Db, employeeId: string, dedupeKey: string, message: Reply): Promise<QueuedMessage[]> {
  const identity = await db.chatIdentity.findFirst({
    where: { employeeId, reachable: true },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { linkedAt: 'desc' }],
  });
  if (!identity) return [];
  return db.outboundMessage.createManyAndReturn({
    data: [
      {
        platform: identity.platform,
        workspace: identity.workspace,
        chatId: identity.dmChannelId ?? identity.externalUserId,
        employeeId,
        identityId: identity.id,
        payload: json(message),
        dedupeKey,
      },
    ],
    skipDuplicates: true,
    select: { id: true, platform: true },
  });
}
