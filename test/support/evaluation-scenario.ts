/**
 * The evaluation part of the year, through any channel driver: the leader one level up sets the
 * section's predikat; the section head evaluates a unit of five from the record, is told which
 * curve rules the set breaks, fixes one rating and finalises; one employee accepts, one objects on
 * day 14 and the superior – after asking the rater to explain – changes the result; objections on
 * day 15 (in WIB and in WITA) are refused. Run on the console, Telegram and Slack.
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

/** Seeds the demo organisation and adds a fifth person to Seksi Pengembangan Aplikasi. */
export async function seedUnitOfFive(db: TestDatabase, year: number, options: { console?: boolean } = {}): Promise<void> {
  await seedDemoIfEmpty(db.prisma, year);
  const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
  await db.prisma.employee.create({
    data: {
      id: randomUUID(),
      agencyId: sri.agencyId,
      unitId: sri.unitId,
      nip: FIFTH.nip,
      name: FIFTH.name,
      position: FIFTH.position,
      positionType: 'FUNGSIONAL',
      positionLevel: 'Ahli Pertama',
      employmentStatus: 'PNS',
      supervisorId: sri.id,
      email: 'bayu.saputra@contoh.go.id',
      ...(options.console ? { chatIdentities: { create: { platform: 'CONSOLE', externalUserId: FIFTH.nip, dmChannelId: FIFTH.nip } } } : {}),
    },
  });
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
  expect(await bot.say('-')).toMatch(/Capaian Kinerja Organisasi Seksi Pengembangan Aplikasi untuk Triwulan IV 2026 ditetapkan: Baik/);

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
  expect(record).toMatch(/Laporan progres mingguan: \d+ diisi/);
  // The self-reported mood is no input of the Permen: it is not shown beside the ratings.
  expect(record).not.toMatch(/Suasana kerja|rata-rata [\d,]+ dari 5/);
  expect(record).toMatch(/Ekspektasi khusus pimpinan \(BerAKHLAK\)/);
  expect(record).toMatch(/Rating hasil kerja\?[\s\S]*Di Atas Ekspektasi: seluruh atau sebagian besar hasil kerja melampaui target/);
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
  // 4. Everyone is rated: the curve for a unit rated Baik is checked and each broken rule explained.
  expect(all).toMatch(/Semua 5 pegawai sudah dinilai/);
  expect(all).toMatch(/belum sesuai dengan Kurva Distribusi \(2 ketentuan\)/);
  expect(all).toMatch(/Baik paling banyak 70% dari 5 pegawai = 3 orang; usulan Anda 4 orang \(80%\)/);
  expect(all).toMatch(/Butuh Perbaikan atau Kurang\/Misconduct paling sedikit 1 orang; usulan Anda 0 orang \(0%\)/);
  // The quarter is not over: results are established from 1 January (PermenPANRB 6/2022 Pasal 1 angka 8).
  expect(all).toMatch(/Hasil evaluasi Triwulan IV 2026 dapat ditetapkan mulai 1 Jan 2027/);
  expect(all).not.toMatch(/\bTetapkan hasil\b/);

  // Monday 4 January: the quarter is over. Redoing one draft as it was brings the team back, now with Finalisasi.
  clock.now = new Date('2027-01-04T03:00:00Z');
  await bot.say('/evaluasi');
  await bot.press(Q4);
  await bot.press('Ratna Sari Dewi ✓ Baik');
  await bot.press('Sesuai Ekspektasi');
  await bot.press('Sesuai Ekspektasi');
  await bot.say('-');
  expect(await bot.say('-')).toMatch(/Semua 5 pegawai sudah dinilai[\s\S]*belum sesuai dengan Kurva Distribusi/);
  // Finalising now asks for a written reason; she cancels and changes one rating instead.
  expect(await bot.press('Tetapkan hasil')).toMatch(/belum sesuai dengan Kurva Distribusi[\s\S]*tuliskan alasannya/i);
  await bot.say('/batal');
  await bot.say('/evaluasi');
  expect(await bot.press(Q4)).toMatch(/\(5 dari 5 sudah dinilai/);
  await bot.press(`${FIFTH.name} ✓ Baik`);
  await bot.press('Di Bawah Ekspektasi');
  await bot.press('Sesuai Ekspektasi');
  await bot.say('Dokumentasi modul belum selesai sesuai target.');
  const fixed = await bot.say('Mari susun rencana perbaikan bersama minggu depan.');
  expect(fixed).toMatch(/Predikat: Butuh Perbaikan/);
  expect(fixed).toMatch(/Usulan predikat sudah sesuai dengan Kurva Distribusi/);
  expect(await bot.press('Tetapkan hasil')).toMatch(/Tetapkan hasil 5 evaluasi Triwulan IV 2026\?/);
  expect(await bot.press('Ya')).toMatch(/5 evaluasi Triwulan IV 2026 ditetapkan dan dikirim/);
  const finals = await db.prisma.evaluation.findMany({ where: { periodKey: '2026-Q4' }, include: { employee: true } });
  expect(finals.map((e) => [e.employee.name, e.status, e.predikat]).sort()).toEqual(
    [
      ['Andi Pratama', 'FINAL', 'SANGAT_BAIK'],
      [FIFTH.name, 'FINAL', 'BUTUH_PERBAIKAN'],
      ['Ni Luh Putu Ayu', 'FINAL', 'BAIK'],
      ['Ratna Sari Dewi', 'FINAL', 'BAIK'],
      ['Yohanes Kristianto', 'FINAL', 'BAIK'],
    ].sort(),
  );
  expect(finals.every((e) => e.curveDeviationReason === null)).toBe(true);

  // 5. The unit-leader rule: the section's predikat sets Sri's own results rating.
  await bot.as('Hendra Gunawan');
  await bot.say('/evaluasi');
  await bot.press(Q4);
  expect(await bot.press('Sri Wahyuni')).toMatch(/Sri Wahyuni memimpin Seksi Pengembangan Aplikasi\. Pegawai ini memimpin unit kerja, sehingga Capaian Kinerja Organisasi unitnya \(Baik\) menjadi Rating Hasil Kerjanya: Sesuai Ekspektasi\.[\s\S]*Rating perilaku kerja\?/);
  await bot.say('/batal');

  // 6. Andi accepts; Sri is told.
  await bot.as('Andi Pratama');
  const result = await bot.inbox('Andi Pratama');
  expect(result).toMatch(/Hasil evaluasi kinerja Triwulan IV 2026 dari Sri Wahyuni[\s\S]*keberatan kepada Hendra Gunawan \(Atasan Pejabat Penilai Kinerja\) paling lambat 18 Jan 2027[\s\S]*Predikat: Sangat Baik/);
  expect(await bot.press('Terima hasil')).toMatch(/Hasil evaluasi telah Anda terima/);
  expect(await bot.inbox('Sri Wahyuni')).toMatch(/Andi Pratama menerima hasil evaluasi Triwulan IV 2026/);

  // 7. Day 14 (18 January, 23:00 WIB): Ratna objects in time.
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

  // 8. The superior hears both sides, asks the rater, and changes the result.
  await bot.as('Hendra Gunawan');
  expect(await bot.say('/keberatan')).toMatch(/Ratna Sari Dewi mengajukan keberatan atas evaluasi Triwulan IV 2026/);
  expect(await bot.inbox('Hendra Gunawan')).toMatch(/Ratna Sari Dewi mengajukan keberatan atas evaluasi Triwulan IV 2026 oleh Sri Wahyuni[\s\S]*Predikat: Baik[\s\S]*Alasan keberatan:[\s\S]*dua modul tambahan/);
  expect(await bot.press('Minta penjelasan Pejabat Penilai Kinerja')).toMatch(/Permintaan penjelasan dikirim kepada Sri Wahyuni/);
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
