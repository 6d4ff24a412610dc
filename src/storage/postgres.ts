/**
 * PostgreSQL through node-postgres: one pool shared by Prisma's driver adapter and the
 * project's raw SQL (migrations, health checks).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DatabaseUnavailableError } from '../errors.js';
import type { SqlRunner, SqlSession } from './sql.js';

/** Errors that mean "not reachable yet" (refused, unknown host, timeout, server still starting). */
const TRANSIENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '57P03']);

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && TRANSIENT.has(code)) || /timeout/i.test((error as Error).message);
}

/** host:port/database of a PostgreSQL URL, never the password. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** How to wait for a server that is not reachable yet (e.g. starting next to the bot). */
export interface ConnectRetry {
  /** Further attempts after the first; 0 fails at once. */
  retries: number;
  /** Called before each wait. */
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
}

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    async exec(script) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(script);
    },
    async query<Row>(text: string, params: unknown[] = [], prepareAs?: string) {
      const result = await client.query(prepareAs ? { name: prepareAs, text, values: params } : { text, values: params });
      return result.rows as Row[];
    },
  };
}

/** An open PostgreSQL pool with its SQL runner. */
export interface PostgresDatabase {
  pool: pg.Pool;
  sql: SqlRunner;
  close(): Promise<void>;
}

/** Opens a pool to `url` and checks that the server answers, waiting with backoff when asked to. */
export async function openPostgres(url: string, options: { max?: number; retry?: ConnectRetry } = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', () => {});
  const retries = options.retry?.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      break;
    } catch (error) {
      if (attempt < retries && isTransient(error)) {
        const delayMs = Math.min(1_000 * 2 ** attempt, 8_000);
        options.retry?.onRetry?.(attempt + 1, delayMs, error as Error);
        await sleep(delayMs);
        continue;
      }
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(describePostgresUrl(url), (error as Error).message, { cause: error });
    }
  }
  return {
    pool,
    sql: {
      ...sessionOf(pool),
      async withSession(work) {
        const client = await pool.connect();
        try {
          return await work(sessionOf(client));
        } finally {
          client.release();
        }
      },
    },
    close: () => pool.end(),
  };
}
