/**
 * /bimbingan: a supervisor records a guidance session with a report; the employee fills in the Umpan
 * Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8), which goes to the supervisor's own superior and
 * not to the supervisor; /evaluasikompetensi: the supervisor's Format B.1.9 competency evaluation
 * reaches the employee. Only the rater records.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { useConsoleDriver } from '../support/drivers.js';

const db = await useTestDatabase();
const bot = await useConsoleDriver(db, () => new Date('2026-11-27T03:00:00Z'));

describe('/bimbingan', () => {
  it('records a session; the employee’s feedback reaches the supervisor’s superior, grouped as the form groups it, and not the supervisor', async () => {
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
    await bot.inbox('Sri Wahyuni');
    await bot.inbox('Hendra Gunawan');

    await bot.as('Andi Pratama');
    expect(await bot.inbox('Andi Pratama')).toMatch(/Sri Wahyuni mencatat sesi Coaching dengan Anda[\s\S]*Tindak lanjut: Andi menyiapkan tiga skenario[\s\S]*diserahkan kepada Hendra Gunawan, atasan dari Sri Wahyuni – bukan kepada Sri Wahyuni/);
    expect(await bot.press('Beri umpan balik')).toMatch(/bukan kepada Sri Wahyuni\. Seberapa setuju Anda[\s\S]*Tentang Pegawai[\s\S]*Saya memahami maksud dan tujuan bimbingan kinerja ini/);
    for (const score of ['4', '5']) await bot.press(score);
    expect(await bot.press('3')).toMatch(/Tentang Pimpinan[\s\S]*Pimpinan menyampaikan pandangan berdasarkan data\/fakta yang akurat/);
    expect(await bot.press('4')).toMatch(/Pimpinan lebih banyak bertanya dibandingkan menggurui/);
    for (const score of ['5', '4', '3', '4']) await bot.press(score);
    expect(await bot.press('5')).toMatch(/Umpan balik Anda diserahkan kepada Hendra Gunawan; pimpinan yang membimbing Anda tidak menerimanya/);
    expect(await db.prisma.developmentSession.findFirstOrThrow()).toMatchObject({
      employeeRating: { P_PURPOSE: 4, P_SPOKE_FREELY: 5, P_NEXT_STEPS: 3, L_FACTS: 4, L_ASKS: 5, L_LISTENS: 4, B_SOLUTIONS: 3, B_AGREED: 4, B_RESPECT: 5 },
      ratedAt: expect.any(Date),
    });
    expect(await bot.inbox('Hendra Gunawan')).toMatch(/Format B\.1\.8\) dari Andi Pratama tentang sesi dengan Sri Wahyuni pada 26 Nov 2026: rata-rata 4,1 dari 5[\s\S]*Tentang keduanya/);
    expect(await bot.inbox('Sri Wahyuni')).toBe('');
  });

  it('lets the supervisor evaluate the competencies after the session (Format B.1.9), once', async () => {
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/evaluasikompetensi Andi Pratama')).toMatch(/Sesi bimbingan dengan Andi Pratama yang mana\?[\s\S]*26 Nov 2026: Cara menulis skenario/);
    expect(await bot.say('1')).toMatch(/Format B\.1\.9[\s\S]*Kompetensi 1: nama kompetensinya\?/);
    expect(await bot.say('Penyusunan skenario uji')).toMatch(/Skor Penyusunan skenario uji \(1–5\)\?/);
    await bot.press('4');
    await bot.say('Skenario sudah bisa diulang.');
    expect(await bot.press('Ya')).toMatch(/Kompetensi 2: nama kompetensinya\?/);
    await bot.say('Dokumentasi');
    await bot.press('3');
    await bot.say('Belum lengkap untuk modul lama.');
    expect(await bot.press('Tidak')).toMatch(/Evaluasi 2 kompetensi untuk Andi Pratama tercatat/);
    expect(await db.prisma.competencyScore.findMany({ orderBy: { position: 'asc' }, select: { competency: true, score: true, reason: true } })).toEqual([
      { competency: 'Penyusunan skenario uji', score: 4, reason: 'Skenario sudah bisa diulang.' },
      { competency: 'Dokumentasi', score: 3, reason: 'Belum lengkap untuk modul lama.' },
    ]);
    expect(await bot.inbox('Andi Pratama')).toMatch(/Sri Wahyuni mengevaluasi kompetensi Anda sebagai tindak lanjut bimbingan kinerja 26 Nov 2026 \(Format B\.1\.9\):[\s\S]*Penyusunan skenario uji: 4\/5 – Skenario sudah bisa diulang/);
    expect(await bot.say('/evaluasikompetensi Andi Pratama')).toMatch(/Tidak ada sesi bimbingan dengan Andi Pratama yang belum dievaluasi kompetensinya/);
    await bot.say('/batal');
  });

  it('lets only the rater record a session', async () => {
    await bot.as('Ratna Sari Dewi');
    expect(await bot.say('/bimbingan Andi Pratama')).toMatch(/Tidak bisa[\s\S]*pejabat penilai/i);
    expect(await db.prisma.developmentSession.count()).toBe(1);
  });
});
