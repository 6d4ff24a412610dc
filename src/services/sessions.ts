/**
 * Conversation sessions in the database: one row per person, rewritten after every answer so a
 * restart resumes exactly where the person was.
 *
 * Reads come from the decision's reader; saves and deletes go into its unit of work and are
 * written at commit, guarded by the row's revision as read: two events of one person decided at
 * once (two instances behind a webhook) cannot both move the conversation on – the second gets a
 * Conflict and is decided again from the new state. Within a decision, `get` sees the decision's
 * own saves and deletes.
 */
import type { FlowState, SessionRecord, SessionStore } from '../conversation/flow.js';
import type { Platform } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import type { Db, Reader } from './db.js';
import { json } from './db.js';
import type { SessionRow, SessionWrite, UnitOfWork } from './work.js';

/** A session store for one decision; new sessions remember where the conversation happens. */
export function sessionStore(db: Reader, work: UnitOfWork, where: { platform: Platform; identityId: string | null }): SessionStore {
  const toRecord = (row: SessionRow): SessionRecord => ({
    id: row.id,
    employeeId: row.employeeId,
    flow: row.flow,
    flowVersion: row.flowVersion,
    step: row.step,
    state: { entries: Array.isArray(row.answers) ? (row.answers as FlowState['entries']) : [], context: (row.context ?? {}) as Record<string, unknown> },
    expiresAt: row.expiresAt,
  });

  /** The pending write for a person, reading the stored row first if this decision has not yet. */
  const pending = async (employeeId: string): Promise<SessionWrite> => {
    const known = work.sessions.get(employeeId);
    if (known) return known;
    const row = await db.conversationSession.findUnique({ where: { employeeId } });
    const entry: SessionWrite = { employeeId, read: row ? { id: row.id, revision: row.revision } : null, wanted: row };
    work.sessions.set(employeeId, entry);
    return entry;
  };

  return {
    async get(employeeId) {
      const { wanted } = await pending(employeeId);
      return wanted ? toRecord(wanted) : null;
    },
    async save(session) {
      const entry = await pending(employeeId(session));
      const row: SessionRow = {
        // A session keeps its id while it lasts: buttons of its questions carry it.
        id: entry.wanted?.id ?? uuidv7(work.now.getTime()),
        employeeId: session.employeeId,
        flow: session.flow,
        flowVersion: session.flowVersion,
        step: session.step,
        answers: session.state.entries,
        context: session.state.context,
        platform: entry.wanted?.platform ?? where.platform,
        identityId: where.identityId ?? entry.wanted?.identityId ?? null,
        expiresAt: session.expiresAt,
      };
      entry.wanted = row;
      entry.dirty = true;
      return toRecord(row);
    },
    async delete(employeeId) {
      const entry = await pending(employeeId);
      entry.wanted = null;
      entry.dirty = true;
    },
  };
}

/** Hands a session already read (with the sender, in one statement) to the decision's session store. */
export function preloadSession(work: UnitOfWork, employeeId: string, row: (SessionRow & { revision: number }) | null): void {
  if (work.sessions.has(employeeId)) return;
  work.sessions.set(employeeId, { employeeId, read: row ? { id: row.id, revision: row.revision } : null, wanted: row });
}

function employeeId(session: { employeeId: string }): string {
  return session.employeeId;
}

/** Writes one person's session as decided; false when its row changed since it was read (a Conflict). */
export async function writeSession(tx: Db, write: SessionWrite): Promise<boolean> {
  const { read, wanted } = write;
  if (read && !wanted) return (await tx.conversationSession.deleteMany({ where: { id: read.id, revision: read.revision } })).count > 0;
  if (!wanted) return true;
  const data = {
    id: wanted.id,
    flow: wanted.flow,
    flowVersion: wanted.flowVersion,
    step: wanted.step,
    answers: json(wanted.answers),
    context: json(wanted.context),
    platform: wanted.platform,
    identityId: wanted.identityId,
    expiresAt: wanted.expiresAt,
  };
  // A new conversation replacing another keeps the row and takes the new session's id.
  if (read) return (await tx.conversationSession.updateMany({ where: { id: read.id, revision: read.revision }, data: { ...data, revision: read.revision + 1 } })).count > 0;
  return (await tx.conversationSession.createMany({ data: [{ employeeId: wanted.employeeId, ...data }], skipDuplicates: true })).count > 0;
}
