/**
 * The penetapan store in memory, over a MemoryWorld and its evaluation rows, with the contract of
 * src/services/penetapan-store.ts: reads now, writes when the unit of work commits, status writes
 * guarded. Closed SKP periods are left to the PostgreSQL tests; here everyone is in their period in force.
 */
import { isActingOn } from '../../src/domain/access.js';
import { kindOf } from '../../src/services/evaluations.js';
import type { OrgEntry, PenetapanStore } from '../../src/services/penetapan-service.js';
import { todayFor } from '../../src/services/people.js';
import type { UnitOfWork } from '../../src/services/work.js';
import { evaluationRows } from './memory-evaluations.js';
import type { MemoryRows } from './memory-stores.js';

/** A penetapan as the store writes it. */
export type PenetapanRow = Parameters<PenetapanStore['insert']>[0];

const inserted = new WeakMap<MemoryRows, PenetapanRow[]>();
/** The agency's distribution level per world (default 1). */
export const distributionLevels = new WeakMap<MemoryRows, number>();

/** The penetapan rows written beside `rows`. */
export function penetapanRows(rows: MemoryRows): PenetapanRow[] {
  let found = inserted.get(rows);
  if (!found) inserted.set(rows, (found = []));
  return found;
}

export function memoryPenetapan(rows: MemoryRows, work: UnitOfWork): PenetapanStore {
  const data = evaluationRows(rows);
  const { world } = rows;
  const guarded = (what: string, id: string, applies: (status: string) => boolean, change: (row: NonNullable<ReturnType<typeof data.evaluations.get>>) => void) =>
    work.guarded(`${what} ${id}`, () => {
      const row = data.evaluations.get(id);
      if (!row || !applies(row.status)) return Promise.resolve(0);
      change(row);
      row.updatedAt = data.touch(work.now);
      return Promise.resolve(1);
    });
  return {
    units: () =>
      Promise.resolve(
        [...world.units.values()].map((unit) => {
          const named = data.units.get(unit.id);
          const leader = named?.leaderId ? world.people.get(named.leaderId) : undefined;
          return { id: unit.id, name: named?.name ?? unit.id, parentId: unit.parentId, leader: leader ? { ...rows.ref(leader.id), active: leader.active } : null };
        }),
      ),
    distributionLevel: () => Promise.resolve(distributionLevels.get(rows) ?? 1),
    accessContext: (actor) =>
      Promise.resolve({
        date: todayFor(actor, work.now),
        actingAssignments: world.acting.filter((a) => a.actingEmployeeId === actor.id),
        hrRoles: world.hrRoles.filter((role) => role.employeeId === actor.id),
      }),
    hasActing: (personId, date) => Promise.resolve(world.acting.some((a) => a.actingForId === personId && isActingOn(a, date))),
    unitPredikat: (unitId, periodKey) => Promise.resolve(data.unitPredikats.get(`${unitId} ${periodKey}`)?.predikat ?? null),
    entries(unitIds, period, leaderId, alsoIds) {
      const people = [...world.people.values()].filter((p) => p.active && (unitIds.includes(p.unitId) || alsoIds.includes(p.id)) && p.id !== leaderId);
      const entries = people.map((person): OrgEntry => {
        const found = [...data.evaluations.values()].find((e) => e.employeeId === person.id && e.skpPart === '' && e.kind === kindOf(period) && e.periodKey === period.key);
        return {
          employeeId: person.id,
          name: person.name,
          skpPart: '',
          evaluation: found ? { id: found.id, status: found.status, predikat: found.predikat, rater: rows.ref(found.raterId), updatedAt: found.updatedAt } : null,
        };
      });
      return Promise.resolve(entries.sort((a, b) => a.name.localeCompare(b.name)));
    },
    insert(row) {
      work.change(`penetapan.insert ${row.id}`, () => {
        penetapanRows(rows).push(row);
        return Promise.resolve();
      });
    },
    establish(evaluationId, change) {
      guarded('evaluation.establish', evaluationId, (status) => status === 'PROPOSED', (row) =>
        Object.assign(row, { status: 'FINAL', finalizedAt: change.at, curveDeviationReason: change.reason, ...(change.delivered ? { deliveredAt: change.at } : {}) }),
      );
    },
    sendBack(evaluationId) {
      guarded('evaluation.sendBack', evaluationId, (status) => status === 'PROPOSED', (row) => Object.assign(row, { status: 'DRAFT' }));
    },
  };
}
