/** The evaluation cycle end to end on Slack: the real Bolt app against the fake Slack Web API. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { playEvaluationCycle, seedUnitOfFive, type Clock } from '../support/evaluation-scenario.js';
import { startSlackBot, type SlackBot } from '../support/slack-driver.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
let slack: SlackBot;
beforeAll(async () => {
  await seedUnitOfFive(db, 2026);
  slack = await startSlackBot(db, { now: () => clock.now });
});
afterAll(() => slack.stop());

describe('evaluation cycle on Slack', () => {
  it('evaluates a unit of five, explains and fixes a curve violation, and decides an objection', async () => {
    await playEvaluationCycle(slack.driver, db, clock);
  });
});
