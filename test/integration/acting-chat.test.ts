/**
 * /plt through the console: HR records a Plt step by step (refused to others, with the rule's
 * refusals while asking and a last check of HR's role), the acting person sees it in /saya and
 * is told, and HR ends it early.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';

const db = await useTestDatabase();
let clock = new Date('2026-11-27T03:00:00Z');
let bot: ConsoleSession;
let hrRoleId: string;
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => clock });
  const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
  hrRoleId = (await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } })).id;
});
afterAll(() => bot.stop());

/** Types each line in turn; returns what the last one printed. */
async function typeAll(...lines: string[]): Promise<string> {
  let printed = '';
  for (const line of lines) printed = await bot.type(line);
  return printed;
}

describe('/plt', () => {
  it('is for pengelola kinerja only', async () => {
    await bot.type('/as Andi Pratama');
    expect(await bot.type('/plt')).toMatch(/Perintah ini hanya untuk Pengelola Kinerja\./);
    expect(await db.prisma.auditLog.count({ where: { action: 'access.denied', details: { path: ['attempted'], equals: 'MANAGE_ORGANISATION' } } })).toBe(1);
  });

  it('lists /plt in HR’s help', async () => {
    await bot.type('/as Dewi Anggraini');
    expect(await bot.type('/bantuan')).toMatch(/\/plt – Lihat, catat atau akhiri Plt\./);
  });

  it('records a Plt step by step; the acting person is told and sees it in /saya', async () => {
    await bot.type('/as Dewi Anggraini');
    expect(await bot.type('/plt')).toMatch(/Belum ada Plt\.\/Plh\. yang sedang atau akan bertugas di lingkup Anda\.[\s\S]*Catat Plt\.\/Plh\. baru/);
    expect(await bot.type('1')).toMatch(/Siapa yang menjadi Plt\.\/Plh\.\? Ketik nama atau NIP-nya\./);
    expect(await bot.type('Tidak Ada Orangnya')).toMatch(/Tidak ada pegawai aktif dalam lingkup Anda yang cocok dengan "Tidak Ada Orangnya"/);
    // Two people match "Dewi": HR picks one.
    expect(await bot.type('Dewi')).toMatch(/Beberapa pegawai cocok[\s\S]*Ratna Sari Dewi – Pranata Komputer Ahli Pertama \(NIP 199207152019032004\)/);
    expect(await bot.type('2')).toMatch(/Ratna Sari Dewi menggantikan siapa\?/);
    expect(await bot.type('199207152019032004')).toMatch(/Ratna Sari Dewi tidak dapat menjadi Plt\.\/Plh\. bagi dirinya sendiri/);
    expect(await bot.type('Sri Wahyuni')).toMatch(/Plt\. atau Plh\.\?/);
    expect(await bot.type('Plt.')).toMatch(/Mulai tanggal berapa\?/);
    expect(await bot.type('hari ini')).toMatch(/Sampai tanggal berapa\?/);
    expect(await bot.type('20-11-2026')).toMatch(/Tidak dicatat: tanggal selesai sebelum tanggal mulai\. Ketik \/kembali/);
    expect(await bot.type('31-12-2026')).toMatch(/Catatan, mis\. nomor SK\?/);
    expect(await bot.type('SK 800/12/2026')).toMatch(
      /Catat Plt\. Ratna Sari Dewi untuk Sri Wahyuni \(Kepala Seksi Pengembangan Aplikasi\), 2026-11-27 s\.d\. 2026-12-31 \(SK 800\/12\/2026\)\?/,
    );
    const saved = await bot.type('ya');
    expect(saved).toMatch(/Plt\. dicatat: Ratna Sari Dewi untuk Sri Wahyuni, 2026-11-27 s\.d\. 2026-12-31\./);
    expect(saved).toMatch(/pesan untuk Ratna Sari Dewi[\s\S]*Dewi Anggraini mencatat Anda sebagai Plt\. \(pelaksana tugas\) Kepala Seksi Pengembangan Aplikasi, menggantikan Sri Wahyuni/);
    expect(saved).toMatch(/pesan untuk Sri Wahyuni[\s\S]*Dewi Anggraini mencatat Ratna Sari Dewi sebagai Plt\. \(pelaksana tugas\) untuk jabatan Anda/);

    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    const assignment = await db.prisma.actingAssignment.findFirstOrThrow({ include: { employee: true, actingFor: true } });
    expect(assignment).toMatchObject({ kind: 'PLT', note: 'SK 800/12/2026', employee: { name: 'Ratna Sari Dewi' }, actingFor: { name: 'Sri Wahyuni' }, startsOn: new Date('2026-11-27'), endsOn: new Date('2026-12-31') });
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'acting.recorded' } })).toMatchObject({ actorId: dewi.id, entityId: assignment.id });

    await bot.type('/as Ratna Sari Dewi');
    expect(await bot.type('/saya')).toMatch(/Plt\. \(pelaksana tugas\): Kepala Seksi Pengembangan Aplikasi – menggantikan Sri Wahyuni s\.d\. 2026-12-31/);
  });

  it('refuses a second Plt for the same official while asking, and at the last step when HR lost the role meanwhile', async () => {
    await bot.type('/as Dewi Anggraini');
    expect(await bot.type('/plt')).toMatch(/Plt\. Ratna Sari Dewi untuk Sri Wahyuni \(Kepala Seksi Pengembangan Aplikasi\): 2026-11-27 s\.d\. 2026-12-31 – SK 800\/12\/2026/);
    expect(await typeAll('1', 'Andi', 'Sri Wahyuni', 'Plh.', '2026-12-20')).toMatch(/Sampai tanggal berapa\?/);
    expect(await bot.type('2027-01-10')).toMatch(/Tidak dicatat: sudah ada Plt\.\/Plh\. untuk Sri Wahyuni pada sebagian tanggal itu/);
    expect(await bot.type('/kembali')).toMatch(/Mulai tanggal berapa\?/);
    expect(await typeAll('2027-01-01', '2027-01-10')).toMatch(/Catatan/);
    expect(await bot.type('-')).toMatch(/Catat Plh\. Andi Pratama untuk Sri Wahyuni \(Kepala Seksi Pengembangan Aplikasi\), 2027-01-01 s\.d\. 2027-01-10\?/);
    await db.prisma.hrRole.delete({ where: { id: hrRoleId } });
    expect(await bot.type('ya')).toMatch(/Perintah ini hanya untuk Pengelola Kinerja\./);
    expect(await db.prisma.actingAssignment.count()).toBe(1);
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    hrRoleId = (await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } })).id;
  });

  it('lets HR end a Plt early; both are told, and it is gone from /saya the next day', async () => {
    await bot.type('/as Dewi Anggraini');
    expect(await bot.type('/plt')).toMatch(/2\. Akhiri: Plt\. Ratna Sari Dewi untuk Sri Wahyuni/);
    expect(await bot.type('2')).toMatch(/berlaku 2026-11-27 s\.d\. 2026-12-31\. Hari terakhir bertugas tanggal berapa\?/);
    expect(await bot.type('2027-01-05')).toMatch(/tanggal itu di luar masa tugasnya \(2026-11-27 s\.d\. 2026-12-31\)/);
    expect(await bot.type('30-11-2026')).toMatch(/Akhiri Plt\. Ratna Sari Dewi untuk Sri Wahyuni pada 2026-11-30\?/);
    const ended = await bot.type('ya');
    expect(ended).toMatch(/Plt\. Ratna Sari Dewi untuk Sri Wahyuni berakhir 2026-11-30\./);
    expect(ended).toMatch(/pesan untuk Ratna Sari Dewi[\s\S]*Tugas Anda sebagai Plt\. Kepala Seksi Pengembangan Aplikasi \(menggantikan Sri Wahyuni\) berakhir 2026-11-30/);
    expect(await db.prisma.actingAssignment.findFirstOrThrow()).toMatchObject({ endsOn: new Date('2026-11-30') });
    expect(await db.prisma.auditLog.count({ where: { action: 'acting.ended' } })).toBe(1);
    clock = new Date('2026-12-01T03:00:00Z');
    await bot.type('/as Ratna Sari Dewi');
    expect(await bot.type('/saya')).not.toMatch(/Plt\./);
  });
});
