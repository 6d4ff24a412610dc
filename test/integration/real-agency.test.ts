/**
 * A real agency's start on Telegram and on Slack (test/support/real-agency.ts): HR's files and CLI
 * first, then the head, a Kepala Bidang, a fungsional and a Plt in chat.
 */
import { afterAll, describe, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { importRealAgency, playRealAgencyStart, type Clock } from '../support/real-agency.js';
import { startSlackBot, type SlackBot } from '../support/slack-driver.js';

// What the CLI queues (`acting add` tells the Plt and the official) goes out on the next upkeep round.
const env = { MAINTENANCE_INTERVAL_SECONDS: '1' };

describe('a real agency starts its year', () => {
  let telegram: TelegramBot | undefined;
  let slack: SlackBot | undefined;
  afterAll(async () => {
    await telegram?.stop();
    await slack?.stop();
  });

  it('on Telegram', async () => {
    const db = await useTestDatabase();
    const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
    await importRealAgency(db, clock);
    telegram = await startTelegramBot(db, { now: () => clock.now, env });
    await playRealAgencyStart(telegram.driver, db, clock);
  }, 120_000);

  it('on Slack', async () => {
    const db = await useTestDatabase();
    const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
    await importRealAgency(db, clock);
    slack = await startSlackBot(db, { now: () => clock.now, env });
    await playRealAgencyStart(slack.driver, db, clock);
  }, 120_000);
});
