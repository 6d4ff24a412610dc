/** PAK records in PostgreSQL: reads for deciding, a guarded insert applied when the unit of work commits. */
import { closesYear } from '../domain/final-evaluation.js';
import { parsePeriodKey } from '../domain/periods.js';
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
        include: { objection: true, creditPointAssessment: { select: { id: true } }, employee: { select: { id: true, name: true, locale: true, positionType: true, positionLevel: true, agency: { select: { finalEvaluation: true } } } } },
      });
      if (!row) return null;
      const { agency, ...employee } = row.employee;
      const period = parsePeriodKey(row.periodKey);
      return {
        id: row.id,
        periodKey: row.periodKey,
        kind: row.kind,
        predikat: finalResult(row).predikat,
        skp: await evaluatedDays(db, row),
        employee,
        hasPak: row.creditPointAssessment !== null,
        closesYear: !!period && closesYear(period, agency.finalEvaluation),
      };
    },
    async annualWithoutPak(employeeId) {
      const { agency } = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { agency: { select: { finalEvaluation: true } } } });
      const rows = await db.evaluation.findMany({ where: { employeeId, status: { in: [...ESTABLISHED_STATUSES] }, creditPointAssessment: null }, select: { id: true, periodKey: true }, orderBy: { createdAt: 'asc' } });
      return rows.filter((row) => {
        const period = parsePeriodKey(row.periodKey);
        return !!period && closesYear(period, agency.finalEvaluation);
      }).map((row) => row.id);
    },
    insert(row) {
      // One PAK per evaluation: a second one (another HR, a retried command) inserts nothing and is refused.
      work.guarded(`creditPoints.insert ${row.evaluationId}`, (tx) => tx.creditPointAssessment.createMany({ data: [row], skipDuplicates: true }));
    },
  };
}
