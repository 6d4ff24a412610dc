/**
 * Rules of the conversations beyond the happy path, through the console: acting supervisors,
 * the supervisor's own plan first, revisions keeping history, another flow while one is active,
 * idle conversations ending with a message, and link codes that expired or were replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireIdleSessions } from '../../src/bot/expiry.js';
import { issueLinkCodes } from '../../src/linking/link-codes.js';
import { decideAndCommit } from '../../src/services/commit.js';
import { redeemLinkCode } from '../../src/services/linking.js';
import { useTestDatabase } from '../support/database.js';
import { outboxSettled, startConsoleBot, type ConsoleSession } from '../support/console.js';

const db = await useTestDatabase();
let clock = new Date('2026-11-27T03:00:00Z');
let bot: ConsoleSession;
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => clock });
});
afterAll(() => bot.stop());

/** Sets expectations with one RHK and no behaviour expectations, answering every question. */
async function quickPlan(report: string, rhk: string, leaderRhk = '1'): Promise<string> {
  await bot.type('Utama');
  await bot.type(rhk);
  await bot.type('Kuantitas');
  await bot.type('Jumlah dokumen yang diselesaikan');
  await bot.type('10 dokumen');
  await bot.type('tidak');
  await bot.type(leaderRhk);
  await bot.type('tidak');
  for (let i = 0; i < 7; i++) await bot.type('-');
  for (const lampiran of ['Sarana kerja', 'Laporan bulanan', 'Sesuai ketentuan']) await bot.type(lampiran);
  const sent = await bot.type('Kirim');
  expect(sent).toMatch(new RegExp(`terkirim kepada ${report}`));
  return sent;
}

describe('who may set expectations', () => {
  it('tells a supervisor whose own plan is not agreed yet to get it agreed first', async () => {
    await bot.type('/as Bambang');
    expect(await bot.type('/ekspektasi')).toMatch(/rencana SKP 2026 Anda belum ditetapkan[\s\S]*Minta atasan Anda menetapkannya/);
  });

  it('lets an acting supervisor (Plh) set expectations for the reports of the person they stand in for', async () => {
    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const fitri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Fitri Handayani' } });
    const bambang = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } });
    await db.prisma.actingAssignment.create({
      data: { employeeId: sri.id, actingForId: bambang.id, kind: 'PLH', startsOn: new Date('2026-11-01'), endsOn: new Date('2026-11-30') },
    });
    await bot.type('/as Sri Wahyuni');
    expect(await bot.type('/saya')).toMatch(/Plh\. \(pelaksana harian\): Kepala Seksi Tata Kelola Data – menggantikan Bambang Sutrisno s\.d\. 2026-11-30/);
    const choices = await bot.type('/ekspektasi');
    expect(choices).toMatch(/Fitri Handayani \(Plt\.\/Plh\.\)/);
    expect(choices).toMatch(/Andi Pratama/);
    await bot.type('Fitri Handayani (Plt./Plh.)');
    await quickPlan('Fitri Handayani', 'Tersusunnya katalog data sektoral');
    expect(await db.prisma.plan.findFirstOrThrow({ where: { employeeId: fitri.id } })).toMatchObject({ raterId: sri.id, status: 'PROPOSED' });

    // After the assignment ends, the same person is no longer theirs to rate.
    clock = new Date('2026-12-02T03:00:00Z');
    expect(await bot.type('/ekspektasi Fitri')).toMatch(/Tidak bisa: Anda bukan Pejabat Penilai Kinerja/);
    clock = new Date('2026-11-27T03:00:00Z');
  });
});

describe('plans', () => {
  it('locks an agreed plan; a revision is a new version and the old one is kept', async () => {
    await bot.type('/as Sri Wahyuni');
    await bot.type('/ekspektasi Yohanes');
    await quickPlan('Yohanes Kristianto', 'Terpeliharanya aplikasi layanan versi pertama');
    await bot.type('/as Yohanes');
    expect(await bot.type('/skp')).toMatch(/versi 1[\s\S]*Setuju/);
    await bot.type('a');
    await bot.type('/as Sri Wahyuni');
    expect(await bot.type('/skp Yohanes')).toMatch(/Rencana SKP 2026 – Yohanes Kristianto \(versi 1\)[\s\S]*Status: ditetapkan/);
    expect(await bot.type('/ekspektasi Yohanes')).toMatch(/versi 1 sudah ditetapkan. Buat revisi/);
    await bot.type('ya');
    await quickPlan('Yohanes Kristianto', 'Terpeliharanya aplikasi layanan versi kedua', '2');
    const yohanes = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Yohanes Kristianto' } });
    const versions = await db.prisma.plan.findMany({ where: { employeeId: yohanes.id }, orderBy: { version: 'asc' }, include: { resultExpectations: true } });
    expect(versions.map((p) => [p.version, p.status, p.resultExpectations[0]?.text])).toEqual([
      [1, 'AGREED', 'Terpeliharanya aplikasi layanan versi pertama'],
      [2, 'PROPOSED', 'Terpeliharanya aplikasi layanan versi kedua'],
    ]);
    // The agreed version stays in force until the employee agrees to the revision.
    await bot.type('/as Yohanes');
    await bot.type('/skp');
    await bot.type('a');
    const after = await db.prisma.plan.findMany({ where: { employeeId: yohanes.id }, orderBy: { version: 'asc' } });
    expect(after.map((p) => [p.version, p.status, p.supersededAt !== null])).toEqual([
      [1, 'AGREED', true],
      [2, 'AGREED', false],
    ]);
  });

  it('lets an employee see only their own plan, not a colleague’s', async () => {
    await bot.type('/as Andi');
    expect(await bot.type('/skp Ratna')).toMatch(/Tidak bisa/);
  });
});

describe('conversations', () => {
  it('asks before abandoning an active conversation for another one', async () => {
    await bot.type('/as Andi');
    await bot.type('/kendala');
    const busy = await bot.type('/mintaumpanbalik');
    expect(busy).toMatch(/Anda sedang mengisi “Kendala”. Tinggalkan dan mulai “Permintaan umpan balik”\?/);
    expect(await bot.type('b')).toMatch(/Anda sedang mengisi “Kendala”[\s\S]*Ceritakan kendalanya/);
    expect(await bot.type('/mintaumpanbalik')).toMatch(/Tinggalkan/);
    expect(await bot.type('a')).toMatch(/Umpan balik tentang apa yang Anda minta\?|Tulis singkat apa yang ingin Anda ketahui/);
    await bot.type('/batal');
  });

  it('ends a conversation left unanswered too long, with a message saying so', async () => {
    await bot.type('/as Andi');
    await bot.type('/kendala');
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const rows = await expireIdleSessions(db.prisma, bot.app.conversations.engine, clock);
    await bot.app.conversations.deliver(rows);
    await outboxSettled(db.prisma);
    expect(bot.transcript()).toMatch(/“Kendala” berakhir karena tidak ada jawaban selama 24 jam[\s\S]*\/kendala/);
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    expect(await db.prisma.conversationSession.count({ where: { employeeId: andi.id } })).toBe(0);
  });
});

describe('link codes', () => {
  it('refuses an expired code and a replaced one, without counting them as wrong guesses', async () => {
    const agency = await db.prisma.agency.findFirstOrThrow();
    const newcomer = await db.prisma.employee.create({
      data: { agencyId: agency.id, unitId: (await db.prisma.unit.findFirstOrThrow()).id, nip: '200002022024021002', name: 'Calon Pegawai', position: 'Analis', positionType: 'PELAKSANA', employmentStatus: 'PPPK' },
    });
    const now = new Date('2026-11-27T03:00:00Z');
    const [old] = (await issueLinkCodes(db.prisma, { agencyId: agency.id, unitIds: [newcomer.unitId], ttlDays: 1, now })).codes.filter((c) => c.employeeId === newcomer.id);
    const [fresh] = (await issueLinkCodes(db.prisma, { agencyId: agency.id, unitIds: [newcomer.unitId], ttlDays: 1, now })).codes.filter((c) => c.employeeId === newcomer.id);
    const account = { platform: 'TELEGRAM' as const, workspace: '', externalUserId: '424242', chatId: '424242', username: null };
    const redeem = async (code: string, at: Date) => (await decideAndCommit(db.prisma, at, (work) => redeemLinkCode(db.prisma, work, account, code, at))).value;
    expect(await redeem(old!.code, now)).toEqual({ status: 'REVOKED' });
    expect(await redeem(fresh!.code, new Date('2026-11-29T03:00:00Z'))).toEqual({ status: 'EXPIRED' });
    expect(await db.prisma.linkAttempt.count({ where: { externalUserId: '424242' } })).toBe(0);
    expect(await redeem(fresh!.code, now)).toMatchObject({ status: 'LINKED', employeeId: newcomer.id });
  });
});
