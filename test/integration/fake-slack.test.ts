/**
 * The fake Slack Web API and the request signer (test/support/fake-slack.ts) against the real libraries:
 * @slack/web-api's WebClient calls the fake unmodified, Bolt's signature check accepts what the signer sends,
 * and a small Bolt app runs end to end (Slack → signed request → app → Web API → fake).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, isValidSlackRequest, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackSigner, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const SECRET = 'fake-signing-secret';
/** WebClient logs Slack's `[ERROR] …` explanations of rejected blocks; here they are expected. */
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
const TEAM = 'TPEMPROV';
let fake: FakeSlack;
let client: WebClient;

beforeEach(async () => {
  fake = await startFakeSlack({ teamId: TEAM });
  fake.addUser({ id: 'UANI', name: 'ani', email: 'ani@pemprov.go.id', realName: 'Ani Lestari' });
  client = new WebClient(fake.token, { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger: quiet });
});
afterEach(async () => {
  await fake.close();
});

const button = (action_id: string, text = 'Setuju') => ({ type: 'button' as const, action_id, text: { type: 'plain_text' as const, text }, value: '7' });
const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
/** The Slack error code of a rejected WebClient call. */
const slackError = (call: Promise<unknown>) => call.then(() => 'ok', (e: Error & { code?: string; data?: { error: string } }) => (e.code === ErrorCode.PlatformError ? e.data!.error : `${e.code}: ${e.message}`));

describe('Web API through WebClient', () => {
  it('answers auth.test, users.info and conversations.open', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, team: 'Pemprov Uji', team_id: TEAM, user_id: 'UBOT', bot_id: 'BBOT' });
    const { user } = await client.users.info({ user: 'UANI' });
    expect(user).toMatchObject({ id: 'UANI', team_id: TEAM, name: 'ani', real_name: 'Ani Lestari', is_bot: false, profile: { email: 'ani@pemprov.go.id' } });
    expect(await slackError(client.users.info({ user: 'UNOBODY' }))).toBe('user_not_found');
    expect((await client.conversations.open({ users: 'UANI' })).channel?.id).toBe('DUANI');
    expect(fake.calls.map((c) => c.method)).toEqual(['auth.test', 'users.info', 'users.info', 'conversations.open']);
  });

  it('needs a bot token and a known method', async () => {
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
    expect(await slackError(anonymous.auth.test())).toBe('not_authed');
    expect(await slackError(client.apiCall('chat.meMessage', { channel: 'C1', text: 'x' }))).toBe('unknown_method');
    // JSON bodies authenticate with the header only; GET takes the query string.
    const json = (headers: Record<string, string>) => fetch(`${fake.apiUrl}auth.test`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ token: fake.token }) }).then((r) => r.json());
    expect(await json({})).toEqual({ ok: false, error: 'not_authed' });
    expect(await json({ authorization: `Bearer ${fake.token}` })).toMatchObject({ ok: true });
    expect(await fetch(`${fake.apiUrl}users.info?token=${fake.token}&user=UANI`).then((r) => r.json())).toMatchObject({ ok: true, user: { id: 'UANI' } });
    expect(await fetch(`${fake.apiUrl}auth.test?token=xoxp-user`).then((r) => r.json())).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('records posted and updated messages, parsing blocks sent inside a form body', async () => {
    const blocks = [section('*Ekspektasi* baru'), { type: 'actions', elements: [button('agree')] }];
    const posted = await client.chat.postMessage({ channel: 'DUANI', text: 'Ekspektasi baru', blocks });
    expect(posted).toMatchObject({ ok: true, channel: 'DUANI', ts: expect.stringMatching(/^\d{10}\.\d{6}$/) });
    await client.chat.postMessage({ channel: 'DUANI', text: 'balasan', thread_ts: posted.ts! });
    expect(fake.messagesTo('DUANI')).toEqual([
      { channel: 'DUANI', ts: posted.ts, text: 'Ekspektasi baru', blocks },
      { channel: 'DUANI', ts: expect.any(String), text: 'balasan', threadTs: posted.ts },
    ]);
    expect(fake.messagesTo('DUANI')[1]!.ts > posted.ts!).toBe(true);

    // chat.update keeps the blocks unless new ones come, as Slack documents.
    await client.chat.update({ channel: 'DUANI', ts: posted.ts!, text: 'Disetujui' });
    expect(fake.messagesTo('DUANI')[0]).toMatchObject({ text: 'Disetujui', blocks });
    await client.chat.update({ channel: 'DUANI', ts: posted.ts!, text: 'Disetujui', blocks: [] });
    expect(fake.messagesTo('DUANI')[0]!.blocks).toBeUndefined();
    expect(await slackError(client.chat.update({ channel: 'DUANI', ts: '1.000000', text: 'x' }))).toBe('message_not_found');
  });

  it('rejects messages the way Slack does', async () => {
    const post = (args: Record<string, unknown>) => slackError(client.chat.postMessage({ channel: 'C0KINERJA', ...args } as never));
    expect(await post({ text: '' })).toBe('no_text');
    expect(await post({ blocks: Array.from({ length: 51 }, (_, i) => section(`baris ${i}`)) })).toBe('invalid_blocks');
    expect(await post({ blocks: [section('x'.repeat(3001))] })).toBe('invalid_blocks');
    expect(await post({ blocks: [{ type: 'actions', elements: [button('a', 'x'.repeat(76))] }] })).toBe('invalid_blocks');
    expect(await post({ blocks: [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }] })).toBe('invalid_blocks');
    expect(await post({ blocks: [{ type: 'actions', elements: [button('same')] }, { type: 'actions', elements: [button('same')] }] })).toBe('invalid_blocks');
    expect(await post({ blocks: [{ ...section('a'), block_id: 'x' }, { ...section('b'), block_id: 'x' }] })).toBe('invalid_blocks');
    expect(await post({ channel: 'general', text: 'bukan id' })).toBe('channel_not_found');
    expect(await post({ channel: 'UANI', text: 'langsung ke user' })).toBe('ok');
    expect(fake.messagesTo('DUANI').at(-1)?.text).toBe('langsung ke user');
    expect(await post({ blocks: [section('x'.repeat(3000))] })).toBe('ok');
    expect(fake.messages).toHaveLength(2);
  });

  it('injects rate limits, HTTP errors and Slack errors, each for one call', async () => {
    fake.failNext('chat.postMessage', { rateLimited: 7 });
    const limited = await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: WebAPIRateLimitedError) => e);
    expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const failed = await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: WebAPIPlatformError) => e);
    expect(failed).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'channel_not_found' } });

    fake.failNext('chat.postMessage', { status: 500 });
    expect(await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: Error) => e)).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });

    await client.chat.postMessage({ channel: 'C1', text: 'akhirnya' });
    expect(fake.messages.map((m) => m.text)).toEqual(['akhirnya']);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(4);
  });

  it('takes files through uploadV2 (getUploadURLExternal, upload URL, completeUploadExternal)', async () => {
    const csv = Buffer.from('nip,nama\n1987,Ani\n');
    const res = await client.files.uploadV2({ channel_id: 'DUANI', file: csv, filename: 'rekap.csv', initial_comment: 'Rekap triwulan' });
    expect(res.ok).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(fake.uploads).toEqual([{ fileId: expect.stringMatching(/^F/), filename: 'rekap.csv', title: 'rekap.csv', channel: 'DUANI', bytes: csv, initialComment: 'Rekap triwulan' }]);
    // A file is completed once.
    const files = [{ id: fake.uploads[0]!.fileId }];
    expect(await slackError(client.files.completeUploadExternal({ files: files as [{ id: string }] }))).toBe('file_not_found');
  });

  it('publishes App Home views and validates modals', async () => {
    const home = { type: 'home' as const, blocks: [section('Beranda Ani')] };
    const first = await client.views.publish({ user_id: 'UANI', view: home });
    await client.views.publish({ user_id: 'UANI', view: { type: 'home', blocks: [section('Beranda baru')] } });
    expect(fake.homeOf('UANI')).toMatchObject({ id: first.view!.id, type: 'home', blocks: [section('Beranda baru')] });
    expect(fake.views.map((v) => [v.method, v.userId])).toEqual([['views.publish', 'UANI'], ['views.publish', 'UANI']]);

    const input = { type: 'input', block_id: 'nilai', label: { type: 'plain_text', text: 'Nilai' }, element: { type: 'plain_text_input', action_id: 'v' } };
    const modal = { type: 'modal' as const, callback_id: 'form', title: { type: 'plain_text' as const, text: 'Umpan balik' }, submit: { type: 'plain_text' as const, text: 'Kirim' }, blocks: [input] };
    const opened = await client.views.open({ trigger_id: '1.2.abc', view: { ...modal, external_id: 'fb-7' } });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'form', external_id: 'fb-7', state: { values: {} } });
    await client.views.update({ external_id: 'fb-7', view: { ...modal, title: { type: 'plain_text', text: 'Terkirim' } } });
    expect(fake.views.at(-1)).toMatchObject({ method: 'views.update', viewId: opened.view!.id });

    expect(await slackError(client.views.open({ trigger_id: '1.2.abc', view: { ...modal, title: { type: 'plain_text', text: 'x'.repeat(25) } } }))).toBe('invalid_arguments');
    expect(await slackError(client.views.open({ trigger_id: '1.2.abc', view: { ...modal, submit: undefined } }))).toBe('invalid_arguments');
    expect(await slackError(client.views.update({ view_id: 'VNONE', view: modal }))).toBe('not_found');
  });
});

describe('signed requests', () => {
  const signer = slackSigner(SECRET);

  /** A server that records what the signer sends and answers 200. */
  async function capture() {
    const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, close: () => new Promise((r) => server.close(r)) };
  }
  const valid = ({ headers, body }: { headers: IncomingHttpHeaders; body: string }) => isValidSlackRequest({
    signingSecret: SECRET, body, headers: { 'x-slack-signature': String(headers['x-slack-signature']), 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
  });

  it('signs like Slack, as Bolt verifies it', async () => {
    const { seen, url, close } = await capture();
    await signer.slashCommand(url, { text: 'status', userId: 'UANI', teamId: TEAM, channelId: 'DUANI' });
    await signer.event(url, { type: 'app_home_opened', user: 'UANI', tab: 'home' }, { teamId: TEAM, retryNum: 1 });
    await signer.blockAction(url, { userId: 'UANI', teamId: TEAM, channelId: 'DUANI', actions: [{ action_id: 'agree', value: '7' }] });
    await signer.viewSubmission(url, { userId: 'UANI', teamId: TEAM, view: { id: 'V1', callback_id: 'form', private_metadata: '7', state: { values: {} } } });
    await signer.urlVerification(url, 'tantangan');
    await signer.slashCommand(url, { text: 'x', userId: 'UANI', teamId: TEAM, channelId: 'DUANI' }, { badSignature: true });
    await signer.slashCommand(url, { text: 'x', userId: 'UANI', teamId: TEAM, channelId: 'DUANI' }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    await close();

    expect(seen.map(valid)).toEqual([true, true, true, true, true, false, false]);
    const command = Object.fromEntries(new URLSearchParams(seen[0]!.body));
    expect(Object.keys(command)).toEqual(expect.arrayContaining(['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'api_app_id', 'response_url', 'trigger_id']));
    expect(command).toMatchObject({ command: '/kinerja', text: 'status', user_id: 'UANI', channel_id: 'DUANI' });
    expect(seen[1]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(JSON.parse(new URLSearchParams(seen[2]!.body).get('payload')!)).toMatchObject({
      type: 'block_actions', user: { id: 'UANI', team_id: TEAM }, team: { id: TEAM }, channel: { id: 'DUANI' }, container: { type: 'message' },
      actions: [{ type: 'button', action_id: 'agree', value: '7', action_ts: expect.any(String) }],
    });
  });

  it('drives a real Bolt app end to end', async () => {
    const app = new App({ token: fake.token, signingSecret: SECRET, clientOptions: { slackApiUrl: fake.apiUrl }, logLevel: LogLevel.ERROR });
    const retries: Array<number | undefined> = [];
    app.command('/kinerja', async ({ ack, command, client: c }) => {
      await ack();
      const dm = await c.conversations.open({ users: command.user_id });
      await c.chat.postMessage({ channel: dm.channel!.id!, text: `Halo ${command.text}`, blocks: [section('Setujui?'), { type: 'actions', elements: [button('agree')] }] });
    });
    app.action('agree', async ({ ack, body, client: c }) => {
      await ack();
      if (body.type === 'block_actions' && body.channel && body.message) await c.chat.update({ channel: body.channel.id, ts: body.message.ts, text: 'Disetujui', blocks: [] });
    });
    app.view('form', async ({ ack, view }) => {
      await ack({ response_action: 'errors', errors: { nilai: `kurang dari ${view.private_metadata}` } });
    });
    app.event('app_home_opened', async ({ event, client: c, context }) => {
      retries.push(context.retryNum);
      await c.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section('Beranda')] } });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    try {
      expect((await signer.urlVerification(url, 'tantangan')).json()).toEqual({ challenge: 'tantangan' });

      expect((await signer.slashCommand(url, { text: 'Ani', userId: 'UANI', teamId: TEAM, channelId: 'C0KINERJA' })).status).toBe(200);
      await fake.waitFor(() => fake.messagesTo('DUANI').length === 1);
      const [message] = fake.messagesTo('DUANI');
      expect(message).toMatchObject({ text: 'Halo Ani' });

      await signer.blockAction(url, { userId: 'UANI', teamId: TEAM, channelId: 'DUANI', messageTs: message!.ts, message: message!, actions: [{ action_id: 'agree', value: '7' }] });
      await fake.waitFor(() => message!.text === 'Disetujui' && message!.blocks === undefined);

      const submitted = await signer.viewSubmission(url, { userId: 'UANI', teamId: TEAM, view: { id: 'V1', callback_id: 'form', private_metadata: '60', state: { values: {} } } });
      expect(submitted.json()).toEqual({ response_action: 'errors', errors: { nilai: 'kurang dari 60' } });

      await signer.event(url, { type: 'app_home_opened', user: 'UANI', channel: 'DUANI', tab: 'home' }, { teamId: TEAM, retryNum: 2 });
      await fake.waitFor(() => fake.homeOf('UANI') !== undefined);
      expect(retries).toEqual([2]);

      // Bolt answers 401 to requests that fail its signature check, and a malformed payload does not reach a handler.
      expect((await signer.slashCommand(url, { text: 'x', userId: 'UANI', teamId: TEAM, channelId: 'C1' }, { badSignature: true })).status).toBe(401);
      expect((await signer.slashCommand(url, { text: 'x', userId: 'UANI', teamId: TEAM, channelId: 'C1' }, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
      expect((await signer.blockAction(url, { userId: 'UANI', teamId: TEAM, actions: [] }, { rawBody: 'payload=%7Bnot-json' })).status).not.toBe(200);
      expect(fake.messages).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });
});
