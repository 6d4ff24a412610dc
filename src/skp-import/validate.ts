/**
 * Checks across rows: rows are grouped into one SKP per person and year, RHK are assembled from
 * their indicator rows, and the rules that need the person (perspektif only for JPT, the leader's
 * RHK for everyone who has a supervisor in the bot) are applied. One bad row refuses the person's
 * whole SKP; the other rows of that person are reported with the lines that caused it.
 */
import type { Target } from '../domain/target.js';
import { parseRow, textKey, type Aspect, type Perspective, type RhkKind, type RowIssue, type SkpColumn, type SkpRow } from './columns.js';
import type { TableRow } from '../files/table.js';

/** A refused row with every reason found. */
export interface RejectedRow {
  line: number;
  nip: string | undefined;
  issues: RowIssue[];
}

/** The rows of one person for one year, in file order; `bad` are rows refused on their own. */
export interface PersonGroup {
  nip: string;
  year: number;
  rows: SkpRow[];
  bad: RejectedRow[];
}

/** An indicator ready to store. */
export interface ImportedIndicator {
  aspect: Aspect;
  text: string;
  target: Target;
}

/** An RHK ready to store; `leaderRhkId` is resolved against the supervisor's agreed plan. */
export interface ImportedRhk {
  kind: RhkKind;
  text: string;
  perspective: Perspective | null;
  leaderRhkId: string | null;
  leaderText: string | null;
  indicators: ImportedIndicator[];
}

/** One person's SKP for a year as the file gives it. */
export interface ImportedPlan {
  nip: string;
  year: number;
  establishedOn: string | null;
  documentNumber: string | null;
  rhks: ImportedRhk[];
  lines: number[];
}

/** What the rules need to know about the person. */
export interface PersonFacts {
  isJpt: boolean;
  active: boolean;
  /** Name of the supervisor in the bot; null for someone whose leader is outside it (the head of the agency). */
  supervisorName: string | null;
  /** The supervisor's RHK in force for the year (text → id), or why there are none. */
  leaderRhks: Map<string, { id: string; text: string }> | 'NO_PLAN' | 'REJECTED' | null;
}

/** Parses every row and groups the rows with a NIP and a year by person and year; the rest are refused outright. */
export function groupRows(rows: TableRow[]): { groups: PersonGroup[]; orphans: RejectedRow[] } {
  const groups = new Map<string, PersonGroup>();
  const orphans: RejectedRow[] = [];
  for (const row of rows) {
    const parsed = parseRow(row);
    const nip = parsed.ok ? parsed.row.nip : parsed.nip;
    const year = parsed.ok ? parsed.row.year : yearOf(parsed.issues, row);
    if (!nip || year === undefined) {
      if (!parsed.ok) orphans.push({ line: row.line, nip, issues: parsed.issues });
      continue;
    }
    const key = `${nip} ${year}`;
    const group = groups.get(key) ?? { nip, year, rows: [], bad: [] };
    groups.set(key, group);
    if (parsed.ok) group.rows.push(parsed.row);
    else group.bad.push({ line: row.line, nip, issues: parsed.issues });
  }
  // A row of a known NIP without a readable year still refuses that person's SKP (every year in the file).
  const remaining: RejectedRow[] = [];
  for (const orphan of orphans) {
    const own = [...groups.values()].filter((group) => group.nip === orphan.nip);
    if (own.length === 0) remaining.push(orphan);
    for (const group of own) group.bad.push(orphan);
  }
  return { groups: [...groups.values()], orphans: remaining };
}

/** The year of a row refused for other reasons, so it still refuses its person's SKP of that year. */
function yearOf(issues: RowIssue[], row: TableRow): number | undefined {
  if (issues.some((issue) => issue.code === 'YEAR_INVALID' || (issue.code === 'MISSING_FIELD' && issue.field === 'tahun'))) return undefined;
  const raw = Object.entries(row.cells).find(([column]) => ['tahun', 'periode', 'tahun_skp', 'tahun_penilaian'].includes(column))?.[1];
  return raw ? Number(raw.trim()) : undefined;
}

/**
 * Builds one person's SKP, or refuses all of its rows. `facts` is undefined when the NIP is not an
 * employee of the agency.
 */
export function buildPlan(group: PersonGroup, facts: PersonFacts | undefined): { ok: true; plan: ImportedPlan } | { ok: false; rejected: RejectedRow[] } {
  const issues = new Map<number, RowIssue[]>(group.bad.map((row) => [row.line, [...row.issues]]));
  const add = (line: number, issue: RowIssue) => issues.set(line, [...(issues.get(line) ?? []), issue]);
  const allLines = [...group.rows.map((row) => row.line), ...group.bad.map((row) => row.line)].sort((a, b) => a - b);

  if (!facts) for (const line of allLines) add(line, { code: 'EMPLOYEE_UNKNOWN', nip: group.nip });
  else if (!facts.active) for (const line of allLines) add(line, { code: 'EMPLOYEE_INACTIVE' });

  // Values that belong to the whole SKP or the whole RHK may be left empty after their first row.
  const first = new Map<string, { value: string; line: number }>();
  const agree = (scope: string, field: SkpColumn, value: string | null, line: number) => {
    if (value === null) return;
    const key = `${scope}|${field}`;
    const seen = first.get(key);
    if (!seen) first.set(key, { value, line });
    else if (textKey(seen.value) !== textKey(value)) add(line, { code: 'CONFLICT', field, value, other: seen.value, line: seen.line });
  };

  const rhks = new Map<string, ImportedRhk & { firstLine: number }>();
  const indicatorLines = new Map<string, number>();
  for (const row of group.rows) {
    agree('plan', 'tanggal_penetapan', row.establishedOn, row.line);
    agree('plan', 'nomor_dokumen', row.documentNumber, row.line);
    const rhkKey = `${row.kind}|${textKey(row.rhk)}`;
    agree(rhkKey, 'perspektif', row.perspective, row.line);
    agree(rhkKey, 'rhk_atasan', row.leaderRhk, row.line);
    const indicatorKey = `${rhkKey}|${row.aspect}|${textKey(row.indicator)}`;
    const twin = indicatorLines.get(indicatorKey);
    if (twin !== undefined) add(row.line, { code: 'INDICATOR_DUPLICATE', line: twin });
    else indicatorLines.set(indicatorKey, row.line);

    let rhk = rhks.get(rhkKey);
    if (!rhk) {
      rhk = { kind: row.kind, text: row.rhk, perspective: null, leaderRhkId: null, leaderText: null, indicators: [], firstLine: row.line };
      rhks.set(rhkKey, rhk);
    }
    rhk.perspective ??= row.perspective;
    rhk.leaderText ??= row.leaderRhk;
    rhk.indicators.push({ aspect: row.aspect, text: row.indicator, target: row.target });
  }

  if (facts?.active) {
    for (const rhk of rhks.values()) {
      // JPT plans carry a perspektif per RHK (the Perjanjian Kinerja's); other SKPs have none.
      if (facts.isJpt && !rhk.perspective) add(rhk.firstLine, { code: 'PERSPECTIVE_REQUIRED' });
      if (!facts.isJpt && rhk.perspective) add(rhk.firstLine, { code: 'PERSPECTIVE_NOT_JPT' });
      // Without a supervisor in the bot the leader's RHK is outside it: nothing to align to or store.
      if (facts.supervisorName === null) {
        rhk.leaderText = null;
        continue;
      }
      if (!rhk.leaderText) {
        add(rhk.firstLine, { code: 'LEADER_RHK_REQUIRED' });
        continue;
      }
      const leader = facts.leaderRhks;
      if (leader === 'REJECTED') add(rhk.firstLine, { code: 'SUPERVISOR_REJECTED', supervisor: facts.supervisorName });
      else if (leader === 'NO_PLAN' || leader === null) add(rhk.firstLine, { code: 'SUPERVISOR_PLAN_MISSING', supervisor: facts.supervisorName, year: group.year });
      else {
        const match = leader.get(textKey(rhk.leaderText));
        if (match) Object.assign(rhk, { leaderRhkId: match.id, leaderText: match.text });
        else add(rhk.firstLine, { code: 'LEADER_RHK_UNKNOWN', text: rhk.leaderText, supervisor: facts.supervisorName, year: group.year });
      }
    }
  }

  if (issues.size > 0) {
    const badLines = [...issues.keys()].sort((a, b) => a - b);
    return {
      ok: false,
      rejected: allLines.map((line) => ({ line, nip: group.nip, issues: issues.get(line) ?? [{ code: 'PERSON_REJECTED', lines: badLines }] })),
    };
  }
  return {
    ok: true,
    plan: {
      nip: group.nip,
      year: group.year,
      establishedOn: first.get('plan|tanggal_penetapan')?.value ?? null,
      documentNumber: first.get('plan|nomor_dokumen')?.value ?? null,
      rhks: [...rhks.values()].map(({ firstLine: _firstLine, ...rhk }) => rhk),
      lines: allLines,
    },
  };
}

/** Orders groups so that a supervisor's SKP comes before their staff's (top-down), then by year and first line. */
export function topDown(groups: PersonGroup[], depthOf: (nip: string) => number): PersonGroup[] {
  const firstLine = (group: PersonGroup) => Math.min(...group.rows.map((r) => r.line), ...group.bad.map((r) => r.line));
  return [...groups].sort((a, b) => a.year - b.year || depthOf(a.nip) - depthOf(b.nip) || firstLine(a) - firstLine(b));
}
