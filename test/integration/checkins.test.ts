/**
 * Weekly check-ins with an injected clock, through the whole bot (console channel, BullMQ on the
 * real Redis): schedulers per time zone, prompts at 14:00 local in WIB, WITA and WIT, skips for
 * holidays, leave and unlinked accounts, the check-in conversation, reminders, missed weeks and
 * escalation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutCheckins } from '../../src/checkins/fanout.js';
import { sweepCheckins } from '../../src/checkins/sweep.js';
import { useTestDatabase } from '../support/database.js';
import { outboxSettled, startConsoleBot, type ConsoleSession } from '../support/console.js';

const db = await useTestDatabase();
let clock = new Date('2026-12-02T03:00:00Z');
let bot: ConsoleSession;
let agencyId = '';
beforeAll(async () => {
  bot = await startConsoleBot(db.url, { now: () => clock });
  agencyId = (await db.prisma.agency.findFirstOrThrow()).id;
  // One person in each Indonesian zone: the demo has WIB and WITA; Yohanes moves to Jayapura (WIT).
  await db.prisma.employee.updateMany({ where: { name: 'Yohanes Kristianto' }, data: { timeZone: 'Asia/Jayapura' } });
});
afterAll(() => bot.stop());

const fanOut = async (at: string) => {
  clock = new Date(at);
  const result = await fanOutCheckins(db.prisma, bot.app.conversations.deliver, clock);
  await outboxSettled(db.prisma);
  return result;
};
const sweep = async (at: string) => {
  clock = new Date(at);
  const result = await sweepCheckins(db.prisma, bot.app.conversations.deliver, clock);
  await outboxSettled(db.prisma);
  return result;
};
const promptsOf = (weekKey: string) =>
  db.prisma.checkinPrompt.findMany({ where: { weekKey }, include: { employee: { select: { name: true } } }, orderBy: { employee: { name: 'asc' } } });

describe('check-in schedules', () => {
  it('keeps one BullMQ job scheduler per schedule and time zone, at 14:00 on Fridays local time', async () => {
    await bot.app.conversations.maintenance.runOnce();
    const schedulers = await bot.app.conversations.jobs.work.getJobSchedulers(0, -1);
    const checkins = schedulers.filter((s) => s.key.startsWith('checkin:')).map((s) => [s.tz, s.pattern, new Date(Number(s.next)).toISOString()]);
    expect(checkins.sort()).toEqual([
      ['Asia/Jakarta', '0 14 * * 5', '2026-12-04T07:00:00.000Z'],
      ['Asia/Jayapura', '0 14 * * 5', '2026-12-04T05:00:00.000Z'],
      ['Asia/Makassar', '0 14 * * 5', '2026-12-04T06:00:00.000Z'],
    ]);
    expect(schedulers.map((s) => s.key)).toContain('checkin-sweep');
  });

  it('removes the scheduler of a zone nobody is in any more, and adds one for a new unit schedule', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Seksi Tata Kelola Data' } });
    await db.prisma.checkinSchedule.create({ data: { unitId: unit.id, weekday: 4, minuteOfDay: 9 * 60 + 30 } });
    await bot.app.conversations.maintenance.runOnce();
    const keys = (await bot.app.conversations.jobs.work.getJobSchedulers(0, -1)).map((s) => [s.key.replace(/s:[^:]+/, 's:ID'), s.pattern]);
    expect(keys).toContainEqual(['checkin:s:ID:Asia/Jakarta', '30 9 * * 4']);
    await db.prisma.checkinSchedule.deleteMany();
    await bot.app.conversations.maintenance.runOnce();
    const after = (await bot.app.conversations.jobs.work.getJobSchedulers(0, -1)).map((s) => s.key);
    expect(after.some((key) => key.startsWith('checkin:s:'))).toBe(false);
  });
});

describe('prompting', () => {
  it('prompts each person at 14:00 in their own zone: WIT first, then WITA, then WIB', async () => {
    expect((await fanOut('2026-12-04T04:59:00Z')).prompted).toBe(0);
    expect(await fanOut('2026-12-04T05:00:00Z')).toMatchObject({ prompted: 1 });
    expect((await promptsOf('2026-W49')).map((p) => p.employee.name)).toEqual(['Yohanes Kristianto']);
    // Yohanes's window is still open, so he counts as already prompted.
    expect(await fanOut('2026-12-04T06:00:00Z')).toMatchObject({ prompted: 1, alreadyPrompted: 1 });
    expect((await promptsOf('2026-W49')).map((p) => p.employee.name)).toContain('Ni Luh Putu Ayu');
    expect(await fanOut('2026-12-04T07:00:00Z')).toMatchObject({ prompted: 9 });
    expect(bot.transcript()).toMatch(/→ pesan untuk Yohanes Kristianto[\s\S]*waktunya mengisi laporan progres mingguan \(2026-W49\)[\s\S]*\[a\] Isi laporan mingguan/);
  });

  it('never prompts anyone twice in a week, however often it runs', async () => {
    const again = await fanOut('2026-12-04T07:30:00Z');
    expect(again).toMatchObject({ prompted: 0, alreadyPrompted: 11 });
    expect(await db.prisma.checkinPrompt.count({ where: { weekKey: '2026-W49' } })).toBe(11);
    const invitations = await db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: 'checkin:' } } });
    expect(invitations).toBe(11);
  });

  it('skips holidays, leave and people without a reachable chat account, and records why', async () => {
    await db.prisma.holiday.create({ data: { date: new Date('2026-12-11'), name: 'Hari Jadi Provinsi', kind: 'INSTANSI', agencyId } });
    await fanOut('2026-12-11T07:00:00Z');
    expect((await promptsOf('2026-W50')).every((p) => p.status === 'SKIPPED' && p.skipReason === 'HOLIDAY')).toBe(true);

    const rudi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Rudi Hartono' } });
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.leave.create({ data: { employeeId: rudi.id, startsOn: new Date('2026-12-14'), endsOn: new Date('2026-12-24') } });
    await db.prisma.chatIdentity.updateMany({ where: { employeeId: dewi.id }, data: { reachable: false } });
    const result = await fanOut('2026-12-18T07:00:00Z');
    expect(result.skipped).toMatchObject({ LEAVE: 1, UNLINKED: 1 });
    const byName = Object.fromEntries((await promptsOf('2026-W51')).map((p) => [p.employee.name, p.skipReason ?? p.status]));
    expect(byName).toMatchObject({ 'Rudi Hartono': 'LEAVE', 'Dewi Anggraini': 'UNLINKED', 'Andi Pratama': 'PENDING' });
    await db.prisma.chatIdentity.updateMany({ where: { employeeId: dewi.id }, data: { reachable: true } });
  });
});

describe('the check-in conversation', () => {
  it('asks progress on each RHK, routes an obstacle to the supervisor and stores every answer', async () => {
    clock = new Date('2026-12-18T08:00:00Z');
    await bot.type('/as Sri Wahyuni');
    expect(await bot.type('/checkin')).toMatch(/Progres minggu ini untuk RHK 1 dari 2/);
    expect(await bot.type('Dua aplikasi selesai uji coba.')).toMatch(/RHK 2 dari 2/);
    expect(await bot.type('-')).toMatch(/Ada kendala/);
    await bot.type('Lisensi server pengujian habis.');
    await bot.type('Mohon percepat pengadaan lisensi.');
    const done = await bot.type('4');
    expect(done).toMatch(/laporan progres minggu ini tersimpan[\s\S]*Kendala Anda diteruskan kepada Hendra Gunawan/);
    expect(done).toMatch(/→ pesan untuk Hendra Gunawan[\s\S]*Kendala dari Sri Wahyuni[\s\S]*Lisensi server/);

    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const prompt = await db.prisma.checkinPrompt.findUniqueOrThrow({ where: { employeeId_weekKey: { employeeId: sri.id, weekKey: '2026-W51' } }, include: { answers: true, obstacles: true } });
    expect(prompt.status).toBe('ANSWERED');
    expect(prompt.answers.map((a) => [a.questionKey.replace(/:.*/, ':rhk'), a.text ?? a.value]).sort()).toEqual([
      ['mood', 4],
      ['obstacle', 'Lisensi server pengujian habis.'],
      ['progress:rhk', 'Dua aplikasi selesai uji coba.'],
      ['support', 'Mohon percepat pengadaan lisensi.'],
    ]);
    expect(prompt.obstacles).toEqual([expect.objectContaining({ source: 'CHECKIN', status: 'OPEN' })]);
    expect(await db.prisma.progressEntry.count({ where: { employeeId: sri.id } })).toBe(1);
    expect(await bot.type('/checkin')).toMatch(/sudah Anda isi/);
  });

  it('lets someone with no plan answer in free text, at any time with /checkin', async () => {
    clock = new Date('2026-12-22T02:00:00Z'); // Tuesday of week 52: no prompt yet
    await bot.type('/as Bambang');
    expect(await bot.type('/laporanprogres')).toMatch(/Apa saja yang Anda kerjakan dan capai minggu ini\?/);
    await bot.type('Menyusun rancangan katalog data.');
    for (let i = 0; i < 3; i++) await bot.type('-');
    const bambang = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } });
    expect(await db.prisma.checkinPrompt.findUniqueOrThrow({ where: { employeeId_weekKey: { employeeId: bambang.id, weekKey: '2026-W52' } } })).toMatchObject({ status: 'ANSWERED' });
  });
});

describe('reminders, missed weeks and escalation', () => {
  it('reminds once after 24 hours, marks missed at the deadline, and tells the supervisor after two missed weeks', async () => {
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    const w51 = await db.prisma.checkinPrompt.findUniqueOrThrow({ where: { employeeId_weekKey: { employeeId: andi.id, weekKey: '2026-W51' } } });
    expect(w51.status).toBe('PENDING');

    expect((await sweep('2026-12-19T06:59:00Z')).reminded).toBe(0);
    const reminded = await sweep('2026-12-19T07:00:00Z');
    expect(reminded.reminded).toBeGreaterThanOrEqual(1);
    expect(bot.transcript()).toMatch(/→ pesan untuk Andi Pratama[\s\S]*Pengingat, Andi Pratama: laporan progres minggu ini belum diisi/);
    expect((await sweep('2026-12-19T09:00:00Z')).reminded).toBe(0);

    // W49 was never answered either: at W51's deadline Andi has missed two weeks in a row.
    await sweep('2026-12-07T07:00:00Z');
    expect((await db.prisma.checkinPrompt.findUniqueOrThrow({ where: { employeeId_weekKey: { employeeId: andi.id, weekKey: '2026-W49' } } })).status).toBe('MISSED');
    const atDeadline = await sweep('2026-12-21T07:00:00Z');
    expect(atDeadline.missed).toBeGreaterThanOrEqual(1);
    expect(atDeadline.escalated).toBeGreaterThanOrEqual(1);
    expect(bot.transcript()).toMatch(/→ pesan untuk Sri Wahyuni[\s\S]*Andi Pratama tidak mengisi laporan progres mingguan 2 minggu berturut-turut/);
    const escalations = await db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: 'checkin-escalation:' }, employee: { name: 'Sri Wahyuni' } } });
    expect((await sweep('2026-12-21T08:00:00Z')).escalated).toBe(0);
    expect(await db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: 'checkin-escalation:' }, employee: { name: 'Sri Wahyuni' } } })).toBe(escalations);
  });
});
