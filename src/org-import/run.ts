/**
 * One organisation import from start to finish: read the file, resolve the agency, validate
 * against the database, refuse the whole file when too many rows are bad (unless forced), and
 * write the rest in one transaction with an audit-log entry.
 */
import { basename } from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readTable, type Table } from '../files/table.js';
import { resolveColumns, unitKey } from './columns.js';
import { applyRows, type ApplySummary } from './apply.js';
import { closeSkpPeriods, findMoves, type Move } from './moves.js';
import { localDate } from '../domain/time-zones.js';
import { validateRows, type KnownEmployee, type RejectedRow } from './validate.js';

/** Options of `import-org`. */
export interface OrgImportOptions {
  file: string;
  /** Agency name; may be omitted when the database has exactly one agency. */
  agencyName?: string;
  /** Time zone for a new agency and for rows that leave zona_waktu empty. */
  defaultTimeZone: string;
  /** Largest share of rejected rows (0–1) that still imports the valid rest. */
  maxErrorRate: number;
  force: boolean;
  dryRun: boolean;
  deactivateMissing: boolean;
  /** The import's instant: today's date is the default effective date of a move. */
  now?: Date;
  onProgress?: (phase: 'validate' | 'write', done: number, total: number) => void;
}

/** Why nothing was imported, when nothing was. */
export type ImportRefusal =
  | { code: 'MISSING_COLUMNS'; columns: string[] }
  | { code: 'EMPTY_FILE' }
  | { code: 'AGENCY_REQUIRED' }
  | { code: 'AGENCY_AMBIGUOUS'; agencies: string[] }
  | { code: 'TOO_MANY_ERRORS'; rejected: number; total: number; maxErrorRate: number };

/** The result of an import, including dry runs and refusals. */
export interface OrgImportOutcome {
  file: string;
  agency: { name: string; created: boolean } | undefined;
  totalRows: number;
  accepted: number;
  /** Line and NIP of every accepted row, for the row-by-row report. */
  acceptedRows: { line: number; nip: string }[];
  rejected: RejectedRow[];
  unknownColumns: string[];
  refusal: ImportRefusal | undefined;
  dryRun: boolean;
  /** What was written; undefined for dry runs and refusals. */
  summary: ApplySummary | undefined;
  /** Employees of the agency the file does not list, left as they are (without --deactivate-missing). */
  missingKept: number;
  /** SKP periods the file's moves close (or would close, on a dry run). */
  moves: Move[];
}

/** Serialises imports into the same database. */
const IMPORT_LOCK_KEY = 4_201_002;

async function resolveAgency(
  prisma: PrismaClient,
  name: string | undefined,
): Promise<{ agency: { id: string; name: string; timeZone: string } | undefined; refusal?: ImportRefusal; exists: boolean }> {
  if (name) {
    const agency = await prisma.agency.findUnique({ where: { name } });
    return { agency: agency ?? undefined, exists: !!agency };
  }
  const agencies = await prisma.agency.findMany({ select: { id: true, name: true, timeZone: true }, take: 20 });
  if (agencies.length === 1 && agencies[0]) return { agency: agencies[0], exists: true };
  if (agencies.length === 0) return { agency: undefined, refusal: { code: 'AGENCY_REQUIRED' }, exists: false };
  return { agency: undefined, refusal: { code: 'AGENCY_AMBIGUOUS', agencies: agencies.map((a) => a.name) }, exists: false };
}

async function loadKnownState(prisma: Pick<PrismaClient, 'employee' | 'unit'>, agencyId: string | undefined) {
  const employees = await prisma.employee.findMany({
    select: { nip: true, agencyId: true, active: true, supervisor: { select: { nip: true } }, ppkDelegate: { select: { nip: true } } },
  });
  const known = new Map<string, KnownEmployee>(
    employees.map((e) => [
      e.nip,
      { nip: e.nip, agencyId: e.agencyId, active: e.active, supervisorNip: e.supervisor?.nip ?? null, ppkDelegateNip: e.ppkDelegate?.nip ?? null },
    ]),
  );
  const units = agencyId
    ? await prisma.unit.findMany({ where: { agencyId }, select: { name: true, parent: { select: { name: true } } } })
    : [];
  const knownUnitParents = new Map(units.map((unit) => [unitKey(unit.name), unit.parent?.name ?? null]));
  return { known, knownUnitParents };
}

/** Runs an import. File-level problems come back as a refusal; unexpected failures throw. */
export async function runOrgImport(prisma: PrismaClient, options: OrgImportOptions): Promise<OrgImportOutcome> {
  const table: Table = await readTable(options.file);
  const outcome: OrgImportOutcome = {
    file: basename(options.file),
    agency: undefined,
    totalRows: table.rows.length,
    accepted: 0,
    acceptedRows: [],
    rejected: [],
    unknownColumns: [],
    refusal: undefined,
    dryRun: options.dryRun,
    summary: undefined,
    missingKept: 0,
    moves: [],
  };
  const now = options.now ?? new Date();
  const columns = resolveColumns(table.columns);
  outcome.unknownColumns = columns.unknown;
  if (columns.missing.length > 0) return { ...outcome, refusal: { code: 'MISSING_COLUMNS', columns: columns.missing } };
  if (table.rows.length === 0) return { ...outcome, refusal: { code: 'EMPTY_FILE' } };

  const resolved = await resolveAgency(prisma, options.agencyName);
  if (resolved.refusal) return { ...outcome, refusal: resolved.refusal };
  const agencyName = resolved.agency?.name ?? options.agencyName ?? '';
  outcome.agency = { name: agencyName, created: !resolved.exists };
  const timeZone = resolved.agency?.timeZone ?? options.defaultTimeZone;

  const validateWith = async (db: Pick<PrismaClient, 'employee' | 'unit'>, agencyId: string) => {
    const state = await loadKnownState(db, resolved.agency?.id);
    options.onProgress?.('validate', 0, table.rows.length);
    const result = validateRows(table.rows, {
      agencyId,
      defaultTimeZone: timeZone,
      today: localDate(now, timeZone),
      known: state.known,
      knownUnitParents: state.knownUnitParents,
      deactivateMissing: options.deactivateMissing,
    });
    options.onProgress?.('validate', table.rows.length, table.rows.length);
    const listed = new Set(result.accepted.map((row) => row.nip));
    for (const row of result.rejected) if (row.nip) listed.add(row.nip);
    const missing = [...state.known.values()].filter((e) => e.agencyId === agencyId && e.active && !listed.has(e.nip)).length;
    return { result, state, missing };
  };
  const tooManyErrors = (rejected: number): ImportRefusal | undefined =>
    !options.force && rejected / table.rows.length > options.maxErrorRate
      ? { code: 'TOO_MANY_ERRORS', rejected, total: table.rows.length, maxErrorRate: options.maxErrorRate }
      : undefined;

  if (options.dryRun) {
    const { result, missing } = await validateWith(prisma, resolved.agency?.id ?? '(new agency)');
    const moves = resolved.agency ? await findMoves(prisma, resolved.agency.id, result.accepted, now) : [];
    return {
      ...outcome,
      moves,
      accepted: result.accepted.length,
      acceptedRows: result.accepted.map(({ line, nip }) => ({ line, nip })),
      rejected: result.rejected,
      refusal: tooManyErrors(result.rejected.length),
      missingKept: options.deactivateMissing ? 0 : missing,
    };
  }

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
      const agency =
        resolved.agency ?? (await tx.agency.create({ data: { name: agencyName, timeZone: options.defaultTimeZone } }));
      const { result, state, missing } = await validateWith(tx, agency.id);
      const refusal = tooManyErrors(result.rejected.length);
      const base = {
        ...outcome,
        accepted: result.accepted.length,
        acceptedRows: result.accepted.map(({ line, nip }) => ({ line, nip })),
        rejected: result.rejected,
      };
      if (refusal) throw new RefusedImport({ ...base, agency: { name: agencyName, created: false }, refusal });

      const storedActive = new Map([...state.known.values()].map((e) => [e.nip, e.active]));
      // Read before the file changes anything: who rated each closing period is the rating line as it was.
      const moves = await findMoves(tx, agency.id, result.accepted, now);
      const summary = await applyRows(tx, {
        agencyId: agency.id,
        rows: result.accepted,
        storedActive,
        deactivateMissing: options.deactivateMissing,
        progress: (done, total) => options.onProgress?.('write', done, total),
      });
      await closeSkpPeriods(tx, agency.id, moves);
      await tx.auditLog.create({
        data: {
          agencyId: agency.id,
          actorLabel: 'cli',
          action: 'org.import',
          entityType: 'Agency',
          entityId: agency.id,
          details: { file: outcome.file, rows: table.rows.length, rejected: result.rejected.length, ...summary, unitsWithoutClearLeader: summary.unitsWithoutClearLeader.length },
        },
      });
      return { ...base, summary, moves, missingKept: options.deactivateMissing ? 0 : missing };
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  ).catch((error: unknown) => {
    // A refusal inside the transaction rolls back the agency it may have created.
    if (error instanceof RefusedImport) return error.outcome;
    throw error;
  });
}

/** Carries a refusal out of the transaction so it rolls back. */
class RefusedImport extends Error {
  constructor(readonly outcome: OrgImportOutcome) {
    super('import refused');
  }
}
