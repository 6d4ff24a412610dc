/**
 * Benchmark of the weekly check-in fan-out and its delivery (npm run bench:fanout): 50,000 active
 * employees (BENCH_EMPLOYEES) with Telegram accounts, a check-in due at the injected clock, the
 * real fanOutCheckins, the real BullMQ delivery worker (deliverHandler on JobRuntime, wired as
 * src/app/conversations.ts wires it) and the real TelegramChannel (telegraf over HTTP) talking to a
 * fast fake Bot API in a child process (scripts/lib/fast-fake-telegram.ts). Targets from the issue:
 * limits off ≥ 2,000 messages/s on the 2-core build machine; limits on ≥ 95 % of the allowed rate
 * with no 429 storms.
 *
 * 1. Seeding (bulk SQL) and the fan-out of week 1 with no worker running, so "enqueue" is only
 *    prompts + action tokens + outbox rows + BullMQ jobs.
 * 2. Limits off (no limiter, TELEGRAM_CHAT_INTERVAL_MS=0; the fake enforces nothing): every one of
 *    the prompts is delivered; the rate is prompts / time from starting the worker to the fake's
 *    last message. Then checked: one prompt per employee, every outbox row
 *    SENT on its first claim, every chat received exactly one message.
 *    Then the maintenance catch-up with everyone prompted (it reads the watermarks), the fan-out
 *    run again, and the set-based check-in sweep: everyone's reminder, then everyone missed.
 * 3. Limits on (the defaults: 30 messages/s overall, 1 s per chat; the fake answers 429 with
 *    retry_after above 30/s sustained or twice a second to one chat): 50,000 at 30/s would take
 *    28 minutes, so this run is a window of BENCH_LIMITED_SECONDS (default 30) over the week-2
 *    fan-out of a subset of employees big enough never to run dry (twice what the window can
 *    send); the rate is messages the fake accepted in the window / window length, counted from
 *    the worker's start (ramp-up included).
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a database
 * of its own is created and dropped). Redis: REDIS_URL (default redis://127.0.0.1:6379; keys under
 * a unique QUEUE_PREFIX, deleted at the end). BENCH_CONCURRENCY overrides the workers' concurrency
 * (default: the bot's own). LOG_LEVEL: the bot's log level (default error).
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { TelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { catchUpCheckins } from '../src/checkins/catch-up.js';
import { fanOutCheckins, type FanoutResult } from '../src/checkins/fanout.js';
import { checkinGroups } from '../src/checkins/schedules.js';
import { sweepCheckins } from '../src/checkins/sweep.js';
import { parseConfig, type Config } from '../src/config/load.js';
import type { Channel } from '../src/delivery/channel.js';
import { DEFAULT_PACING, deliverHandler } from '../src/delivery/deliver.js';
import { isoWeekKey } from '../src/domain/time-zones.js';
import type { Platform } from '../src/generated/prisma/client.js';
import { ensureHolidayCalendar } from '../src/holidays/seed.js';
import { startHttpServer, type HttpServer } from '../src/http/server.js';
import { JobRuntime, platformLimits } from '../src/jobs/runtime.js';
import { createLogger, type Logger } from '../src/logging/logger.js';
import { connectRedis, redisOptionsFromUrl, type RedisHandle } from '../src/redis/connect.js';
import { deleteKeysUnder } from '../src/redis/keys.js';
import { openDatabase, type Database } from '../src/storage/database.js';
import { uuidv7 } from '../src/storage/ids.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { forkFastFakeTelegram, type FastFakeHandle, type FakeStats } from './lib/fast-fake-telegram.js';

const employees = Number(process.env['BENCH_EMPLOYEES'] ?? 50_000);
const limitedSeconds = Number(process.env['BENCH_LIMITED_SECONDS'] ?? 30);
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const concurrency = process.env['BENCH_CONCURRENCY'] ? Number(process.env['BENCH_CONCURRENCY']) : undefined;

/** Friday 10 July 2026, 14:05 WIB: five minutes into the Friday 14:00 check-in; no holiday that week or the next. */
const WEEK_1 = new Date('2026-07-10T07:05:00Z');
const WEEK_2 = new Date(WEEK_1.getTime() + 7 * 86_400_000);
/** Telegram's limits as the fake enforces them in the limited run. */
const TELEGRAM_LIMITS = { perSecond: 30, perChatMs: 1000 };
/** Telegram chat ids of the employees: CHAT_BASE + 1 … CHAT_BASE + employees. */
const CHAT_BASE = 100_000_000;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (since: number) => (performance.now() - since) / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds; fails when nothing moved (`progress` unchanged) for `stallMs`. */
async function until(check: () => Promise<{ done: boolean; progress: number }>, what: string, stallMs = 60_000, everyMs = 20): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const { done, progress } = await check();
    if (done) return;
    if (progress !== last) [last, movedAt] = [progress, Date.now()];
    if (Date.now() - movedAt > stallMs) throw new Error(`stalled waiting for ${what} (at ${progress})`);
    await sleep(everyMs);
  }
}

/** One agency, one unit with a Friday 14:00 schedule, `count` employees in WIB each with a Telegram chat. */
async function seed(db: Database, count: number): Promise<void> {
  const agency = await db.prisma.agency.create({ data: { name: 'Instansi Uji Beban' } });
  const unit = await db.prisma.unit.create({ data: { agencyId: agency.id, name: 'Dinas Uji Beban' } });
  await db.prisma.checkinSchedule.create({ data: { unitId: unit.id, weekday: 5, minuteOfDay: 14 * 60 } });
  const employeeIds = Array.from({ length: count }, () => uuidv7());
  const identityIds = Array.from({ length: count }, () => uuidv7());
  await db.sql.query(
    `INSERT INTO "Employee" (id, "agencyId", "unitId", nip, name, position, "positionType", "employmentStatus", "timeZone", "updatedAt")
     SELECT e.id, $2, $3, '199001012015' || lpad(e.n::text, 6, '0'), 'Pegawai ' || e.n, 'Pelaksana',
            'PELAKSANA'::"PositionType", 'PNS'::"EmploymentStatus", 'Asia/Jakarta', now()
     FROM unnest($1::text[]) WITH ORDINALITY AS e(id, n)`,
    [employeeIds, agency.id, unit.id],
  );
  await db.sql.query(
    `INSERT INTO "ChatIdentity" (id, "employeeId", platform, "externalUserId", "dmChannelId", "updatedAt")
     SELECT x.id, x.employee_id, 'TELEGRAM'::"Platform", (${CHAT_BASE} + x.n)::text, (${CHAT_BASE} + x.n)::text, now()
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(id, employee_id, n)`,
    [identityIds, employeeIds],
  );
  await db.sql.exec('ANALYZE');
}

/** The delivery side of the bot for one configuration, as src/app/conversations.ts builds it. */
function deliveryRuntime(config: Config, db: Database, redis: RedisHandle, channels: Map<Platform, Channel>, logger: Logger, limited: boolean) {
  // Limits off means no limiter at all (and no per-chat pacing, see TELEGRAM_CHAT_INTERVAL_MS=0 below).
  const limits = limited ? platformLimits(config.telegramLimits.maxPerSecond) : { ...platformLimits(30), TELEGRAM: undefined };
  const jobs = new JobRuntime(redisOptionsFromUrl(redis.url), config.queuePrefix, logger, limits);
  const notBenchmarked = async () => {
    throw new Error('not part of the benchmark');
  };
  const start = () =>
    jobs.start(
      {
        deliver: deliverHandler({
          prisma: db.prisma,
          sql: db.sql,
          channels,
          redis: redis.client,
          keyPrefix: config.queuePrefix,
          leaseSeconds: config.deliveryLeaseSeconds,
          pacing: { perChatMs: { ...DEFAULT_PACING.perChatMs, TELEGRAM: config.telegramLimits.chatIntervalMs } },
          pauseQueue: (platform, ms) => jobs.pauseDeliveries(platform, ms),
          logger,
        }),
        'checkin.fanout': notBenchmarked,
        'checkin.sweep': notBenchmarked,
        'nudges.daily': notBenchmarked,
        'digest.weekly': notBenchmarked,
        'home.publish': notBenchmarked,
        'evidence.download': notBenchmarked,
      },
      concurrency ? { concurrency } : {},
    );
  return { jobs, start };
}

/** Fans out the check-ins due at `now`, timed, and checks that everything due was queued. */
async function timedFanout(db: Database, jobs: JobRuntime, now: Date, expected: number, label: string): Promise<void> {
  const started = performance.now();
  const result: FanoutResult = await fanOutCheckins(db.prisma, (rows) => jobs.deliver(rows), now);
  const took = seconds(started);
  const [outbox] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboundMessage" WHERE status = 'PENDING'`);
  const queued = await jobs.delivery.get('TELEGRAM')!.getJobCounts('waiting', 'prioritized', 'delayed');
  const jobCount = (queued['waiting'] ?? 0) + (queued['prioritized'] ?? 0) + (queued['delayed'] ?? 0);
  const skipped = Object.values(result.skipped).reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(28)} ${result.prompted} prompts, ${outbox?.n} outbox rows, ${jobCount} jobs in ${took.toFixed(1)} s = ${Math.round(result.prompted / took)} prompts/s`,
  );
  if (result.prompted !== expected || skipped !== 0 || outbox?.n !== expected || jobCount !== expected) {
    throw new Error(`fan-out queued the wrong amount: ${JSON.stringify({ expected, result, outbox: outbox?.n, jobCount })}`);
  }
}

const name = `dk_bench_fanout_${process.pid}`;
const prefix = `bench-${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
const cleanup: (() => Promise<unknown>)[] = [];
let ok = true;
try {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  cleanup.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  cleanup.push(() => deleteKeysUnder(redisUrl, prefix));
  const fake: FastFakeHandle = await forkFastFakeTelegram();
  cleanup.push(() => fake.close());

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    DATABASE_URL: url.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    // Webhook mode: no long polling against the fake; setWebhook is all it takes.
    TELEGRAM_WEBHOOK_URL: 'https://bench.invalid/telegram/webhook',
  };
  const unlimited = parseConfig({ ...env, TELEGRAM_CHAT_INTERVAL_MS: '0' });
  const limited = parseConfig(env);
  const logger = createLogger({ level: unlimited.logLevel, nodeEnv: unlimited.nodeEnv, pretty: false });

  const db = await openDatabase({ databaseUrl: unlimited.databaseUrl! });
  cleanup.unshift(() => db.close());
  await applyMigrations(db.sql);
  await ensureHolidayCalendar(db.prisma, WEEK_1, unlimited.defaultTimeZone);
  const redis = await connectRedis({ redisUrl, dataDir: tmpdir() }, logger);
  cleanup.unshift(() => redis.close());
  const http: HttpServer = await startHttpServer({ host: '127.0.0.1', port: 0, checks: [], logger });
  cleanup.unshift(() => http.close());
  const telegram = new TelegramChannel(unlimited.telegram!, http, logger);
  await telegram.start(async () => ({ clearButtons: false }));
  cleanup.unshift(() => telegram.stop());
  const channels = new Map<Platform, Channel>([['TELEGRAM', telegram]]);

  let started = performance.now();
  await seed(db, employees);
  console.log(`${'seeding'.padEnd(28)} ${employees} employees with Telegram chats in ${seconds(started).toFixed(1)} s`);

  // Week 1: enqueue, then deliver everything with the limits off.
  const first = deliveryRuntime(unlimited, db, redis, channels, logger, false);
  cleanup.unshift(() => first.jobs.stop());
  await timedFanout(db, first.jobs, WEEK_1, employees, 'enqueue (fan-out)');
  await fake.setLimits(undefined);
  await fake.reset();
  started = performance.now();
  const startedAt = Date.now();
  first.start();
  const busy = performance.eventLoopUtilization();
  // Polled rarely so that watching costs the bot nothing; the end is the fake's own time of the last message.
  await until(async () => {
    const { accepted } = await fake.stats();
    return { done: accepted >= employees, progress: accepted };
  }, 'every message to reach the fake', 60_000, 1000);
  const delivered = ((await fake.stats()).lastAt - startedAt) / 1000;
  const eventLoop = performance.eventLoopUtilization(busy).utilization;
  const pending = async () =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboundMessage" WHERE status = 'PENDING' OR "sentAt" IS NULL`))[0]?.n ?? 0;
  await until(async () => {
    const n = await pending();
    return { done: n === 0, progress: n };
  }, 'every outbox row to be marked', 60_000, 50);
  const settled = seconds(started);
  console.log(
    `${'delivery, limits off'.padEnd(28)} ${employees} messages in ${delivered.toFixed(1)} s = ${Math.round(employees / delivered)} msg/s` +
      ` (all rows marked sent after ${settled.toFixed(1)} s; the bot's event loop busy ${Math.round(eventLoop * 100)} %; target ≥ 2000 msg/s)`,
  );
  await sleep(500); // anything sent twice would arrive now
  const counts = await first.jobs.delivery.get('TELEGRAM')!.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
  await first.jobs.stop();
  cleanup.shift();

  const seen: FakeStats = await fake.stats();
  const [prompts] = await db.sql.query<{ total: number; people: number }>(`SELECT count(*)::int AS total, count(DISTINCT "employeeId")::int AS people FROM "CheckinPrompt"`);
  const [rows] = await db.sql.query<{ total: number; sent: number; once: number; chats: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'SENT')::int AS sent,
            count(*) FILTER (WHERE status = 'SENT' AND attempts = 1)::int AS once, count(DISTINCT "chatId")::int AS chats
     FROM "OutboundMessage"`,
  );
  const leftInQueue = Object.values(counts).reduce((a, b) => a + b, 0);
  const correct =
    prompts?.total === employees && prompts.people === employees && rows?.total === employees && rows.sent === employees && rows.once === employees &&
    rows.chats === employees && seen.accepted === employees && seen.distinctChats === employees && seen.chatsWithDuplicates === 0 && seen.tooManyRequests === 0 &&
    leftInQueue === 0;
  ok &&= correct;
  console.log(
    `${'check, limits off'.padEnd(28)} ${correct ? 'OK' : 'FAILED'}: prompts ${prompts?.total} for ${prompts?.people} employees; outbox ${rows?.sent}/${rows?.total} sent` +
      ` (${rows?.once} on the first claim); fake received ${seen.accepted} messages in ${seen.distinctChats} chats, ${seen.chatsWithDuplicates} chats twice;` +
      ` jobs left ${leftInQueue}; peak ${seen.peakPerSecond} msg in one second`,
  );

  // The maintenance leader's check-in catch-up, every 30 s while a check-in is open: it reads the
  // watermarks (FanoutRun) only. The groups come from a cache the leader refreshes when the tables change.
  const groups = await checkinGroups(db.prisma);
  started = performance.now();
  const caughtUp = await catchUpCheckins(db.prisma, async () => {}, WEEK_1, groups);
  const catchUpMs = performance.now() - started;
  ok &&= caughtUp.groups === 0 && caughtUp.prompted === 0;
  console.log(`${'catch-up pass, all prompted'.padEnd(28)} ${caughtUp.groups} groups to fan out, in ${catchUpMs.toFixed(1)} ms (the leader, every 30 s while a check-in is open)`);
  // The scheduler's own job run again (a retry, a second fire): one query finds nobody left.
  started = performance.now();
  const again = await fanOutCheckins(db.prisma, async () => {}, WEEK_1);
  const againSeconds = seconds(started);
  ok &&= again.prompted === 0 && again.alreadyPrompted === employees;
  console.log(`${'fan-out again, all prompted'.padEnd(28)} ${again.alreadyPrompted} already prompted, ${again.prompted} new, in ${againSeconds.toFixed(2)} s`);

  // The check-in sweep, set-based: everyone's reminder falls due at once (24 h later), then everyone misses the deadline.
  const queuedBySweep: string[] = [];
  const collect = async (rows: { id: string }[]) => void queuedBySweep.push(...rows.map((row) => row.id));
  started = performance.now();
  const reminders = await sweepCheckins(db.prisma, collect, new Date(WEEK_1.getTime() + 24 * 3_600_000));
  const remindSeconds = seconds(started);
  started = performance.now();
  const missed = await sweepCheckins(db.prisma, collect, new Date(WEEK_1.getTime() + 72 * 3_600_000));
  const missedSeconds = seconds(started);
  const sweptOk = reminders.reminded === employees && missed.missed === employees && queuedBySweep.length === employees;
  ok &&= sweptOk;
  console.log(
    `${'check-in sweep'.padEnd(28)} ${sweptOk ? 'OK' : 'FAILED'}: ${reminders.reminded} reminders in ${remindSeconds.toFixed(1)} s = ${Math.round(reminders.reminded / remindSeconds)}/s;` +
      ` ${missed.missed} marked missed in ${missedSeconds.toFixed(1)} s = ${Math.round(missed.missed / missedSeconds)}/s`,
  );
  // Not part of the delivery runs: an unsent reminder would hold back week 2's invitation to the same chat.
  await db.sql.query(`UPDATE "OutboundMessage" SET status = 'CANCELLED' WHERE "dedupeKey" LIKE 'checkin-reminder:%'`);

  // Week 2: Telegram's limits, over a window.
  const allowed = limited.telegramLimits.maxPerSecond;
  const subset = Math.min(employees, Math.ceil(allowed * limitedSeconds * 2));
  await db.sql.query(`UPDATE "Employee" SET active = false WHERE id NOT IN (SELECT id FROM "Employee" ORDER BY id LIMIT $1)`, [subset]);
  const second = deliveryRuntime(limited, db, redis, channels, logger, true);
  cleanup.unshift(() => second.jobs.stop());
  await timedFanout(db, second.jobs, WEEK_2, subset, 'enqueue (week 2 subset)');
  await fake.reset();
  await fake.setLimits(TELEGRAM_LIMITS);
  started = performance.now();
  second.start();
  await sleep(limitedSeconds * 1000);
  const window = await fake.stats();
  const windowSeconds = seconds(started);
  await second.jobs.stop();
  cleanup.shift();
  const after = await fake.stats();
  const [week2] = await db.sql.query<{ sent: number }>(
    `SELECT count(*)::int AS sent FROM "OutboundMessage" o JOIN "CheckinPrompt" p ON o."dedupeKey" = 'checkin:' || p.id
     WHERE p."weekKey" = $1 AND o.status = 'SENT'`,
    [isoWeekKey(WEEK_2, limited.defaultTimeZone)],
  );
  const rate = window.accepted / windowSeconds;
  const limitedOk = window.accepted < subset && after.chatsWithDuplicates === 0 && week2?.sent === after.accepted;
  ok &&= limitedOk;
  console.log(
    `${'delivery, limits on'.padEnd(28)} ${window.accepted} messages in ${windowSeconds.toFixed(1)} s = ${rate.toFixed(1)} msg/s` +
      ` = ${((100 * rate) / allowed).toFixed(1)} % of the allowed ${allowed}/s (target ≥ 95 %); 429 answers: ${window.tooManyRequests};` +
      ` peak ${window.peakPerSecond} msg in one second`,
  );
  console.log(
    `${'check, limits on'.padEnd(28)} ${limitedOk ? 'OK' : 'FAILED'}: ${week2?.sent} rows marked sent, fake accepted ${after.accepted} after the worker stopped,` +
      ` ${after.chatsWithDuplicates} chats twice, backlog ${subset} never ran dry: ${window.accepted < subset}`,
  );
  console.log(`peak memory (RSS) ${mb(peakRss)} (the fake Telegram's own process: ${mb(after.rss)})`);
} finally {
  clearInterval(sampler);
  for (const undo of cleanup) await undo().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
}
if (!ok) process.exitCode = 1;
