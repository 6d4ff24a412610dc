/**
 * Finds Redis the way the README promises: REDIS_URL when set; otherwise a Redis already
 * answering on 127.0.0.1:6379; otherwise a redis-server the bot starts itself under DATA_DIR;
 * otherwise a clear message saying how to get Redis.
 */
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { quietErrorLogger, reconnectDelay } from './backoff.js';
import { RedisServerNotInstalledError, RedisUnavailableError } from '../errors.js';
import { redisAnswers, startLocalRedis, type LocalRedisServer } from './local-server.js';

const LOCAL_DEFAULT_URL = 'redis://127.0.0.1:6379';

/** Where the Redis in use came from. */
export type RedisSource = 'configured' | 'local-default' | 'self-started';

/** An open Redis connection for the process. */
export interface RedisHandle {
  client: Redis;
  url: string;
  source: RedisSource;
  close(): Promise<void>;
}

/** Creates an ioredis client that reconnects with backoff and logs outages quietly. */
export function createRedisClient(url: string, logger: Logger): Redis {
  const client = new Redis(url, {
    // BullMQ requires this: blocking commands must wait for a reconnect rather than fail.
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelay,
    lazyConnect: true,
  });
  const quiet = quietErrorLogger(logger, `Redis ${describeRedisUrl(url)}`);
  client.on('error', (error: Error) => quiet.onError(error));
  client.on('ready', () => quiet.onReady());
  return client;
}

/** Connects to Redis, starting a local redis-server when that is the only way. */
export async function connectRedis(
  options: {
    redisUrl: string | undefined;
    dataDir: string;
    /** Where to look for an already running Redis (tests point this at a closed port). */
    localDefaultUrl?: string;
    /** The program to start when nothing answers. */
    redisServerBinary?: string;
  },
  logger: Logger,
): Promise<RedisHandle> {
  const localDefaultUrl = options.localDefaultUrl ?? LOCAL_DEFAULT_URL;
  let url: string;
  let source: RedisSource;
  let server: LocalRedisServer | undefined;
  if (options.redisUrl) {
    url = options.redisUrl;
    source = 'configured';
  } else if (await redisAnswers(localDefaultUrl)) {
    url = localDefaultUrl;
    source = 'local-default';
  } else {
    try {
      server = await startLocalRedis(join(options.dataDir, 'redis'), options.redisServerBinary);
    } catch (error) {
      if (error instanceof RedisServerNotInstalledError) throw new RedisUnavailableError();
      throw error;
    }
    url = server.url;
    source = 'self-started';
  }

  const client = createRedisClient(url, logger);
  // A configured Redis that is down right now is retried in the background; /readyz reports it.
  await client.connect().catch(() => {});
  return {
    client,
    url,
    source,
    async close() {
      await client.quit().catch(() => client.disconnect());
      await server?.stop();
    },
  };
}

/**
 * ioredis options for a Redis URL, with the project's reconnection policy. BullMQ builds its own
 * connections from these (and reports their errors as events), rather than copying ours.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelay,
  };
}

/** host:port of a Redis URL, never the password. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}
