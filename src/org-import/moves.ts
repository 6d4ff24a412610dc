/**
 * People who move during the year (mutasi, promotion, a new position, another direct superior): an
 * import that changes a stored employee's unit, superior or position ends their SKP period in force
 * on the day before the effective date (column tanggal_efektif, else the import's date) and a new
 * one starts with the new PPK (src/domain/skp-period.ts). The closed period keeps who rated it then –
 * the PPK and Atasan PPK on its last day, read before the file changes anything – its plans, and the
 * evaluations already drafted or final for it, so the previous rater finishes their part.
 */
import { formatCivilDate, parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import { parsePeriodKey } from '../domain/periods.js';
import { closingOf } from '../domain/skp-period.js';
import { localDate } from '../domain/time-zones.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Reader } from '../services/db.js';
import { ratingIdsFor } from '../services/rating-line.js';
import { uuidv7 } from '../storage/ids.js';
import { unitKey, type OrgRow } from './columns.js';

type Tx = Prisma.TransactionClient;

/** What changed on a row: the words the report and SkpPeriod.reason use. */
export type MoveReason = 'unit' | 'atasan' | 'jabatan';

/** A move that closes an SKP period. */
export interface Move {
  line: number;
  employeeId: string;
  nip: string;
  name: string;
  year: number;
  /** "YYYY-MM-DD": the closed period's first and last day. */
  startsOn: string;
  endsOn: string;
  reasons: MoveReason[];
  raterId: string | null;
  atasanPpkId: string | null;
  supervisorId: string | null;
  positionTitle: string;
  unitName: string;
}

interface StoredPerson {
  id: string;
  nip: string;
  name: string;
  position: string;
  positionType: string;
  timeZone: string;
  supervisorId: string | null;
  supervisorNip: string | null;
  unitName: string;
}

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);
const civilOf = (date: Date): CivilDate => parseCivilDate(date.toISOString().slice(0, 10)) as CivilDate;

/**
 * The moves `rows` make, read from the database as it is before the import writes anything. A row
 * whose effective date is the first day of the SKP period in force (or earlier) corrects data and
 * closes nothing.
 */
export async function findMoves(db: Reader, agencyId: string, rows: OrgRow[], now: Date): Promise<Move[]> {
  if (rows.length === 0) return [];
  // The agency's active people in one pass (an IN list of 50,000 NIPs would pass PostgreSQL's
  // parameter limit; Prisma's nested selects would cost seconds on a repeated 50,000-row import).
  const stored = await db.$queryRaw<StoredPerson[]>`
    SELECT e.id, e.nip, e.name, e.position, e."positionType"::text AS "positionType", e."timeZone", e."supervisorId",
           s.nip AS "supervisorNip", u.name AS "unitName"
    FROM "Employee" e JOIN "Unit" u ON u.id = e."unitId" LEFT JOIN "Employee" s ON s.id = e."supervisorId"
    WHERE e."agencyId" = ${agencyId} AND e.active`;
  const byNip = new Map(stored.map((employee) => [employee.nip, employee]));
  const candidates: (Omit<Move, 'startsOn' | 'endsOn' | 'year' | 'raterId' | 'atasanPpkId'> & { effective: CivilDate })[] = [];
  for (const row of rows) {
    const employee = byNip.get(row.nip);
    if (!employee) continue;
    const reasons: MoveReason[] = [];
    if (unitKey(row.unit) !== unitKey(employee.unitName)) reasons.push('unit');
    if (row.supervisorNip !== employee.supervisorNip) reasons.push('atasan');
    if (row.position !== employee.position || row.positionType !== employee.positionType) reasons.push('jabatan');
    if (reasons.length === 0) continue;
    const effective = row.effectiveDate ? (parseCivilDate(row.effectiveDate) as CivilDate) : localDate(now, employee.timeZone);
    const { id: employeeId, nip, name, supervisorId, position: positionTitle } = employee;
    candidates.push({ line: row.line, employeeId, nip, name, reasons, supervisorId, positionTitle, unitName: employee.unitName, effective });
  }
  if (candidates.length === 0) return [];
  const closed = await db.skpPeriod.findMany({ where: { employeeId: { in: candidates.map((c) => c.employeeId) } }, select: { id: true, employeeId: true, startsOn: true, endsOn: true } });
  const moves: Move[] = [];
  for (const { effective, ...candidate } of candidates) {
    const own = closed.filter((period) => period.employeeId === candidate.employeeId).map((period) => ({ id: period.id, startsOn: civilOf(period.startsOn), endsOn: civilOf(period.endsOn) }));
    const closing = closingOf(effective, own);
    if (!closing) continue;
    const endsOn = formatCivilDate(closing.endsOn);
    // Who rated the period on its last day: the rating line before this file changes it.
    const line = await ratingIdsFor(db, candidate.employeeId, endsOn);
    moves.push({ ...candidate, year: closing.startsOn.year, startsOn: formatCivilDate(closing.startsOn), endsOn, raterId: line.ppkId, atasanPpkId: line.atasanPpkId });
  }
  return moves;
}

/**
 * Records each closed SKP period, and hands it what belongs to it: the plan versions of the period
 * (no longer the SKP in force) and the evaluations of calendar periods that began before the move.
 */
export async function closeSkpPeriods(tx: Tx, agencyId: string, moves: Move[]): Promise<void> {
  for (const move of moves) {
    const id = uuidv7();
    await tx.skpPeriod.create({
      data: {
        id,
        employeeId: move.employeeId,
        year: move.year,
        startsOn: asDate(move.startsOn),
        endsOn: asDate(move.endsOn),
        raterId: move.raterId,
        atasanPpkId: move.atasanPpkId,
        supervisorId: move.supervisorId,
        positionTitle: move.positionTitle,
        unitName: move.unitName,
        reason: move.reasons.join(','),
      },
    });
    await tx.plan.updateMany({ where: { employeeId: move.employeeId, year: move.year, periodEnd: null }, data: { periodEnd: asDate(move.endsOn) } });
    const evaluations = await tx.evaluation.findMany({ where: { employeeId: move.employeeId, year: move.year, skpPart: '' }, select: { id: true, periodKey: true } });
    const before = evaluations.filter((evaluation) => {
      const period = parsePeriodKey(evaluation.periodKey);
      return period && formatCivilDate(period.start) <= move.endsOn;
    });
    if (before.length > 0) await tx.evaluation.updateMany({ where: { id: { in: before.map((e) => e.id) } }, data: { skpPart: id } });
    await tx.auditLog.create({
      data: {
        agencyId,
        actorLabel: 'cli',
        action: 'skp.period.closed',
        entityType: 'Employee',
        entityId: move.employeeId,
        details: { skpPeriodId: id, startsOn: move.startsOn, endsOn: move.endsOn, reasons: move.reasons, raterId: move.raterId, evaluations: before.length },
      },
    });
  }
}
