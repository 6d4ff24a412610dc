/**
 * Benchmark of the HR weekly digest (npm run bench:digest): a province of 100,000 people
 * (BENCH_EMPLOYEES) in about 1,400 units, with a check-in prompt per person for 51 weeks of 2026
 * (BENCH_WEEKS; 5.1 million rows), plans, obstacles, feedback, clarifications, evaluations and
 * objections, all seeded in set-based SQL (scripts/lib/seed-digest.ts). Then, as /laporan does for
 * an HR role, it builds the digest of the whole agency and of the largest top unit (the education
 * office), BENCH_RUNS times each (default 3), and prints the time to gather the figures from the
 * database, to render the text and the PNG chart, and peak RSS. Every digest is checked against
 * plain SQL counts (scripts/lib/digest-checks.ts); a failed check exits 1. Speed is never asserted.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres); the
 * benchmark creates and drops a database of its own. BENCH_KEEP_DATABASE=1 keeps it as
 * dk_bench_digest and reuses it on the next run with the same sizes (seeding takes minutes; new
 * migrations are applied to it). BENCH_ANSWERS=1 also seeds a CheckinAnswer per answered prompt
 * (the digest does not read them). Profile with node --cpu-prof --import tsx scripts/bench-digest.ts.
 */
import { loadavg } from 'node:os';
import { plainText } from '../src/conversation/reply.js';
import { openEvaluationPeriods, windowSettingOf } from '../src/domain/evaluation-window.js';
import { localDate } from '../src/domain/time-zones.js';
import { digestMessage, digestScope, readDigest, reportedWeek, type DigestData } from '../src/reports/digest.js';
import { evaluationCounts, oldObstacles, participation, planFigures, silentSupervisors, unreachableAccounts, useReportSettings } from '../src/reports/digest-figures.js';
import { openDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { checkDigest } from './lib/digest-checks.js';
import { createScratchDatabase } from './lib/scratch-database.js';
import { fridayOfWeek, seedCheckins, seedProvince, seedRecord, type DigestSeed } from './lib/seed-digest.js';

const seed: DigestSeed = {
  employees: Number(process.env['BENCH_EMPLOYEES'] ?? 100_000),
  weeks: Number(process.env['BENCH_WEEKS'] ?? 51),
  answers: process.env['BENCH_ANSWERS'] === '1',
};
const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const keep = process.env['BENCH_KEEP_DATABASE'] === '1';
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Monday 08:00 WIB after the last seeded week's Friday check-in: when the weekly digest goes out. */
const now = new Date(fridayOfWeek(seed.weeks).getTime() + 3 * 86_400_000 - 6 * 3_600_000);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (since: number) => performance.now() - since;
const fmt = (millis: number) => `${(millis / 1000).toFixed(2)} s`;
const thousands = (n: number) => n.toLocaleString('en');
const log = (line: string) => console.log(line);

const scratch = await createScratchDatabase(adminUrl, keep ? 'dk_bench_digest' : `dk_bench_digest_${process.pid}`, { keep });
const db = await openDatabase({ databaseUrl: scratch.url });
let failed = false;
try {
  const migrated = await applyMigrations(db.sql);
  if (migrated.applied.length > 0 && scratch.reused) log(`applied ${migrated.applied.join(', ')} to the kept database`);
  const marker = JSON.stringify(seed);
  const seeded = scratch.reused ? await db.sql.query<{ params: string }>(`SELECT params FROM "_bench_seed"`).catch(() => []) : [];
  if (scratch.reused && seeded[0]?.params !== marker) throw new Error(`the kept database dk_bench_digest holds other data (${seeded[0]?.params ?? 'none'}); drop it (dropdb dk_bench_digest) and run again`);
  if (seeded.length === 0) {
    const started = performance.now();
    log(`seeding ${thousands(seed.employees)} employees and ${seed.weeks} weeks of check-ins (set-based SQL):`);
    const province = await seedProvince(db.sql, seed, log);
    await seedCheckins(db.sql, seed, log);
    await seedRecord(db.sql, now, log);
    // The two HR roles /laporan would find: agency-wide, and the largest top unit's subtree.
    await db.sql.query(
      `INSERT INTO "HrRole" (id, "employeeId", "agencyId", "unitId", "updatedAt")
       SELECT gen_random_uuid(), u."leaderId", u."agencyId", CASE WHEN u.id = $1 THEN u.id END, now() FROM "Unit" u WHERE u.name IN ($2, 'Badan Kepegawaian Daerah')`,
      [province.largestUnit.id, province.largestUnit.name],
    );
    const vacuum = performance.now();
    // Autovacuum would get there in production; without it the first digest would pay for hint bits.
    await db.sql.exec('VACUUM ANALYZE');
    log(`  VACUUM ANALYZE in ${fmt(ms(vacuum))}`);
    await db.sql.exec(`CREATE TABLE "_bench_seed" (params text); INSERT INTO "_bench_seed" VALUES ('${marker}')`);
    log(`seeded in ${fmt(ms(started))}`);
  } else {
    log(`reusing the kept database dk_bench_digest (${marker})`);
  }
  const [sizes] = await db.sql.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Employee")::int AS employees,
       (SELECT count(*) FROM "CheckinPrompt")::int AS prompts, (SELECT count(*) FROM "CheckinAnswer")::int AS answers,
       (SELECT count(*) FROM "Plan")::int AS plans, (SELECT count(*) FROM "Obstacle")::int AS obstacles,
       (SELECT count(*) FROM "Feedback")::int AS feedback, (SELECT count(*) FROM "Evaluation")::int AS evaluations,
       (pg_total_relation_size('"CheckinPrompt"') / 1048576)::int AS "promptMb"`,
  );
  log(`database: ${Object.entries(sizes ?? {}).map(([k, v]) => `${k} ${thousands(v)}`).join(', ')}`);

  const roles = await db.prisma.hrRole.findMany({ include: { unit: { select: { name: true } }, agency: true }, orderBy: { unitId: { sort: 'asc', nulls: 'first' } } });
  log(`\ndigest as of ${now.toISOString()} (Monday 08:00 WIB), ${runs} run(s) per scope; load: ${loadAverage()}`);
  peakRss = process.memoryUsage.rss();
  for (const role of roles) {
    const scope = role.unit ? `unit ${role.unit.name}` : `whole agency ${role.agency.name}`;
    let data: DigestData | undefined;
    let text = '';
    let png = Buffer.alloc(0);
    const lines: string[] = [];
    const totals: number[] = [];
    for (let run = 1; run <= runs; run++) {
      let started = performance.now();
      data = await readDigest(db.prisma, { agencyId: role.agencyId, unitId: role.unitId, now });
      const gathered = ms(started);
      started = performance.now();
      const message = await digestMessage(data, 'id');
      text = plainText(message);
      png = Buffer.from(message.image?.base64 ?? '', 'base64');
      const rendered = ms(started);
      totals.push(gathered + rendered);
      lines.push(`  run ${run}${run === 1 ? ' (first in this process, caches cold)' : ''}: figures ${fmt(gathered)}, text + PNG ${fmt(rendered)}, total ${fmt(gathered + rendered)}`);
    }
    const later = totals.slice(1).sort((a, b) => a - b);
    if (later.length > 0) lines.push(`  total: first ${fmt(totals[0] ?? 0)}, then median ${fmt(later[Math.floor((later.length - 1) / 2)] ?? 0)}`);
    if (!data) continue;
    const parts = await breakdown(role.agencyId, role.unitId);
    log(`${scope}: ${thousands(data.plans.active)} people, ${data.units.length} unit lines, ${thousands(data.total.thisWeek.answered)} answered in ${data.weekKey}, ${(png.length / 1024).toFixed(0)} KB chart`);
    for (const line of lines) log(line);
    log(`  one more time, query by query: ${parts}`);

    const agency = role.agency;
    const { previousWeekKey } = reportedWeek(now, agency.timeZone);
    const periodKeys = openEvaluationPeriods(localDate(now, agency.timeZone), agency.periodCadence, windowSettingOf(agency)).map((p) => p.key);
    const { failures, checks } = await checkDigest(db.sql, data, { agencyId: role.agencyId, unitId: role.unitId, now, previousWeekKey, year: localDate(now, agency.timeZone).year, periodKeys });
    const prompted = data.total.thisWeek.answered + data.total.thisWeek.missed + data.total.thisWeek.pending;
    const rendering = [
      [`text names ${data.total.thisWeek.answered} of ${prompted}`, text.includes(`${data.total.thisWeek.answered} dari ${prompted} pegawai menjawab`)],
      ['chart is a PNG', png.subarray(1, 4).toString() === 'PNG' && png.length > 5_000],
      ['the digest is not empty', prompted > 0 && data.units.length > 0 && data.oldObstacles.length > 0 && data.silentSupervisors.length > 0 && data.unreachable.length > 0 && data.evaluations.length > 0],
    ] as const;
    for (const [what, ok] of rendering) if (!ok) failures.push(what);
    log(`  checks against SQL counts: ${checks + rendering.length - failures.length} of ${checks + rendering.length} passed`);
    for (const failure of failures) log(`  FAILED ${failure}`);
    failed ||= failures.length > 0;
  }
  log(`peak RSS while building digests ${mb(peakRss)}; load after: ${loadAverage()}`);
} finally {
  clearInterval(sampler);
  await db.close();
  await scratch.drop();
}
if (failed) process.exitCode = 1;

/** Each query of readDigest timed alone (in a transaction with the same settings), to show where the figures' time goes. */
async function breakdown(agencyId: string, unitId: string | null): Promise<string> {
  const parts: string[] = [];
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    parts.push(`${name} ${ms(started).toFixed(0)} ms`);
    return result;
  };
  await db.prisma.$transaction(
    async (tx) => {
      await useReportSettings(tx);
      const { agency, figures } = await time('scope', () => digestScope(tx, agencyId, unitId));
      const { weekKey, previousWeekKey } = reportedWeek(now, agency.timeZone);
      const periods = openEvaluationPeriods(localDate(now, agency.timeZone), agency.periodCadence, windowSettingOf(agency)).map((p) => p.key);
      await time('participation', () => participation(tx, figures, weekKey, previousWeekKey));
      await time('plans', () => planFigures(tx, figures, localDate(now, agency.timeZone).year));
      await time('obstacles', () => oldObstacles(tx, figures, new Date(now.getTime() - 7 * 86_400_000)));
      await time('silent supervisors', () => silentSupervisors(tx, figures, new Date(now.getTime() - 30 * 86_400_000)));
      await time('unreachable', () => unreachableAccounts(tx, figures));
      await time('evaluations', () => evaluationCounts(tx, figures, periods));
    },
    { timeout: 60_000 },
  );
  return parts.join(', ');
}

function loadAverage(): string {
  return loadavg().map((n) => n.toFixed(2)).join(' ');
}
