/**
 * The outbox: every message the bot sends is first a row here, written in the same transaction
 * as what caused it, then sent by the delivery queue (src/delivery). A crash between the two loses
 * nothing: the outbox sweep re-queues pending rows.
 */
import type { Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import { json, type Db, type Reader } from './db.js';
import type { ChatAddress, UnitOfWork } from './work.js';

export type { ChatAddress } from './work.js';

/** An outbox row written by a transaction, to hand to the delivery queue after commit. */
export interface QueuedMessage {
  id: string;
  platform: Platform;
}

/** The chat of a person's most recently used reachable account; null when they have none (not linked, or every account unreachable). */
export async function reachableChatOf(db: Reader, employeeId: string): Promise<ChatAddress | null> {
  const identity = await db.chatIdentity.findFirst({
    where: { employeeId, reachable: true },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { linkedAt: 'desc' }],
  });
  if (!identity) return null;
  return {
    platform: identity.platform,
    workspace: identity.workspace,
    chatId: identity.dmChannelId ?? identity.externalUserId,
    employeeId,
    identityId: identity.id,
  };
}

/** Messages of one decision: queued in its unit of work, written when it commits. */
export class Outbox {
  constructor(
    private readonly db: Reader,
    private readonly work: UnitOfWork,
  ) {}

  /** Queues `replies` to one chat, in order. */
  toChat(address: ChatAddress, replies: Reply[], options: { dedupeKey?: string } = {}): void {
    this.work.send(address, replies, options);
  }

  /**
   * Queues `replies` to a person's most recently used reachable chat account. Returns false when
   * the person has none (not linked yet, or every account unreachable): the caller says so.
   */
  async toPerson(employeeId: string, replies: Reply[], options: { dedupeKey?: string } = {}): Promise<boolean> {
    const address = await reachableChatOf(this.db, employeeId);
    if (!address) return false;
    this.work.send(address, replies, options);
    return true;
  }
}

/**
 * Queues one message to a person's most recent reachable chat under `dedupeKey`, at once in
 * transaction `db`: a second call with the same key writes nothing. For messages the bot sends on
 * its own (reminders, nudges).
 */
export async function queueKeyed(db: Db, employeeId: string, dedupeKey: string, message: Reply): Promise<QueuedMessage[]> {
  const address = await reachableChatOf(db, employeeId);
  if (!address) return [];
  return db.outboundMessage.createManyAndReturn({
    data: [{ ...address, payload: json(message), dedupeKey }],
    skipDuplicates: true,
    select: { id: true, platform: true },
  });
}
