/**
 * Drives the real bot through its console channel: type a line as the current person, read what
 * the bot printed since the last line.
 */
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app/app.js';
import type { ConsoleChannel } from '../../src/channels/console/console-channel.js';
import { parseConfig } from '../../src/config/load.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { tempDir } from './files.js';
import { dropPrefix, TEST_REDIS_URL, uniquePrefix } from './redis.js';

/** Fast pacing for tests; the real per-chat intervals are tested on their own. */
export const TEST_PACING = { perChatMs: { TELEGRAM: 0, SLACK: 0, CONSOLE: 0 } };

/** Waits until every outbox row queued so far has been sent (or has failed and waits for a retry). */
export async function outboxSettled(prisma: PrismaClient, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await prisma.outboundMessage.count({ where: { status: 'PENDING', lastError: null } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`outbox not delivered within ${timeoutMs} ms`);
}

export interface ConsoleSession {
  app: App;
  /** Types a line and returns everything the bot printed in response. */
  type(line: string): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  stop(): Promise<void>;
}

/** Starts the whole bot on `databaseUrl` with its console attached to in-memory streams. */
export async function startConsoleBot(databaseUrl: string, options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<ConsoleSession> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const prefix = uniquePrefix();
  const config = parseConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HTTP_PORT: '0',
    DATA_DIR: tempDir(),
    DEMO_ORGANISATION: 'on',
    ...options.env,
  });
  const app = await startApp(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), {
    now: options.now,
    consoleIo: { input, output, ansi: false },
    pacing: TEST_PACING,
  });
  const channel = app.conversations.channels.get('CONSOLE') as ConsoleChannel;
  return {
    app,
    async type(line: string) {
      const before = printed.length;
      input.write(`${line}\n`);
      // Give readline a tick to emit the line, then wait until it has been handled.
      await new Promise((resolve) => setImmediate(resolve));
      await channel.idle();
      await outboxSettled(app.db.prisma);
      return printed.slice(before);
    },
    transcript: () => printed,
    async stop() {
      await app.stop();
      await dropPrefix(prefix);
    },
  };
}
