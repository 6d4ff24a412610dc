/** The evaluation cycle end to end on Telegram: the real telegraf bot against the fake Bot API. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { playEvaluationCycle, seedUnitOfFive, type Clock } from '../support/evaluation-scenario.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
let bot: TelegramBot;
beforeAll(async () => {
  await seedUnitOfFive(db, 2026);
  bot = await startTelegramBot(db, { now: () => clock.now });
});
afterAll(() => bot.stop());

describe('evaluation cycle on Telegram', () => {
  it('evaluates a unit of five, explains and fixes a curve violation, and decides an objection', async () => {
    await playEvaluationCycle(bot.driver, db, clock);
  });
});
