/** The database handles services take: a read-only view for deciding, a transaction for committing. */
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/**
 * The Prisma client or a transaction. A transaction is one connection: queries sent on it at once
 * (Promise.all) are queued by node-postgres 8 with a deprecation warning and refused by
 * node-postgres 9, so code taking a `Db` awaits its queries one after another.
 */
export type Db = Prisma.TransactionClient;

type ReadMethod = 'findUnique' | 'findUniqueOrThrow' | 'findFirst' | 'findFirstOrThrow' | 'findMany' | 'count' | 'aggregate' | 'groupBy';
type ModelKey = Uncapitalize<Prisma.ModelName>;

/**
 * The database as handling an event sees it: reads only, on the pool (no transaction held, so
 * reads of different events run side by side). Writes are collected in a UnitOfWork and applied by
 * the committer in one short transaction. The type makes a write outside that path a compile error.
 * A `Db` (the client or a transaction) is a `Reader` too.
 */
export type Reader = { [K in ModelKey]: Pick<PrismaClient[K], Extract<keyof PrismaClient[K], ReadMethod>> } & Pick<PrismaClient, '$queryRaw'>;

/** A plain value (a reply, a payload, details) as a JSON column value. */
export function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/**
 * PostgreSQL takes at most 32,767 parameters in one statement, and Prisma's driver adapter does not
 * split long `in` lists (an agency of 30,000 people has 60,000 RHK): such lists are queried in
 * chunks, one after another, and the results joined. Order is kept within each chunk only.
 */
export const IN_CHUNK = 10_000;

export async function inChunks<T>(values: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) results.push(...(await query(values.slice(i, i + IN_CHUNK))));
  return results;
}

/** Raw SQL beneath Prisma (the inbound hot path, the outbox ledger), for layers that hold one without opening it. */
export type { SqlRunner } from '../storage/sql.js';
