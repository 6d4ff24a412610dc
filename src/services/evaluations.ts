/**
 * Evaluations as the rater works on them: which periods are open, who in the rater's team is rated,
 * the unit whose predikat limits the team's spread (the curve), and the final result after a
 * keberatan. The team is the rater's reports (direct, and through a Plt/Plh assignment); the unit is
 * the one the rater leads, or else the rater's own unit.
 */
import { parseCivilDate } from '../domain/civil-date.js';
import { checkCurve, type CurveResult } from '../domain/distribution-curve.js';
import { openEvaluationPeriods, windowState } from '../domain/evaluation-window.js';
import { periodOfDate, type Period } from '../domain/periods.js';
import type { EmployeePredikat, Rating, UnitPredikat } from '../domain/rating-matrix.js';
import type { Db } from './db.js';
import { reportsOf, todayFor, type Member, type Report } from './people.js';

/** Evaluation kind of a period: a year is the annual evaluation. */
export function kindOf(period: Period): 'PERIODIC' | 'ANNUAL' {
  return period.kind === 'YEAR' ? 'ANNUAL' : 'PERIODIC';
}

/** The agency's evaluation settings. */
export async function agencySettings(db: Db, agencyId: string) {
  return db.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { periodCadence: true, objectionDays: true, evaluationOpensDays: true, evaluationClosesDays: true },
  });
}

/** The periods whose evaluation window is open today, and the next one to open (for the message when none is). */
export async function evaluationPeriods(db: Db, me: Member, now: Date): Promise<{ open: Period[]; next: Period }> {
  const agency = await agencySettings(db, me.agencyId);
  const setting = { opensBeforeEnd: agency.evaluationOpensDays, closesAfterEnd: agency.evaluationClosesDays };
  const today = parseCivilDate(todayFor(me, now))!;
  return { open: openEvaluationPeriods(today, agency.periodCadence, setting), next: periodOfDate(today, agency.periodCadence) };
}

/** Whether `period` may be evaluated today by `me`'s agency. */
export async function isOpenForEvaluation(db: Db, me: Member, period: Period, now: Date): Promise<boolean> {
  const agency = await agencySettings(db, me.agencyId);
  const today = parseCivilDate(todayFor(me, now))!;
  return windowState(period, today, { opensBeforeEnd: agency.evaluationOpensDays, closesAfterEnd: agency.evaluationClosesDays }) === 'OPEN';
}

/** A report with their evaluation for the period, if any. */
export interface TeamMember extends Report {
  evaluation: {
    id: string;
    status: string;
    predikat: EmployeePredikat | null;
    resultsRating: Rating | null;
    behaviourRating: Rating | null;
  } | null;
}

/** The rater's team for a period with each one's evaluation; not yet evaluated first, then by name. */
export async function teamEvaluations(db: Db, me: Member, period: Period, now: Date): Promise<TeamMember[]> {
  const reports = await reportsOf(db, me, now);
  const evaluations = await db.evaluation.findMany({
    where: { employeeId: { in: reports.map((r) => r.id) }, kind: kindOf(period), periodKey: period.key },
    select: { id: true, employeeId: true, status: true, predikat: true, resultsRating: true, behaviourRating: true },
  });
  const byEmployee = new Map(evaluations.map((e) => [e.employeeId, e]));
  const team = reports.map((report) => ({ ...report, evaluation: byEmployee.get(report.id) ?? null }));
  return [...team.filter((m) => !m.evaluation), ...team.filter((m) => m.evaluation)];
}

/** The unit whose predikat applies to the rater's team: the unit the rater leads, else their own. */
export async function teamUnit(db: Db, me: Member): Promise<{ id: string; name: string }> {
  const led = await db.unit.findFirst({ where: { leaderId: me.id }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return led ?? { id: me.unitId, name: me.unitName };
}

/** A unit's predikat for a period, if set. */
export async function unitPredikatFor(db: Db, unitId: string, periodKey: string): Promise<UnitPredikat | null> {
  return (await db.unitPredikat.findUnique({ where: { unitId_periodKey: { unitId, periodKey } }, select: { predikat: true } }))?.predikat ?? null;
}

/** The unit an employee leads with its predikat for the period: the unit-leader rule applies when found. */
export async function ledUnitPredikat(db: Db, employeeId: string, periodKey: string): Promise<{ unit: string; predikat: UnitPredikat } | null> {
  const units = await db.unit.findMany({ where: { leaderId: employeeId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  for (const unit of units) {
    const predikat = await unitPredikatFor(db, unit.id, periodKey);
    if (predikat) return { unit: unit.name, predikat };
  }
  return null;
}

/** Where the team stands: who is not rated yet, and – once everyone is – the curve check. */
export interface TeamStatus {
  team: TeamMember[];
  unrated: TeamMember[];
  unit: { id: string; name: string };
  unitPredikat: UnitPredikat | null;
  /** Null until everyone is rated, or when the unit's predikat is not set. */
  curve: CurveResult | null;
}

export async function teamStatus(db: Db, me: Member, period: Period, now: Date): Promise<TeamStatus> {
  const team = await teamEvaluations(db, me, period, now);
  const unrated = team.filter((m) => !m.evaluation?.predikat);
  const unit = await teamUnit(db, me);
  const unitPredikat = await unitPredikatFor(db, unit.id, period.key);
  const predikats = team.map((m) => m.evaluation?.predikat).filter((p): p is EmployeePredikat => !!p);
  const curve = unrated.length === 0 && unitPredikat ? checkCurve(unitPredikat, predikats) : null;
  return { team, unrated, unit, unitPredikat, curve };
}

/** The result that stands: the superior's changed result after a keberatan, else the rater's. */
export function finalResult(evaluation: {
  resultsRating: Rating | null;
  behaviourRating: Rating | null;
  predikat: EmployeePredikat | null;
  objection?: { decision: string | null; changedResultsRating: Rating | null; changedBehaviourRating: Rating | null; changedPredikat: EmployeePredikat | null } | null;
}): { resultsRating: Rating | null; behaviourRating: Rating | null; predikat: EmployeePredikat | null } {
  const o = evaluation.objection;
  if (o?.decision === 'CHANGED' && o.changedPredikat) {
    return { resultsRating: o.changedResultsRating, behaviourRating: o.changedBehaviourRating, predikat: o.changedPredikat };
  }
  return { resultsRating: evaluation.resultsRating, behaviourRating: evaluation.behaviourRating, predikat: evaluation.predikat };
}
