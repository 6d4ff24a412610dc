/**
 * SKP plans: versions per employee and year. A proposal is a new version; agreeing locks it and
 * supersedes every other version; a revision is another new version, so history is kept.
 */
import { coreValueName, type CoreValueCode } from '../domain/berakhlak.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { planningText } from '../i18n/planning.js';
import { ownSkpText } from '../i18n/own-skp.js';
import { list, paragraph, bold, quote, type Block } from '../conversation/reply.js';
import type { IndicatorAspect, Perspective, PlanStatus, RhkKind } from '../generated/prisma/client.js';
import type { Reader } from './db.js';

/** An indicator as entered. `targetValue` with `targetUnit`, or a narrative `targetText`. */
export interface IndicatorDraft {
  /** Null for indicators without an aspect (the qualitative approach, or data from elsewhere). */
  aspect: IndicatorAspect | null;
  text: string;
  targetValue: number | null;
  targetUnit: string | null;
  targetText: string | null;
}

/** An RHK as entered. */
export interface RhkDraft {
  kind: RhkKind;
  text: string;
  leaderRhkId: string | null;
  indicators: IndicatorDraft[];
  /** For a JPT's RHK (from the Perjanjian Kinerja): Penerima Layanan, Proses Bisnis, Penguatan Internal or Anggaran. */
  perspective?: Perspective | null;
}

/** Lampiran SKP (PermenPANRB 6/2022, penetapan ekspektasi b–d): what the employee needs, how they answer for results, what follows. */
export interface Lampiran {
  resourceSupport: string;
  accountability: string;
  consequences: string;
}

/** A specific expectation for one BerAKHLAK value. */
export interface BehaviourDraft {
  coreValue: CoreValueCode;
  text: string;
}

const planInclude = {
  employee: { select: { name: true } },
  resultExpectations: {
    orderBy: { position: 'asc' },
    include: { indicators: { orderBy: { position: 'asc' } }, leaderRhk: { select: { text: true } } },
  },
  behaviourExpectations: true,
} as const;

/** A plan version with its RHK, indicators and behaviour expectations. */
export type PlanView = NonNullable<Awaited<ReturnType<typeof latestPlan>>>;

/**
 * Which SKP period's plans to read: the period in force (null, the default), or the closed one
 * ending on `periodEnd` after a move (src/domain/skp-period.ts).
 */
type SkpPeriodEnd = Date | null;

/** The newest version of an employee's plan for a year, in the SKP period in force (or the closed one `periodEnd` names). */
export async function latestPlan(db: Reader, employeeId: string, year: number, periodEnd: SkpPeriodEnd = null) {
  return db.plan.findFirst({ where: { employeeId, year, periodEnd }, orderBy: { version: 'desc' }, include: planInclude });
}

/** The highest version number of a year across its SKP periods: a new version takes the next one. */
export async function lastPlanVersion(db: Reader, employeeId: string, year: number): Promise<number> {
  return (await db.plan.findFirst({ where: { employeeId, year }, orderBy: { version: 'desc' }, select: { version: true } }))?.version ?? 0;
}

/** One plan version by id. */
export async function planById(db: Reader, planId: string) {
  return db.plan.findUnique({ where: { id: planId }, include: planInclude });
}

/** The agreed plan in force: the newest agreed version of the SKP period. */
export async function agreedPlan(db: Reader, employeeId: string, year: number, periodEnd: SkpPeriodEnd = null) {
  return db.plan.findFirst({ where: { employeeId, year, periodEnd, status: 'AGREED' }, orderBy: { version: 'desc' }, include: planInclude });
}

/** The plan people work against: the agreed one if any, otherwise the newest. */
export async function workingPlan(db: Reader, employeeId: string, year: number, periodEnd: SkpPeriodEnd = null) {
  return (await agreedPlan(db, employeeId, year, periodEnd)) ?? (await latestPlan(db, employeeId, year, periodEnd));
}

/** Statuses in which the employee may still agree or ask. */
export const OPEN_STATUSES: PlanStatus[] = ['PROPOSED', 'CLARIFICATION_REQUESTED'];

/** True when `planId` is the newest version and still waiting for the employee. */
export async function isOpenForResponse(db: Reader, planId: string): Promise<boolean> {
  const plan = await db.plan.findUnique({ where: { id: planId } });
  if (!plan || !OPEN_STATUSES.includes(plan.status) || plan.supersededAt) return false;
  const newer = await db.plan.count({ where: { employeeId: plan.employeeId, year: plan.year, version: { gt: plan.version } } });
  return newer === 0;
}

/** "4 laporan", "12,5 %" or the narrative target. */
export function targetLabel(indicator: { targetValue: unknown; targetUnit: string | null; targetText: string | null }, locale: Locale): string {
  if (indicator.targetValue !== null && indicator.targetValue !== undefined) {
    const value = formatNumber(Number(indicator.targetValue), locale, 4);
    return indicator.targetUnit ? `${value} ${indicator.targetUnit}` : value;
  }
  return indicator.targetText ?? '–';
}

/** The blocks that show RHK and behaviour expectations, for a stored plan or a draft. */
export function planBlocks(
  content: {
    rhks: (Omit<RhkDraft, 'leaderRhkId'> & { leaderText: string | null })[];
    behaviours: BehaviourDraft[];
  },
  locale: Locale,
): Block[] {
  const t = planningText[locale];
  const blocks: Block[] = [paragraph(bold(t.resultsHeading))];
  for (const [i, rhk] of content.rhks.entries()) {
    blocks.push(paragraph(bold(t.rhkLine({ n: i + 1, kind: t[`kind${rhk.kind}`], text: rhk.text }))));
    if (rhk.perspective) blocks.push(paragraph(ownSkpText[locale].perspectiveLine({ perspective: ownSkpText[locale][`perspective${rhk.perspective}`] })));
    const items = rhk.indicators.map((indicator) => [
      t.indicatorLine({
        aspect: indicator.aspect ? t[`aspect${indicator.aspect}`] : '–',
        text: indicator.text,
        target: targetLabel(indicator, locale),
      }),
    ]);
    if (rhk.leaderText) items.push([t.supports({ text: rhk.leaderText })]);
    if (items.length > 0) blocks.push(list(items));
  }
  blocks.push(paragraph(bold(t.behaviourHeading)));
  if (content.behaviours.length === 0) blocks.push(paragraph(t.noBehaviour));
  for (const behaviour of content.behaviours) {
    blocks.push(paragraph(bold(coreValueName(behaviour.coreValue, locale))));
    blocks.push(quote(behaviour.text));
  }
  return blocks;
}

/** A plan version's content as messages show it, stored or about to be. */
export interface PlanContent {
  id: string;
  employeeId: string;
  employeeName: string;
  year: number;
  version: number;
  status: PlanStatus;
  rhks: (Omit<RhkDraft, 'leaderRhkId'> & { leaderText: string | null })[];
  behaviours: BehaviourDraft[];
  /** The Lampiran SKP, when the version has one. */
  lampiran?: Lampiran | null;
}

/** The Lampiran SKP as blocks. */
export function lampiranBlocks(lampiran: Lampiran, locale: Locale): Block[] {
  return [paragraph(bold(ownSkpText[locale].lampiranHeading)), paragraph(ownSkpText[locale].lampiranLine(lampiran))];
}

/** The content of a stored plan version. */
export function planContentOf(plan: PlanView): PlanContent {
  return {
    id: plan.id,
    employeeId: plan.employeeId,
    employeeName: plan.employee.name,
    year: plan.year,
    version: plan.version,
    status: plan.status,
    rhks: plan.resultExpectations.map((rhk) => ({
      kind: rhk.kind,
      text: rhk.text,
      leaderText: rhk.leaderRhk?.text ?? null,
      perspective: rhk.perspective,
      indicators: rhk.indicators.map((i) => ({
        aspect: i.aspect,
        text: i.text,
        targetValue: i.targetValue === null ? null : Number(i.targetValue),
        targetUnit: i.targetUnit,
        targetText: i.targetText,
      })),
    })),
    behaviours: plan.behaviourExpectations.map((b) => ({ coreValue: b.coreValue, text: b.text })),
    lampiran:
      plan.resourceSupport !== null && plan.accountability !== null && plan.consequences !== null
        ? { resourceSupport: plan.resourceSupport, accountability: plan.accountability, consequences: plan.consequences }
        : null,
  };
}

/** A plan version as blocks, with its heading and status. */
export function planContentBlocks(plan: PlanContent, locale: Locale): Block[] {
  const t = planningText[locale];
  return [
    paragraph(bold(t.planHeading({ name: plan.employeeName, year: plan.year, version: plan.version }))),
    paragraph(t.status({ status: t[`status${plan.status}`] })),
    ...planBlocks(plan, locale),
    ...(plan.lampiran ? lampiranBlocks(plan.lampiran, locale) : []),
  ];
}

/** A stored plan as blocks, with its heading and status. */
export function storedPlanBlocks(plan: PlanView, locale: Locale): Block[] {
  return planContentBlocks(planContentOf(plan), locale);
}
