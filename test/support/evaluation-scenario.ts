/**
 * The evaluation part of the year, through any channel driver: the leader one level up sets the
 * section's predikat; the section head evaluates a unit of five from the record (her team alone is
 * only a preview of the curve), fixes one rating and proposes; the Kepala Bidang rates his own team
 * of three and sees the distribution of the whole Bidang – twelve people in three small teams,
 * checked against the Bidang's Capaian Kinerja Organisasi with no small-team escape – sends one
 * proposal back with a note, and establishes it once its rater has proposed again; only then do
 * the results reach the employees. One employee accepts, one objects on day 14 and the superior –
 * after asking the rater to explain – changes the result; objections on day 15 (in WIB and in WITA)
 * are refused. Run on the console, Telegram and Slack.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import type { TestDatabase } from './database.js';
import type { ChatDriver } from './drivers.js';

/** A clock the bot reads; the scenario moves it. */
export interface Clock {
  now: Date;
}

/** The fifth member of Sri Wahyuni's section, added before the bot starts so every channel links them. */
export const FIFTH = { nip: '199912012024211001', name: 'Bayu Saputra', position: 'Pranata Komputer Ahli Pertama' };

/** The Kepala Bidang's third report, in the Bidang itself: his team is Sri, Bambang and her. */
export const TWELFTH = { nip: '199405172019032008', name: 'Lina Marlina', position: 'Analis Kebijakan Ahli Pertama' };

/** Seeds the demo organisation and adds a fifth person to Seksi Pengembangan Aplikasi and a third report to the Kepala Bidang: twelve people under him. */
export async function seedUnitOfFive(db: TestDatabase, year: number, options: { console?: boolean } = {}): Promise<void> {
  await seedDemoIfEmpty(db.prisma, year);
  const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
  const hendra = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Hendra Gunawan' } });
  const add = (person: { nip: string; name: string; position: string }, supervisor: { id: string; unitId: string }, email: string) =>
    db.prisma.employee.create({
      data: {
        id: randomUUID(),
        agencyId: sri.agencyId,
        unitId: supervisor.unitId,
        nip: person.nip,
        name: person.name,
        position: person.position,
        positionType: 'FUNGSIONAL',
        positionLevel: 'Ahli Pertama',
        employmentStatus: 'PNS',
        supervisorId: supervisor.id,
        email,
        ...(options.console ? { chatIdentities: { create: { platform: 'CONSOLE', externalUserId: person.nip, dmChannelId: person.nip } } } : {}),
      },
    });
  await add(FIFTH, sri, 'bayu.saputra@contoh.go.id');
  await add(TWELFTH, hendra, 'lina.marlina@contoh.go.id');
}

const Q4 = 'Triwulan IV 2026';

export async function playEvaluationCycle(bot: ChatDriver, db: TestDatabase, clock: Clock): Promise<void> {
  // Monday 28 December 2026, 10:00 WIB: the Q4 window (18 Dec – 30 Jan) and the annual one are open.
  clock.now = new Date('2026-12-28T03:00:00Z');

  // 1. The leader one level up sets the section's predikat for the quarter.
  await bot.as('Hendra Gunawan');
  await bot.say('/predikatunit');
  await bot.press('Seksi Pengembangan Aplikasi');
  await bot.press(Q4);
  await bot.press('Baik');
  expect(await bot.say('-')).toMatch(/Predikat kinerja Seksi Pengembangan Aplikasi untuk Triwulan IV 2026 ditetapkan: Baik/);
  // The Bidang's own capaian is the Kepala Dinas's (outside the bot); HR recorded it with the document.
  const bidang = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Bidang Aplikasi Informatika' } });
  await db.prisma.unitPredikat.create({ data: { unitId: bidang.id, periodKey: '2026-Q4', predikat: 'BAIK', documentNumber: '800/17/DISKOMINFO/2027', decidedOn: new Date('2026-12-28T00:00:00Z') } });

  // 2. An employee cannot evaluate anyone.
  await bot.as('Ratna Sari Dewi');
  expect(await bot.say('/evaluasi')).toMatch(/Anda tidak memiliki bawahan langsung di Dialog Kinerja/);
  expect(await db.prisma.evaluation.count()).toBe(0);

  // 3. The section head evaluates the five, the record in front of her.
  await bot.as('Sri Wahyuni');
  expect(await bot.say('/evaluasi')).toMatch(/Evaluasi periode apa\?/);
  const first = await bot.press(Q4);
  expect(first).toMatch(/Siapa yang dievaluasi untuk Triwulan IV 2026\? \(0 dari 5 sudah dinilai/);
  const record = await bot.press('Andi Pratama');
  expect(record).toMatch(/Catatan kinerja Andi Pratama – Triwulan IV 2026 \(1 Okt 2026 s\.d\. 31 Des 2026\)/);
  expect(record).toMatch(/Check-in mingguan: \d+ dijawab/);
  // The self-reported mood is no input of the Permen: it is not shown beside the ratings.
  expect(record).not.toMatch(/Suasana kerja|rata-rata [\d,]+ dari 5/);
  expect(record).toMatch(/Ekspektasi khusus pimpinan \(BerAKHLAK\)/);
  expect(record).toMatch(/Rating hasil kerja\?[\s\S]*Di Atas Ekspektasi: hasil kerja melampaui target/);
  expect(await bot.press('Di Atas Ekspektasi')).toMatch(/Rating perilaku kerja\?/);
  expect(await bot.press('Di Atas Ekspektasi')).toMatch(/Catatan penilaian/);
  expect(await bot.say('Semua modul selesai diuji sebelum tenggat.')).toMatch(/Umpan balik untuk pegawai/);
  const saved = await bot.say('Pertahankan, dan bagikan cara kerja Anda ke tim.');
  expect(saved).toMatch(/Draf evaluasi Andi Pratama untuk Triwulan IV 2026 tersimpan[\s\S]*Predikat: Sangat Baik/);
  expect(saved).toMatch(/1 dari 5 pegawai sudah dinilai\. Belum: /);

  const evaluate = async (name: string, results: string, behaviour: string): Promise<string> => {
    // Chosen from the list (not named in the command): on Slack a named /kinerja evaluasi opens a modal.
    await bot.say('/evaluasi');
    await bot.press(Q4);
    expect(await bot.press(name)).toMatch(new RegExp(`Catatan kinerja ${name}`));
    await bot.press(results);
    await bot.press(behaviour);
    await bot.say('-');
    return bot.say('-');
  };
  await evaluate('Ratna Sari Dewi', 'Sesuai Ekspektasi', 'Sesuai Ekspektasi');
  await evaluate('Yohanes Kristianto', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi');
  await evaluate('Ni Luh Putu Ayu', 'Sesuai Ekspektasi', 'Sesuai Ekspektasi');
  const all = await evaluate(FIFTH.name, 'Sesuai Ekspektasi', 'Sesuai Ekspektasi');
  // 4. Everyone is rated: the curve on her team is previewed and each broken rule explained – as advice, since the Bidang's leader establishes the whole distribution.
  expect(all).toMatch(/Semua 5 pegawai sudah dinilai/);
  expect(all).toMatch(/Usulan predikat dapat diajukan; catatan berikut hanya saran/);
  expect(all).toMatch(/Baik paling banyak 70% dari 5 pegawai = 3 orang; diusulkan 4 orang \(80%\)/);
  expect(all).toMatch(/Butuh Perbaikan atau Kurang paling sedikit 1 orang; diusulkan 0 orang \(0%\)/);
  expect(all).toMatch(/Ini gambaran tim Anda saja/);
  // The quarter is not over: results are established from 1 January (PermenPANRB 6/2022 Pasal 1 angka 8).
  expect(all).toMatch(/Hasil evaluasi Triwulan IV 2026 dapat diajukan untuk ditetapkan mulai 1 Jan 2027/);
  expect(all).not.toMatch(/\bAjukan\b/);

  // Monday 4 January: the quarter is over. Redoing one draft as it was brings the team back, now with Ajukan.
  clock.now = new Date('2027-01-04T03:00:00Z');
  await bot.say('/evaluasi');
  await bot.press(Q4);
  await bot.press('Ratna Sari Dewi ✓ Baik');
  await bot.press('Sesuai Ekspektasi');
  await bot.press('Sesuai Ekspektasi');
  await bot.say('-');
  expect(await bot.say('-')).toMatch(/Semua 5 pegawai sudah dinilai[\s\S]*catatan berikut hanya saran/);
  // She changes one rating before proposing.
  await bot.say('/evaluasi');
  expect(await bot.press(Q4)).toMatch(/\(5 dari 5 sudah dinilai/);
  await bot.press(`${FIFTH.name} ✓ Baik`);
  await bot.press('Di Bawah Ekspektasi');
  await bot.press('Sesuai Ekspektasi');
  await bot.say('Dokumentasi modul belum selesai sesuai target.');
  const fixed = await bot.say('Mari susun rencana perbaikan bersama minggu depan.');
  expect(fixed).toMatch(/Predikat: Butuh Perbaikan/);
  expect(fixed).toMatch(/Usulan predikat sudah sesuai dengan Kurva Distribusi/);
  expect(await bot.press('Ajukan')).toMatch(/Ajukan 5 evaluasi Triwulan IV 2026 kepada Hendra Gunawan, pimpinan Bidang Aplikasi Informatika untuk ditetapkan\?/);
  expect(await bot.press('Ya')).toMatch(/5 usulan evaluasi Triwulan IV 2026 diajukan kepada Hendra Gunawan, pimpinan Bidang Aplikasi Informatika\. Hasilnya dikirim kepada pegawai setelah ditetapkan/);
  const proposals = await db.prisma.evaluation.findMany({ where: { periodKey: '2026-Q4' }, include: { employee: true } });
  expect(proposals.map((e) => [e.employee.name, e.status, e.predikat]).sort()).toEqual(
    [
      ['Andi Pratama', 'PROPOSED', 'SANGAT_BAIK'],
      [FIFTH.name, 'PROPOSED', 'BUTUH_PERBAIKAN'],
      ['Ni Luh Putu Ayu', 'PROPOSED', 'BAIK'],
      ['Ratna Sari Dewi', 'PROPOSED', 'BAIK'],
      ['Yohanes Kristianto', 'PROPOSED', 'BAIK'],
    ].sort(),
  );
  // Nothing reaches the employees before the penetapan.
  expect(await bot.inbox('Andi Pratama')).not.toMatch(/Hasil evaluasi kinerja Triwulan IV 2026/);

  // Bambang proposed his section's four earlier (all Baik; his flow is Sri's).
  const bambang = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } });
  for (const name of ['Fitri Handayani', 'Muhammad Rizal', 'Dewi Anggraini', 'Rudi Hartono']) {
    const person = await db.prisma.employee.findFirstOrThrow({ where: { name } });
    await db.prisma.evaluation.create({
      data: { employeeId: person.id, raterId: bambang.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'PROPOSED', proposedAt: clock.now },
    });
  }

  // 5. The Kepala Bidang rates his own team of three. The unit-leader rule: the section's predikat sets Sri's results rating.
  await bot.as('Hendra Gunawan');
  await bot.say('/evaluasi');
  await bot.press(Q4);
  expect(await bot.press('Sri Wahyuni')).toMatch(/Sri Wahyuni memimpin Seksi Pengembangan Aplikasi\. Pegawai ini memimpin unit kerja, sehingga Predikat Kinerja unit \(Baik\) menjadi Rating Hasil Kerjanya: Sesuai Ekspektasi\.[\s\S]*Rating perilaku kerja\?/);
  await bot.press('Sesuai Ekspektasi');
  await bot.say('-');
  await bot.say('-');
  await evaluate('Bambang Sutrisno', 'Sesuai Ekspektasi', 'Sesuai Ekspektasi');
  const three = await evaluate(TWELFTH.name, 'Sesuai Ekspektasi', 'Sesuai Ekspektasi');
  expect(three).toMatch(/Semua 3 pegawai sudah dinilai[\s\S]*Ini gambaran tim Anda saja/);
  await bot.press('Ajukan');
  expect(await bot.press('Ya')).toMatch(/3 usulan evaluasi Triwulan IV 2026 diajukan/);

  // 6. The penetapan: Hendra sees all twelve of the Bidang – his team of three cannot escape the curve.
  await bot.say('/tetapkanpredikat');
  const view = await bot.press(Q4);
  expect(view).toMatch(/Penetapan Predikat Kinerja Bidang Aplikasi Informatika – Triwulan IV 2026[\s\S]*Capaian Kinerja Organisasi: Baik\./);
  expect(view).toMatch(/Distribusi usulan 12 pegawai: Sangat Baik 1 · Baik 10 · Butuh Perbaikan 1/);
  expect(view).toMatch(/Fitri Handayani – Baik \(diusulkan Bambang Sutrisno\)/);
  expect(view).toMatch(/Baik paling banyak 70% dari 12 pegawai = 8 orang; diusulkan 10 orang \(83,3%\)/);
  expect(view).not.toMatch(/hanya saran/);
  // He sends Fitri's proposal back to Bambang with a note.
  expect(await bot.press('Kembalikan satu usulan')).toMatch(/Usulan siapa yang dikembalikan/);
  expect(await bot.press('Fitri Handayani')).toMatch(/Catatan untuk penilai/);
  expect(await bot.say('Publikasi data Fitri melampaui target dua kali lipat; mohon ditinjau.')).toMatch(/Usulan Fitri Handayani dikembalikan kepada Bambang Sutrisno/);
  await bot.as('Bambang Sutrisno');
  expect(await bot.inbox('Bambang Sutrisno')).toMatch(/Hendra Gunawan mengembalikan usulan evaluasi Fitri Handayani untuk Triwulan IV 2026 kepada Anda dengan catatan: "Publikasi data Fitri melampaui target dua kali lipat; mohon ditinjau\."/);
  await bot.say('/evaluasi');
  await bot.press(Q4);
  await bot.press('Fitri Handayani ✓ Baik');
  await bot.press('Di Atas Ekspektasi');
  await bot.press('Di Atas Ekspektasi');
  await bot.say('Publikasi data melampaui target.');
  expect(await bot.say('-')).toMatch(/Predikat: Sangat Baik/);
  await bot.press('Ajukan');
  expect(await bot.press('Ya')).toMatch(/1 usulan evaluasi Triwulan IV 2026 diajukan kepada Hendra Gunawan/);
  // Hendra establishes: the distribution now fits, no reason is needed.
  await bot.as('Hendra Gunawan');
  await bot.say('/tetapkanpredikat');
  const fits = await bot.press(Q4);
  expect(fits).toMatch(/Distribusi usulan 12 pegawai: Sangat Baik 2 · Baik 9 · Butuh Perbaikan 1/);
  expect(fits).toMatch(/Baik paling banyak 70% dari 12 pegawai = 8 orang; diusulkan 9 orang/);
  expect(await bot.press('Tetapkan')).toMatch(/tuliskan alasan Anda sebagai pimpinan/);
  expect(await bot.say('Sembilan pegawai memenuhi seluruh target; predikat Baik sesuai bukti realisasi.')).toMatch(/Tetapkan 12 hasil evaluasi Triwulan IV 2026 untuk Bidang Aplikasi Informatika\?/);
  expect(await bot.press('Ya')).toMatch(/Predikat Kinerja Bidang Aplikasi Informatika untuk Triwulan IV 2026 ditetapkan: 12 hasil evaluasi final dan dikirim kepada pegawai/);
  const finals = await db.prisma.evaluation.findMany({ where: { periodKey: '2026-Q4' }, include: { employee: true } });
  expect(finals).toHaveLength(12);
  expect(finals.every((e) => e.status === 'FINAL' && e.penetapanId && e.curveDeviationReason?.startsWith('Sembilan pegawai'))).toBe(true);
  expect(await bot.inbox('Sri Wahyuni')).toMatch(/Hendra Gunawan menetapkan Predikat Kinerja Bidang Aplikasi Informatika untuk Triwulan IV 2026: 5 hasil yang Anda usulkan kini final/);

  // 7. Andi accepts; Sri is told.
  await bot.as('Andi Pratama');
  const result = await bot.inbox('Andi Pratama');
  expect(result).toMatch(/Hasil evaluasi kinerja Triwulan IV 2026 dari Sri Wahyuni[\s\S]*keberatan kepada Hendra Gunawan \(atasan pejabat penilai\) paling lambat 18 Jan 2027[\s\S]*Predikat: Sangat Baik/);
  expect(await bot.press('Terima hasil')).toMatch(/Hasil evaluasi telah Anda terima/);
  expect(await bot.inbox('Sri Wahyuni')).toMatch(/Andi Pratama menerima hasil evaluasi Triwulan IV 2026/);

  // 8. Day 14 (18 January, 23:00 WIB): Ratna objects in time.
  clock.now = new Date('2027-01-18T16:00:00Z');
  await bot.as('Ratna Sari Dewi');
  expect(await bot.press('Ajukan keberatan')).toMatch(/Tuliskan alasan keberatan Anda[\s\S]*paling lambat 18 Jan 2027/);
  expect(await bot.say('Saya menyelesaikan dua modul tambahan di luar target yang belum tercatat.')).toMatch(/Kirim keberatan ini kepada Hendra Gunawan\?/);
  expect(await bot.press('Ya')).toMatch(/Keberatan Anda diteruskan kepada Hendra Gunawan/);

  // Day 15 in WITA already (00:00 on 19 January in Bali): Ni Luh is too late.
  await bot.as('Ni Luh Putu Ayu');
  expect(await bot.press('Ajukan keberatan')).toMatch(/Masa keberatan sudah berakhir pada 18 Jan 2027 \(14 hari sejak hasil diterima 4 Jan 2027\)/);
  // Day 15 in WIB too (00:00 on 19 January in Jakarta): Yohanes is too late.
  clock.now = new Date('2027-01-18T17:00:00Z');
  await bot.as('Yohanes Kristianto');
  expect(await bot.press('Ajukan keberatan')).toMatch(/Masa keberatan sudah berakhir/);
  expect(await db.prisma.objection.count()).toBe(1);
  // He can still read his result: /hasil, without the buttons once the period is over.
  expect(await bot.say('/hasil')).toMatch(/Triwulan IV 2026 – dinilai Sri Wahyuni – menunggu tanggapan Anda[\s\S]*Predikat: Baik/);

  // 9. The superior hears both sides, asks the rater, and changes the result.
  await bot.as('Hendra Gunawan');
  expect(await bot.say('/keberatan')).toMatch(/Ratna Sari Dewi mengajukan keberatan atas evaluasi Triwulan IV 2026/);
  expect(await bot.inbox('Hendra Gunawan')).toMatch(/Ratna Sari Dewi mengajukan keberatan atas evaluasi Triwulan IV 2026 oleh Sri Wahyuni[\s\S]*Predikat: Baik[\s\S]*Alasan keberatan:[\s\S]*dua modul tambahan/);
  expect(await bot.press('Minta penjelasan penilai')).toMatch(/Permintaan penjelasan dikirim kepada Sri Wahyuni/);
  await bot.as('Sri Wahyuni');
  expect(await bot.inbox('Sri Wahyuni')).toMatch(/Ratna Sari Dewi mengajukan keberatan[\s\S]*Hendra Gunawan meminta penjelasan Anda/);
  expect(await bot.press('Beri penjelasan')).toMatch(/Tuliskan penjelasan Anda/);
  expect(await bot.say('Dua modul itu benar selesai, tetapi dilaporkan setelah saya menilai.')).toMatch(/diteruskan kepada Hendra Gunawan/);
  await bot.as('Hendra Gunawan');
  expect(await bot.press('Putuskan')).toMatch(/Alasan keberatan[\s\S]*Penjelasan dari Sri Wahyuni[\s\S]*Keputusan Anda\?/);
  expect(await bot.press('Ubah hasil')).toMatch(/Rating hasil kerja yang baru\?/);
  await bot.press('Di Atas Ekspektasi');
  expect(await bot.press('Di Atas Ekspektasi')).toMatch(/Alasan keputusan/);
  expect(await bot.say('Dua modul tambahan terbukti; hasil kerja melampaui target.')).toMatch(/Keputusan tersimpan/);
  expect(await bot.inbox('Ratna Sari Dewi')).toMatch(/hasil evaluasi diubah\. Keputusan ini final[\s\S]*predikat: Sangat Baik/);
  expect(await bot.inbox('Sri Wahyuni')).toMatch(/Keputusan atas keberatan Ratna Sari Dewi/);
  await bot.as('Ratna Sari Dewi');
  expect(await bot.say('/hasil')).toMatch(/Triwulan IV 2026 – dinilai Sri Wahyuni – keberatan telah diputuskan \(final\)[\s\S]*Predikat: Sangat Baik/);
  const objection = await db.prisma.objection.findFirstOrThrow({ include: { evaluation: true } });
  expect(objection).toMatchObject({ status: 'DECIDED', decision: 'CHANGED', changedResultsRating: 'DI_ATAS', changedBehaviourRating: 'DI_ATAS', changedPredikat: 'SANGAT_BAIK' });
  expect(objection.raterExplanation).toMatch(/dilaporkan setelah saya menilai/);
  // The rater's own result is kept; the decision is final.
  expect(objection.evaluation).toMatchObject({ status: 'DECIDED', predikat: 'BAIK' });
}
