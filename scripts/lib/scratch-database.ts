/** A PostgreSQL database of the benchmark's own, created on the admin server and dropped after. */
import pg from 'pg';

export interface ScratchDatabase {
  /** The new database's connection URL. */
  url: string;
  /** Drops the database (closing its connections) and the admin connection. */
  drop(): Promise<void>;
}

/** Creates database `name` on the server of `adminUrl`. Throws when the server is not reachable. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
