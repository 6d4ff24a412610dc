/**
 * A local fake of the Telegram Bot API, so integration tests can run the real telegraf bot without the network:
 * `new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } })`.
 *
 * It answers `POST {apiRoot}/bot{token}/{method}` (JSON, urlencoded or multipart bodies, or a query string) with
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }` and HTTP status = error_code,
 * validating the way Telegram does where bots usually get it wrong (HTML, lengths, callback_data bytes, unknown
 * chats, blocked users, edits that change nothing). Tests play the users (sendText, pressButton, …), then
 * observe the bot through `calls`, `messagesTo` and the wait helpers.
 *
 * Updates follow Telegram's rule: kept until getUpdates is called with an offset above their update_id, so an
 * update the bot never confirmed is delivered again, e.g. to the next bot instance after a crash.
 *
 * Waiting without races: `waitForMessage(chatId)` only resolves with messages whose message_id is above the
 * chat's last message_id *at the time of the call* (user messages count too: ids are per chat, as in
 * Telegram). So either create the promise before triggering the bot, or pass `{ after: id }` – typically the
 * message_id of the user message that triggered the reply, which the bot's answer always follows.
 */
import { Buffer } from 'node:buffer';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  BotCommand, BotCommandScope, Chat, Document, File, ForceReply, InlineKeyboardMarkup, Message, MessageEntity,
  PhotoSize, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update, User,
} from 'telegraf/types';
import { BadText, formatMessageText, leadingCommand } from './fake-telegram-html.js';

export interface FakeUser { id: number; firstName: string; lastName?: string; username?: string; languageCode?: string }
/** A group chat; ids of groups are negative (supergroups: -100…). */
export interface FakeGroup { id: number; title: string; type?: 'group' | 'supergroup' }

export function makeUser(id: number, firstName: string, opts: Omit<FakeUser, 'id' | 'firstName'> = {}): FakeUser {
  return { id, firstName, ...opts };
}
export function makeGroup(id: number, title: string, type: FakeGroup['type'] = 'group'): FakeGroup {
  return { id, title, type };
}

export interface TelegramErrorBody { error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } }
export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & TelegramErrorBody);

/** Ready-made errors for `failNext`, worded as Telegram words them. */
export const telegramErrors = {
  tooManyRequests: (retryAfter: number): TelegramErrorBody => ({ error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } }),
  blocked: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
  chatNotFound: { error_code: 400, description: 'Bad Request: chat not found' },
  internal: { error_code: 500, description: 'Internal Server Error' },
  /** getFile's answer for a file id Telegram no longer serves. */
  wrongFileId: { error_code: 400, description: 'Bad Request: wrong file_id or the file is temporarily unavailable' },
} satisfies Record<string, TelegramErrorBody | ((...args: never[]) => TelegramErrorBody)>;

export interface ApiCall {
  /** Position in `fake.calls`; `at` is the fake's clock when the call arrived. */
  seq: number;
  method: string;
  /** Parameters as received; JSON fields (reply_markup, …) parsed, uploaded files as `Upload`. */
  params: Record<string, unknown>;
  at: number;
  /** 'webhook-reply': the bot answered a webhook request with this method call in the response body. */
  via: 'http' | 'webhook-reply';
  /** What the fake answered; undefined while the call is being answered (a held getUpdates). */
  response?: ApiResponse;
}

export interface Upload { filename: string; contentType?: string; byteLength: number; content: Buffer }

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** What a message says; edits replace it. */
export interface MessageContent {
  /** Plain text as Telegram shows it: tags removed, entities decoded, trimmed. */
  text?: string;
  caption?: string;
  /** text or caption exactly as the bot sent it (the HTML source, say). */
  source?: string;
  parse_mode?: string;
  entities?: MessageEntity[];
  reply_markup?: ReplyMarkup;
}

export interface MessageVersion extends MessageContent { method: string; date: number }

/** A message the bot sent, as the fake stores it. */
export interface BotMessage extends MessageContent {
  message_id: number;
  chat_id: number;
  date: number;
  method: string;
  reply_to_message_id?: number;
  document?: Document;
  photo?: PhotoSize[];
  upload?: Upload;
  edit_date?: number;
  deleted: boolean;
  /** Every version of the message, oldest first; the last one is the current content. */
  history: MessageVersion[];
}

export type MessageMatch = RegExp | ((message: BotMessage) => boolean);
export interface WaitOptions { timeoutMs?: number }

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** Longest time a getUpdates is held (Telegram: `timeout` seconds, telegraf asks for 50). Default 1000 ms. */
  longPollCapMs?: number;
  /** Privacy mode (Telegram's default): in groups the bot only gets commands and replies to its messages. */
  privacyMode?: boolean;
  /** Clock for `date` fields and call times, in ms. */
  now?: () => number;
}

class ApiError extends Error {
  constructor(readonly body: TelegramErrorBody) {
    super(body.description);
  }
}
const badRequest = (what: string): ApiError => new ApiError({ error_code: 400, description: `Bad Request: ${what}` });
const forbidden = (what: string): ApiError => new ApiError({ error_code: 403, description: `Forbidden: ${what}` });
const required = <T>(value: T | undefined, name: string): T => {
  if (value === undefined || value === '') throw badRequest(`${name} is empty`);
  return value;
};

/** Fields that arrive as JSON strings in urlencoded and multipart bodies. */
const JSON_FIELDS = ['reply_markup', 'allowed_updates', 'commands', 'scope', 'entities', 'caption_entities', 'reply_parameters', 'link_preview_options'];
/** What getUpdates sends when allowed_updates is [] or was never given. */
const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const INLINE_BUTTON_ACTIONS = ['url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat', 'callback_game', 'pay'];
const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv', txt: 'text/plain', pdf: 'application/pdf', json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', jpg: 'image/jpeg', png: 'image/png',
};

/** Reads request parameters the way the Bot API accepts them, with Telegram's loose typing ("42" is 42). */
class Params {
  constructor(readonly raw: Record<string, unknown>) {}
  str(name: string): string | undefined {
    const v = this.raw[name];
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  }
  int(name: string): number | undefined {
    const v = this.raw[name];
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    return typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : undefined;
  }
  bool(name: string): boolean {
    return [true, 'true', '1', 1].includes(this.raw[name] as never);
  }
  json<T>(name: string): T | undefined {
    const v = this.raw[name];
    if (typeof v === 'string') throw badRequest(`can't parse ${name} JSON object`);
    return v === undefined || v === null ? undefined : (v as T);
  }
}

interface ChatState {
  chat: Chat;
  lastMessageId: number;
  botMessages: Map<number, BotMessage>;
  userMessages: Map<number, Record<string, unknown>>;
}
/** `delivered`: some getUpdates returned it. Only such updates are confirmed by an offset, so an old update_id
 *  queued again (queueRawUpdate) still reaches the bot. */
interface Pending { update: Update; delivered: boolean }
interface StoredFile { file: File & { file_path: string }; content?: Buffer }
type Handler = (p: Params, signal: AbortSignal) => unknown;
type MessageWaitOptions = WaitOptions & { after?: number };
const CONTENT_KEYS = ['text', 'caption', 'source', 'parse_mode', 'entities', 'reply_markup'] as const;

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const fake = new FakeTelegram(options);
  await fake.listen();
  return fake;
}

export class FakeTelegram {
  readonly token: string;
  readonly botUser: User & { username: string };
  private readonly now: () => number;
  private readonly longPollCapMs: number;
  private readonly privacyMode: boolean;
  private readonly server = createServer((req, res) => void this.onRequest(req, res));
  private port = 0;
  private readonly callList: ApiCall[] = [];
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, FakeUser>();
  private readonly blocked = new Set<number>();
  private queue: Pending[] = [];
  private lastUpdateId = 700_000;
  private allowedUpdates: Set<string> | undefined;
  private poller: { wake(): void; conflict(): void; cancel(): void } | undefined;
  private webhook: { url: string; secretToken?: string; lastError?: { date: number; message: string } } | undefined;
  private readonly files = new Map<string, StoredFile>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly commandSets = new Map<string, { scope: BotCommandScope; language_code: string; commands: BotCommand[] }>();
  private readonly injected = new Map<string, TelegramErrorBody[]>();
  /** Methods whose requests are held until released (to kill a bot while its sends are in the air). */
  private readonly held = new Map<string, Set<() => void>>();
  private readonly waiters = new Set<{ check(): void; cancel(): void }>();
  private sequence = 0;

  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaa';
    this.botUser = {
      id: Number(this.token.split(':')[0]) || 123456, is_bot: true,
      first_name: options.botFirstName ?? 'Dialog Kinerja', username: options.botUsername ?? 'dialog_kinerja_test_bot',
    };
    this.now = options.now ?? Date.now;
    this.longPollCapMs = options.longPollCapMs ?? 1000;
    this.privacyMode = options.privacyMode ?? true;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every API call the bot made, in order (requests with a wrong token are answered 401 and not listed). */
  get calls(): readonly ApiCall[] {
    return this.callList;
  }

  /** The bot's messages in a chat, oldest first, deleted ones included (flagged). */
  messagesTo(chatId: number): BotMessage[] {
    return [...(this.chats.get(chatId)?.botMessages.values() ?? [])];
  }

  /** The last setMyCommands of every scope and language. */
  get commands(): Array<{ scope: BotCommandScope; language_code: string; commands: BotCommand[] }> {
    return [...this.commandSets.values()];
  }

  commandsFor(scope: BotCommandScope = { type: 'default' }, languageCode = ''): BotCommand[] {
    return this.commandSets.get(commandKey(scope, languageCode))?.commands ?? [];
  }

  // ---- Playing the users -------------------------------------------------------------------------------------

  /** A private message from `user`; a leading /command gets its bot_command entity, as in Telegram. */
  sendText(user: FakeUser, text: string, opts: { replyTo?: number } = {}): Update.MessageUpdate<Message.TextMessage> {
    return this.userMessage(user, this.privateChat(user), withCommand(text), opts.replyTo);
  }

  /** A group message. In privacy mode (default) it is not delivered unless it is a command or a reply to the bot. */
  sendGroupText(user: FakeUser, group: FakeGroup, text: string, opts: { replyTo?: number } = {}): Update.MessageUpdate<Message.TextMessage> {
    const state = this.groupChat(group);
    this.users.set(user.id, user);
    const addressee = /^\/\w+@(\w+)/.exec(text)?.[1];
    const forUs = leadingCommand(text) !== undefined && (!addressee || addressee.toLowerCase() === this.botUser.username.toLowerCase());
    const replyToBot = opts.replyTo !== undefined && state.botMessages.has(opts.replyTo);
    return this.userMessage(user, state, withCommand(text), opts.replyTo, !this.privacyMode || forUs || replyToBot);
  }

  /** A private message with a document; pass `content` so the bot can download it (else `size` zero bytes). */
  sendDocument(user: FakeUser, doc: { fileName: string; mimeType?: string; size?: number; content?: Buffer | string; caption?: string }): Update.MessageUpdate<Message.DocumentMessage> {
    const content = typeof doc.content === 'string' ? Buffer.from(doc.content) : doc.content;
    const stored = this.storeFile('documents', extension(doc.fileName), content?.length ?? doc.size ?? 1024, content);
    const document = { ...fileIds(stored), file_name: doc.fileName, mime_type: doc.mimeType ?? mimeType(doc.fileName) };
    return this.userMessage(user, this.privateChat(user), { document, ...(doc.caption ? { caption: doc.caption } : {}) });
  }

  /** A private photo message: three sizes, like Telegram sends; `size` is the largest one's byte count. */
  sendPhoto(user: FakeUser, opts: { size?: number; caption?: string } = {}): Update.MessageUpdate<Message.PhotoMessage> {
    const largest = opts.size ?? 120_000;
    const sizes = [[90, 67, 0.02], [320, 240, 0.15], [1280, 960, 1]] as const;
    const photo = sizes.map(([width, height, share]) => ({ ...fileIds(this.storeFile('photos', 'jpg', Math.max(1, Math.round(largest * share)))), width, height }));
    return this.userMessage(user, this.privateChat(user), { photo, ...(opts.caption ? { caption: opts.caption } : {}) });
  }

  sendSticker(user: FakeUser, emoji = '👍'): Update.MessageUpdate<Message.StickerMessage> {
    const sticker = { ...fileIds(this.storeFile('stickers', 'webp', 24_000)), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji };
    return this.userMessage(user, this.privateChat(user), { sticker });
  }

  /**
   * `user` presses an inline button of the bot's message `messageId` (in the private chat, or in `opts.group`).
   * Throws unless that message currently has a button with this callback_data – pass `forge: true` to send
   * any data, as a modified client could (then the message need not exist either).
   */
  pressButton(user: FakeUser, messageId: number, callbackData: string, opts: { forge?: boolean; group?: FakeGroup } = {}): Update.CallbackQueryUpdate {
    const state = opts.group ? this.groupChat(opts.group) : this.privateChat(user);
    const message = state.botMessages.get(messageId);
    if (!opts.forge) {
      if (!message || message.deleted) throw new Error(`pressButton: the bot has no message ${messageId} in chat ${state.chat.id}`);
      const buttons = callbackData_(message.reply_markup);
      if (!buttons.includes(callbackData)) {
        throw new Error(`pressButton: message ${messageId} has no button with callback_data ${JSON.stringify(callbackData)} (it has ${JSON.stringify(buttons)})`);
      }
    }
    const id = `${this.botUser.id}${String(++this.sequence).padStart(9, '0')}`;
    this.callbackQueries.set(id, { answered: false });
    const shown = message && !message.deleted ? this.toMessage(state, message) : { chat: state.chat, message_id: messageId, date: 0 };
    const callback_query = { id, from: toTelegramUser(user), chat_instance: String(-7_000_000 - state.chat.id), message: shown, data: callbackData };
    return this.enqueue({ callback_query }) as Update.CallbackQueryUpdate;
  }

  /**
   * Queues any update as is. Without update_id it gets the next one; with one it is queued even if that id was
   * delivered and confirmed before – which is how a test makes the bot see the same update twice.
   */
  queueRawUpdate<U extends object>(update: U): U & { update_id: number } {
    const copy = structuredClone(update) as U & { update_id?: number };
    if (copy.update_id !== undefined) this.lastUpdateId = Math.max(this.lastUpdateId, copy.update_id);
    return this.enqueue(copy) as unknown as U & { update_id: number };
  }

  /** Makes a chat known without a message, as if the user had started the bot earlier. */
  knowChat(chat: FakeUser | FakeGroup): void {
    if ('title' in chat) this.groupChat(chat);
    else this.privateChat(chat);
  }

  /** The user blocks the bot: sends to them fail with 403, and the bot gets a my_chat_member update (like Telegram). */
  blockBot(userId: number, opts: { notify?: boolean } = {}): void {
    this.blocked.add(userId);
    if (opts.notify ?? true) this.notifyMembership(userId, 'member', 'kicked');
  }

  unblockBot(userId: number, opts: { notify?: boolean } = {}): void {
    this.blocked.delete(userId);
    if (opts.notify ?? true) this.notifyMembership(userId, 'kicked', 'member');
  }

  /** The next `times` calls of `method` fail with `error` instead of being carried out. */
  failNext(method: string, error: TelegramErrorBody, times = 1): void {
    const list = this.injected.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.injected.set(method.toLowerCase(), list);
  }

  /**
   * Webhook mode: POSTs the pending updates, in order, to `localUrl` (where the test serves the bot's webhook
   * callback; the URL given to setWebhook is https and not reachable), with the secret-token header. Each one
   * answered 2xx is confirmed; a method call in the answer body is carried out as Telegram does. Stops at the
   * first failure, which getWebhookInfo then reports.
   */
  async deliverToWebhook(localUrl: string): Promise<Array<{ update_id: number; status: number; reply?: ApiCall }>> {
    if (!this.webhook) throw new Error('deliverToWebhook: no webhook is set (the bot must call setWebhook first)');
    const results: Array<{ update_id: number; status: number; reply?: ApiCall }> = [];
    while (this.queue[0]) {
      const { update } = this.queue[0];
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = this.webhook.secretToken;
      const res = await fetch(localUrl, { method: 'POST', headers, body: JSON.stringify(update) });
      const body = await res.text();
      if (!res.ok) {
        this.webhook.lastError = { date: this.seconds(), message: `Wrong response from the webhook: ${res.status} ${res.statusText}` };
        results.push({ update_id: update.update_id, status: res.status });
        break;
      }
      this.queue.shift();
      const answer = parseJson(body);
      const { method, ...params } = isRecord(answer) ? answer : {};
      const reply = typeof method === 'string' ? await this.invoke(method, params, 'webhook-reply') : undefined;
      results.push({ update_id: update.update_id, status: res.status, ...(reply ? { reply } : {}) });
    }
    return results;
  }

  /** Holds every request of `method` (not yet recorded) until release(). */
  hold(method: string): void {
    this.held.set(method.toLowerCase(), this.held.get(method.toLowerCase()) ?? new Set());
  }

  /** Lets held and future requests of `method` through. */
  release(method: string): void {
    const waiting = this.held.get(method.toLowerCase());
    this.held.delete(method.toLowerCase());
    for (const go of waiting ?? []) go();
  }

  /** How many requests of `method` are waiting. */
  heldCount(method: string): number {
    return this.held.get(method.toLowerCase())?.size ?? 0;
  }

  // ---- Waiting ---------------------------------------------------------------------------------------------

  /**
   * The first bot message to `chatId` with message_id above `after` (default: the chat's last message_id now)
   * that matches (a RegExp is tested on text or caption). Rejects after `timeoutMs` (5000) listing recent calls.
   */
  waitForMessage(chatId: number, matchOrOptions?: MessageMatch | MessageWaitOptions, options: MessageWaitOptions = {}): Promise<BotMessage> {
    const match = typeof matchOrOptions === 'function' || matchOrOptions instanceof RegExp ? matchOrOptions : undefined;
    const opts = match ? options : ((matchOrOptions as MessageWaitOptions | undefined) ?? options);
    const after = opts.after ?? this.chats.get(chatId)?.lastMessageId ?? 0;
    const test = match instanceof RegExp ? (m: BotMessage) => match.test(m.text ?? m.caption ?? '') : match;
    return this.waitUntil(
      () => this.messagesTo(chatId).find((m) => m.message_id > after && (!test || test(m))),
      { ...opts, what: `a bot message to chat ${chatId} after message ${after}${match ? ` matching ${String(match)}` : ''}` },
    );
  }

  /** The first answered call of `method` from `since` (default: now, i.e. calls made after this one) that matches. */
  waitForCall(method: string, match?: (call: ApiCall) => boolean, opts: WaitOptions & { since?: number } = {}): Promise<ApiCall> {
    const since = opts.since ?? this.callList.length;
    return this.waitUntil(
      () => this.callList.find((c) => c.seq >= since && c.method === method && c.response && (!match || match(c))),
      { ...opts, what: `a ${method} call` },
    );
  }

  /**
   * Resolves with `check()`'s first non-false result (undefined, null and false mean "not yet"), re-checked
   * whenever the bot calls the API and every 10 ms (for state outside the fake, e.g. what a handler recorded).
   */
  waitUntil<T>(check: () => T | undefined | null | false, opts: WaitOptions & { what?: string } = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const what = opts.what ?? 'a condition';
    const promise = new Promise<T>((resolve, reject) => {
      const settle = (answer: () => void) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(waiter);
        answer();
      };
      const waiter = {
        check: () => {
          try {
            const value = check();
            if (value !== undefined && value !== null && value !== false) settle(() => resolve(value));
          } catch (error) {
            settle(() => reject(error instanceof Error ? error : new Error(String(error))));
          }
        },
        cancel: () => settle(() => reject(new Error(`fake-telegram closed while waiting for ${what}`))),
      };
      const timeout = () => reject(new Error(`fake-telegram: timed out after ${timeoutMs} ms waiting for ${what}. Recent calls:\n${this.recentCalls()}`));
      const timer = setTimeout(() => settle(timeout), timeoutMs);
      const poll = setInterval(waiter.check, 10);
      this.waiters.add(waiter);
      waiter.check();
    });
    // A test that stops caring (it failed earlier) must not get an unhandled rejection on top.
    promise.catch(() => undefined);
    return promise;
  }

  async close(): Promise<void> {
    for (const waiter of [...this.waiters]) waiter.cancel();
    this.poller?.cancel();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    const api = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if ((file?.[1] ?? api?.[1]) !== this.token) {
      return send(res, { ok: false, ...(file || api ? { error_code: 401, description: 'Unauthorized' } : { error_code: 404, description: 'Not Found' }) });
    }
    if (file) return this.serveFile(res, decodeURIComponent(file[2]!));
    let params: Record<string, unknown>;
    try {
      params = await readParams(req, url);
    } catch {
      return send(res, { ok: false, error_code: 400, description: "Bad Request: can't parse request body" });
    }
    // telegraf aborts a held getUpdates when the bot stops; the fake must notice so nothing is lost.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    const hold = this.held.get(api![2]!.toLowerCase());
    if (hold) {
      // A held request whose client dies was never received by "Telegram": nothing is recorded.
      const proceed = await new Promise<boolean>((resolve) => {
        const go = () => resolve(true);
        hold.add(go);
        gone.signal.addEventListener('abort', () => {
          hold.delete(go);
          resolve(false);
        });
      });
      if (!proceed) return;
    }
    send(res, (await this.invoke(api![2]!, params, 'http', gone.signal)).response!);
  }

  private serveFile(res: ServerResponse, path: string): void {
    const stored = [...this.files.values()].find((f) => f.file.file_path === path);
    if (!stored) return send(res, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(stored.content ?? Buffer.alloc(stored.file.file_size ?? 0));
  }

  private async invoke(method: string, raw: Record<string, unknown>, via: ApiCall['via'], signal = new AbortController().signal): Promise<ApiCall> {
    const handler = this.handlers.get(method.toLowerCase());
    const call: ApiCall = { seq: this.callList.length, method: handler?.name ?? method, params: raw, at: this.now(), via };
    this.callList.push(call);
    const injected = this.injected.get(method.toLowerCase())?.shift();
    try {
      if (!handler) throw new ApiError({ error_code: 404, description: 'Not Found: method not found' });
      if (injected) throw new ApiError(injected);
      call.response = { ok: true, result: await handler.run(new Params(raw), signal) };
    } catch (error) {
      const body = error instanceof ApiError ? error.body : { error_code: 500, description: `Internal Server Error: fake-telegram failed: ${String(error)}` };
      call.response = { ok: false, ...body };
    }
    for (const waiter of [...this.waiters]) waiter.check();
    return call;
  }

  private recentCalls(): string {
    const shown = this.callList.filter((c) => c.method !== 'getUpdates').slice(-8);
    const line = (c: ApiCall) => `  ${c.method} → ${!c.response ? 'pending' : c.response.ok ? 'ok' : `${c.response.error_code} ${c.response.description}`}`;
    return shown.map(line).join('\n') || '  (none besides getUpdates)';
  }

  // ---- Bot API methods ---------------------------------------------------------------------------------------

  /** Keyed by lower-cased name: Telegram matches method names case-insensitively. */
  private readonly handlers = new Map(Object.entries({
    getMe: () => ({ ...this.botUser, can_join_groups: true, can_read_all_group_messages: !this.privacyMode, supports_inline_queries: false }),
    getUpdates: (p: Params, signal: AbortSignal) => this.getUpdates(p, signal),
    sendMessage: (p: Params) => this.sendMessage(p),
    sendDocument: (p: Params) => this.sendFile(p, 'document'),
    sendPhoto: (p: Params) => this.sendFile(p, 'photo'),
    sendChatAction: (p: Params) => Boolean(this.writableChat(p)),
    editMessageText: (p: Params) => this.editMessage(p, 'editMessageText'),
    editMessageReplyMarkup: (p: Params) => this.editMessage(p, 'editMessageReplyMarkup'),
    deleteMessage: (p: Params) => this.deleteMessage(p),
    answerCallbackQuery: (p: Params) => this.answerCallbackQuery(p),
    getFile: (p: Params) => this.getFile(p),
    setMyCommands: (p: Params) => this.setMyCommands(p),
    getMyCommands: (p: Params) => this.commandsFor(p.json('scope'), p.str('language_code')),
    deleteMyCommands: (p: Params) => {
      this.commandSets.delete(commandKey(p.json('scope'), p.str('language_code')));
      return true;
    },
    setWebhook: (p: Params) => this.setWebhook(p),
    deleteWebhook: (p: Params) => this.setWebhook(new Params({ url: '', drop_pending_updates: p.raw.drop_pending_updates })),
    getWebhookInfo: () => this.webhookInfo(),
  } satisfies Record<string, Handler>).map(([name, run]) => [name.toLowerCase(), { name, run }]));

  private getUpdates(p: Params, signal: AbortSignal): Update[] | Promise<Update[]> {
    if (this.webhook) throw new ApiError({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    const allowed = p.json<string[]>('allowed_updates');
    if (allowed) this.allowedUpdates = allowed.length ? new Set(allowed) : undefined;
    this.confirm(p.int('offset') ?? 0);
    // Telegram serves one poller per bot: a newer getUpdates ends the held one with 409.
    this.poller?.conflict();
    const limit = Math.min(Math.max(p.int('limit') ?? 100, 1), 100);
    const ready = this.takeBatch(limit);
    const waitMs = Math.min((p.int('timeout') ?? 0) * 1000, this.longPollCapMs);
    if (ready.length > 0 || waitMs <= 0) return ready;
    return new Promise((resolve, reject) => {
      const settle = (answer: () => void) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', poller.cancel);
        if (this.poller === poller) this.poller = undefined;
        answer();
      };
      const conflict = new ApiError({ error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
      const poller = {
        wake: () => settle(() => resolve(this.takeBatch(limit))),
        cancel: () => settle(() => resolve([])),
        conflict: () => settle(() => reject(conflict)),
      };
      const timer = setTimeout(poller.cancel, waitMs);
      signal.addEventListener('abort', poller.cancel, { once: true });
      this.poller = poller;
    });
  }

  /** offset > 0 forgets updates below it that were delivered; a negative one keeps only the last -offset. */
  private confirm(offset: number): void {
    if (offset < 0) this.queue = this.queue.slice(offset);
    else if (offset > 0) this.queue = this.queue.filter((e) => !(e.delivered && e.update.update_id < offset));
  }

  private takeBatch(limit: number): Update[] {
    const batch = this.queue.slice(0, limit);
    for (const entry of batch) entry.delivered = true;
    return batch.map((e) => e.update);
  }

  private sendMessage(p: Params): unknown {
    const state = this.writableChat(p);
    const content = { ...this.formatted(p, 'text'), ...this.replyMarkup(p) };
    return this.toMessage(state, this.storeBotMessage(state, 'sendMessage', content, this.replyTarget(state, p)));
  }

  private sendFile(p: Params, kind: 'document' | 'photo'): unknown {
    const state = this.writableChat(p);
    const input = p.raw[kind];
    const content = { ...this.formatted(p, 'caption'), ...this.replyMarkup(p) };
    const upload = isUpload(input) ? input : undefined;
    let stored: StoredFile | undefined;
    if (upload) stored = this.storeFile(`${kind}s`, extension(upload.filename), upload.byteLength, upload.content);
    else if (typeof input === 'string' && /^https?:\/\//.test(input)) stored = this.storeFile(`${kind}s`, extension(input), 0);
    else if (typeof input === 'string') stored = this.files.get(input);
    if (!stored) throw badRequest(input === undefined ? `there is no ${kind} in the request` : 'wrong file identifier/HTTP URL specified');
    const file = fileIds(stored);
    const media = kind === 'photo'
      ? { photo: [{ ...file, width: 1280, height: 960 }] }
      : { document: { ...file, file_name: upload?.filename ?? 'file', mime_type: upload?.contentType ?? mimeType(upload?.filename ?? '') } };
    const message = this.storeBotMessage(state, kind === 'photo' ? 'sendPhoto' : 'sendDocument', content, this.replyTarget(state, p), { ...media, ...(upload ? { upload } : {}) });
    return this.toMessage(state, message);
  }

  private editMessage(p: Params, method: 'editMessageText' | 'editMessageReplyMarkup'): unknown {
    const state = this.writableChat(p);
    const id = required(p.int('message_id'), 'message_id');
    const message = state.botMessages.get(id);
    if (!message || message.deleted) throw badRequest(state.userMessages.has(id) ? "message can't be edited" : 'message to edit not found');
    if (method === 'editMessageText' && message.text === undefined) throw badRequest('there is no text in the message to edit');
    // Telegram drops the inline keyboard of an edited message unless the edit repeats it.
    const { reply_markup: _old, ...kept } = contentOf(message);
    const next: MessageContent = { ...(method === 'editMessageText' ? this.formatted(p, 'text') : kept), ...this.replyMarkup(p) };
    if (sameContent(message, next)) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    for (const key of CONTENT_KEYS) delete message[key];
    Object.assign(message, next, { edit_date: this.seconds() });
    message.history.push({ method, date: this.seconds(), ...next });
    return this.toMessage(state, message);
  }

  private deleteMessage(p: Params): boolean {
    const state = this.knownChat(p);
    const id = required(p.int('message_id'), 'message_id');
    const message = state.botMessages.get(id);
    if (message && !message.deleted) message.deleted = true;
    else if (!state.userMessages.delete(id)) throw badRequest('message to delete not found');
    return true;
  }

  private answerCallbackQuery(p: Params): boolean {
    const query = this.callbackQueries.get(required(p.str('callback_query_id'), 'callback_query_id'));
    if (!query || query.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    query.answered = true;
    return true;
  }

  private getFile(p: Params): File {
    const stored = this.files.get(required(p.str('file_id'), 'file_id'));
    if (!stored) throw badRequest('invalid file_id');
    if ((stored.file.file_size ?? 0) > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return stored.file;
  }

  private setMyCommands(p: Params): boolean {
    const commands = required(p.json<BotCommand[]>('commands'), 'commands');
    if (!Array.isArray(commands) || commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
    for (const c of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(String(c.command).replace(/^\//, ''))) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    const scope = p.json<BotCommandScope>('scope') ?? { type: 'default' };
    const language_code = p.str('language_code') ?? '';
    const key = commandKey(scope, language_code);
    if (commands.length === 0) this.commandSets.delete(key);
    else this.commandSets.set(key, { scope, language_code, commands: commands.map((c) => ({ command: c.command.replace(/^\//, ''), description: c.description })) });
    return true;
  }

  private setWebhook(p: Params): boolean {
    const url = p.str('url') ?? '';
    if (url !== '' && !url.startsWith('https://')) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    if (p.bool('drop_pending_updates')) this.queue = [];
    const allowed = p.json<string[]>('allowed_updates');
    if (allowed) this.allowedUpdates = allowed.length ? new Set(allowed) : undefined;
    const secretToken = p.str('secret_token');
    this.webhook = url ? { url, ...(secretToken ? { secretToken } : {}) } : undefined;
    return true;
  }

  private webhookInfo(): unknown {
    const lastError = this.webhook?.lastError;
    return {
      url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length,
      ...(lastError ? { last_error_date: lastError.date, last_error_message: lastError.message } : {}),
      ...(this.allowedUpdates ? { allowed_updates: [...this.allowedUpdates] } : {}),
    };
  }

  // ---- Validation and formatting -----------------------------------------------------------------------------

  private knownChat(p: Params): ChatState {
    if (p.raw.chat_id === undefined || p.raw.chat_id === '') throw badRequest('chat_id is empty');
    const id = p.int('chat_id');
    const state = id === undefined ? undefined : this.chats.get(id);
    if (state) return state;
    // Someone the bot saw in a group but who never opened a private chat with it.
    if (id !== undefined && this.users.has(id)) throw forbidden("bot can't initiate conversation with a user");
    throw badRequest('chat not found');
  }

  private writableChat(p: Params): ChatState {
    const state = this.knownChat(p);
    if (state.chat.type === 'private' && this.blocked.has(state.chat.id)) throw forbidden('bot was blocked by the user');
    return state;
  }

  /** text or caption as Telegram stores it (see formatMessageText), with the source kept for tests. */
  private formatted(p: Params, field: 'text' | 'caption'): MessageContent {
    const source = field === 'text' ? required(p.str('text'), 'message text') : p.str('caption');
    if (source === undefined) return {};
    const mode = p.str('parse_mode') || undefined;
    try {
      const { text, entities } = formatMessageText(source, field, mode, p.json(field === 'text' ? 'entities' : 'caption_entities'));
      return { [field]: text, source, ...(mode ? { parse_mode: mode } : {}), ...(entities.length ? { entities } : {}) };
    } catch (error) {
      throw error instanceof BadText ? badRequest(error.message) : error;
    }
  }

  private replyMarkup(p: Params): { reply_markup?: ReplyMarkup } {
    const markup = p.json<ReplyMarkup>('reply_markup');
    if (!markup) return {};
    if ('inline_keyboard' in markup) {
      if (!Array.isArray(markup.inline_keyboard) || !markup.inline_keyboard.every(Array.isArray)) {
        throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      }
      for (const button of markup.inline_keyboard.flat() as unknown as Array<Record<string, unknown>>) {
        if (typeof button.callback_data === 'string') {
          const bytes = Buffer.byteLength(button.callback_data, 'utf8');
          if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
        } else if (!INLINE_BUTTON_ACTIONS.some((action) => action in button)) {
          throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
      }
    }
    return { reply_markup: markup };
  }

  private replyTarget(state: ChatState, p: Params): number | undefined {
    const parameters = p.json<{ message_id?: number; allow_sending_without_reply?: boolean }>('reply_parameters');
    const id = parameters?.message_id ?? p.int('reply_to_message_id');
    if (id === undefined) return undefined;
    const exists = state.userMessages.has(id) || state.botMessages.get(id)?.deleted === false;
    if (exists) return id;
    if (parameters?.allow_sending_without_reply || p.bool('allow_sending_without_reply')) return undefined;
    throw badRequest('message to be replied not found');
  }

  // ---- State -------------------------------------------------------------------------------------------------

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private privateChat(user: FakeUser): ChatState {
    this.users.set(user.id, user);
    const { first_name, last_name, username } = toTelegramUser(user);
    return this.chatState({ id: user.id, type: 'private', first_name, ...(last_name ? { last_name } : {}), ...(username ? { username } : {}) });
  }

  private groupChat(group: FakeGroup): ChatState {
    return this.chatState({ id: group.id, type: group.type ?? 'group', title: group.title });
  }

  private chatState(chat: Chat): ChatState {
    const state = this.chats.get(chat.id) ?? { chat, lastMessageId: 0, botMessages: new Map(), userMessages: new Map() };
    state.chat = chat;
    this.chats.set(chat.id, state);
    return state;
  }

  private userMessage<U>(user: FakeUser, state: ChatState, content: Record<string, unknown>, replyTo?: number, deliver = true): U {
    let reply: Record<string, unknown> | undefined;
    if (replyTo !== undefined) {
      const botMessage = state.botMessages.get(replyTo);
      reply = state.userMessages.get(replyTo) ?? (botMessage && this.toMessage(state, botMessage));
      if (!reply) throw new Error(`the chat ${state.chat.id} has no message ${replyTo} to reply to`);
    }
    const message = { message_id: ++state.lastMessageId, from: toTelegramUser(user), chat: state.chat, date: this.seconds(), ...(reply ? { reply_to_message: reply } : {}), ...content };
    state.userMessages.set(message.message_id, message);
    const update = { message };
    // An undelivered message (group privacy) still gets an id, so that ids stay unique.
    return (deliver ? this.enqueue(update) : { update_id: ++this.lastUpdateId, ...update }) as U;
  }

  private enqueue(update: object): Update {
    const full = ('update_id' in update ? update : { update_id: ++this.lastUpdateId, ...update }) as Update;
    const type = Object.keys(full).find((k) => k !== 'update_id') ?? '';
    // Telegram never creates updates the bot did not ask for.
    const allowed = this.allowedUpdates ? this.allowedUpdates.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
    if (allowed) {
      this.queue.push({ update: full, delivered: false });
      this.poller?.wake();
    }
    return full;
  }

  private storeBotMessage(state: ChatState, method: string, content: MessageContent, replyTo?: number, extra: Partial<BotMessage> = {}): BotMessage {
    const date = this.seconds();
    const message: BotMessage = {
      message_id: ++state.lastMessageId, chat_id: state.chat.id, date, method, ...content,
      ...(replyTo === undefined ? {} : { reply_to_message_id: replyTo }), ...extra,
      deleted: false, history: [{ method, date, ...content }],
    };
    state.botMessages.set(message.message_id, message);
    return message;
  }

  private storeFile(folder: string, ext: string, size: number, content?: Buffer): StoredFile {
    const n = ++this.sequence;
    const prefix = { documents: 'BQACAgUAAxkBAAI', photos: 'AgACAgUAAxkBAAI', stickers: 'CAACAgUAAxkBAAI' }[folder] ?? 'BAACAgUAAxkBAAI';
    const file = { file_id: `${prefix}${n}-fake`, file_unique_id: `AgAD${n}`, file_size: size, file_path: `${folder}/file_${n}.${ext}` };
    const stored = { file, ...(content ? { content } : {}) };
    this.files.set(file.file_id, stored);
    return stored;
  }

  /** A stored bot message as the Bot API returns it. */
  private toMessage(state: ChatState, m: BotMessage): Record<string, unknown> {
    const caption = m.caption !== undefined && m.caption !== '';
    return {
      message_id: m.message_id, from: this.botUser, chat: state.chat, date: m.date,
      ...(m.edit_date ? { edit_date: m.edit_date } : {}),
      ...(m.reply_to_message_id !== undefined && state.userMessages.has(m.reply_to_message_id) ? { reply_to_message: state.userMessages.get(m.reply_to_message_id) } : {}),
      ...(m.document ? { document: m.document } : {}), ...(m.photo ? { photo: m.photo } : {}),
      ...(m.text !== undefined ? { text: m.text, ...(m.entities ? { entities: m.entities } : {}) } : {}),
      ...(caption ? { caption: m.caption, ...(m.entities ? { caption_entities: m.entities } : {}) } : {}),
      // Only inline keyboards belong to the message; reply keyboards are not echoed back.
      ...(m.reply_markup && 'inline_keyboard' in m.reply_markup ? { reply_markup: m.reply_markup } : {}),
    };
  }

  private notifyMembership(userId: number, from: 'member' | 'kicked', to: 'member' | 'kicked'): void {
    const state = this.chats.get(userId);
    const user = this.users.get(userId);
    if (!state || !user) return;
    const member = (status: string) => ({ user: this.botUser, status, ...(status === 'kicked' ? { until_date: 0 } : {}) });
    this.enqueue({ my_chat_member: { chat: state.chat, from: toTelegramUser(user), date: this.seconds(), old_chat_member: member(from), new_chat_member: member(to) } });
  }
}

// ---- Helpers -------------------------------------------------------------------------------------------------

function send(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed) return;
  res.writeHead(response.ok ? 200 : response.error_code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(response));
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (/^application\/json/i.test(type) && body.length > 0) Object.assign(params, JSON.parse(body.toString('utf8')));
  else if (/^application\/x-www-form-urlencoded/i.test(type)) Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  else if (/^multipart\/form-data/i.test(type)) Object.assign(params, parseMultipart(body, /boundary="?([^";]+)"?/i.exec(type)?.[1] ?? ''));
  for (const key of JSON_FIELDS) {
    const value = params[key];
    if (typeof value === 'string') params[key] = parseJson(value) ?? value;
  }
  return params;
}

/** Enough of RFC 7578 for telegraf's uploads: text fields become strings, file fields `Upload`s. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, unknown> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // between the CRLFs around delimiters
    start = next;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /(?:^|;)\s*name="([^"]*)"/im.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const contentType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    if (name === undefined || name === 'method') continue; // telegraf repeats the method as a field
    fields[name] = filename === undefined ? content.toString('utf8')
      : ({ filename, byteLength: content.length, content: Buffer.from(content), ...(contentType ? { contentType } : {}) } satisfies Upload);
  }
  return fields;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a Document, PhotoSize or Sticker carries of a file (file_path only comes from getFile). */
const fileIds = ({ file }: StoredFile) => ({ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUpload = (v: unknown): v is Upload => isRecord(v) && Buffer.isBuffer(v.content);
const extension = (name: string): string => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? 'dat';
const mimeType = (name: string): string => MIME_TYPES[extension(name)] ?? 'application/octet-stream';
const commandKey = (scope: BotCommandScope = { type: 'default' }, languageCode = ''): string => {
  const s = scope as { type: string; chat_id?: number | string; user_id?: number };
  return `${s.type}:${s.chat_id ?? ''}:${s.user_id ?? ''}|${languageCode}`;
};

function toTelegramUser(user: FakeUser): User {
  return {
    id: user.id, is_bot: false, first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}), ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

function withCommand(text: string): { text: string; entities?: MessageEntity[] } {
  const command = leadingCommand(text);
  return command ? { text, entities: [command] } : { text };
}

function callbackData_(markup: ReplyMarkup | undefined): string[] {
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flat().flatMap((b) => ('callback_data' in b ? [b.callback_data] : []));
}

function contentOf(message: MessageContent): MessageContent {
  return Object.fromEntries(CONTENT_KEYS.filter((k) => message[k] !== undefined).map((k) => [k, message[k]]));
}

function sameContent(current: MessageContent, next: MessageContent): boolean {
  const view = (c: MessageContent) => JSON.stringify([c.text ?? c.caption ?? null, c.entities ?? [], c.reply_markup ?? null]);
  return view(current) === view(next);
}
