/**
 * Predikat Kinerja Organisasi, the reads: every unit of an agency with what the rule of who sets
 * its predikat needs (the rule itself lives in unit-predikat-service.ts), and the periods offered.
 */
import { unitPathsOf } from '../domain/access.js';
import { parseCivilDate } from '../domain/civil-date.js';
import { annualPeriod, periodOfDate, previousPeriod, type Period } from '../domain/periods.js';
import type { Reader } from './db.js';
import { todayFor, type Member } from './people.js';
import type { UnitRecord } from './unit-predikat-service.js';

/** Every unit of the agency with what the access rule needs and its leader, by name. */
export async function agencyUnits(db: Reader, agencyId: string): Promise<UnitRecord[]> {
  const units = await db.unit.findMany({
    where: { agencyId },
    select: { id: true, name: true, parentId: true, leaderId: true, leader: { select: { id: true, name: true, locale: true, supervisorId: true } } },
    orderBy: { name: 'asc' },
  });
  const paths = unitPathsOf(units);
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    agencyId,
    leaderId: unit.leaderId,
    leaderSupervisorId: unit.leader?.supervisorId ?? null,
    unitPath: paths.get(unit.id) ?? [],
    leader: unit.leader ? { id: unit.leader.id, name: unit.leader.name, locale: unit.leader.locale } : null,
  }));
}

/** The periods a predikat is usually set for now: the current and the previous periodic period, and this year and last year's annual one. */
export async function predikatPeriods(db: Reader, me: Member, now: Date): Promise<Period[]> {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: me.agencyId }, select: { periodCadence: true } });
  const today = parseCivilDate(todayFor(me, now))!;
  const current = periodOfDate(today, agency.periodCadence);
  return [current, previousPeriod(current), annualPeriod(today.year), annualPeriod(today.year - 1)];
}
