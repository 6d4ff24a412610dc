/**
 * /predikatunit: the leader one level up sets a unit's Predikat Kinerja Organisasi for a period and
 * the unit's leader is told; the unit's own leader may not; HR covering the unit may, also for a
 * unit whose leader has no superior in the bot.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { useConsoleDriver } from '../support/drivers.js';

const db = await useTestDatabase();
const bot = await useConsoleDriver(db, () => new Date('2026-11-27T03:00:00Z'));

const predikatOf = async (unit: string, periodKey: string) =>
  db.prisma.unitPredikat.findFirst({ where: { unit: { name: unit }, periodKey }, include: { setBy: true } });

describe('/predikatunit', () => {
  it('lets the leader one level up set a section’s predikat, and tells the section head', async () => {
    await bot.as('Hendra Gunawan');
    const units = await bot.say('/predikatunit');
    expect(units).toMatch(/Capaian Kinerja Organisasi unit mana yang akan ditetapkan\?/);
    expect(units).toMatch(/Seksi Pengembangan Aplikasi/);
    expect(units).not.toMatch(/Bidang Aplikasi Informatika/); // his own unit
    expect(await bot.press('Seksi Pengembangan Aplikasi')).toMatch(/Untuk periode apa Capaian Kinerja Organisasi Seksi Pengembangan Aplikasi\?/);
    expect(await bot.press('Triwulan IV 2026')).toMatch(/Capaian Kinerja Organisasi Seksi Pengembangan Aplikasi untuk Triwulan IV 2026\?/);
    await bot.press('Baik');
    expect(await bot.say('Target triwulan tercapai, satu modul terlambat.')).toMatch(/Capaian Kinerja Organisasi Seksi Pengembangan Aplikasi untuk Triwulan IV 2026 ditetapkan: Baik\./);
    expect(await predikatOf('Seksi Pengembangan Aplikasi', '2026-Q4')).toMatchObject({ predikat: 'BAIK', note: 'Target triwulan tercapai, satu modul terlambat.', setBy: { name: 'Hendra Gunawan' } });
    expect(await bot.inbox('Sri Wahyuni')).toMatch(/Hendra Gunawan menetapkan Capaian Kinerja Organisasi Seksi Pengembangan Aplikasi untuk Triwulan IV 2026: Baik\.[\s\S]*dasar rating hasil kerja Anda/);

    // Setting it again shows the current value and replaces it.
    await bot.say('/predikatunit');
    await bot.press('Seksi Pengembangan Aplikasi');
    expect(await bot.press('Triwulan IV 2026')).toMatch(/Saat ini: Baik/);
    await bot.press('Istimewa');
    await bot.press('Lewati');
    expect(await db.prisma.unitPredikat.count()).toBe(1);
    expect(await predikatOf('Seksi Pengembangan Aplikasi', '2026-Q4')).toMatchObject({ predikat: 'ISTIMEWA', note: null });
  });

  it('refuses the unit’s own leader, who has nothing to set', async () => {
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/predikatunit')).toMatch(/Anda tidak dapat menetapkan Capaian Kinerja Organisasi unit mana pun/);
    expect(await db.prisma.auditLog.count({ where: { action: 'access.denied', actor: { name: 'Sri Wahyuni' } } })).toBeGreaterThan(0);
  });

  it('lets HR record, with its document, the decision of the leader one level up of a unit whose leader has no superior here', async () => {
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    await bot.as('Dewi Anggraini');
    expect(await bot.say('/capaianorganisasi')).toMatch(/Bidang Aplikasi Informatika/);
    await bot.press('Bidang Aplikasi Informatika');
    // The annual capaian rests on the Perjanjian Kinerja; HR records, it does not decide (SE MenPANRB 3/2023).
    expect(await bot.press('Tahun 2026')).toMatch(/Dasarnya: capaian Perjanjian Kinerja unit[\s\S]*Anda mencatat keputusan pimpinan satu tingkat di atas \(di luar bot\)/);
    await bot.press('Butuh Perbaikan');
    expect(await bot.press('Lewati')).toMatch(/Nomor dokumen keputusan pimpinan itu\?/);
    await bot.say('800/31/2027');
    expect(await bot.say('2026-11-30')).toMatch(/Capaian Kinerja Organisasi Bidang Aplikasi Informatika untuk Tahun 2026 dicatat: Butuh Perbaikan \(dokumen 800\/31\/2027\)\./);
    expect(await predikatOf('Bidang Aplikasi Informatika', '2026')).toMatchObject({ predikat: 'BUTUH_PERBAIKAN', setBy: { name: 'Dewi Anggraini' }, decidedById: null, basis: 'PERJANJIAN_KINERJA', documentNumber: '800/31/2027' });
    expect(await bot.inbox('Hendra Gunawan')).toMatch(/Dewi Anggraini menetapkan Capaian Kinerja Organisasi Bidang Aplikasi Informatika untuk Tahun 2026: Butuh Perbaikan/);
  });
});
