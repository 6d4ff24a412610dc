/** A PostgreSQL database of the benchmark's own, created on the admin server and dropped after. */
import pg from 'pg';

export interface ScratchDatabase {
  /** The new database's connection URL. */
  url: string;
  /** True when `keep` found the database from an earlier run (its data is still there). */
  reused: boolean;
  /** Drops the database (closing its connections) and the admin connection; with `keep`, only disconnects. */
  drop(): Promise<void>;
}

/**
 * Creates database `name` on the server of `adminUrl`. Throws when the server is not reachable.
 * `keep`: reuse the database when it exists and leave it behind, so a benchmark whose seeding takes
 * minutes can be run again on the same data (the benchmark decides whether the data still fits).
 */
export async function createScratchDatabase(adminUrl: string, name: string, options: { keep?: boolean } = {}): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = options.keep ? (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1 : false;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reused: exists,
    async drop() {
      if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
