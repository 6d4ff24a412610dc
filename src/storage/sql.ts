/**
 * The few raw-SQL operations the project needs beneath Prisma: running migration scripts
 * (several statements at once) and cheap health checks. Implemented for node-postgres and PGlite.
 */

/** A connection-level SQL runner. */
export interface SqlSession {
  /** Runs a script that may contain several statements; returns nothing. */
  exec(script: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. `prepareAs` names a statement run
   * very often, so PostgreSQL plans it once per connection (ignored by PGlite). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], prepareAs?: string): Promise<Row[]>;
}

/** Raw SQL on a database: one-off queries, or a session pinned to one connection. */
export interface SqlRunner extends SqlSession {
  /** Runs `work` on one connection, e.g. to hold a session-level advisory lock. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}
