/**
 * The whole bot with Slack pointed at the fake Web API (fake-slack.ts), played through signed
 * requests to the bot's own /slack/events – the real Bolt app end to end. Demo employees get Slack
 * accounts whose profile e-mail is their imported address, so they link on first contact.
 */
import type { App } from '../../src/app/app.js';
import { FORM_COMMANDS } from '../../src/channels/slack/modal.js';
import type { TestDatabase } from './database.js';
import { startBotOnDemo, type ChatDriver } from './drivers.js';
import { slackSigner, startFakeSlack, type FakeSlack, type SlackMessage } from './fake-slack.js';
import { dropPrefix } from './redis.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'TFAKE';

export interface SlackBot {
  app: App;
  fake: FakeSlack;
  signer: ReturnType<typeof slackSigner>;
  /** The bot's Slack request URL. */
  url: string;
  /** Slack user id of each demo employee. */
  users: Map<string, string>;
  driver: ChatDriver;
  /** Waits until the bot recorded the update (its key, or a key starting so) and sent everything it queued. */
  settle(updateKey: string): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dmOf = (userId: string) => `D${userId}`;

/** What a person reads in a Slack message: mrkdwn without its markers and escapes. */
export function readSlack(message: SlackMessage): string {
  const sections = ((message.blocks ?? []) as { type: string; text?: { text: string } }[])
    .filter((block) => block.type === 'section')
    .map((block) => block.text?.text ?? '');
  const text = sections.length > 0 ? sections.join('\n') : (message.text ?? '');
  // Formatting marks go; marks a person typed are fenced with zero-width spaces and stay.
  return text
    .replace(/(?<!\u200b)[*_~`](?!\u200b)/g, '')
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function startSlackBot(db: TestDatabase, options: { now: () => Date; env?: Record<string, string> }): Promise<SlackBot> {
  const fake = await startFakeSlack({ teamId: TEAM });
  const env = { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...options.env };
  const { app, prefix } = await startBotOnDemo(db, { now: options.now, env });
  const users = new Map<string, string>();
  const employees = await db.prisma.employee.findMany({ orderBy: { nip: 'asc' } });
  employees.forEach((employee, i) => {
    const id = `U${1000 + i}`;
    users.set(employee.name, id);
    fake.addUser({ id, name: employee.name.split(' ')[0]!.toLowerCase(), realName: employee.name, teamId: TEAM, ...(employee.email ? { email: employee.email } : {}) });
  });
  const url = `${app.http.url}/slack/events`;
  const signer = slackSigner(SIGNING_SECRET);

  async function settle(updateKey: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const processed = await db.prisma.processedUpdate.count({ where: { platform: 'SLACK', updateKey: { startsWith: updateKey }, handledAt: { not: null } } });
      const pending = await db.prisma.outboundMessage.count({ where: { status: 'PENDING', lastError: null } });
      if (processed > 0 && pending === 0) return;
      await sleep(15);
    }
    throw new Error(`Slack update ${updateKey} was not handled within ${timeoutMs} ms`);
  }

  let current: string | undefined;
  let triggers = 0;
  let events = 0;
  const marks = new Map<string, number>();
  const me = () => {
    if (!current) throw new Error('call as() first');
    return current;
  };
  const userId = (name: string) => {
    const id = users.get(name);
    if (!id) throw new Error(`no Slack user for ${name}`);
    return id;
  };
  const count = (userId: string) => fake.messagesTo(dmOf(userId)).length;
  const since = (userId: string, from: number) =>
    fake
      .messagesTo(dmOf(userId))
      .slice(from)
      .map(readSlack)
      .join('\n---\n');

  async function message(event: Record<string, unknown>): Promise<string> {
    const user = me();
    const before = count(user);
    const eventId = `EvDRIVER${++events}`;
    const response = await signer.event(url, { type: 'message', channel: dmOf(user), channel_type: 'im', user, ts: `${Date.now() / 1000}`, event_ts: `${Date.now() / 1000}`, ...event }, { teamId: TEAM, eventId });
    if (response.status !== 200) throw new Error(`Slack event refused: ${response.status} ${response.body}`);
    await settle(`event:${eventId}`);
    return since(user, before);
  }

  const driver: ChatDriver = {
    name: 'slack',
    async as(name) {
      current = userId(name);
    },
    async say(text) {
      if (!text.startsWith('/')) return message({ text });
      // The forms' commands open a modal; typed alone in the DM they run the conversation there.
      if (FORM_COMMANDS.has(text.slice(1))) return message({ text: text.slice(1) });
      const user = me();
      const before = count(user);
      const triggerId = `trigger-${++triggers}`;
      const response = await signer.slashCommand(url, { text: text.slice(1), userId: user, teamId: TEAM, channelId: dmOf(user), triggerId });
      if (response.status !== 200) throw new Error(`slash command refused: ${response.status} ${response.body}`);
      await settle(`command:${triggerId}`);
      return since(user, before);
    },
    async press(label) {
      const user = me();
      const messages = fake.messagesTo(dmOf(user));
      for (const candidate of [...messages].reverse()) {
        const buttons = ((candidate.blocks ?? []) as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[])
          .filter((block) => block.type === 'actions')
          .flatMap((block) => block.elements ?? []);
        const button = buttons.find((b) => b.text.text === label);
        if (!button) continue;
        const before = messages.length;
        const triggerId = `trigger-${++triggers}`;
        const response = await signer.blockAction(url, {
          userId: user,
          teamId: TEAM,
          channelId: dmOf(user),
          triggerId,
          messageTs: candidate.ts,
          message: { text: candidate.text ?? '', blocks: candidate.blocks ?? [] },
          actions: [{ action_id: button.action_id, value: button.value, text: label }],
        });
        if (response.status !== 200) throw new Error(`button refused: ${response.status} ${response.body}`);
        await settle(`action:${triggerId}:`);
        return since(user, before);
      }
      throw new Error(`no button "${label}" for ${user}`);
    },
    sendEvidence: () => message({ subtype: 'file_share', text: '', files: [{ id: 'F0EVIDENCE1', name: 'modul-perizinan.pdf', mimetype: 'application/pdf', size: 48_213 }] }),
    // Slack has no stickers; a message that is neither text nor a file: an emoji-only "huddle"-like thing is not sent to bots, so a GIF.
    sendSticker: () => message({ subtype: 'file_share', text: '', files: [{ id: 'F0STICKER1', name: 'senyum.gif', mimetype: 'image/gif', size: 1_024 }] }),
    async inbox(name) {
      const user = userId(name);
      const text = since(user, marks.get(user) ?? 0);
      marks.set(user, count(user));
      return text;
    },
  };

  // Everyone says hello once, as Telegram users redeem their link codes: the profile e-mail links them.
  for (const [name, id] of users) {
    if (!employees.find((e) => e.name === name)?.email) continue;
    current = id;
    await message({ text: 'halo' });
  }
  current = undefined;
  fake.reset();

  return {
    app,
    fake,
    signer,
    url,
    users,
    driver,
    settle: (key) => settle(key),
    async stop() {
      await app.stop();
      await fake.close();
      await dropPrefix(prefix);
    },
  };
}
