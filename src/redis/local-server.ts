/**
 * A redis-server the bot starts itself when no Redis is configured or running locally,
 * keeping its data under DATA_DIR so queued jobs survive a restart of the bot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisServerNotInstalledError } from '../errors.js';

/** True when a Redis server answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 700): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A redis-server child process (or one a previous run started and left running). */
export interface LocalRedisServer {
  url: string;
  /** Stops the server if this process started it; Redis saves its data on the way down. */
  stop(): Promise<void>;
}

/** Starts redis-server with its files in `dir`, or reuses the one a previous run left there. */
export async function startLocalRedis(dir: string, binary = 'redis-server'): Promise<LocalRedisServer> {
  mkdirSync(dir, { recursive: true });
  const portFile = join(dir, 'port');
  if (existsSync(portFile)) {
    const url = `redis://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
    // A bot killed without a chance to clean up leaves its redis-server running; use it rather than start another.
    if (await redisAnswers(url)) return { url, stop: async () => {} };
    rmSync(portFile, { force: true });
  }
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '60 1', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new RedisServerNotInstalledError(binary) : error),
    ),
  );
  spawnFailed.catch(() => {});
  const url = `redis://127.0.0.1:${port}`;
  await Promise.race([waitUntilAnswering(url, child, () => stderr), spawnFailed]);
  if (child.pid === undefined) await spawnFailed;
  writeFileSync(portFile, String(port));
  return {
    url,
    stop: () => stopChild(child, portFile),
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // A child that failed to spawn has no pid; the 'error' event explains why.
    if (child.pid === undefined) return;
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${stderr().trim()}`);
    if (await redisAnswers(url, 300)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not answer within 10 seconds');
}

function stopChild(child: ChildProcess, portFile: string): Promise<void> {
  rmSync(portFile, { force: true });
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
