/**
 * A real agency's start, through any channel driver, the way HR runs it: the example organisation
 * (with the Gubernur outside the bot as the head's PPK) and the SKPs already established in
 * e-Kinerja (examples/skp-contoh.csv) come in through the CLI, and people link their chat accounts.
 * Then the head sets expectations for a Kepala Bidang, who agrees; a fungsional drafts their own
 * SKP with /susunskp and their PPK establishes it; and a Plt recorded with `acting add` evaluates
 * while the PPK is away; an employee moved mid-year has two SKP periods, evaluated by two raters.
 * Run on Telegram and on Slack.
 */
import { expect } from 'vitest';
import { createCliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import type { TestDatabase } from './database.js';
import type { ChatDriver } from './drivers.js';
import { exampleWithDimasMoved } from './moves.js';

/** A clock the bot reads; the scenario moves it. */
export interface Clock {
  now: Date;
}

const HEAD = 'Ir. Budi Santoso M.T.';
const KABID_IKP = 'Dewi Lestari S.Sos.';
const KABID_APTIKA = 'Agus Setiawan S.Kom.';
const AHMAD = 'Ahmad Fauzi S.Kom.';
const SEKRETARIS = 'Siti Rahmawati S.E. M.Si.';
const HENDRA_W = 'Hendra Wijaya S.T.';
const RINA_M = 'Rina Marlina S.E.';
const DIMAS_S = 'Dimas Saputra';

/** Runs one CLI command as HR would, on the scenario's clock; fails the test on a non-zero exit. */
export async function hrCli(db: TestDatabase, clock: Clock, ...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  context.now = () => clock.now;
  const code = await runCli(args, context).finally(() => context.close());
  expect({ args, code, err: err.join('\n') }).toMatchObject({ code: 0 });
  return out.join('\n');
}

/** What HR does before anyone chats: the organisation (with the head's PPK outside the bot) and the established SKPs. */
export async function importRealAgency(db: TestDatabase, clock: Clock): Promise<void> {
  await hrCli(db, clock, 'import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh');
  expect(await hrCli(db, clock, 'skp', 'import', 'examples/skp-contoh.csv')).toMatch(/Ir\. Budi Santoso/);
  // The example file names the Gubernur as the head's PPK and Atasan PPK (columns ppk_luar, atasan_ppk_luar).
  expect(await hrCli(db, clock, 'official', 'list')).toMatch(/Ir\. Budi Santoso M\.T\. .*Pejabat Penilai Kinerja dan Atasan Pejabat Penilai Kinerja – Dr\. H\. Bambang Hartono M\.Si\., Gubernur Contoh/);
}

export async function playRealAgencyStart(bot: ChatDriver, db: TestDatabase, clock: Clock): Promise<void> {
  // 1. The head's SKP came from e-Kinerja: they set expectations for a Kepala Bidang at once.
  await bot.as(HEAD);
  expect(await bot.say('/saya')).toMatch(/Pejabat Penilai Kinerja: Dr\. H\. Bambang Hartono M\.Si\. \(Gubernur Contoh\)/);
  // Typed alone: on Slack "/kinerja ekspektasi <nama>" opens the form instead (tested in slack-forms).
  expect(await bot.say('/ekspektasi')).toMatch(/Untuk siapa ekspektasi ini\?/);
  expect(await bot.say(KABID_IKP)).toMatch(/RHK ke-1 untuk Dewi Lestari S\.Sos\.: utama atau tambahan\?/);
  await bot.press('Utama');
  await bot.say('Meningkatnya jangkauan informasi publik provinsi');
  await bot.press('Kuantitas');
  await bot.say('Jumlah konten informasi publik yang dipublikasikan');
  await bot.say('120 konten');
  await bot.press('Tidak');
  // The head's first RHK, from the Perjanjian Kinerja.
  expect(await bot.say('1')).toMatch(/Tambah RHK lain\?/);
  await bot.press('Tidak');
  for (let i = 0; i < 6; i++) await bot.say('-');
  expect(await bot.press('Lewati')).toMatch(/Lampiran SKP – dukungan sumber daya/);
  await bot.say('Anggaran publikasi dan dua pranata humas');
  await bot.say('Laporan triwulanan kepada Kepala Dinas');
  expect(await bot.say('Sesuai ketentuan tunjangan kinerja')).toMatch(/Kirim rencana ini kepada Dewi Lestari S\.Sos\.\?/);
  expect(await bot.press('Kirim')).toMatch(/Rencana SKP 2026 versi 1 terkirim kepada Dewi Lestari S\.Sos\./);
  await bot.as(KABID_IKP);
  expect(await bot.inbox(KABID_IKP)).toMatch(/Ir\. Budi Santoso M\.T\. menetapkan ekspektasi kinerja untuk Anda/);
  expect(await bot.press('Setuju')).toMatch(/Rencana SKP 2026 versi 1 telah ditetapkan/);

  // 2. A fungsional drafts their own SKP; their PPK (whose SKP was imported) establishes it.
  await bot.as(AHMAD);
  expect(await bot.say('/susunskp')).toMatch(/RHK ke-1 untuk Ahmad Fauzi S\.Kom\.: utama atau tambahan\?/);
  await bot.press('Utama');
  await bot.say('Terintegrasinya aplikasi perizinan dengan portal layanan provinsi');
  await bot.press('Kuantitas');
  await bot.say('Jumlah aplikasi yang terintegrasi');
  await bot.say('3 aplikasi');
  expect(await bot.press('Tidak')).toMatch(/RHK Pejabat Penilai Kinerja Anda yang mana yang didukung/);
  await bot.say('1');
  await bot.press('Tidak');
  for (let i = 0; i < 6; i++) await bot.say('-');
  expect(await bot.press('Lewati')).toMatch(/dukungan sumber daya/);
  await bot.say('Akses server pengujian dan akun API portal');
  await bot.say('Laporan bulanan kepada Kepala Bidang melalui e-Kinerja');
  const review = await bot.say('Sesuai ketentuan tunjangan kinerja dan pengembangan karier');
  expect(review).toMatch(/Lampiran SKP[\s\S]*Dukungan sumber daya: Akses server pengujian/);
  expect(await bot.press('Ajukan')).toMatch(/SKP 2026 versi 1 diajukan kepada Agus Setiawan S\.Kom\. untuk ditetapkan/);
  await bot.as(KABID_APTIKA);
  expect(await bot.inbox(KABID_APTIKA)).toMatch(/Ahmad Fauzi S\.Kom\. mengajukan SKP untuk Anda tetapkan[\s\S]*Lampiran SKP/);
  expect(await bot.press('Tetapkan')).toMatch(/SKP 2026 versi 1 Ahmad Fauzi S\.Kom\. telah ditetapkan/);
  expect(await bot.inbox(AHMAD)).toMatch(/SKP 2026 versi 1 Anda ditetapkan oleh Agus Setiawan S\.Kom\./);
  const ahmad = await db.prisma.employee.findFirstOrThrow({ where: { name: AHMAD } });
  expect(await db.prisma.plan.findFirstOrThrow({ where: { employeeId: ahmad.id } })).toMatchObject({ status: 'AGREED', accountability: 'Laporan bulanan kepada Kepala Bidang melalui e-Kinerja' });

  // 3. The PPK is away: HR records a Plt, who evaluates in the Q4 window.
  clock.now = new Date('2026-12-28T03:00:00Z');
  await hrCli(db, clock, 'acting', 'add', '--nip', '197708222003122002', '--for', '198001102005011003', '--kind', 'plt', '--from', '2026-12-21', '--to', '2027-01-31');
  await bot.as(SEKRETARIS);
  await bot.say('/evaluasi');
  await bot.press('Triwulan IV 2026');
  expect(await bot.press(AHMAD)).toMatch(/Rating hasil kerja\?/);
  await bot.press('Sesuai Ekspektasi');
  await bot.press('Sesuai Ekspektasi');
  await bot.say('Integrasi berjalan sesuai rencana.');
  expect(await bot.say('Lanjutkan; dokumentasikan API-nya.')).toMatch(/Draf evaluasi Ahmad Fauzi S\.Kom\. untuk Triwulan IV 2026 tersimpan/);
  const siti = await db.prisma.employee.findFirstOrThrow({ where: { name: SEKRETARIS } });
  expect(await db.prisma.evaluation.findFirstOrThrow({ where: { employeeId: ahmad.id } })).toMatchObject({ raterId: siti.id, periodKey: '2026-Q4' });

  // 4. Dimas moved on 1 October (mutasi to the Subbagian Keuangan): HR's next file says so, and
  // his year has two SKP periods – January–September rated by Hendra, October–December by Rina.
  const imported = await hrCli(db, clock, 'import-org', exampleWithDimasMoved('2026-10-01'));
  expect(imported).toMatch(/baris 14 – Dimas Saputra: periode SKP 1 Jan 2026 – 30 Sep 2026 \(unit, atasan\); dinilai oleh Pejabat Penilai Kinerja periode itu/);
  await rateAnnualPart(bot, HENDRA_W, `${DIMAS_S} (1 Jan 2026 – 30 Sep 2026)`, 'Sesuai Ekspektasi');
  await rateAnnualPart(bot, RINA_M, `${DIMAS_S} (1 Okt 2026 – 31 Des 2026)`, 'Di Atas Ekspektasi');
  const dimas = await db.prisma.employee.findFirstOrThrow({ where: { name: DIMAS_S } });
  const parts = await db.prisma.evaluation.findMany({ where: { employeeId: dimas.id, periodKey: '2026' }, include: { rater: true }, orderBy: { createdAt: 'asc' } });
  expect(parts.map((e) => [e.rater.name, e.skpPart === '' ? 'in force' : 'closed', e.resultsRating])).toEqual([
    [HENDRA_W, 'closed', 'SESUAI'],
    [RINA_M, 'in force', 'DI_ATAS'],
  ]);
}

/** One rater drafts the annual evaluation of one SKP period's part, picked by its label. */
async function rateAnnualPart(bot: ChatDriver, rater: string, entry: string, results: string): Promise<void> {
  await bot.as(rater);
  await bot.say('/evaluasi');
  // Long labels come as a numbered list: the entry is chosen by its number.
  const picker = await bot.press('Tahun 2026');
  const number = picker.split('\n').find((line) => line.endsWith(`. ${entry}`))?.split('.')[0];
  expect({ picker, number }).toMatchObject({ number: expect.stringMatching(/^\d+$/) });
  expect(await bot.say(number ?? '')).toMatch(/Rating hasil kerja\?/);
  await bot.press(results);
  await bot.press('Sesuai Ekspektasi');
  await bot.say('-');
  expect(await bot.say('-')).toMatch(new RegExp(`Draf evaluasi ${DIMAS_S} untuk Tahun 2026, periode SKP \\d`));
}
