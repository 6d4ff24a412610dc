/**
 * Which instance runs the periodic maintenance. With PostgreSQL, the leader is whoever holds a
 * session-level advisory lock on a connection of its own (not one of the pool's, which Prisma
 * reuses): PostgreSQL lets go of the lock the moment that session ends – the process exits or is
 * killed, or its connection breaks – and a stand-by that keeps asking takes over. The embedded
 * database (PGlite) serves one process only, so that process always leads.
 *
 * Leading is an economy, not what keeps things correct: every maintenance task is idempotent, so
 * the short overlap when a leader loses its connection and notices only at its next check does no
 * harm. The lock needs a real session: connect directly or through a session-mode pooler (a
 * transaction-mode PgBouncer would hand the lock to whichever client used the connection next).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';

/** Who leads the maintenance. */
export interface Leadership {
  /** Keeps the lead, or takes it when it is free; true while this instance leads. Never throws. */
  hold(): Promise<boolean>;
  /** Gives the lead up and closes what holds it (on shutdown), so a stand-by can take over at once. */
  release(): Promise<void>;
}

/** The only process on its database (PGlite): it always leads. */
export const soleLeader: Leadership = {
  hold: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};

/** The 64-bit advisory lock key of `name`, as the decimal text PostgreSQL casts to bigint. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/**
 * Server-side TCP keepalives for the lock's session: when the leader's host vanishes without
 * closing its connection, PostgreSQL notices within about a minute instead of the system default
 * of two hours, and the lock passes on. (Ignored on Unix sockets; only a process crash matters there.)
 */
const KEEPALIVES = ['SET tcp_keepalives_idle = 30', 'SET tcp_keepalives_interval = 10', 'SET tcp_keepalives_count = 3'];

/** Leadership through `pg_try_advisory_lock` on a dedicated PostgreSQL connection. */
export class AdvisoryLockLeadership implements Leadership {
  private client: pg.Client | undefined;
  private leading = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly key: string;

  constructor(
    private readonly databaseUrl: string,
    /** What is led, e.g. "maintenance:<queue prefix>": instances sharing a name share one leader. */
    private readonly name: string,
    private readonly logger: Logger,
  ) {
    this.key = advisoryLockKey(`dialog-kinerja:${name}`);
  }

  hold(): Promise<boolean> {
    return this.serially(() => this.check());
  }

  release(): Promise<void> {
    return this.serially(async () => {
      if (this.leading) this.logger.info({ lead: this.name }, 'giving up the maintenance lead');
      await this.drop();
    });
  }

  /** One call at a time: the timer and an explicit round may ask at once, and a connection takes one query at a time. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  private async check(): Promise<boolean> {
    try {
      const client = await this.connection();
      if (this.leading) {
        // The lock lasts as long as the session: a live session is a held lock.
        await client.query('SELECT 1');
        return true;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [this.key]);
      this.leading = rows[0]?.locked === true;
      if (this.leading) this.logger.info({ lead: this.name, pid: process.pid }, 'this instance now leads the maintenance');
      return this.leading;
    } catch (error) {
      if (this.leading) this.logger.warn({ lead: this.name, error: (error as Error).message }, 'lost the maintenance lead');
      else this.logger.debug({ lead: this.name, error: (error as Error).message }, 'could not ask for the maintenance lead');
      await this.drop();
      return false;
    }
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      // Names the instance in pg_stat_activity: which process leads is one query away.
      application_name: `dialog-kinerja pid ${process.pid} ${this.name}`.slice(0, 63),
    });
    // A dropped connection (server restart, pg_terminate_backend) emits 'error', which would crash the process
    // without a listener; the next check's query then fails, and the lead is given up there.
    client.on('error', () => {});
    try {
      await client.connect();
      for (const statement of KEEPALIVES) await client.query(statement);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    await client?.end().catch(() => {});
  }
}
