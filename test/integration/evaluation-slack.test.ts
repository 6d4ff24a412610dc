/** The evaluation cycle end to end on Slack: the real Bolt app against the fake Slack Web API. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { playEvaluationCycle, seedUnitOfFive, type Clock } from '../support/evaluation-scenario.js';
import { readSlack, startSlackBot, TEAM, type SlackBot } from '../support/slack-driver.js';
import { pdfText } from '../support/pdf.js';
import { evidenceLinksIn, xlsxCells } from '../support/xlsx.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
let slack: SlackBot;
beforeAll(async () => {
  await seedUnitOfFive(db, 2026);
  slack = await startSlackBot(db, { now: () => clock.now });
});
afterAll(() => slack.stop());

describe('evaluation cycle on Slack', () => {
  it('evaluates a unit of five, explains and fixes a curve violation, and decides an objection', async () => {
    await playEvaluationCycle(slack.driver, db, clock);
  });

  it('uploads each employee’s Dokumen Evaluasi Kinerja Pegawai to their DM once the result reaches them', async () => {
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    const name = `dokumen-evaluasi-2026-Q4-${andi.nip}-andi-pratama.pdf`;
    await vi.waitFor(() => expect(slack.fake.uploads.some((file) => file.filename === name)).toBe(true), { timeout: 10_000 });
    const upload = slack.fake.uploads.find((file) => file.filename === name)!;
    expect(upload.channel).toBe(`D${slack.users.get('Andi Pratama')}`);
    expect(pdfText(upload.bytes)).toMatch(/PEGAWAI YANG DINILAI[\s\S]*Andi Pratama[\s\S]*PREDIKAT KINERJA PEGAWAI\s+Sangat Baik/);
  });
});

describe('/kinerja evaluasi as a modal', () => {
  type Page = { blocks: { type: string; block_id?: string; text?: { text: string }; element?: { type: string; options?: { text: { text: string }; value: string }[] } }[]; private_metadata: string };
  const sectionsOf = (page: Page) => page.blocks.filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
  const optionsOf = (page: Page) => page.blocks.find((b) => b.block_id === 'answer')!.element!.options ?? [];

  it('asks period, report, the ratings with the record, notes and feedback page after page, and saves the draft', async () => {
    // 12 January 2027: the annual evaluation of 2026 is open (until 30 January).
    clock.now = new Date('2027-01-12T03:00:00Z');
    const { fake, signer, url, users } = slack;
    const sri = users.get('Sri Wahyuni')!;
    const opens = () => fake.views.filter((v) => v.method === 'views.open');
    const opened = opens().length;
    await signer.slashCommand(url, { text: 'evaluasi', userId: sri, teamId: TEAM, channelId: `D${sri}`, triggerId: 'trigger-evaluasi' });
    await fake.waitFor(() => opens().length > opened);
    const view = opens().at(-1)!;
    let page = view.view as unknown as Page;
    let hash = 0;
    const submit = async (answer: { option?: string; text?: string }) => {
      const option = answer.option ? optionsOf(page).find((o) => o.text.text.includes(answer.option!)) : undefined;
      if (answer.option && !option) throw new Error(`no option "${answer.option}" on the page: ${sectionsOf(page)}`);
      const field = option ? { choice: { type: 'static_select', selected_option: { value: option.value } } } : { text: { type: 'plain_text_input', value: answer.text ?? '' } };
      const response = await signer.viewSubmission(url, {
        userId: sri,
        teamId: TEAM,
        view: { id: view.viewId, callback_id: 'dk-form', hash: `evaluasi-${++hash}`, private_metadata: page.private_metadata, state: { values: { answer: field } } },
      });
      expect(response.status).toBe(200);
      const body = (response.body ? response.json() : {}) as { response_action?: string; view?: Page };
      if (body.view) page = body.view;
      return body.response_action;
    };
    expect(sectionsOf(page)).toMatch(/Evaluasi periode apa\?/);
    expect(await submit({ option: 'Tahun 2026' })).toBe('update');
    expect(sectionsOf(page)).toMatch(/Siapa yang dievaluasi untuk Tahun 2026\? \(0 dari 5/);
    await submit({ option: 'Andi Pratama' });
    expect(sectionsOf(page)).toMatch(/Catatan kinerja Andi Pratama – Tahun 2026[\s\S]*Triwulan IV 2026: Sangat Baik[\s\S]*Rating hasil kerja\?/);
    expect(optionsOf(page).map((o) => o.text.text)).toEqual(['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi']);
    await submit({ option: 'Di Atas Ekspektasi' });
    expect(sectionsOf(page)).toMatch(/Rating perilaku kerja\?/);
    await submit({ option: 'Sesuai Ekspektasi' });
    await submit({ text: 'Target terlampaui.' });
    expect(await submit({ text: '' })).toBe('clear');
    await fake.waitFor(() => /Draf evaluasi Andi Pratama untuk Tahun 2026 tersimpan/.test(fake.messagesTo(`D${sri}`).map(readSlack).join('\n')));
    expect(await db.prisma.evaluation.findFirstOrThrow({ where: { periodKey: '2026', employee: { name: 'Andi Pratama' } } })).toMatchObject({
      kind: 'ANNUAL',
      status: 'DRAFT',
      resultsRating: 'DI_ATAS',
      behaviourRating: 'SESUAI',
      predikat: 'BAIK',
      notes: 'Target terlampaui.',
      feedback: null,
    });
  });
});

describe('App Home during the evaluation', () => {
  it('puts a result waiting for an answer and a keberatan waiting for a decision first', async () => {
    clock.now = new Date('2027-01-12T03:00:00Z');
    const { fake, users, signer, url } = slack;
    const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
    // The Bidang's penetapan in the cycle above sent Fitri and Rizal their results: Fitri has not answered; Rizal objects.
    const [fitri, rizal] = [await person('Fitri Handayani'), await person('Muhammad Rizal')];
    expect(await db.prisma.evaluation.findFirstOrThrow({ where: { employeeId: fitri.id, periodKey: '2026-Q4' } })).toMatchObject({ status: 'FINAL' });
    const objected = await db.prisma.evaluation.update({ where: { employeeId_kind_periodKey_skpPart: { employeeId: rizal.id, kind: 'PERIODIC', periodKey: '2026-Q4', skpPart: '' } }, data: { status: 'OBJECTED' } });
    const hendra = await person('Hendra Gunawan');
    await db.prisma.objection.create({ data: { evaluationId: objected.id, reasons: 'Laporan data triwulan selesai lebih awal.', deciderId: hendra.id } });

    const open = async (name: string, eventId: string) => {
      const user = users.get(name)!;
      await signer.event(url, { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${Date.now() / 1000}` }, { teamId: TEAM, eventId });
      await fake.waitFor(() => fake.homeOf(user) !== undefined);
      return JSON.stringify(fake.homeOf(user));
    };
    const fitriHome = await open('Fitri Handayani', 'EvHOMEFITRI');
    expect(fitriHome).toMatch(/Triwulan IV 2026 – dinilai Bambang Sutrisno – menunggu tanggapan Anda[\s\S]*Terima hasil[\s\S]*Ajukan keberatan[\s\S]*SKP/);
    const hendraHome = await open('Hendra Gunawan', 'EvHOMEHENDRA');
    expect(hendraHome).toMatch(/Muhammad Rizal mengajukan keberatan atas evaluasi Triwulan IV 2026 oleh Bambang Sutrisno[\s\S]*Putuskan/);
  });
});

describe('evidence from the year on Slack', () => {
  it('keeps the evidence attached during the year in the bot’s store and links it from HR’s export, where the link opens it', async () => {
    clock.now = new Date('2026-12-15T03:00:00Z');
    await slack.driver.as('Sri Wahyuni');
    await slack.driver.say('/realisasi');
    await slack.driver.say('1');
    expect(await slack.driver.say('Desain layanan perizinan selesai.')).toMatch(/bukti dukung/i);
    const bytes = Buffer.from('%PDF-1.7 desain layanan perizinan\n'.repeat(300));
    const file = slack.fake.shareFile({ name: 'desain-layanan-perizinan.pdf', mimetype: 'application/pdf', bytes });
    const user = slack.users.get('Sri Wahyuni')!;
    const response = await slack.signer.event(slack.url, { type: 'message', subtype: 'file_share', channel: `D${user}`, channel_type: 'im', user, text: '', files: [file], ts: `${Date.now() / 1000}`, event_ts: `${Date.now() / 1000}` }, { teamId: TEAM, eventId: 'EvYEAREVIDENCE' });
    expect(response.status).toBe(200);
    await slack.settle('event:EvYEAREVIDENCE');
    await vi.waitFor(async () => expect((await db.prisma.evidence.findFirstOrThrow({ where: { externalFileId: file.id } })).storageStatus).toBe('STORED'), { timeout: 15_000 });
    const hr = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.hrRole.create({ data: { employeeId: hr.id, agencyId: hr.agencyId } });
    await slack.driver.as('Dewi Anggraini');
    await slack.driver.say('/ekspor');
    await slack.driver.press('3');
    await slack.driver.press('Triwulan IV 2026');
    await slack.driver.press('1');
    const upload = slack.fake.uploads.find((u) => u.filename.startsWith('ekspor-seksi-pengembangan-aplikasi'));
    const link = evidenceLinksIn(await xlsxCells(upload!.bytes)).find((line) => line.includes('/lampiran/'));
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
