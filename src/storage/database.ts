/**
 * Opens the database the configuration asks for – PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite under DATA_DIR – and a Prisma client on top of it.
 *
 * Each kind's driver and Prisma adapter is imported only when that kind is opened: a deployment on
 * PostgreSQL never loads PGlite (and its WebAssembly build of PostgreSQL), nor PGlite node-postgres.
 */
import { join } from 'node:path';
import { PrismaClient } from '../generated/prisma/client.js';
import type { ConnectRetry } from './postgres.js';
import type { SqlRunner } from './sql.js';

export { PrismaClient };

/** An open database: Prisma for the application, raw SQL for migrations and health checks. */
export interface Database {
  prisma: PrismaClient;
  sql: SqlRunner;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, without credentials, for logs and `status`. */
  location: string;
  close(): Promise<void>;
}

/** Where to find the database. */
export type DatabaseTarget = { databaseUrl: string; poolSize?: number } | { embeddedDir: string } | { inMemory: true };

/** Opens a database and a Prisma client through the matching driver adapter. */
export async function openDatabase(target: DatabaseTarget, options: { retry?: ConnectRetry } = {}): Promise<Database> {
  if ('databaseUrl' in target) {
    const [{ PrismaPg }, { describePostgresUrl, openPostgres }] = await Promise.all([import('@prisma/adapter-pg'), import('./postgres.js')]);
    const db = await openPostgres(target.databaseUrl, { retry: options.retry, max: target.poolSize });
    const prisma = new PrismaClient({ adapter: new PrismaPg(db.pool) });
    return {
      prisma,
      sql: db.sql,
      kind: 'postgres',
      location: describePostgresUrl(target.databaseUrl),
      async close() {
        await prisma.$disconnect();
        await db.close();
      },
    };
  }
  const [{ PrismaPGlite }, { openEmbeddedDatabase }] = await Promise.all([import('pglite-prisma-adapter'), import('./pglite.js')]);
  const dir = 'embeddedDir' in target ? target.embeddedDir : undefined;
  const db = await openEmbeddedDatabase(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db.client) });
  return {
    prisma,
    sql: db.sql,
    kind: 'embedded',
    location: dir ?? 'memory',
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

/** The database a configuration points at. */
export function databaseTargetOf(config: { databaseUrl: string | undefined; databasePoolSize?: number; dataDir: string }): DatabaseTarget {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize } : { embeddedDir: join(config.dataDir, 'pglite') };
}
