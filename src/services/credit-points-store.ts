/** PAK records in PostgreSQL: reads for deciding, a guarded insert applied when the unit of work commits. */
import { ESTABLISHED_STATUSES } from './penetapan-service.js';
import type { CreditPointStore } from './credit-points-service.js';
import type { Reader } from './db.js';
import { evaluatedDays, finalResult } from './evaluations.js';
import type { UnitOfWork } from './work.js';

export function creditPointStore(db: Reader, work: UnitOfWork): CreditPointStore {
  return {
    async evaluation(evaluationId, employeeId) {
      const row = await db.evaluation.findFirst({
        where: { id: evaluationId, employeeId, status: { in: [...ESTABLISHED_STATUSES] } },
        include: { objection: true, creditPointAssessment: { select: { id: true } }, employee: { select: { id: true, name: true, locale: true, positionType: true, positionLevel: true } } },
      });
      if (!row) return null;
      return {
        id: row.id,
        periodKey: row.periodKey,
        kind: row.kind,
        predikat: finalResult(row).predikat,
        skp: await evaluatedDays(db, row),
        employee: row.employee,
        hasPak: row.creditPointAssessment !== null,
      };
    },
    annualWithoutPak: async (employeeId) =>
      (await db.evaluation.findMany({ where: { employeeId, kind: 'ANNUAL', status: { in: [...ESTABLISHED_STATUSES] }, creditPointAssessment: null }, select: { id: true }, orderBy: { createdAt: 'asc' } })).map((e) => e.id),
    insert(row) {
      // One PAK per evaluation: a second one (another HR, a retried command) inserts nothing and is refused.
      work.guarded(`creditPoints.insert ${row.evaluationId}`, (tx) => tx.creditPointAssessment.createMany({ data: [row], skipDuplicates: true }));
    },
  };
}
