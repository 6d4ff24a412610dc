/**
 * Entry point of `npm start`: parse the configuration, start the bot, and stop it gracefully
 * on SIGINT/SIGTERM (a second signal exits at once).
 */
import { join } from 'node:path';
import { startApp, type App } from './app/app.js';
import { usesConsole } from './app/conversations.js';
import { loadConfig, type Config } from './config/load.js';
import { AppError, ConfigError } from './errors.js';
import { createLogger } from './logging/logger.js';

const SHUTDOWN_TIMEOUT_MS = 15_000;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

// When the console channel has the terminal, logs go to a file so they do not interleave with the chat.
const logFile = usesConsole(config) && process.stdout.isTTY ? join(config.dataDir, 'dialog-kinerja.log') : undefined;
if (logFile) console.log(`Log: ${logFile}`);
const logger = createLogger({ level: config.logLevel, nodeEnv: config.nodeEnv, file: logFile });
let app: App | undefined;
let stoppingSince: number | undefined;

/** Ctrl+C reaches every process of the terminal's group, and npm forwards it too: one key press can arrive twice. */
const DUPLICATE_SIGNAL_WINDOW_MS = 2_000;

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_WINDOW_MS) return;
    logger.warn('second stop request: exiting now');
    process.exit(1);
  }
  stoppingSince = Date.now();
  logger.info({ reason }, 'stopping');
  const timer = setTimeout(() => {
    logger.error(`did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  await app?.stop();
  logger.info('stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  void shutdown('uncaughtException', 1);
});

try {
  app = await startApp(config, logger);
  logger.info(`Dialog Kinerja is running. Health check: ${app.http.url}/healthz – press Ctrl+C to stop.`);
} catch (error) {
  // Our own errors carry a code and a message that says what to do; a stack trace would only hide it.
  if (error instanceof AppError) {
    logger.fatal({ code: error.code }, error.message);
  } else {
    logger.fatal({ err: error }, 'start-up failed');
  }
  // With the log in a file, the terminal must still say why nothing started.
  if (logFile) console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
