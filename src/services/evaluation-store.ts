/** Evaluations in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import type { Reader } from './db.js';
import type { EvaluationStore, Reachability, ResultSource } from './evaluation-service.js';
import { agencySettings, databaseTeamReads, deciderFor, evaluatedDays, externalDeciderFor, kindOf } from './evaluations.js';
import { ratingLineFor } from './rating-line.js';
import { reachableChatOf } from './outbox.js';
import { decide, todayFor } from './people.js';
import { closedSkpPeriods, ratesClosedPeriod } from './skp-periods.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

export function evaluationStore(db: Reader, work: UnitOfWork): EvaluationStore {
  return {
    ...databaseTeamReads(db, work.now),
    settings: (agencyId) => agencySettings(db, agencyId),
    find: (id) => db.evaluation.findUnique({ where: { id }, select: { id: true, status: true, periodKey: true, employee: person, rater: person } }),
    ofPeriod: (employeeId, period, skpPart) =>
      db.evaluation.findUnique({ where: { employeeId_kind_periodKey_skpPart: { employeeId, kind: kindOf(period), periodKey: period.key, skpPart } }, select: { id: true, status: true } }),
    closedPeriodsOf: (employeeId, year) => closedSkpPeriods(db, [employeeId], year),
    ratesClosedPeriod: (actor, period) =>
      ratesClosedPeriod(db, actor, period, work.now, async () => (await decide(db, actor, 'EVALUATE', period.employeeId, work.now)).allowed),
    person: (id) => db.employee.findUnique({ where: { id }, select: { id: true, name: true, locale: true, supervisorId: true, timeZone: true } }),
    async officialsOutside(employeeId) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { timeZone: true } });
      const line = await ratingLineFor(db, employeeId, todayFor(employee, work.now));
      const outside = async (official: { kind: string; id: string } | null | undefined) =>
        official?.kind === 'EXTERNAL' ? db.externalOfficial.findUnique({ where: { id: official.id }, select: { id: true, name: true, title: true } }) : null;
      return { ppk: await outside(line?.ppk), atasanPpk: await outside(line?.atasanPpk) };
    },
    insertRecorded(row) {
      const { at, delivered, officialId, decidedOn, ...rest } = row;
      // The period's key taken meanwhile (another device, a rater): decide again, and it is refused.
      work.guarded(`evaluation.record ${row.id}`, (tx) =>
        tx.evaluation.createMany({
          data: [{ ...rest, skpPart: '', status: 'FINAL', finalizedAt: at, deliveredAt: delivered ? at : null, recordedForOfficialId: officialId, decidedOn: new Date(`${decidedOn}T00:00:00Z`) }],
          skipDuplicates: true,
        }),
      );
    },
    async result(id) {
      const row = await db.evaluation.findUnique({
        where: { id },
        select: {
          id: true,
          periodKey: true,
          skpPart: true,
          documentNumber: true,
          decidedOn: true,
          recordedForOfficial: { select: { name: true, title: true } },
          resultsRating: true,
          behaviourRating: true,
          predikat: true,
          notes: true,
          feedback: true,
          employee: { select: { id: true, name: true, locale: true, timeZone: true, agencyId: true } },
          rater: person,
        },
      });
      if (!row) return null;
      const { employee, skpPart, documentNumber, decidedOn, recordedForOfficial, ...rest } = row;
      const decider = await deciderFor(db, id);
      const skp = await evaluatedDays(db, { employeeId: employee.id, periodKey: row.periodKey, skpPart });
      const outside = decider ? null : await externalDeciderFor(db, id, work.now);
      return {
        ...rest,
        skp,
        deciderOutside: outside && { name: outside.name, title: outside.title },
        recordedFor: recordedForOfficial && { ...recordedForOfficial, documentNumber: documentNumber ?? '', decidedOn: decidedOn?.toISOString().slice(0, 10) ?? '' },
        employee: { id: employee.id, name: employee.name, locale: employee.locale },
        employeeTimeZone: employee.timeZone,
        employeeAgencyId: employee.agencyId,
        decider,
      } satisfies ResultSource;
    },
    async waiting(employeeId) {
      const rows = await db.evaluation.findMany({ where: { employeeId, status: 'FINAL', deliveredAt: null }, orderBy: { finalizedAt: 'asc' }, select: { id: true } });
      return rows.map((row) => row.id);
    },
    insertDraft(row) {
      // A draft made meanwhile by another device takes this key first: decide again on top of it.
      work.guarded(`evaluation.draft ${row.id}`, (tx) => tx.evaluation.createMany({ data: [row], skipDuplicates: true }));
    },
    redraft(id, fields) {
      work.guarded(`evaluation.redraft ${id}`, (tx) => tx.evaluation.updateMany({ where: { id, status: 'DRAFT' }, data: fields }));
    },
    propose(id, change) {
      work.guarded(`evaluation.propose ${id}`, (tx) =>
        tx.evaluation.updateMany({ where: { id, status: 'DRAFT', raterId: change.raterId }, data: { status: 'PROPOSED', proposedAt: change.at, returnNote: null } }),
      );
    },
    acknowledge(id, at) {
      work.guarded(`evaluation.acknowledge ${id}`, (tx) => tx.evaluation.updateMany({ where: { id, status: 'FINAL' }, data: { status: 'ACKNOWLEDGED', acknowledgedAt: at } }));
    },
    markDelivered(id, at) {
      work.guarded(`evaluation.delivered ${id}`, (tx) => tx.evaluation.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: at } }));
    },
  };
}

/** Reachable means a linked account the bot may write to (see reachableChatOf). */
export function databaseReachability(db: Reader): Reachability {
  return { reachable: async (employeeId) => (await reachableChatOf(db, employeeId)) !== null };
}
