/** Follow-ups in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { formatCivilDate } from '../domain/civil-date.js';
import type { Reader } from './db.js';
import type { FollowUpStore, FollowUpView } from './follow-up-service.js';
import { hrCovering } from './people.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;
const evaluationSelect = { select: { id: true, periodKey: true, employee: person, rater: person } } as const;

/** A stored follow-up row as the service reads it. */
export function followUpViewOf(row: {
  id: string;
  kind: FollowUpView['kind'];
  recommendation: string;
  decision: string | null;
  decidedAt: Date | null;
  outcome: 'DISETUJUI' | 'DITOLAK' | null;
  officialName: string | null;
  considerationRef: string | null;
  documentNumber: string | null;
  decidedOn: Date | null;
  evaluation: FollowUpView['evaluation'];
}): FollowUpView {
  const decided =
    row.outcome && row.decidedAt
      ? {
          outcome: row.outcome,
          officialName: row.officialName ?? '',
          considerationRef: row.considerationRef,
          documentNumber: row.documentNumber ?? '',
          decidedOn: row.decidedOn ? formatCivilDate({ year: row.decidedOn.getUTCFullYear(), month: row.decidedOn.getUTCMonth() + 1, day: row.decidedOn.getUTCDate() }) : '',
          note: row.decision,
        }
      : null;
  return { id: row.id, kind: row.kind, recommendation: row.recommendation, decidedAt: row.decidedAt, decided, evaluation: row.evaluation };
}

export function followUpStore(db: Reader, work: UnitOfWork): FollowUpStore {
  return {
    async find(id) {
      const row = await db.evaluationFollowUp.findUnique({
        where: { id },
        select: { id: true, kind: true, recommendation: true, decision: true, decidedAt: true, outcome: true, officialName: true, considerationRef: true, documentNumber: true, decidedOn: true, evaluation: evaluationSelect },
      });
      return row && followUpViewOf(row);
    },
    finalEvaluation: (id, employeeId) => db.evaluation.findFirst({ where: { id, employeeId, status: { not: 'DRAFT' } }, ...evaluationSelect }),
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
