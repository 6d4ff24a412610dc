/**
 * The inbound pipeline's promises at the database (README, "A message's way through the bot"):
 * an update stored by an instance that died before handling it is handled by another; two
 * instances deciding the same person's answers at once lose none and apply each once (the
 * session's revision guard makes the second decide again); a second answer to a question that
 * moved on is refused, not applied twice.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.js';
import type { InboundEvent } from '../../src/bot/inbound.js';
import { useTestDatabase } from '../support/database.js';
import { outboxSettled, startConsoleBot, type ConsoleSession } from '../support/console.js';

const db = await useTestDatabase();
const NOW = new Date('2026-11-27T03:00:00Z');
let bot: ConsoleSession;
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => NOW });
});
afterAll(() => bot.stop());

async function employee(name: string) {
  return db.prisma.employee.findFirstOrThrow({ where: { name } });
}

/** An event from `nip` on the console channel, as the console would hand it over (plus an update id). */
function eventFrom(nip: string, text: string, updateKey: string | null = null): InboundEvent {
  return {
    platform: 'CONSOLE',
    workspace: '',
    updateKey,
    sender: { externalUserId: nip, username: null, displayName: nip },
    chat: { id: nip, private: true },
    message: text.startsWith('/') ? { type: 'command', name: text.slice(1), args: '' } : { type: 'text', text },
  };
}

/** A second instance of the pipeline on the same database and queues (another bot process behind the webhook). */
function secondInstance(): Bot {
  const { app } = bot;
  return new Bot({
    prisma: app.db.prisma,
    engine: app.conversations.engine,
    logger: pino({ level: 'silent' }),
    now: () => NOW,
    defaultLocale: 'id',
    deliver: app.conversations.deliver,
    sql: app.db.sql,
    plain: app.db.sql,
  });
}

describe('the inbound pipeline', () => {
  it('handles an update that an instance stored and then died before handling, once', async () => {
    const andi = await employee('Andi Pratama');
    // As the dead instance left it: accepted two minutes ago, not handled.
    const event = eventFrom(andi.nip, '/saya', 'orphan-1');
    await db.prisma.processedUpdate.create({
      data: { platform: 'CONSOLE', workspace: '', updateKey: 'orphan-1', event: JSON.parse(JSON.stringify(event)), processedAt: new Date(NOW.getTime() - 120_000) },
    });
    const before = await db.prisma.outboundMessage.count({ where: { chatId: andi.nip } });
    expect(await bot.app.conversations.bot.resumeStaleUpdates()).toBe(1);
    await outboxSettled(db.prisma);
    const replies = await db.prisma.outboundMessage.findMany({ where: { chatId: andi.nip }, orderBy: { id: 'asc' }, skip: before });
    expect(replies.map((row) => JSON.stringify(row.payload))).toEqual([expect.stringMatching(/Menurut Dialog Kinerja, Anda adalah/)]);
    expect((await db.prisma.processedUpdate.findFirstOrThrow({ where: { updateKey: 'orphan-1' } })).handledAt).not.toBeNull();
    // Another instance looking later finds nothing left to do.
    expect(await secondInstance().resumeStaleUpdates()).toBe(0);
  });

  it('drops an update another instance handled while this one was deciding it', async () => {
    const andi = await employee('Andi Pratama');
    const before = await db.prisma.outboundMessage.count({ where: { chatId: andi.nip } });
    // Both instances received the same update (a redelivery) at once: it is accepted once and answered once.
    await Promise.all([bot.app.conversations.bot.handle(eventFrom(andi.nip, '/saya', 'twice-1')), secondInstance().handle(eventFrom(andi.nip, '/saya', 'twice-1'))]);
    await outboxSettled(db.prisma);
    expect(await db.prisma.outboundMessage.count({ where: { chatId: andi.nip } })).toBe(before + 1);
  });

  it('applies two answers decided at once by two instances one after the other, losing neither', async () => {
    const ratna = await employee('Ratna Sari Dewi');
    await bot.type('/as Ratna Sari Dewi');
    await bot.type('/kendala');
    // Ratna has no plan: the first question is the obstacle itself, then the support needed.
    const session = await db.prisma.conversationSession.findUniqueOrThrow({ where: { employeeId: ratna.id } });
    expect(session.step).toBe('text');
    await Promise.all([
      bot.app.conversations.bot.handle(eventFrom(ratna.nip, 'Jaringan kantor putus sejak pagi.')),
      secondInstance().handle(eventFrom(ratna.nip, 'Mohon bantuan teknisi jaringan.')),
    ]);
    await outboxSettled(db.prisma);
    // One answered the obstacle, the other the support question (whichever committed first), and the flow completed.
    const obstacle = await db.prisma.obstacle.findFirstOrThrow({ where: { employeeId: ratna.id } });
    expect([obstacle.text, obstacle.supportNeeded].sort()).toEqual(['Jaringan kantor putus sejak pagi.', 'Mohon bantuan teknisi jaringan.']);
    expect(await db.prisma.conversationSession.count({ where: { employeeId: ratna.id } })).toBe(0);
    const apologies = await db.prisma.outboundMessage.count({ where: { chatId: ratna.nip, payload: { path: ['blocks', '0', 'spans', '0', 'text'], string_contains: 'Maaf' } } });
    expect(apologies).toBe(0);
  });
});
