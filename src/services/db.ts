/** The database handle services take: the Prisma client or the transaction of the current event. */
import type { Prisma } from '../generated/prisma/client.js';

export type Db = Prisma.TransactionClient;
