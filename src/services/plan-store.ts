/** Plans in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { uuidv7 } from '../storage/ids.js';
import type { Reader } from './db.js';
import type { ClarificationRecord, PlanRecord, PlanStore } from './plan-service.js';
import { agreedPlan, lastPlanVersion, latestPlan, OPEN_STATUSES, planById, planContentOf, type PlanView } from './plans.js';
import { Conflict, type UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

/** True when the error is a unique-key violation (another decision inserted the same key first). */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

export function planStore(db: Reader, work: UnitOfWork): PlanStore {
  const record = async (plan: PlanView | null): Promise<PlanRecord | null> => {
    if (!plan) return null;
    const people = await db.plan.findUnique({ where: { id: plan.id }, select: { employee: person, rater: person } });
    const newer = await db.plan.count({ where: { employeeId: plan.employeeId, year: plan.year, version: { gt: plan.version } } });
    return { content: planContentOf(plan), supersededAt: plan.supersededAt, newest: newer === 0, employee: people?.employee ?? { id: plan.employeeId, name: plan.employee.name, locale: 'id' }, rater: people?.rater ?? null };
  };
  return {
    byId: async (planId) => record(await planById(db, planId)),
    latest: async (employeeId, year) => record(await latestPlan(db, employeeId, year)),
    lastVersion: (employeeId, year) => lastPlanVersion(db, employeeId, year),
    async agreedRhks(employeeId, year) {
      const plan = await agreedPlan(db, employeeId, year);
      return plan ? plan.resultExpectations.map((rhk) => ({ id: rhk.id, text: rhk.text })) : null;
    },
    async clarification(id) {
      const row = await db.planClarification.findUnique({ where: { id }, select: { id: true, question: true, answeredAt: true, planId: true, askedBy: person } });
      const plan = row ? await record(await planById(db, row.planId)) : null;
      if (!row || !plan) return null;
      return { id: row.id, question: row.question, answeredAt: row.answeredAt, askedBy: row.askedBy, plan } satisfies ClarificationRecord;
    },
    employee: (id) => db.employee.findUnique({ where: { id }, select: { id: true, name: true, locale: true, position: true, positionType: true } }),
    propose(plan) {
      work.change(`plan.supersede-open ${plan.employeeId} ${plan.year}`, (tx) =>
        tx.plan.updateMany({ where: { employeeId: plan.employeeId, year: plan.year, periodEnd: null, status: { not: 'AGREED' }, supersededAt: null }, data: { supersededAt: work.now } }),
      );
      work.change(`plan.propose ${plan.id}`, async (tx) => {
        try {
          await tx.plan.create({
            data: {
              id: plan.id,
              employeeId: plan.employeeId,
              raterId: plan.raterId,
              year: plan.year,
              version: plan.version,
              status: plan.status ?? 'PROPOSED',
              positionTitle: plan.positionTitle,
              revisionReason: plan.revision ? 'revisi' : null,
              proposedAt: work.now,
              ...plan.lampiran,
              behaviourExpectations: { create: plan.behaviours.map((b) => ({ coreValue: b.coreValue, text: b.text })) },
            },
          });
        } catch (error) {
          // Another proposal took this version number first: decide again on top of it.
          if (isUniqueViolation(error)) throw new Conflict(`plan.propose ${plan.employeeId} v${plan.version}`);
          throw error;
        }
        for (const [position, rhk] of plan.rhks.entries()) {
          await tx.resultExpectation.create({
            data: {
              planId: plan.id,
              lineageId: uuidv7(),
              kind: rhk.kind,
              text: rhk.text,
              position,
              leaderRhkId: rhk.leaderRhkId,
              perspective: rhk.perspective ?? null,
              indicators: { create: rhk.indicators.map((indicator, i) => ({ ...indicator, position: i })) },
            },
          });
        }
      });
    },
    agree(plan, at) {
      work.guarded(`plan.agree ${plan.id}`, (tx) =>
        tx.plan.updateMany({ where: { id: plan.id, status: { in: [...OPEN_STATUSES] }, supersededAt: null }, data: { status: 'AGREED', agreedAt: at } }),
      );
      work.change(`plan.supersede-others ${plan.id}`, (tx) =>
        tx.plan.updateMany({ where: { employeeId: plan.employeeId, year: plan.year, periodEnd: null, id: { not: plan.id }, supersededAt: null }, data: { supersededAt: at } }),
      );
    },
    askClarification(planId, clarification) {
      work.guarded(`plan.ask ${planId}`, (tx) =>
        tx.plan.updateMany({ where: { id: planId, status: { in: [...OPEN_STATUSES] }, supersededAt: null }, data: { status: 'CLARIFICATION_REQUESTED' } }),
      );
      work.change(`clarification.insert ${clarification.id}`, (tx) => tx.planClarification.create({ data: { ...clarification, planId } }));
    },
    answerClarification(id, answer, reopenPlanId) {
      work.guarded(`clarification.answer ${id}`, (tx) => tx.planClarification.updateMany({ where: { id, answeredAt: null }, data: answer }));
      if (reopenPlanId) {
        work.change(`plan.reopen ${reopenPlanId}`, (tx) =>
          tx.plan.updateMany({ where: { id: reopenPlanId, status: { in: [...OPEN_STATUSES] }, supersededAt: null }, data: { status: 'PROPOSED' } }),
        );
      }
    },
  };
}
