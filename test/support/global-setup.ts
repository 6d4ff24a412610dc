/**
 * Runs once per `vitest run`: builds the migrated template database if this set of migrations
 * has none yet, and removes test databases that crashed runs left behind.
 */
import { applyMigrations } from '../../src/storage/migrate.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { templateName, urlFor, withAdmin } from './postgres.js';

const STALE_AFTER_SECONDS = 3 * 60 * 60;

export default async function setup(): Promise<void> {
  const template = templateName();
  await withAdmin(async (admin) => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'dk\\_test\\_%'`);
    for (const { datname } of stale.rows) {
      const created = Number(datname.split('_')[2]);
      if (Number.isFinite(created) && now - created > STALE_AFTER_SECONDS) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
    if (exists.rowCount) return;
    const building = `${template}_building_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const db = await openPostgres(urlFor(building), { max: 1 });
    try {
      await applyMigrations(db.sql);
    } catch (error) {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      throw error;
    }
    await db.close();
    // Renaming makes the finished template appear atomically to a concurrent run.
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`).catch(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    });
  });
}
