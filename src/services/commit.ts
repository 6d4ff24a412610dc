/**
 * The committer: applies a decision's unit of work (work.ts) in one short transaction – guarded
 * changes, the conversation session, button tokens, audit entries and outbox rows – and nothing
 * else: no reading to decide, no rendering, no calls to platforms happen while it holds a
 * connection. `decideAndCommit` runs a decision and its commit, deciding again when a guard found
 * the state moved on (Conflict) or the database dropped the connection.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { SqlRunner } from '../storage/sql.js';
import { auditRow } from './audit.js';
import { applySeen } from './identities.js';
import { applyHandled } from './inbound-updates.js';
import { commitPlain, isPlain } from './plain-commit.js';
import { json } from './db.js';
import type { QueuedMessage } from './outbox.js';
import { writeSession } from './sessions.js';
import { Conflict, UnitOfWork, type FollowUp } from './work.js';

/** Longest a commit may hold its transaction; it only writes, so this is generous. */
const COMMIT_TIMEOUT_MS = 10_000;
/** Decisions tried at most this often before the error reaches the caller. */
export const MAX_ATTEMPTS = 3;

function rowsOf(result: unknown): number {
  if (typeof result === 'number') return result;
  const count = (result as { count?: unknown } | null)?.count;
  return typeof count === 'number' ? count : 1;
}

/**
 * Applies `work` in one transaction; returns the outbox rows written (to hand to delivery). Throws
 * Conflict when a guard fails, AlreadyHandled when the update was handled meanwhile. With `plain`
 * (PostgreSQL's raw SQL runner), a unit of work without changes to an aggregate – most events –
 * is written by plain-commit.ts in one statement.
 */
export async function commit(prisma: PrismaClient, work: UnitOfWork, plain?: SqlRunner): Promise<QueuedMessage[]> {
  if (work.empty) return [];
  if (plain && isPlain(work)) return commitPlain(plain, work);
  return prisma.$transaction(
    async (tx) => {
      if (work.handledUpdate) await applyHandled(tx, work.handledUpdate, work.now);
      if (work.seen) await applySeen(tx, work.seen, work.now);
      for (const change of work.changes) {
        const result = await change.apply(tx);
        if (change.guarded && rowsOf(result) === 0) throw new Conflict(change.what);
      }
      for (const write of work.sessions.values()) {
        if (write.dirty && !(await writeSession(tx, write))) throw new Conflict(`session of ${write.employeeId}`);
      }
      const tokens = work.tokens();
      if (tokens.length > 0) await tx.actionToken.createMany({ data: tokens.map((row) => ({ ...row, payload: json(row.payload) })) });
      if (work.audits.length > 0) await tx.auditLog.createMany({ data: work.audits.map(auditRow) });
      if (work.messages.length === 0) return [];
      return tx.outboundMessage.createManyAndReturn({
        data: work.messages.map((message) => ({ id: message.id, ...message.address, payload: json(message.payload), dedupeKey: message.dedupeKey })),
        skipDuplicates: true,
        select: { id: true, platform: true },
      });
    },
    { timeout: COMMIT_TIMEOUT_MS, maxWait: COMMIT_TIMEOUT_MS },
  );
}

/** Error codes that mean "the database was not there for a moment", worth trying again: connection lost, pool exhausted, serialisation. */
const TRANSIENT_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034', '40001', '40P01', '57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

/** True for errors that trying again may cure: a lost connection, a full pool, a serialisation failure. Never for logic errors. */
export function isTransient(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    const original = (current as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } }).meta?.driverAdapterError?.cause;
    if (original && ((typeof original.originalCode === 'string' && TRANSIENT_CODES.has(original.originalCode)) || original.kind === 'ConnectionClosed')) return true;
    if (/Connection terminated|connection (?:is )?closed|Client has encountered a connection error/i.test((current as Error).message ?? '')) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Decides with a fresh unit of work and commits it; on a Conflict or a transient database error,
 * decides again (at most MAX_ATTEMPTS times). `decide` must only read and collect changes in the
 * work it is given, so running it again is safe.
 */
export async function decideAndCommit<T>(
  prisma: PrismaClient,
  now: Date,
  decide: (work: UnitOfWork) => Promise<T>,
  options: { onRetry?: (attempt: number, error: unknown) => void; plain?: SqlRunner } = {},
): Promise<{ value: T; queued: QueuedMessage[]; followUps: FollowUp[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const work = new UnitOfWork(now);
      const value = await decide(work);
      return { value, queued: await commit(prisma, work, options.plain), followUps: work.followUps };
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !(error instanceof Conflict || isTransient(error))) throw error;
      options.onRetry?.(attempt, error);
      // A conflict is decided again at once; a database that dropped its connections gets a moment.
      if (!(error instanceof Conflict)) await sleep(100 * attempt);
    }
  }
}
