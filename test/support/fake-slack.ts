/**
 * A local fake of the Slack Web API, so integration tests can run the bot's real Bolt app without the network:
 * `new App({ token: fake.token, signingSecret, clientOptions: { slackApiUrl: fake.apiUrl } })`, or a bare
 * `new WebClient(fake.token, { slackApiUrl: fake.apiUrl })`.
 *
 * It answers `POST|GET {apiUrl}{method}` like Slack: always HTTP 200 with `{ ok: true, … }` or
 * `{ ok: false, error }` (only injected failures use other statuses), with Slack's own error codes where bots
 * usually get it wrong (block limits, duplicate ids, modal titles, unknown messages). Tests then observe the bot
 * through `calls`, `messagesTo`, `views`, `homeOf` and `uploads`.
 *
 * The other direction – Slack calling the bot – is `slackSigner`: it posts slash commands, events and
 * interactivity payloads to the bot's own endpoint, signed the way Slack signs them (v0 HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}`), so Bolt's signature check runs for real.
 */
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown>;
export interface SlackCall { method: string; params: Obj; at: Date }
export interface SlackMessage { channel: string; ts: string; text?: string; blocks?: Obj[]; threadTs?: string }
export interface SlackUpload { fileId: string; filename: string; title: string; channel?: string; bytes: Buffer; initialComment?: string; threadTs?: string }
export interface SlackViewCall { method: string; userId?: string; triggerId?: string; viewId: string; view: Obj }
export interface FakeSlackUser { id: string; name: string; email?: string; teamId?: string; realName?: string }
/** For `failNext`: a 429 with Retry-After, a bare HTTP error, or a Slack error code in an HTTP 200. */
export type SlackFailure = { rateLimited: number } | { status: number } | { error: string };

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const APP_ID = 'AFAKEAPP';

class SlackApiError extends Error {
  constructor(readonly code: string, readonly problems: string[] = []) {
    super(code);
  }
}

/** Parameters Slack's clients send JSON-encoded inside form bodies. */
const JSON_PARAMS = ['blocks', 'attachments', 'view', 'files'];
const BLOCK_TYPES = new Set(['section', 'actions', 'context', 'divider', 'header', 'image', 'input', 'rich_text', 'file', 'video', 'markdown']);

export async function startFakeSlack(options: { teamId?: string } = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(options.teamId ?? 'TFAKE');
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  return fake;
}

export class FakeSlack {
  /** Any bot token is accepted; this one is just convenient. */
  readonly token = 'xoxb-fake-1-2-abcdef';
  readonly server = createServer((req, res) => void this.onRequest(req, res));
  readonly calls: SlackCall[] = [];
  readonly messages: SlackMessage[] = [];
  readonly uploads: SlackUpload[] = [];
  readonly views: SlackViewCall[] = [];
  private readonly users = new Map<string, FakeSlackUser>();
  private readonly failures = new Map<string, SlackFailure[]>();
  private readonly viewStore = new Map<string, { view: Obj; externalId?: string }>();
  private readonly homes = new Map<string, Obj>();
  private readonly files = new Map<string, { filename: string; length: number; bytes?: Buffer; completed?: boolean }>();
  /** Files people shared with the bot (`shareFile`), served by files.info and url_private_download. */
  private readonly shared = new Map<string, { name: string; mimetype: string; bytes: Buffer; deleted?: boolean }>();
  private sequence = 0;

  constructor(readonly teamId: string) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** WebClient's `slackApiUrl`; the trailing slash matters, the client appends the method name. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  addUser(user: FakeSlackUser): void {
    this.users.set(user.id, user);
  }
  messagesTo(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }
  /** The last view published to the user's App Home, as Slack stores it (with id, state, hash). */
  homeOf(userId: string): Obj | undefined {
    return this.homes.get(userId);
  }
  /** The next call of `method` fails this way (queued: call twice to fail twice). The call is still listed. */
  failNext(method: string, failure: SlackFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * A file a person shares: what a `file_share` message event carries in `files`. files.info then
   * describes it, and its url_private_download serves the bytes to a request with a bot token
   * (without one, Slack's sign-in page, as Slack does).
   */
  shareFile(file: { name: string; mimetype: string; bytes: Buffer | string }): { id: string; name: string; mimetype: string; size: number } {
    const id = this.nextId('F');
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    this.shared.set(id, { name: file.name, mimetype: file.mimetype, bytes });
    return { id, name: file.name, mimetype: file.mimetype, size: bytes.length };
  }
  /** The file was deleted: files.info answers file_deleted. */
  deleteFile(id: string): void {
    const file = this.shared.get(id);
    if (file) file.deleted = true;
  }

  /** Forgets everything the bot did and any pending failures; users stay registered. */
  reset(): void {
    for (const list of [this.calls, this.messages, this.uploads, this.views]) list.length = 0;
    for (const map of [this.failures, this.viewStore, this.homes, this.files]) map.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (upload) return this.receiveUpload(upload[1]!, req.headers['content-type'] ?? '', body, res);
    const download = /^\/files-pri\/\w+-(\w+)\/download\/[^/]+$/.exec(url.pathname);
    if (download) return this.serveShared(download[1]!, req.headers.authorization, res);
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method) return void res.writeHead(404).end();
    let result: Obj;
    try {
      const { params, token } = readParams(req, url, body);
      this.calls.push({ method, params, at: new Date() });
      const failure = this.failures.get(method)?.shift();
      if (failure && 'rateLimited' in failure) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.rateLimited) });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      if (failure && 'status' in failure) return void res.writeHead(failure.status, { 'content-type': 'text/plain' }).end(STATUS_CODES[failure.status]);
      if (!token) throw new SlackApiError('not_authed');
      if (!token.startsWith('xoxb-')) throw new SlackApiError('invalid_auth');
      if (failure) throw new SlackApiError(failure.error);
      const handler = this.methods[method];
      if (!handler) throw new SlackApiError('unknown_method');
      result = { ok: true, ...handler(params) };
    } catch (error) {
      // A bug in the fake itself: answer like a broken server, so the test fails loudly.
      if (!(error instanceof SlackApiError)) return void res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      // Slack explains block errors in response_metadata.messages; WebClient logs them.
      result = { ok: false, error: error.code, ...(error.problems.length ? { response_metadata: { messages: error.problems.map((p) => `[ERROR] ${p}`) } } : {}) };
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
  }

  /** Step 2 of Slack's upload flow. Slack takes raw bytes or a multipart form; WebClient sends the latter. */
  private receiveUpload(fileId: string, contentType: string, body: Buffer, res: ServerResponse): void {
    const file = this.files.get(fileId);
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    file.bytes = boundary ? firstMultipartFile(body, boundary) : body;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.bytes.length}`);
  }

  /** url_private_download: the bytes for a bot token; Slack's sign-in page (HTTP 200, HTML) otherwise. */
  private serveShared(fileId: string, authorization: string | undefined, res: ServerResponse): void {
    this.calls.push({ method: 'GET url_private_download', params: { file: fileId }, at: new Date() });
    const file = this.shared.get(fileId);
    if (!file || file.deleted) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    if (!authorization?.startsWith('Bearer xoxb-')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>Slack</title><p>Sign in to Slack</p>');
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.bytes.length) }).end(file.bytes);
  }

  // ---- Methods -------------------------------------------------------------------------------------------------

  private readonly methods: Record<string, (p: Obj) => Obj> = {
    'auth.test': () => ({
      url: 'https://pemprov-uji.slack.com/', team: 'Pemprov Uji', user: 'dialog_kinerja', team_id: this.teamId, user_id: BOT_USER_ID, bot_id: BOT_ID,
    }),
    'users.info': (p) => {
      const user = this.users.get(str(p.user) ?? '');
      if (!user) throw new SlackApiError('user_not_found');
      const realName = user.realName ?? user.name;
      return {
        user: {
          id: user.id, team_id: user.teamId ?? this.teamId, name: user.name, real_name: realName, deleted: false, is_bot: false,
          profile: { real_name: realName, display_name: user.name, ...(user.email ? { email: user.email } : {}) },
        },
      };
    },
    // Pages of `limit` users (cursor = the next index), like Slack's cursor pagination.
    'users.list': (p) => {
      const all = [...this.users.values()];
      const start = Number(str(p.cursor) ?? '0') || 0;
      const limit = Math.min(Number(str(p.limit) ?? '200') || 200, 1000);
      const page = all.slice(start, start + limit).map((user) => ({
        id: user.id, team_id: user.teamId ?? this.teamId, name: user.name, real_name: user.realName ?? user.name, deleted: false, is_bot: false,
        profile: { real_name: user.realName ?? user.name, display_name: user.name, ...(user.email ? { email: user.email } : {}) },
      }));
      const next = start + limit < all.length ? String(start + limit) : '';
      return { members: page, response_metadata: { next_cursor: next } };
    },
    'conversations.open': (p) => {
      const ids = (str(p.users) ?? '').split(',').filter(Boolean);
      if (ids.length === 0) throw new SlackApiError(str(p.channel) ? 'not_supported' : 'users_list_not_supplied');
      if (ids.length > 1) throw new SlackApiError('not_supported'); // group DMs (mpim) are not faked
      if (!this.users.has(ids[0]!)) throw new SlackApiError('user_not_found');
      return { channel: { id: `D${ids[0]}` } };
    },
    'chat.postMessage': (p) => {
      const channel = knownChannel(p.channel);
      checkMessage(p);
      const ts = this.nextTs();
      const threadTs = str(p.thread_ts);
      const message: SlackMessage = { channel, ts, ...content(p), ...(threadTs ? { threadTs } : {}) };
      this.messages.push(message);
      return { channel, ts, message: { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, text: message.text ?? '', blocks: message.blocks, ts } };
    },
    'chat.update': (p) => {
      const channel = knownChannel(p.channel);
      const message = this.messages.find((m) => m.channel === channel && m.ts === str(p.ts));
      if (!message) throw new SlackApiError('message_not_found');
      checkMessage(p);
      // As documented: text is replaced when given; blocks are kept unless given, and `[]` removes them.
      if (p.text !== undefined) message.text = str(p.text);
      if (Array.isArray(p.blocks)) message.blocks = p.blocks.length ? (p.blocks as Obj[]) : undefined;
      return { channel, ts: message.ts, text: message.text ?? '', message: { text: message.text ?? '', blocks: message.blocks } };
    },
    'views.open': (p) => this.openView('views.open', p),
    'views.push': (p) => this.openView('views.push', p),
    'views.update': (p) => {
      const stored = str(p.view_id) ? this.viewStore.get(str(p.view_id)!) : [...this.viewStore.values()].find((v) => v.externalId && v.externalId === str(p.external_id));
      if (!stored) throw new SlackApiError(p.view_id || p.external_id ? 'not_found' : 'invalid_arguments');
      if (str(p.hash) && str(p.hash) !== stored.view.hash) throw new SlackApiError('hash_conflict');
      const view = checkView(p.view, ['modal', 'home']);
      return { view: this.storeView('views.update', view, { id: stored.view.id as string }) };
    },
    'views.publish': (p) => {
      const userId = str(p.user_id);
      if (!userId) throw new SlackApiError('invalid_arguments');
      if (!this.users.has(userId)) throw new SlackApiError('user_not_found');
      const view = checkView(p.view, ['home']);
      const stored = this.storeView('views.publish', view, { id: (this.homes.get(userId)?.id as string | undefined) ?? this.nextId('V'), userId });
      this.homes.set(userId, stored);
      return { view: stored };
    },
    'files.info': (p) => {
      const id = str(p.file) ?? '';
      const file = this.shared.get(id);
      if (!file) throw new SlackApiError('file_not_found');
      if (file.deleted) throw new SlackApiError('file_deleted');
      const download = `${this.baseUrl}/files-pri/${this.teamId}-${id}/download/${encodeURIComponent(file.name)}`;
      return {
        file: {
          id, name: file.name, title: file.name, mimetype: file.mimetype, size: file.bytes.length,
          url_private: download.replace('/download/', '/'), url_private_download: download,
          permalink: `https://pemprov-uji.slack.com/files/${BOT_USER_ID}/${id}/${encodeURIComponent(file.name)}`,
        },
      };
    },
    'files.getUploadURLExternal': (p) => {
      const filename = str(p.filename);
      const length = Number(p.length);
      if (!filename || !Number.isInteger(length) || length < 1) throw new SlackApiError('invalid_arguments');
      const fileId = this.nextId('F');
      this.files.set(fileId, { filename, length });
      return { upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (p) => {
      if (!Array.isArray(p.files) || p.files.length === 0) throw new SlackApiError('invalid_arguments');
      const channel = p.channel_id === undefined ? undefined : knownChannel(p.channel_id);
      const entries = (p.files as Obj[]).map((f) => ({ id: str(f.id) ?? '', title: str(f.title), file: this.files.get(str(f.id) ?? '') }));
      // Completing works once per file, and only after the bytes arrived.
      if (entries.some((e) => !e.file?.bytes || e.file.completed)) throw new SlackApiError('file_not_found');
      const initialComment = str(p.initial_comment);
      const threadTs = str(p.thread_ts);
      for (const { id, title, file } of entries) {
        file!.completed = true;
        this.uploads.push({
          fileId: id, filename: file!.filename, title: title ?? file!.filename, bytes: file!.bytes!,
          ...(channel ? { channel } : {}), ...(initialComment ? { initialComment } : {}), ...(threadTs ? { threadTs } : {}),
        });
      }
      return { files: entries.map(({ id, title, file }) => ({ id, title: title ?? file!.filename, name: file!.filename, size: file!.bytes!.length })) };
    },
  };

  private openView(method: string, p: Obj): Obj {
    const triggerId = str(p.trigger_id);
    if (!triggerId) throw new SlackApiError('invalid_arguments');
    const view = checkView(p.view, ['modal']);
    const externalId = str(view.external_id);
    if (externalId && [...this.viewStore.values()].some((v) => v.externalId === externalId)) throw new SlackApiError('duplicate_external_id');
    return { view: this.storeView(method, view, { id: this.nextId('V'), triggerId }) };
  }

  /** Records the call and stores the view as Slack returns it; a view keeps its id (and external_id) across updates. */
  private storeView(method: string, view: Obj, where: { id: string; userId?: string; triggerId?: string }): Obj {
    const externalId = str(view.external_id) ?? this.viewStore.get(where.id)?.externalId;
    const stored: Obj = {
      id: where.id, team_id: this.teamId, app_id: APP_ID, bot_id: BOT_ID, private_metadata: '', callback_id: '', ...view,
      external_id: externalId ?? '', state: { values: {} }, hash: `${Date.now()}.${this.nextId('h')}`, root_view_id: where.id,
    };
    this.viewStore.set(where.id, { view: stored, ...(externalId ? { externalId } : {}) });
    this.views.push({ method, viewId: where.id, view, ...(where.userId ? { userId: where.userId } : {}), ...(where.triggerId ? { triggerId: where.triggerId } : {}) });
    return stored;
  }

  private nextTs(): string {
    return `${1_700_000_000 + ++this.sequence}.000100`;
  }
  private nextId(prefix: string): string {
    return `${prefix}${String(++this.sequence).padStart(8, '0')}`;
  }
}

// ---- Validation ----------------------------------------------------------------------------------------------

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const content = (p: Obj) => ({ ...(p.text !== undefined ? { text: str(p.text) } : {}), ...(Array.isArray(p.blocks) ? { blocks: p.blocks as Obj[] } : {}) });

/** A conversation id; a user id (U…) means the app's DM with that user, as in real Slack. */
function knownChannel(v: unknown): string {
  const channel = str(v) ?? '';
  if (/^[UW][A-Z0-9]+$/.test(channel)) return `D${channel}`;
  if (!/^[CDG][A-Z0-9]+$/.test(channel)) throw new SlackApiError('channel_not_found');
  return channel;
}

function checkMessage(p: Obj): void {
  if (p.blocks !== undefined && !Array.isArray(p.blocks)) throw new SlackApiError('invalid_blocks_format');
  if (!str(p.text) && !(Array.isArray(p.blocks) && p.blocks.length) && !p.attachments) throw new SlackApiError('no_text');
  if ((str(p.text) ?? '').length > 40_000) throw new SlackApiError('msg_too_long');
  const problems = blockProblems((p.blocks as unknown[] | undefined) ?? [], 50);
  if (problems.length) throw new SlackApiError('invalid_blocks', problems);
}

/** A modal or home view as views.* checks it; block problems are `invalid_arguments` there. */
function checkView(v: unknown, types: string[]): Obj {
  if (!isObj(v) || !types.includes(str(v.type) ?? '')) throw new SlackApiError('invalid_arguments', [`view.type must be ${types.join(' or ')} [json-pointer:/view/type]`]);
  const problems = blockProblems(v.blocks ?? [], 100, '/view/blocks');
  if (v.type === 'modal') {
    problems.push(...textProblems(v.title, '/view/title', 24, true));
    for (const key of ['submit', 'close']) if (v[key] !== undefined) problems.push(...textProblems(v[key], `/view/${key}`, 24, true));
    const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && v.submit === undefined) problems.push('submit is required when a view has input blocks [json-pointer:/view/submit]');
  }
  if ((str(v.private_metadata) ?? '').length > 3000) problems.push('must be at most 3000 characters [json-pointer:/view/private_metadata]');
  if ((str(v.callback_id) ?? '').length > 255) problems.push('must be at most 255 characters [json-pointer:/view/callback_id]');
  if (problems.length) throw new SlackApiError('invalid_arguments', problems);
  return v;
}

/** The Block Kit limits bots hit in practice, worded after Slack's messages ("… [json-pointer:/blocks/0/text]"). */
function blockProblems(blocks: unknown, max: number, path = '/blocks'): string[] {
  if (!Array.isArray(blocks)) return [`must be an array [json-pointer:${path}]`];
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`no more than ${max} items allowed [json-pointer:${path}]`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const element = (e: unknown, at: string): void => {
    if (!isObj(e)) return void problems.push(`must be an object [json-pointer:${at}]`);
    const actionId = str(e.action_id);
    if (actionId !== undefined) {
      if (actionIds.has(actionId)) problems.push(`duplicate action_id ${actionId} [json-pointer:${at}/action_id]`);
      if (actionId.length > 255) problems.push(`must be at most 255 characters [json-pointer:${at}/action_id]`);
      actionIds.add(actionId);
    }
    if (e.type === 'button') {
      problems.push(...textProblems(e.text, `${at}/text`, 75, true));
      if ((str(e.value) ?? '').length > 2000) problems.push(`must be at most 2000 characters [json-pointer:${at}/value]`);
    }
  };
  blocks.forEach((b: unknown, i) => {
    const at = `${path}/${i}`;
    if (!isObj(b) || !BLOCK_TYPES.has(str(b.type) ?? '')) return void problems.push(`unsupported block type [json-pointer:${at}/type]`);
    const blockId = str(b.block_id);
    if (blockId !== undefined) {
      if (blockIds.has(blockId)) problems.push(`duplicate block_id ${blockId} [json-pointer:${at}/block_id]`);
      if (blockId.length > 255) problems.push(`must be at most 255 characters [json-pointer:${at}/block_id]`);
      blockIds.add(blockId);
    }
    if (b.type === 'section') {
      if (b.text === undefined && b.fields === undefined) problems.push(`text or fields is required [json-pointer:${at}]`);
      if (b.text !== undefined) problems.push(...textProblems(b.text, `${at}/text`, 3000));
      if (Array.isArray(b.fields)) {
        if (b.fields.length > 10) problems.push(`no more than 10 items allowed [json-pointer:${at}/fields]`);
        b.fields.forEach((f, j) => problems.push(...textProblems(f, `${at}/fields/${j}`, 2000)));
      }
      if (b.accessory !== undefined) element(b.accessory, `${at}/accessory`);
    } else if (b.type === 'header') {
      problems.push(...textProblems(b.text, `${at}/text`, 150, true));
    } else if (b.type === 'actions') {
      const elements = Array.isArray(b.elements) ? b.elements : [];
      if (elements.length === 0 || elements.length > 25) problems.push(`must have 1 to 25 elements [json-pointer:${at}/elements]`);
      elements.forEach((e, j) => element(e, `${at}/elements/${j}`));
    } else if (b.type === 'context') {
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) problems.push(`must have 1 to 10 elements [json-pointer:${at}/elements]`);
    } else if (b.type === 'input') {
      problems.push(...textProblems(b.label, `${at}/label`, 2000, true));
      element(b.element, `${at}/element`);
    }
  });
  return problems;
}

function textProblems(t: unknown, at: string, max: number, plainOnly = false): string[] {
  if (!isObj(t) || !['plain_text', ...(plainOnly ? [] : ['mrkdwn'])].includes(str(t.type) ?? '')) return [`must be a ${plainOnly ? 'plain_text' : 'text'} object [json-pointer:${at}]`];
  const text = str(t.text) ?? '';
  if (text.length === 0) return [`must be more than 0 characters [json-pointer:${at}/text]`];
  return text.length > max ? [`must be less than ${max + 1} characters [json-pointer:${at}/text]`] : [];
}

// ---- Requests ------------------------------------------------------------------------------------------------

function readParams(req: IncomingMessage, url: URL, body: Buffer): { params: Obj; token?: string } {
  const type = req.headers['content-type'] ?? '';
  const params: Obj = Object.fromEntries(url.searchParams);
  if (/^application\/json/i.test(type) && body.length) {
    try {
      Object.assign(params, JSON.parse(body.toString('utf8')));
    } catch {
      throw new SlackApiError('invalid_json');
    }
  } else if (/^application\/x-www-form-urlencoded/i.test(type)) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  for (const key of JSON_PARAMS) {
    const value = params[key];
    if (typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // Left a string: the validators then answer like Slack does for malformed JSON fields.
      }
    }
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  // Slack ignores a token inside a JSON body: JSON requests must authenticate with the header.
  const token = bearer ?? (/^application\/json/i.test(type) ? undefined : str(params.token));
  return { params, ...(token ? { token } : {}) };
}

/** The content of the first file part of a multipart/form-data body (what WebClient posts to upload URLs). */
function firstMultipartFile(body: Buffer, boundary: string): Buffer {
  const delimiter = Buffer.from(`--${boundary}`);
  for (let start = body.indexOf(delimiter); start !== -1;) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // between the CRLFs around delimiters
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1 && /filename=/i.test(part.subarray(0, headerEnd).toString('utf8'))) return Buffer.from(part.subarray(headerEnd + 4));
    start = next;
  }
  return Buffer.alloc(0);
}

// ---- Slack → bot: signed requests ----------------------------------------------------------------------------

export interface SignedResponse { status: number; body: string; json(): unknown }
export interface SignOptions {
  /** Seconds since the epoch; default now. An old one makes the request stale (Bolt allows 5 minutes). */
  timestamp?: number;
  /** Sign with the wrong secret. */
  badSignature?: boolean;
  /** Send this body instead (still correctly signed), to test malformed payloads. */
  rawBody?: string;
}
export interface SlashCommand { command?: string; text: string; userId: string; teamId: string; channelId: string; triggerId?: string; userName?: string; responseUrl?: string }
export interface BlockActionArgs {
  userId: string; teamId: string; channelId?: string; triggerId?: string;
  actions: Array<{ action_id: string; value?: string; block_id?: string; text?: string }>;
  /** The message holding the buttons; Slack sends it whole, `text`/`blocks` fill it in. */
  messageTs?: string; message?: { text?: string; blocks?: unknown[] };
  /** For buttons inside a modal or App Home instead of a message. */
  view?: Obj & { id: string };
}
export interface ViewSubmissionArgs {
  userId: string; teamId: string; triggerId?: string;
  view: Obj & { id: string; callback_id: string; private_metadata?: string; state: { values: Obj } };
}

/** Slack's signature of a request body: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SlackSigner = ReturnType<typeof slackSigner>;

export function slackSigner(signingSecret: string) {
  let n = 0;
  const token = 'fake-verification-token'; // the deprecated verification token Slack still includes
  const triggerId = () => `${++n}.${Math.floor(Date.now() / 1000)}.fake${n.toString(16).padStart(8, '0')}`;
  const user = (userId: string, teamId: string) => ({ id: userId, username: `user_${userId.toLowerCase()}`, name: `user_${userId.toLowerCase()}`, team_id: teamId });
  const team = (teamId: string) => ({ id: teamId, domain: 'pemprov-uji' });

  async function post(url: string, body: string, contentType: string, opts: SignOptions = {}, headers: Record<string, string> = {}): Promise<SignedResponse> {
    const sent = opts.rawBody ?? body;
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = slackSignature(opts.badSignature ? `${signingSecret}-wrong` : signingSecret, timestamp, sent);
    const res = await fetch(url, {
      method: 'POST', body: sent,
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...headers },
    });
    const text = await res.text();
    return { status: res.status, body: text, json: () => JSON.parse(text) as unknown };
  }
  const form = (url: string, fields: Record<string, string>, opts?: SignOptions) => post(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
  const interaction = (url: string, payload: Obj, opts?: SignOptions) => form(url, { payload: JSON.stringify(payload) }, opts);

  return {
    slashCommand(url: string, c: SlashCommand, opts?: SignOptions): Promise<SignedResponse> {
      return form(url, {
        token, team_id: c.teamId, team_domain: 'pemprov-uji', channel_id: c.channelId, channel_name: c.channelId.startsWith('D') ? 'directmessage' : 'general',
        user_id: c.userId, user_name: c.userName ?? `user_${c.userId.toLowerCase()}`, command: c.command ?? '/kinerja', text: c.text, api_app_id: APP_ID,
        is_enterprise_install: 'false', response_url: c.responseUrl ?? `https://hooks.slack.com/commands/${c.teamId}/${++n}/fake`, trigger_id: c.triggerId ?? triggerId(),
      }, opts);
    },

    event(url: string, event: object, e: { teamId: string; eventId?: string; retryNum?: number; retryReason?: string }, opts?: SignOptions): Promise<SignedResponse> {
      const body = {
        token, team_id: e.teamId, api_app_id: APP_ID, event, type: 'event_callback', event_id: e.eventId ?? `Ev${Date.now().toString(36).toUpperCase()}${++n}`,
        event_time: Math.floor(Date.now() / 1000), authorizations: [{ enterprise_id: null, team_id: e.teamId, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
        is_ext_shared_channel: false,
      };
      // Slack retries an event it got no timely 2xx for, saying so in these headers.
      const retry: Record<string, string> = e.retryNum === undefined ? {} : { 'x-slack-retry-num': String(e.retryNum), 'x-slack-retry-reason': e.retryReason ?? 'http_timeout' };
      return post(url, JSON.stringify(body), 'application/json', opts, retry);
    },

    blockAction(url: string, a: BlockActionArgs, opts?: SignOptions): Promise<SignedResponse> {
      const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
      const messageTs = a.messageTs ?? '1700000001.000100';
      const container = a.view
        ? { type: 'view', view_id: a.view.id }
        : { type: 'message', message_ts: messageTs, channel_id: a.channelId, is_ephemeral: false };
      return interaction(url, {
        type: 'block_actions', user: user(a.userId, a.teamId), api_app_id: APP_ID, token, container, trigger_id: a.triggerId ?? triggerId(),
        team: team(a.teamId), enterprise: null, is_enterprise_install: false,
        ...(a.view ? { view: a.view } : {
          channel: { id: a.channelId, name: a.channelId?.startsWith('D') ? 'directmessage' : 'general' }, state: { values: {} },
          message: { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, ts: messageTs, text: a.message?.text ?? '', blocks: a.message?.blocks ?? [] },
          response_url: `https://hooks.slack.com/actions/${a.teamId}/${++n}/fake`,
        }),
        actions: a.actions.map((x, i) => ({
          type: 'button', action_id: x.action_id, block_id: x.block_id ?? `blk${i}`, text: { type: 'plain_text', text: x.text ?? x.action_id, emoji: true },
          ...(x.value !== undefined ? { value: x.value } : {}), action_ts: actionTs,
        })),
      }, opts);
    },

    viewSubmission(url: string, s: ViewSubmissionArgs, opts?: SignOptions): Promise<SignedResponse> {
      return interaction(url, {
        type: 'view_submission', team: team(s.teamId), user: user(s.userId, s.teamId), api_app_id: APP_ID, token, trigger_id: s.triggerId ?? triggerId(),
        view: { type: 'modal', team_id: s.teamId, app_id: APP_ID, bot_id: BOT_ID, blocks: [], hash: 'fake-hash', root_view_id: s.view.id, previous_view_id: null, ...s.view },
        response_urls: [], is_enterprise_install: false, enterprise: null,
      }, opts);
    },

    /** The person closed a modal that asked to be told (notify_on_close). */
    viewClosed(url: string, c: { userId: string; teamId: string; view: Obj & { id: string; callback_id: string } }, opts?: SignOptions): Promise<SignedResponse> {
      return interaction(url, {
        type: 'view_closed', team: team(c.teamId), user: user(c.userId, c.teamId), api_app_id: APP_ID, token, is_cleared: false,
        view: { type: 'modal', team_id: c.teamId, app_id: APP_ID, bot_id: BOT_ID, blocks: [], hash: 'fake-hash', state: { values: {} }, ...c.view },
        is_enterprise_install: false, enterprise: null,
      }, opts);
    },

    urlVerification(url: string, challenge: string, opts?: SignOptions): Promise<SignedResponse> {
      return post(url, JSON.stringify({ token, challenge, type: 'url_verification' }), 'application/json', opts);
    },
  };
}
