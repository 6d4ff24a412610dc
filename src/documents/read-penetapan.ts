/** Reads one penetapan for its document: the organisation, the people it made final, who established or recorded it. */
import { parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import { localDate } from '../domain/time-zones.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import type { Reader } from '../services/db.js';
import type { PenetapanDocumentData } from './penetapan-document.js';

const personSelect = { name: true, nip: true, rank: true, position: true, active: true, unit: { select: { name: true } } } as const;

export async function readPenetapanDocument(db: Reader, penetapanId: string): Promise<PenetapanDocumentData | null> {
  const row = await db.predikatPenetapan.findUnique({
    where: { id: penetapanId },
    include: {
      unit: { select: { name: true, agency: { select: { name: true, timeZone: true } } } },
      evaluations: { select: { predikat: true, employee: { select: { name: true, nip: true, position: true } }, rater: { select: { name: true } } }, orderBy: { employee: { name: 'asc' } } },
    },
  });
  if (!row) return null;
  // One query at a time: `db` may be a transaction (see Db in services/db.ts).
  const leader = row.establishedById ? await db.employee.findUnique({ where: { id: row.establishedById }, select: personSelect }) : null;
  const recorder = row.recordedById ? await db.employee.findUnique({ where: { id: row.recordedById }, select: { name: true } }) : null;
  const period = parsePeriodKey(row.periodKey);
  const establishedOn: CivilDate = row.decidedOn ? (parseCivilDate(row.decidedOn.toISOString().slice(0, 10)) as CivilDate) : localDate(row.createdAt, row.unit.agency.timeZone);
  return {
    agency: row.unit.agency.name,
    organisation: row.unit.name,
    period: period ? periodLabel(period, 'id') : row.periodKey,
    unitPredikat: row.unitPredikat,
    people: row.evaluations.map((e) => ({ name: e.employee.name, nip: e.employee.nip, position: e.employee.position, predikat: e.predikat, rater: e.rater.name })),
    reason: row.deviationReason,
    establishedOn,
    leader: leader ? { name: leader.name, nip: leader.nip, rank: leader.rank, position: leader.position, unit: leader.unit.name, ...(leader.active ? {} : { inactive: true }) } : null,
    recorded: recorder ? { hr: recorder.name, documentNumber: row.documentNumber } : null,
  };
}
