/**
 * Telegram at process level: the bot killed with SIGKILL in the middle of setting expectations
 * resumes the supervisor at the same step after a restart; and webhook mode checks Telegram's
 * secret-token header.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { useTestDatabase } from '../support/database.js';
import { settleUpdate, startTelegramBot } from '../support/drivers.js';
import { makeUser, startFakeTelegram, type FakeTelegram, type FakeUser } from '../support/fake-telegram.js';
import { tempDir } from '../support/files.js';
import { uniquePrefix } from '../support/redis.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `npm start`'s entry point as a separate process against the fake Bot API. */
function startBotProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_ENV: 'production', HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.push(child);
  return child;
}

async function send(fake: FakeTelegram, db: Awaited<ReturnType<typeof useTestDatabase>>, user: FakeUser, text: string, expected: RegExp) {
  const update = fake.sendText(user, text);
  const reply = await fake.waitForMessage(user.id, expected, { after: update.message.message_id, timeoutMs: 20_000 });
  await settleUpdate(db, update.update_id, 20_000);
  return reply;
}

describe('the bot process', () => {
  it('resumes a supervisor at the same step after being killed with SIGKILL mid-flow', async () => {
    const db = await useTestDatabase();
    await seedDemoIfEmpty(db.prisma, new Date().getFullYear());
    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const fake = await startFakeTelegram();
    try {
      const user = makeUser(7001, 'Sri');
      fake.knowChat(user);
      await db.prisma.chatIdentity.deleteMany();
      await db.prisma.chatIdentity.create({ data: { employeeId: sri.id, platform: 'TELEGRAM', externalUserId: String(user.id), dmChannelId: String(user.id) } });
      const env = { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: uniquePrefix(), DATA_DIR: tempDir(), TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };

      const first = startBotProcess(env);
      await fake.waitForCall('getUpdates', undefined, { timeoutMs: 60_000 });
      await send(fake, db, user, '/ekspektasi', /Untuk siapa ekspektasi ini\?/);
      await send(fake, db, user, 'Andi Pratama', /RHK ke-1 untuk Andi Pratama/);
      await send(fake, db, user, 'Utama', /Tulis rencana hasil kerjanya/);
      await send(fake, db, user, 'Tersedianya aplikasi perizinan daring', /aspek apa\?/);

      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const second = startBotProcess(env);
      const since = fake.calls.length;
      await fake.waitForCall('getUpdates', undefined, { since, timeoutMs: 60_000 });

      await send(fake, db, user, 'Kuantitas', /Tulis indikator kinerja individunya/);
      const session = await db.prisma.conversationSession.findUniqueOrThrow({ where: { employeeId: sri.id } });
      expect(session.step).toBe('indicatorText');
      expect(session.answers).toEqual(
        expect.arrayContaining([
          { step: 'rhkText', value: 'Tersedianya aplikasi perizinan daring' },
          { step: 'aspect', value: 'KUANTITAS' },
        ]),
      );
      second.kill('SIGTERM');
      expect(await new Promise((resolve) => second.once('exit', resolve))).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

describe('the Telegram webhook', () => {
  it("accepts updates carrying Telegram's secret token and refuses forged ones", async () => {
    const db = await useTestDatabase();
    const bot = await startTelegramBot(db, {
      now: () => new Date('2026-11-27T03:00:00Z'),
      env: { TELEGRAM_WEBHOOK_URL: 'https://kinerja.contoh.go.id/telegram/webhook' },
    });
    try {
      const url = `${bot.app.http.url}/telegram/webhook`;
      const webhook = bot.fake.calls.find((call) => call.method === 'setWebhook');
      expect(webhook?.params).toMatchObject({ url: 'https://kinerja.contoh.go.id/telegram/webhook', allowed_updates: ['message', 'callback_query'] });
      expect(String(webhook?.params['secret_token'])).toMatch(/^[0-9a-f]{48}$/);

      const stranger = makeUser(8001, 'Tamu');
      const update = bot.fake.sendText(stranger, 'halo');
      expect(await bot.fake.deliverToWebhook(url)).toEqual([{ update_id: update.update_id, status: 200 }]);
      await bot.settle(update.update_id);
      expect(bot.fake.messagesTo(stranger.id).at(-1)?.text).toMatch(/belum terhubung ke Dialog Kinerja/);

      const forged = { ...update, update_id: update.update_id + 1000 };
      const noSecret = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
      const wrongSecret = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong-secret-value-000' },
        body: JSON.stringify(forged),
      });
      expect([noSecret.status, wrongSecret.status]).toEqual([403, 403]);
      expect(await db.prisma.processedUpdate.count({ where: { updateKey: String(forged.update_id) } })).toBe(0);
    } finally {
      await bot.stop();
    }
  });
});
