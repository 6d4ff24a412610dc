/**
 * A move mid-year in chat, over PostgreSQL through the console: the old PPK names the person who
 * moved away and rates their closed SKP period (and is told plainly when a period has no day of it);
 * the new PPK sees the credit-point conversion of the closed part as months/12 (BKN's method).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { consoleDriver } from '../support/drivers.js';
import { useTestDatabase } from '../support/database.js';
import { exampleWithDimasMoved } from '../support/moves.js';
import { hrCli, importRealAgency, type Clock } from '../support/real-agency.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
const NUR_AINI = '199108252015032002';
const DEWI = '198204172006042001';
let bot: ConsoleSession;

beforeAll(async () => {
  await importRealAgency(db, clock);
  // Dimas moves on 1 October; Nur Aini (Pranata Komputer Ahli Pertama) on 1 March, to Dewi's bidang.
  const file = exampleWithDimasMoved('2026-10-01', { [NUR_AINI]: { unit: 'Bidang Informasi dan Komunikasi Publik', nip_atasan: DEWI, tanggal_efektif: '2026-03-01' } });
  expect(await hrCli(db, clock, 'import-org', file)).toMatch(/2 pegawai pindah/);
  clock.now = new Date('2026-12-28T03:00:00Z');
  bot = await startConsoleBot(db.url, { now: () => clock.now, env: { DEMO_ORGANISATION: 'off' } });
});
afterAll(() => bot?.stop());

describe('a move mid-year in chat', () => {
  it('lets the old PPK name the person who moved away and rate the closed SKP period, with its days', async () => {
    const driver = consoleDriver(bot, db);
    await driver.as('Hendra Wijaya S.T.');
    expect(await driver.say('/evaluasi Dimas')).toMatch(/Evaluasi periode apa\?/);
    const record = await driver.say('Tahun 2026');
    expect(record).toMatch(/Catatan kinerja Dimas Saputra – Tahun 2026 \(1 Jan 2026 s\.d\. 30 Sep 2026\)/);
    await driver.say('Sesuai Ekspektasi');
    await driver.say('Sesuai Ekspektasi');
    await driver.say('-');
    expect(await driver.say('-')).toMatch(/Draf evaluasi Dimas Saputra untuk Tahun 2026, periode SKP 1 Jan 2026 – 30 Sep 2026 tersimpan/);
    // Triwulan IV is all in the new SKP period: the old PPK is told so, and nothing is saved.
    await driver.say('/evaluasi Dimas');
    await driver.say('Triwulan IV 2026');
    for (const answer of ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', '-']) await driver.say(answer);
    expect(await driver.say('-')).toMatch(/Periode SKP Dimas Saputra yang ini tidak mencakup satu hari pun dari Triwulan IV 2026/);
    expect(await db.prisma.evaluation.count({ where: { periodKey: '2026-Q4', employee: { nip: '199409232018011002' } } })).toBe(0);
  });

  it('shows the conversion of a closed part as months/12 of the annual credit points', async () => {
    const nur = await db.prisma.employee.findUniqueOrThrow({ where: { nip: NUR_AINI } });
    const closed = await db.prisma.skpPeriod.findFirstOrThrow({ where: { employeeId: nur.id } });
    const at = new Date('2026-12-27T03:00:00Z');
    // Agus, her PPK until February, finalised the part January–February.
    await db.prisma.evaluation.create({
      data: { employeeId: nur.id, raterId: closed.raterId ?? '', kind: 'ANNUAL', year: 2026, periodKey: '2026', skpPart: closed.id, resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'FINAL', finalizedAt: at, deliveredAt: at },
    });
    const driver = consoleDriver(bot, db);
    await driver.as('Dewi Lestari S.Sos.');
    expect(await driver.say('/tindaklanjut Nur Aini')).toMatch(/Tahun 2026, periode SKP 1 Jan 2026 – 28 Feb 2026: Baik/);
    expect(await driver.say('1')).toMatch(/2\/12 × 100% × koefisien tahunan 12,5 = 2,083/);
  });
});
