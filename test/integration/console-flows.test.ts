import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { consoleDriver } from '../support/drivers.js';
import { playEveryFlow } from '../support/scenario.js';

const db = await useTestDatabase();
let bot: ConsoleSession;
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => new Date('2026-11-27T03:00:00Z') });
});
afterAll(() => bot.stop());

describe('the console channel', () => {
  it('loads the demo organisation on first run and starts as a section head', async () => {
    expect(bot.transcript()).toMatch(/Dialog Kinerja – konsol[\s\S]*Anda sekarang: Sri Wahyuni/);
    expect(await db.prisma.employee.count()).toBe(11);
    expect(await bot.type('/orang')).toMatch(/Hendra Gunawan – Kepala Bidang Aplikasi Informatika[\s\S]*Rudi Hartono/);
  });

  it('carries every flow from expectations to a resolved obstacle', async () => {
    await playEveryFlow(consoleDriver(bot, db), db);
  });

  it('labels messages to other people with their name', async () => {
    await bot.type('/as Rudi');
    await bot.type('/kendala');
    await bot.type('Akses VPN kantor terputus.');
    const sent = await bot.type('-');
    expect(sent).toMatch(/→ pesan untuk Bambang Sutrisno \(ganti dengan \/as Bambang Sutrisno\):[\s\S]*Kendala dari Rudi Hartono/);
  });

  it('explains what to do when nobody is chosen or the name is unknown', async () => {
    expect(await bot.type('/as Tidak Ada Orangnya')).toMatch(/Tidak ada pegawai aktif yang cocok/);
    expect(await bot.type('/as a')).toMatch(/Beberapa orang cocok/);
  });

  it('never writes a terminal escape sequence from a name (an HR file may carry one)', async () => {
    const rudi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Rudi Hartono' } });
    await db.prisma.employee.update({ where: { id: rudi.id }, data: { name: 'Rudi \u001b]0;pwned\u0007\u001b[2JHartono' } });
    const switched = await bot.type('/as Rudi');
    const people = await bot.type('/orang');
    await db.prisma.employee.update({ where: { id: rudi.id }, data: { name: 'Rudi Hartono' } });
    for (const output of [switched, people]) {
      expect(output).toMatch(/Rudi \]0;pwned\[2JHartono/);
      expect(output.includes('\u001b') || output.includes('\u0007')).toBe(false);
    }
  });
});
