/** Feedback in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { isCoreValueCode } from '../domain/berakhlak.js';
import type { Reader } from './db.js';
import type { FeedbackStore } from './feedback-service.js';
import { Conflict, type UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

export function feedbackStore(db: Reader, work: UnitOfWork): FeedbackStore {
  return {
    async find(id) {
      const row = await db.feedback.findUnique({
        where: { id },
        select: { id: true, kind: true, text: true, reply: true, rhkId: true, coreValue: true, rhk: { select: { text: true } }, giver: person, recipient: person },
      });
      if (!row) return null;
      const { rhkId, coreValue, rhk, ...rest } = row;
      const about = rhkId ? { rhkId, rhkText: rhk?.text ?? '' } : { coreValue: coreValue && isCoreValueCode(coreValue) ? coreValue : ('pelayanan' as const) };
      return { ...rest, about };
    },
    person: (id) => db.employee.findUnique({ where: { id }, select: { id: true, name: true, locale: true } }),
    rhkText: async (rhkId) => (await db.resultExpectation.findUnique({ where: { id: rhkId }, select: { text: true } }))?.text ?? null,
    requestOpen: async (requestId) => {
      const request = await db.feedbackRequest.findUnique({ where: { id: requestId }, select: { status: true } });
      return request ? request.status === 'OPEN' : null;
    },
    insert(row) {
      work.change(`feedback.insert ${row.id}`, async (tx) => {
        try {
          await tx.feedback.create({ data: row });
        } catch (error) {
          // The request was answered by someone else meanwhile: decide again (this feedback then stands alone).
          if ((error as { code?: unknown }).code === 'P2002') throw new Conflict(`feedback.answer-request ${row.requestId ?? ''}`);
          throw error;
        }
        if (row.requestId) await tx.feedbackRequest.updateMany({ where: { id: row.requestId, status: 'OPEN' }, data: { status: 'ANSWERED' } });
      });
    },
    reply(id, reply) {
      work.guarded(`feedback.reply ${id}`, (tx) => tx.feedback.updateMany({ where: { id, reply: null }, data: reply }));
    },
    insertRequest(row) {
      work.change(`feedbackRequest.insert ${row.id}`, (tx) => tx.feedbackRequest.create({ data: row }));
    },
  };
}
