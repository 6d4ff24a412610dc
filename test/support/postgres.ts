/**
 * The PostgreSQL server the integration tests use (TEST_DATABASE_URL, default the local
 * server with trust auth) and helpers to create and drop databases on it.
 */
import pg from 'pg';
import { readMigrations } from '../../src/storage/migrate.js';
import { createHash } from 'node:crypto';

/** A maintenance connection URL (database "postgres"). */
export const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** URL of another database on the same server. */
export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with a maintenance connection. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Name of the template database for the current migrations; a new migration gets a new template. */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations()) hash.update(migration.name).update(migration.checksum);
  return `dk_template_${hash.digest('hex').slice(0, 12)}`;
}
