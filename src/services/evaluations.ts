/**
 * Evaluations as the rater works on them: which periods are open, who in a team is rated, the unit
 * whose predikat limits the team's spread (the curve), and the final result after a keberatan.
 * A team is the reports of one supervisor: the rater's own, or – for a Plt/Plh – those of the
 * person they act for, each checked against its own unit's predikat. The unit is the one that
 * supervisor leads, or else their own unit.
 */
import { parseCivilDate } from '../domain/civil-date.js';
import { checkCurve, DEFAULT_CURVE_RULES, type CurveResult } from '../domain/distribution-curve.js';
import { openEvaluationPeriods, windowSettingOf, windowState } from '../domain/evaluation-window.js';
import { isEvaluatedPeriod, type FinalEvaluation } from '../domain/final-evaluation.js';
import { parsePeriodKey, periodOfDate, type Period } from '../domain/periods.js';
import { resultsRatingForUnitLeader, type EmployeePredikat, type Rating, type UnitPredikat } from '../domain/rating-matrix.js';
import type { Reader } from './db.js';
import { reportsOf, todayFor, type Member, type Report } from './people.js';
import { ratingIdsFor, ratingLineFor } from './rating-line.js';
import { partWithin, skpPartsOf, type SkpPart } from '../domain/skp-period.js';
import { closedPeriodsRatedBy, closedSkpPeriods, skpPeriodById, type ClosedRatee, type StoredSkpPeriod } from './skp-periods.js';

/** Evaluation kind of a period: a year is the annual evaluation. */
export function kindOf(period: Period): 'PERIODIC' | 'ANNUAL' {
  return period.kind === 'YEAR' ? 'ANNUAL' : 'PERIODIC';
}

/** The agency's evaluation settings. */
export async function agencySettings(db: Reader, agencyId: string) {
  return db.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { periodCadence: true, evaluationOpensDays: true, evaluationClosesDays: true, finalEvaluation: true },
  });
}

/** The periods whose evaluation window is open today, and the current periodic period (for the message when none is). */
export async function evaluationPeriods(db: Reader, me: Member, now: Date): Promise<{ open: Period[]; next: Period; finalEvaluation: FinalEvaluation }> {
  const agency = await agencySettings(db, me.agencyId);
  const today = parseCivilDate(todayFor(me, now))!;
  // Under PERIODE_AKHIR the last quarter (or month) closes the year: no separate annual evaluation.
  const open = openEvaluationPeriods(today, agency.periodCadence, windowSettingOf(agency)).filter((period) => isEvaluatedPeriod(period, agency.finalEvaluation));
  return { open, next: periodOfDate(today, agency.periodCadence), finalEvaluation: agency.finalEvaluation };
}

/** Whether `period` may be evaluated today by `me`'s agency. */
export async function isOpenForEvaluation(db: Reader, me: Member, period: Period, now: Date): Promise<boolean> {
  const agency = await agencySettings(db, me.agencyId);
  return isEvaluatedPeriod(period, agency.finalEvaluation) && windowState(period, parseCivilDate(todayFor(me, now))!, windowSettingOf(agency)) === 'OPEN';
}

/** A report with their evaluation for the period, if any – for one SKP period when a move split the year. */
export interface TeamMember extends Report {
  /** Which SKP period this entry evaluates: "" for the period in force, else the closed SkpPeriod's id. */
  skpPart: string;
  /** The days of the evaluation period this entry covers, when a move this year split it; null otherwise. */
  skp: SkpPart | null;
  evaluation: {
    id: string;
    status: string;
    raterId: string;
    predikat: EmployeePredikat | null;
    resultsRating: Rating | null;
    behaviourRating: Rating | null;
    updatedAt: Date;
  } | null;
  /** True when the rater has a draft of their own, or the evaluation is past the draft stage. */
  rated: boolean;
  /** Who wrote a draft that is not the rater's own (a former supervisor, a Plt): it must be redone. */
  draftBy: string | null;
}

/** An evaluation this decision writes (not stored yet), seen by the team view as if it were. */
export type PendingEvaluation = NonNullable<TeamMember['evaluation']> & { employeeId: string; skpPart: string; rater: { name: string } };

/** An evaluation as the team view reads it. */
export type StoredEvaluation = NonNullable<TeamMember['evaluation']> & { employeeId: string; skpPart: string; rater: { name: string } };

/**
 * What the team view reads: the rater's reports, their evaluations, and the units and predikat
 * that decide the curve and the unit-leader rule. The database answers in `databaseTeamReads`;
 * the service tests answer from memory, with the same rules on top (`teamStatusFrom`).
 */
export interface TeamReads {
  /** The people `me` leads (people.ts reportsOf); the team view keeps those `me` rates. */
  reports(me: Member): Promise<Report[]>;
  evaluations(employeeIds: string[], period: Period): Promise<StoredEvaluation[]>;
  /** The unit an employee leads with its predikat for the period (the first by name that has one). */
  ledUnitPredikat(employeeId: string, periodKey: string): Promise<{ unit: string; predikat: UnitPredikat } | null>;
  /** The unit whose predikat applies to `leaderId`'s team: the unit they lead, else their own. */
  teamUnit(leaderId: string): Promise<{ id: string; name: string }>;
  unitPredikat(unitId: string, periodKey: string): Promise<UnitPredikat | null>;
  /** The closed SKP periods of these employees in `year` (moves; domain/skp-period.ts). */
  closedSkpPeriods(employeeIds: string[], year: number): Promise<StoredSkpPeriod[]>;
  /** The closed SKP periods of `year` that `me` rates (their PPK then, or one `me` acts for). */
  closedRatedBy(me: Member, year: number): Promise<ClosedRatee[]>;
}

/** The team reads over the database, for `now` (acting assignments in force). */
export function databaseTeamReads(db: Reader, now: Date): TeamReads {
  return {
    reports: (me) => reportsOf(db, me, now),
    evaluations: (employeeIds, period) =>
      db.evaluation.findMany({
        where: { employeeId: { in: employeeIds }, kind: kindOf(period), periodKey: period.key },
        select: { id: true, employeeId: true, skpPart: true, status: true, raterId: true, predikat: true, resultsRating: true, behaviourRating: true, updatedAt: true, rater: { select: { name: true } } },
      }),
    ledUnitPredikat: (employeeId, periodKey) => ledUnitPredikat(db, employeeId, periodKey),
    teamUnit: (leaderId) => teamUnit(db, leaderId),
    unitPredikat: (unitId, periodKey) => unitPredikatFor(db, unitId, periodKey),
    closedSkpPeriods: (employeeIds, year) => closedSkpPeriods(db, employeeIds, year),
    closedRatedBy: (me, year) => closedPeriodsRatedBy(db, me, year, now),
  };
}

/**
 * The rater's reports for a period with each one's evaluation – all of them, or one supervisor's
 * team (`leaderId`) – not yet rated first, then by name. `pending`: evaluations this decision is
 * writing, which replace what is stored.
 */
export async function teamEvaluations(db: Reader, me: Member, period: Period, now: Date, leaderId?: string, pending: PendingEvaluation[] = []): Promise<TeamMember[]> {
  return teamEvaluationsFrom(databaseTeamReads(db, now), me, period, leaderId, pending);
}

/** `teamEvaluations` over any reads. */
export async function teamEvaluationsFrom(reads: TeamReads, me: Member, period: Period, leaderId?: string, pending: PendingEvaluation[] = []): Promise<TeamMember[]> {
  // Only the people `me` rates as PPK: a ketua tim who is not PPK leads the dialogue, not the evaluation.
  const rated = (await reads.reports(me)).filter((r) => r.rater);
  const entries = (await ratedParts(reads, me, period, rated)).filter((entry) => !leaderId || entry.supervisorId === leaderId);
  const evaluations = await reads.evaluations([...new Set(entries.map((r) => r.id))], period);
  const keyOf = (e: { employeeId: string; skpPart: string }) => `${e.employeeId} ${e.skpPart}`;
  const byEmployee = new Map([...evaluations, ...pending].map((e) => [keyOf(e), e]));
  const team = entries.map((report): TeamMember => {
    const found = byEmployee.get(keyOf({ employeeId: report.id, skpPart: report.skpPart }));
    if (!found) return { ...report, evaluation: null, rated: false, draftBy: null };
    const { rater, ...evaluation } = found;
    const someoneElsesDraft = evaluation.status === 'DRAFT' && evaluation.raterId !== me.id;
    return { ...report, evaluation, rated: !someoneElsesDraft && !!evaluation.predikat, draftBy: someoneElsesDraft ? rater.name : null };
  });
  return [...team.filter((m) => !m.rated), ...team.filter((m) => m.rated)];
}

type RatedPart = Report & Pick<TeamMember, 'skpPart' | 'skp'>;

/**
 * What `me` rates in an evaluation period, one entry per SKP period: the people rated today, for the
 * period in force (unless it starts after the evaluation period); the closed periods `me` was PPK of
 * (or acts for its PPK), with the team they were in then; and the closed periods of the people rated
 * today whose PPK then has left or was outside the bot.
 */
async function ratedParts(reads: TeamReads, me: Member, period: Period, rated: Report[]): Promise<RatedPart[]> {
  const closed = await reads.closedSkpPeriods(rated.map((r) => r.id), period.year);
  const closedOf = (employeeId: string) => closed.filter((c) => c.employeeId === employeeId);
  const current = rated.flatMap((report): RatedPart[] => {
    const own = closedOf(report.id);
    const part = skpPartsOf(period, own).find((p) => p.part === '');
    return part ? [{ ...report, skpPart: '', skp: own.length > 0 ? part : null }] : [];
  });
  const partOf = (c: StoredSkpPeriod) => partWithin(period, { part: c.id, from: c.startsOn, to: c.endsOn });
  const orphaned = rated.flatMap((report) =>
    closedOf(report.id).flatMap((c): RatedPart[] => {
      const part = !c.raterId || !c.raterActive ? partOf(c) : null;
      return part ? [{ ...report, skpPart: c.id, skp: part }] : [];
    }),
  );
  const former = (await reads.closedRatedBy(me, period.year)).flatMap((c): RatedPart[] => {
    const part = partOf(c);
    return part ? [{ ...c.employee, supervisorId: c.supervisorId ?? c.raterId ?? me.id, acting: c.raterId !== me.id, rater: true, skpPart: c.id, skp: part }] : [];
  });
  return [...current, ...orphaned, ...former];
}

/** The days an evaluation covers when a move split its period (one SKP period's part); null when no move touched the year. */
export async function evaluatedDays(db: Reader, evaluation: { employeeId: string; periodKey: string; skpPart: string }): Promise<SkpPart | null> {
  const period = parsePeriodKey(evaluation.periodKey);
  return period ? daysOfPart(period, evaluation.skpPart, await closedSkpPeriods(db, [evaluation.employeeId], period.year)) : null;
}

/** `evaluatedDays` for many evaluations of one employee: their closed SKP periods read once. */
export async function withEvaluatedDays<T extends { employeeId: string; periodKey: string; skpPart: string }>(db: Reader, employeeId: string, evaluations: T[]): Promise<(T & { skp: SkpPart | null })[]> {
  const years = [...new Set(evaluations.map((e) => parsePeriodKey(e.periodKey)?.year).filter((year): year is number => year !== undefined))];
  // One query at a time: `db` may be a transaction (see Db in services/db.ts).
  const closed: StoredSkpPeriod[] = [];
  for (const year of years) closed.push(...(await closedSkpPeriods(db, [employeeId], year)));
  return evaluations.map((evaluation) => {
    const period = parsePeriodKey(evaluation.periodKey);
    return { ...evaluation, skp: period ? daysOfPart(period, evaluation.skpPart, closed.filter((c) => c.startsOn.year === period.year)) : null };
  });
}

/** The days of `period` one SKP part covers, when the year has closed periods; null otherwise. */
function daysOfPart(period: Period, skpPart: string, closed: StoredSkpPeriod[]): SkpPart | null {
  return closed.length > 0 ? (skpPartsOf(period, closed).find((p) => p.part === skpPart) ?? null) : null;
}

/** The unit whose predikat applies to `leaderId`'s team: the unit they lead, else their own. */
export async function teamUnit(db: Reader, leaderId: string): Promise<{ id: string; name: string }> {
  const led = await db.unit.findFirst({ where: { leaderId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  if (led) return led;
  const own = await db.employee.findUniqueOrThrow({ where: { id: leaderId }, select: { unit: { select: { id: true, name: true } } } });
  return own.unit;
}

/** A unit's predikat for a period, if set. */
export async function unitPredikatFor(db: Reader, unitId: string, periodKey: string): Promise<UnitPredikat | null> {
  return (await db.unitPredikat.findUnique({ where: { unitId_periodKey: { unitId, periodKey } }, select: { predikat: true } }))?.predikat ?? null;
}

/** The unit an employee leads with its predikat for the period: the unit-leader rule applies when found. */
export async function ledUnitPredikat(db: Reader, employeeId: string, periodKey: string): Promise<{ unit: string; predikat: UnitPredikat } | null> {
  const units = await db.unit.findMany({ where: { leaderId: employeeId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  for (const unit of units) {
    const predikat = await unitPredikatFor(db, unit.id, periodKey);
    if (predikat) return { unit: unit.name, predikat };
  }
  return null;
}

/** Where a team stands: who is not rated yet, drafts the unit-leader rule now contradicts, and – once everyone is rated – the curve. */
export interface TeamStatus {
  leaderId: string;
  team: TeamMember[];
  unrated: TeamMember[];
  /** Unit leaders whose draft results rating differs from what their unit's predikat (set since) says. */
  staleLeaders: TeamMember[];
  unit: { id: string; name: string };
  unitPredikat: UnitPredikat | null;
  /** Null until everyone is rated, or when the unit's predikat is not set. */
  curve: CurveResult | null;
}

export async function teamStatus(db: Reader, me: Member, period: Period, now: Date, leaderId: string, pending: PendingEvaluation[] = []): Promise<TeamStatus> {
  return teamStatusFrom(databaseTeamReads(db, now), me, period, leaderId, pending);
}

/** `teamStatus` over any reads. */
export async function teamStatusFrom(reads: TeamReads, me: Member, period: Period, leaderId: string, pending: PendingEvaluation[] = []): Promise<TeamStatus> {
  const team = await teamEvaluationsFrom(reads, me, period, leaderId, pending);
  const unrated = team.filter((m) => !m.rated);
  const staleLeaders: TeamMember[] = [];
  for (const member of team) {
    if (member.evaluation?.status !== 'DRAFT' || !member.rated) continue;
    const led = await reads.ledUnitPredikat(member.id, period.key);
    if (led && resultsRatingForUnitLeader(led.predikat) !== member.evaluation.resultsRating) staleLeaders.push(member);
  }
  const unit = await reads.teamUnit(leaderId);
  const unitPredikat = await reads.unitPredikat(unit.id, period.key);
  const predikats = team.map((m) => m.evaluation?.predikat).filter((p): p is EmployeePredikat => !!p);
  // Only a preview: the curve applies to the whole organisation, whose leader establishes it (penetapan-service.ts).
  const curve = unrated.length === 0 && unitPredikat ? checkCurve(unitPredikat, predikats, DEFAULT_CURVE_RULES, { advisory: true }) : null;
  return { leaderId, team, unrated, staleLeaders, unit, unitPredikat, curve };
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

/**
 * Who hears a keberatan about an evaluation: the employee's Atasan Pejabat Penilai Kinerja
 * (domain/ppk.ts) – the PPK's own PPK, or the next one up when the PPK has left without a Plt.
 * Null when none is in the bot (an official outside it decides; HR records the decision).
 */
export async function deciderFor(db: Reader, evaluationId: string, now: Date = new Date()): Promise<{ id: string; name: string; locale: 'id' | 'en' } | null> {
  const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { raterId: true, employeeId: true, skpPart: true, employee: { select: { timeZone: true } } } });
  // A closed SKP period (a move mid-year) keeps the Atasan PPK it had.
  const atasanPpkId = evaluation.skpPart
    ? ((await skpPeriodById(db, evaluation.skpPart))?.atasanPpkId ?? null)
    : (await ratingIdsFor(db, evaluation.employeeId, todayFor(evaluation.employee, now))).atasanPpkId;
  const deciderId = deciderIdOf({ ...evaluation, atasanPpkId });
  return deciderId ? db.employee.findUnique({ where: { id: deciderId }, select: { id: true, name: true, locale: true } }) : null;
}

/** The Atasan PPK outside the bot (a Gubernur) when nobody in it hears the keberatan; HR records their decision. */
export async function externalDeciderFor(db: Reader, evaluationId: string, now: Date = new Date()): Promise<{ id: string; name: string; title: string } | null> {
  const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { employeeId: true, skpPart: true, employee: { select: { timeZone: true } } } });
  // A closed SKP period's Atasan PPK was in the bot, or nobody recorded: not today's official outside it.
  if (evaluation.skpPart) return null;
  const line = await ratingLineFor(db, evaluation.employeeId, todayFor(evaluation.employee, now));
  const official = line?.atasanPpk?.kind === 'EXTERNAL' ? line.atasanPpk : null;
  return official ? db.externalOfficial.findUnique({ where: { id: official.id }, select: { id: true, name: true, title: true } }) : null;
}

/** The rule of `deciderFor` over the ids it reads: the Atasan PPK, unless that is the employee or the rater. */
export function deciderIdOf(chain: { employeeId: string; raterId: string; atasanPpkId: string | null }): string | null {
  const deciderId = chain.atasanPpkId;
  if (!deciderId || deciderId === chain.employeeId || deciderId === chain.raterId) return null;
  return deciderId;
}
