/**
 * schema.prisma and the SQL migrations must describe the same database.
 *
 * Prisma's own schema engine (as WebAssembly, see scripts/lib/schema-engine.ts) compares a
 * database built from the migrations with schema.prisma: every model field with its column,
 * type and nullability, every unique constraint, index and foreign key. The engine introspects
 * through PGlite's driver adapter (the node-postgres adapter cannot read the catalogue's "char"
 * columns), so a second test checks that the migrated PostgreSQL server has exactly the same
 * catalogue as the migrated PGlite database.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { diffDatabaseToSchema } from '../../scripts/lib/schema-engine.js';
import { applyMigrations } from '../../src/storage/migrate.js';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../src/storage/pglite.js';
import type { SqlSession } from '../../src/storage/sql.js';
import { useTestDatabase } from '../support/database.js';

const opened: EmbeddedDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

let migrated: Promise<EmbeddedDatabase> | undefined;
/** One migrated embedded database for the file (migrating takes seconds); tests that change it work on a clone. */
function migratedPglite(): Promise<EmbeddedDatabase> {
  return (migrated ??= (async () => {
    const db = await openEmbeddedDatabase(undefined);
    opened.push(db);
    await applyMigrations(db.sql);
    return db;
  })());
}

/** The parts of the catalogue a schema is made of, in a comparable form. */
async function catalogue(sql: SqlSession) {
  return {
    columns: await sql.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
              character_maximum_length, numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    ),
    indexes: await sql.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    // PostgreSQL 17 (PGlite) also lists NOT NULL as constraints; is_nullable above covers those.
    constraints: await sql.query(
      `SELECT conname, contype, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY conname`,
    ),
    enums: await sql.query(
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    ),
  };
}

describe('schema drift', () => {
  it('finds nothing between schema.prisma and a database built from the migrations', async () => {
    const db = await migratedPglite();
    const sql = await diffDatabaseToSchema(new PrismaPGlite(db.client));
    expect(sql, `schema.prisma and prisma/migrations disagree; run npm run db:diff -- <name>.\n${sql}`).toBe('');
  });

  it('builds the same tables, columns, indexes and constraints on PostgreSQL as on the embedded database', async () => {
    const postgres = await useTestDatabase();
    const embedded = await migratedPglite();
    const [server, local] = await Promise.all([catalogue(postgres.sql), catalogue(embedded.sql)]);
    expect(server.columns.length).toBeGreaterThan(200);
    expect(server).toEqual(local);
  });

  it('notices a dropped column, a changed nullability and a missing unique constraint', async () => {
    const copy = await (await migratedPglite()).client.clone();
    await copy.exec(`
      ALTER TABLE "Employee" DROP COLUMN "email";
      ALTER TABLE "Unit" ALTER COLUMN "parentId" SET NOT NULL;
      DROP INDEX "CheckinPrompt_employeeId_weekKey_key";
    `);
    const sql = await diffDatabaseToSchema(new PrismaPGlite(copy as PGlite)).finally(() => copy.close());
    expect(sql).toMatch(/ALTER TABLE "Employee" ADD COLUMN\s+"email" TEXT/);
    expect(sql).toMatch(/ALTER TABLE "Unit" ALTER COLUMN "parentId" DROP NOT NULL/);
    expect(sql).toMatch(/CREATE UNIQUE INDEX "CheckinPrompt_employeeId_weekKey_key"/);
  });
});
