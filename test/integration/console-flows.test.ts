import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';

const db = await useTestDatabase();
let bot: ConsoleSession;
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => new Date('2026-11-27T03:00:00Z') });
});
afterAll(() => bot.stop());

describe('the console channel with the demo organisation', () => {
  it('starts as a supervisor of the demo organisation', () => {
    expect(bot.transcript()).toMatch(/Anda sekarang: Sri Wahyuni/);
  });

  it('lets a supervisor set expectations and the employee agree', async () => {
    expect(await bot.type('/ekspektasi')).toMatch(/Untuk siapa ekspektasi ini\?/);
    expect(await bot.type('Andi Pratama')).toMatch(/RHK ke-1 untuk Andi Pratama: utama atau tambahan\?/);
    expect(await bot.type('a')).toMatch(/Tulis rencana hasil kerjanya/);
    expect(await bot.type('Tersedianya aplikasi perizinan daring yang teruji')).toMatch(/aspek apa\?/);
    await bot.type('1');
    await bot.type('Jumlah modul aplikasi yang selesai diuji');
    expect(await bot.type('4 modul')).toMatch(/Tambah indikator lain/);
    expect(await bot.type('tidak')).toMatch(/RHK Anda yang mana/);
    await bot.type('1');
    expect(await bot.type('tidak')).toMatch(/Ekspektasi khusus untuk nilai “Berorientasi Pelayanan”/);
    await bot.type('Menanggapi keluhan pengguna aplikasi paling lambat satu hari kerja');
    for (let i = 0; i < 6; i++) await bot.type('-');
    const sent = await bot.type('1');
    expect(sent).toMatch(/Rencana SKP 2026 versi 1 terkirim kepada Andi Pratama/);
    expect(sent).toMatch(/→ pesan untuk Andi Pratama/);
    expect(sent).toMatch(/Sri Wahyuni menetapkan ekspektasi kinerja untuk Anda/);
    expect(sent).toMatch(/Jumlah modul aplikasi yang selesai diuji – target 4 modul/);

    expect(await bot.type('/as Andi')).toMatch(/Sekarang Anda adalah Andi Pratama/);
    const agreed = await bot.type('/skp');
    expect(agreed).toMatch(/\[a\] Setuju/);
    const done = await bot.type('a');
    expect(done).toMatch(/Rencana SKP 2026 versi 1 disepakati/);
    expect(done).toMatch(/→ pesan untuk Sri Wahyuni[\s\S]*Andi Pratama menyetujui rencana SKP 2026 versi 1/);

    const plan = await db.prisma.plan.findFirstOrThrow({ where: { employee: { name: 'Andi Pratama' } }, include: { resultExpectations: { include: { indicators: true } }, behaviourExpectations: true } });
    expect(plan).toMatchObject({ status: 'AGREED', version: 1, year: 2026 });
    expect(plan.resultExpectations[0]?.indicators[0]).toMatchObject({ aspect: 'KUANTITAS', targetUnit: 'modul' });
    expect(Number(plan.resultExpectations[0]?.indicators[0]?.targetValue)).toBe(4);
    expect(plan.behaviourExpectations).toEqual([expect.objectContaining({ coreValue: 'pelayanan' })]);
  });
});
