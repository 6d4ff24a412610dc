/**
 * The conversational side of the bot: the engine with every flow, the inbound pipeline, the
 * channels (the console when no platform is configured, Telegram when its token is set), and the
 * jobs that run on their own – delivery through BullMQ, weekly check-ins, reminders – with the
 * maintenance (app/maintenance.ts) that keeps Redis in line with the database.
 */
import type { SlackChannel } from '../channels/slack/slack-channel.js';
import { DOWNLOAD_ATTEMPTS, DOWNLOAD_BACKOFF, downloadEvidence } from '../attachments/download.js';
import { serveEvidence } from '../attachments/routes.js';
import type { Attachments } from '../attachments/setup.js';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Bot } from '../bot/bot.js';
import type { BotContext } from '../bot/context.js';
import { fanOutCheckins } from '../checkins/fanout.js';
import { sweepCheckins } from '../checkins/sweep.js';
import { sendDailyNudges } from '../reports/nudges.js';
import { makeOutput } from '../reports/outputs.js';
import { sendWeeklyDigests } from '../reports/send-digest.js';
import type { Config } from '../config/load.js';
import { ConversationEngine } from '../conversation/engine.js';
import type { Channel } from '../delivery/channel.js';
import { DEFAULT_PACING, deliverHandler, type DeliveryPacing } from '../delivery/deliver.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { localDate } from '../domain/time-zones.js';
import { FLOWS } from '../flows/index.js';
import type { Platform } from '../generated/prisma/client.js';
import type { HttpServer } from '../http/server.js';
import type { Maintenance } from '../jobs/maintenance.js';
import { JobRuntime, platformLimits } from '../jobs/runtime.js';
import type { Logger } from '../logging/logger.js';
import { redisOptionsFromUrl, type RedisHandle } from '../redis/connect.js';
import type { QueuedMessage } from '../services/outbox.js';
import type { FollowUp } from '../services/work.js';
import type { Database } from '../storage/database.js';
import { createMaintenance } from './maintenance.js';

/** Where the console channel reads and writes (a terminal, or streams in tests). */
export interface ConsoleIo {
  input: Readable;
  output: Writable;
  ansi: boolean;
}

/** The running conversational side. */
export interface Conversations {
  bot: Bot;
  engine: ConversationEngine<BotContext>;
  jobs: JobRuntime;
  maintenance: Maintenance;
  channels: Map<Platform, Channel>;
  /** Hands outbox rows to the delivery queue. */
  deliver: (rows: QueuedMessage[]) => Promise<void>;
  stop(): Promise<void>;
}

/** True when the console is the chat channel: no platform is configured. */
export function usesConsole(config: Pick<Config, 'telegram' | 'slack'>): boolean {
  return !config.telegram && !config.slack;
}

export async function startConversations(options: {
  config: Config;
  db: Database;
  redis: RedisHandle;
  http: HttpServer;
  logger: Logger;
  now: () => Date;
  consoleIo: ConsoleIo;
  pacing?: DeliveryPacing;
  attachments: Attachments;
}): Promise<Conversations> {
  const { config, db, logger, now } = options;
  const prisma = db.prisma;
  const engine = new ConversationEngine<BotContext>(FLOWS, { idleMs: config.conversationIdleHours * 3_600_000 });
  const channels = new Map<Platform, Channel>();
  const limits = platformLimits(config.telegramLimits.maxPerSecond);
  const jobs = new JobRuntime(redisOptionsFromUrl(options.redis.url), config.queuePrefix, logger, limits);
  const deliver = (rows: QueuedMessage[]) => jobs.deliver(rows);
  const { attachments } = options;
  // One job per evidence item while it waits (its id): the catch-up may ask again harmlessly.
  const queueDownloads = async (evidenceIds: string[]) => {
    for (const evidenceId of evidenceIds) {
      await jobs.add('evidence.download', { evidenceId }, { jobId: `evidence-${evidenceId}`, attempts: DOWNLOAD_ATTEMPTS, backoff: DOWNLOAD_BACKOFF, removeOnFail: true });
    }
  };
  // Plain decisions commit in raw SQL on PostgreSQL; PGlite's one connection is Prisma's to order, so there everything goes through Prisma.
  const followUp = (followUps: FollowUp[]) => queueDownloads(followUps.filter((item) => item.job === 'evidence.download').map((item) => item.evidenceId));
  const bot = new Bot({ prisma, engine, logger, now, defaultLocale: config.defaultLocale, deliver, followUp, sql: db.sql, ...(db.kind === 'postgres' ? { plain: db.sql } : {}) });
  serveEvidence(options.http, { prisma, store: attachments.store, secret: attachments.signer.secret, now, logger });

  if (usesConsole(config)) {
    // The demo belongs to trying the bot out: never into a production database unless asked.
    const loadDemo = config.demoOrganisation === 'on' || (config.demoOrganisation === 'auto' && db.kind === 'embedded');
    const demo = loadDemo ? await seedDemoIfEmpty(prisma, localDate(now(), config.defaultTimeZone).year) : { seeded: false, startAs: undefined };
    if (demo.seeded) logger.info('demo organisation loaded for the console');
    // A terminal cannot show files: exports sent in chat are saved under DATA_DIR.
    const downloadDir = join(config.dataDir, 'ekspor');
    // Each channel's module, with its platform SDK (Bolt alone is tens of MB), is imported only when that channel is configured.
    const { ConsoleChannel } = await import('../channels/console/console-channel.js');
    channels.set('CONSOLE', new ConsoleChannel({ prisma, ...options.consoleIo, locale: config.defaultLocale, initialEmployeeId: demo.startAs, downloadDir }));
  }
  if (config.telegram) {
    const { TelegramChannel } = await import('../channels/telegram/telegram-channel.js');
    channels.set('TELEGRAM', new TelegramChannel(config.telegram, options.http, logger));
  }
  let slack: SlackChannel | undefined;
  if (config.slack) {
    const { SlackChannel } = await import('../channels/slack/slack-channel.js');
    // One job per person while one waits (its id), so a burst of changes publishes once.
    const requestHome = (workspace: string, userId: string) =>
      void jobs
        .add('home.publish', { workspace, userId }, { jobId: `home-${workspace}-${userId}`, attempts: 2, removeOnFail: true })
        .catch((error: unknown) => logger.warn({ err: error, userId }, 'could not queue the Slack App Home'));
    slack = new SlackChannel(config.slack, options.http, logger, config.defaultLocale, requestHome);
    channels.set('SLACK', slack);
  }

  jobs.start({
    deliver: deliverHandler({
      prisma,
      sql: db.sql,
      channels,
      redis: options.redis.client,
      keyPrefix: config.queuePrefix,
      leaseSeconds: config.deliveryLeaseSeconds,
      pacing: options.pacing ?? { perChatMs: { ...DEFAULT_PACING.perChatMs, TELEGRAM: config.telegramLimits.chatIntervalMs } },
      pauseQueue: (platform, ms) => jobs.pauseDeliveries(platform, ms),
      makeOutput: (output) => {
        const at = now();
        return makeOutput(prisma, output, at, (evidence, locale) => attachments.describe(evidence, locale, at));
      },
      logger,
    }),
    'checkin.fanout': async (data) => {
      const result = await fanOutCheckins(prisma, deliver, now(), data);
      logger.info({ ...data, ...result }, 'weekly check-in prompts sent');
    },
    'checkin.sweep': async () => {
      await sweepCheckins(prisma, deliver, now());
    },
    'nudges.daily': async (data) => {
      logger.info({ ...data, ...(await sendDailyNudges(prisma, deliver, { agencyId: data.agencyId, now: now() })) }, 'daily nudges sent');
    },
    'home.publish': async ({ workspace, userId }) => {
      if (slack) await slack.publishHome(userId, await bot.home('SLACK', workspace, userId));
    },
    'evidence.download': async ({ evidenceId }, job) => {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await downloadEvidence(
        {
          prisma,
          store: attachments.store,
          scanner: attachments.scanner,
          maxBytes: attachments.maxBytes,
          telegram: config.telegram ? { apiRoot: config.telegram.apiRoot, botToken: config.telegram.botToken } : undefined,
          slack: config.slack ? { apiUrl: config.slack.apiUrl, botToken: config.slack.botToken } : undefined,
          now,
          logger,
        },
        evidenceId,
        finalAttempt,
      );
    },
    'digest.weekly': async (data) => {
      const sent = await sendWeeklyDigests(prisma, deliver, { agencyId: data.agencyId, now: now(), locale: config.defaultLocale });
      logger.info({ ...data, sent }, 'weekly digests sent');
    },
  }, { deliveryLeaseSeconds: config.deliveryLeaseSeconds });

  // Only the leader among the instances runs it (see app/maintenance.ts).
  const maintenance = createMaintenance({ config, db, jobs, engine, deliver, logger, now, resumeStaleUpdates: () => bot.resumeStaleUpdates(), queueDownloads });
  for (const channel of channels.values()) await channel.start(bot.handle);
  // In the background: with Redis down it waits for Redis, and the bot must still come up (readyz says why it is not ready).
  void maintenance.runOnce();
  maintenance.start();

  return {
    bot,
    engine,
    jobs,
    maintenance,
    channels,
    deliver,
    async stop() {
      await maintenance.stop();
      for (const channel of channels.values()) await channel.stop();
      await jobs.stop();
    },
  };
}
