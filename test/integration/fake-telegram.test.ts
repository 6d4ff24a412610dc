/**
 * The fake Telegram Bot API (test/support/fake-telegram.ts) against the real telegraf: a tiny bot in long-polling
 * mode (and once in webhook mode), played by fake users. Proves telegraf works with the fake unmodified and that
 * the fake answers the way Telegram does where bots go wrong.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGroup, makeUser, startFakeTelegram, telegramErrors, type FakeTelegram } from '../support/fake-telegram.js';

const ani = makeUser(1001, 'Ani', { lastName: 'Lestari', username: 'ani_asn', languageCode: 'id' });
let fake: FakeTelegram;

beforeEach(async () => {
  fake = await startFakeTelegram();
});
afterEach(async () => {
  await fake.close();
});

/** A bot with one handler of each kind the tests need; `seen` lists the update_ids it handled. */
function tinyBot() {
  const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
  const seen: number[] = [];
  const errors: unknown[] = [];
  const memberships: string[] = [];
  bot.use((ctx, next) => {
    seen.push(ctx.update.update_id);
    return next();
  });
  bot.command('echo', (ctx) => ctx.reply(ctx.payload || '(kosong)'));
  bot.command('menu', (ctx) => ctx.reply('Setujui ekspektasi?', Markup.inlineKeyboard([Markup.button.callback('Setuju', 'agree:7'), Markup.button.callback('Tolak', 'reject:7')])));
  bot.action(/^(agree|reject):(\d+)$/, async (ctx) => {
    await ctx.answerCbQuery('Tercatat');
    await ctx.editMessageText(`<b>${ctx.match[1] === 'agree' ? 'Disetujui' : 'Ditolak'}</b> #${ctx.match[2]}`, { parse_mode: 'HTML' });
  });
  bot.on(message('document'), async (ctx) => {
    const { file_id, file_name } = ctx.message.document;
    const bytes = Buffer.from(await (await fetch(await ctx.telegram.getFileLink(file_id))).arrayBuffer());
    await ctx.reply(`Diterima ${file_name}: ${bytes.length} byte, baris pertama "${bytes.toString('utf8').split('\n')[0]}"`);
  });
  bot.on(message('photo'), async (ctx) => {
    const file = await ctx.telegram.getFile(ctx.message.photo.at(-1)!.file_id);
    await ctx.reply(`Foto ${file.file_size} byte di ${file.file_path}`);
  });
  bot.on(message('sticker'), (ctx) => ctx.reply(`Stiker ${ctx.message.sticker.emoji}`));
  bot.on('my_chat_member', (ctx) => {
    memberships.push(ctx.myChatMember.new_chat_member.status);
  });
  bot.catch((error) => {
    errors.push(error);
  });
  return { bot, seen, errors, memberships };
}

/**
 * Launches `bot` in long-polling mode and resolves once it polls. The returned `stop` stops it and waits until
 * its polling loop has ended (telegraf confirms the offset on the way out), so no loop outlives a test.
 */
async function poll(bot: Telegraf): Promise<() => Promise<void>> {
  const since = fake.calls.length;
  const loop = bot.launch();
  const ended = loop.then(() => {
    throw new Error('the bot stopped before it polled');
  });
  // Waits for the first getUpdates to arrive, not to be answered: the fake holds it while nothing is queued.
  const polling = fake.waitUntil(() => fake.calls.slice(since).some((c) => c.method === 'getUpdates'));
  await Promise.race([polling, ended]);
  return async () => {
    bot.stop('test finished');
    await loop;
  };
}

const sendFailure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the call succeeded'), (error: unknown) => error);

describe('fake Telegram Bot API with the real telegraf', () => {
  it('runs a command round trip over long polling', async () => {
    const { bot } = tinyBot();
    const stop = await poll(bot);
    try {
      expect(bot.botInfo).toMatchObject({ id: 123456, is_bot: true, username: 'dialog_kinerja_test_bot' });
      const sent = fake.sendText(ani, '/echo halo dunia');
      expect(sent.message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }]);
      const reply = await fake.waitForMessage(ani.id, { after: sent.message.message_id });
      expect(reply).toMatchObject({ message_id: sent.message.message_id + 1, text: 'halo dunia', method: 'sendMessage' });

      const addressed = fake.sendText(ani, '/echo@dialog_kinerja_test_bot lagi');
      expect(addressed.message.entities?.[0]?.length).toBe('/echo@dialog_kinerja_test_bot'.length);
      expect((await fake.waitForMessage(ani.id, { after: addressed.message.message_id })).text).toBe('lagi');
      expect(fake.calls.slice(0, 3).map((c) => c.method)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    } finally {
      await stop();
    }
  });

  it('accepts escaped HTML, measures text after parsing and rejects malformed HTML with 400', async () => {
    const { bot } = tinyBot();
    fake.knowChat(ani);
    const ok = await bot.telegram.sendMessage(ani.id, ' <b>Nilai</b> &lt;3 &amp; naik &#128512; <a href="https://x.id/?a=1&amp;b=2">cek</a> ', { parse_mode: 'HTML' });
    expect(ok.text).toBe('Nilai <3 & naik 😀 cek');
    expect(ok.entities).toEqual([{ type: 'bold', offset: 0, length: 5 }, { type: 'text_link', offset: 19, length: 3, url: 'https://x.id/?a=1&b=2' }]);
    expect(fake.messagesTo(ani.id)[0]).toMatchObject({ parse_mode: 'HTML', source: expect.stringContaining('&lt;3') });
    // The 4096 limit counts the parsed text: 4096 escaped '<' are 16384 characters of source.
    await bot.telegram.sendMessage(ani.id, '&lt;'.repeat(4096), { parse_mode: 'HTML' });

    const rejected: Array<[string, string]> = [
      ['Skor <3 baik', `can't parse entities: Unsupported start tag "3" at byte offset 5`],
      ['Nilai 😀 <x>', `can't parse entities: Unsupported start tag "x" at byte offset 11`],
      ['a < b', `can't parse entities: Unsupported start tag "" at byte offset 2`],
      ['Nilai <3', `can't parse entities: Unclosed start tag at byte offset 6`],
      ['<b>tebal', `can't parse entities: Can't find end tag corresponding to start tag b`],
      ['<b><i>x</b></i>', `can't parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`],
      ['<span>x</span>', `can't parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0`],
      ['<b> </b>', 'message text is empty'],
      ['a'.repeat(4097), 'message is too long'],
    ];
    for (const [html, description] of rejected) {
      const error = await sendFailure(bot.telegram.sendMessage(ani.id, html, { parse_mode: 'HTML' }));
      expect(error).toBeInstanceOf(TelegramError);
      expect(error).toMatchObject({ code: 400, description: `Bad Request: ${description}` });
    }
  });

  it('lets a user press a callback button; the bot answers the query and edits the message', async () => {
    const { bot, errors } = tinyBot();
    const stop = await poll(bot);
    try {
      const command = fake.sendText(ani, '/menu');
      const menu = await fake.waitForMessage(ani.id, { after: command.message.message_id });
      expect(menu.reply_markup).toMatchObject({ inline_keyboard: [[{ text: 'Setuju', callback_data: 'agree:7' }, { text: 'Tolak', callback_data: 'reject:7' }]] });

      const mark = fake.calls.length;
      const press = fake.pressButton(ani, menu.message_id, 'agree:7');
      const answer = await fake.waitForCall('answerCallbackQuery', undefined, { since: mark });
      expect(answer.params).toMatchObject({ callback_query_id: press.callback_query.id, text: 'Tercatat' });
      expect((await fake.waitForCall('editMessageText', undefined, { since: mark })).response?.ok).toBe(true);
      // editMessageText without reply_markup removes the keyboard, as in Telegram.
      expect(fake.messagesTo(ani.id)[0]).toMatchObject({ text: 'Disetujui #7', edit_date: expect.any(Number) });
      expect(fake.messagesTo(ani.id)[0]!.reply_markup).toBeUndefined();
      expect(fake.messagesTo(ani.id)[0]!.history.map((v) => v.text)).toEqual(['Setujui ekspektasi?', 'Disetujui #7']);
      expect(() => fake.pressButton(ani, menu.message_id, 'agree:7')).toThrow(/no button with callback_data "agree:7"/);
      expect(await sendFailure(bot.telegram.answerCbQuery(press.callback_query.id))).toMatchObject({
        code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
      });

      // A forged press still reaches the bot; its identical edit is refused like Telegram refuses it.
      const forged = fake.calls.length;
      fake.pressButton(ani, menu.message_id, 'agree:7', { forge: true });
      const again = await fake.waitForCall('editMessageText', undefined, { since: forged });
      expect(again.response).toMatchObject({ ok: false, error_code: 400, description: expect.stringContaining('message is not modified') });
      await fake.waitUntil(() => errors.length === 1);
      expect(errors[0]).toMatchObject({ code: 400 });
    } finally {
      await stop();
    }
  });

  it('rejects callback_data over 64 bytes (bytes, not characters) and keeps edits and deletions', async () => {
    const { bot } = tinyBot();
    fake.knowChat(ani);
    const keyboard = (data: string) => Markup.inlineKeyboard([Markup.button.callback('Pilih', data)]);
    await bot.telegram.sendMessage(ani.id, '64 byte', keyboard('a'.repeat(64)));
    await bot.telegram.sendMessage(ani.id, '64 byte juga', keyboard('é'.repeat(32)));
    for (const data of ['a'.repeat(65), 'é'.repeat(33), '']) {
      expect(await sendFailure(bot.telegram.sendMessage(ani.id, 'x', keyboard(data)))).toMatchObject({ code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    }

    const sent = await bot.telegram.sendMessage(ani.id, 'Pilih satu', keyboard('pilih:1'));
    await bot.telegram.editMessageReplyMarkup(ani.id, sent.message_id, undefined, undefined);
    const stored = fake.messagesTo(ani.id).find((m) => m.message_id === sent.message_id)!;
    expect(stored.reply_markup).toBeUndefined();
    expect(stored.history).toHaveLength(2);
    expect(await sendFailure(bot.telegram.editMessageReplyMarkup(ani.id, sent.message_id, undefined, undefined))).toMatchObject({ code: 400 });
    await bot.telegram.deleteMessage(ani.id, sent.message_id);
    expect(stored.deleted).toBe(true);
    expect(await sendFailure(bot.telegram.deleteMessage(ani.id, sent.message_id))).toMatchObject({ description: 'Bad Request: message to delete not found' });
  });

  it('delivers documents, photos and stickers with file ids; getFile and downloads work', async () => {
    const { bot } = tinyBot();
    const stop = await poll(bot);
    try {
      const doc = fake.sendDocument(ani, { fileName: 'pegawai.csv', mimeType: 'text/csv', content: 'nip,nama\n1990,Ani\n' });
      expect(doc.message.document).toMatchObject({ file_name: 'pegawai.csv', mime_type: 'text/csv', file_size: 18, file_id: expect.any(String), file_unique_id: expect.any(String) });
      expect((await fake.waitForMessage(ani.id, { after: doc.message.message_id })).text).toBe('Diterima pegawai.csv: 18 byte, baris pertama "nip,nama"');

      const photo = fake.sendPhoto(ani, { size: 200_000 });
      expect(photo.message.photo).toHaveLength(3);
      expect((await fake.waitForMessage(ani.id, { after: photo.message.message_id })).text).toMatch(/^Foto 200000 byte di photos\/file_\d+\.jpg$/);

      const sticker = fake.sendSticker(ani, '🎉');
      expect((await fake.waitForMessage(ani.id, { after: sticker.message.message_id })).text).toBe('Stiker 🎉');

      expect(await sendFailure(bot.telegram.getFile('AgADbukan'))).toMatchObject({ code: 400, description: 'Bad Request: invalid file_id' });
      const big = fake.sendDocument(ani, { fileName: 'besar.xlsx', size: 25 * 1024 * 1024 });
      expect(await sendFailure(bot.telegram.getFile(big.message.document.file_id))).toMatchObject({ code: 400, description: 'Bad Request: file is too big' });
    } finally {
      await stop();
    }
  });

  it('records a document the bot uploads as multipart, and serves it back', async () => {
    const { bot } = tinyBot();
    fake.knowChat(ani);
    const sent = await bot.telegram.sendDocument(ani.id, { source: Buffer.from('a,b\n1,2\n'), filename: 'laporan.csv' }, { caption: '<b>Laporan</b> Q1', parse_mode: 'HTML' });
    expect(sent).toMatchObject({ caption: 'Laporan Q1', caption_entities: [{ type: 'bold', offset: 0, length: 7 }], document: { file_name: 'laporan.csv', file_size: 8 } });
    const call = fake.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'sendDocument', params: { chat_id: String(ani.id), caption: '<b>Laporan</b> Q1', document: { filename: 'laporan.csv', byteLength: 8 } } });
    expect(fake.messagesTo(ani.id)[0]!.upload?.content.toString()).toBe('a,b\n1,2\n');
    const link = await bot.telegram.getFileLink(sent.document.file_id);
    expect(await (await fetch(link)).text()).toBe('a,b\n1,2\n');
  });

  it('delivers the same update twice when it is queued twice – deduplication is the bot’s job', async () => {
    const { bot, seen } = tinyBot();
    const update = fake.sendText(ani, '/echo sekali');
    fake.queueRawUpdate(update);
    const stop = await poll(bot);
    try {
      await fake.waitUntil(() => seen.length === 2);
      // Also after the bot confirmed it, as after a crash that lost the offset.
      fake.queueRawUpdate(update);
      await fake.waitUntil(() => fake.messagesTo(ani.id).length === 3);
      expect(seen).toEqual([update.update_id, update.update_id, update.update_id]);
      const later = fake.sendText(ani, '/echo lagi');
      expect((await fake.waitForMessage(ani.id, { after: later.message.message_id })).text).toBe('lagi');
      expect(later.update_id).toBeGreaterThan(update.update_id);
    } finally {
      await stop();
    }
  });

  it('redelivers an update the bot did not confirm to the next bot instance', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const handling = new Promise<void>((resolve) => (started = resolve));
    const crashing = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    crashing.command('lapor', async () => {
      started();
      await released; // hangs, as if the process died while handling the update
    });
    const stopCrashing = await poll(crashing);
    const update = fake.sendText(ani, '/lapor');
    await handling;
    const crashed = stopCrashing(); // ends only when the handler returns; the offset was never confirmed

    const { bot: next, seen } = tinyBot();
    next.command('lapor', (ctx) => ctx.reply('Laporan diterima'));
    const stopNext = await poll(next);
    try {
      expect((await fake.waitForMessage(ani.id, { after: update.message.message_id })).text).toBe('Laporan diterima');
      expect(seen).toEqual([update.update_id]);
    } finally {
      await stopNext();
      release();
      await crashed;
    }
  });

  it('ends the older of two polling bots with 409 Conflict, as Telegram does', async () => {
    await fake.close();
    fake = await startFakeTelegram({ longPollCapMs: 10_000 }); // so the first bot's poll is surely held
    const first = tinyBot().bot;
    const since = fake.calls.length;
    const firstLoop = first.launch();
    await fake.waitUntil(() => fake.calls.slice(since).some((c) => c.method === 'getUpdates'));
    const stopSecond = await poll(tinyBot().bot);
    try {
      expect(await sendFailure(firstLoop)).toMatchObject({
        code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    } finally {
      await stopSecond();
    }
  });

  it('passes an injected 429 to the bot with retry_after, then works again', async () => {
    const { bot, errors } = tinyBot();
    const stop = await poll(bot);
    try {
      fake.failNext('sendMessage', telegramErrors.tooManyRequests(3));
      fake.sendText(ani, '/echo satu');
      const failed = await fake.waitForCall('sendMessage');
      expect(failed.response).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
      await fake.waitUntil(() => errors.length === 1);
      expect(errors[0]).toBeInstanceOf(TelegramError);
      expect(errors[0]).toMatchObject({ code: 429, parameters: { retry_after: 3 } });
      expect(fake.messagesTo(ani.id)).toHaveLength(0);

      const second = fake.sendText(ani, '/echo dua');
      expect((await fake.waitForMessage(ani.id, { after: second.message.message_id })).text).toBe('dua');
    } finally {
      await stop();
    }
  });

  it('answers 403 for a user who blocked the bot and tells the bot about it; 400 for unknown chats', async () => {
    const { bot, memberships } = tinyBot();
    const stop = await poll(bot);
    try {
      const hello = fake.sendText(ani, '/echo halo');
      await fake.waitForMessage(ani.id, { after: hello.message.message_id });
      fake.blockBot(ani.id);
      await fake.waitUntil(() => memberships.length === 1);
      expect(memberships).toEqual(['kicked']);
      const error = await sendFailure(bot.telegram.sendMessage(ani.id, 'Pengingat'));
      expect(error).toBeInstanceOf(TelegramError);
      expect(error).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });

      fake.unblockBot(ani.id);
      await fake.waitUntil(() => memberships.length === 2);
      await bot.telegram.sendMessage(ani.id, 'Pengingat');
      expect(await sendFailure(bot.telegram.sendMessage(999_999, 'x'))).toMatchObject({ code: 400, description: 'Bad Request: chat not found' });
    } finally {
      await stop();
    }
  });

  it('applies group privacy mode and refuses to start private chats with group members', async () => {
    const { bot, seen } = tinyBot();
    const group = makeGroup(-1001234567890, 'Tim Kinerja', 'supergroup');
    const budi = makeUser(1002, 'Budi');
    const stop = await poll(bot);
    try {
      const chatter = fake.sendGroupText(budi, group, 'halo semua');
      const command = fake.sendGroupText(budi, group, '/echo@dialog_kinerja_test_bot rapat jam 9');
      expect((await fake.waitForMessage(group.id, { after: command.message.message_id })).text).toBe('rapat jam 9');
      expect(seen).toEqual([command.update_id]);
      expect(chatter.message.message_id).toBeLessThan(command.message.message_id);
      expect(await sendFailure(bot.telegram.sendMessage(budi.id, 'Hai'))).toMatchObject({ code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    } finally {
      await stop();
    }
  });

  it('works in webhook mode: deliveries carry the secret token and webhook replies are carried out', async () => {
    const { bot } = tinyBot();
    const callback = await bot.createWebhook({ domain: 'kinerja.example.go.id', path: '/telegram/hook', secret_token: 'rahasia-123' });
    const server = createServer((req, res) => void callback(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
    try {
      expect(await bot.telegram.getWebhookInfo()).toMatchObject({ url: 'https://kinerja.example.go.id/telegram/hook', pending_update_count: 0 });
      expect(await sendFailure(bot.telegram.callApi('getUpdates', {}))).toMatchObject({ code: 409 });

      const command = fake.sendText(ani, '/menu');
      expect(await fake.deliverToWebhook(hook)).toEqual([{ update_id: command.update_id, status: 200 }]);
      const menu = await fake.waitForMessage(ani.id, { after: command.message.message_id });

      const mark = fake.calls.length;
      fake.pressButton(ani, menu.message_id, 'reject:7');
      const [pressed] = await fake.deliverToWebhook(hook);
      expect(pressed?.reply).toMatchObject({ method: 'answerCallbackQuery', via: 'webhook-reply', params: { text: 'Tercatat' }, response: { ok: true } });
      await fake.waitForCall('editMessageText', undefined, { since: mark });
      expect(fake.messagesTo(ani.id)[0]!.text).toBe('Ditolak #7');
      expect((await bot.telegram.getWebhookInfo()).pending_update_count).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('speaks the raw protocol: urlencoded bodies, case-insensitive methods, 401, 404, bot commands', async () => {
    const { bot } = tinyBot();
    fake.knowChat(ani);
    const form = new URLSearchParams({ chat_id: String(ani.id), text: 'lewat form', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }) });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendmessage`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { text: 'lewat form', chat: { id: ani.id, type: 'private' }, reply_markup: { inline_keyboard: [[{ callback_data: 'a' }]] } } });
    expect(fake.calls.at(-1)?.method).toBe('sendMessage');

    const wrongToken = await fetch(`${fake.apiRoot}/bot123456:WRONG/getMe`, { method: 'POST' });
    expect([wrongToken.status, await wrongToken.json()]).toEqual([401, { ok: false, error_code: 401, description: 'Unauthorized' }]);
    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendHologram`, { method: 'POST' });
    expect([unknown.status, await unknown.json()]).toEqual([404, { ok: false, error_code: 404, description: 'Not Found: method not found' }]);

    await bot.telegram.setMyCommands([{ command: 'ekspektasi', description: 'Lihat ekspektasi' }]);
    await bot.telegram.setMyCommands([{ command: 'ekspektasi', description: 'See expectations' }], { language_code: 'en' });
    await bot.telegram.setMyCommands([{ command: 'atasan', description: 'Menu atasan' }], { scope: { type: 'chat', chat_id: ani.id } });
    expect(fake.commandsFor()).toEqual([{ command: 'ekspektasi', description: 'Lihat ekspektasi' }]);
    expect(await bot.telegram.getMyCommands({ language_code: 'en' })).toEqual([{ command: 'ekspektasi', description: 'See expectations' }]);
    expect(fake.commandsFor({ type: 'chat', chat_id: ani.id })).toEqual([{ command: 'atasan', description: 'Menu atasan' }]);
    expect(await sendFailure(bot.telegram.setMyCommands([{ command: 'Bad-Command', description: 'x' }]))).toMatchObject({ code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' });
    await bot.telegram.deleteMyCommands({ language_code: 'en' });
    expect(fake.commands.map((c) => [c.scope.type, c.language_code])).toEqual([['default', ''], ['chat', '']]);
  });
});
