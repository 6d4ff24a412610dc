/** Unit predikat in PostgreSQL: reads for deciding, the write applied when the unit of work commits. */
import type { Reader } from './db.js';
import { accessContextOf } from './people.js';
import { agencyUnits } from './unit-predikat.js';
import type { UnitPredikatStore } from './unit-predikat-service.js';
import type { UnitOfWork } from './work.js';

export function unitPredikatStore(db: Reader, work: UnitOfWork): UnitPredikatStore {
  return {
    units: (agencyId) => agencyUnits(db, agencyId),
    accessContext: (actor) => accessContextOf(db, actor, work.now),
    current: (unitId, periodKey) => db.unitPredikat.findUnique({ where: { unitId_periodKey: { unitId, periodKey } }, select: { id: true, predikat: true, note: true } }),
    set(row) {
      const { id, unitId, periodKey, decidedOn, ...fields } = row;
      const data = { ...fields, decidedOn: decidedOn ? new Date(`${decidedOn}T00:00:00Z`) : null };
      // Not guarded: setting it again replaces it, whoever was first.
      work.change(`unitPredikat.set ${unitId} ${periodKey}`, (tx) =>
        tx.unitPredikat.upsert({ where: { unitId_periodKey: { unitId, periodKey } }, create: { id, unitId, periodKey, ...data }, update: data }),
      );
    },
  };
}
