/**
 * Drives the real bot through its console channel: type a line as the current person, read what
 * the bot printed since the last line.
 */
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { startApp, type App } from '../../src/app/app.js';
import type { ConsoleChannel } from '../../src/channels/console/console-channel.js';
import { parseConfig } from '../../src/config/load.js';
import { tempDir } from './files.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

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
  const config = parseConfig({ DATABASE_URL: databaseUrl, REDIS_URL, HTTP_PORT: '0', DATA_DIR: tempDir(), DEMO_ORGANISATION: 'on', ...options.env });
  const app = await startApp(config, pino({ level: 'silent' }), { now: options.now, consoleIo: { input, output, ansi: false } });
  const channel = app.conversations.channels.get('CONSOLE') as ConsoleChannel;
  return {
    app,
    async type(line: string) {
      const before = printed.length;
      input.write(`${line}\n`);
      // Give readline a tick to emit the line, then wait until it has been handled.
      await new Promise((resolve) => setImmediate(resolve));
      await channel.idle();
      return printed.slice(before);
    },
    transcript: () => printed,
    stop: () => app.stop(),
  };
}
