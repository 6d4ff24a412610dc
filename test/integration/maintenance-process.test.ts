/**
 * The maintenance leader across real processes: two bots on one PostgreSQL database and one Redis;
 * the one leading is killed with SIGKILL, and the other takes the lead within seconds and does the
 * leader's work at once (here: bringing BullMQ's job schedulers in line with a schedule saved
 * while nobody led).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { WORK_QUEUE } from '../../src/jobs/types.js';
import { redisOptionsFromUrl } from '../../src/redis/connect.js';
import { useTestDatabase, type TestDatabase } from '../support/database.js';
import { makeUser, startFakeTelegram } from '../support/fake-telegram.js';
import { tempDir } from '../support/files.js';
import { dropPrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The OS process id of the bot holding the maintenance lead (its lock session names it), if any. */
async function leaderPid(db: TestDatabase): Promise<number | undefined> {
  const rows = await db.sql.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  const match = rows.length === 1 ? /^dialog-kinerja pid (\d+) maintenance:/.exec(rows[0]!.name) : null;
  return match ? Number(match[1]) : undefined;
}

describe('the maintenance leader at process level', () => {
  it('passes to the other instance when the leader is killed with SIGKILL', async () => {
    const db = await useTestDatabase();
    const fake = await startFakeTelegram();
    const prefix = uniquePrefix();
    const work = new Queue(WORK_QUEUE, { connection: redisOptionsFromUrl(TEST_REDIS_URL) as never, prefix });
    try {
      const agency = await db.prisma.agency.create({ data: { name: 'Instansi Uji Pimpinan' } });
      const unit = await db.prisma.unit.create({ data: { agencyId: agency.id, name: 'Dinas Uji' } });
      const employee = await db.prisma.employee.create({
        data: { agencyId: agency.id, unitId: unit.id, nip: '199001012015011001', name: 'Pegawai Uji', position: 'Pelaksana', positionType: 'PELAKSANA', employmentStatus: 'PNS' },
      });
      fake.knowChat(makeUser(424242, 'PegawaiUji'));
      await db.prisma.chatIdentity.create({ data: { employeeId: employee.id, platform: 'TELEGRAM', externalUserId: '424242', dmChannelId: '424242' } });

      const start = () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          env: {
            PATH: process.env['PATH'],
            HOME: process.env['HOME'],
            NODE_ENV: 'production',
            HTTP_PORT: '0',
            LOG_LEVEL: 'warn',
            DATA_DIR: tempDir(),
            DATABASE_URL: db.url,
            REDIS_URL: TEST_REDIS_URL,
            QUEUE_PREFIX: prefix,
            TELEGRAM_BOT_TOKEN: fake.token,
            TELEGRAM_API_ROOT: fake.apiRoot,
            // Webhook mode: two polling bots would fight over getUpdates (Telegram answers 409).
            TELEGRAM_WEBHOOK_URL: 'https://kinerja.contoh.go.id/telegram/webhook',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        children.push(child);
        return child;
      };
      const bots = [start(), start()];
      const first = await until(() => leaderPid(db), 'one bot to take the lead');
      const leader = bots.find((bot) => bot.pid === first);
      const standby = bots.find((bot) => bot.pid !== first);
      expect(leader, 'the lead is held by one of the two bots').toBeDefined();
      // Its first round reconciled the schedulers: the default check-in of the agency's zone among them.
      await until(async () => (await work.getJobSchedulers(0, -1)).some((s) => s.key === `checkin:d:${agency.id}:Asia/Jakarta`), 'the leader’s first round');

      leader!.kill('SIGKILL');
      await new Promise((resolve) => leader!.once('exit', resolve));
      // Saved while nobody leads: only the stand-by, once it leads, can bring it to BullMQ.
      const schedule = await db.prisma.checkinSchedule.create({ data: { unitId: unit.id, weekday: 2, minuteOfDay: 9 * 60 } });
      expect(await until(() => leaderPid(db).then((pid) => pid !== first && pid), 'the stand-by to take the lead')).toBe(standby!.pid);
      const scheduler = await until(
        async () => (await work.getJobSchedulers(0, -1)).find((s) => s.key === `checkin:s:${schedule.id}:Asia/Jakarta`),
        'the new leader to reconcile the schedulers',
      );
      expect(scheduler).toMatchObject({ pattern: '0 9 * * 2', tz: 'Asia/Jakarta' });
      expect((await work.getJobSchedulers(0, -1)).some((s) => s.key.startsWith('checkin:d:'))).toBe(false);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await work.close();
      await fake.close();
      await dropPrefix(prefix);
    }
  }, 180_000);
});
