/**
 * The HR weekly digest of an agency (or of one unit's subtree): check-in participation per unit
 * (this week against the week before), the share of agreed plans, obstacles open longer than 7
 * days, supervisors without dialogue for 30 days and unreachable chat accounts – as text and as a
 * chart – and, while an evaluation window is open, how far the evaluations are. Units roll up:
 * each line counts a top unit with everything below it.
 */
import { openEvaluationPeriods, windowSettingOf } from '../domain/evaluation-window.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { isoWeekKey, localDate } from '../domain/time-zones.js';
import { bold, list, paragraph, reply, type Block, type Reply } from '../conversation/reply.js';
import { formatPercent, type Locale } from '../i18n/catalogue.js';
import { digestText } from '../i18n/digest.js';
import type { Reader } from '../services/db.js';
import { renderParticipationChart, type ParticipationBar } from './chart.js';
import type { Agency, PrismaClient } from '../generated/prisma/client.js';
import { evaluationCounts, oldObstacles, participation, planFigures, silentSupervisors, unreachableAccounts, useReportSettings, type FigureScope } from './digest-figures.js';

const DAY = 86_400_000;
/** Names listed per section before "… and N more". */
const LISTED = 10;

interface Counts {
  answered: number;
  missed: number;
  onLeave: number;
  unlinked: number;
  pending: number;
}

export interface DigestData {
  scope: string;
  weekKey: string;
  units: { name: string; thisWeek: Counts; lastWeek: Counts }[];
  total: { thisWeek: Counts; lastWeek: Counts };
  plans: { agreed: number; active: number };
  oldObstacles: { name: string; supervisor: string | null; days: number }[];
  silentSupervisors: string[];
  unreachable: string[];
  /** One entry per period whose evaluation window is open. */
  evaluations: EvaluationProgress[];
}

/** How far the evaluations of a period are, among the active people in scope. */
export interface EvaluationProgress {
  periodKey: string;
  people: number;
  drafts: number;
  finalized: number;
  objectionsOpen: number;
  withCurveReason: number;
}

const empty = (): Counts => ({ answered: 0, missed: 0, onLeave: 0, unlinked: 0, pending: 0 });
const prompted = (c: Counts) => c.answered + c.missed + c.pending;

/** The reported week: the one whose Friday check-in just closed, in the agency's zone. */
export function reportedWeek(now: Date, timeZone: string): { weekKey: string; previousWeekKey: string } {
  const anchor = new Date(now.getTime() - 3 * DAY);
  return { weekKey: isoWeekKey(anchor, timeZone), previousWeekKey: isoWeekKey(new Date(anchor.getTime() - 7 * DAY), timeZone) };
}

/** What a digest covers: its agency, and each unit in scope with the top unit its line rolls up to. */
export interface DigestScope {
  agency: Agency;
  /** Unit id → id of the top unit it rolls up to, for every unit in scope. */
  tops: Map<string, string>;
  nameOf: Map<string, string>;
  /** The scope as the figure queries take it. */
  figures: FigureScope;
}

/** The scope of the digest of an agency, or of `unitId` and the units below it. */
export async function digestScope(db: Reader, agencyId: string, unitId: string | null): Promise<DigestScope> {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: agencyId } });
  const units = await db.unit.findMany({ where: { agencyId: agency.id }, select: { id: true, name: true, parentId: true } });
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  // Each unit rolls up to its top unit: a child of the scope's unit, or an agency root. The tree is
  // small (about 1,400 units in a province), so it is walked here and only counts come from SQL.
  const topOf = (id: string): string | undefined => {
    let current: string | null | undefined = id;
    for (let depth = 0; current && depth < 50; depth++) {
      const parent: string | null | undefined = parentOf.get(current);
      if (unitId ? parent === unitId || current === unitId : !parent) return current;
      current = parent;
    }
    return undefined;
  };
  const tops = new Map<string, string>();
  for (const unit of units) {
    const top = topOf(unit.id);
    if (top !== undefined) tops.set(unit.id, top);
  }
  return { agency, tops, nameOf: new Map(units.map((u) => [u.id, u.name])), figures: { agencyId: agency.id, unitIds: tops.size === units.length ? null : [...tops.keys()] } };
}

/**
 * Reads the numbers of a digest in a read-only transaction of its own, so every figure comes from
 * the same snapshot (an import or a late answer between two queries cannot make them disagree) and
 * the report's planner settings (useReportSettings) stay inside it.
 */
export async function readDigest(prisma: PrismaClient, options: { agencyId: string; unitId: string | null; now: Date }): Promise<DigestData> {
  return prisma.$transaction((tx) => computeDigest(tx, options), { isolationLevel: 'RepeatableRead', timeout: 60_000, maxWait: 10_000 });
}

/** Gathers the numbers of a digest for an agency, or for `unitId` and the units below it, in `db` (see readDigest). */
export async function computeDigest(db: Reader, options: { agencyId: string; unitId: string | null; now: Date }): Promise<DigestData> {
  await useReportSettings(db);
  const { agency, tops, nameOf, figures: scope } = await digestScope(db, options.agencyId, options.unitId);
  const { weekKey, previousWeekKey } = reportedWeek(options.now, agency.timeZone);

  const perUnit = new Map<string, { thisWeek: Counts; lastWeek: Counts }>();
  const total = { thisWeek: empty(), lastWeek: empty() };
  const add = (into: Counts, from: Counts) => {
    into.answered += from.answered;
    into.missed += from.missed;
    into.pending += from.pending;
    into.unlinked += from.unlinked;
    into.onLeave += from.onLeave;
  };
  // One query at a time: `db` may be a transaction, one connection (see Db in services/db.ts).
  for (const row of await participation(db, scope, weekKey, previousWeekKey)) {
    const unit = tops.get(row.unitId) ?? '';
    const line = perUnit.get(unit) ?? { thisWeek: empty(), lastWeek: empty() };
    perUnit.set(unit, line);
    for (const [into, from] of [[line.thisWeek, row.thisWeek], [line.lastWeek, row.lastWeek], [total.thisWeek, row.thisWeek], [total.lastWeek, row.lastWeek]] as const) add(into, from);
  }

  const plans = await planFigures(db, scope, localDate(options.now, agency.timeZone).year);
  const obstacles = await oldObstacles(db, scope, new Date(options.now.getTime() - 7 * DAY));
  const silent = await silentSupervisors(db, scope, new Date(options.now.getTime() - 30 * DAY));
  const unreachable = await unreachableAccounts(db, scope);
  const periods = openEvaluationPeriods(localDate(options.now, agency.timeZone), agency.periodCadence, windowSettingOf(agency));
  const evaluations = new Map((await evaluationCounts(db, scope, periods.map((p) => p.key))).map((e) => [e.periodKey, e]));
  const byName = (a: string, b: string) => a.localeCompare(b);

  return {
    scope: options.unitId ? (nameOf.get(options.unitId) ?? agency.name) : agency.name,
    weekKey,
    units: [...perUnit.entries()].map(([unit, counts]) => ({ name: nameOf.get(unit) ?? unit, ...counts })).sort((a, b) => byName(a.name, b.name)),
    total,
    plans: { agreed: plans.agreed, active: plans.active },
    oldObstacles: obstacles.map((o) => ({ name: o.name, supervisor: o.supervisor, days: Math.floor((options.now.getTime() - o.createdAt.getTime()) / DAY) })),
    silentSupervisors: silent.sort(byName),
    unreachable: unreachable.sort(byName),
    evaluations: periods.map((period) => {
      const counts = evaluations.get(period.key);
      return {
        periodKey: period.key,
        people: plans.active,
        drafts: counts?.drafts ?? 0,
        finalized: counts?.finalized ?? 0,
        objectionsOpen: counts?.objectionsOpen ?? 0,
        withCurveReason: counts?.withCurveReason ?? 0,
      };
    }),
  };
}

const rate = (c: Counts, locale: Locale) => (prompted(c) === 0 ? '–' : formatPercent(c.answered / prompted(c), locale, 0));

function named(items: string[], locale: Locale): Block[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LISTED).map((item) => [item]);
  if (items.length > LISTED) shown.push([digestText[locale].more({ count: items.length - LISTED })]);
  return [list(shown)];
}

/** The digest as one message, with the participation chart as its picture. */
export async function digestMessage(data: DigestData, locale: Locale): Promise<Reply> {
  const t = digestText[locale];
  const { thisWeek, lastWeek } = data.total;
  const blocks: Block[] = [paragraph(bold(t.title({ scope: data.scope, week: data.weekKey })))];
  blocks.push(
    paragraph(
      prompted(thisWeek) === 0
        ? t.participationNone
        : t.participation({ answered: thisWeek.answered, prompted: prompted(thisWeek), percent: rate(thisWeek, locale), previous: rate(lastWeek, locale) }),
    ),
  );
  if (thisWeek.onLeave > 0) blocks.push(paragraph(t.onLeave({ count: thisWeek.onLeave })));
  if (thisWeek.unlinked > 0) blocks.push(paragraph(t.notLinked({ count: thisWeek.unlinked })));
  if (data.units.length > 0) {
    blocks.push(paragraph(bold(t.unitsHeading)));
    blocks.push(...named(data.units.map((u) => t.unitLine({ unit: u.name, answered: u.thisWeek.answered, missed: u.thisWeek.missed + u.thisWeek.pending, onLeave: u.thisWeek.onLeave, percent: rate(u.thisWeek, locale) })), locale));
  }
  blocks.push(paragraph(t.plans({ agreed: data.plans.agreed, active: data.plans.active, percent: data.plans.active ? formatPercent(data.plans.agreed / data.plans.active, locale, 0) : '–' })));
  for (const e of data.evaluations) {
    const period = parsePeriodKey(e.periodKey);
    const params = { period: period ? periodLabel(period, locale) : e.periodKey, finalized: e.finalized, people: e.people, percent: e.people ? formatPercent(e.finalized / e.people, locale, 0) : '–' };
    blocks.push(paragraph(t.evaluationProgress({ ...params, drafts: e.drafts, objections: e.objectionsOpen, curveReasons: e.withCurveReason })));
  }
  blocks.push(paragraph(bold(t.oldObstacles({ count: data.oldObstacles.length }))));
  blocks.push(...named(data.oldObstacles.map((o) => t.obstacleLine({ name: o.name, supervisor: o.supervisor ?? t.noSupervisor, days: o.days })), locale));
  blocks.push(paragraph(bold(t.silentSupervisors({ count: data.silentSupervisors.length }))));
  blocks.push(...named(data.silentSupervisors, locale));
  blocks.push(paragraph(bold(t.unreachable({ count: data.unreachable.length }))));
  blocks.push(...named(data.unreachable, locale));

  const bars: ParticipationBar[] = data.units.map((u) => ({
    label: u.name,
    answered: u.thisWeek.answered,
    missed: u.thisWeek.missed + u.thisWeek.pending,
    onLeave: u.thisWeek.onLeave,
    ...(prompted(u.lastWeek) > 0 ? { lastWeekRate: u.lastWeek.answered / prompted(u.lastWeek) } : {}),
  }));
  const png = await renderParticipationChart(bars, { title: t.chartTitle, subtitle: `${data.scope} · ${data.weekKey}`, locale });
  return reply(blocks, [], { image: { fileName: `partisipasi-${data.weekKey}.png`, base64: png.toString('base64') } });
}
