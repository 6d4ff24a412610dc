/**
 * Slack end to end: the real Bolt app inside the bot, driven by signed requests, against a fake
 * Slack Web API. A supervisor and an employee play every flow (the same scenario as on the console
 * and Telegram, with the same results in the database); forged, stale and malformed requests change
 * nothing; a retried event is handled once; what people type cannot mention @channel or link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLinkCodes } from '../../src/linking/link-codes.js';
import { useTestDatabase } from '../support/database.js';
import { playEveryFlow } from '../support/scenario.js';
import { readSlack, startSlackBot, TEAM, type SlackBot } from '../support/slack-driver.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const db = await useTestDatabase();
let slack: SlackBot;
beforeAll(async () => {
  slack = await startSlackBot(db, { now: () => NOW });
});
afterAll(async () => {
  await slack.stop();
});

const counts = async () => ({
  processed: await db.prisma.processedUpdate.count(),
  outbox: await db.prisma.outboundMessage.count(),
  identities: await db.prisma.chatIdentity.count(),
});

describe('Slack', () => {
  it('links people by their profile e-mail and plays every flow to the end', async () => {
    await playEveryFlow(slack.driver, db);
    const identities = await db.prisma.chatIdentity.findMany({ where: { platform: 'SLACK' }, include: { employee: true } });
    expect(identities.map((i) => [i.employee.name, i.workspace])).toEqual(
      expect.arrayContaining([
        ['Sri Wahyuni', TEAM],
        ['Andi Pratama', TEAM],
      ]),
    );
  }, 120_000);

  it('refuses forged, stale and malformed requests and changes nothing', async () => {
    const before = await counts();
    const user = slack.users.get('Andi Pratama')!;
    const command = { text: 'saya', userId: user, teamId: TEAM, channelId: `D${user}` };
    expect((await slack.signer.slashCommand(slack.url, command, { badSignature: true })).status).toBe(401);
    expect((await slack.signer.slashCommand(slack.url, command, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    const malformed = await slack.signer.event(slack.url, {}, { teamId: TEAM }, { rawBody: '{"type":"event_callback","event":' });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await counts()).toEqual(before);
  });

  it('handles an event Slack retries once', async () => {
    const user = slack.users.get('Andi Pratama')!;
    const event = { type: 'message', channel: `D${user}`, channel_type: 'im', user, text: '/bukan', ts: '1700000100.000100' };
    const before = slack.fake.messagesTo(`D${user}`).length;
    await slack.signer.event(slack.url, event, { teamId: TEAM, eventId: 'EvRETRIED1' });
    await slack.settle('event:EvRETRIED1');
    const answered = slack.fake.messagesTo(`D${user}`).length;
    expect(answered).toBeGreaterThan(before);
    const retry = await slack.signer.event(slack.url, event, { teamId: TEAM, eventId: 'EvRETRIED1', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.fake.messagesTo(`D${user}`).length).toBe(answered);
    expect(await db.prisma.processedUpdate.count({ where: { updateKey: 'event:EvRETRIED1' } })).toBe(1);
  });

  it('answers a message event once it is stored, and 500 when it cannot be, so Slack sends it again', async () => {
    const user = slack.users.get('Andi Pratama')!;
    const event = { type: 'message', channel: `D${user}`, channel_type: 'im', user, text: '/bantuan', ts: '1700000200.000100' };
    const answered = await slack.signer.event(slack.url, event, { teamId: TEAM, eventId: 'EvSTORED1' });
    expect(answered.status).toBe(200);
    // Answered means stored: the row is there the moment Slack has its 200.
    expect(await db.prisma.processedUpdate.count({ where: { updateKey: 'event:EvSTORED1' } })).toBe(1);
    await slack.settle('event:EvSTORED1');

    const before = slack.fake.messagesTo(`D${user}`).length;
    const second = { ...event, ts: '1700000201.000100' };
    await db.prisma.$executeRawUnsafe('ALTER TABLE "ProcessedUpdate" RENAME TO "ProcessedUpdateAway"');
    let refused;
    try {
      refused = await slack.signer.event(slack.url, second, { teamId: TEAM, eventId: 'EvSTORED2' });
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "ProcessedUpdateAway" RENAME TO "ProcessedUpdate"');
    }
    expect(refused.status).toBe(500);
    const retried = await slack.signer.event(slack.url, second, { teamId: TEAM, eventId: 'EvSTORED2', retryNum: 1, retryReason: 'http_error' });
    expect(retried.status).toBe(200);
    await slack.settle('event:EvSTORED2');
    expect(slack.fake.messagesTo(`D${user}`).length).toBe(before + 1);
  });

  it('answers a slash command once it is stored, and asks to send it again when it cannot be', async () => {
    const user = slack.users.get('Andi Pratama')!;
    const command = { text: 'saya', userId: user, teamId: TEAM, channelId: `D${user}` };
    const before = slack.fake.messagesTo(`D${user}`).length;
    await db.prisma.$executeRawUnsafe('ALTER TABLE "ProcessedUpdate" RENAME TO "ProcessedUpdateAway"');
    let refused;
    try {
      refused = await slack.signer.slashCommand(slack.url, command);
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "ProcessedUpdateAway" RENAME TO "ProcessedUpdate"');
    }
    expect(refused.status).toBe(200);
    expect(refused.json()).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/belum dapat disimpan.*kirim lagi/) });
    const answered = await slack.signer.slashCommand(slack.url, command);
    expect(answered.status).toBe(200);
    await slack.fake.waitFor(() => slack.fake.messagesTo(`D${user}`).length > before);
    // Only the command sent again was answered.
    await slack.settle('command:');
    expect(slack.fake.messagesTo(`D${user}`).length).toBe(before + 1);
  });

  it('escapes what people type: no @channel, no user mention, no link, no formatting', async () => {
    const { driver, fake, users } = slack;
    await driver.as('Andi Pratama');
    await driver.say('/mintaumpanbalik');
    await driver.say('1');
    await driver.say('Tolong cek <!channel> <@U1000> *tebal* <https://jahat.example|klik di sini> & selesai');
    const supervisorDm = `D${users.get('Sri Wahyuni')!}`;
    const sent = fake.messagesTo(supervisorDm).at(-1)!;
    const raw = JSON.stringify(sent.blocks);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<@U1000>');
    expect(raw).not.toContain('<https://');
    expect(raw).toContain('&lt;!channel&gt;');
    expect(raw).toContain('\\u200b*\\u200btebal\\u200b*\\u200b'.replace(/\\u200b/g, '\u200b'));
    expect(readSlack(sent)).toContain('<!channel> <@U1000> *tebal* <https://jahat.example|klik di sini> & selesai');
  });

  it('names the bot’s commands the Slack way but never rewrites a person’s "/batal", and strips forged command marks', async () => {
    const { driver, fake, users } = slack;
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    const rhks = await db.prisma.resultExpectation.findMany({ where: { plan: { employeeId: andi.id } }, select: { id: true, text: true } });
    // An RHK a supervisor typed with a command-like word in it, shown inside the bot's own sentence.
    await db.prisma.resultExpectation.updateMany({ where: { id: { in: rhks.map((r) => r.id) } }, data: { text: 'Tersusunnya SOP /batal dan /tim layanan' } });
    try {
      await driver.as('Andi Pratama');
      await driver.say('/mintaumpanbalik');
      await driver.say('1');
      // U+E000 name U+E001 is how the bot's texts mark a command: typed by a person it is stripped.
      await driver.say('Mohon cek \uE000batal\uE001 ini');
      const sent = fake.messagesTo(`D${users.get('Sri Wahyuni')!}`).at(-1)!;
      const shown = readSlack(sent);
      expect(shown).toContain('Tersusunnya SOP /batal dan /tim layanan');
      expect(shown).not.toContain('/kinerja batal');
      expect(shown).toContain('Mohon cek batal ini');
      expect(JSON.stringify(sent)).not.toMatch(/[\uE000\uE001]/);
      // The bot's own mention of a command, in the same conversation: a subcommand of /kinerja.
      expect(await driver.say('xyzzy')).toContain('Ketik /kinerja bantuan untuk melihat perintah');
    } finally {
      for (const rhk of rhks) await db.prisma.resultExpectation.update({ where: { id: rhk.id }, data: { text: rhk.text } });
    }
  });

  it('tells someone without a matching e-mail how to link, and links them with an HR code', async () => {
    slack.fake.addUser({ id: 'U9999', name: 'tamu', realName: 'Tamu', teamId: TEAM, email: 'tidak.dikenal@contoh.go.id' });
    const reply = await slack.signer.slashCommand(slack.url, { text: 'saya', userId: 'U9999', teamId: TEAM, channelId: 'DU9999', triggerId: 'trigger-guest' });
    expect(reply.status).toBe(200);
    await slack.settle('command:trigger-guest');
    expect(readSlack(slack.fake.messagesTo('DU9999').at(-1)!)).toMatch(/kode/i);
    expect(await db.prisma.chatIdentity.count({ where: { externalUserId: 'U9999' } })).toBe(0);

    // HR issues a code for someone with no Slack account yet; the guest redeems it.
    const hendra = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Hendra Gunawan' } });
    await db.prisma.chatIdentity.deleteMany({ where: { employeeId: hendra.id } });
    const issued = await issueLinkCodes(db.prisma, { agencyId: hendra.agencyId, ttlDays: 14, now: NOW });
    const code = issued.codes.find((c) => c.name === 'Hendra Gunawan')!.code;
    await slack.signer.slashCommand(slack.url, { text: `hubungkan ${code}`, userId: 'U9999', teamId: TEAM, channelId: 'DU9999', triggerId: 'trigger-code' });
    await slack.settle('command:trigger-code');
    expect(readSlack(slack.fake.messagesTo('DU9999').at(-1)!)).toMatch(/Terhubung\. Selamat datang, Hendra Gunawan!/);
    expect(await db.prisma.chatIdentity.findFirstOrThrow({ where: { externalUserId: 'U9999' } })).toMatchObject({ employeeId: hendra.id, workspace: TEAM, platform: 'SLACK' });
  });
});

describe('Slack App Home and menu', () => {
  it('shows the personal dashboard when opened and keeps it fresh when something changes', async () => {
    const { fake, users, signer, url, driver } = slack;
    const sri = users.get('Sri Wahyuni')!;
    await signer.event(url, { type: 'app_home_opened', user: sri, channel: `D${sri}`, tab: 'home', event_ts: '1700000300.000100' }, { teamId: TEAM, eventId: 'EvHOME1' });
    await fake.waitFor(() => fake.homeOf(sri) !== undefined);
    const home = () => JSON.stringify(fake.homeOf(sri));
    expect(home()).toContain('Dialog Kinerja – Sri Wahyuni');
    expect(home()).toContain('Tim Anda – SKP 2026');
    expect(home()).toMatch(/Andi Pratama[\s\S]*Kendala terbuka: 0/);
    const published = fake.calls.filter((c) => c.method === 'views.publish').length;

    await driver.as('Andi Pratama');
    await driver.say('/kendala');
    await driver.say('1');
    await driver.say('Printer ruang uji rusak.');
    await driver.say('-');
    await fake.waitFor(() => /Kendala terbuka: 1/.test(home()), 5_000);
    // One refresh for the burst of messages, not one per message.
    expect(fake.calls.filter((c) => c.method === 'views.publish').length - published).toBeLessThanOrEqual(2);
  });

  it('answers a bare /kinerja with the commands and buttons that start conversations', async () => {
    const { driver } = slack;
    await driver.as('Sri Wahyuni');
    const user = slack.users.get('Sri Wahyuni')!;
    const before = slack.fake.messagesTo(`D${user}`).length;
    const response = await slack.signer.slashCommand(slack.url, { text: '', userId: user, teamId: TEAM, channelId: `D${user}`, triggerId: 'trigger-menu' });
    expect(response.status).toBe(200);
    await slack.settle('command:trigger-menu');
    const menu = slack.fake.messagesTo(`D${user}`).slice(before).at(-1)!;
    expect(readSlack(menu)).toMatch(/\/kinerja realisasi/);
    const labels = JSON.stringify(menu.blocks);
    for (const label of ['Tetapkan ekspektasi', 'Beri umpan balik', 'Catat realisasi', 'Laporkan kendala']) expect(labels).toContain(label);
    expect(await driver.press('Beri umpan balik')).toMatch(/Umpan balik untuk siapa\?/);
    await driver.say('/batal');
  });
});

describe('Slack forms as modals', () => {
  type Page = { blocks: { type: string; block_id?: string; text?: { text: string }; element?: { type: string; options?: { text: { text: string }; value: string }[] } }[]; private_metadata: string };
  const sectionsOf = (page: Page) => page.blocks.filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
  const optionsOf = (page: Page) => page.blocks.find((b) => b.block_id === 'answer')!.element!.options ?? [];
  let pages = 0;
  // Modals opened so far (App Home publishes are views too, and may land at any moment).
  const opens = () => slack.fake.views.filter((v) => v.method === 'views.open');
  async function submit(userId: string, viewId: string, page: Page, answer: { option?: string; text?: string }) {
    const option = answer.option ? optionsOf(page).find((o) => o.text.text.includes(answer.option!)) : undefined;
    if (answer.option && !option) throw new Error(`no option "${answer.option}" on the page: ${sectionsOf(page)}`);
    const field = option ? { choice: { type: 'static_select', selected_option: { value: option.value } } } : { text: { type: 'plain_text_input', value: answer.text ?? '' } };
    const response = await slack.signer.viewSubmission(slack.url, {
      userId,
      teamId: TEAM,
      view: { id: viewId, callback_id: 'dk-form', hash: `page-${++pages}`, private_metadata: page.private_metadata, state: { values: { answer: field } } },
    });
    expect(response.status).toBe(200);
    return (response.body ? response.json() : {}) as { response_action?: string; view?: Page; errors?: Record<string, string> };
  }

  it('gives feedback in a modal: only direct reports to pick, a refused answer shown by the field, the outcome in the DMs', async () => {
    const { fake, signer, url, users } = slack;
    const sri = users.get('Sri Wahyuni')!;
    const andi = users.get('Andi Pratama')!;
    const opened = opens().length;
    await signer.slashCommand(url, { text: 'umpanbalik', userId: sri, teamId: TEAM, channelId: `D${sri}`, triggerId: 'trigger-form' });
    await fake.waitFor(() => opens().length > opened);
    const open = opens().at(-1)!;
    expect(open.method).toBe('views.open');
    let page = open.view as unknown as Page;
    expect(sectionsOf(page)).toMatch(/Umpan balik untuk siapa\?/);
    const reports = await db.prisma.employee.findMany({ where: { supervisor: { name: 'Sri Wahyuni' } }, select: { name: true } });
    expect(optionsOf(page).map((o) => o.text.text).sort()).toEqual(reports.map((r) => r.name).sort());

    let answer = await submit(sri, open.viewId, page, { option: 'Andi Pratama' });
    expect(answer.response_action).toBe('update');
    page = answer.view!;
    expect(sectionsOf(page)).toMatch(/Tentang apa umpan balik untuk Andi Pratama\?/);
    expect(optionsOf(page)[0]!.text.text).toMatch(/^1\. \S/);
    answer = await submit(sri, open.viewId, page, { option: '1.' });
    answer = await submit(sri, open.viewId, answer.view!, { option: 'Saran perbaikan' });
    page = answer.view!;
    expect(page.blocks.find((b) => b.block_id === 'answer')!.element!.type).toBe('plain_text_input');

    const refused = await submit(sri, open.viewId, page, { text: 'x'.repeat(2001) });
    expect(refused.response_action).toBe('errors');
    expect(refused.errors!['answer']).toMatch(/terlalu panjang/);
    const before = fake.messagesTo(`D${andi}`).length;
    const done = await submit(sri, open.viewId, page, { text: 'Lampirkan tangkapan layar pada setiap laporan uji.' });
    expect(done.response_action).toBe('clear');
    // Both DMs are delivered by the queue, each at its own pace.
    await fake.waitFor(() => fake.messagesTo(`D${andi}`).length > before);
    expect(readSlack(fake.messagesTo(`D${andi}`).at(-1)!)).toMatch(/Saran perbaikan dari Sri Wahyuni[\s\S]*tangkapan layar/);
    await fake.waitFor(() => /Umpan balik terkirim kepada Andi Pratama/.test(readSlack(fake.messagesTo(`D${sri}`).at(-1)!)));
    expect(await db.prisma.feedback.count({ where: { text: 'Lampirkan tangkapan layar pada setiap laporan uji.' } })).toBe(1);
  });

  /** Opens a form with `/kinerja command` as `userId` and answers page after page; returns what each page did. */
  async function form(userId: string, command: string, answers: { option?: string; text?: string }[]) {
    const { fake, signer, url } = slack;
    const opened = opens().length;
    await signer.slashCommand(url, { text: command, userId, teamId: TEAM, channelId: `D${userId}`, triggerId: `trigger-${command}-${opened}` });
    await fake.waitFor(() => opens().length > opened);
    const view = opens().at(-1)!;
    let page = view.view as unknown as Page;
    const actions: string[] = [];
    for (const answer of answers) {
      const response = await submit(userId, view.viewId, page, answer);
      actions.push(response.response_action ?? '');
      if (response.view) page = response.view;
    }
    return actions;
  }

  it('sets expectations in a modal, page after page, and the employee gets the plan to agree to', async () => {
    const { fake, users } = slack;
    const ratna = users.get('Ratna Sari Dewi')!;
    const answers = [
      { option: 'Ratna Sari Dewi' },
      { option: 'Utama' },
      { text: 'Tersusunnya laporan evaluasi layanan perizinan triwulanan' },
      { option: 'Kuantitas' },
      { text: 'Jumlah laporan evaluasi yang diterbitkan' },
      { text: '4 laporan' },
      { option: 'Tidak' },
      { option: '1.' },
      { option: 'Tidak' },
      { text: 'Menyelesaikan laporan sebelum tenggat setiap triwulan' },
      ...Array.from({ length: 6 }, () => ({ text: '' })),
      { text: 'Akses data perizinan' },
      { text: 'Laporan triwulanan kepada Kepala Seksi' },
      { text: 'Sesuai ketentuan tunjangan kinerja' },
      { option: 'Kirim' },
    ];
    const actions = await form(users.get('Sri Wahyuni')!, 'ekspektasi', answers);
    expect(actions).toEqual([...Array.from({ length: answers.length - 1 }, () => 'update'), 'clear']);
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { employee: { name: 'Ratna Sari Dewi' } }, include: { resultExpectations: { include: { indicators: true } } } });
    expect(plan).toMatchObject({ status: 'PROPOSED', version: 1 });
    expect(plan.resultExpectations.map((r) => [r.kind, r.text, r.indicators.length])).toEqual([['UTAMA', 'Tersusunnya laporan evaluasi layanan perizinan triwulanan', 1]]);
    await fake.waitFor(() => fake.messagesTo(`D${ratna}`).some((m) => /menetapkan ekspektasi kinerja untuk Anda/.test(readSlack(m))));
    expect(JSON.stringify(fake.messagesTo(`D${ratna}`).at(-1)!.blocks)).toContain('Setuju');
  });

  it('reports an obstacle and logs progress with a link as evidence in modals', async () => {
    const andi = slack.users.get('Andi Pratama')!;
    const andiId = (await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } })).id;
    const form_ = (command: string, answers: { option?: string; text?: string }[]) => form(andi, command, answers);
    expect(await form_('kendala', [{ option: '1.' }, { text: 'Data uji belum tersedia dari dinas teknis.' }, { text: '' }])).toEqual(['update', 'update', 'clear']);
    expect(await db.prisma.obstacle.findFirstOrThrow({ where: { employeeId: andiId, text: 'Data uji belum tersedia dari dinas teknis.' } })).toMatchObject({ supportNeeded: null, status: 'OPEN' });
    expect(await form_('realisasi', [{ option: '1.' }, { text: 'Modul pelaporan selesai diuji.' }, { text: 'https://drive.contoh.go.id/bukti/pelaporan.pdf' }])).toEqual(['update', 'update', 'clear']);
    const progress = await db.prisma.progressEntry.findFirstOrThrow({ where: { employeeId: andiId, text: 'Modul pelaporan selesai diuji.' }, include: { evidence: true } });
    expect(progress.evidence).toEqual([expect.objectContaining({ url: 'https://drive.contoh.go.id/bukti/pelaporan.pdf' })]);
  });

  it('ends the conversation when the modal is closed', async () => {
    const { fake, signer, url, users } = slack;
    const sri = users.get('Sri Wahyuni')!;
    const opened = opens().length;
    await signer.slashCommand(url, { text: 'umpanbalik', userId: sri, teamId: TEAM, channelId: `D${sri}`, triggerId: 'trigger-form-2' });
    await fake.waitFor(() => opens().length > opened);
    const sriId = (await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } })).id;
    expect(await db.prisma.conversationSession.count({ where: { employeeId: sriId } })).toBe(1);
    const view = opens().at(-1)!;
    await signer.viewClosed(url, { userId: sri, teamId: TEAM, view: { id: view.viewId, callback_id: 'dk-form', private_metadata: (view.view as { private_metadata: string }).private_metadata } });
    await slack.settle(`view-closed:${view.viewId}`);
    expect(await db.prisma.conversationSession.count({ where: { employeeId: sriId } })).toBe(0);
  });
});

describe('Slack HR digest', () => {
  it('registers a channel for the weekly digest and posts the digest there with its chart uploaded', async () => {
    const { fake, signer, url, users } = slack;
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Ratna Sari Dewi' } });
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    const user = users.get('Ratna Sari Dewi')!;
    const register = await signer.slashCommand(url, { text: 'daftarlaporan', userId: user, teamId: TEAM, channelId: 'C0HRKINERJA', triggerId: 'trigger-register' });
    expect(register.status).toBe(200);
    await slack.settle('command:trigger-register');
    expect(await db.prisma.reportDestination.findFirstOrThrow({ where: { platform: 'SLACK', chatId: 'C0HRKINERJA' } })).toMatchObject({ workspace: TEAM });
    expect(readSlack(fake.messagesTo('C0HRKINERJA').at(-1)!)).toMatch(/ringkasan mingguan/i);

    await signer.slashCommand(url, { text: 'laporan', userId: user, teamId: TEAM, channelId: 'C0HRKINERJA', triggerId: 'trigger-report' });
    await slack.settle('command:trigger-report');
    await fake.waitFor(() => fake.uploads.some((u) => u.channel === 'C0HRKINERJA'), 10_000);
    const chart = fake.uploads.find((u) => u.channel === 'C0HRKINERJA')!;
    expect(chart.filename).toMatch(/\.png$/);
    expect(chart.bytes.subarray(1, 4).toString()).toBe('PNG');
    await fake.waitFor(() => /Ringkasan mingguan Dialog Kinerja/.test(readSlack(fake.messagesTo('C0HRKINERJA').at(-1)!)));
  });
});

describe('Slack delivery', () => {
  it('waits as long as Slack asks after a 429, then sends; a gone chat marks the account unreachable', async () => {
    const { driver, fake, users } = slack;
    await driver.as('Ratna Sari Dewi');
    await driver.say('halo');
    const ratnaDm = `D${users.get('Ratna Sari Dewi')!}`;
    const before = fake.messagesTo(ratnaDm).length;
    fake.failNext('chat.postMessage', { rateLimited: 1 });
    const started = Date.now();
    await driver.say('/saya');
    await fake.waitFor(() => fake.messagesTo(ratnaDm).length > before, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(readSlack(fake.messagesTo(ratnaDm).at(-1)!)).toMatch(/NIP/);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params['channel'] === ratnaDm).length).toBe(before + 2);

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const ratna = users.get('Ratna Sari Dewi')!;
    await slack.signer.slashCommand(slack.url, { text: 'saya', userId: ratna, teamId: TEAM, channelId: `D${ratna}`, triggerId: 'trigger-gone' });
    await slack.settle('command:trigger-gone');
    const failed = await db.prisma.outboundMessage.findFirstOrThrow({ where: { platform: 'SLACK', status: 'FAILED' } });
    expect(failed.lastError).toBe('Slack: channel_not_found');
    expect(await db.prisma.chatIdentity.findFirstOrThrow({ where: { externalUserId: ratna } })).toMatchObject({ reachable: false });
  });
});

describe('Slack Socket Mode', () => {
  it('creates the Socket Mode receiver and hands its events to the same pipeline', async () => {
    const { SlackChannel } = await import('../../src/channels/slack/slack-channel.js');
    const { SocketModeReceiver } = await import('@slack/bolt');
    const { pino } = await import('pino');
    const channel = new SlackChannel(
      { botToken: slack.fake.token, signingSecret: 'unused', appToken: 'xapp-1-test', apiUrl: slack.fake.apiUrl },
      slack.app.http,
      pino({ level: 'silent' }),
    );
    expect(channel.receiver).toBeInstanceOf(SocketModeReceiver);
    const received: unknown[] = [];
    channel.attach(async (event) => {
      received.push(event);
      return { clearButtons: false };
    });
    const user = slack.users.get('Andi Pratama')!;
    let acked = false;
    // What the Socket Mode client emits for an event arriving over the WebSocket.
    (channel.receiver as InstanceType<typeof SocketModeReceiver>).client.emit('slack_event', {
      ack: async () => void (acked = true),
      envelope_id: 'env-1',
      type: 'events_api',
      body: {
        type: 'event_callback',
        team_id: TEAM,
        event_id: 'EvSOCKET1',
        api_app_id: 'AFAKEAPP',
        event: { type: 'message', channel: `D${user}`, channel_type: 'im', user, text: 'halo dari socket', ts: '1700000200.000100' },
        authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true }],
      },
      retry_num: undefined,
      retry_reason: undefined,
    });
    await slack.fake.waitFor(() => received.length === 1);
    expect(acked).toBe(true);
    expect(received[0]).toMatchObject({ platform: 'SLACK', workspace: TEAM, updateKey: 'event:EvSOCKET1', chat: { id: `D${user}`, private: true }, message: { type: 'text', text: 'halo dari socket' } });
  });
});
