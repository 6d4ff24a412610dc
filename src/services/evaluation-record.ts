/**
 * The record a rater evaluates from: for one employee and one period, each RHK with its progress
 * and evidence, the weekly check-ins, feedback, obstacles and how they were answered, guidance
 * sessions, and the specific behaviour expectations per BerAKHLAK value. For the annual evaluation
 * the finalised periodic results of the year are shown too – as input only: no formula decides.
 */
import { closesYear, evaluationPeriodLabel } from '../domain/final-evaluation.js';
import { ESTABLISHED_STATUSES } from './penetapan-service.js';
import { bold, list, paragraph, quote, shorten, type Block, type SpanInput } from '../conversation/reply.js';
import { coreValueName } from '../domain/berakhlak.js';
import { addDays, formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { civilDayLabel, parsePeriodKey, periodLabel, type Period } from '../domain/periods.js';
import { predikatLabel } from '../domain/rating-matrix.js';
import { instantFromLocal, localDate } from '../domain/time-zones.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { appraisalText } from '../i18n/appraisal.js';
import { planningText } from '../i18n/planning.js';
import type { Reader } from './db.js';
import { finalResult } from './evaluations.js';
import { targetLabel, workingPlan } from './plans.js';
import { skpPartsOf } from '../domain/skp-period.js';
import { closedSkpPeriods } from './skp-periods.js';

/** How many realisasi per RHK, and feedback items, the record lists (the counts cover them all). */
const REALISASI_SHOWN = 3;
const FEEDBACK_SHOWN = 5;

/** A civil date stored as midnight UTC. */
const civilOf = (date: Date): CivilDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

/** The instants bounding a period in a time zone: [from, to). */
export function periodInstants(period: Period, timeZone: string): { from: Date; to: Date } {
  const start = (date: CivilDate) => instantFromLocal({ ...date, hour: 0, minute: 0 }, timeZone);
  return { from: start(period.start), to: start(addDays(period.end, 1)) };
}

/** Civil dates stored as midnight UTC (ProgressEntry.occurredOn) for a period. */
function civilRange(period: Period): { gte: Date; lte: Date } {
  return { gte: new Date(`${formatCivilDate(period.start)}T00:00:00Z`), lte: new Date(`${formatCivilDate(period.end)}T00:00:00Z`) };
}

/**
 * The record of `employeeId` for `period`, as blocks in `locale`. When a move split the year, the
 * record is that of one SKP period (`skpPart`: "" for the one in force, else a closed one's id):
 * its days of the period and its plan.
 */
export async function recordBlocks(db: Reader, employeeId: string, whole: Period, locale: Locale, skpPart = ''): Promise<Block[]> {
  const t = appraisalText[locale];
  const p = planningText[locale];
  // One query at a time: `db` may be the event's transaction (see Db in services/db.ts).
  const closed = await closedSkpPeriods(db, [employeeId], whole.year);
  const part = skpPartsOf(whole, closed).find((candidate) => candidate.part === skpPart);
  const period: Period = part ? { ...whole, start: part.from, end: part.to } : whole;
  const closedEnd = closed.find((c) => c.id === skpPart)?.endsOn;
  const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true, timeZone: true, agency: { select: { finalEvaluation: true } } } });
  const { from, to } = periodInstants(period, employee.timeZone);
  const inPeriod = { gte: from, lt: to };
  const dateOf = (date: CivilDate) => civilDayLabel(date, locale);
  const blocks: Block[] = [
    paragraph(bold(t.recordHeading({ name: employee.name, period: evaluationPeriodLabel(period, employee.agency.finalEvaluation, locale), from: dateOf(period.start), to: dateOf(period.end) }))),
  ];

  const plan = await workingPlan(db, employeeId, period.year, closedEnd ? new Date(`${formatCivilDate(closedEnd)}T00:00:00Z`) : null);
  if (!plan) {
    blocks.push(paragraph(t.noPlan({ year: period.year })));
  } else {
    blocks.push(paragraph(t.planLine({ status: p[`status${plan.status}`], version: plan.version })));
    for (const [i, rhk] of plan.resultExpectations.entries()) {
      // Progress follows an RHK through plan versions by its lineage.
      const entries = await db.progressEntry.findMany({
        where: { employeeId, occurredOn: civilRange(period), rhk: { lineageId: rhk.lineageId } },
        orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
        select: { text: true, value: true, indicatorId: true, occurredOn: true, _count: { select: { evidence: true } } },
      });
      const evidence = entries.reduce((sum, entry) => sum + entry._count.evidence, 0);
      const items: SpanInput[][] = [[t.rhkProgress({ entries: entries.length, evidence })]];
      // Each indicator's target, and the last value reported for it (the export's rule too).
      for (const indicator of rhk.indicators) {
        const last = entries.filter((entry) => entry.indicatorId === indicator.id && entry.value !== null).at(-1);
        const reported = last ? `${formatNumber(Number(last.value), locale, 2)}${indicator.targetUnit ? ` ${indicator.targetUnit}` : ''}` : null;
        items.push([reported ? t.rhkTarget({ target: targetLabel(indicator, locale), reached: reported }) : t.rhkTargetOnly({ indicator: shorten(indicator.text, 80), target: targetLabel(indicator, locale) })]);
      }
      // The realisasi themselves, newest last: what the Permen evaluates, not only how many.
      for (const entry of entries.slice(-REALISASI_SHOWN)) {
        items.push([t.rhkRealisasi({ date: dateOf(civilOf(entry.occurredOn)), text: shorten(entry.text, 120), evidence: entry._count.evidence })]);
      }
      if (entries.length > REALISASI_SHOWN) items.push([t.rhkRealisasiMore({ count: entries.length - REALISASI_SHOWN })]);
      blocks.push(paragraph(bold(t.rhkLine({ n: i + 1, kind: p[`kind${rhk.kind}`], text: rhk.text }))), list(items));
    }
  }

  const prompts = await db.checkinPrompt.groupBy({ by: ['status'], where: { employeeId, createdAt: inPeriod }, _count: { _all: true } });
  const count = (status: string) => prompts.find((row) => row.status === status)?._count._all ?? 0;
  const feedback = await db.feedback.groupBy({ by: ['kind'], where: { recipientId: employeeId, createdAt: inPeriod }, _count: { _all: true } });
  const feedbackOf = (kind: string) => feedback.find((row) => row.kind === kind)?._count._all ?? 0;
  const obstacles = await db.obstacle.findMany({ where: { employeeId, createdAt: inPeriod }, select: { text: true, status: true, respondedAt: true } });
  const guidance = await db.developmentSession.count({ where: { employeeId, heldAt: civilRange(period) } });
  const dialogue: SpanInput[][] = [
    [t.checkins({ answered: count('ANSWERED'), missed: count('MISSED'), skipped: count('SKIPPED') })],
    [t.feedback({ apresiasi: feedbackOf('APRESIASI'), perbaikan: feedbackOf('PERBAIKAN') })],
    [t.obstacles({ reported: obstacles.length, answered: obstacles.filter((o) => o.respondedAt).length, resolved: obstacles.filter((o) => o.status === 'RESOLVED').length })],
    [t.guidance({ count: guidance })],
  ];
  for (const open of obstacles.filter((o) => !o.respondedAt)) dialogue.push([t.obstacleOpen({ text: shorten(open.text, 120) })]);
  // The feedback itself (umpan balik berkelanjutan), the latest few, with what it was about.
  const given = await db.feedback.findMany({
    where: { recipientId: employeeId, createdAt: inPeriod },
    orderBy: { createdAt: 'desc' },
    take: FEEDBACK_SHOWN,
    select: { kind: true, text: true, coreValue: true, createdAt: true, giver: { select: { name: true } }, rhk: { select: { text: true } } },
  });
  for (const item of given.reverse()) {
    const about = item.coreValue ? coreValueName(item.coreValue, locale) : item.rhk ? shorten(item.rhk.text, 60) : '';
    dialogue.push([t.feedbackItem({ kind: t[`feedbackKind${item.kind}`], by: item.giver.name, date: dateOf(localDate(item.createdAt, employee.timeZone)), about, text: shorten(item.text, 160) })]);
  }
  blocks.push(paragraph(bold(t.dialogueHeading)), list(dialogue));

  blocks.push(paragraph(bold(t.behaviourHeading)));
  const behaviours = plan?.behaviourExpectations ?? [];
  if (behaviours.length === 0) blocks.push(paragraph(t.noBehaviour));
  for (const behaviour of behaviours) blocks.push(paragraph(bold(coreValueName(behaviour.coreValue, locale))), quote(behaviour.text));

  // The evaluation that closes the year – the annual one, or under PERIODE_AKHIR the last quarter or month – has the year's periodic results as input.
  if (closesYear(period, employee.agency.finalEvaluation)) blocks.push(...(await periodicResults(db, employeeId, period, skpPart, locale)));
  return blocks;
}

/** The year's finalised periodic results, as the annual evaluation's input. */
async function periodicResults(db: Reader, employeeId: string, closing: Period, skpPart: string, locale: Locale): Promise<Block[]> {
  const t = appraisalText[locale];
  const evaluations = await db.evaluation.findMany({
    where: { employeeId, year: closing.year, skpPart, kind: 'PERIODIC', periodKey: { not: closing.key }, status: { in: [...ESTABLISHED_STATUSES] } },
    orderBy: { periodKey: 'asc' },
    include: { objection: true },
  });
  if (evaluations.length === 0) return [paragraph(bold(t.periodicHeading)), paragraph(t.noPeriodic)];
  const items = evaluations.map((evaluation) => {
    const period = parsePeriodKey(evaluation.periodKey);
    const predikat = finalResult(evaluation).predikat;
    return [t.periodicLine({ period: period ? periodLabel(period, locale) : evaluation.periodKey, predikat: predikat ? predikatLabel(predikat, locale) : '–' })];
  });
  return [paragraph(bold(t.periodicHeading)), list(items)];
}
