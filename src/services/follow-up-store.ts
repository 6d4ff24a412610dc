/** Follow-ups in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { ESTABLISHED_STATUSES } from './penetapan-service.js';
import type { Reader } from './db.js';
import { followUpViewOf, type FollowUpStore } from './follow-up-service.js';
import { hrCovering } from './people.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;
const evaluationSelect = { select: { id: true, periodKey: true, employee: person, rater: person } } as const;

export function followUpStore(db: Reader, work: UnitOfWork): FollowUpStore {
  return {
    async find(id) {
      const row = await db.evaluationFollowUp.findUnique({
        where: { id },
        select: { id: true, kind: true, recommendation: true, decision: true, decidedAt: true, outcome: true, officialName: true, considerationRef: true, documentNumber: true, decidedOn: true, evaluation: evaluationSelect },
      });
      return row && followUpViewOf(row);
    },
    finalEvaluation: (id, employeeId) => db.evaluation.findFirst({ where: { id, employeeId, status: { in: [...ESTABLISHED_STATUSES] } }, ...evaluationSelect }),
    recordersFor: (employeeId) => hrCovering(db, employeeId),
    insert(row) {
      work.change(`followUp.insert ${row.id}`, (tx) => tx.evaluationFollowUp.create({ data: row }));
    },
    decide(id, d) {
      // Guarded: a second decision (another device, a retried button, a second recorder) makes this one decide again, and it is refused.
      work.guarded(`followUp.decide ${id}`, (tx) =>
        tx.evaluationFollowUp.updateMany({
          where: { id, decidedAt: null },
          data: {
            outcome: d.outcome,
            officialName: d.officialName,
            considerationRef: d.considerationRef,
            documentNumber: d.documentNumber,
            decidedOn: new Date(`${d.decidedOn}T00:00:00Z`),
            decision: d.note,
            decidedById: d.decidedById,
            decidedAt: d.decidedAt,
          },
        }),
      );
    },
  };
}
