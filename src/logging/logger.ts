/**
 * One pino logger for the process: JSON lines in production, readable lines on a terminal.
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/**
 * Creates the process logger. `pretty` defaults to "stdout is a terminal and not production".
 * With `file`, logs go there instead (the console channel owns the terminal).
 */
export function createLogger(options: { level: string; nodeEnv: string; pretty?: boolean; file?: string }): Logger {
  const base = { level: options.level, base: { app: 'dialog-kinerja' } };
  if (options.file) return pino(base, pino.destination({ dest: options.file, mkdir: true, sync: true }));
  const usePretty = options.pretty ?? (process.stdout.isTTY === true && options.nodeEnv !== 'production');
  if (!usePretty) return pino(base);
  // Loaded only here, synchronously (it is CommonJS): production logs JSON and never needs it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pino(base, pretty({ colorize: true, sync: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' }));
}

/** A logger that discards everything, for tests and CLI commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
