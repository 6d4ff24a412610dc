/**
 * The check-in sweep and the daily nudges write their messages set-based, keyed in the outbox: run
 * twice at once (two instances) in batches smaller than the work, and once more afterwards, they
 * remind, mark missed, escalate and nudge each person exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fanOutCheckins } from '../../src/checkins/fanout.js';
import { sweepCheckins, type SweepResult } from '../../src/checkins/sweep.js';
import { sendDailyNudges, type NudgeResult } from '../../src/reports/nudges.js';
import type { QueuedMessage } from '../../src/services/outbox.js';
import { useTestDatabase } from '../support/database.js';

const SUPERVISORS = 4;
const PER_SUPERVISOR = 10;
/** The head, the supervisors and their reports. */
const PEOPLE = 1 + SUPERVISORS + SUPERVISORS * PER_SUPERVISOR;
/** Small enough that every sweep needs several batches, and two sweeps at once meet. */
const BATCH = 7;

const db = await useTestDatabase();
const delivered: QueuedMessage[] = [];
const deliver = async (rows: QueuedMessage[]) => void delivered.push(...rows);
let agencyId = '';

let nip = 0;
async function person(unitId: string, name: string, supervisorId: string | null) {
  const id = `19800101200501${String(++nip).padStart(4, '0')}`;
  return db.prisma.employee.create({
    data: {
      agencyId,
      unitId,
      nip: id,
      name,
      position: 'Pelaksana',
      // Section heads are pejabat pengawas, so each is the PPK of their staff (domain/ppk.ts).
      positionType: !supervisorId ? 'JPT' : name.startsWith('Kepala Seksi') ? 'PENGAWAS' : 'PELAKSANA',
      employmentStatus: 'PNS',
      supervisorId,
      chatIdentities: { create: { platform: 'CONSOLE', externalUserId: id, dmChannelId: id } },
    },
  });
}

beforeAll(async () => {
  agencyId = (await db.prisma.agency.create({ data: { name: 'Instansi Uji Sapuan' } })).id;
  const unit = await db.prisma.unit.create({ data: { agencyId, name: 'Dinas Uji' } });
  const head = await person(unit.id, 'Kepala Dinas', null);
  for (let s = 0; s < SUPERVISORS; s++) {
    const supervisor = await person(unit.id, `Kepala Seksi ${s}`, head.id);
    for (let r = 0; r < PER_SUPERVISOR; r++) await person(unit.id, `Pegawai ${s}-${r}`, supervisor.id);
  }
  // Two Friday check-ins (14:00 WIB), neither answered by anyone.
  expect((await fanOutCheckins(db.prisma, deliver, new Date('2026-11-27T07:00:00Z'))).prompted).toBe(PEOPLE);
  expect((await fanOutCheckins(db.prisma, deliver, new Date('2026-12-04T07:00:00Z'))).prompted).toBe(PEOPLE);
});

const keyed = (prefix: string) => db.prisma.outboundMessage.count({ where: { dedupeKey: { startsWith: prefix } } });
const sum = (results: SweepResult[]) => results.reduce((a, b) => ({ reminded: a.reminded + b.reminded, missed: a.missed + b.missed, escalated: a.escalated + b.escalated }));

/** Two sweeps at once, as two instances would run them, then one more. */
async function sweepTwiceAtOnceThenAgain(at: string): Promise<{ together: SweepResult; again: SweepResult }> {
  const now = new Date(at);
  const together = sum(await Promise.all([sweepCheckins(db.prisma, deliver, now, BATCH), sweepCheckins(db.prisma, deliver, now, BATCH)]));
  return { together, again: await sweepCheckins(db.prisma, deliver, now, BATCH) };
}

describe('the check-in sweep, run twice at once and again', () => {
  it('reminds everyone once, and marks last week missed without reminding it', async () => {
    // Saturday 14:00 WIB: week 49's reminder time; week 48 closed on Monday.
    const { together, again } = await sweepTwiceAtOnceThenAgain('2026-12-05T07:00:00Z');
    expect(together).toEqual({ reminded: PEOPLE, missed: PEOPLE, escalated: 0 });
    expect(again).toEqual({ reminded: 0, missed: 0, escalated: 0 });
    expect(await keyed('checkin-reminder:')).toBe(PEOPLE);
    const reminders = await db.prisma.outboundMessage.findMany({ where: { dedupeKey: { startsWith: 'checkin-reminder:' } }, select: { employeeId: true, payload: true } });
    expect(new Set(reminders.map((r) => r.employeeId)).size).toBe(PEOPLE);
    expect(JSON.stringify(reminders[0]?.payload)).toMatch(/Pengingat, .*: laporan progres minggu ini belum diisi\. Batas waktunya Senin, 0?7 Desember 2026/);
    // Each reminder's button is a token that starts the check-in of that week's prompt.
    const token = await db.prisma.actionToken.findMany({ where: { payload: { path: ['flow'], equals: 'checkin' } } });
    expect(token).toHaveLength(3 * PEOPLE); // two invitations and one reminder each
    expect(await db.prisma.checkinPrompt.count({ where: { weekKey: '2026-W48', status: 'MISSED', remindedAt: null } })).toBe(PEOPLE);
  });

  it('marks the second missed week and tells each supervisor once per person', async () => {
    // Monday 14:00 WIB: week 49 closes; everyone has now missed two weeks in a row.
    const { together, again } = await sweepTwiceAtOnceThenAgain('2026-12-07T07:00:00Z');
    // Everyone but the head has a supervisor to tell.
    expect(together).toEqual({ reminded: 0, missed: PEOPLE, escalated: PEOPLE - 1 });
    expect(again).toEqual({ reminded: 0, missed: 0, escalated: 0 });
    expect(await keyed('checkin-escalation:')).toBe(PEOPLE - 1);
    const toSupervisor = await db.prisma.outboundMessage.findMany({
      where: { dedupeKey: { startsWith: 'checkin-escalation:' }, employee: { name: 'Kepala Seksi 0' } },
      select: { payload: true },
    });
    expect(toSupervisor).toHaveLength(PER_SUPERVISOR);
    expect(JSON.stringify(toSupervisor[0]?.payload)).toMatch(/Pegawai 0-\d tidak mengisi laporan progres mingguan 2 minggu berturut-turut/);
    expect(await db.prisma.checkinPrompt.count({ where: { escalatedAt: { not: null } } })).toBe(PEOPLE - 1);
  });

  it('handed every row it wrote to delivery exactly once', async () => {
    const ids = delivered.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await db.prisma.outboundMessage.count());
  });
});

describe('the daily nudges, run twice at once and again', () => {
  it('remind every supervisor once on the last day of the quarter', async () => {
    const now = new Date('2026-12-31T02:00:00Z'); // 09:00 WIB
    const before = delivered.length;
    const results = await Promise.all([sendDailyNudges(db.prisma, deliver, { agencyId, now }), sendDailyNudges(db.prisma, deliver, { agencyId, now })]);
    const together = results.reduce((a, b): NudgeResult => ({ planning: a.planning + b.planning, periodEnd: a.periodEnd + b.periodEnd, noDialogue: a.noDialogue + b.noDialogue, evaluation: a.evaluation + b.evaluation, keberatan: a.keberatan + b.keberatan, penetapan: a.penetapan + b.penetapan }));
    expect(together.periodEnd).toBe(1 + SUPERVISORS);
    expect(await sendDailyNudges(db.prisma, deliver, { agencyId, now })).toEqual({ planning: 0, periodEnd: 0, noDialogue: 0, evaluation: 0, keberatan: 0, penetapan: 0 });
    expect(await keyed('nudge:period:2026-Q4:')).toBe(1 + SUPERVISORS);
    const nudges = await db.prisma.outboundMessage.findMany({ where: { dedupeKey: { startsWith: 'nudge:' } }, select: { id: true } });
    expect(delivered.slice(before).map((row) => row.id).sort()).toEqual(nudges.map((row) => row.id).sort());
  });
});
