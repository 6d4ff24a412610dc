/**
 * /bimbingan: a supervisor records a guidance session with a report; the employee rates it on the
 * guidance-feedback statements, and the supervisor sees the result. Only the rater records.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { useConsoleDriver } from '../support/drivers.js';

const db = await useTestDatabase();
const bot = await useConsoleDriver(db, () => new Date('2026-11-27T03:00:00Z'));

describe('/bimbingan', () => {
  it('records a session, the employee rates it, and the supervisor sees the rating', async () => {
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/bimbingan')).toMatch(/Sesi bimbingan dengan siapa\?/);
    expect(await bot.press('Andi Pratama')).toMatch(/Jenis sesi dengan Andi Pratama\?/);
    expect(await bot.press('Coaching')).toMatch(/Kapan sesinya\?/);
    expect(await bot.say('30-11-2026')).toMatch(/Tanggal itu belum lewat/);
    expect(await bot.say('26-11-2026')).toMatch(/Topik yang dibahas\?/);
    await bot.say('Cara menulis skenario uji yang bisa diulang.');
    expect(await bot.say('Andi menyiapkan tiga skenario uji untuk modul pelaporan.')).toMatch(/Sesi Coaching dengan Andi Pratama \(26 Nov 2026\) tercatat/);
    const saved = await db.prisma.developmentSession.findFirstOrThrow({ include: { employee: true, leader: true } });
    expect(saved).toMatchObject({ kind: 'COACHING', topic: 'Cara menulis skenario uji yang bisa diulang.', employee: { name: 'Andi Pratama' }, leader: { name: 'Sri Wahyuni' }, ratedAt: null });
    expect(saved.heldAt.toISOString()).toBe('2026-11-26T00:00:00.000Z');

    await bot.as('Andi Pratama');
    expect(await bot.inbox('Andi Pratama')).toMatch(/Sri Wahyuni mencatat sesi Coaching dengan Anda[\s\S]*Tindak lanjut: Andi menyiapkan tiga skenario/);
    expect(await bot.press('Beri umpan balik')).toMatch(/Seberapa setuju Anda[\s\S]*Saya merasa didengarkan/);
    for (const score of ['4', '5', '3', '4']) await bot.press(score);
    expect(await bot.press('5')).toMatch(/Terima kasih, umpan balik Anda tersimpan/);
    expect(await db.prisma.developmentSession.findFirstOrThrow()).toMatchObject({ employeeRating: { HEARD: 4, FREE: 5, EXPECTED: 3, NEXT: 4, USEFUL: 5 }, ratedAt: expect.any(Date) });
    expect(await bot.inbox('Sri Wahyuni')).toMatch(/Umpan balik Andi Pratama atas sesi bimbingan 26 Nov 2026: rata-rata 4,2 dari 5[\s\S]*Saya merasa didengarkan\. 4\/5/);
  });

  it('lets only the rater record a session', async () => {
    await bot.as('Ratna Sari Dewi');
    expect(await bot.say('/bimbingan Andi Pratama')).toMatch(/Tidak bisa[\s\S]*Pejabat Penilai Kinerja/);
    expect(await db.prisma.developmentSession.count()).toBe(1);
  });
});
