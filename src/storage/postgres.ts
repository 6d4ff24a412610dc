/**
 * PostgreSQL through node-postgres: one pool shared by Prisma's driver adapter and the
 * project's raw SQL (migrations, health checks).
 */
import pg from 'pg';
import type { SqlRunner, SqlSession } from './sql.js';

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    async exec(script) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(script);
    },
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
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

/** Opens a pool to `url` and checks that the server answers. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
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
