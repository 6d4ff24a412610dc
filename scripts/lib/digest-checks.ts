/**
 * The HR digest's figures counted again by plain SQL, written apart from src/reports so a bug in
 * the digest cannot hide in the check: the unit roll-up comes from a recursive walk up the tree in
 * SQL (the digest resolves it otherwise), every list is compared as a sorted multiset.
 */
import type { DigestData } from '../../src/reports/digest.js';
import type { SqlRunner } from '../../src/storage/sql.js';

const DAY = 86_400_000;

interface Expectation {
  units: Map<string, DigestData['units'][number]>;
  active: number;
  agreed: number;
  oldObstacles: string[];
  silentSupervisors: string[];
  unreachable: string[];
  evaluations: DigestData['evaluations'];
}

const counts = (row: Record<string, number>) => ({ answered: row['answered'] ?? 0, missed: row['missed'] ?? 0, onLeave: row['onleave'] ?? 0, unlinked: row['unlinked'] ?? 0, pending: row['pending'] ?? 0 });

/** What the digest of `agencyId` (or of `unitId`'s subtree) must say at `now`. */
async function expectation(sql: SqlRunner, o: { agencyId: string; unitId: string | null; now: Date; weekKey: string; previousWeekKey: string; year: number; periodKeys: string[] }): Promise<Expectation> {
  // A unit's top: walking up from it, the first unit that is the scope's unit or a child of it
  // (unit scope), or that has no parent (agency scope). Active people of units with a top are in scope.
  const scope = `
    WITH RECURSIVE up(unit, at, parent, hops) AS (
      SELECT id, id, "parentId", 0 FROM "Unit" WHERE "agencyId" = $1
      UNION ALL SELECT up.unit, u.id, u."parentId", up.hops + 1 FROM up JOIN "Unit" u ON u.id = up.parent WHERE up.hops < 50),
    top AS (SELECT DISTINCT ON (unit) unit, at AS top FROM up
            WHERE CASE WHEN $2::text IS NULL THEN parent IS NULL ELSE at = $2 OR parent = $2 END ORDER BY unit, hops),
    people AS (SELECT e.id, e.name, e."supervisorId", top.top FROM "Employee" e JOIN top ON top.unit = e."unitId" WHERE e."agencyId" = $1 AND e.active)`;
  const params = [o.agencyId, o.unitId];
  const perUnit = await sql.query<Record<string, number> & { name: string; week: string }>(
    `${scope}
     SELECT u.name, p."weekKey" AS week,
       count(*) FILTER (WHERE p.status = 'ANSWERED')::int AS answered, count(*) FILTER (WHERE p.status = 'MISSED')::int AS missed,
       count(*) FILTER (WHERE p.status = 'PENDING')::int AS pending, count(*) FILTER (WHERE p.status = 'SKIPPED' AND p."skipReason" = 'UNLINKED')::int AS unlinked,
       count(*) FILTER (WHERE p.status = 'SKIPPED' AND p."skipReason" IS DISTINCT FROM 'UNLINKED')::int AS onleave
     FROM "CheckinPrompt" p JOIN people ON people.id = p."employeeId" JOIN "Unit" u ON u.id = people.top
     WHERE p."weekKey" IN ($3, $4) GROUP BY u.name, p."weekKey"`,
    [...params, o.weekKey, o.previousWeekKey],
  );
  const units = new Map<string, DigestData['units'][number]>();
  const zero = { answered: 0, missed: 0, onLeave: 0, unlinked: 0, pending: 0 };
  for (const row of perUnit) {
    const unit = units.get(row.name) ?? { name: row.name, thisWeek: { ...zero }, lastWeek: { ...zero } };
    unit[row.week === o.weekKey ? 'thisWeek' : 'lastWeek'] = counts(row);
    units.set(row.name, unit);
  }
  const [plans] = await sql.query<{ active: number; agreed: number }>(
    `${scope} SELECT (SELECT count(*) FROM people)::int AS active,
       (SELECT count(*) FROM people WHERE EXISTS (SELECT 1 FROM "Plan" p WHERE p."employeeId" = people.id AND p.year = $3 AND p.status = 'AGREED'))::int AS agreed`,
    [...params, o.year],
  );
  const obstacles = await sql.query<{ line: string }>(
    `${scope} SELECT people.name || '|' || coalesce(s.name, '-') || '|' || floor(extract(epoch FROM $3::timestamp - o."createdAt") / 86400)::int AS line
     FROM "Obstacle" o JOIN people ON people.id = o."employeeId" LEFT JOIN "Employee" s ON s.id = o."supervisorId"
     WHERE o.status <> 'RESOLVED' AND o."createdAt" < $3::timestamp - INTERVAL '7 days'`,
    [...params, o.now.toISOString()],
  );
  const silent = await sql.query<{ name: string }>(
    `${scope} SELECT s.name FROM "Employee" s WHERE s.active AND s.id IN (SELECT "supervisorId" FROM people)
       AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."giverId" = s.id AND f."createdAt" >= $3)
       AND NOT EXISTS (SELECT 1 FROM "PlanClarification" c WHERE c."answeredById" = s.id AND c."answeredAt" >= $3)
       AND NOT EXISTS (SELECT 1 FROM "Obstacle" o WHERE o."respondedById" = s.id AND o."respondedAt" >= $3)`,
    [...params, new Date(o.now.getTime() - 30 * DAY).toISOString()],
  );
  const unreachable = await sql.query<{ name: string }>(`${scope} SELECT people.name FROM "ChatIdentity" c JOIN people ON people.id = c."employeeId" WHERE NOT c.reachable`, params);
  const evaluations: DigestData['evaluations'] = [];
  for (const periodKey of o.periodKeys) {
    const [row] = await sql.query<{ drafts: number; finalized: number; objections: number; reasons: number }>(
      `${scope} SELECT count(*) FILTER (WHERE v.status = 'DRAFT')::int AS drafts, count(*) FILTER (WHERE v.status <> 'DRAFT')::int AS finalized,
         count(*) FILTER (WHERE x.status IS NOT NULL AND x.status <> 'DECIDED')::int AS objections,
         count(*) FILTER (WHERE length(v."curveDeviationReason") > 0)::int AS reasons
       FROM "Evaluation" v JOIN people ON people.id = v."employeeId" LEFT JOIN "Objection" x ON x."evaluationId" = v.id WHERE v."periodKey" = $3`,
      [...params, periodKey],
    );
    evaluations.push({ periodKey, people: plans?.active ?? 0, drafts: row?.drafts ?? 0, finalized: row?.finalized ?? 0, objectionsOpen: row?.objections ?? 0, withCurveReason: row?.reasons ?? 0 });
  }
  return {
    units,
    active: plans?.active ?? 0,
    agreed: plans?.agreed ?? 0,
    oldObstacles: obstacles.map((r) => r.line).sort(),
    silentSupervisors: silent.map((r) => r.name).sort(),
    unreachable: unreachable.map((r) => r.name).sort(),
    evaluations,
  };
}

/** Compares a digest with the SQL counts; returns one line per failed check (empty when all pass) and how many ran. */
export async function checkDigest(
  sql: SqlRunner,
  data: DigestData,
  o: { agencyId: string; unitId: string | null; now: Date; previousWeekKey: string; year: number; periodKeys: string[] },
): Promise<{ failures: string[]; checks: number }> {
  const want = await expectation(sql, { ...o, weekKey: data.weekKey });
  const failures: string[] = [];
  let checks = 0;
  const same = (what: string, got: unknown, expected: unknown) => {
    checks++;
    if (canonical(got) !== canonical(expected)) failures.push(`${what}: digest ${brief(got)}, SQL ${brief(expected)}`);
  };
  const byName = [...want.units.values()].sort((a, b) => a.name.localeCompare(b.name));
  same('unit lines (names, order and counts)', data.units, byName);
  const sum = (week: 'thisWeek' | 'lastWeek') =>
    byName.reduce((t, u) => ({ answered: t.answered + u[week].answered, missed: t.missed + u[week].missed, onLeave: t.onLeave + u[week].onLeave, unlinked: t.unlinked + u[week].unlinked, pending: t.pending + u[week].pending }), { answered: 0, missed: 0, onLeave: 0, unlinked: 0, pending: 0 });
  same('total this week', data.total.thisWeek, sum('thisWeek'));
  same('total last week', data.total.lastWeek, sum('lastWeek'));
  same('plans', data.plans, { agreed: want.agreed, active: want.active });
  same('old obstacles', data.oldObstacles.map((x) => `${x.name}|${x.supervisor ?? '-'}|${x.days}`).sort(), want.oldObstacles);
  const ages = data.oldObstacles.map((x) => x.days);
  same('old obstacles oldest first', ages, [...ages].sort((a, b) => b - a));
  same('silent supervisors', [...data.silentSupervisors].sort(), want.silentSupervisors);
  same('silent supervisors in name order', data.silentSupervisors, [...data.silentSupervisors].sort((a, b) => a.localeCompare(b)));
  same('unreachable accounts', [...data.unreachable].sort(), want.unreachable);
  same('evaluation progress', data.evaluations, want.evaluations);
  return { failures, checks };
}

/** JSON with object keys sorted, so key order never fails a check. */
const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

function brief(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${Array.isArray(value) ? `${value.length} items` : `${text.length} chars`})` : text;
}
