/**
 * The outbox sweep: re-queues every pending row that is due. Rows are queued right after their
 * transaction commits, so this only matters when that did not happen or the job vanished – a
 * crash in between, or Redis restarted empty. Re-queuing an already queued row is harmless: the
 * job id is the row id, and a row already sent is never sent again.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import type { JobRuntime } from '../jobs/runtime.js';

/**
 * Re-queues up to `limit` due pending rows; returns how many. Rows younger than `graceSeconds` were
 * just queued by their own transaction and are left to it (re-queuing them would be harmless, only
 * wasted work); the maintenance round passes at most its own interval, so an orphaned row waits
 * about one round.
 */
export async function sweepOutbox(prisma: PrismaClient, runtime: JobRuntime, options: { graceSeconds?: number; limit?: number } = {}): Promise<number> {
  const { graceSeconds = 10, limit = 5_000 } = options;
  const due = await prisma.outboundMessage.findMany({
    where: { status: 'PENDING', notBefore: { lte: new Date() }, createdAt: { lte: new Date(Date.now() - graceSeconds * 1000) } },
    select: { id: true, platform: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
  await runtime.deliver(due);
  return due.length;
}
