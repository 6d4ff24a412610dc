/**
 * In-memory stores of evaluations and unit predikat over a MemoryWorld, with the same contracts as
 * src/services/evaluation-store.ts and unit-predikat-store.ts: reads now, writes when the unit of
 * work is committed, status writes guarded the same way. The rules (team status, curve, decider)
 * are src's own; these stores only answer the reads they are built on.
 */
import { isActingOn, unitPathsOf } from '../../src/domain/access.js';
import type { EmployeePredikat, Rating, UnitPredikat } from '../../src/domain/rating-matrix.js';
import type { EvaluationStatus } from '../../src/generated/prisma/enums.js';
import type { EvaluationSettings, EvaluationStore, Reachability, RecordedEvaluation } from '../../src/services/evaluation-service.js';
import { deciderIdOf, kindOf } from '../../src/services/evaluations.js';
import type { PersonRef } from '../../src/services/events.js';
import { todayFor } from '../../src/services/people.js';
import type { UnitPredikatStore, UnitRecord } from '../../src/services/unit-predikat-service.js';
import type { UnitOfWork } from '../../src/services/work.js';
import type { StoredSkpPeriod } from '../../src/services/skp-periods.js';
import { parsePeriodKey } from '../../src/domain/periods.js';
import { skpPartsOf } from '../../src/domain/skp-period.js';
import type { MemoryRows } from './memory-stores.js';

export interface EvaluationRow {
  id: string;
  employeeId: string;
  raterId: string;
  kind: 'PERIODIC' | 'ANNUAL';
  year: number;
  periodKey: string;
  skpPart: string;
  resultsRating: Rating | null;
  behaviourRating: Rating | null;
  predikat: EmployeePredikat | null;
  notes: string | null;
  feedback: string | null;
  status: EvaluationStatus;
  curveDeviationReason: string | null;
  finalizedAt: Date | null;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
  updatedAt: Date;
  /** Set when HR recorded an official's evaluation. */
  recordedFor?: RecordedEvaluation;
}

/** A unit predikat as the store writes it (the service's row). */
export type UnitPredikatRow = Parameters<UnitPredikatStore['set']>[0];

/** Evaluations, unit predikat, unit names and leaders, and who cannot be reached – kept beside a MemoryRows. */
export class EvaluationRows {
  readonly evaluations = new Map<string, EvaluationRow>();
  /** Keyed by `${unitId} ${periodKey}` (one per unit and period). */
  readonly unitPredikats = new Map<string, UnitPredikatRow>();
  /** The world's units: Rina leads the Bidang, Sri the Seksi (Andi and Budi), Dewi the other Seksi. */
  readonly units = new Map<string, { name: string; leaderId: string | null }>([
    ['root', { name: 'Bidang Aplikasi', leaderId: 'rina' }],
    ['seksi', { name: 'Seksi Pengembangan', leaderId: 'sri' }],
    ['other', { name: 'Seksi Layanan', leaderId: 'dewi' }],
  ]);
  /** People without a reachable chat account. */
  readonly unreachable = new Set<string>();
  /** SKP periods closed by a move (src/domain/skp-period.ts). */
  readonly skpPeriods: StoredSkpPeriod[] = [];
  settings: EvaluationSettings = { periodCadence: 'QUARTERLY', evaluationOpensDays: 14, evaluationClosesDays: 30, finalEvaluation: 'TAHUNAN' };
  /** Like PostgreSQL's @updatedAt: every write gets a later instant, even within one decision's `now`. */
  private clock = 0;

  constructor(readonly rows: MemoryRows) {}

  touch(now: Date): Date {
    this.clock = Math.max(this.clock + 1, now.getTime());
    return new Date(this.clock);
  }

  /** A stored evaluation, for tests to start from. */
  add(row: Partial<EvaluationRow> & Pick<EvaluationRow, 'employeeId' | 'periodKey'>): EvaluationRow {
    const stored: EvaluationRow = {
      id: this.rows.world.newId(),
      raterId: this.rows.world.member(row.employeeId).supervisorId ?? '',
      kind: /^\d{4}$/.test(row.periodKey) ? 'ANNUAL' : 'PERIODIC',
      year: Number(row.periodKey.slice(0, 4)),
      skpPart: '',
      resultsRating: 'SESUAI',
      behaviourRating: 'SESUAI',
      predikat: 'BAIK',
      notes: null,
      feedback: null,
      status: 'DRAFT',
      curveDeviationReason: null,
      finalizedAt: null,
      deliveredAt: null,
      acknowledgedAt: null,
      updatedAt: this.touch(this.rows.world.now),
      ...row,
    };
    this.evaluations.set(stored.id, stored);
    return stored;
  }

  /** Sets a unit's predikat directly, for tests to start from. */
  setUnitPredikat(unitId: string, periodKey: string, predikat: UnitPredikat): void {
    this.unitPredikats.set(`${unitId} ${periodKey}`, {
      id: this.rows.world.newId(),
      unitId,
      periodKey,
      predikat,
      note: null,
      setById: 'rina',
      decidedById: 'rina',
      basis: /^\d{4}$/.test(periodKey) ? 'PERJANJIAN_KINERJA' : 'RENCANA_AKSI',
      documentNumber: null,
      decidedOn: null,
    });
  }

  /** The evaluation of an employee for a period key. */
  of(employeeId: string, periodKey: string): EvaluationRow | undefined {
    return [...this.evaluations.values()].find((e) => e.employeeId === employeeId && e.periodKey === periodKey);
  }

  /** The units an employee leads, by name. */
  ledBy(employeeId: string): { id: string; name: string }[] {
    return [...this.units.entries()]
      .filter(([, unit]) => unit.leaderId === employeeId)
      .map(([id, unit]) => ({ id, name: unit.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

const attached = new WeakMap<MemoryRows, EvaluationRows>();

/** The evaluation rows kept beside `rows` (made on first use). */
export function evaluationRows(rows: MemoryRows): EvaluationRows {
  let found = attached.get(rows);
  if (!found) attached.set(rows, (found = new EvaluationRows(rows)));
  return found;
}

export function memoryEvaluations(rows: MemoryRows, work: UnitOfWork): EvaluationStore {
  const data = evaluationRows(rows);
  const { world } = rows;
  const person = (id: string): PersonRef => rows.ref(id);
  /** The officials outside the bot in an employee's line: those recorded for them, when nobody in the world rates them. */
  const officialsOutside = (employeeId: string) => {
    const ids = world.ratingIds(employeeId);
    return { ppk: ids.ppkId ? null : (world.externalPpks.get(employeeId) ?? null), atasanPpk: ids.atasanPpkId ? null : (world.externalAtasanPpks.get(employeeId) ?? null) };
  };
  /** Whether `actor` is `personId` or acts for them today. */
  const standsForIn = (actor: { id: string; timeZone: string }) => (personId: string) =>
    actor.id === personId || world.acting.some((a) => a.actingEmployeeId === actor.id && a.actingForId === personId && isActingOn(a, todayFor(actor, work.now)));
  const unitPredikat = (unitId: string, periodKey: string) => data.unitPredikats.get(`${unitId} ${periodKey}`)?.predikat ?? null;
  /** A guarded write: changes the row when `applies`, and says how many rows it changed. */
  const guarded = (what: string, id: string, applies: (row: EvaluationRow) => boolean, change: (row: EvaluationRow) => void) =>
    work.guarded(`${what} ${id}`, () => {
      const row = data.evaluations.get(id);
      if (!row || !applies(row)) return Promise.resolve(0);
      change(row);
      row.updatedAt = data.touch(work.now);
      return Promise.resolve(1);
    });
  return {
    reports(me) {
      const today = todayFor(me, work.now);
      const actingFor = world.acting.filter((a) => a.actingEmployeeId === me.id && isActingOn(a, today)).map((a) => a.actingForId);
      return Promise.resolve(
        [...world.people.values()]
          .filter((p) => p.active && p.id !== me.id && p.supervisorId !== null && [me.id, ...actingFor].includes(p.supervisorId))
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((p) => ({ id: p.id, name: p.name, nip: p.nip, position: p.position, supervisorId: p.supervisorId ?? me.id, acting: p.supervisorId !== me.id, rater: world.ratingIds(p.id).ppkId === p.supervisorId })),
      );
    },
    evaluations(employeeIds, period) {
      return Promise.resolve(
        [...data.evaluations.values()]
          .filter((e) => employeeIds.includes(e.employeeId) && e.kind === kindOf(period) && e.periodKey === period.key)
          .map((e) => ({
            id: e.id,
            employeeId: e.employeeId,
            skpPart: e.skpPart,
            status: e.status,
            raterId: e.raterId,
            predikat: e.predikat,
            resultsRating: e.resultsRating,
            behaviourRating: e.behaviourRating,
            updatedAt: e.updatedAt,
            rater: { name: world.member(e.raterId).name },
          })),
      );
    },
    ledUnitPredikat(employeeId, periodKey) {
      for (const unit of data.ledBy(employeeId)) {
        const predikat = unitPredikat(unit.id, periodKey);
        if (predikat) return Promise.resolve({ unit: unit.name, predikat });
      }
      return Promise.resolve(null);
    },
    teamUnit(leaderId) {
      const unitId = world.member(leaderId).unitId;
      return Promise.resolve(data.ledBy(leaderId)[0] ?? { id: unitId, name: data.units.get(unitId)?.name ?? unitId });
    },
    unitPredikat: (unitId, periodKey) => Promise.resolve(unitPredikat(unitId, periodKey)),
    closedSkpPeriods: (employeeIds, year) => Promise.resolve(data.skpPeriods.filter((p) => employeeIds.includes(p.employeeId) && p.startsOn.year === year)),
    closedRatedBy(me, year) {
      const standsFor = standsForIn(me);
      return Promise.resolve(
        data.skpPeriods
          .filter((p) => p.startsOn.year === year && p.raterId && p.raterActive && standsFor(p.raterId))
          .map((p) => {
            const employee = world.member(p.employeeId);
            return { ...p, employee: { id: employee.id, name: employee.name, nip: employee.nip, position: employee.position } };
          }),
      );
    },
    closedPeriodsOf: (employeeId, year) => Promise.resolve(data.skpPeriods.filter((p) => p.employeeId === employeeId && p.startsOn.year === year)),
    ratesClosedPeriod: (actor, period) =>
      Promise.resolve(period.raterId && period.raterActive ? standsForIn(actor)(period.raterId) : world.ratingIds(period.employeeId).ppkId === actor.id),
    settings: () => Promise.resolve(data.settings),
    find(id) {
      const row = data.evaluations.get(id);
      return Promise.resolve(row ? { id, status: row.status, periodKey: row.periodKey, employee: person(row.employeeId), rater: person(row.raterId) } : null);
    },
    ofPeriod(employeeId, period, skpPart) {
      const row = [...data.evaluations.values()].find((e) => e.employeeId === employeeId && e.kind === kindOf(period) && e.periodKey === period.key && e.skpPart === skpPart);
      return Promise.resolve(row ? { id: row.id, status: row.status } : null);
    },
    person: (id) => Promise.resolve(world.people.has(id) ? { ...person(id), supervisorId: world.member(id).supervisorId, timeZone: world.member(id).timeZone } : null),
    officialsOutside: (employeeId) => Promise.resolve(officialsOutside(employeeId)),
    insertRecorded(row) {
      work.guarded(`evaluation.record ${row.id}`, () => {
        if ([...data.evaluations.values()].some((e) => e.employeeId === row.employeeId && e.kind === row.kind && e.periodKey === row.periodKey && e.skpPart === '')) return Promise.resolve(0);
        const { at, delivered, officialId, documentNumber, decidedOn, ...rest } = row;
        const official = [...world.externalPpks.values()].find((o) => o.id === officialId);
        data.evaluations.set(row.id, {
          ...rest,
          skpPart: '',
          status: 'FINAL',
          curveDeviationReason: null,
          finalizedAt: at,
          deliveredAt: delivered ? at : null,
          acknowledgedAt: null,
          updatedAt: data.touch(work.now),
          recordedFor: { name: official?.name ?? '', title: official?.title ?? '', documentNumber, decidedOn },
        });
        return Promise.resolve(1);
      });
    },
    result(id) {
      const row = data.evaluations.get(id);
      if (!row) return Promise.resolve(null);
      const employee = world.member(row.employeeId);
      const closed = data.skpPeriods.find((p) => p.id === row.skpPart);
      const atasanPpkId = closed ? closed.atasanPpkId : world.ratingIds(row.employeeId).atasanPpkId;
      const deciderId = deciderIdOf({ employeeId: row.employeeId, raterId: row.raterId, atasanPpkId });
      const { resultsRating, behaviourRating, predikat, notes, feedback, periodKey } = row;
      const period = parsePeriodKey(periodKey);
      const own = data.skpPeriods.filter((p) => p.employeeId === row.employeeId);
      const skp = period && own.length > 0 ? (skpPartsOf(period, own).find((p) => p.part === row.skpPart) ?? null) : null;
      return Promise.resolve({
        id,
        periodKey,
        skp,
        deciderOutside: deciderId ? null : officialsOutside(row.employeeId).atasanPpk,
        recordedFor: row.recordedFor ?? null,
        resultsRating,
        behaviourRating,
        predikat,
        notes,
        feedback,
        employee: person(employee.id),
        rater: person(row.raterId),
        decider: deciderId ? person(deciderId) : null,
        employeeTimeZone: employee.timeZone,
        employeeAgencyId: employee.agencyId,
      });
    },
    waiting(employeeId) {
      return Promise.resolve(
        [...data.evaluations.values()]
          .filter((e) => e.employeeId === employeeId && e.status === 'FINAL' && e.deliveredAt === null)
          .sort((a, b) => (a.finalizedAt?.getTime() ?? 0) - (b.finalizedAt?.getTime() ?? 0))
          .map((e) => e.id),
      );
    },
    insertDraft(row) {
      work.guarded(`evaluation.draft ${row.id}`, () => {
        if ([...data.evaluations.values()].some((e) => e.employeeId === row.employeeId && e.kind === row.kind && e.periodKey === row.periodKey && e.skpPart === row.skpPart)) return Promise.resolve(0);
        data.evaluations.set(row.id, {
          ...row,
          status: 'DRAFT',
          curveDeviationReason: null,
          finalizedAt: null,
          deliveredAt: null,
          acknowledgedAt: null,
          updatedAt: data.touch(work.now),
        });
        return Promise.resolve(1);
      });
    },
    redraft(id, fields) {
      guarded('evaluation.redraft', id, (row) => row.status === 'DRAFT', (row) => Object.assign(row, fields));
    },
    propose(id, change) {
      guarded('evaluation.propose', id, (row) => row.status === 'DRAFT' && row.raterId === change.raterId, (row) => Object.assign(row, { status: 'PROPOSED' }));
    },
    acknowledge(id, at) {
      guarded('evaluation.acknowledge', id, (row) => row.status === 'FINAL', (row) => Object.assign(row, { status: 'ACKNOWLEDGED', acknowledgedAt: at }));
    },
    markDelivered(id, at) {
      guarded('evaluation.delivered', id, (row) => row.deliveredAt === null, (row) => Object.assign(row, { deliveredAt: at }));
    },
  };
}

/** Everyone can be reached but the people in `evaluationRows(rows).unreachable`. */
export function memoryReachability(rows: MemoryRows): Reachability {
  return { reachable: (employeeId) => Promise.resolve(!evaluationRows(rows).unreachable.has(employeeId)) };
}

export function memoryUnitPredikats(rows: MemoryRows, work: UnitOfWork): UnitPredikatStore {
  const data = evaluationRows(rows);
  const { world } = rows;
  return {
    units(agencyId) {
      const paths = unitPathsOf([...world.units.values()]);
      return Promise.resolve(
        [...world.units.values()]
          .map((unit): UnitRecord => {
            const leaderId = data.units.get(unit.id)?.leaderId ?? null;
            return {
              id: unit.id,
              name: data.units.get(unit.id)?.name ?? unit.id,
              agencyId,
              leaderId,
              leaderSupervisorId: leaderId ? world.member(leaderId).supervisorId : null,
              unitPath: paths.get(unit.id) ?? [],
              leader: leaderId ? rows.ref(leaderId) : null,
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    },
    accessContext: (actor) =>
      Promise.resolve({
        date: todayFor(actor, work.now),
        actingAssignments: world.acting.filter((a) => a.actingEmployeeId === actor.id),
        hrRoles: world.hrRoles.filter((role) => role.employeeId === actor.id),
      }),
    current: (unitId, periodKey) => Promise.resolve(data.unitPredikats.get(`${unitId} ${periodKey}`) ?? null),
    set(row) {
      // Not guarded, as in PostgreSQL: setting it again replaces it.
      work.change(`unitPredikat.set ${row.unitId} ${row.periodKey}`, () => {
        const key = `${row.unitId} ${row.periodKey}`;
        const existing = data.unitPredikats.get(key);
        data.unitPredikats.set(key, { ...row, id: existing?.id ?? row.id });
        return Promise.resolve();
      });
    },
  };
}
