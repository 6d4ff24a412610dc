/**
 * Applies the SQL migrations in prisma/migrations and records them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does (same table, checksum and advisory lock), so either
 * tool can take over where the other left off.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import type { SqlRunner, SqlSession } from './sql.js';
import { MigrationError } from '../errors.js';

/** The advisory lock key Prisma Migrate takes, so our runner and Prisma's exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** The table Prisma Migrate creates, column for column. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

/** One migration folder. */
export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, hex, as Prisma computes it. */
  checksum: string;
}

/** What a migration run did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  /** Non-fatal findings: edited or unknown migrations. */
  warnings: string[];
}

/** Reads the migration folders in order (their names start with a timestamp). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies every migration not yet recorded, each in its own transaction, under Prisma's advisory lock. */
export async function applyMigrations(sql: SqlRunner, migrations = readMigrations()): Promise<MigrationReport> {
  return sql.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      return await applyLocked(session, migrations);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    }
  });
}

async function applyLocked(session: SqlSession, migrations: Migration[]): Promise<MigrationReport> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await session.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started earlier but did not finish. Repair the database, then mark it ` +
        `rolled back (prisma migrate resolve --rolled-back ${failed.migration_name}) or delete its row from _prisma_migrations.`,
    );
  }
  const applied = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((migration) => migration.name));
  const report: MigrationReport = { applied: [], alreadyApplied: 0, warnings: [] };

  for (const row of applied.values()) {
    if (!known.has(row.migration_name)) {
      report.warnings.push(`The database has migration ${row.migration_name}, which this version does not know (a newer version ran here?).`);
    }
  }
  for (const migration of migrations) {
    const existing = applied.get(migration.name);
    if (existing) {
      report.alreadyApplied++;
      if (existing.checksum !== migration.checksum) {
        report.warnings.push(`Migration ${migration.name} was edited after it was applied; the database keeps the old version.`);
      }
      continue;
    }
    await applyOne(session, migration);
    report.applied.push(migration.name);
  }
  return report;
}

async function applyOne(session: SqlSession, migration: Migration): Promise<void> {
  const startedAt = new Date();
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
