/**
 * Benchmark of the e-Kinerja export for a whole provincial government (npm run bench:export):
 * imports a generated organisation of 30,000 people (BENCH_ROWS), gives everyone an agreed plan
 * with two RHK and seven BerAKHLAK expectations, progress entries with texts and evidence (links and
 * a chat file), feedback on an RHK and on a core value, a check-in and a finalised Q4 evaluation,
 * then times building the export of the whole agency and writing it as XLSX and CSV (the text sheets
 * are read from PostgreSQL while they are written), and prints the time, the file sizes and peak memory. PostgreSQL: BENCH_DATABASE_URL (default
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
    INSERT INTO "BehaviourExpectation" (id, "planId", "coreValue", text, "updatedAt")
      SELECT gen_random_uuid(), p.id, v, 'Menyelesaikan permohonan layanan dalam tiga hari kerja dan menjawab setiap pertanyaan pemohon', now()
      FROM "Plan" p, unnest(enum_range(NULL::"CoreValue")) v;
    INSERT INTO "ProgressEntry" (id, "employeeId", "rhkId", "indicatorId", text, value, "occurredOn", "updatedAt")
      SELECT gen_random_uuid(), p."employeeId", r.id, i.id, 'Menyelesaikan dokumen ' || n || ' dan mengirimkannya ke pimpinan untuk ditelaah', n, DATE '2026-10-01' + 20 * n, now()
      FROM "Plan" p JOIN "ResultExpectation" r ON r."planId" = p.id JOIN "Indicator" i ON i."rhkId" = r.id, generate_series(1, 3) n;
    INSERT INTO "Evidence" (id, "progressEntryId", kind, url)
      SELECT gen_random_uuid(), pe.id, 'LINK', 'https://drive.contoh.go.id/' || pe.id FROM "ProgressEntry" pe;
    INSERT INTO "Evidence" (id, "progressEntryId", kind, platform, "externalFileId", "fileName")
      SELECT gen_random_uuid(), pe.id, 'FILE', 'TELEGRAM', 'file-' || pe.id, 'notulen-rapat.pdf' FROM "ProgressEntry" pe WHERE pe.value = 2;
    INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, text, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 'APRESIASI', 'Bagus', TIMESTAMP '2026-11-21 03:00', now() FROM "Employee" e WHERE e."supervisorId" IS NOT NULL;
    INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, "rhkId", text, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), p."employeeId", p."raterId", 'PERBAIKAN', r.id, 'Lengkapi dokumen dengan daftar hadir dan foto kegiatan sebagai bukti dukung', TIMESTAMP '2026-11-22 03:00', now()
      FROM "Plan" p JOIN "ResultExpectation" r ON r."planId" = p.id WHERE p."raterId" IS NOT NULL AND r.position = 1;
    INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, "coreValue", text, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 'APRESIASI', 'kolaboratif', 'Membantu rekan satu tim menyelesaikan laporan tepat waktu', TIMESTAMP '2026-11-23 03:00', now()
      FROM "Employee" e WHERE e."supervisorId" IS NOT NULL;
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
  const csv = await exportCsv(data, 'id');
  const csvSeconds = seconds(started);
  const lines = (suffix: string) => (csv.find((f) => f.suffix === suffix)?.content.match(/\r\n/g)?.length ?? 1) - 1;
  console.log(`export of the whole agency, Triwulan IV 2026: ${data.employees.length} employees, ${data.rhk.length} RHK rows`);
  console.log(`  texts: ${lines('realisasi-rhk')} RHK/IKI rows with realisasi, feedback and evidence, ${lines('perilaku')} core-value rows`);
  console.log(`  rows built from PostgreSQL in ${built} s`);
  console.log(`  XLSX (five sheets, texts read while written) in ${xlsxSeconds} s (${mb(xlsx.length)}); CSV (texts read again) in ${csvSeconds} s (${csv.map((f) => `${f.suffix} ${mb(Buffer.byteLength(f.content))}`).join(', ')})`);
  console.log(`peak RSS ${mb(peakRss)}`);
} finally {
  clearInterval(sampler);
  await db.close();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
}
