/**
 * Benchmark of the organisation import (npm run bench): generates a 50,000-row file (or
 * BENCH_ROWS rows), imports it into a fresh PostgreSQL database and into a fresh embedded
 * PGlite database, then imports it again (the "nothing changed" case), and prints rows per
 * second and peak memory. Target from the issue: 50,000 rows in under 60 s.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; the
 * benchmark creates and drops its own database there). Set BENCH_SKIP_PGLITE=1 to skip PGlite.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrgImport } from '../src/org-import/run.js';
import { openDatabase, type Database } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { generateOrganisationCsv } from './lib/generate-org.js';
import { createScratchDatabase } from './lib/scratch-database.js';

const rows = Number(process.env['BENCH_ROWS'] ?? 50_000);
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'dk-bench-'));
const file = join(dir, `organisasi-${rows}.csv`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function timeImport(db: Database, label: string): Promise<void> {
  for (const pass of ['first import', 're-import (unchanged)']) {
    const started = performance.now();
    const outcome = await runOrgImport(db.prisma, {
      file,
      agencyName: 'Pemerintah Provinsi Contoh',
      defaultTimeZone: 'Asia/Jakarta',
      maxErrorRate: 0.05,
      force: false,
      dryRun: false,
      deactivateMissing: false,
    });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.refusal || outcome.rejected.length > 0) throw new Error(`unexpected rejections: ${JSON.stringify(outcome.rejected.slice(0, 3))}`);
    const s = outcome.summary;
    console.log(
      `${label.padEnd(11)} ${pass.padEnd(22)} ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s` +
        ` (created ${s?.created}, updated ${s?.updated}, unchanged ${s?.unchanged}; units ${s?.unitsCreated})`,
    );
  }
}

try {
  let started = performance.now();
  writeFileSync(file, generateOrganisationCsv(rows));
  console.log(`generated ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scratch = await createScratchDatabase(adminUrl, `dk_bench_${process.pid}`).catch(() => null);
  if (scratch) {
    const db = await openDatabase({ databaseUrl: scratch.url });
    try {
      await applyMigrations(db.sql);
      await timeImport(db, 'PostgreSQL');
    } finally {
      await db.close();
      await scratch.drop();
    }
  } else {
    console.log(`PostgreSQL at ${new URL(adminUrl).host} not reachable; skipped`);
  }

  if (process.env['BENCH_SKIP_PGLITE'] !== '1') {
    started = performance.now();
    const db = await openDatabase({ embeddedDir: join(dir, 'pglite') });
    try {
      await applyMigrations(db.sql);
      await timeImport(db, 'PGlite');
    } finally {
      await db.close();
    }
  }
  console.log(`peak memory (RSS) ${mb(peakRss)}`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
