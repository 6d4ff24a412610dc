import { spawn } from 'node:child_process';
import { SERVER_TIMEOUTS } from '../../src/http/server.js';
import { PassThrough } from 'node:stream';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startApp } from '../../src/app/app.js';
import { parseConfig } from '../../src/config/load.js';
import { DatabaseUnavailableError } from '../../src/errors.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { useTestDatabase } from '../support/database.js';
import { tempDir } from '../support/files.js';
import { uniquePrefix } from '../support/redis.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const silent = pino({ level: 'silent' });
/** A console nobody types into, so the console channel stays quiet. */
const quietConsole = () => ({ input: new PassThrough(), output: new PassThrough(), ansi: false });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the running bot', () => {
  it('boots on PostgreSQL and Redis, answers /healthz and /readyz, and stops cleanly', async () => {
    const db = await useTestDatabase({ empty: true });
    const config = parseConfig({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: uniquePrefix(), HTTP_PORT: '0', DATA_DIR: tempDir() });
    const app = await startApp(config, silent, { now: () => new Date('2026-11-27T08:00:00Z'), consoleIo: quietConsole() });
    try {
      const health = await fetch(`${app.http.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${app.http.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
      expect((await fetch(`${app.http.url}/nope`)).status).toBe(404);

      const migrations = await db.sql.query('SELECT 1 FROM "_prisma_migrations"');
      expect(migrations.length).toBeGreaterThan(0);
      const holidays2026 = await db.prisma.holiday.count({ where: { date: { gte: new Date('2026-01-01'), lt: new Date('2027-01-01') } } });
      const holidays2027 = await db.prisma.holiday.count({ where: { date: { gte: new Date('2027-01-01'), lt: new Date('2028-01-01') } } });
      expect(holidays2026).toBeGreaterThan(15);
      expect(holidays2027).toBeGreaterThan(15);
    } finally {
      await app.stop();
    }
    await expect(fetch(`${app.http.url}/healthz`)).rejects.toThrow();
  });

  it('reports not ready, naming Redis, while Redis is unreachable', async () => {
    const db = await useTestDatabase();
    const config = parseConfig({ DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: uniquePrefix(), HTTP_PORT: '0', DATA_DIR: tempDir() });
    const app = await startApp(config, silent, { consoleIo: quietConsole() });
    try {
      expect((await fetch(`${app.http.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${app.http.url}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, string> };
      expect(body.checks['database']).toBe('ok');
      // Which dependency is down, never its error text (hosts, users, paths stay in the log).
      expect(['down', 'timeout']).toContain(body.checks['redis']);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|redis:\/\//);
      expect(app.http.server.headersTimeout).toBe(SERVER_TIMEOUTS.headersMs);
      expect(app.http.server.requestTimeout).toBe(SERVER_TIMEOUTS.requestMs);
      expect(app.http.server.keepAliveTimeout).toBe(SERVER_TIMEOUTS.keepAliveMs);
    } finally {
      await app.stop();
    }
  });

  it('waits for PostgreSQL with backoff, then says where it could not connect', async () => {
    const retries: number[] = [];
    const error = await openPostgres('postgresql://postgres:secret@127.0.0.1:1/dialog', {
      retry: { retries: 1, onRetry: (attempt) => retries.push(attempt) },
    }).catch((e: unknown) => e);
    expect(retries).toEqual([1]);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/dialog: .*ECONNREFUSED.*Check DATABASE_URL/);
    expect((error as Error).message).not.toMatch(/secret/);
  });

  it('undoes what it started when a later step fails', async () => {
    const db = await useTestDatabase();
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const config = parseConfig({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: uniquePrefix(), HTTP_PORT: String(port), DATA_DIR: tempDir() });
      await expect(startApp(config, silent, { consoleIo: quietConsole() })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use; set HTTP_PORT`);
    } finally {
      blocker.close();
    }
  });

  it('starts with zero configuration (npm start) on the embedded database and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    // Only what a fresh machine has: no DATABASE_URL, no REDIS_URL, no tokens.
    const env = { PATH: process.env['PATH'], HOME: process.env['HOME'], DATA_DIR: dataDir, HTTP_PORT: String(port), QUEUE_PREFIX: uniquePrefix() };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // A cold start applies every migration to a fresh PGlite: slow on a loaded machine.
      const deadline = Date.now() + 150_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status, output).toBe(200);
      expect(existsSync(join(dataDir, 'pglite', 'dialog-kinerja.lock'))).toBe(true);
      // The HTTP server answers before the chat channels are up; the last start-up line says when all is running.
      while (Date.now() < deadline && !/Dialog Kinerja is running/.test(output)) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output).toMatch(/Dialog Kinerja is running/);
      expect(output).toMatch(/Dialog Kinerja – konsol/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"stopped"/);
    expect(existsSync(join(dataDir, 'pglite', 'dialog-kinerja.lock'))).toBe(false);
  }, 180_000);
});
