/**
 * The inbound pipeline every channel feeds: dedupe → identify → route → outbox, in one database
 * transaction per event, then hands what that event queued to the delivery queue. One error boundary
 * logs with context and answers with one friendly line; no input can crash the process.
 */
import type { ConversationEngine } from '../conversation/engine.js';
import type { Platform, PrismaClient } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import type { Logger } from '../logging/logger.js';
import { say } from '../flows/common.js';
import type { Db } from '../services/db.js';
import { OutboxWriter, type QueuedMessage } from '../services/outbox.js';
import { loadMember } from '../services/people.js';
import { botContext, type BotContext, type EventEffects, type Origin } from './context.js';
import type { InboundEvent } from './inbound.js';
import { GROUP_COMMANDS } from './commands.js';
import { homeReplies, homeUnlinked } from './home.js';
import { routeLinked, routeUnlinked, welcome } from './router.js';
import { linkByEmail } from '../services/linking.js';
import type { Reply } from '../conversation/reply.js';

/** Raised inside the transaction when an update was handled before; rolls everything back. */
class DuplicateUpdate extends Error {}

export interface BotDependencies {
  prisma: PrismaClient;
  engine: ConversationEngine<BotContext>;
  logger: Logger;
  now: () => Date;
  /** Language for people the bot does not know yet. */
  defaultLocale: Locale;
  /** Hands outbox rows to the delivery queue (rows it misses are re-queued by the outbox sweep). */
  deliver: (rows: QueuedMessage[]) => Promise<void>;
}

/** Longest an event may hold its transaction. */
const EVENT_TIMEOUT_MS = 30_000;

export class Bot {
  /** Events of one sender are handled one after another, in arrival order. */
  private readonly queues = new Map<string, Promise<EventEffects>>();

  constructor(private readonly deps: BotDependencies) {}

  /** Handles one event; resolves when its replies were handed to the channel (or queued for retry). Never rejects. */
  handle(event: InboundEvent): Promise<EventEffects> {
    const groupCommand = event.message.type === 'command' && GROUP_COMMANDS.has(event.message.name);
    if (!event.chat.private && !groupCommand) return Promise.resolve({ clearButtons: false });
    const key = `${event.platform}:${event.workspace}:${event.sender.externalUserId}`;
    const previous = this.queues.get(key) ?? Promise.resolve({ clearButtons: false });
    const current = previous.then(() => this.process(event));
    this.queues.set(key, current);
    void current.finally(() => {
      if (this.queues.get(key) === current) this.queues.delete(key);
    });
    return current;
  }

  private async process(event: InboundEvent): Promise<EventEffects> {
    const { prisma, logger } = this.deps;
    const effects: EventEffects = { clearButtons: false };
    let queued: QueuedMessage[];
    try {
      const email = await this.emailOfNewcomer(event);
      queued = await this.withOneRetry(() =>
        prisma.$transaction((tx) => this.inTransaction(tx, event, effects, email), { timeout: EVENT_TIMEOUT_MS, maxWait: EVENT_TIMEOUT_MS }),
      );
    } catch (error) {
      if (error instanceof DuplicateUpdate) {
        logger.debug({ platform: event.platform, updateKey: event.updateKey }, 'duplicate update ignored');
        return effects;
      }
      logger.error({ err: error, platform: event.platform, sender: event.sender.externalUserId, message: event.message.type }, 'handling an event failed');
      queued = await this.apologise(event).catch((apologyError: unknown) => {
        logger.error({ err: apologyError }, 'could not queue the apology either');
        return [];
      });
    }
    await this.deps.deliver(queued).catch((error: unknown) => logger.error({ err: error }, 'queueing delivery failed; the outbox sweep will retry'));
    return effects;
  }

  /**
   * Everything an event does is one transaction, so trying it again is safe. One retry rides out a
   * database that just dropped its connections (a restart, a failover) instead of apologising.
   */
  private async withOneRetry<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DuplicateUpdate) throw error;
      this.deps.logger.warn({ error: (error as Error).message }, 'handling an event failed; trying once more');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return work();
    }
  }

  /** The platform's e-mail address of a sender not linked yet (asked outside the transaction: it is a call to the platform). */
  private async emailOfNewcomer(event: InboundEvent): Promise<string | null> {
    if (!event.lookupEmail || !event.chat.private) return null;
    const known = await this.deps.prisma.chatIdentity.findUnique({
      where: { platform_workspace_externalUserId: { platform: event.platform, workspace: event.workspace, externalUserId: event.sender.externalUserId } },
      select: { id: true },
    });
    if (known) return null;
    return event.lookupEmail().catch((error: unknown) => {
      this.deps.logger.warn({ platform: event.platform, sender: event.sender.externalUserId, error: (error as Error).message }, 'could not read the e-mail address of a new user');
      return null;
    });
  }

  private async inTransaction(tx: Db, event: InboundEvent, effects: EventEffects, email: string | null): Promise<QueuedMessage[]> {
    const now = this.deps.now();
    if (event.updateKey) await this.markProcessed(tx, event);
    // Several instances (webhooks) may receive one person's messages at once: handle them one at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${event.platform}:${event.workspace}:${event.sender.externalUserId}`}))`;
    const outbox = new OutboxWriter(tx);
    const key = { platform: event.platform, workspace: event.workspace, externalUserId: event.sender.externalUserId };
    let identity = await tx.chatIdentity.findUnique({ where: { platform_workspace_externalUserId: key } });
    // A Slack user whose profile e-mail is an imported employee's is linked on first contact.
    let greeting: Reply[] = [];
    if (!identity && email) {
      const account = { ...key, chatId: event.chat.id, username: event.sender.username };
      const linked = await linkByEmail(tx, account, email, now);
      if (linked) {
        identity = await tx.chatIdentity.findUniqueOrThrow({ where: { id: linked.identityId } });
        greeting = await welcome(tx, linked.employeeId, now);
      }
    }
    const origin: Origin = {
      platform: event.platform,
      workspace: event.workspace,
      chatId: event.chat.id,
      identityId: identity?.id ?? null,
      private: event.chat.private,
      title: event.chat.title ?? null,
    };
    const address = { platform: origin.platform, workspace: origin.workspace, chatId: origin.chatId, identityId: origin.identityId, employeeId: identity?.employeeId ?? null };

    // In groups only linked people's report commands count; strangers get no answer there.
    if (!identity && !event.chat.private) return [];
    if (!identity) {
      const account = { ...origin, externalUserId: event.sender.externalUserId, username: event.sender.username };
      await outbox.toChat(address, await routeUnlinked(tx, account, event.message, this.deps.defaultLocale, now));
      return outbox.queued;
    }
    await tx.chatIdentity.update({
      where: { id: identity.id },
      data: { lastSeenAt: now, ...(event.chat.private ? { dmChannelId: event.chat.id } : {}), username: event.sender.username, reachable: true, unreachableReason: null },
    });
    const me = await loadMember(tx, identity.employeeId);
    if (!me || !me.active) {
      await outbox.toChat(address, [say(botText[me?.locale ?? this.deps.defaultLocale].inactive)]);
      return outbox.queued;
    }
    const ctx = botContext({ db: tx, me, origin, outbox, now });
    const replies = [...greeting, ...(await routeLinked(ctx, this.deps.engine, event.message))];
    effects.clearButtons = ctx.effects.clearButtons;
    if (ctx.effects.problem) effects.problem = ctx.effects.problem;
    // From a form, and the conversation goes on: the form shows the next question. Otherwise (it
    // ended, was refused, or never started) everything goes to the chat, as always.
    if (event.surface === 'form' && (await ctx.sessions.get(me.id))) {
      effects.form = replies;
      return outbox.queued;
    }
    await outbox.toChat(address, replies);
    return outbox.queued;
  }

  /** The person's dashboard (Slack's App Home), built in a transaction of its own: its buttons' tokens are stored. */
  async home(platform: Platform, workspace: string, externalUserId: string): Promise<Reply[]> {
    return this.deps.prisma.$transaction(
      async (tx) => {
        const identity = await tx.chatIdentity.findUnique({ where: { platform_workspace_externalUserId: { platform, workspace, externalUserId } } });
        if (!identity) return homeUnlinked(this.deps.defaultLocale);
        const me = await loadMember(tx, identity.employeeId);
        if (!me || !me.active) return [say(botText[me?.locale ?? this.deps.defaultLocale].inactive)];
        const origin: Origin = { platform, workspace, chatId: identity.dmChannelId ?? externalUserId, identityId: identity.id, private: true, title: null };
        return homeReplies(botContext({ db: tx, me, origin, outbox: new OutboxWriter(tx), now: this.deps.now() }));
      },
      { timeout: EVENT_TIMEOUT_MS, maxWait: EVENT_TIMEOUT_MS },
    );
  }

  /** Records the update; a second delivery of the same update fails the insert and is dropped. */
  private async markProcessed(tx: Db, event: InboundEvent): Promise<void> {
    try {
      await tx.processedUpdate.create({ data: { platform: event.platform, workspace: event.workspace, updateKey: event.updateKey ?? '' } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw new DuplicateUpdate();
      throw error;
    }
  }

  /** After a failure: one friendly line to the person, in a fresh transaction. */
  private async apologise(event: InboundEvent): Promise<QueuedMessage[]> {
    return this.deps.prisma.$transaction(async (tx) => {
      const identity = await tx.chatIdentity.findUnique({
        where: {
          platform_workspace_externalUserId: { platform: event.platform, workspace: event.workspace, externalUserId: event.sender.externalUserId },
        },
        include: { employee: { select: { locale: true } } },
      });
      const outbox = new OutboxWriter(tx);
      const locale = identity?.employee.locale ?? this.deps.defaultLocale;
      await outbox.toChat(
        { platform: event.platform, workspace: event.workspace, chatId: event.chat.id, employeeId: identity?.employeeId ?? null, identityId: identity?.id ?? null },
        [say(botText[locale].somethingWentWrong)],
      );
      return outbox.queued;
    });
  }
}
