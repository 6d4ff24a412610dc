/**
 * Memory and start-up benchmark of the real bot process (npm run bench:memory). Starts the bot as
 * a deployment would – `node --import tsx src/main.ts` as `npm start` does, and/or the compiled
 * `node dist/main.js` as the Docker image does – and prints, per run: time from spawn to /readyz
 * answering 200 (and the CPU time the bot used until then, steadier than wall time on a shared
 * machine) and to the "is running" log line, RSS at ready, RSS after BENCH_STEADY_SECONDS idle
 * (the maintenance timer runs every 30 s, so the default 75 s covers three passes), the range over the
 * last 30 s, peak RSS (VmHWM) and the V8 heap at the end (from a diagnostic report). Figures are
 * printed, never asserted; the run fails only when the bot does not get ready or does not stop cleanly.
 *
 * Runs (BENCH_RUNS, comma-separated, default all three):
 * - `postgres`: PostgreSQL with BENCH_EMPLOYEES (100,000) employees seeded set-based in a scratch
 *   database (units four levels deep, a supervisor for everyone, a Telegram account each, this
 *   week's check-in already answered by all while the check-in window is open – so every maintenance
 *   pass walks everyone, as on a Friday afternoon; BENCH_CHECKIN_WINDOW=closed for a mid-week day),
 *   Redis, and Telegram in webhook mode against a small fake Bot API in its own process;
 * - `pglite`: zero configuration (no DATABASE_URL, no tokens) in a fresh DATA_DIR: the embedded
 *   database is created and migrated and the demo organisation loaded, the console channel runs;
 * - `pglite-restart`: the same DATA_DIR started again (what an installation runs after a restart).
 *
 * BENCH_ENTRY: `tsx`, `dist` or `tsx,dist` (default); `dist` compiles first (`npm run build`).
 * PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a database
 * of its own is created and dropped). Redis: REDIS_URL (default redis://127.0.0.1:6379; keys under a
 * unique QUEUE_PREFIX, deleted at the end). Linux only (RSS comes from /proc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeysUnder } from '../src/redis/keys.js';
import { openDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { forkFastFakeTelegram, type FastFakeHandle } from './lib/fast-fake-telegram.js';
import { seedOrganisation } from './lib/seed-organisation.js';
import { createScratchDatabase, type ScratchDatabase } from './lib/scratch-database.js';

const employees = Number(process.env['BENCH_EMPLOYEES'] ?? 100_000);
const steadySeconds = Number(process.env['BENCH_STEADY_SECONDS'] ?? 75);
const runs = (process.env['BENCH_RUNS'] ?? 'postgres,pglite,pglite-restart').split(',').map((r) => r.trim());
const entries = (process.env['BENCH_ENTRY'] ?? 'tsx,dist').split(',').map((e) => e.trim()) as Entry[];
const windowOpen = (process.env['BENCH_CHECKIN_WINDOW'] ?? 'open') === 'open';
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

type Entry = 'tsx' | 'dist';
const COMMANDS: Record<Entry, string[]> = { tsx: ['--import', 'tsx', 'src/main.ts'], dist: ['dist/main.js'] };

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM of a process, in kB (0 once it has gone). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** CPU seconds (user + system, all threads) a process has used: on a shared machine a steadier figure than wall time. */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 1/100 s on Linux.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface RunResult {
  label: string;
  readyMs: number;
  cpuAtReady: number;
  runningMs: number | undefined;
  rssAtReady: number;
  steady: number;
  steadyMin: number;
  steadyMax: number;
  peak: number;
  heap: { used: number; committed: number } | undefined;
}

/** Starts the bot with `env`, measures it, stops it with SIGTERM; throws when it misbehaves. */
async function measure(label: string, entry: Entry, env: Record<string, string>): Promise<RunResult> {
  const port = await freePort();
  const reportDir = mkdtempSync(join(tmpdir(), 'dk-bench-memory-report-'));
  // A diagnostic report on SIGUSR2 gives the V8 heap at the end without changing what the bot loads.
  const args = ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${reportDir}`, ...COMMANDS[entry]];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', HTTP_PORT: String(port), ...env },
    // stdin stays open (and silent) so the console channel waits as it would in a terminal.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let output = '';
  let runningMs: number | undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (runningMs === undefined && output.includes('Dialog Kinerja is running')) runningMs = performance.now() - started;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));

  const samples: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: performance.now(), rss: memoryOf(pid).rss }), 100);
  try {
    let readyMs: number | undefined;
    while (alive && performance.now() - started < 120_000) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) {
        readyMs = performance.now() - started;
        break;
      }
      await sleep(20);
    }
    if (readyMs === undefined) throw new Error(`${label}: /readyz never answered 200\n${output.slice(-3000)}`);
    const rssAtReady = memoryOf(pid).rss;
    const cpuAtReady = cpuSecondsOf(pid);
    const readyAt = performance.now();
    await sleep(steadySeconds * 1000);
    if (!alive) throw new Error(`${label}: the bot exited while idle\n${output.slice(-3000)}`);
    const { rss: steady, hwm: peak } = memoryOf(pid);
    const window = samples.filter((s) => s.at >= Math.max(readyAt, performance.now() - 30_000) && s.rss > 0).map((s) => s.rss);

    child.kill('SIGUSR2');
    let heap: RunResult['heap'];
    for (let i = 0; i < 50 && !heap; i++) {
      await sleep(100);
      const file = readdirSync(reportDir).find((f) => f.endsWith('.json'));
      if (!file) continue;
      try {
        const report = JSON.parse(readFileSync(join(reportDir, file), 'utf8')) as { javascriptHeap: { usedMemory: number; totalCommittedMemory: number } };
        heap = { used: report.javascriptHeap.usedMemory / 1024, committed: report.javascriptHeap.totalCommittedMemory / 1024 };
      } catch {
        // Still being written.
      }
    }
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`${label}: the bot exited with ${code} on SIGTERM\n${output.slice(-3000)}`);
    return { label, readyMs, cpuAtReady, runningMs, rssAtReady, steady, steadyMin: Math.min(...window), steadyMax: Math.max(...window), peak, heap };
  } finally {
    clearInterval(sampler);
    if (alive) child.kill('SIGKILL');
    rmSync(reportDir, { recursive: true, force: true });
  }
}

function print(result: RunResult): void {
  const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  const heap = result.heap ? `; V8 heap ${mb(result.heap.used)} used of ${mb(result.heap.committed)} committed` : '';
  console.log(`${result.label}`);
  console.log(
    `  /readyz 200 after ${seconds(result.readyMs)} (${result.cpuAtReady.toFixed(1)} s of CPU), running after ${seconds(result.runningMs)}; RSS at ready ${mb(result.rssAtReady)}`,
  );
  console.log(
    `  steady RSS after ${steadySeconds} s idle ${mb(result.steady)} (last 30 s ${mb(result.steadyMin)}–${mb(result.steadyMax)}); peak ${mb(result.peak)}${heap}`,
  );
  console.log(`  (load average ${load()})`);
}

const prefixes: string[] = [];
/** A queue prefix of its own for each run, so one run's schedulers and jobs never reach the next. */
const newPrefix = () => {
  prefixes.push(`bench-memory-${randomBytes(4).toString('hex')}`);
  return prefixes.at(-1)!;
};
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const cleanups: (() => Promise<void>)[] = [];
let failed = false;
try {
  console.log(`bench:memory – entries ${entries.join(', ')}; runs ${runs.join(', ')}; load average ${load()}`);
  if (entries.includes('dist')) {
    console.log('compiling to dist/ (npm run build) …');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  let scratch: ScratchDatabase | undefined;
  let fake: FastFakeHandle | undefined;
  if (runs.includes('postgres')) {
    scratch = await createScratchDatabase(adminUrl, `dk_bench_memory_${process.pid}`);
    cleanups.push(() => scratch!.drop());
    const db = await openDatabase({ databaseUrl: scratch.url });
    try {
      await applyMigrations(db.sql);
      const started = performance.now();
      await seedOrganisation(db, { employees, checkinWindowOpen: windowOpen, now: new Date() });
      console.log(`seeded ${employees} employees (check-in window ${windowOpen ? 'open, all answered' : 'closed'}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await db.close();
    }
    fake = await forkFastFakeTelegram();
    cleanups.push(() => fake!.close());
  }

  for (const entry of entries) {
    const command = `node ${COMMANDS[entry].join(' ')}`;
    if (scratch && fake) {
      print(
        await measure(`PostgreSQL, ${employees} employees, Telegram webhook – ${command}`, entry, {
          NODE_ENV: 'production',
          DATABASE_URL: scratch.url,
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: newPrefix(),
          DATA_DIR: tempDir('dk-bench-memory-'),
          TELEGRAM_BOT_TOKEN: fake.token,
          TELEGRAM_API_ROOT: fake.apiRoot,
          TELEGRAM_WEBHOOK_URL: 'https://bench.invalid/telegram/webhook',
        }),
      );
    }
    if (runs.includes('pglite') || runs.includes('pglite-restart')) {
      // Zero configuration, as `npm start` on a fresh clone; only the queue prefix keeps the shared Redis tidy.
      const env = { DATA_DIR: tempDir('dk-bench-memory-pglite-'), QUEUE_PREFIX: newPrefix() };
      if (runs.includes('pglite')) print(await measure(`PGlite, zero configuration, first start – ${command}`, entry, env));
      if (runs.includes('pglite-restart')) print(await measure(`PGlite, zero configuration, restart – ${command}`, entry, env));
    }
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  for (const prefix of prefixes) await deleteKeysUnder(redisUrl, prefix).catch(() => {});
}
process.exit(failed ? 1 : 0);
