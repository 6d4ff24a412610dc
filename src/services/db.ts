/** The database handle services take: the Prisma client or the transaction of the current event. */
import type { Prisma } from '../generated/prisma/client.js';

/**
 * The Prisma client or the transaction of the current event. A transaction is one connection:
 * queries sent on it at once (Promise.all) are queued by node-postgres 8 with a deprecation warning
 * and refused by node-postgres 9, so code taking a `Db` awaits its queries one after another.
 */
export type Db = Prisma.TransactionClient;

/** A plain value (a reply, a payload, details) as a JSON column value. */
export function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
