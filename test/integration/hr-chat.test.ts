/**
 * HR in chat on Telegram: /jadwal changes the check-in schedule step by step (and the job
 * schedulers and the check-in's questions follow), /daftarlaporan in a private chat and stopping it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxSettled } from '../support/console.js';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';

// Wednesday 10:00 WIB: before the default Friday check-in.
let clock = new Date('2026-12-02T03:00:00Z');
const db = await useTestDatabase();
let bot: TelegramBot;
beforeAll(async () => {
  bot = await startTelegramBot(db, { now: () => clock });
  const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
  await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
});
afterAll(() => bot.stop());

describe('/jadwal', () => {
  it('is for pengelola kinerja only', async () => {
    await bot.driver.as('Andi Pratama');
    expect(await bot.driver.say('/jadwal')).toBe('Perintah ini hanya untuk Pengelola Kinerja.');
    await bot.driver.as('Dewi Anggraini');
    expect(await bot.driver.say('/jadwal Bidang Antah Berantah')).toMatch(/Unit "Bidang Antah Berantah" tidak ditemukan dalam lingkup Anda/);
  });

  it('lets HR change the schedule step by step, keeping what is skipped, and refuses impossible values', async () => {
    await bot.driver.as('Dewi Anggraini');
    const first = await bot.driver.say('/jadwal');
    expect(first).toMatch(/Jadwal laporan progres mingguan seluruh Pemerintah Provinsi Contoh \(demo\) saat ini: Jumat pukul 14\.00; pengingat setelah 24 jam/);
    expect(first).toMatch(/Hari apa permintaan laporan progres dikirim\? \(Lewati untuk tetap Jumat\.\)/);
    expect(await bot.driver.press('Rabu')).toMatch(/Pukul berapa/);
    expect(await bot.driver.say('jam sepuluh')).toMatch(/Jam "jam sepuluh" tidak valid/);
    expect(await bot.driver.say('10.30')).toMatch(/ditutup berapa jam/);
    expect(await bot.driver.say('-')).toMatch(/Pengingat dikirim berapa jam .* kurang dari 72 jam/);
    expect(await bot.driver.say('80')).toMatch(/Pengingat harus minimal 1 jam dan lebih awal dari batas waktu/);
    expect(await bot.driver.say('2')).toMatch(/Setelah berapa minggu terlewat/);
    expect(await bot.driver.press('Lewati')).toMatch(/Selain progres, pertanyaan mana/);
    const confirm = await bot.driver.say('1');
    expect(confirm).toMatch(
      /Simpan jadwal laporan progres mingguan seluruh Pemerintah Provinsi Contoh \(demo\) berikut\? Rabu pukul 10\.30; pengingat setelah 2 jam; ditutup setelah 72 jam; atasan diberi tahu setelah 2 minggu terlewat berturut-turut; pertanyaan: progres, kendala\./,
    );
    expect(await bot.driver.press('Ya')).toMatch(/Jadwal laporan progres mingguan seluruh Pemerintah Provinsi Contoh \(demo\) \(beserta sub-unitnya\) disimpan: Rabu pukul 10\.30/);

    const schedule = await db.prisma.checkinSchedule.findFirstOrThrow({ include: { unit: true } });
    expect(schedule).toMatchObject({ weekday: 3, minuteOfDay: 630, reminderAfterHours: 2, deadlineHours: 72, escalateAfterMissed: 2, questions: ['obstacle'], unit: { name: 'Bidang Aplikasi Informatika' } });
    // The next maintenance round puts BullMQ in line: the new pattern per zone, the default's schedulers gone.
    await bot.app.conversations.maintenance.runOnce();
    const schedulers = (await bot.app.conversations.jobs.work.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith('checkin:'));
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      [`checkin:s:${schedule.id}:Asia/Jakarta`, '30 10 * * 3', 'Asia/Jakarta'],
      [`checkin:s:${schedule.id}:Asia/Makassar`, '30 10 * * 3', 'Asia/Makassar'],
    ]);
  });

  it('asks only the questions the schedule names', async () => {
    clock = new Date('2026-12-02T03:31:00Z'); // Wednesday 10:31 WIB
    await bot.app.conversations.maintenance.runOnce();
    await outboxSettled(db.prisma);
    await bot.driver.as('Yohanes Kristianto');
    expect(await bot.driver.inbox('Yohanes Kristianto')).toMatch(/waktunya mengisi laporan progres mingguan/);
    expect(await bot.driver.press('Isi laporan mingguan')).toMatch(/Apa saja yang Anda kerjakan/);
    expect(await bot.driver.say('Menguji modul perizinan')).toMatch(/Ada kendala/);
    expect(await bot.driver.say('-')).toBe('Terima kasih, laporan progres minggu ini tersimpan.');
  });

  it('leaves everything as it was when HR says no', async () => {
    await bot.driver.as('Dewi Anggraini');
    await bot.driver.say('/jadwal Seksi Tata Kelola Data');
    await bot.driver.press('Senin');
    for (let i = 0; i < 5; i++) await bot.driver.say('-');
    expect(await bot.driver.press('Tidak')).toBe('Jadwal tidak diubah.');
    expect(await db.prisma.checkinSchedule.count()).toBe(1);
  });
});

describe('/daftarlaporan in a private chat', () => {
  it('sends the digest to HR privately until told to stop', async () => {
    await bot.driver.as('Dewi Anggraini');
    expect(await bot.driver.say('/daftarlaporan')).toMatch(/Chat ini akan menerima ringkasan mingguan Pemerintah Provinsi Contoh \(demo\) setiap Senin pukul 08\.00/);
    expect(await db.prisma.reportDestination.findFirstOrThrow()).toMatchObject({ platform: 'TELEGRAM', chatId: String(bot.users.get('Dewi Anggraini')?.id), title: 'Dewi Anggraini' });
    expect(await bot.driver.say('/daftarlaporan berhenti')).toBe('Ringkasan mingguan tidak lagi dikirim ke sini.');
    expect(await bot.driver.say('/daftarlaporan berhenti')).toBe('Chat ini memang tidak menerima ringkasan mingguan; tidak ada yang diubah.');
    expect(await db.prisma.reportDestination.count()).toBe(0);
  });

  it('lists /jadwal in HR’s help', async () => {
    expect(await bot.driver.say('/bantuan')).toMatch(/\/jadwal/);
  });
});

describe('/periode', () => {
  it('lets agency-wide HR change the period settings step by step, refusing impossible values', async () => {
    await bot.driver.as('Dewi Anggraini');
    const first = await bot.driver.say('/periode');
    expect(first).toMatch(/Pemerintah Provinsi Contoh \(demo\): evaluasi kinerja periodik triwulanan; batas penetapan SKP 31-01/);
    expect(first).toMatch(/setiap triwulan .* atau setiap bulan\?/);
    expect(await bot.driver.press('bulanan')).toMatch(/Batas penetapan SKP \(tanggal-bulan, mis\. 31-01\)\? Sekarang 31-01/);
    expect(await bot.driver.say('29-02')).toMatch(/Itu bukan tanggal yang sah/);
    // No question about the keberatan period: PP 30/2019 fixes it at 14 days.
    expect(await bot.driver.say('15-02')).toMatch(/Evaluasi dibuka berapa hari sebelum periode berakhir\? Sekarang 14/);
    expect(await bot.driver.say('0')).toMatch(/Tulis bilangan bulat 1 sampai 90/);
    expect(await bot.driver.press('Lewati')).toMatch(/ditutup berapa hari sesudah/);
    expect(await bot.driver.say('20')).toMatch(/Simpan pengaturan ini\? .*evaluasi kinerja periodik bulanan; batas penetapan SKP 15-02 .* 14 hari .*PP 30\/2019 Pasal 59, tidak dapat diubah.* dibuka 14 hari .* ditutup 20 hari/);
    expect(await bot.driver.press('Ya')).toMatch(/^Tersimpan\./);
    expect(await db.prisma.agency.findFirstOrThrow()).toMatchObject({ periodCadence: 'MONTHLY', skpDeadlineMonth: 2, skpDeadlineDay: 15, evaluationOpensDays: 14, evaluationClosesDays: 20 });
    expect(await db.prisma.auditLog.count({ where: { action: 'agency.periodsChanged', actorId: { not: null } } })).toBe(1);
  });

  it('is refused to HR of one unit and to everyone else, changing nothing', async () => {
    const before = await db.prisma.agency.findFirstOrThrow();
    const bambang = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } });
    await db.prisma.hrRole.create({ data: { employeeId: bambang.id, agencyId: bambang.agencyId, unitId: bambang.unitId } });
    await bot.driver.as('Bambang Sutrisno');
    expect(await bot.driver.say('/periode')).toMatch(/hanya Pengelola Kinerja tingkat instansi/);
    await bot.driver.as('Andi Pratama');
    expect(await bot.driver.say('/periode')).toMatch(/hanya Pengelola Kinerja tingkat instansi/);
    expect(await db.prisma.agency.findFirstOrThrow()).toEqual(before);
  });
});
