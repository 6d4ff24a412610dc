/**
 * Benchmark of the e-Kinerja export for a whole provincial government (npm run bench:export):
 * imports a generated organisation of 30,000 people (BENCH_ROWS), gives everyone an agreed plan
 * with two RHK, a progress entry with evidence, feedback, a check-in and a finalised Q4 evaluation,
 * then times building the export of the whole agency and writing it as XLSX and CSV, and prints
 * the time, the file sizes and peak memory. PostgreSQL: BENCH_DATABASE_URL (default
 * postgresql://postgres@127.0.0.1:5432/postgres; the benchmark creates and drops its own database).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriodKey } from '../src/domain/periods.js';
import { runOrgImport } from '../src/org-import/run.js';
import { buildEvaluationExport } from '../src/reports/evaluation-export.js';
import { exportCsv, exportXlsx } from '../src/reports/export-files.js';
import { openDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { generateOrganisationCsv } from './lib/generate-org.js';
import { createScratchDatabase } from './lib/scratch-database.js';

const rows = Number(process.env['BENCH_ROWS'] ?? 30_000);
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'dk-bench-export-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const scratch = await createScratchDatabase(adminUrl, `dk_bench_export_${process.pid}`);
const db = await openDatabase({ databaseUrl: scratch.url });
try {
  await applyMigrations(db.sql);
  const file = join(dir, 'organisasi.csv');
  writeFileSync(file, generateOrganisationCsv(rows));
  let started = performance.now();
  const outcome = await runOrgImport(db.prisma, { file, agencyName: 'Pemerintah Provinsi Contoh', defaultTimeZone: 'Asia/Jakarta', maxErrorRate: 0.05, force: false, dryRun: false, deactivateMissing: false });
  if (outcome.refusal) throw new Error(`import refused: ${JSON.stringify(outcome.refusal)}`);
  console.log(`imported ${rows} people in ${seconds(started)} s`);

  // The year's record for everyone, in set-based SQL (the benchmark times the export, not this).
  started = performance.now();
  await db.sql.exec(`
    INSERT INTO "Plan" (id, "employeeId", "raterId", year, status, "positionTitle", "agreedAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 2026, 'AGREED', e.position, now(), now() FROM "Employee" e;
    INSERT INTO "ResultExpectation" (id, "planId", "lineageId", kind, text, position, "updatedAt")
      SELECT gen_random_uuid(), p.id, gen_random_uuid(), 'UTAMA', 'RHK ' || n, n, now() FROM "Plan" p, generate_series(1, 2) n;
    INSERT INTO "Indicator" (id, "rhkId", aspect, text, "targetValue", "targetUnit", "updatedAt")
      SELECT gen_random_uuid(), r.id, 'KUANTITAS', 'Jumlah dokumen', 12, 'dokumen', now() FROM "ResultExpectation" r;
    INSERT INTO "ProgressEntry" (id, "employeeId", "rhkId", "indicatorId", text, value, "occurredOn", "updatedAt")
      SELECT gen_random_uuid(), p."employeeId", r.id, i.id, 'Selesai', 3, DATE '2026-11-20', now()
      FROM "Plan" p JOIN "ResultExpectation" r ON r."planId" = p.id JOIN "Indicator" i ON i."rhkId" = r.id;
    INSERT INTO "Evidence" (id, "progressEntryId", kind, url)
      SELECT gen_random_uuid(), pe.id, 'LINK', 'https://drive.contoh.go.id/' || pe.id FROM "ProgressEntry" pe;
    INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, text, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 'APRESIASI', 'Bagus', TIMESTAMP '2026-11-21 03:00', now() FROM "Employee" e WHERE e."supervisorId" IS NOT NULL;
    INSERT INTO "CheckinPrompt" (id, "employeeId", "weekKey", status, "answeredAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, '2026-W47', 'ANSWERED', TIMESTAMP '2026-11-20 08:00', TIMESTAMP '2026-11-20 07:00', now() FROM "Employee" e;
    INSERT INTO "Evaluation" (id, "employeeId", "raterId", kind, year, "periodKey", "resultsRating", "behaviourRating", predikat, status, "finalizedAt", "deliveredAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 'PERIODIC', 2026, '2026-Q4', 'SESUAI', 'SESUAI', 'BAIK', 'FINAL', now(), now(), now() FROM "Employee" e WHERE e."supervisorId" IS NOT NULL;
  `);
  console.log(`seeded plans, progress, evidence, feedback, check-ins and evaluations in ${seconds(started)} s`);

  const agency = await db.prisma.agency.findFirstOrThrow();
  const period = parsePeriodKey('2026-Q4')!;
  started = performance.now();
  const data = await buildEvaluationExport(db.prisma, { agencyId: agency.id, unitId: null, period });
  const built = seconds(started);
  started = performance.now();
  const xlsx = await exportXlsx(data, 'id', new Date());
  const xlsxSeconds = seconds(started);
  started = performance.now();
  const csv = exportCsv(data, 'id');
  const csvSeconds = seconds(started);
  console.log(`export of the whole agency, Triwulan IV 2026: ${data.employees.length} employees, ${data.rhk.length} RHK rows`);
  console.log(`  rows built from PostgreSQL in ${built} s`);
  console.log(`  XLSX written in ${xlsxSeconds} s (${mb(xlsx.length)}); CSV in ${csvSeconds} s (${csv.map((f) => `${f.suffix} ${mb(Buffer.byteLength(f.content))}`).join(', ')})`);
  console.log(`peak RSS ${mb(peakRss)}`);
} finally {
  clearInterval(sampler);
  await db.close();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
}
