/**
 * The team at a glance (/tim, the App Home): for each report, the newest plan of the year, the
 * latest dialogue with the supervisor, open obstacles, the latest progress and whether they linked
 * a chat account – read for the whole team at once, a fixed handful of grouped queries however
 * many reports (one query per report per figure made /tim of a section of twelve cost 80 statements).
 */
import type { PlanStatus } from '../generated/prisma/enums.js';
import type { Reader } from './db.js';
import type { Report } from './people.js';

/** One report's line in the team view. */
export interface TeamLine {
  report: Report;
  plan: { status: PlanStatus; version: number } | null;
  /** The latest feedback given, clarification answered or obstacle answered by the supervisor. */
  lastDialogue: Date | null;
  openObstacles: number;
  latestProgress: { createdAt: Date; text: string } | null;
  linked: boolean;
}

const latest = (dates: (Date | null | undefined)[]): Date | null => {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
};

/** The team view of `supervisorId`'s reports for a year. */
export async function teamLines(db: Reader, supervisorId: string, reports: Report[], year: number): Promise<TeamLine[]> {
  const ids = reports.map((report) => report.id);
  if (ids.length === 0) return [];
  // One query at a time: `db` may be a transaction (see Db).
  const plans = await db.plan.findMany({ where: { employeeId: { in: ids }, year }, orderBy: [{ employeeId: 'asc' }, { version: 'desc' }], select: { employeeId: true, status: true, version: true } });
  const feedback = await db.feedback.groupBy({ by: ['recipientId'], where: { giverId: supervisorId, recipientId: { in: ids } }, _max: { createdAt: true } });
  const answered = await db.planClarification.findMany({ where: { answeredById: supervisorId, plan: { employeeId: { in: ids } } }, select: { answeredAt: true, plan: { select: { employeeId: true } } } });
  const responded = await db.obstacle.groupBy({ by: ['employeeId'], where: { respondedById: supervisorId, employeeId: { in: ids } }, _max: { respondedAt: true } });
  const open = await db.obstacle.groupBy({ by: ['employeeId'], where: { employeeId: { in: ids }, status: { not: 'RESOLVED' } }, _count: { _all: true } });
  const progress = await db.$queryRaw<{ employeeId: string; createdAt: Date; text: string }[]>`
    SELECT DISTINCT ON ("employeeId") "employeeId", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", text
    FROM "ProgressEntry" WHERE "employeeId" = ANY(${ids}::text[]) ORDER BY "employeeId", "createdAt" DESC`;
  const identities = await db.chatIdentity.groupBy({ by: ['employeeId'], where: { employeeId: { in: ids } }, _count: { _all: true } });

  const planOf = new Map<string, { status: PlanStatus; version: number }>();
  for (const plan of plans) if (!planOf.has(plan.employeeId)) planOf.set(plan.employeeId, plan);
  const feedbackOf = new Map(feedback.map((row) => [row.recipientId, row._max.createdAt]));
  const respondedOf = new Map(responded.map((row) => [row.employeeId, row._max.respondedAt]));
  const openOf = new Map(open.map((row) => [row.employeeId, row._count._all]));
  const progressOf = new Map(progress.map((row) => [row.employeeId, row]));
  const linked = new Set(identities.map((row) => row.employeeId));
  return reports.map((report) => ({
    report,
    plan: planOf.get(report.id) ?? null,
    lastDialogue: latest([feedbackOf.get(report.id), respondedOf.get(report.id), ...answered.filter((a) => a.plan.employeeId === report.id).map((a) => a.answeredAt)]),
    openObstacles: openOf.get(report.id) ?? 0,
    latestProgress: progressOf.get(report.id) ?? null,
    linked: linked.has(report.id),
  }));
}
