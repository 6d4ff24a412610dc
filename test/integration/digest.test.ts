/**
 * The HR weekly digest and the daily nudges, on Telegram with an injected clock: registering a
 * group, the digest's numbers and chart, sending it once per week, /laporan on demand; leaders
 * first in January, the period-end reminder and supervisors without dialogue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutCheckins } from '../../src/checkins/fanout.js';
import { plainText } from '../../src/conversation/reply.js';
import { computeDigest, digestMessage, readDigest } from '../../src/reports/digest.js';
import { sendDailyNudges } from '../../src/reports/nudges.js';
import { catchUpWeeklyDigests, sendWeeklyDigests } from '../../src/reports/send-digest.js';
import { outboxSettled } from '../support/console.js';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { makeGroup } from '../support/fake-telegram.js';

// Wednesday: outside the Friday check-in window, so the start-up catch-up asks nobody before linking.
let clock = new Date('2026-12-02T08:00:00Z');
const db = await useTestDatabase();
let bot: TelegramBot;
let agencyId = '';
const group = makeGroup(-100777, 'Pengelola Kinerja Bidang');
beforeAll(async () => {
  bot = await startTelegramBot(db, { now: () => clock });
  const agency = await db.prisma.agency.findFirstOrThrow();
  agencyId = agency.id;
  const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
  await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId } });
});
afterAll(() => bot.stop());

const user = (name: string) => bot.users.get(name)!;
async function inGroup(name: string, text: string) {
  const update = bot.fake.sendGroupText(user(name), group, text);
  await bot.settle(update.update_id);
  return bot.fake.messagesTo(group.id).filter((m) => m.message_id > update.message.message_id);
}

describe('report destinations', () => {
  it('lets HR register a group for the weekly digest, and nobody else', async () => {
    expect((await inGroup('Andi Pratama', '/daftarlaporan@dialog_kinerja_test_bot')).map((m) => m.text)).toEqual([
      'Perintah ini hanya untuk Pengelola Kinerja.',
    ]);
    const replies = await inGroup('Dewi Anggraini', '/daftarlaporan');
    expect(replies[0]?.text).toMatch(/Grup ini akan menerima ringkasan mingguan Pemerintah Provinsi Contoh \(demo\) setiap Senin pukul 08\.00/);
    expect(await db.prisma.reportDestination.findFirstOrThrow()).toMatchObject({ platform: 'TELEGRAM', chatId: String(group.id), title: 'Pengelola Kinerja Bidang', agencyId });
    await bot.app.conversations.maintenance.runOnce();
    const schedulers = await bot.app.conversations.jobs.work.getJobSchedulers(0, -1);
    expect(schedulers.find((s) => s.key === `digest:${agencyId}`)).toMatchObject({ pattern: '0 8 * * 1', tz: 'Asia/Jakarta' });
    expect(schedulers.find((s) => s.key === `nudges:${agencyId}`)).toMatchObject({ pattern: '0 9 * * *', tz: 'Asia/Jakarta' });
  });
});

describe('the weekly digest', () => {
  beforeAll(async () => {
    // Friday's check-in: a few answer, Rudi is on leave, Fitri's account is unreachable, an obstacle is old.
    const rudi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Rudi Hartono' } });
    await db.prisma.leave.create({ data: { employeeId: rudi.id, startsOn: new Date('2026-12-01'), endsOn: new Date('2026-12-10') } });
    clock = new Date('2026-12-04T07:00:00Z');
    await fanOutCheckins(db.prisma, bot.app.conversations.deliver, clock);
    await outboxSettled(db.prisma);
    for (const name of ['Andi Pratama', 'Ratna Sari Dewi', 'Muhammad Rizal']) {
      await db.prisma.checkinPrompt.updateMany({ where: { employee: { name }, weekKey: '2026-W49', status: 'PENDING' }, data: { status: 'ANSWERED', answeredAt: clock } });
    }
    const fitri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Fitri Handayani' } });
    await db.prisma.chatIdentity.updateMany({ where: { employeeId: fitri.id }, data: { reachable: false, unreachableReason: 'Forbidden: bot was blocked by the user' } });
    await db.prisma.obstacle.create({ data: { employeeId: rudi.id, supervisorId: rudi.id, text: 'Akses VPN', createdAt: new Date('2026-11-20T03:00:00Z') } });
    clock = new Date('2026-12-07T01:00:00Z'); // Monday 08:00 WIB
  });

  it('counts participation per unit, agreed plans, old obstacles, silent supervisors and unreachable accounts', async () => {
    const data = await computeDigest(db.prisma, { agencyId, unitId: null, now: clock });
    expect(data.weekKey).toBe('2026-W49');
    expect(data.units).toHaveLength(1);
    expect(data.total.thisWeek).toMatchObject({ answered: 3, onLeave: 1, pending: 7 });
    expect(data.plans).toEqual({ agreed: 2, active: 11 });
    expect(data.oldObstacles).toEqual([expect.objectContaining({ name: 'Rudi Hartono', days: 16 })]);
    expect(data.silentSupervisors).toEqual(['Bambang Sutrisno', 'Hendra Gunawan', 'Sri Wahyuni']);
    expect(data.unreachable).toEqual(['Fitri Handayani']);
  });

  it('rolls a unit digest up to the units right below it, and keeps to its subtree', async () => {
    const division = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Bidang Aplikasi Informatika' } });
    const whole = await readDigest(db.prisma, { agencyId, unitId: division.id, now: clock });
    expect(whole.scope).toBe('Bidang Aplikasi Informatika');
    // The head sits in the division itself, which then has a line of its own.
    expect(whole.units.map((u) => [u.name, u.thisWeek.answered + u.thisWeek.pending + u.thisWeek.onLeave])).toEqual([
      ['Bidang Aplikasi Informatika', 1],
      ['Seksi Pengembangan Aplikasi', 5],
      ['Seksi Tata Kelola Data', 5],
    ]);
    const section = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Seksi Tata Kelola Data' } });
    const data = await readDigest(db.prisma, { agencyId, unitId: section.id, now: clock });
    expect(data.units.map((u) => u.name)).toEqual(['Seksi Tata Kelola Data']);
    expect(data.total.thisWeek).toMatchObject({ answered: 1, onLeave: 1, pending: 3 });
    expect(data.plans.active).toBe(5);
    expect(data.oldObstacles.map((o) => o.name)).toEqual(['Rudi Hartono']);
    expect(data.silentSupervisors).toEqual(['Bambang Sutrisno', 'Hendra Gunawan']);
    expect(data.unreachable).toEqual(['Fitri Handayani']);
  });

  it('sends the digest with its chart to the group on Monday from 08:00, once, even when the Monday job was lost', async () => {
    const since = bot.fake.calls.length;
    // Before 08:00 on Monday the catch-up sends nothing; from 08:00 it sends what the Monday job would have.
    expect(await catchUpWeeklyDigests(db.prisma, bot.app.conversations.deliver, { now: new Date(clock.getTime() - 60_000), locale: 'id' })).toBe(0);
    await bot.app.conversations.maintenance.runOnce();
    await outboxSettled(db.prisma);
    expect(await db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: 'digest:' } } })).toBe(1);
    const photo = await bot.fake.waitForCall('sendPhoto', undefined, { since });
    expect(photo.params['chat_id']).toBe(String(group.id));
    expect((photo.params['photo'] as { byteLength: number }).byteLength).toBeGreaterThan(5_000);
    const text = bot.fake.messagesTo(group.id).at(-1)?.text ?? '';
    expect(text).toMatch(/Ringkasan mingguan Dialog Kinerja – Pemerintah Provinsi Contoh \(demo\), 2026-W49/);
    expect(text).toMatch(/Laporan progres mingguan: 3 dari 10 pegawai mengisi/);
    expect(text).toMatch(/Cuti atau libur: 1 pegawai/);
    expect(text).toMatch(/SKP ditetapkan: 2 dari 11 pegawai/);
    expect(text).toMatch(/Kendala terbuka lebih dari 7 hari: 1[\s\S]*Rudi Hartono/);
    expect(text).toMatch(/Akun chat yang tidak dapat dihubungi[^:]*: 1[\s\S]*Fitri Handayani/);
    expect(await sendWeeklyDigests(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date(clock.getTime() + 3_600_000), locale: 'id' })).toBe(0);
  });

  it('gives HR the digest on demand with /laporan', async () => {
    const update = bot.fake.sendText(user('Dewi Anggraini'), '/laporan');
    await bot.settle(update.update_id);
    const replies = bot.fake.messagesTo(user('Dewi Anggraini').id).filter((m) => m.message_id > update.message.message_id);
    expect(replies.some((m) => m.photo)).toBe(true);
    expect(replies.at(-1)?.text).toMatch(/Ringkasan mingguan/);
    const denied = bot.fake.sendText(user('Andi Pratama'), '/laporan');
    await bot.settle(denied.update_id);
    expect(bot.fake.messagesTo(user('Andi Pratama').id).at(-1)?.text).toBe('Perintah ini hanya untuk Pengelola Kinerja.');
  });
});

describe('evaluation progress in the digest', () => {
  it('shows, while a window is open, how many are finalised, drafts, open objections and curve reasons', async () => {
    expect((await computeDigest(db.prisma, { agencyId, unitId: null, now: clock })).evaluations).toEqual([]);
    const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
    const [sri, andi, ratna] = [await person('Sri Wahyuni'), await person('Andi Pratama'), await person('Ratna Sari Dewi')];
    const base = { raterId: sri.id, kind: 'PERIODIC' as const, year: 2026, periodKey: '2026-Q4', predikat: 'BAIK' as const };
    const final = await db.prisma.evaluation.create({ data: { ...base, employeeId: andi.id, status: 'OBJECTED', curveDeviationReason: 'Semua mencapai target.' } });
    await db.prisma.objection.create({ data: { evaluationId: final.id, reasons: 'Dua modul belum tercatat.' } });
    await db.prisma.evaluation.create({ data: { ...base, employeeId: ratna.id, status: 'DRAFT' } });
    // Monday 21 December 2026: the Q4 and annual windows are open.
    const data = await computeDigest(db.prisma, { agencyId, unitId: null, now: new Date('2026-12-21T01:00:00Z') });
    expect(data.evaluations).toEqual([
      { periodKey: '2026-Q4', people: 11, drafts: 1, finalized: 1, objectionsOpen: 1, withCurveReason: 1 },
      { periodKey: '2026', people: 11, drafts: 0, finalized: 0, objectionsOpen: 0, withCurveReason: 0 },
    ]);
    expect(plainText(await digestMessage(data, 'id'))).toMatch(
      /Evaluasi Triwulan IV 2026: 1 dari 11 pegawai ditetapkan \(9%\), 1 masih draf; 1 keberatan menunggu keputusan; 1 ditetapkan menyimpang dari Kurva Distribusi \(dengan alasan tertulis\)\./,
    );
    await db.prisma.evaluation.deleteMany();
  });
});

describe('daily nudges', () => {
  const inbox = (name: string, after: number) => bot.fake.messagesTo(user(name).id).filter((m) => m.message_id > after).map((m) => m.text ?? '');
  const mark = (name: string) => bot.fake.messagesTo(user(name).id).at(-1)?.message_id ?? 0;

  it('reminds supervisors on the last day of the quarter', async () => {
    const before = mark('Sri Wahyuni');
    const result = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date('2026-12-31T02:00:00Z') });
    await outboxSettled(db.prisma);
    expect(result.periodEnd).toBe(3);
    expect(inbox('Sri Wahyuni', before).join('\n')).toMatch(/Triwulan IV 2026 berakhir hari ini\. Evaluasi kinerja periodik untuk 4 bawahan Anda sudah dapat dimulai: ketik \/evaluasi/);
  });

  it('tells supervisors when the evaluation window opens and, before it closes, how many are left', async () => {
    const before = mark('Sri Wahyuni');
    // Friday 18 December 2026: the Q4 and the annual window open (14 days before the year ends).
    const opens = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date('2026-12-18T02:00:00Z') });
    await outboxSettled(db.prisma);
    expect(opens.evaluation).toBe(3);
    expect(inbox('Sri Wahyuni', before).join('\n')).toMatch(/Evaluasi kinerja Triwulan IV 2026 & Tahun 2026 dibuka hari ini sampai 30 Jan 2027\. Ketik \/evaluasi/);
    // Three days before both windows close, every supervisor still has everyone to finalise.
    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    await db.prisma.evaluation.create({ data: { employeeId: andi.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', status: 'FINAL', predikat: 'BAIK' } });
    const closing = mark('Sri Wahyuni');
    const closes = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date('2027-01-27T02:00:00Z') });
    await outboxSettled(db.prisma);
    expect(closes.evaluation).toBe(6);
    const text = inbox('Sri Wahyuni', closing).join('\n');
    expect(text).toMatch(/Evaluasi Triwulan IV 2026 ditutup 30 Jan 2027: 3 bawahan Anda belum dinilai atau hasilnya belum ditetapkan/);
    expect(text).toMatch(/Evaluasi Tahun 2026 ditutup 30 Jan 2027: 4 bawahan/);
    await db.prisma.evaluation.deleteMany();
  });

  it('nudges leaders first in January and tells their staff they are waiting on them', async () => {
    const sri = mark('Sri Wahyuni');
    const andi = mark('Andi Pratama');
    const hendra = mark('Hendra Gunawan');
    const monday = new Date('2027-01-04T02:00:00Z');
    const result = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: monday });
    await outboxSettled(db.prisma);
    expect(result.planning).toBeGreaterThan(0);
    expect(inbox('Sri Wahyuni', sri).join('\n')).toMatch(/Rencana SKP 2027 Anda belum ditetapkan[\s\S]*tenggat 27 hari lagi/);
    expect(inbox('Andi Pratama', andi).join('\n')).toMatch(/SKP atasan Anda \(Sri Wahyuni\) belum ditetapkan/);
    // The head's PPK is the Kepala Dinas outside the bot: they can draft with /susunskp, so they are nudged too.
    expect(inbox('Hendra Gunawan', hendra).join('\n')).toMatch(/Rencana SKP 2027 Anda belum ditetapkan/);
    const again = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date(monday.getTime() + 3_600_000) });
    expect(again.planning).toBe(0);
    // With nobody recorded to establish the head's SKP, nudging them would be noise.
    await db.prisma.employee.updateMany({ where: { name: 'Hendra Gunawan' }, data: { externalPpkId: null } });
    // A Sunday a week before the deadline: planning nudges only (the Monday dialogue nudges are the next test's).
    const weekBefore = new Date('2027-01-24T02:00:00Z');
    const later = mark('Hendra Gunawan');
    await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: weekBefore });
    await outboxSettled(db.prisma);
    expect(inbox('Hendra Gunawan', later).join('\n')).not.toMatch(/Rencana SKP 2027 Anda belum ditetapkan/);
    expect(inbox('Sri Wahyuni', sri).join('\n')).toMatch(/Rencana SKP 2027 Anda belum ditetapkan[\s\S]*tenggat 7 hari lagi/);
  });

  it('names the report a supervisor has had no dialogue with for 30 days', async () => {
    await db.prisma.chatIdentity.updateMany({ data: { linkedAt: new Date('2026-10-01T00:00:00Z') } });
    const before = mark('Bambang Sutrisno');
    const monday = new Date('2027-01-11T02:00:00Z');
    const result = await sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: monday });
    await outboxSettled(db.prisma);
    expect(result.noDialogue).toBeGreaterThan(0);
    expect(inbox('Bambang Sutrisno', before).join('\n')).toMatch(/Sudah 30 hari tidak ada dialog kinerja dengan Muhammad Rizal/);
  });

  it('reminds the Atasan PPK of a keberatan on days 7 and 13, and tells HR once when it is overdue', async () => {
    const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
    const [sri, andi, hendra] = [await person('Sri Wahyuni'), await person('Andi Pratama'), await person('Hendra Gunawan')];
    const evaluation = await db.prisma.evaluation.create({ data: { employeeId: andi.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', status: 'OBJECTED', predikat: 'BAIK' } });
    // Filed Monday 4 January 2027, 10:00 WIB.
    await db.prisma.objection.create({ data: { evaluationId: evaluation.id, reasons: 'Dua modul belum tercatat.', deciderId: hendra.id, filedAt: new Date('2027-01-04T03:00:00Z') } });
    const run = (iso: string) => sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date(iso) });
    const [decider, hr] = [mark('Hendra Gunawan'), mark('Dewi Anggraini')];
    expect((await run('2027-01-10T02:00:00Z')).keberatan).toBe(0); // day 6
    expect((await run('2027-01-11T02:00:00Z')).keberatan).toBe(1); // day 7
    expect((await run('2027-01-11T05:00:00Z')).keberatan).toBe(0); // the same day again: nothing twice
    await outboxSettled(db.prisma);
    expect(inbox('Hendra Gunawan', decider).join('\n')).toMatch(/Keberatan Andi Pratama sudah 7 hari menunggu keputusan Anda \(target 18 Jan 2027\)[\s\S]*\/keberatan/);
    expect((await run('2027-01-19T02:00:00Z')).keberatan).toBe(1); // day 15: HR is told
    expect((await run('2027-01-20T02:00:00Z')).keberatan).toBe(0); // once
    await outboxSettled(db.prisma);
    expect(inbox('Dewi Anggraini', hr).join('\n')).toMatch(/Keberatan Andi Pratama sudah 15 hari belum diputuskan oleh Hendra Gunawan, melewati target 14 hari/);
    await db.prisma.evaluation.delete({ where: { id: evaluation.id } });
  });

  it('asks the organisation’s leader once, after the period, to establish when every proposal is in – not before', async () => {
    const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
    const hendra = await person('Hendra Gunawan');
    // The Bidang's ten below Hendra, each proposed by their PPK – but Rizal's is still a draft.
    const bidang = await db.prisma.employee.findMany({ where: { active: true, id: { not: hendra.id }, agencyId: hendra.agencyId }, include: { supervisor: true } });
    const rows = bidang.filter((p) => p.supervisorId).map((p) => ({ employeeId: p.id, raterId: p.supervisorId!, kind: 'PERIODIC' as const, year: 2026, periodKey: '2026-Q4', predikat: 'BAIK' as const, status: 'PROPOSED' as const }));
    await db.prisma.evaluation.createMany({ data: rows });
    const rizal = await person('Muhammad Rizal');
    await db.prisma.evaluation.updateMany({ where: { employeeId: rizal.id }, data: { status: 'DRAFT' } });
    const run = (iso: string) => sendDailyNudges(db.prisma, bot.app.conversations.deliver, { agencyId, now: new Date(iso) });
    const before = mark('Hendra Gunawan');
    expect((await run('2027-01-04T02:00:00Z')).penetapan).toBe(0); // Rizal's is still a draft
    await db.prisma.evaluation.updateMany({ where: { employeeId: rizal.id }, data: { status: 'PROPOSED' } });
    expect((await run('2026-12-30T02:00:00Z')).penetapan).toBe(0); // the quarter is not over
    expect((await run('2027-01-05T02:00:00Z')).penetapan).toBe(1);
    expect((await run('2027-01-06T02:00:00Z')).penetapan).toBe(0); // once
    await outboxSettled(db.prisma);
    expect(inbox('Hendra Gunawan', before).join('\n')).toMatch(/Semua 10 usulan hasil evaluasi Triwulan IV 2026 untuk Bidang Aplikasi Informatika sudah masuk\. Tetapkan Predikat Kinerja dengan \/tetapkanpredikat/);
    await db.prisma.evaluation.deleteMany();
  });
});
