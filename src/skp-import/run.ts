/**
 * One SKP import from start to finish: read the file, resolve the agency, then, in one
 * transaction, take each person's SKP top-down (a supervisor's before their staff's, so staff can
 * name RHK their leader got from the same file), check it and write it. A dry run does the same
 * and rolls back, so it reports exactly what a real run would do.
 */
import { basename } from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readTable } from '../files/table.js';
import { resolveColumns } from './columns.js';
import { applyPlan, leaderRhksOf, type PlanResult } from './apply.js';
import { buildPlan, groupRows, topDown, type RejectedRow } from './validate.js';

/** Options of `skp import`. */
export interface SkpImportOptions {
  file: string;
  /** Agency name; may be omitted when the database has exactly one agency. */
  agencyName?: string;
  dryRun: boolean;
  now: Date;
}

/** Why nothing was imported, when nothing was. */
export type SkpImportRefusal =
  | { code: 'MISSING_COLUMNS'; columns: string[] }
  | { code: 'EMPTY_FILE' }
  | { code: 'AGENCY_REQUIRED' }
  | { code: 'AGENCY_UNKNOWN'; agency: string }
  | { code: 'AGENCY_AMBIGUOUS'; agencies: string[] };

/** One person's SKP that was accepted (written, or would be in a dry run). */
export interface AcceptedPlan {
  nip: string;
  name: string;
  year: number;
  result: PlanResult;
  /** The version in force afterwards. */
  version: number;
  rhks: number;
  lines: number[];
}

/** The result of an import, including dry runs and refusals. */
export interface SkpImportOutcome {
  file: string;
  agency: string | undefined;
  totalRows: number;
  accepted: AcceptedPlan[];
  rejected: RejectedRow[];
  /** People whose SKP was refused (NIP and year). */
  rejectedPeople: number;
  unknownColumns: string[];
  refusal: SkpImportRefusal | undefined;
  dryRun: boolean;
}

/** Serialises SKP imports into the same database (org-import uses 4_201_002). */
const IMPORT_LOCK_KEY = 4_201_003;

async function resolveAgency(prisma: PrismaClient, name: string | undefined): Promise<{ id: string; name: string } | SkpImportRefusal> {
  if (name) {
    const agency = await prisma.agency.findUnique({ where: { name }, select: { id: true, name: true } });
    return agency ?? { code: 'AGENCY_UNKNOWN', agency: name };
  }
  const agencies = await prisma.agency.findMany({ select: { id: true, name: true }, take: 20 });
  if (agencies.length === 1 && agencies[0]) return agencies[0];
  if (agencies.length === 0) return { code: 'AGENCY_REQUIRED' };
  return { code: 'AGENCY_AMBIGUOUS', agencies: agencies.map((a) => a.name) };
}

/** Runs an import. File-level problems come back as a refusal; unexpected failures throw. */
export async function runSkpImport(prisma: PrismaClient, options: SkpImportOptions): Promise<SkpImportOutcome> {
  const table = await readTable(options.file);
  const outcome: SkpImportOutcome = {
    file: basename(options.file),
    agency: undefined,
    totalRows: table.rows.length,
    accepted: [],
    rejected: [],
    rejectedPeople: 0,
    unknownColumns: [],
    refusal: undefined,
    dryRun: options.dryRun,
  };
  const columns = resolveColumns(table.columns);
  outcome.unknownColumns = columns.unknown;
  if (columns.missing.length > 0) return { ...outcome, refusal: { code: 'MISSING_COLUMNS', columns: columns.missing } };
  if (table.rows.length === 0) return { ...outcome, refusal: { code: 'EMPTY_FILE' } };
  const agency = await resolveAgency(prisma, options.agencyName);
  if ('code' in agency) return { ...outcome, refusal: agency };
  outcome.agency = agency.name;

  const { groups, orphans } = groupRows(table.rows);
  const result = await prisma
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
        const staff = await tx.employee.findMany({
          where: { agencyId: agency.id },
          select: { id: true, nip: true, name: true, position: true, positionType: true, active: true, supervisorId: true },
        });
        const byNip = new Map(staff.map((e) => [e.nip, e]));
        const byId = new Map(staff.map((e) => [e.id, e]));
        const depthOf = (nip: string): number => {
          let depth = 0;
          const seen = new Set<string>();
          for (let e = byNip.get(nip); e?.supervisorId && !seen.has(e.id); e = byId.get(e.supervisorId)) {
            seen.add(e.id);
            depth++;
          }
          return depth;
        };

        const rejectedByLine = new Map<number, RejectedRow>(orphans.map((row) => [row.line, row]));
        const refusedKeys = new Set<string>();
        const accepted: AcceptedPlan[] = [];
        let rejectedPeople = 0;
        for (const group of topDown(groups, depthOf)) {
          const employee = byNip.get(group.nip);
          const supervisor = employee?.supervisorId ? byId.get(employee.supervisorId) : undefined;
          const leaderRhks = supervisor ? await leaderRhksOf(tx, supervisor.id, group.year) : null;
          const built = buildPlan(
            group,
            employee && {
              isJpt: employee.positionType === 'JPT',
              active: employee.active,
              supervisorName: supervisor?.name ?? null,
              leaderRhks: leaderRhks ?? (supervisor && refusedKeys.has(`${supervisor.nip} ${group.year}`) ? 'REJECTED' : 'NO_PLAN'),
            },
          );
          if (!built.ok) {
            rejectedPeople++;
            refusedKeys.add(`${group.nip} ${group.year}`);
            for (const row of built.rejected) if (!rejectedByLine.has(row.line)) rejectedByLine.set(row.line, row);
            continue;
          }
          if (!employee) continue;
          const written = await applyPlan(tx, {
            plan: built.plan,
            employee: { id: employee.id, position: employee.position, agencyId: agency.id },
            raterId: supervisor?.id ?? null,
            now: options.now,
            file: outcome.file,
          });
          accepted.push({ nip: group.nip, name: employee.name, year: group.year, result: written.result, version: written.version, rhks: built.plan.rhks.length, lines: built.plan.lines });
        }
        const rejected = [...rejectedByLine.values()].sort((a, b) => a.line - b.line);
        const done = { accepted, rejected, rejectedPeople };
        if (options.dryRun) throw new DryRunRollback(done);
        return done;
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    )
    .catch((error: unknown) => {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    });
  return { ...outcome, ...result };
}

/** Carries a dry run's result out of the transaction so everything it wrote rolls back. */
class DryRunRollback extends Error {
  constructor(readonly result: { accepted: AcceptedPlan[]; rejected: RejectedRow[]; rejectedPeople: number }) {
    super('dry run');
  }
}
