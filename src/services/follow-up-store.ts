/** Follow-ups in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { ESTABLISHED_STATUSES } from './penetapan-service.js';
import type { Reader } from './db.js';
import { deciderFor } from './evaluations.js';
import type { FollowUpStore } from './follow-up-service.js';
import { standsFor } from './people.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;
const evaluationSelect = { select: { id: true, periodKey: true, employee: person, rater: person } } as const;

export function followUpStore(db: Reader, work: UnitOfWork): FollowUpStore {
  return {
    find: (id) =>
      db.evaluationFollowUp.findUnique({ where: { id }, select: { id: true, kind: true, recommendation: true, decision: true, decidedAt: true, evaluation: evaluationSelect } }),
    finalEvaluation: (id, employeeId) => db.evaluation.findFirst({ where: { id, employeeId, status: { in: [...ESTABLISHED_STATUSES] } }, ...evaluationSelect }),
    decider: (evaluationId) => deciderFor(db, evaluationId),
    actsFor: (actor, personId) => standsFor(db, actor, personId, work.now),
    insert(row) {
      work.change(`followUp.insert ${row.id}`, (tx) => tx.evaluationFollowUp.create({ data: row }));
    },
    decide(id, decision) {
      // Guarded: a second decision (another device, a retried button, a second decider) makes this one decide again, and it is refused.
      work.guarded(`followUp.decide ${id}`, (tx) => tx.evaluationFollowUp.updateMany({ where: { id, decidedAt: null }, data: decision }));
    },
  };
}
