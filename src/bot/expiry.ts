/**
 * Ends conversations nobody answered in time and tells the person so, instead of waiting for
 * their next message to discover it.
 */
import type { ConversationEngine } from '../conversation/engine.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { OutboxWriter, type QueuedMessage } from '../services/outbox.js';
import { loadMember } from '../services/people.js';
import { botContext, type BotContext } from './context.js';

/** Ends every session idle past its expiry; returns the outbox rows of the messages saying so. */
export async function expireIdleSessions(prisma: PrismaClient, engine: ConversationEngine<BotContext>, now: Date): Promise<QueuedMessage[]> {
  const due = await prisma.conversationSession.findMany({ where: { expiresAt: { lte: now } }, take: 100 });
  const queued: QueuedMessage[] = [];
  for (const session of due) {
    const ids = await prisma.$transaction(async (tx) => {
      const me = await loadMember(tx, session.employeeId);
      if (!me) return [];
      const outbox = new OutboxWriter(tx);
      const origin = { platform: session.platform, workspace: '', chatId: '', identityId: session.identityId, private: true, title: null };
      const ctx = botContext({ db: tx, me, origin, outbox, now });
      const ended = await engine.active(ctx);
      if (ended?.ended) await outbox.toPerson(me.id, ended.ended.replies);
      return outbox.queued;
    });
    queued.push(...ids);
  }
  return queued;
}
