/**
 * Kurva distribusi (SE MenPANRB 3/2023 "Pola Distribusi Predikat Kinerja Pegawai", on PP 30/2019
 * Pasal 41 ayat 7) (verify against the SE's PDF, which could not be retrieved here; the wording was
 * read from naikpangkat.com and postingnews.id, see README): the organisation's Capaian Kinerja
 * Organisasi limits how the predikat of its employees may be spread. The bot checks a proposed set
 * of predikat and explains each broken rule; the organisation's leader establishes the set, with a
 * written reason when it breaks the curve (services/penetapan-service.ts).
 *
 * Policy the product promises:
 * - Bounds are literal. "At most p%" of n people allows floor(p·n) people; "at least p%" requires
 *   ceil(p·n) people (products within 1e-9 of a whole number count as that number, so 0.7·10 is 7).
 *   Count rules ("at least one") are literal counts. "Sebagian besar" (most) means more than half:
 *   floor(n/2) + 1 people – our reading of the SE's words, marked verify.
 * - Every organisation gets the same rules whatever its size: the SE has no small-unit exception.
 *   When a size makes two rules contradict (of two people, "most" is two and "at most 70%" is
 *   one), `unsatisfiable` says so and the leader establishes with a reason.
 * - A rater's own team is only a preview (`advisory`): every broken rule is 'advisory' there, since
 *   the curve applies to the whole organisation.
 * - `ok` is true when no entry has severity 'violation'. An empty unit (n = 0) is ok, with no entries.
 */
import { formatPercent, type Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';
import { EMPLOYEE_PREDIKATS, predikatLabel, unitPredikatLabel } from './rating-matrix.js';
import type { EmployeePredikat, UnitPredikat } from './rating-matrix.js';

/** The limit of a rule: a share of the unit (0–1), a number of people, or "most" (more than half). */
export type CurveLimit =
  | { readonly kind: 'share'; readonly share: number }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'majority' };

/** One rule of the curve: how many employees with one of `predikats` are allowed ('max') or required ('min'). */
export interface CurveRule {
  readonly id: string;
  readonly bound: 'max' | 'min';
  readonly predikats: readonly EmployeePredikat[];
  readonly limit: CurveLimit;
}

/** The rules that apply to the employees of a unit, by the unit's predikat. */
export type CurveRules = Readonly<Record<UnitPredikat, readonly CurveRule[]>>;

/** DOMAIN.md's table, rule by rule ("sebagian besar (maksimal 70%)" is a majority floor and a cap). */
export const DEFAULT_CURVE_RULES: CurveRules = {
  ISTIMEWA: [
    { id: 'istimewa.sangat-baik.majority', bound: 'min', predikats: ['SANGAT_BAIK'], limit: { kind: 'majority' } },
    { id: 'istimewa.sangat-baik.max', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0.7 } },
  ],
  BAIK: [
    { id: 'baik.baik.majority', bound: 'min', predikats: ['BAIK'], limit: { kind: 'majority' } },
    { id: 'baik.baik.max', bound: 'max', predikats: ['BAIK'], limit: { kind: 'share', share: 0.7 } },
    {
      id: 'baik.butuh-perbaikan-or-kurang.min',
      bound: 'min',
      predikats: ['BUTUH_PERBAIKAN', 'KURANG'],
      limit: { kind: 'count', count: 1 },
    },
  ],
  BUTUH_PERBAIKAN: [
    { id: 'butuh-perbaikan.butuh-perbaikan.min', bound: 'min', predikats: ['BUTUH_PERBAIKAN'], limit: { kind: 'share', share: 0.6 } },
    { id: 'butuh-perbaikan.sangat-baik.max', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0.1 } },
  ],
  KURANG: [
    { id: 'kurang.kurang.min', bound: 'min', predikats: ['KURANG'], limit: { kind: 'share', share: 0.6 } },
    { id: 'kurang.butuh-perbaikan.min', bound: 'min', predikats: ['BUTUH_PERBAIKAN'], limit: { kind: 'share', share: 0.1 } },
    { id: 'kurang.sangat-baik.max', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0.1 } },
  ],
  SANGAT_KURANG: [
    { id: 'sangat-kurang.sangat-kurang.min', bound: 'min', predikats: ['SANGAT_KURANG'], limit: { kind: 'share', share: 0.6 } },
    {
      id: 'sangat-kurang.kurang-or-butuh-perbaikan.min',
      bound: 'min',
      predikats: ['KURANG', 'BUTUH_PERBAIKAN'],
      limit: { kind: 'share', share: 0.1 },
    },
    { id: 'sangat-kurang.sangat-baik.max', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0 } },
  ],
};

/** A rule the proposed predikat do not meet. */
export interface Violation {
  readonly ruleId: string;
  readonly bound: 'max' | 'min';
  readonly predikats: readonly EmployeePredikat[];
  readonly limit: CurveLimit;
  /** Number of people in the unit. */
  readonly unitSize: number;
  /** People allowed (bound 'max') or required (bound 'min'). */
  readonly limitCount: number;
  /** People proposed with one of the rule's predikat. */
  readonly actualCount: number;
  /** actualCount / unitSize (0–1). */
  readonly actualShare: number;
  /** 'advisory' in a rater's team preview; the organisation's check has violations. */
  readonly severity: 'violation' | 'advisory';
}

/** Outcome of checking a unit's proposed predikat against the curve. */
export interface CurveResult {
  readonly unitSize: number;
  /** A team preview (advisories only), not the organisation's check. */
  readonly advisory: boolean;
  /** Two rules contradict at this size (a minimum above a maximum): no set meets them all. */
  readonly unsatisfiable: boolean;
  readonly ok: boolean;
  readonly violations: readonly Violation[];
}

/** Options of `checkCurve`. */
export interface CurveOptions {
  /** A rater's own team: every broken rule is only advice (the organisation's leader establishes). */
  readonly advisory?: boolean;
}

// Floating products such as 0.7 * 10 = 7.000000000000001 must count as whole numbers.
const EPSILON = 1e-9;

/** People allowed ('max') or required ('min') by a rule in a unit of `unitSize` people. */
export function limitCount(rule: Pick<CurveRule, 'bound' | 'limit'>, unitSize: number): number {
  if (rule.limit.kind === 'count') return rule.limit.count;
  if (rule.limit.kind === 'majority') return Math.floor(unitSize / 2) + 1;
  const exact = rule.limit.share * unitSize;
  const nearest = Math.round(exact);
  if (Math.abs(exact - nearest) < EPSILON) return nearest;
  return rule.bound === 'max' ? Math.floor(exact) : Math.ceil(exact);
}

/** Number of entries that have one of the given predikat. */
function countOf(predikats: readonly EmployeePredikat[], counted: readonly EmployeePredikat[]): number {
  return predikats.filter((p) => counted.includes(p)).length;
}

/** Checks the employees' proposed predikat of a unit against the curve for the unit's predikat. */
export function checkCurve(
  unitPredikat: UnitPredikat,
  employeePredikats: readonly EmployeePredikat[],
  rules: CurveRules = DEFAULT_CURVE_RULES,
  options: CurveOptions = {},
): CurveResult {
  const unitSize = employeePredikats.length;
  const advisory = options.advisory ?? false;
  if (unitSize === 0) return { unitSize, advisory, unsatisfiable: false, ok: true, violations: [] };
  const violations: Violation[] = [];
  for (const rule of rules[unitPredikat]) {
    const actualCount = countOf(employeePredikats, rule.predikats);
    const limit = limitCount(rule, unitSize);
    const broken = rule.bound === 'max' ? actualCount > limit : actualCount < limit;
    if (!broken) continue;
    violations.push({
      ruleId: rule.id,
      bound: rule.bound,
      predikats: rule.predikats,
      limit: rule.limit,
      unitSize,
      limitCount: limit,
      actualCount,
      actualShare: actualCount / unitSize,
      severity: advisory ? 'advisory' : 'violation',
    });
  }
  const unsatisfiable = contradicts(rules[unitPredikat], unitSize);
  return { unitSize, advisory, unsatisfiable, ok: violations.every((v) => v.severity !== 'violation'), violations };
}

/** Whether a minimum and a maximum on the same predikat cannot both hold for `unitSize` people (e.g. 2 people at Istimewa: most = 2, at most 70% = 1). */
function contradicts(rules: readonly CurveRule[], unitSize: number): boolean {
  const same = (a: CurveRule, b: CurveRule) => a.predikats.length === b.predikats.length && a.predikats.every((p) => b.predikats.includes(p));
  return rules.some((min) => min.bound === 'min' && rules.some((max) => max.bound === 'max' && same(min, max) && limitCount(max, unitSize) < limitCount(min, unitSize)));
}

/** How many employees have each predikat, for summaries. */
export function countPredikats(employeePredikats: readonly EmployeePredikat[]): Record<EmployeePredikat, number> {
  const counts = Object.fromEntries(EMPLOYEE_PREDIKATS.map((p) => [p, 0])) as Record<EmployeePredikat, number>;
  for (const p of employeePredikats) counts[p] += 1;
  return counts;
}

/** "Butuh Perbaikan atau Kurang": the rule's predikat names joined the way the locale says it. */
function predikatList(predikats: readonly EmployeePredikat[], locale: Locale): string {
  const names = predikats.map((p) => predikatLabel(p, locale));
  return names.join(` ${domainMessages[locale]['curve.or']} `);
}

/** One sentence explaining a violation, e.g. "Sangat Baik paling banyak 70% dari 10 pegawai = 7 orang; usulan Anda 8 orang (80%)." */
export function explainViolation(v: Violation, locale: Locale): string {
  const m = domainMessages[locale];
  const params = {
    predikats: predikatList(v.predikats, locale),
    unitSize: v.unitSize,
    limit: v.limitCount,
    actual: v.actualCount,
    actualPercent: formatPercent(v.actualShare, locale),
  };
  if (v.bound === 'max' && v.limitCount === 0) return m['curve.rule.none'](params);
  if (v.limit.kind === 'majority') return m['curve.rule.majority'](params);
  if (v.limit.kind === 'count') {
    return v.bound === 'max' ? m['curve.rule.maxCount'](params) : m['curve.rule.minCount'](params);
  }
  const withShare = { ...params, percent: formatPercent(v.limit.share, locale) };
  return v.bound === 'max' ? m['curve.rule.maxShare'](withShare) : m['curve.rule.minShare'](withShare);
}

/** A short multi-line explanation of a whole check, for the rater: a header, the outcome, one line per entry. */
export function explainCurveResult(result: CurveResult, unitPredikat: UnitPredikat, locale: Locale): string {
  const m = domainMessages[locale];
  const lines = [m['curve.header']({ unit: unitPredikatLabel(unitPredikat, locale), unitSize: result.unitSize })];
  if (result.unitSize === 0) {
    lines.push(m['curve.empty']);
  } else if (result.violations.length === 0) {
    lines.push(m['curve.ok']);
  } else if (result.ok) {
    lines.push(m['curve.okWithAdvisories']);
  } else {
    lines.push(m['curve.notOk']({ count: result.violations.filter((v) => v.severity === 'violation').length }));
  }
  for (const v of result.violations) lines.push(`• ${explainViolation(v, locale)}`);
  if (result.unsatisfiable) lines.push(m['curve.unsatisfiable']({ unitSize: result.unitSize }));
  if (result.advisory) lines.push(m['curve.teamPreview']);
  return lines.join('\n');
}
