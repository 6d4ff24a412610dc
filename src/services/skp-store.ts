/** The SKP penetapan in PostgreSQL: who establishes, and the guarded writes of establishing and sending back. */
import type { Reader } from './db.js';
import { planStore } from './plan-store.js';
import { ratingLineFor } from './rating-line.js';
import { todayFor } from './people.js';
import type { SkpStore } from './skp-service.js';
import type { UnitOfWork } from './work.js';

export function skpStore(db: Reader, work: UnitOfWork): SkpStore {
  return {
    plans: planStore(db, work),
    async establisher(employeeId) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { timeZone: true } });
      const line = await ratingLineFor(db, employeeId, todayFor(employee, work.now));
      if (line?.ppk?.kind === 'EMPLOYEE') return { ppk: await db.employee.findUnique({ where: { id: line.ppk.id }, select: { id: true, name: true, locale: true } }), external: null };
      if (line?.ppk?.kind === 'EXTERNAL') return { ppk: null, external: await db.externalOfficial.findUnique({ where: { id: line.ppk.id }, select: { id: true, name: true, title: true } }) };
      return { ppk: null, external: null };
    },
    establish(plan, by) {
      const recorded = by.recorded
        ? { documentNumber: by.recorded.documentNumber, establishedOn: new Date(`${by.recorded.decidedOn}T00:00:00Z`), recordedForOfficialId: by.recorded.officialId }
        : {};
      work.guarded(`plan.establish ${plan.id}`, (tx) =>
        tx.plan.updateMany({
          where: { id: plan.id, status: 'SUBMITTED', supersededAt: null },
          data: { status: 'AGREED', agreedAt: by.at, establishedById: by.byId, ...(by.raterId ? { raterId: by.raterId } : {}), ...recorded },
        }),
      );
      work.change(`plan.supersede-others ${plan.id}`, (tx) =>
        tx.plan.updateMany({ where: { employeeId: plan.employeeId, year: plan.year, periodEnd: null, id: { not: plan.id }, supersededAt: null }, data: { supersededAt: by.at } }),
      );
    },
    sendBack(planId, note) {
      work.guarded(`plan.return ${planId}`, (tx) => tx.plan.updateMany({ where: { id: planId, status: 'SUBMITTED', supersededAt: null }, data: { status: 'RETURNED', returnNote: note } }));
    },
  };
}
