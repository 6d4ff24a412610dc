/**
 * The Slack channel, on Bolt: receives slash commands, direct messages and button clicks – over
 * HTTP at /slack/events on the bot's own HTTP port (Bolt's receiver checks Slack's signature and
 * timestamp and answers 401 otherwise), or over Socket Mode when SLACK_APP_TOKEN is set – and sends
 * rendered Block Kit messages through the Web API at SLACK_API_URL.
 *
 * Slack wants an answer within 3 seconds: everything is acknowledged first and handled after.
 * Events Slack retries carry the same event id, and the pipeline handles an id once.
 */
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { WebClient } from '@slack/web-api';
import type { EventEffects, InboundHandler } from '../../bot/context.js';
import type { InboundEvent } from '../../bot/inbound.js';
import type { SlackConfig } from '../../config/load.js';
import type { Reply } from '../../conversation/reply.js';
import type { Channel } from '../../delivery/channel.js';
import type { HttpServer } from '../../http/server.js';
import type { Logger } from '../../logging/logger.js';
import { classifySlackError } from './errors.js';
import { buttonEvent, directMessageEvent, formEvent, parseSlashText, slashCommandEvent, staysInChannel, type SlackSender } from './inbound.js';
import { ANSWER_BLOCK_ID, answerOf, formView, FORM_CALLBACK, FORM_COMMANDS, metadataOf } from './modal.js';
import { escapeMrkdwn, renderSlack, SLACK_COMMAND, SLACK_VIEW_MAX_BLOCKS, type SlackBlock } from './render.js';
import { homeText } from '../../i18n/home.js';
import { slackText } from '../../i18n/slack.js';
import type { Locale } from '../../i18n/catalogue.js';

/** Where Slack posts events, commands and interactions in HTTP mode (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Changes in a burst (a conversation, several messages) refresh an open dashboard once. */
const HOME_REFRESH_MS = 1_000;

/** The dashboard's replies as one view: sections and buttons, a divider between parts, within Slack's block limit. */
export function homeBlocks(replies: Reply[], moreText: string): (SlackBlock | { type: 'divider' })[] {
  const blocks: (SlackBlock | { type: 'divider' })[] = [];
  replies.forEach((part, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    renderSlack(part).forEach((message) => blocks.push(...message.blocks));
  });
  // Block ids must be unique in a view; each rendered reply numbers its own.
  let n = 0;
  for (const block of blocks) if (block.type === 'actions') block.block_id = `home-${n++}`;
  if (blocks.length <= SLACK_VIEW_MAX_BLOCKS) return blocks;
  // Never cut without saying so: the last block says where the rest is.
  return [...blocks.slice(0, SLACK_VIEW_MAX_BLOCKS - 1), { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(moreText) } }];
}

/** Bolt's logger interface on top of ours. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => logger.debug({ slack: msg.map(String).join(' ') }, 'slack'),
    info: (...msg) => logger.info({ slack: msg.map(String).join(' ') }, 'slack'),
    warn: (...msg) => logger.warn({ slack: msg.map(String).join(' ') }, 'slack'),
    error: (...msg) => logger.error({ slack: msg.map(String).join(' ') }, 'slack'),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}

/** A message event the bot could not store: Slack is answered 500 and retries it. */
class NotStored extends Error {
  constructor(updateKey: string | null | undefined) {
    super(`Slack event ${updateKey ?? ''} could not be stored; Slack will send it again`);
  }
}

export class SlackChannel implements Channel {
  readonly platform = 'SLACK' as const;
  readonly app: App;
  readonly receiver: HTTPReceiver | SocketModeReceiver;
  /** Interactive calls (open a DM, read a profile, update a message): the client retries by itself. */
  private readonly api: WebClient;
  /** Deliveries: no retries inside the client – a 429 goes back to the delivery queue, which waits as told. */
  private readonly delivery: WebClient;
  private readonly dmChannels = new Map<string, string>();
  private handle: InboundHandler | undefined;

  /** People who opened their App Home since the bot started: only their dashboards are kept fresh. */
  private readonly homeViewers = new Map<string, string>();
  private readonly homeRefreshes = new Map<string, NodeJS.Timeout>();
  /** DM channel → user, to know whose dashboard a message changes. */
  private readonly dmUsers = new Map<string, string>();

  constructor(
    private readonly config: SlackConfig,
    private readonly http: HttpServer,
    private readonly logger: Logger,
    private readonly locale: Locale = 'id',
    /**
     * Asks for the person's dashboard (App Home) to be built and published (a job that calls
     * publishHome when it is ready); without it there is no App Home.
     */
    private readonly requestHome?: (workspace: string, userId: string) => void,
  ) {
    const log = boltLogger(logger);
    const clientOptions = { slackApiUrl: config.apiUrl };
    this.receiver = config.appToken
      ? new SocketModeReceiver({ appToken: config.appToken, logger: log, installerOptions: { clientOptions } })
      : // Slack's HTTP request is answered when the listener returns (not before it runs): a
        // message is answered once the bot has stored it, and Slack retries one it could not.
        new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, logger: log, processBeforeResponse: true });
    this.app = new App({ token: config.botToken, receiver: this.receiver, clientOptions, logger: log });
    this.api = new WebClient(config.botToken, { slackApiUrl: config.apiUrl, logger: log });
    this.delivery = new WebClient(config.botToken, { slackApiUrl: config.apiUrl, logger: log, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    this.app.error((error) => {
      // Not stored: Slack gets a 500 and sends the event again.
      if ((error as { original?: unknown }).original instanceof NotStored || error instanceof NotStored) return Promise.reject(error);
      this.logger.error({ err: error }, 'slack request failed');
      return Promise.resolve();
    });
    this.listen();
  }

  /** Hands every event from now on to `handle` (start does this; tests of the wiring call it alone). */
  attach(handle: InboundHandler): void {
    this.handle = handle;
  }

  async start(handle: InboundHandler): Promise<void> {
    this.attach(handle);
    const auth = await this.api.auth.test().catch((error: unknown) => {
      throw new Error(`Slack did not accept SLACK_BOT_TOKEN: ${(error as { data?: { error?: string } }).data?.error ?? (error as Error).message}`);
    });
    if (this.receiver instanceof HTTPReceiver) {
      const listener = this.receiver.requestListener;
      this.http.route('POST', SLACK_EVENTS_PATH, (request, response) => listener(request, response));
      this.logger.info({ team: auth.team, path: SLACK_EVENTS_PATH }, 'slack events over HTTP');
      return;
    }
    await this.app.start();
    this.logger.info({ team: auth.team }, 'slack socket mode connected');
  }

  async stop(): Promise<void> {
    for (const timer of this.homeRefreshes.values()) clearTimeout(timer);
    if (this.receiver instanceof SocketModeReceiver) await this.app.stop();
  }

  async send(chatId: string, message: Reply): Promise<{ externalMessageId: string }> {
    let lastId = '';
    try {
      if (message.image) {
        await this.delivery.files.uploadV2({ channel_id: chatId, file: Buffer.from(message.image.base64, 'base64'), filename: message.image.fileName });
      }
      if (message.document) {
        await this.delivery.files.uploadV2({ channel_id: chatId, file: Buffer.from(message.document.base64, 'base64'), filename: message.document.fileName });
      }
      for (const part of renderSlack(message)) {
        const sent = await this.delivery.chat.postMessage({ channel: chatId, text: part.text, blocks: part.blocks, unfurl_links: false, unfurl_media: false });
        lastId = sent.ts ?? lastId;
      }
    } catch (error) {
      throw classifySlackError(error);
    }
    // A message to someone means something changed for them: their open dashboard follows.
    const user = this.dmUsers.get(chatId);
    if (user) this.refreshHome(user);
    return { externalMessageId: lastId };
  }

  private listen(): void {
    this.app.command(SLACK_COMMAND, async ({ command, ack }) => {
      const { name } = parseSlashText(command.text);
      const inChannel = staysInChannel(name) && !command.channel_id.startsWith('D');
      // Answers come as direct messages; typed in a channel, say so there (only the typist sees it).
      const elsewhere = !inChannel && command.channel_name !== 'directmessage';
      const sender = { userId: command.user_id, teamId: command.team_id, userName: command.user_name ?? null };
      const chat = inChannel
        ? { id: command.channel_id, private: false, title: command.channel_name }
        : { id: await this.dmChannel(command.user_id), private: true };
      const event = slashCommandEvent(command, sender, chat);
      const form = FORM_COMMANDS.has(name) && !inChannel;
      // Slack is answered once the command is stored (the listener returning sends the answer);
      // one that could not be stored is not handled, and the person is asked to send it again.
      const { stored, handled } = this.accept(form ? { ...event, surface: 'form' } : event, sender);
      if (!(await stored)) {
        await ack({ response_type: 'ephemeral', text: slackText[this.locale].notStored });
        return;
      }
      await ack(elsewhere ? { response_type: 'ephemeral', text: slackText[this.locale].answerInDm } : undefined);
      if (form) void this.openForm(handled, event.chat.id, command.trigger_id);
    });

    this.app.view(FORM_CALLBACK, async ({ ack, body, view }) => {
      const channel = metadataOf(view).channel;
      const answer = answerOf(view);
      if (!answer || !channel) {
        await ack({ response_action: 'errors', errors: { [ANSWER_BLOCK_ID]: slackText[this.locale].formRequired } });
        return;
      }
      const sender = { userId: body.user.id, teamId: body.team?.id ?? '', userName: body.user.name ?? null };
      // Slack waits for this answer (3 s): the pipeline runs first, then says what the modal does.
      const effects = await this.dispatch(formEvent(answer, sender, channel, `view:${view.id}:${view.hash}`), sender);
      if (effects.form && effects.problem) await ack({ response_action: 'errors', errors: { [ANSWER_BLOCK_ID]: effects.problem } });
      else if (effects.form) await ack({ response_action: 'update', view: formView(effects.form, { channel }, this.locale) as unknown as ModalView });
      else await ack({ response_action: 'clear' });
    });

    // Closing the modal ends its conversation, as /batal would.
    this.app.view({ callback_id: FORM_CALLBACK, type: 'view_closed' }, async ({ ack, body, view }) => {
      await ack();
      const channel = metadataOf(view).channel;
      if (!channel) return;
      const sender = { userId: body.user.id, teamId: body.team?.id ?? '', userName: body.user.name ?? null };
      void this.dispatch(formEvent({ type: 'command', name: 'batal', args: '' }, sender, channel, `view-closed:${view.id}`), sender);
    });

    this.app.event('message', async ({ event, body }) => {
      const inbound = directMessageEvent(event as Parameters<typeof directMessageEvent>[0], body.team_id, body.event_id ?? null);
      if (!inbound) return;
      // Returning answers Slack: wait until the message is stored, not until it is handled. One
      // that could not be stored gets a 500, and Slack sends it again (socket mode has no retry).
      const { stored } = this.accept(inbound, { userId: inbound.sender.externalUserId, teamId: body.team_id, userName: null });
      if (!(await stored)) throw new NotStored(inbound.updateKey);
    });

    this.app.event('app_home_opened', ({ event, body }) => {
      if (event.tab !== 'home' || !this.requestHome) return Promise.resolve();
      this.homeViewers.set(event.user, body.team_id);
      if (event.channel) this.dmUsers.set(event.channel, event.user);
      this.requestHome(body.team_id, event.user);
      return Promise.resolve();
    });

    this.app.action(/^dk:/, async ({ action, ack, body }) => {
      await ack();
      if (action.type !== 'button') return;
      // A button on the dashboard has no channel: the conversation it starts goes to the DM.
      const channelId = (body as { channel?: { id: string } }).channel?.id ?? (await this.dmChannel(body.user.id));
      const sender = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? '', userName: (body.user as { username?: string }).username ?? null };
      const click = action as { value?: string; action_ts?: string };
      const actionTs = click.action_ts ?? '';
      const inbound = buttonEvent({ value: click.value, action_ts: actionTs }, sender, channelId, (body as { trigger_id?: string }).trigger_id ?? actionTs);
      if (!inbound) return;
      const message = (body as { message?: { ts: string; text?: string; blocks?: SlackBlock[] } }).message;
      void this.dispatch(inbound, sender).then(async (effects) => {
        if (effects.clearButtons && message) await this.clearButtons(channelId, message);
      });
    });
  }

  /** Once a form command is handled: while its conversation goes on, its first page opens as a modal. */
  private async openForm(handled: Promise<EventEffects>, chatId: string, triggerId: string): Promise<void> {
    const effects = await handled;
    if (!effects.form) return; // refused or finished at once: the answer went to the DM
    try {
      await this.api.views.open({ trigger_id: triggerId, view: formView(effects.form, { channel: chatId }, this.locale) as unknown as ModalView });
    } catch (error) {
      // Too late for the trigger (Slack allows 3 s): the conversation goes on in the DM instead.
      this.logger.warn({ err: error }, 'could not open a Slack modal; continuing in the DM');
      for (const reply of effects.form) await this.send(chatId, reply).catch(() => {});
    }
  }

  /**
   * Hands an event to the pipeline asking to hear when it is stored: `stored` says whether it
   * could be (one that could not is dropped, to come again), `handled` resolves when it is handled.
   */
  private accept(event: InboundEvent, sender: SlackSender): { stored: Promise<boolean>; handled: Promise<EventEffects> } {
    let settle: (stored: boolean) => void = () => {};
    const stored = new Promise<boolean>((resolve) => (settle = resolve));
    return { stored, handled: this.dispatch(event, sender, settle) };
  }

  /** Hands an event to the pipeline, with a way to read the sender's profile e-mail for linking. */
  private async dispatch(event: InboundEvent, sender: SlackSender, onAccepted?: (accepted: boolean) => void): Promise<EventEffects> {
    if (!this.handle) {
      onAccepted?.(false);
      return { clearButtons: false };
    }
    if (event.chat.private) this.dmUsers.set(event.chat.id, sender.userId);
    const effects = await this.handle({ ...event, lookupEmail: () => this.emailOf(sender.userId) }, onAccepted);
    this.refreshHome(sender.userId);
    return effects;
  }

  /** Publishes the dashboard again soon (once for a burst of changes), if the person has it open. */
  private refreshHome(userId: string): void {
    if (!this.homeViewers.has(userId) || this.homeRefreshes.has(userId)) return;
    const timer = setTimeout(() => {
      this.homeRefreshes.delete(userId);
      const team = this.homeViewers.get(userId);
      if (team !== undefined) this.requestHome?.(team, userId);
    }, HOME_REFRESH_MS);
    timer.unref();
    this.homeRefreshes.set(userId, timer);
  }

  /** Publishes a person's dashboard (the home.publish job, once it has built `replies`). */
  async publishHome(userId: string, replies: Reply[]): Promise<void> {
    try {
      await this.api.views.publish({ user_id: userId, view: { type: 'home', blocks: homeBlocks(replies, homeText[this.locale].more) } });
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'could not publish the Slack App Home');
    }
  }

  private async emailOf(userId: string): Promise<string | null> {
    const info = await this.api.users.info({ user: userId });
    return info.user?.deleted || info.user?.is_bot ? null : (info.user?.profile?.email ?? null);
  }

  /** The bot's direct-message channel with a person (opened once, then remembered). */
  private async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const opened = await this.api.conversations.open({ users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error(`Slack did not open a direct message with ${userId}`);
    this.dmChannels.set(userId, id);
    return id;
  }

  /** Removes the buttons of a message whose question was answered, so old choices cannot be pressed again. */
  private async clearButtons(channel: string, message: { ts: string; text?: string; blocks?: SlackBlock[] }): Promise<void> {
    const blocks = (message.blocks ?? []).filter((block) => block.type !== 'actions');
    await this.api.chat.update({ channel, ts: message.ts, text: message.text ?? ' ', blocks }).catch((error: unknown) => {
      this.logger.debug({ err: error }, 'could not remove the buttons of an answered Slack message');
    });
  }
}
