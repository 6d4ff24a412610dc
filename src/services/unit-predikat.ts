/**
 * Predikat Kinerja Organisasi: who may set a unit's predikat for a period (the leader one level up,
 * whoever acts for them, or HR covering the unit – never the unit's own leader, whose results
 * rating it becomes), and the periods offered for it.
 */
import { canSetUnitPredikat, unitPathsOf, type UnitForPredikat, type UnitPredikatDecision } from '../domain/access.js';
import { parseCivilDate } from '../domain/civil-date.js';
import { annualPeriod, periodOfDate, previousPeriod, type Period } from '../domain/periods.js';
import type { Reader } from './db.js';
import { accessContextOf, todayFor, type Member } from './people.js';

/** Every unit of the agency with what the access rule needs, keyed by id. */
async function agencyUnits(db: Reader, agencyId: string): Promise<Map<string, UnitForPredikat & { name: string }>> {
  const units = await db.unit.findMany({
    where: { agencyId },
    select: { id: true, name: true, parentId: true, leaderId: true, leader: { select: { supervisorId: true } } },
    orderBy: { name: 'asc' },
  });
  const paths = unitPathsOf(units);
  return new Map(
    units.map((unit) => [
      unit.id,
      { id: unit.id, name: unit.name, agencyId, leaderId: unit.leaderId, leaderSupervisorId: unit.leader?.supervisorId ?? null, unitPath: paths.get(unit.id) ?? [] },
    ]),
  );
}

/** Whether `me` may set the predikat of `unitId`. */
export async function decideUnitPredikat(db: Reader, me: Member, unitId: string, now: Date): Promise<UnitPredikatDecision> {
  const unit = (await agencyUnits(db, me.agencyId)).get(unitId);
  if (!unit) return { allowed: false, reason: 'OTHER_AGENCY' };
  return canSetUnitPredikat(me, unit, await accessContextOf(db, me, now));
}

/** The units whose predikat `me` may set, by name. */
export async function settableUnits(db: Reader, me: Member, now: Date): Promise<{ id: string; name: string }[]> {
  const ctx = await accessContextOf(db, me, now);
  return [...(await agencyUnits(db, me.agencyId)).values()].filter((unit) => canSetUnitPredikat(me, unit, ctx).allowed).map(({ id, name }) => ({ id, name }));
}

/** The periods a predikat is usually set for now: the current and the previous periodic period, and this year and last year's annual one. */
export async function predikatPeriods(db: Reader, me: Member, now: Date): Promise<Period[]> {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: me.agencyId }, select: { periodCadence: true } });
  const today = parseCivilDate(todayFor(me, now))!;
  const current = periodOfDate(today, agency.periodCadence);
  return [current, previousPeriod(current), annualPeriod(today.year), annualPeriod(today.year - 1)];
}
