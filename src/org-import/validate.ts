/**
 * Checks across the rows of an organisation file and against what the database already holds:
 * duplicate NIPs and e-mail addresses, people of another agency, conflicting or circular unit
 * trees, unknown or inactive supervisors, cycles in the supervisor chain, delegations of the PPK's
 * authority that cannot stand, and rows whose supervisor or delegate was itself refused. Pure: the
 * caller passes the database's state in.
 */
import { parseRow, unitKey, type OrgRow, type RowIssue } from './columns.js';
import type { TableRow } from '../files/table.js';
import type { CivilDate } from '../domain/civil-date.js';

/** An employee the database already has. */
export interface KnownEmployee {
  nip: string;
  agencyId: string;
  active: boolean;
  supervisorNip: string | null;
  /** NIP of the employee holding delegated PPK authority for this one, when one is recorded. */
  ppkDelegateNip?: string | null;
}

/** What validation needs to know about the database. */
export interface ValidationContext {
  agencyId: string;
  defaultTimeZone: string;
  /** Today in the agency's time zone: effective dates may not lie ahead of it. */
  today: CivilDate;
  /** Employees already stored, by NIP (any agency). */
  known: Map<string, KnownEmployee>;
  /** Parent unit names of units already stored in this agency, by unitKey. */
  knownUnitParents: Map<string, string | null>;
  /** When true, stored employees missing from the file will be deactivated, so they cannot be supervisors. */
  deactivateMissing: boolean;
}

/** A refused row. */
export interface RejectedRow {
  line: number;
  nip: string | undefined;
  issues: RowIssue[];
}

/** The outcome of validation. */
export interface ValidationResult {
  accepted: OrgRow[];
  rejected: RejectedRow[];
}

/** Validates every row; every refused row carries all of its reasons. */
export function validateRows(rows: TableRow[], context: ValidationContext): ValidationResult {
  const issuesByLine = new Map<number, RowIssue[]>();
  const nipByLine = new Map<number, string | undefined>();
  const candidates: OrgRow[] = [];
  const reject = (line: number, issue: RowIssue) => issuesByLine.set(line, [...(issuesByLine.get(line) ?? []), issue]);

  for (const row of rows) {
    const result = parseRow(row, { timeZone: context.defaultTimeZone, today: context.today });
    if (result.ok) {
      candidates.push(result.row);
      nipByLine.set(row.line, result.row.nip);
    } else {
      issuesByLine.set(row.line, result.issues);
      nipByLine.set(row.line, result.nip);
    }
  }

  // Duplicates are judged over every row that has a valid NIP, refused or not: which copy is right is unknowable.
  markDuplicates(rows, nipByLine, candidates, (row) => row.nip, 'NIP_DUPLICATE', reject);
  markDuplicates(rows, nipByLine, candidates, (row) => row.email, 'EMAIL_DUPLICATE', reject);

  for (const row of candidates) {
    const known = context.known.get(row.nip);
    if (known && known.agencyId !== context.agencyId) reject(row.line, { code: 'OTHER_AGENCY' });
  }
  checkUnits(candidates, context, reject);

  const nipsInFile = new Set([...nipByLine.values()].filter((nip): nip is string => nip !== undefined));
  let valid = candidates.filter((row) => !issuesByLine.has(row.line));
  checkSupervisors(valid, nipsInFile, context, reject);
  valid = valid.filter((row) => !issuesByLine.has(row.line));
  checkCycles(valid, context, reject);
  valid = valid.filter((row) => !issuesByLine.has(row.line));
  checkDelegates(valid, nipsInFile, context, reject);
  cascadeRejectedLinks(candidates, issuesByLine, nipByLine, context, reject);

  const accepted = candidates.filter((row) => !issuesByLine.has(row.line));
  const rejected = [...issuesByLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, issues]) => ({ line, nip: nipByLine.get(line), issues }));
  return { accepted, rejected };
}

function markDuplicates(
  rows: TableRow[],
  nipByLine: Map<number, string | undefined>,
  candidates: OrgRow[],
  keyOf: (row: OrgRow) => string | null,
  code: 'NIP_DUPLICATE' | 'EMAIL_DUPLICATE',
  reject: (line: number, issue: RowIssue) => void,
): void {
  const linesByKey = new Map<string, number[]>();
  if (code === 'NIP_DUPLICATE') {
    for (const row of rows) {
      const nip = nipByLine.get(row.line);
      if (nip) linesByKey.set(nip, [...(linesByKey.get(nip) ?? []), row.line]);
    }
  } else {
    for (const row of candidates) {
      const key = keyOf(row);
      if (key) linesByKey.set(key, [...(linesByKey.get(key) ?? []), row.line]);
    }
  }
  for (const lines of linesByKey.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) reject(line, { code, lines: lines.filter((other) => other !== line) });
  }
}

/** A unit keeps the first parent the file gives it; a later different parent is a conflict. Circular trees are refused. */
function checkUnits(candidates: OrgRow[], context: ValidationContext, reject: (line: number, issue: RowIssue) => void): void {
  const firstParent = new Map<string, { parent: string; line: number }>();
  for (const row of candidates) {
    if (!row.parentUnit) continue;
    const key = unitKey(row.unit);
    const first = firstParent.get(key);
    if (!first) firstParent.set(key, { parent: row.parentUnit, line: row.line });
    else if (unitKey(first.parent) !== unitKey(row.parentUnit)) {
      reject(row.line, { code: 'UNIT_PARENT_CONFLICT', unit: row.unit, parent: row.parentUnit, otherParent: first.parent, line: first.line });
    }
  }
  const parentOf = (key: string): string | null => {
    const fromFile = firstParent.get(key);
    if (fromFile) return unitKey(fromFile.parent);
    const stored = context.knownUnitParents.get(key);
    return stored ? unitKey(stored) : null;
  };
  const inCycle = new Map<string, string[]>();
  for (const start of firstParent.keys()) {
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !path.includes(current) && path.length <= firstParent.size + context.knownUnitParents.size) {
      path.push(current);
      current = parentOf(current);
    }
    if (current === start) inCycle.set(start, path);
  }
  for (const row of candidates) {
    const cycle = inCycle.get(unitKey(row.unit));
    if (cycle) reject(row.line, { code: 'UNIT_CYCLE', units: cycle });
  }
}

/** A supervisor must be in the file (judged later if that row is refused) or stored, active and of this agency. */
function checkSupervisors(
  rows: OrgRow[],
  inFile: Set<string>,
  context: ValidationContext,
  reject: (line: number, issue: RowIssue) => void,
): void {
  for (const row of rows) {
    const supervisor = row.supervisorNip;
    if (!supervisor) continue;
    if (supervisor === row.nip) {
      reject(row.line, { code: 'SUPERVISOR_SELF' });
      continue;
    }
    if (inFile.has(supervisor)) continue;
    const known = context.known.get(supervisor);
    if (!known || known.agencyId !== context.agencyId) reject(row.line, { code: 'SUPERVISOR_UNKNOWN', nip: supervisor });
    else if (!known.active || context.deactivateMissing) reject(row.line, { code: 'SUPERVISOR_INACTIVE', nip: supervisor });
  }
}

/** Finds supervisor cycles over the file's rows plus stored people the file does not mention. */
function checkCycles(rows: OrgRow[], context: ValidationContext, reject: (line: number, issue: RowIssue) => void): void {
  const supervisorOf = new Map<string, string | null>();
  if (!context.deactivateMissing) {
    for (const known of context.known.values()) {
      if (known.agencyId === context.agencyId && known.active) supervisorOf.set(known.nip, known.supervisorNip);
    }
  }
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    supervisorOf.set(row.nip, row.supervisorNip);
    lineOf.set(row.nip, row.line);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of lineOf.keys()) {
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = supervisorOf.get(current);
    }
    if (current && state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current));
      for (const nip of cycle) {
        const line = lineOf.get(nip);
        if (line !== undefined) reject(line, { code: 'SUPERVISOR_CYCLE', nips: cycle });
      }
    }
    for (const nip of path) state.set(nip, 'done');
  }
}

/**
 * A delegate of the PPK's authority (nip_ppk) must be someone else, in the file or stored, active and
 * of this agency, and must not be rated by the employee: not below them in the supervisor tree the
 * import leaves behind, and not someone who has delegated their own PPK authority to them.
 */
function checkDelegates(
  rows: OrgRow[],
  inFile: Set<string>,
  context: ValidationContext,
  reject: (line: number, issue: RowIssue) => void,
): void {
  // The tree after the import: the file's rows over what is stored (as checkCycles sees it).
  const supervisorOf = new Map<string, string | null>();
  const delegateOf = new Map<string, string | null>();
  if (!context.deactivateMissing) {
    for (const known of context.known.values()) {
      if (known.agencyId !== context.agencyId || !known.active) continue;
      supervisorOf.set(known.nip, known.supervisorNip);
      delegateOf.set(known.nip, known.ppkDelegateNip ?? null);
    }
  }
  for (const row of rows) {
    supervisorOf.set(row.nip, row.supervisorNip);
    // A file without the nip_ppk column keeps the stored delegation.
    delegateOf.set(row.nip, row.ppkDelegateNip !== undefined ? row.ppkDelegateNip : (context.known.get(row.nip)?.ppkDelegateNip ?? null));
  }
  for (const row of rows) {
    const delegate = row.ppkDelegateNip;
    if (!delegate) continue;
    if (delegate === row.nip) {
      reject(row.line, { code: 'DELEGATE_SELF' });
      continue;
    }
    if (!inFile.has(delegate)) {
      const known = context.known.get(delegate);
      if (!known || known.agencyId !== context.agencyId) {
        reject(row.line, { code: 'DELEGATE_UNKNOWN', nip: delegate });
        continue;
      }
      if (!known.active || context.deactivateMissing) {
        reject(row.line, { code: 'DELEGATE_INACTIVE', nip: delegate });
        continue;
      }
    }
    if (isBelow(delegate, row.nip, supervisorOf)) reject(row.line, { code: 'DELEGATE_BELOW', nip: delegate });
    else if (delegateOf.get(delegate) === row.nip) reject(row.line, { code: 'DELEGATE_MUTUAL', nip: delegate });
  }
}

/** True when `superior` is somewhere above `nip` in the supervisor tree. */
function isBelow(nip: string, superior: string, supervisorOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let current = supervisorOf.get(nip) ?? null; current !== null && !seen.has(current); current = supervisorOf.get(current) ?? null) {
    if (current === superior) return true;
    seen.add(current);
  }
  return false;
}

/**
 * A row whose supervisor's or delegate's row was refused – and who is not already stored and active –
 * is refused too.
 */
function cascadeRejectedLinks(
  candidates: OrgRow[],
  issuesByLine: Map<number, RowIssue[]>,
  nipByLine: Map<number, string | undefined>,
  context: ValidationContext,
  reject: (line: number, issue: RowIssue) => void,
): void {
  const refusedLineByNip = new Map<string, number>();
  for (const line of issuesByLine.keys()) {
    const nip = nipByLine.get(line);
    if (nip) refusedLineByNip.set(nip, line);
  }
  const storedAndActive = (nip: string) => {
    const known = context.known.get(nip);
    return !!known && known.agencyId === context.agencyId && known.active && !context.deactivateMissing;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const row of candidates) {
      if (issuesByLine.has(row.line)) continue;
      const links = [
        { nip: row.supervisorNip, code: 'SUPERVISOR_REJECTED' },
        { nip: row.ppkDelegateNip ?? null, code: 'DELEGATE_REJECTED' },
      ] as const;
      for (const { nip, code } of links) {
        const refusedLine = nip ? refusedLineByNip.get(nip) : undefined;
        if (!nip || refusedLine === undefined || storedAndActive(nip)) continue;
        reject(row.line, { code, nip, line: refusedLine });
        refusedLineByNip.set(row.nip, row.line);
        changed = true;
        break;
      }
    }
  }
}
