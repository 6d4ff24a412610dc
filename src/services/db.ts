/** The database handle services take: the Prisma client or the transaction of the current event. */
import type { Prisma } from '../generated/prisma/client.js';

export type Db = Prisma.TransactionClient;

/** A plain value (a reply, a payload, details) as a JSON column value. */
export function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
