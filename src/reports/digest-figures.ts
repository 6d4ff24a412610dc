/**
 * The digest's figures, counted by PostgreSQL (or PGlite): each query aggregates in the database and
 * returns a few thousand rows at most, however large the agency. Loading the people and their
 * prompts into Node and counting there took 27 s for 100,000 people and 5 million prompts
 * (npm run bench:digest); do not go back to it.
 *
 * The scope travels as one array parameter of unit ids (not one parameter per id, so no `in` list
 * hits PostgreSQL's 32,767-parameter limit); people in scope are the agency's active employees of
 * those units.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { Reader } from '../services/db.js';

/** Check-in counts of one week. */
export interface WeekCounts {
  answered: number;
  missed: number;
  pending: number;
  unlinked: number;
  onLeave: number;
}

/** Check-in counts of the people of one unit (its own, not rolled up) in the reported week and the week before. */
export interface UnitParticipation {
  unitId: string;
  thisWeek: WeekCounts;
  lastWeek: WeekCounts;
}

/** An unresolved obstacle: who reported it, their supervisor's name, when. */
export interface ObstacleRow {
  name: string;
  supervisor: string | null;
  createdAt: Date;
}

/** Evaluations of one period among the people in scope. */
export interface EvaluationCounts {
  periodKey: string;
  drafts: number;
  finalized: number;
  objectionsOpen: number;
  withCurveReason: number;
}

/** Who is in a digest: the agency's active employees in `unitIds`, or in all its units when null. */
export interface FigureScope {
  agencyId: string;
  unitIds: string[] | null;
}

/**
 * Planner settings for the rest of the current transaction (SET LOCAL; no effect outside one), for
 * report queries that each read about 100,000 rows once. No parallel workers: on the small servers
 * this bot runs on, shared with its interactive traffic, each of three processes built the same
 * hash table and waited for a core – slower than one process on the 2-core build machine (2.2–2.8 s
 * against 1.2–1.5 s for the whole agency's figures). No JIT: the participation query's estimate
 * passes jit_above_cost, and compiling it took 300–400 ms in EXPLAIN ANALYZE for a statement run once.
 */
export async function useReportSettings(db: Reader): Promise<void> {
  await db.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`;
}

/** The people in scope as a subquery: id, name, supervisorId. */
const people = (scope: FigureScope) => Prisma.sql`
  SELECT e.id, e.name, e."supervisorId" FROM "Employee" e WHERE ${inScope(scope)}`;

// `= ANY(array parameter)`: PostgreSQL plans with the actual unit ids and estimates the people in
// scope from its statistics. Rows from jsonb_array_elements_text were estimated at 100 units, which
// made the planner probe the prompt index once per person (99,000 probes, 6 s) instead of hashing.
// The whole agency needs no unit list at all (1,400 ids cost planning time and a lookup per row).
const inScope = (scope: FigureScope) =>
  scope.unitIds ? Prisma.sql`e."agencyId" = ${scope.agencyId} AND e.active AND e."unitId" = ANY(${scope.unitIds})` : Prisma.sql`e."agencyId" = ${scope.agencyId} AND e.active`;

const weekCounts = (week: string) => Prisma.sql`
  count(*) FILTER (WHERE c."weekKey" = ${week} AND c.status = 'ANSWERED')::int,
  count(*) FILTER (WHERE c."weekKey" = ${week} AND c.status = 'MISSED')::int,
  count(*) FILTER (WHERE c."weekKey" = ${week} AND c.status = 'PENDING')::int,
  count(*) FILTER (WHERE c."weekKey" = ${week} AND c.status = 'SKIPPED' AND c."skipReason" = 'UNLINKED')::int,
  count(*) FILTER (WHERE c."weekKey" = ${week} AND c.status = 'SKIPPED' AND c."skipReason" IS DISTINCT FROM 'UNLINKED')::int`;

/**
 * Prompt counts per unit of the reported week and the week before, in one pass over both weeks'
 * prompts. Grouped by unit alone (not by week or status), so the planner expects about as many
 * groups as units and aggregates in a hash table instead of sorting 200,000 rows on disk.
 */
export async function participation(db: Reader, scope: FigureScope, weekKey: string, previousWeekKey: string): Promise<UnitParticipation[]> {
  const rows = await db.$queryRaw<{ unitId: string; counts: number[] }[]>`
    SELECT e."unitId", ARRAY[${weekCounts(weekKey)}, ${weekCounts(previousWeekKey)}] AS counts
    FROM "CheckinPrompt" c JOIN "Employee" e ON e.id = c."employeeId"
    WHERE c."weekKey" IN (${weekKey}, ${previousWeekKey}) AND ${inScope(scope)}
    GROUP BY e."unitId"`;
  const week = (c: number[], at: number): WeekCounts => ({ answered: c[at] ?? 0, missed: c[at + 1] ?? 0, pending: c[at + 2] ?? 0, unlinked: c[at + 3] ?? 0, onLeave: c[at + 4] ?? 0 });
  return rows.map((row) => ({ unitId: row.unitId, thisWeek: week(row.counts, 0), lastWeek: week(row.counts, 5) }));
}

/**
 * People in scope, and how many of them have an agreed plan for `year` (any version): one pass over
 * the people, joined to the distinct owners of agreed plans, which the index on Plan (year, status,
 * employeeId) yields in order without reading the plans themselves.
 */
export async function planFigures(db: Reader, scope: FigureScope, year: number): Promise<{ active: number; agreed: number }> {
  const [row] = await db.$queryRaw<{ active: number; agreed: number }[]>`
    SELECT count(*)::int AS active, count(a."employeeId")::int AS agreed
    FROM "Employee" e LEFT JOIN (SELECT DISTINCT "employeeId" FROM "Plan" WHERE year = ${year} AND status = 'AGREED') a ON a."employeeId" = e.id
    WHERE ${inScope(scope)}`;
  return row ?? { active: 0, agreed: 0 };
}

/**
 * Obstacles of people in scope not resolved (open or answered) and created before `before`, oldest
 * first. The statuses are named, not `<> 'RESOLVED'`, so the index on Obstacle (status, createdAt)
 * reads only unresolved ones however many years of resolved obstacles the table holds.
 */
export async function oldObstacles(db: Reader, scope: FigureScope, before: Date): Promise<ObstacleRow[]> {
  return db.$queryRaw<ObstacleRow[]>`
    SELECT p.name, s.name AS supervisor, o."createdAt"
    FROM "Obstacle" o JOIN (${people(scope)}) p ON p.id = o."employeeId" LEFT JOIN "Employee" s ON s.id = o."supervisorId"
    WHERE o.status IN ('OPEN', 'ANSWERED') AND o."createdAt" < ${before}
    ORDER BY o."createdAt", o.id`;
}

/**
 * Names of the active supervisors of people in scope who gave no feedback, answered no
 * clarification and responded to no obstacle since `since` (each an index probe per supervisor).
 */
export async function silentSupervisors(db: Reader, scope: FigureScope, since: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT s.name FROM "Employee" s
    WHERE s.active AND s.id IN (SELECT p."supervisorId" FROM (${people(scope)}) p)
      AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."giverId" = s.id AND f."createdAt" >= ${since})
      AND NOT EXISTS (SELECT 1 FROM "PlanClarification" c WHERE c."answeredById" = s.id AND c."answeredAt" >= ${since})
      AND NOT EXISTS (SELECT 1 FROM "Obstacle" o WHERE o."respondedById" = s.id AND o."respondedAt" >= ${since})`;
  return rows.map((row) => row.name);
}

/** Names of people in scope, once per chat account the bot can no longer reach. */
export async function unreachableAccounts(db: Reader, scope: FigureScope): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT p.name FROM "ChatIdentity" c JOIN (${people(scope)}) p ON p.id = c."employeeId" WHERE NOT c.reachable`;
  return rows.map((row) => row.name);
}

/** Evaluation counts of people in scope per period key; a period nobody has an evaluation for is missing. */
export async function evaluationCounts(db: Reader, scope: FigureScope, periodKeys: string[]): Promise<EvaluationCounts[]> {
  if (periodKeys.length === 0) return [];
  return db.$queryRaw<EvaluationCounts[]>`
    SELECT v."periodKey",
      count(*) FILTER (WHERE v.status = 'DRAFT')::int AS drafts,
      count(*) FILTER (WHERE v.status NOT IN ('DRAFT', 'PROPOSED'))::int AS finalized,
      count(x.id) FILTER (WHERE x.status <> 'DECIDED')::int AS "objectionsOpen",
      count(*) FILTER (WHERE v."curveDeviationReason" <> '')::int AS "withCurveReason"
    FROM "Evaluation" v JOIN (${people(scope)}) p ON p.id = v."employeeId" LEFT JOIN "Objection" x ON x."evaluationId" = v.id
    WHERE v."periodKey" IN (${Prisma.join(periodKeys)})
    GROUP BY v."periodKey"`;
}
