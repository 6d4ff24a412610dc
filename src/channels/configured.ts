/** Which chat channels the configuration enables, for the start-up log and `status`. */
import type { Config } from '../config/load.js';

/** One channel's status, for the start-up log and `status`. */
export interface ChannelStatus {
  name: 'telegram' | 'slack' | 'console';
  configured: boolean;
  detail: string;
}

/** The status of every channel under `config`. */
export function channelStatuses(config: Pick<Config, 'telegram' | 'slack'>): ChannelStatus[] {
  return [
    config.telegram
      ? { name: 'telegram', configured: true, detail: config.telegram.webhookUrl ? `webhook at ${config.telegram.webhookUrl}` : 'long polling' }
      : { name: 'telegram', configured: false, detail: 'not configured (set TELEGRAM_BOT_TOKEN)' },
    config.slack
      ? { name: 'slack', configured: true, detail: config.slack.appToken ? 'Socket Mode' : 'HTTP events at /slack/events' }
      : { name: 'slack', configured: false, detail: 'not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)' },
    {
      name: 'console',
      configured: !config.telegram && !config.slack,
      detail: 'the bot runs in this terminal (used when no platform is configured)',
    },
  ];
}
