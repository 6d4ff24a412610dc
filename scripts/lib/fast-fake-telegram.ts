/**
 * A minimal, fast fake of the Telegram Bot API for the fan-out benchmark (scripts/bench-fanout.ts).
 * test/support/fake-telegram.ts validates HTML and keeps every message with its history, which is
 * right for tests and too heavy for 50,000 sends; this one only answers what the delivery path
 * calls (getMe, setMyCommands, setWebhook, sendMessage), counts messages per chat, and, when asked,
 * enforces Telegram-like limits by answering 429 with retry_after:
 *
 * - overall: a token bucket of `perSecond` tokens refilled continuously (a one-second burst is
 *   allowed, a sustained rate above `perSecond` is not);
 * - per chat: at least `perChatMs` between two messages to one chat.
 *
 * It runs in its own process (forked by forkFastFakeTelegram) so that, as with the real Telegram,
 * its CPU time and memory are not the bot's; the benchmark drives it over plain HTTP under
 * /control/ (limits, reset, stats).
 *
 * For the inbound benchmark (scripts/bench-inbound.ts) it also answers what handling a button
 * calls (answerCallbackQuery, editMessageReplyMarkup) and, minimally, sendPhoto/sendDocument; and
 * with `onReport` it tells the parent over IPC about every message it accepted (chat, arrival
 * time, text, buttons) and about setWebhook, so the driver can match replies to updates.
 */
import { fork } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Telegram's limits to enforce; undefined switches enforcement off. */
export interface FakeLimits {
  /** Messages per second over all chats (Telegram: about 30). */
  perSecond: number;
  /** Least time between two messages to one chat, in ms (Telegram: about 1000). */
  perChatMs: number;
}

/** What the fake saw since the last reset. */
export interface FakeStats {
  /** sendMessage calls answered ok. */
  accepted: number;
  /** sendMessage calls answered 429. */
  tooManyRequests: number;
  /** Chats that received at least one message, and those that received more than one. */
  distinctChats: number;
  chatsWithDuplicates: number;
  /** Most messages accepted within one wall-clock second. */
  peakPerSecond: number;
  /** Epoch ms of the first and last accepted message (0 when none). */
  firstAt: number;
  lastAt: number;
  /** The fake process's resident memory, bytes. */
  rss: number;
  /** answerCallbackQuery and editMessageReplyMarkup calls (never counted as messages). */
  callbackAnswers: number;
  markupEdits: number;
}

/** A message the fake accepted, as reported to the parent. */
export interface SentReport {
  type: 'sent';
  method: string;
  chatId: number;
  messageId: number;
  /** Arrival of the request at the fake: performance.timeOrigin + performance.now(), ms (comparable across processes). */
  at: number;
  text: string;
  buttons: { text: string; data: string }[];
}

/** setWebhook as the bot called it: the bot is ready for updates once this arrives. */
export interface WebhookReport {
  type: 'webhook';
  url: string;
  secretToken: string;
}

export type FakeReport = SentReport | WebhookReport;

const BOT = { id: 7_000_000_001, is_bot: true, first_name: 'Dialog Kinerja', username: 'dialog_kinerja_bench_bot' };

class FastFakeTelegram {
  private limits: FakeLimits | undefined;
  private tokens = 0;
  private refilledAt = 0;
  private chats = new Map<number, { count: number; lastAt: number }>();
  private stats = this.emptyStats();
  private second = 0;
  private inSecond = 0;
  private messageId = 0;

  private emptyStats(): Omit<FakeStats, 'distinctChats' | 'rss'> {
    return { accepted: 0, tooManyRequests: 0, chatsWithDuplicates: 0, peakPerSecond: 0, firstAt: 0, lastAt: 0, callbackAnswers: 0, markupEdits: 0 };
  }

  countCallbackAnswer(): void {
    this.stats.callbackAnswers++;
  }

  countMarkupEdit(): void {
    this.stats.markupEdits++;
  }

  setLimits(limits: FakeLimits | undefined): void {
    this.limits = limits;
    this.tokens = limits?.perSecond ?? 0;
    this.refilledAt = Date.now();
  }

  reset(): void {
    this.chats.clear();
    this.stats = this.emptyStats();
    this.second = 0;
    this.inSecond = 0;
  }

  snapshot(): FakeStats {
    return { ...this.stats, distinctChats: this.chats.size, rss: process.memoryUsage().rss };
  }

  /** Seconds to wait when a message to `chatId` now would break a limit; 0 when it may go. */
  private retryAfter(chatId: number, now: number, last: number | undefined): number {
    const limits = this.limits;
    if (!limits) return 0;
    if (last !== undefined && now - last < limits.perChatMs) return Math.ceil((limits.perChatMs - (now - last)) / 1000);
    this.tokens = Math.min(limits.perSecond, this.tokens + ((now - this.refilledAt) * limits.perSecond) / 1000);
    this.refilledAt = now;
    // Telegram says how long in whole seconds, at least one.
    if (this.tokens < 1) return Math.max(1, Math.ceil((1 - this.tokens) / limits.perSecond));
    this.tokens -= 1;
    return 0;
  }

  sendMessage(params: Record<string, unknown>): { status: number; body: string; messageId?: number } {
    const chatId = Number(params['chat_id']);
    if (!Number.isSafeInteger(chatId)) return { status: 400, body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}' };
    const now = Date.now();
    const chat = this.chats.get(chatId);
    const wait = this.retryAfter(chatId, now, chat?.lastAt);
    if (wait > 0) {
      this.stats.tooManyRequests++;
      return {
        status: 429,
        body: JSON.stringify({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } }),
      };
    }
    if (chat) {
      if (chat.count === 1) this.stats.chatsWithDuplicates++;
      chat.count++;
      chat.lastAt = now;
    } else {
      this.chats.set(chatId, { count: 1, lastAt: now });
    }
    const s = this.stats;
    s.accepted++;
    s.firstAt ||= now;
    s.lastAt = now;
    const second = Math.floor(now / 1000);
    if (second !== this.second) [this.second, this.inSecond] = [second, 0];
    s.peakPerSecond = Math.max(s.peakPerSecond, ++this.inSecond);
    const text = typeof params['text'] === 'string' ? params['text'] : typeof params['caption'] === 'string' ? params['caption'] : '';
    const result = { message_id: ++this.messageId, from: BOT, chat: { id: chatId, type: 'private' }, date: Math.floor(now / 1000), text };
    return { status: 200, body: JSON.stringify({ ok: true, result }), messageId: result.message_id };
  }
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The simple fields of a multipart form (what telegraf sends with a file); the file itself is ignored. */
function multipartFields(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const match of text.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) fields[match[1]!] = match[2];
  return fields;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (/json/i.test(type)) return JSON.parse(text) as Record<string, unknown>;
  return /multipart/i.test(type) ? multipartFields(text) : Object.fromEntries(new URLSearchParams(text));
}

/** The inline keyboard's buttons, flattened (reply_markup arrives as an object in JSON, as a string in forms). */
function buttonsOf(params: Record<string, unknown>): { text: string; data: string }[] {
  let markup = params['reply_markup'];
  if (typeof markup === 'string') markup = JSON.parse(markup);
  const rows = (markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((button) => ({ text: button.text, data: button.callback_data ?? '' }));
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

const MESSAGE_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/** Starts the fake on 127.0.0.1 (a free port); resolves with its port. `onReport` hears of every accepted message and of setWebhook. */
export async function serveFastFakeTelegram(token: string, onReport?: (report: FakeReport) => void): Promise<{ port: number; close(): Promise<void> }> {
  const fake = new FastFakeTelegram();
  const prefix = `/bot${token}/`;
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const at = performance.timeOrigin + performance.now();
    readBody(req)
      .then((params) => {
        const path = req.url ?? '';
        if (path.startsWith('/control/')) {
          if (path === '/control/limits') fake.setLimits(params['perSecond'] ? (params as unknown as FakeLimits) : undefined);
          if (path === '/control/reset') fake.reset();
          return answer(res, 200, JSON.stringify(fake.snapshot()));
        }
        if (!path.startsWith(prefix)) return answer(res, 404, '{"ok":false,"error_code":404,"description":"Not Found"}');
        const method = path.slice(prefix.length).split('?')[0] ?? '';
        if (MESSAGE_METHODS.has(method)) {
          const { status, body, messageId } = fake.sendMessage(params);
          if (onReport && messageId !== undefined) {
            const text = str(params['text']) || str(params['caption']);
            onReport({ type: 'sent', method, chatId: Number(params['chat_id']), messageId, at, text, buttons: buttonsOf(params) });
          }
          return answer(res, status, body);
        }
        if (method === 'answerCallbackQuery') {
          fake.countCallbackAnswer();
          return answer(res, 200, '{"ok":true,"result":true}');
        }
        if (method === 'editMessageReplyMarkup') {
          fake.countMarkupEdit();
          return answer(res, 200, '{"ok":true,"result":true}');
        }
        if (method === 'getMe') return answer(res, 200, JSON.stringify({ ok: true, result: { ...BOT, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } }));
        if (method === 'setWebhook') onReport?.({ type: 'webhook', url: str(params['url']), secretToken: str(params['secret_token']) });
        if (method === 'setMyCommands' || method === 'setWebhook' || method === 'deleteWebhook') return answer(res, 200, '{"ok":true,"result":true}');
        return answer(res, 404, `{"ok":false,"error_code":404,"description":"Not Found: method ${method} is not faked"}`);
      })
      .catch((error: unknown) => answer(res, 400, JSON.stringify({ ok: false, error_code: 400, description: `Bad Request: ${(error as Error).message}` })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fake running in a child process, and the handle the benchmark drives it with. */
export interface FastFakeHandle {
  token: string;
  apiRoot: string;
  /** Switches limits on (Telegram-like) or off; also refills the overall bucket. */
  setLimits(limits: FakeLimits | undefined): Promise<void>;
  /** Forgets every chat and count. */
  reset(): Promise<void>;
  stats(): Promise<FakeStats>;
  close(): Promise<void>;
}

/**
 * Forks the fake into its own Node process (through tsx) and waits until it listens. With
 * `onReport`, every accepted message and setWebhook is reported to it as it happens (over IPC).
 */
export async function forkFastFakeTelegram(token = '123456789:BENCHbenchBENCHbenchBENCHbench', onReport?: (report: FakeReport) => void): Promise<FastFakeHandle> {
  const args = onReport ? [token, '--report'] : [token];
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the fake Telegram exited (code ${code}) before listening`)));
  });
  if (onReport) child.on('message', (message) => onReport(message as FakeReport));
  const apiRoot = `http://127.0.0.1:${port}`;
  const control = async (what: string, body: unknown = {}): Promise<FakeStats> => {
    const response = await fetch(`${apiRoot}/control/${what}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as FakeStats;
  };
  return {
    token,
    apiRoot,
    setLimits: async (limits) => void (await control('limits', limits ?? {})),
    reset: async () => void (await control('reset')),
    stats: () => control('stats'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// Run as the forked child: serve, tell the parent the port, and go when the parent goes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.send) {
  const send = process.send.bind(process);
  const server = await serveFastFakeTelegram(process.argv[2] ?? '', process.argv[3] === '--report' ? (report) => send(report) : undefined);
  send({ port: server.port });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
