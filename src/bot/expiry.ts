/**
 * Ends conversations nobody answered in time and tells the person so, instead of waiting for
 * their next message to discover it.
 */
import type { ConversationEngine } from '../conversation/engine.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { decideAndCommit } from '../services/commit.js';
import type { QueuedMessage } from '../services/outbox.js';
import { loadMember } from '../services/people.js';
import { botContext, type BotContext } from './context.js';

/** Ends every session idle past its expiry; returns the outbox rows of the messages saying so. */
export async function expireIdleSessions(prisma: PrismaClient, engine: ConversationEngine<BotContext>, now: Date): Promise<QueuedMessage[]> {
  const due = await prisma.conversationSession.findMany({ where: { expiresAt: { lte: now } }, take: 100 });
  const queued: QueuedMessage[] = [];
  for (const session of due) {
    const { queued: rows } = await decideAndCommit(prisma, now, async (work) => {
      const me = await loadMember(prisma, session.employeeId);
      if (!me) return;
      const origin = { platform: session.platform, workspace: '', chatId: '', identityId: session.identityId, private: true, title: null };
      const ctx = botContext({ db: prisma, work, me, origin });
      // The session is read again here: if the person answered meanwhile, it is no longer idle and nothing happens.
      const ended = await engine.active(ctx);
      if (ended?.ended) await ctx.outbox.toPerson(me.id, ended.ended.replies);
    });
    queued.push(...rows);
  }
  return queued;
}
