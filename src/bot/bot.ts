/**
 * The inbound pipeline every channel feeds:
 *
 *   accept (one INSERT: the update is stored, the platform may get its answer)
 *   → decide (reads on the pool, no transaction: identify, route, flows and services collect
 *     their changes, replies and buttons in a unit of work)
 *   → commit (one short transaction: changes with their status guards, session, tokens, audit,
 *     outbox rows, and the update marked handled)
 *   → the outbox rows go to the delivery queue.
 *
 * A guard that finds the state moved on (another instance, a second actor, a stale button) makes
 * the event be decided again from fresh reads, where the service refuses politely. One error
 * boundary logs with context and answers with one friendly line; no input can crash the process.
 */
import type { ConversationEngine } from '../conversation/engine.js';
import type { Reply } from '../conversation/reply.js';
import type { Platform, PrismaClient } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import type { Logger } from '../logging/logger.js';
import { say } from '../flows/common.js';
import { decideAndCommit, isTransient, MAX_ATTEMPTS } from '../services/commit.js';
import { acceptUpdate, AlreadyHandled, markHandled, takeStaleUpdates, type StoredEvent } from '../services/inbound-updates.js';
import { identifySender, touchIdentity, type KnownIdentity, type KnownSender } from '../services/identities.js';
import { linkByEmail } from '../services/linking.js';
import type { QueuedMessage } from '../services/outbox.js';
import { loadMember } from '../services/people.js';
import { preloadSession } from '../services/sessions.js';
import type { FollowUp, UnitOfWork } from '../services/work.js';
import type { SqlRunner } from '../services/db.js';
import { GROUP_COMMANDS } from './commands.js';
import { botContext, type EventEffects, type InboundHandler, type Origin } from './context.js';
import { homeReplies, homeUnlinked } from './home.js';
import { withoutCommandMarks, type InboundEvent } from './inbound.js';
import { routeLinked, routeUnlinked, welcome } from './router.js';
import type { BotContext } from './context.js';

export interface BotDependencies {
  prisma: PrismaClient;
  engine: ConversationEngine<BotContext>;
  logger: Logger;
  now: () => Date;
  /** Language for people the bot does not know yet. */
  defaultLocale: Locale;
  /** Hands outbox rows to the delivery queue (rows it misses are re-queued by the outbox sweep). */
  deliver: (rows: QueuedMessage[]) => Promise<void>;
  /** Queues the jobs a committed decision asked for (rows it misses are found by their catch-up). */
  followUp?: (followUps: FollowUp[]) => Promise<void>;
  /** Raw SQL on the same database, for the statements every event runs (accept, identify). */
  sql: SqlRunner;
  /** PostgreSQL's raw SQL, when the commits of plain decisions may use it (plain-commit.ts); absent on PGlite. */
  plain?: SqlRunner;
}

/** An update accepted but not handled after this long is handed to whichever instance looks (its own instance died). */
export const STALE_UPDATE_MS = 60_000;

const NOTHING: EventEffects = { clearButtons: false };

export class Bot {
  /** Events of one sender are handled one after another, in arrival order. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: BotDependencies) {}

  /** Accepts one event and handles it; resolves when its replies were handed to delivery (or queued for retry). Never rejects. */
  handle: InboundHandler = (received, onAccepted) => {
    const event = withoutCommandMarks(received);
    const groupCommand = event.message.type === 'command' && GROUP_COMMANDS.has(event.message.name);
    if (!event.chat.private && !groupCommand) {
      onAccepted?.(true);
      return Promise.resolve({ ...NOTHING });
    }
    // Accepting does not wait for the sender's earlier events: the platform gets its answer at once.
    const accepted = this.accept(event).then((result) => {
      onAccepted?.(result !== 'failed');
      return result;
    });
    return this.inOrder(event, async () => {
      const result = await accepted;
      if (result === 'duplicate' || (result === 'failed' && onAccepted)) return { ...NOTHING };
      return this.process(event, result === 'failed' || result === null ? null : result.id);
    });
  };

  /** Runs `work` after every earlier event of the same sender (on this instance). */
  private inOrder(event: InboundEvent, work: () => Promise<EventEffects>): Promise<EventEffects> {
    const key = `${event.platform}:${event.workspace}:${event.sender.externalUserId}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    this.queues.set(key, current);
    void current.finally(() => {
      if (this.queues.get(key) === current) this.queues.delete(key);
    });
    return current;
  }

  /** Stores the event: its row id, 'duplicate' for a redelivery, 'failed' when the database could not take it. */
  private async accept(event: InboundEvent): Promise<{ id: string } | 'duplicate' | 'failed' | null> {
    if (!event.updateKey) return null;
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await acceptUpdate(this.deps.sql, storable(event), this.deps.now());
        return id ? { id } : 'duplicate';
      } catch (error) {
        // A connection the server dropped (a restart, a failover) is replaced by the pool: try again at once.
        if (attempt < MAX_ATTEMPTS && isTransient(error)) continue;
        this.deps.logger.error({ err: error, platform: event.platform, updateKey: event.updateKey }, 'could not store an inbound update');
        return 'failed';
      }
    }
  }

  /** Hands updates whose instance died before handling them to this one. Returns how many. */
  async resumeStaleUpdates(): Promise<number> {
    const taken = await takeStaleUpdates(this.deps.prisma, this.deps.now(), STALE_UPDATE_MS);
    for (const { id, event } of taken) {
      const inbound = event as unknown as InboundEvent;
      await this.inOrder(inbound, () => this.process(inbound, id));
    }
    return taken.length;
  }

  private async process(event: InboundEvent, updateId: string | null): Promise<EventEffects> {
    const { prisma, logger } = this.deps;
    let effects: EventEffects = { ...NOTHING };
    let queued: QueuedMessage[];
    let followUps: FollowUp[] = [];
    try {
      const { email, sender } = await this.emailOfNewcomer(event);
      // The sender read to know they are new serves the first decision; a decision made again reads afresh.
      let known: KnownSender | undefined = sender;
      const decided = await decideAndCommit(prisma, this.deps.now(), (work) => {
        const prefetched = known;
        known = undefined;
        return this.decide(event, work, email, updateId, prefetched);
      }, {
        plain: this.deps.plain,
        onRetry: (attempt, error) => logger.debug({ attempt, error: (error as Error).message, platform: event.platform }, 'deciding an event again'),
      });
      effects = decided.value;
      queued = decided.queued;
      followUps = decided.followUps;
    } catch (error) {
      if (error instanceof AlreadyHandled) {
        logger.debug({ platform: event.platform, updateKey: event.updateKey }, 'update handled elsewhere');
        return effects;
      }
      logger.error({ err: error, platform: event.platform, sender: event.sender.externalUserId, message: event.message.type }, 'handling an event failed');
      queued = await this.apologise(event, updateId).catch((apologyError: unknown) => {
        logger.error({ err: apologyError }, 'could not queue the apology either');
        return [];
      });
    }
    await this.deps.deliver(queued).catch((error: unknown) => logger.error({ err: error }, 'queueing delivery failed; the outbox sweep will retry'));
    if (followUps.length > 0 && this.deps.followUp) {
      await this.deps.followUp(followUps).catch((error: unknown) => logger.warn({ err: error }, 'queueing follow-up jobs failed; the maintenance round will find them'));
    }
    return effects;
  }

  /**
   * The platform's e-mail address of a sender not linked yet (asked before deciding: it is a call
   * to the platform); for a linked sender, the sender as read to know that.
   */
  private async emailOfNewcomer(event: InboundEvent): Promise<{ email: string | null; sender?: KnownSender }> {
    if (!event.lookupEmail || !event.chat.private) return { email: null };
    const sender = await identifySender(this.deps.sql, event);
    if (sender) return { email: null, sender };
    const email = await event.lookupEmail().catch((error: unknown) => {
      this.deps.logger.warn({ platform: event.platform, sender: event.sender.externalUserId, error: (error as Error).message }, 'could not read the e-mail address of a new user');
      return null;
    });
    // Not reused: someone may have linked them while the platform was asked.
    return { email };
  }

  private async decide(event: InboundEvent, work: UnitOfWork, email: string | null, updateId: string | null, known?: KnownSender | null): Promise<EventEffects> {
    const { prisma } = this.deps;
    const now = work.now;
    if (updateId) markHandled(work, updateId);
    // One statement: the account, the employee, their session and whether results wait for them.
    const sender = known !== undefined ? known : await identifySender(this.deps.sql, event);
    let identity: KnownIdentity | null = sender?.identity ?? null;
    let me = sender?.member ?? null;
    if (sender) preloadSession(work, sender.member.id, sender.session);
    const account = { platform: event.platform, workspace: event.workspace, externalUserId: event.sender.externalUserId, chatId: event.chat.id, username: event.sender.username };
    // A Slack user whose profile e-mail is an imported employee's is linked on first contact.
    let greeting: Reply[] = [];
    if (!identity && email) {
      const linked = await linkByEmail(prisma, work, account, email, now);
      if (linked) {
        identity = { id: linked.identityId, employeeId: linked.employeeId, fresh: true };
        me = await loadMember(prisma, linked.employeeId);
        greeting = await welcome(prisma, work, linked.employeeId, now);
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
    if (!identity && !event.chat.private) return { ...NOTHING };
    if (!identity) {
      work.send(address, await routeUnlinked(prisma, work, account, event.message, this.deps.defaultLocale, now));
      return { ...NOTHING };
    }
    touchIdentity(work, identity, event);
    if (!me || !me.active) {
      work.send(address, [say(botText[me?.locale ?? this.deps.defaultLocale].inactive)]);
      return { ...NOTHING };
    }
    const ctx = botContext({ db: prisma, work, me, origin });
    const resultsDelivered = greeting.length > 0 || (sender !== null && !sender.resultsWaiting);
    const replies = [...greeting, ...(await routeLinked(ctx, this.deps.engine, event.message, { resultsDelivered }))];
    const effects: EventEffects = { clearButtons: ctx.effects.clearButtons, ...(ctx.effects.problem ? { problem: ctx.effects.problem } : {}) };
    // From a form, and the conversation goes on: the form shows the next question. Otherwise (it
    // ended, was refused, or never started) everything goes to the chat, as always.
    if (event.surface === 'form' && (await ctx.sessions.get(me.id))) return { ...effects, form: replies };
    work.send(address, replies);
    return effects;
  }

  /** The person's dashboard (Slack's App Home): decided like an event, so its buttons' tokens are stored. */
  async home(platform: Platform, workspace: string, externalUserId: string): Promise<Reply[]> {
    const { prisma } = this.deps;
    const decided = await decideAndCommit(prisma, this.deps.now(), async (work) => {
      const sender = await identifySender(this.deps.sql, { platform, workspace, sender: { externalUserId } });
      if (!sender) return homeUnlinked(this.deps.defaultLocale);
      const { identity, member: me } = sender;
      if (!me.active) return [say(botText[me.locale].inactive)];
      const origin: Origin = { platform, workspace, chatId: identity.dmChannelId ?? externalUserId, identityId: identity.id, private: true, title: null };
      return homeReplies(botContext({ db: prisma, work, me, origin }));
    }, { plain: this.deps.plain });
    return decided.value;
  }

  /** After a failure: one friendly line to the person; the update counts as handled (trying it again would fail the same way). */
  private async apologise(event: InboundEvent, updateId: string | null): Promise<QueuedMessage[]> {
    const { prisma } = this.deps;
    const decided = await decideAndCommit(prisma, this.deps.now(), async (work) => {
      if (updateId) {
        work.change(`update.failed ${updateId}`, (tx) => tx.processedUpdate.updateMany({ where: { id: updateId, handledAt: null }, data: { handledAt: work.now } }));
      }
      const sender = await identifySender(this.deps.sql, event);
      const locale = sender?.member.locale ?? this.deps.defaultLocale;
      const address = { platform: event.platform, workspace: event.workspace, chatId: event.chat.id, employeeId: sender?.member.id ?? null, identityId: sender?.identity.id ?? null };
      work.send(address, [say(botText[locale].somethingWentWrong)]);
    });
    return decided.queued;
  }
}

/** The event as stored when accepted: plain data, without the platform's raw payload or callbacks. */
function storable(event: InboundEvent): StoredEvent {
  const { lookupEmail: _lookupEmail, raw: _raw, ...rest } = event;
  return rest;
}
