/**
 * Conversation sessions in the database: one row per person, rewritten after every answer so a
 * restart resumes exactly where the person was.
 */
import type { FlowState, SessionRecord, SessionStore } from '../conversation/flow.js';
import type { Platform } from '../generated/prisma/client.js';
import { json, type Db } from './db.js';

/** A session store bound to `db`; new sessions remember where the conversation happens. */
export function sessionStore(db: Db, where: { platform: Platform; identityId: string | null }): SessionStore {
  return {
    async get(employeeId) {
      const row = await db.conversationSession.findUnique({ where: { employeeId } });
      if (!row) return null;
      const state: FlowState = {
        entries: Array.isArray(row.answers) ? (row.answers as unknown as FlowState['entries']) : [],
        context: (row.context ?? {}) as Record<string, unknown>,
      };
      return { id: row.id, employeeId, flow: row.flow, flowVersion: row.flowVersion, step: row.step, state, expiresAt: row.expiresAt };
    },
    async save(session) {
      const data = {
        flow: session.flow,
        flowVersion: session.flowVersion,
        step: session.step,
        answers: json(session.state.entries),
        context: json(session.state.context),
        expiresAt: session.expiresAt,
        platform: where.platform,
        identityId: where.identityId,
      };
      const row = await db.conversationSession.upsert({
        where: { employeeId: session.employeeId },
        create: { employeeId: session.employeeId, ...data },
        update: data,
      });
      return { ...session, id: row.id } satisfies SessionRecord;
    },
    async delete(employeeId) {
      await db.conversationSession.deleteMany({ where: { employeeId } });
    },
  };
}
