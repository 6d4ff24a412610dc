/**
 * Delivery when things go wrong: Redis emptied with FLUSHALL mid-run (on a private redis-server,
 * so other tests are untouched), PostgreSQL dropping every connection (what a restart looks like
 * to the bot), and Telegram answering 429 with retry_after or 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startLocalRedis, type LocalRedisServer } from '../../src/redis/local-server.js';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { telegramErrors } from '../support/fake-telegram.js';
import { tempDir } from '../support/files.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const db = await useTestDatabase();
let redis: LocalRedisServer;
let bot: TelegramBot;
beforeAll(async () => {
  redis = await startLocalRedis(tempDir());
  bot = await startTelegramBot(db, { now: () => NOW, env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  await bot.stop();
  await redis.stop();
});

const userOf = (name: string) => bot.users.get(name)!;
const lastText = (name: string) => bot.fake.messagesTo(userOf(name).id).at(-1)?.text ?? '';

describe('delivery', () => {
  it('loses nothing and sends nothing twice when Redis is emptied mid-run', async () => {
    const telegram = bot.app.conversations.jobs.delivery.get('TELEGRAM')!;
    await telegram.pause();
    const update = bot.fake.sendText(userOf('Andi Pratama'), '/saya');
    await bot.fake.waitUntil(() => bot.fake.calls.some((c) => c.method === 'getUpdates' && (c.params['offset'] as number) > update.update_id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pending = await db.prisma.outboundMessage.findMany({ where: { status: 'PENDING' } });
    expect(pending.length).toBeGreaterThan(0);

    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    await telegram.resume();
    expect(await bot.app.conversations.jobs.work.getJobSchedulers(0, -1)).toEqual([]);

    // Time passes (rows older than the sweep's grace period), and the maintenance timer runs.
    await db.prisma.outboundMessage.updateMany({ where: { status: 'PENDING' }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await bot.app.conversations.maintenance.runOnce();
    expect((await bot.app.conversations.jobs.work.getJobSchedulers(0, -1)).length).toBeGreaterThan(0);
    await bot.settle(update.update_id);
    const replies = bot.fake.messagesTo(userOf('Andi Pratama').id).filter((m) => m.message_id > update.message.message_id);
    expect(replies.map((m) => m.text)).toEqual([expect.stringMatching(/Menurut Dialog Kinerja, Anda adalah/)]);
    await bot.app.conversations.maintenance.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.fake.messagesTo(userOf('Andi Pratama').id).filter((m) => m.message_id > update.message.message_id)).toHaveLength(1);
  });

  it('recovers by itself when PostgreSQL drops every connection', async () => {
    await db.sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db.name]);
    const update = bot.fake.sendText(userOf('Ratna Sari Dewi'), '/saya');
    await bot.settle(update.update_id);
    expect(lastText('Ratna Sari Dewi')).toMatch(/Menurut Dialog Kinerja, Anda adalah/);
  });

  it('waits exactly as long as Telegram asks after a 429, then sends', async () => {
    bot.fake.failNext('sendMessage', telegramErrors.tooManyRequests(2));
    const since = bot.fake.calls.length;
    const update = bot.fake.sendText(userOf('Fitri Handayani'), '/saya');
    await bot.settle(update.update_id);
    await bot.fake.waitForCall('sendMessage', (c) => c.response?.ok === true, { since, timeoutMs: 15_000 });
    const sends = bot.fake.calls.slice(since).filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.response?.ok)).toEqual([false, true]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(2_000);
    expect(lastText('Fitri Handayani')).toMatch(/Menurut Dialog Kinerja/);
  });

  it('retries after a 500 with backoff, and records the error while waiting', async () => {
    bot.fake.failNext('sendMessage', telegramErrors.internal);
    const since = bot.fake.calls.length;
    const update = bot.fake.sendText(userOf('Muhammad Rizal'), '/saya');
    await bot.fake.waitForCall('sendMessage', (c) => c.response?.ok === false, { since });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waiting = await db.prisma.outboundMessage.findFirstOrThrow({ where: { employee: { name: 'Muhammad Rizal' } }, orderBy: { createdAt: 'desc' } });
    expect(waiting).toMatchObject({ status: 'PENDING', lastError: expect.stringMatching(/Internal Server Error/) });
    await bot.fake.waitForCall('sendMessage', (c) => c.response?.ok === true, { since, timeoutMs: 15_000 });
    await bot.settle(update.update_id);
    expect(lastText('Muhammad Rizal')).toMatch(/Menurut Dialog Kinerja/);
    // The row is marked SENT right after Telegram accepted the message (batched with other jobs):
    // wait for that commit rather than race it on a busy machine.
    const deadline = Date.now() + 5_000;
    let sent = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    while (sent.status !== 'SENT' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    }
    expect(sent).toMatchObject({ status: 'SENT', lastError: null });
  });
});
