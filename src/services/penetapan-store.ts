/** The penetapan in PostgreSQL: the organisation's people and evaluations, and the writes applied when the unit of work commits. */
import { parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { Period } from '../domain/periods.js';
import { partWithin, skpPartsOf } from '../domain/skp-period.js';
import type { Reader } from './db.js';
import { kindOf, unitPredikatFor } from './evaluations.js';
import type { OrgEntry, PenetapanStore } from './penetapan-service.js';
import { accessContextOf } from './people.js';
import { closedSkpPeriods } from './skp-periods.js';
import type { UnitOfWork } from './work.js';

const civil = (date: Date): CivilDate => parseCivilDate(date.toISOString().slice(0, 10)) as CivilDate;
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

export function penetapanStore(db: Reader, work: UnitOfWork): PenetapanStore {
  return {
    async units(agencyId) {
      const units = await db.unit.findMany({
        where: { agencyId },
        select: { id: true, name: true, parentId: true, leader: { select: { id: true, name: true, locale: true, active: true } } },
        orderBy: { name: 'asc' },
      });
      return units;
    },
    async distributionLevel(agencyId) {
      return (await db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { distributionLevel: true } })).distributionLevel;
    },
    accessContext: (actor) => accessContextOf(db, actor, work.now),
    async hasActing(personId, date) {
      const day = dateOf(date);
      return (await db.actingAssignment.count({ where: { actingForId: personId, startsOn: { lte: day }, endsOn: { gte: day } } })) > 0;
    },
    unitPredikat: (unitId, periodKey) => unitPredikatFor(db, unitId, periodKey),
    entries: (unitIds, period, leaderId, alsoIds) => organisationEntries(db, unitIds, period, leaderId, alsoIds),
    insert(row) {
      const { decidedOn, ...fields } = row;
      work.change(`penetapan.insert ${row.id}`, (tx) => tx.predikatPenetapan.create({ data: { ...fields, decidedOn: decidedOn ? dateOf(decidedOn) : null } }));
    },
    establish(evaluationId, change) {
      work.guarded(`evaluation.establish ${evaluationId}`, (tx) =>
        tx.evaluation.updateMany({
          where: { id: evaluationId, status: 'PROPOSED' },
          data: { status: 'FINAL', penetapanId: change.penetapanId, finalizedAt: change.at, curveDeviationReason: change.reason, ...(change.delivered ? { deliveredAt: change.at } : {}) },
        }),
      );
    },
    sendBack(evaluationId, note) {
      work.guarded(`evaluation.sendBack ${evaluationId}`, (tx) => tx.evaluation.updateMany({ where: { id: evaluationId, status: 'PROPOSED' }, data: { status: 'DRAFT', proposedAt: null, returnNote: note } }));
    },
  };
}

/**
 * Everyone in the organisation's units expected in the period's distribution, by name: for the SKP
 * period in force, the active people there today (unless their period in force starts after the
 * evaluation period); for a closed SKP period (a move mid-year), whoever held it in one of these units.
 * The organisation's own leader is rated one level up and belongs to that organisation's distribution;
 * the leaders of the organisations just below (`alsoIds`) belong to this one.
 */
export async function organisationEntries(db: Reader, unitIds: string[], period: Period, leaderId: string | null, alsoIds: string[]): Promise<OrgEntry[]> {
  if (unitIds.length === 0) return [];
  // One query at a time: `db` may be a transaction (see Db in services/db.ts).
  const people = await db.employee.findMany({
    where: { OR: [{ unitId: { in: unitIds } }, { id: { in: alsoIds } }], active: true, ...(leaderId ? { id: { not: leaderId } } : {}) },
    select: { id: true, name: true, agencyId: true },
  });
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { name: true, agencyId: true } });
  const agencyId = units[0]?.agencyId ?? '';
  const closedHere = await db.skpPeriod.findMany({
    where: { year: period.year, unitName: { in: units.map((unit) => unit.name) }, employee: { agencyId }, ...(leaderId ? { employeeId: { not: leaderId } } : {}) },
    select: { id: true, employeeId: true, startsOn: true, endsOn: true, employee: { select: { name: true } } },
  });
  const closedOfPeople = await closedSkpPeriods(db, people.map((p) => p.id), period.year);
  const expected: Omit<OrgEntry, 'evaluation'>[] = [];
  for (const person of people) {
    const inForce = skpPartsOf(period, closedOfPeople.filter((c) => c.employeeId === person.id)).find((part) => part.part === '');
    if (inForce) expected.push({ employeeId: person.id, name: person.name, skpPart: '' });
  }
  for (const closed of closedHere) {
    if (partWithin(period, { part: closed.id, from: civil(closed.startsOn), to: civil(closed.endsOn) })) expected.push({ employeeId: closed.employeeId, name: closed.employee.name, skpPart: closed.id });
  }
  const evaluations = await db.evaluation.findMany({
    where: {
      kind: kindOf(period),
      periodKey: period.key,
      OR: [{ employeeId: { in: people.map((p) => p.id) }, skpPart: '' }, { skpPart: { in: closedHere.map((c) => c.id) } }],
    },
    select: { id: true, employeeId: true, skpPart: true, status: true, predikat: true, updatedAt: true, rater: { select: { id: true, name: true, locale: true } } },
  });
  const byKey = new Map(evaluations.map((e) => [`${e.employeeId} ${e.skpPart}`, e]));
  return expected
    .map((entry): OrgEntry => {
      const found = byKey.get(`${entry.employeeId} ${entry.skpPart}`);
      return { ...entry, evaluation: found ? { id: found.id, status: found.status, predikat: found.predikat, rater: found.rater, updatedAt: found.updatedAt } : null };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
