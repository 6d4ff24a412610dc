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
import { inChunks, type Reader } from '../services/db.js';
import { renderParticipationChart, type ParticipationBar } from './chart.js';

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

/** Gathers the numbers of a digest for an agency, or for `unitId` and the units below it. */
export async function computeDigest(db: Reader, options: { agencyId: string; unitId: string | null; now: Date }): Promise<DigestData> {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: options.agencyId } });
  const units = await db.unit.findMany({ where: { agencyId: agency.id }, select: { id: true, name: true, parentId: true } });
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  // Each unit rolls up to its top unit: a child of the scope's unit, or an agency root.
  const topOf = (unitId: string): string | undefined => {
    let current: string | null | undefined = unitId;
    for (let depth = 0; current && depth < 50; depth++) {
      const parent: string | null | undefined = parentOf.get(current);
      if (options.unitId ? parent === options.unitId || current === options.unitId : !parent) return current;
      current = parent;
    }
    return undefined;
  };

  const employees = await db.employee.findMany({ where: { agencyId: agency.id, active: true }, select: { id: true, unitId: true, name: true, supervisorId: true } });
  const inScope = employees.filter((e) => topOf(e.unitId) !== undefined);
  const ids = inScope.map((e) => e.id);
  const { weekKey, previousWeekKey } = reportedWeek(options.now, agency.timeZone);
  const prompts = await inChunks(ids, (chunk) =>
    db.checkinPrompt.findMany({ where: { employeeId: { in: chunk }, weekKey: { in: [weekKey, previousWeekKey] } }, select: { employeeId: true, weekKey: true, status: true, skipReason: true } }),
  );

  const unitOfEmployee = new Map(inScope.map((e) => [e.id, topOf(e.unitId) ?? '']));
  const perUnit = new Map<string, { thisWeek: Counts; lastWeek: Counts }>();
  const total = { thisWeek: empty(), lastWeek: empty() };
  for (const prompt of prompts) {
    const unit = unitOfEmployee.get(prompt.employeeId) ?? '';
    const row = perUnit.get(unit) ?? { thisWeek: empty(), lastWeek: empty() };
    perUnit.set(unit, row);
    for (const counts of [prompt.weekKey === weekKey ? row.thisWeek : row.lastWeek, prompt.weekKey === weekKey ? total.thisWeek : total.lastWeek]) {
      if (prompt.status === 'ANSWERED') counts.answered++;
      else if (prompt.status === 'MISSED') counts.missed++;
      else if (prompt.status === 'PENDING') counts.pending++;
      else if (prompt.skipReason === 'UNLINKED') counts.unlinked++;
      else counts.onLeave++;
    }
  }

  const year = localDate(options.now, agency.timeZone).year;
  // Chunks partition the people, so `distinct` per chunk is distinct overall; order is restored after.
  const agreed = await inChunks(ids, (chunk) => db.plan.findMany({ where: { employeeId: { in: chunk }, year, status: 'AGREED' }, distinct: ['employeeId'], select: { employeeId: true } }));
  const obstacles = (
    await inChunks(ids, (chunk) =>
      db.obstacle.findMany({
        where: { employeeId: { in: chunk }, status: { not: 'RESOLVED' }, createdAt: { lt: new Date(options.now.getTime() - 7 * DAY) } },
        include: { employee: { select: { name: true } }, supervisor: { select: { name: true } } },
      }),
    )
  ).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const unreachable = await inChunks(ids, (chunk) => db.chatIdentity.findMany({ where: { reachable: false, employeeId: { in: chunk } }, include: { employee: { select: { name: true } } } }));

  return {
    scope: options.unitId ? (nameOf.get(options.unitId) ?? agency.name) : agency.name,
    weekKey,
    units: [...perUnit.entries()].map(([unit, counts]) => ({ name: nameOf.get(unit) ?? unit, ...counts })).sort((a, b) => a.name.localeCompare(b.name)),
    total,
    plans: { agreed: agreed.length, active: ids.length },
    oldObstacles: obstacles.map((o) => ({ name: o.employee.name, supervisor: o.supervisor?.name ?? null, days: Math.floor((options.now.getTime() - o.createdAt.getTime()) / DAY) })),
    silentSupervisors: await silentSupervisors(db, inScope, options.now),
    unreachable: unreachable.map((identity) => identity.employee.name),
    evaluations: await evaluationProgress(db, agency, ids, options.now),
  };
}

async function evaluationProgress(
  db: Reader,
  agency: { timeZone: string; periodCadence: 'QUARTERLY' | 'MONTHLY'; evaluationOpensDays: number; evaluationClosesDays: number },
  ids: string[],
  now: Date,
): Promise<EvaluationProgress[]> {
  const progress: EvaluationProgress[] = [];
  for (const period of openEvaluationPeriods(localDate(now, agency.timeZone), agency.periodCadence, windowSettingOf(agency))) {
    const rows = await inChunks(ids, (chunk) =>
      db.evaluation.findMany({ where: { employeeId: { in: chunk }, periodKey: period.key }, select: { status: true, curveDeviationReason: true, objection: { select: { status: true } } } }),
    );
    progress.push({
      periodKey: period.key,
      people: ids.length,
      drafts: rows.filter((r) => r.status === 'DRAFT').length,
      finalized: rows.filter((r) => r.status !== 'DRAFT').length,
      objectionsOpen: rows.filter((r) => r.objection && r.objection.status !== 'DECIDED').length,
      withCurveReason: rows.filter((r) => r.curveDeviationReason).length,
    });
  }
  return progress;
}

/** Supervisors of people in scope with no feedback given, clarification answered or obstacle answered in 30 days. */
async function silentSupervisors(db: Reader, people: { supervisorId: string | null }[], now: Date): Promise<string[]> {
  const supervisorIds = [...new Set(people.map((p) => p.supervisorId).filter((id): id is string => !!id))];
  const since = new Date(now.getTime() - 30 * DAY);
  const feedback = await inChunks(supervisorIds, (chunk) => db.feedback.findMany({ where: { giverId: { in: chunk }, createdAt: { gte: since } }, distinct: ['giverId'], select: { giverId: true } }));
  const clarifications = await inChunks(supervisorIds, (chunk) =>
    db.planClarification.findMany({ where: { answeredById: { in: chunk }, answeredAt: { gte: since } }, distinct: ['answeredById'], select: { answeredById: true } }),
  );
  const obstacles = await inChunks(supervisorIds, (chunk) =>
    db.obstacle.findMany({ where: { respondedById: { in: chunk }, respondedAt: { gte: since } }, distinct: ['respondedById'], select: { respondedById: true } }),
  );
  const talked = new Set([...feedback.map((f) => f.giverId), ...clarifications.map((c) => c.answeredById), ...obstacles.map((o) => o.respondedById)]);
  const silent = supervisorIds.filter((id) => !talked.has(id));
  const rows = await inChunks(silent, (chunk) => db.employee.findMany({ where: { id: { in: chunk }, active: true }, select: { name: true } }));
  return rows.map((row) => row.name).sort((a, b) => a.localeCompare(b));
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
