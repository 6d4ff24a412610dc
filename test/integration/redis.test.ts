import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RedisUnavailableError } from '../../src/errors.js';
import { connectRedis, type RedisHandle } from '../../src/redis/connect.js';
import { redisAnswers } from '../../src/redis/local-server.js';
import { tempDir } from '../support/files.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Nothing listens here, so "a Redis already running on the default port" is absent. */
const CLOSED_PORT_URL = 'redis://127.0.0.1:1';

const handles: RedisHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

function captureLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('finding Redis', () => {
  it('uses REDIS_URL when it is set', async () => {
    const handle = await connectRedis({ redisUrl: REDIS_URL, dataDir: tempDir() }, pino({ level: 'silent' }));
    handles.push(handle);
    expect(handle.source).toBe('configured');
    expect(await handle.client.ping()).toBe('PONG');
  });

  it('uses a Redis already answering on the default address when REDIS_URL is unset', async () => {
    const handle = await connectRedis({ redisUrl: undefined, dataDir: tempDir(), localDefaultUrl: REDIS_URL }, pino({ level: 'silent' }));
    handles.push(handle);
    expect(handle.source).toBe('local-default');
    expect(handle.url).toBe(REDIS_URL);
  });

  it('starts its own redis-server with its files under DATA_DIR, and stops it again', async () => {
    const dataDir = tempDir();
    const handle = await connectRedis({ redisUrl: undefined, dataDir, localDefaultUrl: CLOSED_PORT_URL }, pino({ level: 'silent' }));
    expect(handle.source).toBe('self-started');
    expect(await handle.client.set('dk:test', 'yes')).toBe('OK');
    expect(existsSync(join(dataDir, 'redis', 'port'))).toBe(true);
    const url = handle.url;
    await handle.close();
    expect(await redisAnswers(url)).toBe(false);
    expect(existsSync(join(dataDir, 'redis', 'dump.rdb'))).toBe(true);
  });

  it('reuses the redis-server a killed bot left running instead of starting another', async () => {
    const dataDir = tempDir();
    const first = await connectRedis({ redisUrl: undefined, dataDir, localDefaultUrl: CLOSED_PORT_URL }, pino({ level: 'silent' }));
    // Simulate a crash: drop the connection without stopping the server.
    first.client.disconnect();
    const second = await connectRedis({ redisUrl: undefined, dataDir, localDefaultUrl: CLOSED_PORT_URL }, pino({ level: 'silent' }));
    handles.push(second, first);
    expect(second.url).toBe(first.url);
  });

  it('says how to get Redis when there is none and no redis-server program', async () => {
    const error = await connectRedis(
      { redisUrl: undefined, dataDir: tempDir(), localDefaultUrl: CLOSED_PORT_URL, redisServerBinary: 'redis-server-that-does-not-exist' },
      pino({ level: 'silent' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(/apt install redis-server/);
    expect((error as Error).message).toMatch(/REDIS_URL/);
  });

  it('keeps retrying an unreachable configured Redis with a few quiet warnings, not a stack trace per attempt', async () => {
    const { logger, lines } = captureLogger();
    const handle = await connectRedis({ redisUrl: CLOSED_PORT_URL, dataDir: tempDir() }, logger);
    handles.push(handle);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(handle.client.status).not.toBe('ready');
    expect(handle.client.status).not.toBe('end');
    const warnings = lines.filter((line) => line.level === 40);
    expect(warnings.length).toBe(1);
    expect(warnings[0]?.msg).toMatch(/unreachable; retrying with backoff/);
    expect(JSON.stringify(lines)).not.toMatch(/\n\s+at /);
  });
});
