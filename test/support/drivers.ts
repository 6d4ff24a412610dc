/**
 * One way for scenario tests to talk to the bot, whatever the channel: act as a person, type,
 * press a button by its label, and read what reached someone else. The console driver types into
 * the console channel; the Telegram driver plays users against the fake Bot API, through the real
 * telegraf bot.
 */
import { PassThrough } from 'node:stream';
import { afterAll } from 'vitest';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app/app.js';
import { parseConfig } from '../../src/config/load.js';
import { plainText, type Reply } from '../../src/conversation/reply.js';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { issueLinkCodes } from '../../src/linking/link-codes.js';
import type { TestDatabase } from './database.js';
import { startConsoleBot, TEST_PACING, type ConsoleSession } from './console.js';
import { makeUser, startFakeTelegram, type BotMessage, type FakeTelegram, type FakeUser } from './fake-telegram.js';
import { tempDir } from './files.js';
import { dropPrefix, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export interface ChatDriver {
  readonly name: string;
  /** From now on, type as this person (a demo employee's full name). */
  as(name: string): Promise<void>;
  /** Types text or a command; returns what the bot answered the person (plain text). */
  say(text: string): Promise<string>;
  /** Presses the button labelled `label` on the newest message to the person that has one. */
  press(label: string): Promise<string>;
  /** Sends evidence: a document on Telegram, a link in the console. */
  sendEvidence(): Promise<string>;
  /** Sends something that is not text (a sticker); the console has none, so it types an emoji name. */
  sendSticker(): Promise<string>;
  /** What reached `name` since the last look (plain text). */
  inbox(name: string): Promise<string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A console bot on the demo organisation for the test file, and its driver; stopped after the file's last test. */
export async function useConsoleDriver(db: TestDatabase, now: () => Date): Promise<ChatDriver> {
  const session = await startConsoleBot(db.url, { now });
  // Registered when the test file is loaded (top-level await), so it runs after the file's last test.
  afterAll(() => session.stop());
  return consoleDriver(session, db);
}

/** The console driver on a running console bot. */
export function consoleDriver(session: ConsoleSession, db: TestDatabase): ChatDriver {
  let current = '';
  const seen = new Map<string, Date>();
  const nipOf = async (name: string) => (await db.prisma.employee.findFirstOrThrow({ where: { name } })).nip;
  return {
    name: 'console',
    async as(name) {
      await session.type(`/as ${name}`);
      current = name;
    },
    say: (text) => session.type(text),
    async press(label) {
      const rows = await db.prisma.outboundMessage.findMany({
        where: { platform: 'CONSOLE', chatId: await nipOf(current), status: 'SENT' },
        orderBy: { createdAt: 'desc' },
        take: 20,
      });
      for (const row of rows) {
        const buttons = (row.payload as unknown as Reply).buttons.flat();
        const index = buttons.findIndex((button) => button.label === label);
        if (index >= 0) return session.type('abcdefghijklmnopqrstuvwxyz'[index] ?? '');
      }
      throw new Error(`no button "${label}" for ${current}`);
    },
    sendEvidence: () => session.type('https://drive.contoh.go.id/bukti/modul-perizinan.pdf'),
    sendSticker: () => session.type('/bukan_perintah_sticker'),
    async inbox(name) {
      const since = seen.get(name) ?? new Date(0);
      const rows = await db.prisma.outboundMessage.findMany({
        where: { platform: 'CONSOLE', chatId: await nipOf(name), status: 'SENT', createdAt: { gt: since } },
        orderBy: { createdAt: 'asc' },
      });
      seen.set(name, rows.at(-1)?.createdAt ?? since);
      return rows.map((row) => plainText(row.payload as unknown as Reply)).join('\n---\n');
    },
  };
}

/** A Telegram bot run against a fake Bot API, with the demo organisation linked to fake users. */
export interface TelegramBot {
  app: App;
  fake: FakeTelegram;
  users: Map<string, FakeUser>;
  driver: ChatDriver;
  /** Waits until the bot has handled update `updateId` and sent everything it queued. */
  settle(updateId: number): Promise<void>;
  stop(): Promise<void>;
}

/** Waits until the bot has recorded `updateId` and no outbox row is waiting. */
export async function settleUpdate(db: TestDatabase, updateId: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const processed = await db.prisma.processedUpdate.count({ where: { platform: 'TELEGRAM', updateKey: String(updateId), handledAt: { not: null } } });
    // Rows being sent are still PENDING (with a lease); rows waiting to be retried carry their last error.
    const pending = await db.prisma.outboundMessage.count({ where: { status: 'PENDING', lastError: null } });
    if (processed > 0 && pending === 0) return;
    await sleep(15);
  }
  throw new Error(`update ${updateId} was not handled within ${timeoutMs} ms`);
}

/** Links every demo employee to a fake Telegram user with a real HR link code (/start CODE). */
export async function linkDemoUsers(db: TestDatabase, fake: FakeTelegram, now: Date): Promise<Map<string, FakeUser>> {
  const agency = await db.prisma.agency.findFirstOrThrow();
  const issued = await issueLinkCodes(db.prisma, { agencyId: agency.id, ttlDays: 14, now });
  const users = new Map<string, FakeUser>();
  for (const [i, code] of issued.codes.entries()) {
    const user = makeUser(5000 + i, code.name.split(' ')[0] ?? code.name, { username: `user${i}` });
    users.set(code.name, user);
    const update = fake.sendText(user, `/start ${code.code}`);
    await settleUpdate(db, update.update_id);
  }
  return users;
}

function textOf(message: BotMessage): string {
  return message.text ?? message.caption ?? '';
}

/**
 * Starts the whole bot on the test database and Redis (under a prefix of its own) with the demo
 * organisation, whose console accounts are removed: people must link the platform's real way.
 */
export async function startBotOnDemo(db: TestDatabase, options: { now: () => Date; env: Record<string, string> }): Promise<{ app: App; prefix: string }> {
  await seedDemoIfEmpty(db.prisma, options.now().getUTCFullYear());
  await db.prisma.chatIdentity.deleteMany({ where: { platform: 'CONSOLE' } });
  const prefix = uniquePrefix();
  const config = parseConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HTTP_PORT: '0', DATA_DIR: tempDir(), ...options.env });
  const app = await startApp(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), {
    now: options.now,
    consoleIo: { input: new PassThrough(), output: new PassThrough(), ansi: false },
    pacing: TEST_PACING,
  });
  return { app, prefix };
}

/** Starts the whole bot with Telegram pointed at a fake Bot API, and links the demo organisation. */
export async function startTelegramBot(db: TestDatabase, options: { now: () => Date; env?: Record<string, string> }): Promise<TelegramBot> {
  const fake = await startFakeTelegram();
  const { app, prefix } = await startBotOnDemo(db, { now: options.now, env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...options.env } });
  const settle = (updateId: number) => settleUpdate(db, updateId);
  const users = options.env?.['TELEGRAM_WEBHOOK_URL'] ? new Map<string, FakeUser>() : await linkDemoUsers(db, fake, options.now());
  const marks = new Map<number, number>();
  let current: FakeUser | undefined;
  const user = (name: string) => {
    const found = users.get(name);
    if (!found) throw new Error(`no Telegram user for ${name}`);
    return found;
  };
  const lastId = (chat: number) => fake.messagesTo(chat).at(-1)?.message_id ?? 0;
  const after = (chat: number, id: number) =>
    fake
      .messagesTo(chat)
      .filter((m) => m.message_id > id)
      .map(textOf)
      .join('\n---\n');
  const me = () => {
    if (!current) throw new Error('call as() first');
    return current;
  };

  const driver: ChatDriver = {
    name: 'telegram',
    async as(name) {
      current = user(name);
    },
    async say(text) {
      const update = fake.sendText(me(), text);
      await settle(update.update_id);
      return after(me().id, update.message.message_id);
    },
    async press(label) {
      const chat = me().id;
      const message = [...fake.messagesTo(chat)]
        .reverse()
        .find((m) => m.reply_markup && 'inline_keyboard' in m.reply_markup && m.reply_markup.inline_keyboard.flat().some((b) => b.text === label));
      if (!message?.reply_markup || !('inline_keyboard' in message.reply_markup)) throw new Error(`no button "${label}" for chat ${chat}`);
      const button = message.reply_markup.inline_keyboard.flat().find((b) => b.text === label) as { callback_data: string };
      const before = lastId(chat);
      const since = fake.calls.length;
      const update = fake.pressButton(me(), message.message_id, button.callback_data);
      await settle(update.update_id);
      await fake.waitForCall('answerCallbackQuery', (call) => call.params['callback_query_id'] === update.callback_query.id, { since });
      return after(chat, before);
    },
    async sendEvidence() {
      const update = fake.sendDocument(me(), { fileName: 'modul-perizinan.pdf', mimeType: 'application/pdf', size: 48_213 });
      await settle(update.update_id);
      return after(me().id, update.message.message_id);
    },
    async sendSticker() {
      const update = fake.sendSticker(me());
      await settle(update.update_id);
      return after(me().id, update.message.message_id);
    },
    async inbox(name) {
      const chat = user(name).id;
      const text = after(chat, marks.get(chat) ?? 0);
      marks.set(chat, lastId(chat));
      return text;
    },
  };
  return {
    app,
    fake,
    users,
    driver,
    settle,
    async stop() {
      await app.stop();
      await fake.close();
      await dropPrefix(prefix);
    },
  };
}
