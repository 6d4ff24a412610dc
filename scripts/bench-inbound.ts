/**
 * Benchmark of the inbound path (npm run bench:inbound), black-box as a deployment runs it: the
 * real bot process (node --import tsx src/main.ts, configured by environment only) in Telegram
 * webhook mode against a fast fake Bot API in a process of its own, on real PostgreSQL and Redis.
 *
 * 1. A scratch database gets 500 people (BENCH_PEOPLE) in sections of a dozen, agreed plans with
 *    two RHK, and a link code each (scripts/lib/inbound-seed.ts).
 * 2. The bot starts (per-chat pacing off, no global send limit: the bot's own speed is measured,
 *    not Telegram's); everyone links by posting `/hubungkan CODE` to the webhook (not measured).
 * 3. A warm-up (BENCH_WARMUP_SECONDS, 5) at the first rate, then for each rate of BENCH_RATE (200;
 *    a list such as "25,50,100,200" runs steps with the same process and data) BENCH_SECONDS (30)
 *    of updates offered at that rate to whoever is idle – commands, button presses and answers
 *    inside conversations (scripts/lib/inbound-mix.ts), one outstanding update per person.
 * 4. Per rate: reply latency from the update's POST to the reply reaching the fake, the webhook's
 *    own answer time, updates answered exactly once / never / more than once, the bot's RSS and
 *    CPU. Exits 1 when an update was not answered exactly once or a POST failed; speed is reported,
 *    never asserted. Target (issue 11): p99 ≤ 50 ms at 200 updates/s.
 *
 * Other settings: BENCH_WEBHOOK_CONNECTIONS (40, Telegram's default max_connections; 0 = no cap),
 * BENCH_SETTLE_MS (200: quiet time after a reply before that person's next update, so a duplicate
 * lands in the right window), BENCH_DRAIN_SECONDS (60: how long stragglers are awaited after each
 * step), BENCH_SEED (1), BENCH_PROFILE=1 (the bot runs with --cpu-prof; the profile of the measured
 * steps is summarised and its file kept), BENCH_CENSUS=1 (first BENCH_CENSUS_UPDATES, 300, updates
 * one at a time, counting PostgreSQL statements and round trips per kind of update through a proxy
 * that then stays in the way), BENCH_DATABASE_URL (default the test server; a database of
 * its own is created and dropped), REDIS_URL (keys under a unique QUEUE_PREFIX, deleted after),
 * LOG_LEVEL (the bot's, default warn).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeysUnder } from '../src/redis/keys.js';
import { openDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { freePort, startBotProcess } from './lib/bot-process.js';
import { summariseProfile, type CpuProfile, type ProfileWindow } from './lib/cpu-profile-summary.js';
import { forkFastFakeTelegram } from './lib/fast-fake-telegram.js';
import { startCountingProxy } from './lib/pg-counting-proxy.js';
import { PostgresCpuTracker } from './lib/postgres-cpu.js';
import { census } from './lib/inbound-census.js';
import { clock, InboundDriver } from './lib/inbound-driver.js';
import { seededRandom } from './lib/inbound-mix.js';
import { answered, labelTable, phaseFigures, summaryTable, type PhaseFigures } from './lib/inbound-report.js';
import { seedInboundOrganisation } from './lib/inbound-seed.js';
import { createScratchDatabase } from './lib/scratch-database.js';

const env = process.env;
const people = Number(env['BENCH_PEOPLE'] ?? 500);
const rates = (env['BENCH_RATE'] ?? '200').split(',').map(Number);
const seconds = Number(env['BENCH_SECONDS'] ?? 30);
const warmupSeconds = Number(env['BENCH_WARMUP_SECONDS'] ?? 5);
const connections = Number(env['BENCH_WEBHOOK_CONNECTIONS'] ?? 40);
const settleMs = Number(env['BENCH_SETTLE_MS'] ?? 200);
const drainMs = Number(env['BENCH_DRAIN_SECONDS'] ?? 60) * 1000;
const profiling = env['BENCH_PROFILE'] === '1';
const censusUpdates = env['BENCH_CENSUS'] === '1' ? Number(env['BENCH_CENSUS_UPDATES'] ?? 300) : 0;
const adminUrl = env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
if (rates.some((rate) => !(rate > 0)) || !(seconds > 0) || !(people > 0)) throw new Error('BENCH_RATE, BENCH_SECONDS and BENCH_PEOPLE must be positive numbers');

/** Telegram user (and private chat) ids of the people: FIRST_USER_ID + index. */
const FIRST_USER_ID = 500_000_000;
const WEBHOOK_PATH = '/telegram/webhook';
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);
const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

const dir = mkdtempSync(join(tmpdir(), 'dk-bench-inbound-'));
const cleanup: (() => Promise<unknown>)[] = [];
const undoAll = async () => {
  for (const undo of cleanup.splice(0)) await undo().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
};
// Ctrl+C: stop the bot and the fake, drop the database and the Redis keys, then go.
process.once('SIGINT', () => void undoAll().finally(() => (console.log(`interrupted; the bot's log is in ${dir}`), process.exit(130))));
let ok = true;
try {
  console.log(`inbound benchmark: ${people} people, rates ${rates.join(', ')}/s for ${seconds} s each; ${load()} on ${env['HOSTNAME'] ?? 'this machine'}`);
  let started = performance.now();
  const scratch = await createScratchDatabase(adminUrl, `dk_bench_inbound_${process.pid}`);
  cleanup.push(() => scratch.drop());
  const prefix = `bench-in-${randomBytes(5).toString('hex')}`;
  cleanup.push(() => deleteKeysUnder(redisUrl, prefix));
  const db = await openDatabase({ databaseUrl: scratch.url });
  cleanup.unshift(() => db.close());
  await applyMigrations(db.sql);
  const seeded = await seedInboundOrganisation(db, people, dir, new Date());
  console.log(`seeded ${seeded.length} people (${seeded.filter((p) => p.supervisor).length} supervisors) with agreed plans and link codes in ${since(started)}`);

  // The census counts statements through a proxy: only then does the bot talk to PostgreSQL through it.
  const proxy = censusUpdates > 0 ? await startCountingProxy(scratch.url) : undefined;
  if (proxy) cleanup.unshift(() => proxy.close());
  const port = await freePort();
  const secretToken = randomBytes(24).toString('hex');
  const driver = new InboundDriver(seeded, {
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    secretToken,
    connections,
    settleMs,
    random: seededRandom(Number(env['BENCH_SEED'] ?? 1)),
    firstUserId: FIRST_USER_ID,
  });
  cleanup.unshift(async () => driver.close());
  const fake = await forkFastFakeTelegram(undefined, (report) => driver.onReport(report));
  cleanup.unshift(() => fake.close());

  started = performance.now();
  const profileDir = profiling ? join(dir, 'profile') : undefined;
  const bot = startBotProcess(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn',
      DATABASE_URL: proxy?.url ?? scratch.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      DATA_DIR: join(dir, 'data'),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      DEMO_ORGANISATION: 'off',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://bench.invalid${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: secretToken,
      // Per-chat pacing off and no overall limit: replies leave as fast as the bot makes them.
      TELEGRAM_CHAT_INTERVAL_MS: '0',
      TELEGRAM_MAX_PER_SECOND: '10000',
    },
    { logFile: join(dir, 'bot.log'), profileDir },
  );
  cleanup.unshift(() => bot.stop());
  const exited = new Promise<never>((_, reject) => bot.child.once('exit', (code) => reject(new Error(`the bot exited (code ${code}) before setting its webhook; log: ${join(dir, 'bot.log')}`))));
  const tooSlow = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the bot did not set its webhook within 120 s')), 120_000).unref());
  const webhook = await Promise.race([driver.webhook, exited, tooSlow]);
  if (webhook.secretToken !== secretToken) throw new Error('the bot set its webhook with another secret token');
  console.log(`bot process ${bot.pid} ready (webhook set) ${since(started)} after spawning, RSS ${Math.round((bot.sample()?.rss ?? 0) / 1048576)} MB`);

  started = performance.now();
  await driver.link(25, drainMs * 2);
  const linked = answered(driver.records.filter((r) => r.phase === 'link'));
  const [identities] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ChatIdentity"`);
  const linkOk = linked.once === people && linked.httpErrors === 0 && identities?.n === people;
  ok &&= linkOk;
  console.log(
    `linking ${linkOk ? 'OK' : 'FAILED'}: ${linked.once}/${people} welcomed once (${linked.unanswered} never, ${linked.moreThanOnce} more than once), ` +
      `${identities?.n} chat accounts linked, in ${since(started)} (not measured)`,
  );

  if (proxy) {
    console.log(`\nCensus: ${censusUpdates} updates one at a time; PostgreSQL statements and round trips per update (median), handling and delivery:`);
    console.log(await census(driver, () => proxy.counts(), censusUpdates, drainMs));
    console.log('(from here on every query passes the counting proxy: latencies are not the bot\'s alone)\n');
  }
  if (warmupSeconds > 0) {
    await driver.paced('warm-up', rates[0]!, warmupSeconds);
    await driver.drain(drainMs);
  }
  const figures: PhaseFigures[] = [];
  const windows: ProfileWindow[] = [];
  const database = new URL(scratch.url).pathname.slice(1);
  for (const rate of rates) {
    const postgres = new PostgresCpuTracker(db.sql, database);
    bot.sample();
    const fromUs = hrtimeUs();
    const phase = await driver.paced(`${rate}/s`, rate, seconds);
    windows.push({ fromUs, toUs: hrtimeUs() });
    const drained = await driver.drain(drainMs);
    if (bot.child.exitCode !== null || bot.child.signalCode !== null) throw new Error(`the bot exited during the ${rate}/s step; log: ${join(dir, 'bot.log')}`);
    bot.sample();
    const postgresMs = await postgres.spent();
    postgres.stop();
    const f = phaseFigures(phase, driver.records, bot.samples, clock(), postgresMs);
    figures.push(f);
    console.log(
      `${String(rate).padStart(4)}/s: ${f.updates} updates, reply p50 ${f.reply.p50.toFixed(0)} ms p99 ${f.reply.p99.toFixed(0)} ms` +
        `${drained ? '' : `, ${driver.outstanding} still unanswered after ${drainMs / 1000} s`}; ${load()}`,
    );
  }

  console.log(`\nReply latency (ms unless marked s) from the webhook POST to the reply reaching the fake Bot API; ${connections || 'unlimited'} webhook connections:`);
  console.log(summaryTable(figures));
  console.log('\nReply latency by update (count × p50 / p99):');
  console.log(labelTable(figures.map((f) => f.phase), driver.records));

  const all = answered(driver.records);
  const [processed] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ProcessedUpdate"`);
  const outbox = await db.sql.query<{ status: string; n: number; again: number }>(
    `SELECT status::text, count(*)::int AS n, count(*) FILTER (WHERE attempts > 1)::int AS again FROM "OutboundMessage" GROUP BY status ORDER BY status`,
  );
  const accepted = driver.records.filter((r) => r.status === 200).length;
  const correct = all.once === all.updates && all.httpErrors === 0 && processed?.n === accepted && driver.unsolicited.length === 0;
  ok &&= correct;
  const stats = await fake.stats();
  console.log(
    `\ncheck ${correct ? 'OK' : 'FAILED'}: ${all.updates} updates posted (linking and warm-up included), ${all.once} answered exactly once, ` +
      `${all.unanswered} never, ${all.moreThanOnce} more than once; ${all.httpErrors} POSTs failed or not 200; ` +
      `${processed?.n} recorded as processed for ${accepted} accepted; ${driver.unsolicited.length} messages nobody asked for; ` +
      `outbox ${outbox.map((o) => `${o.status} ${o.n}${o.again ? ` (${o.again} claimed more than once)` : ''}`).join(', ')}; fake: ${stats.accepted} messages, ${stats.callbackAnswers} callback answers, ${stats.markupEdits} keyboards removed`,
  );
  if (driver.abandoned > 0 || driver.resent > 0) console.log(`note: ${driver.abandoned} episodes abandoned (a reply lacked the expected button), ${driver.resent} POSTs resent after a closed keep-alive connection`);
  for (const record of driver.records.filter((r) => r.replies.length !== 1).slice(0, 5)) {
    // A late second reply lands in the window of the person's next update: name the one before too.
    const before = driver.records.filter((r) => r.person === record.person && r.offeredAt < record.offeredAt).at(-1);
    console.log(
      `  e.g. ${record.phase} ${record.label}: ${record.replies.length} replies ${JSON.stringify(record.replies.map((r) => r.text))}${record.error ? ` (${record.error})` : ''}` +
        `${before ? `; that person's update before: ${before.label}, ${before.replies.length} replies` : ''}`,
    );
  }
  const logged = bot.logSummary();
  console.log(`bot log: ${logged.errors} errors, ${logged.warnings} warnings${logged.examples.length ? `, e.g. ${logged.examples.map((e) => JSON.stringify(e)).join('; ')}` : ''}`);

  cleanup.shift(); // the bot: stopped here, so that its profile is written
  const code = await bot.stop();
  if (profileDir) {
    // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread (tsx's loader thread has a profile too).
    const file = readdirSync(profileDir).find((name) => name.includes(`.${bot.pid}.0.`) && name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no CPU profile was written (the bot exited with ${code})`);
    const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
    const span = windows.map((w) => `${w.fromUs} ${w.toUs}`).join(', ');
    console.log(`\nCPU profile of the bot over the measured steps (${join(profileDir, file)}, kept; open it in Chrome DevTools; steps at µs ${span}):`);
    console.log(summariseProfile(profile, windows));
  }
} catch (error) {
  ok = false;
  console.error(error);
} finally {
  await undoAll();
  // The bot's log (and the profile) stay when something went wrong or was asked for.
  if (!profiling && ok) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir} (bot.log${profiling ? ', profile/' : ''})`);
}
if (!ok) process.exitCode = 1;
