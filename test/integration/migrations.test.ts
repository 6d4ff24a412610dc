import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/errors.js';
import { applyMigrations, readMigrations, type Migration } from '../../src/storage/migrate.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { useTestDatabase } from '../support/database.js';

describe('the migration runner', () => {
  it('applies every migration once and records it the way prisma migrate deploy does', async () => {
    const db = await useTestDatabase({ empty: true });
    const first = await applyMigrations(db.sql);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await applyMigrations(db.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length, warnings: [] });

    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"',
    );
    const [init] = readMigrations();
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0]?.checksum).toBe(createHash('sha256').update(init?.sql ?? '').digest('hex'));
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[0]?.applied_steps_count).toBe(1);

    const columns = await db.sql.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count',
    ]);
  });

  it('lets two processes migrate at once without applying anything twice', async () => {
    const db = await useTestDatabase({ empty: true });
    const other = await openPostgres(db.url, { max: 2 });
    try {
      const [a, b] = await Promise.all([applyMigrations(db.sql), applyMigrations(other.sql)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await other.close();
    }
  });

  it('rolls back a failing migration completely and names it', async () => {
    const db = await useTestDatabase({ empty: true });
    const broken: Migration[] = [
      { name: '20990101000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();', checksum: 'x' },
    ];
    await expect(applyMigrations(db.sql, broken)).rejects.toThrow(/20990101000000_broken failed and was rolled back/);
    const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables).toHaveLength(0);
    const recorded = await db.sql.query(`SELECT 1 FROM "_prisma_migrations"`);
    expect(recorded).toHaveLength(0);
  });

  it('refuses to continue after a migration Prisma recorded as started but unfinished', async () => {
    const db = await useTestDatabase({ empty: true });
    await applyMigrations(db.sql, []);
    await db.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', 'y', '20200101000000_stuck', now())`,
    );
    const error = await applyMigrations(db.sql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('20200101000000_stuck');
  });

  it('warns when an applied migration was edited afterwards', async () => {
    const db = await useTestDatabase({ empty: true });
    const migrations = readMigrations();
    await applyMigrations(db.sql, migrations);
    const edited = migrations.map((m) => ({ ...m, checksum: '0'.repeat(64) }));
    const report = await applyMigrations(db.sql, edited);
    expect(report.warnings.join('\n')).toMatch(/was edited after it was applied/);
  });

  it('reads migration folders in name order and ignores folders without migration.sql', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dk-migrations-'));
    for (const name of ['20260202000000_b', '20260101000000_a', 'not_a_migration']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, '20260202000000_b', 'migration.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '20260101000000_a', 'migration.sql'), 'SELECT 1;');
    expect(readMigrations(dir).map((m) => m.name)).toEqual(['20260101000000_a', '20260202000000_b']);
  });
});
