import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLinkCodes } from '../../src/linking/link-codes.js';
import { useTestDatabase } from '../support/database.js';
import { settleUpdate, startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { makeGroup, makeUser } from '../support/fake-telegram.js';
import { playEveryFlow } from '../support/scenario.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const db = await useTestDatabase();
let bot: TelegramBot;
beforeAll(async () => {
  bot = await startTelegramBot(db, { now: () => NOW });
});
afterAll(() => bot.stop());

const userOf = (name: string) => {
  const user = bot.users.get(name);
  if (!user) throw new Error(name);
  return user;
};

async function say(user: ReturnType<typeof makeUser>, text: string): Promise<string> {
  const update = bot.fake.sendText(user, text);
  await bot.settle(update.update_id);
  return bot.fake
    .messagesTo(user.id)
    .filter((m) => m.message_id > update.message.message_id)
    .map((m) => m.text ?? '')
    .join('\n---\n');
}

describe('Telegram', () => {
  it('links every demo employee with an HR code sent as /start CODE (the deep link)', async () => {
    expect(bot.users.size).toBe(11);
    const linked = await db.prisma.chatIdentity.count({ where: { platform: 'TELEGRAM' } });
    expect(linked).toBe(11);
    const welcome = bot.fake.messagesTo(userOf('Andi Pratama').id)[0];
    expect(welcome?.text).toMatch(/Terhubung. Selamat datang, Andi Pratama!/);
  });

  it('registers the command menu in Indonesian, and in English for English-speaking clients', () => {
    const menu = bot.fake.commandsFor();
    expect(menu.find((c) => c.command === 'ekspektasi')?.description).toBe('Tetapkan ekspektasi (RHK dan perilaku) untuk bawahan');
    expect(bot.fake.commandsFor({ type: 'default' }, 'en').find((c) => c.command === 'kendala')?.description).toBe('Report an obstacle to your supervisor');
  });

  it('carries every flow from expectations to a resolved obstacle', async () => {
    await playEveryFlow(bot.driver, db);
  });

  it('does not reopen an obstacle marked resolved while its response was being typed', async () => {
    await bot.driver.as('Andi Pratama');
    // Asked which RHK only when Andi has a plan (the scenario above gives him one).
    if (/RHK yang mana/.test(await bot.driver.say('/kendala'))) await bot.driver.say('1');
    await bot.driver.say('Printer ruang seksi rusak sejak pagi.');
    expect(await bot.driver.press('Lewati')).toMatch(/Kendala terkirim kepada Sri Wahyuni/);
    await bot.driver.as('Sri Wahyuni');
    expect(await bot.driver.press('Tanggapi')).toMatch(/Printer ruang seksi rusak/);
    expect(await bot.driver.press('Tandai selesai')).toMatch(/Kendala ditandai selesai/);
    expect(await bot.driver.say('Sudah saya minta teknisi datang.')).toMatch(/Kendala ini sudah ditandai selesai/);
    const obstacle = await db.prisma.obstacle.findFirstOrThrow({ where: { text: 'Printer ruang seksi rusak sejak pagi.' } });
    expect(obstacle).toMatchObject({ status: 'RESOLVED', response: null });
    expect(await bot.driver.inbox('Andi Pratama')).not.toMatch(/menanggapi kendala Anda/);
  });

  it('removes the buttons of a question once it is answered', async () => {
    const sri = userOf('Sri Wahyuni');
    await say(sri, '/umpanbalik');
    const question = bot.fake.messagesTo(sri.id).at(-1);
    const button = question?.reply_markup && 'inline_keyboard' in question.reply_markup ? question.reply_markup.inline_keyboard[0]?.[0] : undefined;
    const since = bot.fake.calls.length;
    const update = bot.fake.pressButton(sri, question?.message_id ?? 0, (button as { callback_data: string }).callback_data);
    await bot.settle(update.update_id);
    await bot.fake.waitForCall('editMessageReplyMarkup', undefined, { since });
    const edited = bot.fake.messagesTo(sri.id).find((m) => m.message_id === question?.message_id);
    expect(edited?.reply_markup).toBeUndefined();
    await say(sri, '/batal');
  });
});

describe('Telegram linking', () => {
  it('explains how to link to anyone not linked yet', async () => {
    const stranger = makeUser(9001, 'Tamu');
    expect(await say(stranger, 'halo')).toMatch(/belum terhubung ke Dialog Kinerja[\s\S]*\/hubungkan KODE/);
    expect(await say(stranger, '/hubungkan')).toMatch(/Kirim kode tautan Anda seperti ini: \/hubungkan ABCD-EFGH/);
  });

  it('locks an account for 15 minutes after five wrong codes, without counting real but unusable codes', async () => {
    const guesser = makeUser(9002, 'Penebak');
    for (let remaining = 4; remaining >= 1; remaining--) {
      expect(await say(guesser, '/hubungkan AAAA-BBBB')).toMatch(new RegExp(`Kode tidak dikenal[\\s\\S]*Sisa percobaan: ${remaining}`));
    }
    expect(await say(guesser, '/hubungkan AAAA-BBBC')).toMatch(/Terlalu banyak kode yang salah[\s\S]*15 menit/);
    // Even a correct code is refused while the lock lasts.
    const employee = await db.prisma.employee.create({
      data: {
        agencyId: (await db.prisma.agency.findFirstOrThrow()).id,
        unitId: (await db.prisma.unit.findFirstOrThrow()).id,
        nip: '200001012024011001',
        name: 'Pegawai Baru',
        position: 'Analis',
        positionType: 'PELAKSANA',
        employmentStatus: 'PNS',
      },
    });
    const [code] = (await issueLinkCodes(db.prisma, { agencyId: employee.agencyId, ttlDays: 14, now: NOW })).codes;
    expect(await say(guesser, `/hubungkan ${code?.code}`)).toMatch(/Terlalu banyak kode yang salah/);
    const attempt = await db.prisma.linkAttempt.findFirstOrThrow({ where: { externalUserId: '9002' } });
    expect(attempt.lockedUntil?.getTime()).toBe(NOW.getTime() + 15 * 60_000);

    const newcomer = makeUser(9003, 'Baru');
    expect(await say(newcomer, `/start ${code?.code.toLowerCase().replace('-', ' ')}`)).toMatch(/Terhubung. Selamat datang, Pegawai Baru!/);
    expect(await say(makeUser(9004, 'Lain'), `/hubungkan ${code?.code}`)).toMatch(/Kode ini sudah dipakai/);
    expect(await say(newcomer, `/hubungkan ${code?.code}`)).toMatch(/sudah terhubung dengan Pegawai Baru/);
  });
});

describe('hostile and odd input on Telegram', () => {
  it('escapes HTML and Markdown in names and answers', async () => {
    const rudi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Rudi Hartono' } });
    await db.prisma.employee.update({ where: { id: rudi.id }, data: { name: 'Rudi <b>Hartono</b> & *Co* <script>' } });
    const user = userOf('Rudi Hartono');
    expect(await say(user, '/saya')).toMatch(/Nama: Rudi <b>Hartono<\/b> & \*Co\* <script>/);
    await say(user, '/kendala');
    await say(user, '</blockquote><a href="http://evil">klik</a> <i>tidak ditutup');
    await say(user, '-');
    const toSupervisor = bot.fake.messagesTo(userOf('Bambang Sutrisno').id).at(-1);
    expect(toSupervisor?.text).toContain('</blockquote><a href="http://evil">klik</a> <i>tidak ditutup');
    expect(toSupervisor?.source).toContain('&lt;/blockquote&gt;&lt;a href="http://evil"&gt;');
    await db.prisma.employee.update({ where: { id: rudi.id }, data: { name: 'Rudi Hartono' } });
  });

  it('answers a 10,000-character text with the limit and asks again, keeping earlier answers', async () => {
    const user = userOf('Muhammad Rizal');
    await say(user, '/kendala');
    const answer = await say(user, 'x'.repeat(10_000));
    expect(answer).toMatch(/Jawaban terlalu panjang \(10\.000 karakter\)\. Batasnya 2\.000 karakter/);
    expect(answer).toMatch(/Ceritakan kendalanya/);
    await say(user, '/batal');
  });

  it('refuses forged or unknown button data and someone else’s button', async () => {
    const user = userOf('Dewi Anggraini');
    const update = bot.fake.pressButton(user, 1, 'forged-data-not-a-token', { forge: true });
    await bot.settle(update.update_id);
    expect(bot.fake.messagesTo(user.id).at(-1)?.text).toMatch(/Tombol ini tidak dikenal atau sudah kedaluwarsa/);

    const token = await db.prisma.actionToken.findFirstOrThrow({ where: { employee: { name: 'Sri Wahyuni' } } });
    const stolen = bot.fake.pressButton(user, 1, token.token, { forge: true });
    await bot.settle(stolen.update_id);
    expect(bot.fake.messagesTo(user.id).at(-1)?.text).toMatch(/Tombol ini ditujukan untuk orang lain/);
  });

  it('refuses an employee setting expectations for a colleague, and audits it', async () => {
    const user = userOf('Ratna Sari Dewi');
    expect(await say(user, '/ekspektasi Andi Pratama')).toMatch(/Tidak bisa: Anda bukan Pejabat Penilai Kinerja/);
    expect(await say(user, '/ekspektasi')).toMatch(/Anda tidak memiliki bawahan langsung/);
    const ratna = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Ratna Sari Dewi' } });
    const audits = await db.prisma.auditLog.findMany({ where: { actorId: ratna.id, action: 'access.denied' } });
    expect(audits.map((a) => (a.details as { attempted: string }).attempted)).toEqual(['SET_EXPECTATIONS', 'SET_EXPECTATIONS']);
  });

  it('handles the same update delivered twice only once', async () => {
    const user = userOf('Fitri Handayani');
    const update = bot.fake.sendText(user, '/saya');
    await bot.settle(update.update_id);
    const before = bot.fake.messagesTo(user.id).length;
    bot.fake.queueRawUpdate(update);
    await bot.fake.waitForCall('getUpdates');
    await bot.fake.waitForCall('getUpdates');
    await settleUpdate(db, update.update_id);
    expect(bot.fake.messagesTo(user.id).length).toBe(before);
  });

  it('stays silent in group chats', async () => {
    const group = makeGroup(-100123, 'Grup Bidang');
    const user = userOf('Hendra Gunawan');
    const update = bot.fake.sendGroupText(user, group, '/saya');
    await bot.fake.waitForCall('getUpdates');
    await bot.fake.waitForCall('getUpdates');
    expect(bot.fake.messagesTo(group.id)).toHaveLength(0);
    expect(await db.prisma.processedUpdate.count({ where: { updateKey: String(update.update_id) } })).toBe(0);
  });

  it('marks a person unreachable when they blocked the bot, and does not retry', async () => {
    const hendra = userOf('Hendra Gunawan');
    bot.fake.blockBot(userOf('Bambang Sutrisno').id, { notify: false });
    bot.fake.blockBot(hendra.id, { notify: false });
    bot.fake.unblockBot(hendra.id, { notify: false });
    const bambang = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } });
    await say(userOf('Rudi Hartono'), '/mintaumpanbalik');
    await say(userOf('Rudi Hartono'), 'Umum (tidak terkait RHK tertentu)');
    await say(userOf('Rudi Hartono'), 'Bagaimana kinerja saya bulan ini?');
    const identity = await db.prisma.chatIdentity.findFirstOrThrow({ where: { employeeId: bambang.id } });
    expect(identity).toMatchObject({ reachable: false, unreachableReason: 'Forbidden: bot was blocked by the user' });
    const failed = await db.prisma.outboundMessage.findFirstOrThrow({ where: { identityId: identity.id }, orderBy: { createdAt: 'desc' } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
  });
});
