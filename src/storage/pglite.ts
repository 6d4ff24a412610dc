/**
 * The zero-configuration database: PGlite (PostgreSQL compiled to WebAssembly) keeping its
 * files under DATA_DIR. Only one process may open the files at a time, so a lock file names
 * the process holding them and a second process stops with a clear message.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlRunner, SqlSession } from './sql.js';
import { EmbeddedDatabaseBusyError } from '../errors.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file for `dir`, replacing a stale one left by a process that died. */
function acquireLock(dir: string): () => void {
  const lockPath = join(dir, 'dialog-kinerja.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseBusyError(dir, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock file in ${dir}`);
}

/**
 * PostgreSQL's default shared_buffers of 128 MB is touched as soon as PGlite starts: in WebAssembly
 * it is resident memory of the bot's own process, the largest part of an idle embedded bot. The
 * embedded database serves small installations and reads its files through the operating system's
 * page cache anyway: 16 MB saves about 110 MB of RSS, and `npm run bench:import` (20,000 rows into
 * PGlite, two runs each) was no slower with it.
 */
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=16MB'];

/** An open embedded database with its SQL runner. */
export interface EmbeddedDatabase {
  client: PGlite;
  sql: SqlRunner;
  close(): Promise<void>;
}

function sessionOf(client: PGlite): SqlSession {
  return {
    async exec(script) {
      await client.exec(script);
    },
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query<Row>(text, params);
      return result.rows;
    },
  };
}

/** Opens (creating if needed) the embedded database in `dir`; `dir` undefined means in memory. */
export async function openEmbeddedDatabase(dir: string | undefined): Promise<EmbeddedDatabase> {
  let release = () => {};
  if (dir !== undefined) {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(dir);
  }
  try {
    const client = new PGlite(dir === undefined ? undefined : join(dir, 'pgdata'), { startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] });
    await client.waitReady;
    const session = sessionOf(client);
    return {
      client,
      // PGlite is a single connection, so a "session" is simply the database itself.
      sql: { ...session, withSession: (work) => work(session) },
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
