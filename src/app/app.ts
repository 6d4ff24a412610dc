/**
 * Boots the bot in order – database, migrations, calendar, Redis, HTTP server, channels – and
 * stops it in reverse. Each step that fails undoes the ones before it.
 */
import { openAttachments, type Attachments } from '../attachments/setup.js';
import type { VirusScanner } from '../attachments/scan.js';
import type { AttachmentStore } from '../attachments/store.js';
import { channelStatuses } from '../channels/configured.js';
import type { DeliveryPacing } from '../delivery/deliver.js';
import { startConversations, type ConsoleIo, type Conversations } from './conversations.js';
import type { Config } from '../config/load.js';
import { ensureHolidayCalendar } from '../holidays/seed.js';
import { startHttpServer, type HttpServer } from '../http/server.js';
import type { Logger } from '../logging/logger.js';
import { connectRedis, describeRedisUrl, type RedisHandle } from '../redis/connect.js';
import { databaseTargetOf, openDatabase, type Database } from '../storage/database.js';
import { applyMigrations } from '../storage/migrate.js';

/** A running bot. */
export interface App {
  db: Database;
  redis: RedisHandle;
  http: HttpServer;
  /** Evidence files: the store, signed links, and describe() for exports and documents. */
  attachments: Attachments;
  conversations: Conversations;
  stop(): Promise<void>;
}

/** What tests and the entry point may vary. */
export interface AppOptions {
  now?: () => Date;
  /** The console channel's terminal; defaults to this process's stdin and stdout. */
  consoleIo?: ConsoleIo;
  /** Per-chat delivery pacing (tests use less than a platform's real limit). */
  pacing?: DeliveryPacing;
  /** The virus-scanning hook for evidence files (default: none); see attachments/scan.ts. */
  scanner?: VirusScanner;
  /** An attachment store other than the configured one. */
  attachmentStore?: AttachmentStore;
}

/** Starts everything; rejects (after cleaning up) when a step fails. */
export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const cleanup: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const undo of cleanup.reverse()) {
      await undo().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
    cleanup.length = 0;
  };
  try {
    // A PostgreSQL starting next to the bot (docker compose, a reboot) gets about half a minute.
    const db = await openDatabase(databaseTargetOf(config), {
      retry: {
        retries: 5,
        onRetry: (attempt, delayMs, error) =>
          logger.warn({ attempt, retryInMs: delayMs, error: error.message }, 'PostgreSQL not reachable yet; retrying'),
      },
    });
    cleanup.push(() => db.close());
    logger.info({ database: db.kind, location: db.location }, 'database open');

    const migrations = await applyMigrations(db.sql);
    for (const warning of migrations.warnings) logger.warn(warning);
    logger.info({ applied: migrations.applied, alreadyApplied: migrations.alreadyApplied }, 'migrations up to date');

    const seeded = await ensureHolidayCalendar(db.prisma, now(), config.defaultTimeZone);
    if (seeded.length > 0) logger.info({ years: seeded }, 'national holiday calendar seeded');

    const redis = await connectRedis(config, logger);
    cleanup.push(() => redis.close());
    logger.info({ redis: describeRedisUrl(redis.url), source: redis.source }, 'redis connected');

    const http = await startHttpServer({
      host: config.http.host,
      port: config.http.port,
      logger,
      checks: [
        { name: 'database', check: async () => void (await db.sql.query('SELECT 1')) },
        {
          name: 'redis',
          check: async () => {
            if (redis.client.status !== 'ready') throw new Error(`connection ${redis.client.status}`);
            await redis.client.ping();
          },
        },
      ],
    });
    cleanup.push(() => http.close());
    logger.info({ healthz: `${http.url}/healthz`, readyz: `${http.url}/readyz` }, 'HTTP server listening');

    const attachments = await openAttachments(config, http.url, { scanner: options.scanner, store: options.attachmentStore });
    logger.info({ store: attachments.store.kind, links: attachments.signer.baseUrl }, 'evidence attachment store ready');

    for (const channel of channelStatuses(config)) {
      logger.info({ channel: channel.name, configured: channel.configured }, `channel ${channel.name}: ${channel.detail}`);
    }
    const consoleIo = options.consoleIo ?? { input: process.stdin, output: process.stdout, ansi: process.stdout.isTTY === true };
    const conversations = await startConversations({ config, db, redis, http, logger, now, consoleIo, pacing: options.pacing, attachments });
    cleanup.push(() => conversations.stop());
    return { db, redis, http, attachments, conversations, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
