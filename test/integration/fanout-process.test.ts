/**
 * The weekly fan-out under stress, with real bot processes against the fake Telegram: killed with
 * SIGKILL in the middle of prompting 2,000 employees and started again, and two instances running
 * at once. Either way every employee gets exactly one prompt and exactly one message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { localParts } from '../../src/domain/time-zones.js';
import { useTestDatabase, type TestDatabase } from '../support/database.js';
import { makeUser, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { tempDir } from '../support/files.js';
import { dropPrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const PEOPLE = 2_000;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An agency of 2,000 people in WIB, each linked to a fake Telegram user, with a check-in due now. */
async function organisation(db: TestDatabase, fake: FakeTelegram): Promise<void> {
  const agency = await db.prisma.agency.create({ data: { name: 'Instansi Uji Beban' } });
  const unit = await db.prisma.unit.create({ data: { agencyId: agency.id, name: 'Dinas Uji' } });
  const head = await db.prisma.employee.create({
    data: { agencyId: agency.id, unitId: unit.id, nip: '197001011990031001', name: 'Kepala Uji', position: 'Kepala', positionType: 'JPT', employmentStatus: 'PNS', active: false },
  });
  const employees = Array.from({ length: PEOPLE }, (_, i) => ({
    agencyId: agency.id,
    unitId: unit.id,
    nip: `19900101201501${String(i).padStart(4, '0')}`,
    name: `Pegawai ${i}`,
    position: 'Pelaksana',
    positionType: 'PELAKSANA' as const,
    employmentStatus: 'PNS' as const,
    supervisorId: head.id,
  }));
  await db.prisma.employee.createMany({ data: employees });
  const created = await db.prisma.employee.findMany({ where: { active: true }, select: { id: true, nip: true } });
  await db.prisma.chatIdentity.createMany({
    data: created.map((e) => {
      const userId = 100_000 + Number(e.nip.slice(-4));
      fake.knowChat(makeUser(userId, `P${userId}`));
      return { employeeId: e.id, platform: 'TELEGRAM' as const, externalUserId: String(userId), dmChannelId: String(userId) };
    }),
  });
  // Today, a minute ago, in WIB: the check-in is due the moment the bot starts.
  const local = localParts(new Date(Date.now() - 60_000), 'Asia/Jakarta');
  await db.prisma.checkinSchedule.create({ data: { unitId: unit.id, weekday: local.weekday, minuteOfDay: local.hour * 60 + local.minute } });
}

function startBot(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_ENV: 'production', HTTP_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const prompts = (db: TestDatabase) => db.prisma.checkinPrompt.count();
const invitationsOnTelegram = (fake: FakeTelegram) =>
  fake.calls.filter((c) => c.method === 'sendMessage' && c.response?.ok && String(c.params['text']).includes('laporan progres mingguan'));

/** Every employee: one prompt in the database and one invitation received on Telegram. */
async function expectExactlyOnce(db: TestDatabase, fake: FakeTelegram): Promise<void> {
  await until(async () => invitationsOnTelegram(fake).length >= PEOPLE && (await db.prisma.outboundMessage.count({ where: { status: 'PENDING' } })) === 0, 'every invitation sent');
  await sleep(500); // anything sent twice would arrive now
  expect(await prompts(db)).toBe(PEOPLE);
  const perChat = new Map<string, number>();
  for (const call of invitationsOnTelegram(fake)) perChat.set(String(call.params['chat_id']), (perChat.get(String(call.params['chat_id'])) ?? 0) + 1);
  expect(perChat.size).toBe(PEOPLE);
  expect(Math.max(...perChat.values())).toBe(1);
  expect(await db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: 'checkin:' }, status: 'SENT' } })).toBe(PEOPLE);
}

/** What both bot processes of a test share: the test's database, Redis prefix and fake Telegram, without rate limits. */
function botEnv(db: { url: string }, fake: { token: string; apiRoot: string }, prefix: string) {
  return {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_MAX_PER_SECOND: '2000',
    TELEGRAM_CHAT_INTERVAL_MS: '0',
  };
}

describe('the weekly fan-out at process level', () => {
  it('survives SIGKILL in the middle of prompting 2,000 employees: one prompt and one message each', async () => {
    const db = await useTestDatabase();
    const fake = await startFakeTelegram();
    const prefix = uniquePrefix();
    try {
      await organisation(db, fake);
      const env = { ...botEnv(db, fake, prefix), DATA_DIR: tempDir(), DELIVERY_LEASE_SECONDS: '3', MAINTENANCE_INTERVAL_SECONDS: '2' };
      // Sends wait at "Telegram" until released: the kill then interrupts the fan-out, not a message half-way through.
      fake.hold('sendMessage');
      const first = startBot(env);
      await until(async () => (await prompts(db)) > 0, 'the fan-out to begin');
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const atKill = await prompts(db);
      expect(atKill, 'the kill must land in the middle of the fan-out').toBeLessThan(PEOPLE);

      startBot(env);
      await until(async () => (await prompts(db)) === PEOPLE, 'the restarted bot to finish the fan-out');
      fake.release('sendMessage');
      await expectExactlyOnce(db, fake);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await fake.close();
      await dropPrefix(prefix);
    }
  }, 240_000);

  it('lets two instances run at once without doing anything twice', async () => {
    const db = await useTestDatabase();
    const fake = await startFakeTelegram();
    const prefix = uniquePrefix();
    try {
      await organisation(db, fake);
      const env = {
        ...botEnv(db, fake, prefix),
        // Webhook mode: two polling bots would fight over getUpdates (Telegram answers 409).
        TELEGRAM_WEBHOOK_URL: 'https://kinerja.contoh.go.id/telegram/webhook',
      };
      startBot({ ...env, DATA_DIR: tempDir() });
      startBot({ ...env, DATA_DIR: tempDir() });
      await expectExactlyOnce(db, fake);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await fake.close();
      await dropPrefix(prefix);
    }
  }, 240_000);
});
