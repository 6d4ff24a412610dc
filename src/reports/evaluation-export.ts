/**
 * What HR enters into e-Kinerja, gathered for one unit (with its sub-units) or the whole agency and
 * one period: per employee the SKP, the record of the period (progress, evidence, feedback,
 * check-ins) and the evaluation with its objection and follow-up; per RHK and indicator the plan's
 * targets and the progress logged; the texts per RHK/IKI and core value are read later, a batch of
 * people at a time (export-texts.ts). Plain values only: labels and files are made elsewhere
 * (export-tables.ts, export-files.ts). Queries run one after another, since `db` may be a transaction.
 */
import { followUpDecided, type FollowUpDecided } from '../i18n/follow-up-decided.js';
import { addDays, epochDay, formatCivilDate, isoWeekday, isoWeekOf, pad2, type CivilDate } from '../domain/civil-date.js';
import type { Period } from '../domain/periods.js';
import { instantFromLocal, localDate } from '../domain/time-zones.js';
import type {
  EmployeePredikat,
  EvaluationStatus,
  FollowUpKind,
  IndicatorAspect,
  ObjectionDecision,
  ObjectionStatus,
  PlanStatus,
  Rating,
  RhkKind,
} from '../generated/prisma/client.js';
import { unitSubtree } from '../linking/link-codes.js';
import { inChunks, type Reader } from '../services/db.js';
import { defaultEvidenceLinker, type EvidenceLinker } from './evidence-links.js';
import { exportTexts, type ExportTexts, type TextSubject } from './export-texts.js';

/** One employee of the export. Counts are within the period; the plan is that of the period's year. */
export interface EmployeeExportRow {
  nip: string;
  name: string;
  position: string;
  unit: string;
  rater: { nip: string; name: string } | null;
  plan: { status: PlanStatus; version: number; rhkCount: number } | null;
  progressEntries: number;
  evidence: number;
  feedback: { total: number; apresiasi: number; perbaikan: number };
  checkins: { answered: number; missed: number };
  evaluation: {
    status: EvaluationStatus;
    resultsRating: Rating | null;
    behaviourRating: Rating | null;
    predikat: EmployeePredikat | null;
    /** Civil dates in the agency's time zone. */
    finalizedOn: CivilDate | null;
    acknowledgedOn: CivilDate | null;
    objection: { status: ObjectionStatus; decision: ObjectionDecision | null; changedPredikat: EmployeePredikat | null } | null;
    /** The proposal, and – once HR recorded it – the authorised official's decision with its document. */
    followUps: { kind: FollowUpKind; recommendation: string; decision: string | null; decided?: FollowUpDecided | null }[];
  } | null;
}

/** One indicator of one RHK (an RHK without indicators gives one row with `indicator` null). */
export interface RhkExportRow {
  nip: string;
  name: string;
  kind: RhkKind;
  /** 1-based position of the RHK in the plan. */
  number: number;
  text: string;
  leaderRhk: string | null;
  indicator: { aspect: IndicatorAspect | null; text: string; targetValue: number | null; targetUnit: string | null; targetText: string | null } | null;
  /** Progress entries on this RHK (any version of it) within the period. */
  progressEntries: number;
  /** The value of the newest progress entry on this indicator, when one carried a value. */
  lastValue: number | null;
}

/** Everything one export holds. */
export interface EvaluationExport {
  agency: { id: string; name: string; timeZone: string };
  /** Null for the whole agency. */
  unit: { id: string; name: string } | null;
  period: Period;
  kind: 'PERIODIC' | 'ANNUAL';
  employees: EmployeeExportRow[];
  rhk: RhkExportRow[];
  /** The texts, read while the files are written (the sheets "Realisasi RHK" and "Perilaku"). */
  texts: ExportTexts;
}

/** The ISO weeks whose Thursday falls in the period: each week belongs to exactly one period, as to one ISO year. */
export function weekKeysOf(period: Period): string[] {
  const keys: string[] = [];
  const firstThursday = addDays(period.start, (4 - isoWeekday(period.start) + 7) % 7);
  for (let day = firstThursday; epochDay(day) <= epochDay(period.end); day = addDays(day, 7)) {
    const { year, week } = isoWeekOf(day);
    keys.push(`${year}-W${pad2(week)}`);
  }
  return keys;
}

/** The period as instants in a time zone: [from, until). */
function instantsOf(period: Period, timeZone: string): { from: Date; until: Date } {
  const midnight = (date: CivilDate) => instantFromLocal({ ...date, hour: 0, minute: 0 }, timeZone);
  return { from: midnight(period.start), until: midnight(addDays(period.end, 1)) };
}

/** A civil date stored as midnight UTC (the `@db.Date` columns). */
const dateColumn = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);

/** Counts of `key` over `items`. */
function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Rows of `items` by `key` (the last one wins). */
function indexBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Rows of `items` grouped by `key`, in their order: lookups per person stay linear for 30,000 people. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Builds the export of `unitId` (with its sub-units; null: the whole agency) for `period`. */
export async function buildEvaluationExport(db: Reader, options: { agencyId: string; unitId: string | null; period: Period; linker?: EvidenceLinker; textBatch?: number }): Promise<EvaluationExport> {
  // Flat queries, one relation at a time: Prisma runs sibling includes concurrently, which a
  // transaction's single connection must not be asked to do (see Db in services/db.ts).
  const { period } = options;
  const agency = await db.agency.findUniqueOrThrow({ where: { id: options.agencyId }, select: { id: true, name: true, timeZone: true } });
  const unit = options.unitId ? await db.unit.findFirstOrThrow({ where: { id: options.unitId, agencyId: agency.id }, select: { id: true, name: true } }) : null;
  const unitIds = unit ? await unitSubtree(db, agency.id, unit.id) : undefined;
  const people = await db.employee.findMany({
    where: { agencyId: agency.id, active: true, ...(unitIds ? { unitId: { in: unitIds } } : {}) },
    select: { id: true, nip: true, name: true, position: true, timeZone: true, unitId: true, supervisorId: true },
    orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }],
  });
  const ids = people.map((person) => person.id);
  const unitNames = indexBy(await db.unit.findMany({ where: { agencyId: agency.id }, select: { id: true, name: true } }), (u) => u.id);
  const kind = period.kind === 'YEAR' ? 'ANNUAL' : 'PERIODIC';

  // The plan in force: the newest agreed version, else the newest (as /skp shows it).
  const plans = await inChunks(ids, (chunk) => db.plan.findMany({ where: { employeeId: { in: chunk }, year: period.year }, orderBy: { version: 'desc' } }));
  const planOf = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) {
    const chosen = planOf.get(plan.employeeId);
    if (!chosen || (chosen.status !== 'AGREED' && plan.status === 'AGREED')) planOf.set(plan.employeeId, plan);
  }
  const planIds = [...planOf.values()].map((plan) => plan.id);
  const expectations = await inChunks(planIds, (chunk) => db.resultExpectation.findMany({ where: { planId: { in: chunk } }, orderBy: { position: 'asc' } }));
  const rhkIds = expectations.map((rhk) => rhk.id);
  const indicators = await inChunks(rhkIds, (chunk) => db.indicator.findMany({ where: { rhkId: { in: chunk } }, orderBy: { position: 'asc' } }));
  const leaderIds = [...new Set(expectations.flatMap((rhk) => (rhk.leaderRhkId ? [rhk.leaderRhkId] : [])))];
  const leaderRhks = indexBy(await inChunks(leaderIds, (chunk) => db.resultExpectation.findMany({ where: { id: { in: chunk } }, select: { id: true, text: true } })), (rhk) => rhk.id);

  const progress = await inChunks(ids, (chunk) => db.progressEntry.findMany({
    where: { employeeId: { in: chunk }, occurredOn: { gte: dateColumn(period.start), lte: dateColumn(period.end) } },
    select: { id: true, employeeId: true, rhkId: true, indicatorId: true, value: true },
    orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
  }));
  // Progress follows an RHK through plan revisions by its lineage.
  const progressRhkIds = [...new Set(progress.map((entry) => entry.rhkId))];
  const lineageOf = indexBy(await inChunks(progressRhkIds, (chunk) => db.resultExpectation.findMany({ where: { id: { in: chunk } }, select: { id: true, lineageId: true } })), (rhk) => rhk.id);
  const evidence = await inChunks(progress.map((entry) => entry.id), (chunk) => db.evidence.findMany({ where: { progressEntryId: { in: chunk } }, select: { progressEntryId: true } }));
  const evidencePerEntry = countBy(evidence, (item) => item.progressEntryId);
  const progressCount = countBy(progress, (entry) => entry.employeeId);
  const progressByLineage = countBy(progress, (entry) => lineageOf.get(entry.rhkId)?.lineageId ?? entry.rhkId);
  const evidenceCount = new Map<string, number>();
  const lastValue = new Map<string, number>();
  for (const entry of progress) {
    evidenceCount.set(entry.employeeId, (evidenceCount.get(entry.employeeId) ?? 0) + (evidencePerEntry.get(entry.id) ?? 0));
    // Entries are oldest first: the last one written wins.
    if (entry.indicatorId && entry.value !== null) lastValue.set(entry.indicatorId, Number(entry.value));
  }

  // Feedback is an instant: it counts in the period of the recipient's own calendar. A day of
  // margin on each side, then the exact test per person.
  const wide = { gte: new Date(dateColumn(period.start).getTime() - 86_400_000), lt: new Date(dateColumn(addDays(period.end, 2)).getTime()) };
  const feedback = await inChunks(ids, (chunk) => db.feedback.findMany({ where: { recipientId: { in: chunk }, createdAt: wide }, select: { recipientId: true, kind: true, createdAt: true } }));
  const zoneOf = new Map(people.map((person) => [person.id, person.timeZone]));
  // Three zones at most (WIB, WITA, WIT): the period's instants are worked out once per zone.
  const boundsOf = new Map<string, { from: Date; until: Date }>();
  const inPeriod = (employeeId: string, at: Date) => {
    const zone = zoneOf.get(employeeId) ?? agency.timeZone;
    const bounds = boundsOf.get(zone) ?? instantsOf(period, zone);
    boundsOf.set(zone, bounds);
    return at >= bounds.from && at < bounds.until;
  };
  const feedbackOf = groupBy(
    feedback.filter((item) => inPeriod(item.recipientId, item.createdAt)),
    (item) => item.recipientId,
  );

  const prompts = await inChunks(ids, (chunk) =>
    db.checkinPrompt.findMany({ where: { employeeId: { in: chunk }, weekKey: { in: weekKeysOf(period) }, status: { in: ['ANSWERED', 'MISSED'] } }, select: { employeeId: true, status: true } }),
  );
  const checkins = countBy(prompts, (prompt) => `${prompt.employeeId}:${prompt.status}`);

  const evaluations = await inChunks(ids, (chunk) => db.evaluation.findMany({ where: { employeeId: { in: chunk }, kind, periodKey: period.key }, include: { recordedForOfficial: { select: { nip: true, name: true, title: true } } } }));
  // One row per person: after a move mid-year, the evaluation of the SKP period in force ("" sorts last, and the last one wins).
  // One row per SKP period is for the e-Kinerja export (issue 13).
  evaluations.sort((a, b) => Number(a.skpPart === '') - Number(b.skpPart === ''));
  const evaluationOf = indexBy(evaluations, (evaluation) => evaluation.employeeId);
  const evaluationIds = evaluations.map((evaluation) => evaluation.id);
  const objectionOf = indexBy(await inChunks(evaluationIds, (chunk) => db.objection.findMany({ where: { evaluationId: { in: chunk } } })), (objection) => objection.evaluationId);
  const followUps = await inChunks(evaluationIds, (chunk) => db.evaluationFollowUp.findMany({ where: { evaluationId: { in: chunk } }, orderBy: { createdAt: 'asc' } }));
  const raterIds = [...new Set([...evaluations.map((evaluation) => evaluation.raterId), ...people.flatMap((person) => (person.supervisorId ? [person.supervisorId] : []))])];
  const raters = indexBy(await inChunks(raterIds, (chunk) => db.employee.findMany({ where: { id: { in: chunk } }, select: { id: true, nip: true, name: true } })), (rater) => rater.id);
  const civil = (at: Date | null): CivilDate | null => (at ? localDate(at, agency.timeZone) : null);
  const expectationsOf = groupBy(expectations, (rhk) => rhk.planId);
  const indicatorsOf = groupBy(indicators, (indicator) => indicator.rhkId);
  const followUpsOf = groupBy(followUps, (followUp) => followUp.evaluationId);

  const employees: EmployeeExportRow[] = people.map((person) => {
    const plan = planOf.get(person.id);
    const evaluation = evaluationOf.get(person.id);
    const objection = evaluation ? objectionOf.get(evaluation.id) : undefined;
    const received = feedbackOf.get(person.id) ?? [];
    // Whoever rated this period; before that, the supervisor who will.
    const rater = raters.get(evaluation?.raterId ?? person.supervisorId ?? '');
    return {
      nip: person.nip,
      name: person.name,
      position: person.position,
      unit: unitNames.get(person.unitId)?.name ?? '',
      // An evaluation HR recorded for an official outside the bot: that official rated.
      rater: evaluation?.recordedForOfficial
        ? { nip: evaluation.recordedForOfficial.nip ?? '', name: `${evaluation.recordedForOfficial.name} (${evaluation.recordedForOfficial.title})` }
        : rater
          ? { nip: rater.nip, name: rater.name }
          : null,
      plan: plan ? { status: plan.status, version: plan.version, rhkCount: expectationsOf.get(plan.id)?.length ?? 0 } : null,
      progressEntries: progressCount.get(person.id) ?? 0,
      evidence: evidenceCount.get(person.id) ?? 0,
      feedback: {
        total: received.length,
        apresiasi: received.filter((item) => item.kind === 'APRESIASI').length,
        perbaikan: received.filter((item) => item.kind === 'PERBAIKAN').length,
      },
      checkins: { answered: checkins.get(`${person.id}:ANSWERED`) ?? 0, missed: checkins.get(`${person.id}:MISSED`) ?? 0 },
      evaluation: evaluation
        ? {
            status: evaluation.status,
            resultsRating: evaluation.resultsRating,
            behaviourRating: evaluation.behaviourRating,
            predikat: evaluation.predikat,
            finalizedOn: civil(evaluation.finalizedAt),
            acknowledgedOn: civil(evaluation.acknowledgedAt),
            objection: objection ? { status: objection.status, decision: objection.decision, changedPredikat: objection.changedPredikat } : null,
            followUps: (followUpsOf.get(evaluation.id) ?? []).map((followUp) => ({ kind: followUp.kind, recommendation: followUp.recommendation, decision: followUp.decision, decided: followUpDecided(followUp) })),
          }
        : null,
    };
  });

  const rhk: RhkExportRow[] = people.flatMap((person) => {
    const plan = planOf.get(person.id);
    return (expectationsOf.get(plan?.id ?? '') ?? []).flatMap((expectation, index): RhkExportRow[] => {
        const base = {
          nip: person.nip,
          name: person.name,
          kind: expectation.kind,
          number: index + 1,
          text: expectation.text,
          leaderRhk: leaderRhks.get(expectation.leaderRhkId ?? '')?.text ?? null,
          progressEntries: progressByLineage.get(expectation.lineageId) ?? 0,
        };
        const own = indicatorsOf.get(expectation.id) ?? [];
        if (own.length === 0) return [{ ...base, indicator: null, lastValue: null }];
        return own.map((indicator) => ({
          ...base,
          indicator: {
            aspect: indicator.aspect,
            text: indicator.text,
            targetValue: indicator.targetValue === null ? null : Number(indicator.targetValue),
            targetUnit: indicator.targetUnit,
            targetText: indicator.targetText,
          },
          lastValue: lastValue.get(indicator.id) ?? null,
        }));
      });
  });

  const subjects: TextSubject[] = people.map((person) => {
    const plan = planOf.get(person.id);
    return {
      id: person.id,
      nip: person.nip,
      name: person.name,
      unit: unitNames.get(person.unitId)?.name ?? '',
      timeZone: person.timeZone,
      planId: plan?.id ?? null,
      rhks: (expectationsOf.get(plan?.id ?? '') ?? []).map((expectation) => ({
        id: expectation.id,
        lineageId: expectation.lineageId,
        kind: expectation.kind,
        text: expectation.text,
        indicators: (indicatorsOf.get(expectation.id) ?? []).map((indicator) => ({
          id: indicator.id,
          text: indicator.text,
          targetValue: indicator.targetValue === null ? null : Number(indicator.targetValue),
          targetUnit: indicator.targetUnit,
          targetText: indicator.targetText,
        })),
      })),
    };
  });
  const texts = exportTexts(db, { period, subjects, lastValue, linker: options.linker ?? defaultEvidenceLinker, ...(options.textBatch ? { batchSize: options.textBatch } : {}) });
  return { agency, unit, period, kind, employees, rhk, texts };
}
