/**
 * A private, migrated PostgreSQL database for one test file, cloned from the template the
 * global setup built, and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { templateName, urlFor, withAdmin } from './postgres.js';

/** A test database and how to reach it. */
export interface TestDatabase extends Database {
  name: string;
  url: string;
}

/** Creates a database from the migrated template (or an empty one), opened through Prisma. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `dk_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) =>
    admin.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`),
  );
  const url = urlFor(name);
  const db = await openDatabase({ databaseUrl: url });
  return {
    ...db,
    name,
    url,
    async close() {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const inUse: TestDatabase[] = [];
// Registered when a test file imports this module, so it runs after the file's last test
// (an afterAll registered inside a test would never run).
afterAll(async () => {
  for (const db of inUse.splice(0)) await db.close();
});

/** A database for the test file (or one test), closed and dropped after the file's last test. */
export async function useTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const db = await createTestDatabase(options);
  inUse.push(db);
  return db;
}
