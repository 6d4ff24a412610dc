/**
 * Evaluation in chat on the console: a unit of five evaluated from the record, the curve explained
 * and met, results sent, one accepted, one objection decided by the superior, late ones refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { consoleDriver, type ChatDriver } from '../support/drivers.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { playEvaluationCycle, seedUnitOfFive, type Clock } from '../support/evaluation-scenario.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
let session: ConsoleSession;
let bot: ChatDriver;
beforeAll(async () => {
  await seedUnitOfFive(db, 2026, { console: true });
  session = await startConsoleBot(db.url, { now: () => clock.now });
  bot = consoleDriver(session, db);
});
afterAll(() => session.stop());

describe('/evaluasi outside the evaluation window', () => {
  it('says when the next evaluation opens', async () => {
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/evaluasi')).toMatch(/Belum ada periode evaluasi yang terbuka\. Evaluasi Triwulan IV 2026 dibuka 18 Des 2026/);
  });
});

describe('who may evaluate', () => {
  it('refuses another supervisor and HR, who never rate', async () => {
    clock.now = new Date('2026-12-28T03:00:00Z');
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    for (const name of ['Bambang Sutrisno', 'Dewi Anggraini']) {
      await bot.as(name);
      expect(await bot.say('/evaluasi Andi Pratama')).toMatch(/Tidak bisa[\s\S]*Pejabat Penilai Kinerja/);
    }
    expect(await db.prisma.evaluation.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'access.denied', details: { path: ['attempted'], equals: 'EVALUATE' } } })).toBe(2);
  });
});

describe('evaluation cycle on the console', () => {
  it('evaluates a unit of five, explains and fixes a curve violation, and decides an objection', async () => {
    await playEvaluationCycle(bot, db, clock);
  });
});
