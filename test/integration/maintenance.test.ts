/**
 * The maintenance leader and the check-in catch-up, with two whole bots (console channel) on one
 * database and one set of queues: the maintenance runs in one of them; the other takes over when
 * the leader's database session dies or the leader stops; a check-in whose scheduler never fired is
 * caught up from the watermarks, and a group whose run completed is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Maintenance } from '../../src/jobs/maintenance.js';
import { outboxSettled, startConsoleBot, type ConsoleSession } from '../support/console.js';
import { useTestDatabase } from '../support/database.js';
import { dropPrefix, uniquePrefix } from '../support/redis.js';

const db = await useTestDatabase();
const prefix = uniquePrefix();
// Wednesday: no check-in is open, so nothing happens at start-up but the leader's first round.
let clock = new Date('2026-12-02T03:00:00Z');
const bots: ConsoleSession[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) bots.push(await startConsoleBot(db.url, { now: () => clock, env: { QUEUE_PREFIX: prefix } }));
});
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await dropPrefix(prefix);
});

const maintenanceOf = (bot: ConsoleSession): Maintenance => bot.app.conversations.maintenance;

/** Backend pids of the sessions holding an advisory lock in this test's database. */
const lockHolders = async () =>
  (await db.sql.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)).map(
    (row) => row.pid,
  );

/** The bot that leads now and the one standing by. */
async function roles(): Promise<[Maintenance, Maintenance]> {
  const [a, b] = bots.map(maintenanceOf) as [Maintenance, Maintenance];
  const ran = [await a.runOnce(), await b.runOnce()];
  expect(ran.filter(Boolean), 'exactly one instance leads').toHaveLength(1);
  return ran[0] ? [a, b] : [b, a];
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('one maintenance leader', () => {
  it('runs the maintenance in one of two instances, and the other stands by', async () => {
    const [leader, standby] = await roles();
    expect([leader.leading, standby.leading]).toEqual([true, false]);
    expect(await lockHolders()).toHaveLength(1);
    // Asking again changes nothing: the leader keeps the lead, the stand-by keeps waiting.
    expect(await standby.runOnce()).toBe(false);
    expect(await leader.runOnce()).toBe(true);
  });

  it('lets the stand-by take over when the leader’s database session dies, and the old leader stands by', async () => {
    const [leader, standby] = await roles();
    const [holder] = await lockHolders();
    // What PostgreSQL sees when a process dies or its connection breaks: the session ends, the lock goes with it.
    await db.sql.query('SELECT pg_terminate_backend($1)', [holder]);
    await until(() => standby.runOnce(), 'the stand-by to take the lead');
    expect(await leader.runOnce()).toBe(false);
    expect([leader.leading, standby.leading]).toEqual([false, true]);
    expect((await lockHolders()).filter((pid) => pid !== holder)).toHaveLength(1);
  });

  it('hands the lead over at once when the leader stops', async () => {
    const [leader, standby] = await roles();
    await leader.stop();
    expect(await standby.runOnce()).toBe(true);
    expect(await leader.runOnce()).toBe(false);
  });
});

describe('the check-in catch-up', () => {
  const leader = async () => {
    const [a, b] = bots.map(maintenanceOf) as [Maintenance, Maintenance];
    return (await a.runOnce()) ? a : b;
  };

  it('prompts the groups whose scheduler never fired, and leaves a group whose run completed alone', async () => {
    // Friday 14:01 WIB: the WIB check-in opened a minute ago, the WITA one an hour ago; no scheduler job ran.
    clock = new Date('2026-12-04T07:01:00Z');
    const maintenance = await leader();
    const active = await db.prisma.employee.count({ where: { active: true } });
    expect(await db.prisma.checkinPrompt.count({ where: { weekKey: '2026-W49' } })).toBe(active);
    const runs = await db.prisma.fanoutRun.findMany({ orderBy: { timeZone: 'asc' } });
    expect(runs.map((run) => [run.timeZone, run.weekKey])).toEqual([
      ['Asia/Jakarta', '2026-W49'],
      ['Asia/Makassar', '2026-W49'],
    ]);
    expect(runs.reduce((sum, run) => sum + run.prompted + run.skipped, 0)).toBe(active);
    await outboxSettled(db.prisma);

    // Someone joins a WIB unit after the group's run completed: the catch-up goes by the watermark and leaves the group alone …
    const colleague = await db.prisma.employee.findFirstOrThrow({ where: { active: true, timeZone: 'Asia/Jakarta' } });
    const newcomer = await db.prisma.employee.create({
      data: {
        agencyId: colleague.agencyId,
        unitId: colleague.unitId,
        nip: '199505052020121001',
        name: 'Pegawai Baru',
        position: 'Pelaksana',
        positionType: 'PELAKSANA',
        employmentStatus: 'PNS',
        chatIdentities: { create: { platform: 'CONSOLE', externalUserId: '199505052020121001', dmChannelId: '199505052020121001' } },
      },
    });
    const promptOf = (employeeId: string) => db.prisma.checkinPrompt.findUnique({ where: { employeeId_weekKey: { employeeId, weekKey: '2026-W49' } } });
    expect(await maintenance.runOnce()).toBe(true);
    expect(await promptOf(newcomer.id)).toBeNull();

    // … and takes a group up again when its run never completed (the fan-out was killed half-way): only who is missing.
    await db.prisma.fanoutRun.deleteMany({ where: { timeZone: 'Asia/Jakarta' } });
    expect(await maintenance.runOnce()).toBe(true);
    expect(await promptOf(newcomer.id)).toMatchObject({ status: 'PENDING' });
    expect(await db.prisma.fanoutRun.findFirst({ where: { timeZone: 'Asia/Jakarta' } })).toMatchObject({ prompted: 1, skipped: 0 });
    await outboxSettled(db.prisma);
    const invitations = await db.prisma.outboundMessage.groupBy({ by: ['employeeId'], where: { dedupeKey: { startsWith: 'checkin:' } }, _count: true });
    expect(invitations.every((row) => row._count === 1)).toBe(true);
    expect(invitations.map((row) => row.employeeId)).toContain(newcomer.id);
    expect(bots.map((bot) => bot.transcript()).join('\n')).toMatch(/→ pesan untuk Pegawai Baru[\s\S]*waktunya mengisi laporan progres mingguan \(2026-W49\)/);
  });
});
