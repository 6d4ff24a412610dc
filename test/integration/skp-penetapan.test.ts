/**
 * Decisions of officials outside the bot, over PostgreSQL through the console. The penetapan of an
 * SKP: the head of the agency submits a revision with /susunskp; HR records the Gubernur's
 * penetapan with /tetapkanskp (document number and date, audited as recorded for the Gubernur), or
 * at the CLI with `skp establish`; never for someone whose PPK is in the bot. A keberatan whose
 * Atasan PPK is the Gubernur: filed, sent to HR, and decided as HR records it with the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { consoleDriver } from '../support/drivers.js';
import { useTestDatabase } from '../support/database.js';
import { hrCli, importRealAgency, type Clock } from '../support/real-agency.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
const BUDI = '197203151998031004';
const SITI = '197708222003122002';
let bot: ConsoleSession;

beforeAll(async () => {
  await importRealAgency(db, clock);
  await hrCli(db, clock, 'hr', 'add', SITI);
  // What the CLI queues (the employee told of a recorded penetapan) goes out on the next upkeep round.
  bot = await startConsoleBot(db.url, { now: () => clock.now, env: { DEMO_ORGANISATION: 'off', MAINTENANCE_INTERVAL_SECONDS: '1' } });
});
afterAll(() => bot?.stop());

/** The head drafts a revision of the imported SKP: one RHK, no leader's RHK (the PPK is the Gubernur). */
async function headSubmitsRevision(): Promise<string> {
  await bot.type('/as Budi');
  expect(await bot.type('/susunskp')).toMatch(/SKP Anda versi \d+ sudah ditetapkan\. Susun revisi/);
  expect(await bot.type('ya')).toMatch(/RHK ke-1 untuk Ir\. Budi Santoso M\.T\.: utama atau tambahan\?/);
  await bot.type('Utama');
  expect(await bot.type('Meningkatnya penerapan SPBE provinsi')).toMatch(/Perspektif RHK ini \(sesuai Perjanjian Kinerja\)\?/);
  await bot.type('Proses Bisnis');
  await bot.type('Kualitas');
  await bot.type('Indeks SPBE Pemerintah Provinsi');
  await bot.type('3,6 indeks');
  // No question about a leader's RHK: the next is whether to add another RHK.
  expect(await bot.type('tidak')).toMatch(/Tambah RHK lain\?/);
  await bot.type('tidak');
  for (let i = 0; i < 7; i++) await bot.type('-');
  await bot.type('Anggaran SPBE dan tim teknis');
  await bot.type('Laporan triwulanan kepada Gubernur');
  await bot.type('Sesuai Perjanjian Kinerja');
  return bot.type('Ajukan');
}

describe('an SKP whose PPK is outside the bot', () => {
  it('is submitted by the head and recorded by HR in chat with the document number and date', async () => {
    expect(await headSubmitsRevision()).toMatch(/diajukan\. Pejabat Penilai Kinerja Anda \(Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh\) berada di luar Dialog Kinerja/);
    await bot.type('/as Siti');
    expect(await bot.type('/tetapkanskp')).toMatch(/SKP mana yang penetapannya Anda catat\?[\s\S]*Ir\. Budi Santoso M\.T\. – SKP 2026 v2 \(Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh\)/);
    expect(await bot.type('1')).toMatch(/Nomor dokumen penetapan oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh/);
    await bot.type('800.1.3/044/2026');
    expect(await bot.type('2026-11-26')).toMatch(/Catat: SKP Ir\. Budi Santoso M\.T\. ditetapkan oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh, nomor 800\.1\.3\/044\/2026, tanggal 2026-11-26\?/);
    expect(await bot.type('ya')).toMatch(/Penetapan SKP Ir\. Budi Santoso M\.T\. oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh dicatat/);
    const budi = await db.prisma.employee.findUniqueOrThrow({ where: { nip: BUDI } });
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { employeeId: budi.id, version: 2 } });
    expect(plan).toMatchObject({ status: 'AGREED', documentNumber: '800.1.3/044/2026', establishedOn: new Date('2026-11-26T00:00:00Z') });
    expect(plan.recordedForOfficialId).toBeTruthy();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.established', entityId: plan.id } });
    expect(audit.details).toMatchObject({ recordedByHrFor: 'Dr. H. Bambang Hartono M.Si., Gubernur Contoh', documentNumber: '800.1.3/044/2026' });
    // The previous version (imported) is superseded; the new one is in force.
    expect(await db.prisma.plan.count({ where: { employeeId: budi.id, supersededAt: null } })).toBe(1);
  });

  it('can be recorded at the CLI too, and HR is told plainly when there is nothing to record', async () => {
    expect(await headSubmitsRevision()).toMatch(/diajukan/);
    expect(await hrCli(db, clock, 'skp', 'establish', '--nip', BUDI, '--number', '800.1.3/051/2026', '--on', '2026-11-27')).toBe('Penetapan SKP Ir. Budi Santoso M.T. oleh Dr. H. Bambang Hartono M.Si., Gubernur Contoh dicatat.');
    await bot.type('/as Siti');
    expect(await bot.type('/tetapkanskp')).toMatch(/Tidak ada SKP yang diajukan dan menunggu penetapan pejabat di luar Dialog Kinerja/);
    // The head is told who decided, and that HR recorded it (at the CLI nobody is named).
    expect(await consoleDriver(bot, db).inbox('Ir. Budi Santoso M.T.')).toMatch(/Penetapan SKP 2026 versi 3 Anda oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh dicatat oleh pengelola kinerja\./);
  });

  it('is never recorded by HR for someone whose PPK is in the bot', async () => {
    await bot.type('/as Agus');
    // Agus's SKP was imported; he drafts a revision that goes to his PPK, the head, in the bot.
    await bot.type('/susunskp');
    await bot.type('ya');
    await bot.type('Utama');
    await bot.type('Terintegrasinya aplikasi layanan');
    await bot.type('Kuantitas');
    await bot.type('Jumlah aplikasi terintegrasi');
    await bot.type('8 aplikasi');
    await bot.type('tidak');
    await bot.type('1');
    await bot.type('tidak');
    for (let i = 0; i < 7; i++) await bot.type('-');
    await bot.type('Server');
    await bot.type('Laporan bulanan');
    await bot.type('Sesuai ketentuan');
    expect(await bot.type('Ajukan')).toMatch(/diajukan kepada Ir\. Budi Santoso M\.T\. untuk ditetapkan/);
    const out: string[] = [];
    const { createCliContext } = await import('../../src/cli/context.js');
    const { runCli } = await import('../../src/cli/main.js');
    const { parseConfig } = await import('../../src/config/load.js');
    const context = createCliContext(parseConfig({ DATABASE_URL: db.url }), { out: (line) => out.push(line), err: (line) => out.push(line), interactive: false });
    context.now = () => clock.now;
    const code = await runCli(['skp', 'establish', '--nip', '198001102005011003', '--number', '1', '--on', '2026-11-27'], context).finally(() => context.close());
    expect({ code, out: out.join('\n') }).toEqual({ code: 1, out: expect.stringMatching(/Pejabat Penilai Kinerja pegawai ini \(Ir\. Budi Santoso M\.T\.\) ada di Dialog Kinerja/) });
  });
});

describe('a keberatan whose Atasan PPK is outside the bot', () => {
  it('is filed, reaches HR, and is decided when HR records the Gubernur’s decision with its document', async () => {
    const agus = await db.prisma.employee.findUniqueOrThrow({ where: { nip: '198001102005011003' } });
    const budi = await db.prisma.employee.findUniqueOrThrow({ where: { nip: BUDI } });
    const at = new Date('2026-11-25T03:00:00Z');
    await db.prisma.evaluation.create({
      data: { employeeId: agus.id, raterId: budi.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q3', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'FINAL', finalizedAt: at, deliveredAt: at },
    });
    const driver = consoleDriver(bot, db);
    await driver.as('Agus Setiawan S.Kom.');
    expect(await driver.say('/hasil')).toMatch(/Triwulan III 2026 – dinilai Ir\. Budi Santoso M\.T\./);
    await driver.press('Ajukan keberatan');
    await driver.say('Capaian integrasi aplikasi melampaui target triwulan.');
    expect(await driver.say('ya')).toMatch(/tercatat untuk diputuskan oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh \(Atasan Pejabat Penilai Kinerja, di luar Dialog Kinerja\)/);

    await driver.as('Siti Rahmawati S.E. M.Si.');
    expect(await driver.inbox('Siti Rahmawati S.E. M.Si.')).toMatch(/Keberatan Agus Setiawan S\.Kom\. atas penilaian Ir\. Budi Santoso M\.T\. \(Triwulan III 2026\) diputuskan oleh Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh/);
    // The Gubernur decides on the PPK's explanation (PP 30/2019 Pasal 59): HR gathers it first.
    expect(await driver.press('Putuskan')).toMatch(/Keputusan menunggu penjelasan Ir\. Budi Santoso M\.T\./);
    expect(await driver.press('Minta penjelasan penilai')).toMatch(/Permintaan penjelasan dikirim kepada Ir\. Budi Santoso M\.T\./);
    await driver.as('Ir. Budi Santoso M.T.');
    await driver.press('Beri penjelasan');
    await driver.say('Integrasi dinilai per triwulan; modul tambahan masuk triwulan berikutnya.');
    await driver.as('Siti Rahmawati S.E. M.Si.');
    expect(await driver.inbox('Siti Rahmawati S.E. M.Si.')).toMatch(/Integrasi dinilai per triwulan/);
    await driver.press('Putuskan');
    await driver.say('Ubah hasil');
    await driver.say('Di Atas Ekspektasi');
    await driver.say('Sesuai Ekspektasi');
    expect(await driver.say('Capaian melampaui target, sesuai bukti.')).toMatch(/Nomor dokumen keputusan Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh\?/);
    await driver.say('800.1.3/090/2026');
    expect(await driver.say('2026-11-26')).toMatch(/Keputusan tersimpan/);
    expect(await driver.inbox('Agus Setiawan S.Kom.')).toMatch(/Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh/);
    const objection = await db.prisma.objection.findFirstOrThrow({ include: { decider: true, externalDecider: true } });
    expect(objection).toMatchObject({ status: 'DECIDED', decision: 'CHANGED', documentNumber: '800.1.3/090/2026', decidedOn: new Date('2026-11-26T00:00:00Z'), decider: { nip: SITI }, externalDecider: { title: 'Gubernur Contoh' } });
  });
});

describe('an evaluation by a PPK outside the bot', () => {
  it('is recorded by HR from the signed document, final at once, and reaches the head with the Gubernur’s name and the document', async () => {
    clock.now = new Date('2026-12-28T03:00:00Z');
    const driver = consoleDriver(bot, db);
    await driver.as('Ir. Budi Santoso M.T.'); // linked, so the result reaches him at once
    await driver.as('Agus Setiawan S.Kom.');
    // Nobody else may: a PPK in the bot evaluates with /evaluasi.
    expect(await driver.say('/catatevaluasi')).toMatch(/Hanya Pengelola Kinerja yang dapat melakukan ini\./);
    await driver.as('Siti Rahmawati S.E. M.Si.');
    expect(await driver.say('/catatevaluasi')).toMatch(/Evaluasi siapa yang dicatat\?[\s\S]*Ir\. Budi Santoso M\.T\. – dinilai Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh/);
    expect(await driver.say('1')).toMatch(/Evaluasi periode apa\?/);
    expect(await driver.say('Tahun 2026')).toMatch(/Rating hasil kerja menurut Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\)\?/);
    await driver.say('Di Atas Ekspektasi');
    await driver.say('Sesuai Ekspektasi');
    await driver.say('Perjanjian Kinerja tercapai seluruhnya.');
    await driver.say('-');
    await driver.say('800.1.3/120/2026');
    expect(await driver.say('2026-12-27')).toMatch(/Catat evaluasi Ir\. Budi Santoso M\.T\. untuk Tahun 2026 oleh Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\): predikat Baik, dokumen 800\.1\.3\/120\/2026 tanggal 2026-12-27\?/);
    expect(await driver.say('ya')).toMatch(/Evaluasi Ir\. Budi Santoso M\.T\. untuk Tahun 2026 oleh Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\) tercatat: Baik/);
    const budi = await db.prisma.employee.findUniqueOrThrow({ where: { nip: BUDI } });
    const siti = await db.prisma.employee.findUniqueOrThrow({ where: { nip: SITI } });
    const evaluation = await db.prisma.evaluation.findFirstOrThrow({ where: { employeeId: budi.id, periodKey: '2026' }, include: { recordedForOfficial: true } });
    expect(evaluation).toMatchObject({ status: 'FINAL', raterId: siti.id, predikat: 'BAIK', documentNumber: '800.1.3/120/2026', decidedOn: new Date('2026-12-27T00:00:00Z'), recordedForOfficial: { title: 'Gubernur Contoh' } });
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'evaluation.recorded', entityId: evaluation.id } })).details).toMatchObject({ recordedByHrFor: 'Dr. H. Bambang Hartono M.Si., Gubernur Contoh', documentNumber: '800.1.3/120/2026' });
    expect(await driver.inbox('Ir. Budi Santoso M.T.')).toMatch(
      /Hasil evaluasi kinerja Tahun 2026 dari Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\)\. .*keberatan kepada Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\)[\s\S]*Dicatat oleh Siti Rahmawati S\.E\. M\.Si\. \(pengelola kinerja\) atas nama pejabat tersebut; dokumen nomor 800\.1\.3\/120\/2026 tanggal 27 Des 2026/,
    );
    await driver.as('Ir. Budi Santoso M.T.');
    expect(await driver.say('/hasil')).toMatch(/Tahun 2026 – dinilai Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\)/);
    await driver.as('Siti Rahmawati S.E. M.Si.');
    // Recorded once: a second attempt is refused with the reason.
    await driver.say('/catatevaluasi');
    await driver.say('1');
    await driver.say('Tahun 2026');
    for (const answer of ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', '-', '-', '800.1.3/121/2026', '2026-12-28']) await driver.say(answer);
    expect(await driver.say('ya')).toMatch(/Evaluasi Ir\. Budi Santoso M\.T\. untuk Tahun 2026 sudah diajukan atau ditetapkan dan tidak dapat diubah lagi\./);
  });
});
