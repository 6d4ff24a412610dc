/**
 * The conversational part of the bot: the engine with every flow, the inbound pipeline, the
 * outbox sender, the sweep that ends idle conversations, and the chat channels – the console when
 * no platform is configured, Telegram when its token is set.
 */
import type { Readable, Writable } from 'node:stream';
import { Bot } from '../bot/bot.js';
import type { BotContext } from '../bot/context.js';
import { expireIdleSessions } from '../bot/expiry.js';
import { ConsoleChannel } from '../channels/console/console-channel.js';
import { TelegramChannel } from '../channels/telegram/telegram-channel.js';
import type { Config } from '../config/load.js';
import { ConversationEngine } from '../conversation/engine.js';
import type { Channel } from '../delivery/channel.js';
import { OutboxSender } from '../delivery/sender.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { localDate } from '../domain/time-zones.js';
import { FLOWS } from '../flows/index.js';
import type { Platform } from '../generated/prisma/client.js';
import type { HttpServer } from '../http/server.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../storage/database.js';

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
  sender: OutboxSender;
  channels: Map<Platform, Channel>;
  stop(): Promise<void>;
}

/** True when the console is the chat channel: no platform is configured. */
export function usesConsole(config: Pick<Config, 'telegram' | 'slack'>): boolean {
  return !config.telegram && !config.slack;
}

export async function startConversations(options: {
  config: Config;
  db: Database;
  http: HttpServer;
  logger: Logger;
  now: () => Date;
  consoleIo: ConsoleIo;
}): Promise<Conversations> {
  const { config, db, logger, now } = options;
  const engine = new ConversationEngine<BotContext>(FLOWS, { idleMs: config.conversationIdleHours * 3_600_000 });
  const channels = new Map<Platform, Channel>();
  const sender = new OutboxSender(db.prisma, channels, logger);
  const bot = new Bot({ prisma: db.prisma, engine, logger, now, defaultLocale: config.defaultLocale, deliver: (ids) => sender.deliver(ids) });

  if (usesConsole(config)) {
    // The demo belongs to trying the bot out: never into a production database unless asked.
    const loadDemo = config.demoOrganisation === 'on' || (config.demoOrganisation === 'auto' && db.kind === 'embedded');
    const demo = loadDemo ? await seedDemoIfEmpty(db.prisma, localDate(now(), config.defaultTimeZone).year) : { seeded: false, startAs: undefined };
    if (demo.seeded) logger.info('demo organisation loaded for the console');
    channels.set('CONSOLE', new ConsoleChannel({ prisma: db.prisma, ...options.consoleIo, locale: config.defaultLocale, initialEmployeeId: demo.startAs }));
  }

  if (config.telegram) channels.set('TELEGRAM', new TelegramChannel(config.telegram, options.http, logger));

  for (const channel of channels.values()) await channel.start((event) => bot.handle(event));
  sender.start();
  // Messages left pending by a crash go out now rather than at the first sweep.
  await sender.sweep();
  const expiry = setInterval(() => {
    void expireIdleSessions(db.prisma, engine, now())
      .then((ids) => sender.deliver(ids))
      .catch((error: unknown) => logger.error({ err: error }, 'ending idle conversations failed'));
  }, 60_000);
  expiry.unref();

  return {
    bot,
    engine,
    sender,
    channels,
    async stop() {
      clearInterval(expiry);
      for (const channel of channels.values()) await channel.stop();
      await sender.stop();
    },
  };
}
