/**
 * Drafts the next migration: applies the existing migrations to a scratch in-memory database,
 * asks Prisma's schema engine what SQL would bring it to schema.prisma, and writes that SQL as
 * prisma/migrations/<timestamp>_<name>/migration.sql. Read the SQL before committing it.
 *
 *   npm run db:diff -- add_something     write a new migration
 *   npm run db:diff -- --check           exit 1 if schema.prisma and the migrations disagree
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MIGRATIONS_DIR } from '../src/paths.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { openEmbeddedDatabase } from '../src/storage/pglite.js';
import { diffDatabaseToSchema } from './lib/schema-engine.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const name = args.find((arg) => !arg.startsWith('--'));
if (!check && (!name || !/^[a-z0-9_]+$/.test(name))) {
  console.error('Usage: npm run db:diff -- <name_in_snake_case>   or   npm run db:diff -- --check');
  process.exit(2);
}

const db = await openEmbeddedDatabase(undefined);
try {
  await applyMigrations(db.sql);
  const sql = await diffDatabaseToSchema(new PrismaPGlite(db.client));
  if (sql === '') {
    console.log('schema.prisma and prisma/migrations agree; nothing to write.');
  } else if (check) {
    console.error('schema.prisma and prisma/migrations disagree. The missing SQL is:\n\n' + sql);
    process.exitCode = 1;
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${join(dir, 'migration.sql')}. Read it, then commit it with schema.prisma.`);
  }
} finally {
  await db.close();
}
