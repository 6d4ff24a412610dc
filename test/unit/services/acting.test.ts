import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import type { CivilDate } from '../../../src/domain/civil-date.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { ActingRecorder } from '../../../src/services/acting-service.js';
import { Conflict } from '../../../src/services/work.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
  // Budi is pengelola kinerja of Sri's section only (Hana is HR of the whole agency).
  world.hrRoles.push({ employeeId: 'budi', agencyId: 'agency', unitId: 'seksi' });
});

const day = (text: string): CivilDate => {
  const [year, month, dayOfMonth] = text.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: dayOfMonth ?? 0 };
};
const asHr = (id: string): ActingRecorder => ({ member: world.member(id) });
/** Marks someone as having left. */
const leaves = (id: string) => world.people.set(id, { ...world.member(id), active: false });
const input = (actingId: string, forId: string, from = '2026-11-27', to = '2026-12-31') => ({ actingId, forId, kind: 'PLT' as const, start: day(from), end: day(to), note: 'SK 800/123' });

/** Records with a fresh unit of work and says what it left to commit (a refusal leaves no change). */
async function record(by: ActingRecorder, what: ReturnType<typeof input>) {
  const decided = await decideLater(rows, (s) => s.acting.record(by, what));
  await decided.commit();
  return { result: decided.value, changes: decided.work.changes.length, audits: decided.work.audits };
}

describe('recording a Plt/Plh', () => {
  it('records it for HR, audited with HR as the actor, and tells the acting person and the official', async () => {
    const { result, audits } = await record(asHr('hana'), input('andi', 'sri'));
    expect(result).toMatchObject({ ok: true, value: { kind: 'PLT', start: '2026-11-27', end: '2026-12-31', note: 'SK 800/123', acting: { id: 'andi' }, official: { id: 'sri' } } });
    expect(rows.actings).toHaveLength(1);
    expect(audits).toEqual([expect.objectContaining({ action: 'acting.recorded', actorId: 'hana', entityType: 'ActingAssignment' })]);
    const notices = result.ok ? result.events.flatMap(noticesOf) : [];
    expect(notices.map((notice) => notice.to.id)).toEqual(['andi', 'sri']);
    const button = () => ({ label: '', token: '' });
    expect(plainText(notices[0]!.message(button))).toMatch(/Hana Putri mencatat Anda sebagai Plt\. \(pelaksana tugas\) Analis, menggantikan Sri Wahyuni, 2026-11-27 s\.d\. 2026-12-31/);
    expect(plainText(notices[1]!.message(button))).toMatch(/Hana Putri mencatat Andi Pratama sebagai Plt\. \(pelaksana tugas\) untuk jabatan Anda/);
    // From now on the access rules see it: Andi rates Sri's reports.
    expect(await world.access().decide(world.member('andi'), 'EVALUATE', 'budi')).toEqual({ allowed: true, as: 'ACTING_PPK' });
  });

  it('does not tell an official who has left (a Plt for a vacant post)', async () => {
    leaves('sri');
    const { result } = await record(asHr('hana'), input('andi', 'sri'));
    expect(result.ok && result.events.flatMap(noticesOf).map((notice) => notice.to.id)).toEqual(['andi']);
  });

  it('lets HR of a unit record within the unit, and does not tell HR what HR did', async () => {
    const { result } = await record(asHr('budi'), input('budi', 'sri'));
    expect(result.ok && result.events.flatMap(noticesOf).map((notice) => notice.to.id)).toEqual(['sri']);
  });

  it.each([
    ['someone who is not HR', 'andi', input('budi', 'sri'), { code: 'NOT_HR' }],
    ['an unknown person', 'hana', input('andi', 'nobody'), { code: 'NOT_FOUND' }],
    ['an official outside a unit HR’s scope', 'budi', input('andi', 'rina'), { code: 'OUT_OF_SCOPE', person: 'Rina Kusuma' }],
    ['an acting person outside a unit HR’s scope', 'budi', input('dewi', 'sri'), { code: 'OUT_OF_SCOPE', person: 'Dewi Lestari' }],
    ['acting for oneself', 'hana', input('sri', 'sri'), { code: 'SELF' }],
    ['an end before the start', 'hana', input('andi', 'sri', '2026-12-31', '2026-12-01'), { code: 'END_BEFORE_START' }],
  ])('refuses %s, changing nothing', async (_what, hr, what, refusal) => {
    const { result, changes } = await record(asHr(hr), what);
    expect(result).toEqual({ ok: false, refusal });
    expect(changes).toBe(0);
    expect(rows.actings).toHaveLength(0);
  });

  it('audits a refusal for lack of HR role or scope as a denied attempt', async () => {
    expect((await record(asHr('andi'), input('budi', 'sri'))).audits).toEqual([expect.objectContaining({ action: 'access.denied', actorId: 'andi', details: { attempted: 'MANAGE_ORGANISATION', reason: 'NOT_HR' } })]);
    expect((await record(asHr('budi'), input('andi', 'rina'))).audits).toEqual([expect.objectContaining({ action: 'access.denied', entityId: 'rina', details: { attempted: 'MANAGE_ORGANISATION', reason: 'OUT_OF_SCOPE' } })]);
  });

  it('refuses an inactive acting person', async () => {
    leaves('andi');
    const { result, changes } = await record(asHr('hana'), input('andi', 'sri'));
    expect(result).toEqual({ ok: false, refusal: { code: 'INACTIVE', person: 'Andi Pratama' } });
    expect(changes).toBe(0);
  });

  it('refuses a second Plt/Plh for one official on overlapping days, and two people acting for each other', async () => {
    await record(asHr('hana'), input('andi', 'sri', '2026-12-01', '2026-12-31'));
    const covered = await record(asHr('hana'), input('budi', 'sri', '2026-12-31', '2027-01-31'));
    expect(covered).toMatchObject({ result: { ok: false, refusal: { code: 'OFFICIAL_ALREADY_COVERED' } }, changes: 0 });
    const cycle = await record(asHr('hana'), input('sri', 'andi', '2026-12-15', '2026-12-20'));
    expect(cycle).toMatchObject({ result: { ok: false, refusal: { code: 'CYCLE' } }, changes: 0 });
    // The day after it ends is free.
    expect((await record(asHr('hana'), input('budi', 'sri', '2027-01-01', '2027-01-31'))).result.ok).toBe(true);
    expect(rows.actings).toHaveLength(2);
  });

  it('lets only one of two HR officers recording at once cover an official; deciding again refuses the other', async () => {
    const first = await decideLater(rows, (s) => s.acting.record(asHr('hana'), input('andi', 'sri')));
    const second = await decideLater(rows, (s) => s.acting.record(asHr('budi'), input('budi', 'sri')));
    expect(first.value.ok && second.value.ok).toBe(true);
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await decide(rows, (s) => s.acting.record(asHr('budi'), input('budi', 'sri')))).toEqual({ ok: false, refusal: { code: 'OFFICIAL_ALREADY_COVERED' } });
    expect(rows.actings.map((row) => row.actingId)).toEqual(['andi']);
  });

  it('takes the CLI’s whole agency as its scope, with the CLI as the actor', async () => {
    const cli: ActingRecorder = { hr: { agencyId: 'agency', label: 'cli' } };
    const { result, audits } = await record(cli, input('dewi', 'rina'));
    expect(result.ok && result.events.flatMap(noticesOf).map((n) => n.to.id)).toEqual(['dewi', 'rina']);
    expect(audits[0]).toMatchObject({ action: 'acting.recorded', actorLabel: 'cli' });
    world.people.set('tono', { ...world.member('dewi'), id: 'tono', name: 'Tono', agencyId: 'elsewhere' });
    expect((await record(cli, input('tono', 'sri'))).result).toEqual({ ok: false, refusal: { code: 'OUT_OF_SCOPE', person: 'Tono' } });
  });
});

describe('ending a Plt/Plh early', () => {
  let id: string;
  beforeEach(async () => {
    const { result } = await record(asHr('hana'), input('andi', 'sri', '2026-11-20', '2026-12-31'));
    if (!result.ok) throw new Error('not recorded');
    id = result.value.id;
  });

  it('moves the last day, audits it and tells both', async () => {
    const decided = await decideLater(rows, (s) => s.acting.end(asHr('budi'), { id, on: day('2026-11-30') }));
    await decided.commit();
    expect(decided.value).toMatchObject({ ok: true, value: { start: '2026-11-20', end: '2026-11-30' } });
    expect(rows.actings[0]?.end).toEqual(day('2026-11-30'));
    expect(decided.work.audits).toEqual([expect.objectContaining({ action: 'acting.ended', actorId: 'budi', entityId: id })]);
    const notices = decided.value.ok ? decided.value.events.flatMap(noticesOf) : [];
    expect(notices.map((n) => plainText(n.message(() => ({ label: '', token: '' }))))).toEqual([
      expect.stringMatching(/Tugas Anda sebagai Plt\. Analis \(menggantikan Sri Wahyuni\) berakhir 2026-11-30/),
      expect.stringMatching(/Tugas Andi Pratama sebagai Plt\. untuk jabatan Anda berakhir 2026-11-30/),
    ]);
  });

  it.each([
    ['a day outside the assignment', 'hana', '2027-01-05', { code: 'NOT_IN_FORCE', start: '2026-11-20', end: '2026-12-31' }],
    ['someone who is not HR', 'dewi', '2026-11-30', { code: 'NOT_HR' }],
  ])('refuses %s, changing nothing', async (_what, hr, on, refusal) => {
    const decided = await decideLater(rows, (s) => s.acting.end(asHr(hr), { id, on: day(on) }));
    expect(decided.value).toEqual({ ok: false, refusal });
    expect(decided.work.changes).toHaveLength(0);
    expect(rows.actings[0]?.end).toEqual(day('2026-12-31'));
  });

  it('refuses HR whose scope does not hold the official, and an unknown assignment', async () => {
    world.hrRoles.push({ employeeId: 'dewi', agencyId: 'agency', unitId: 'other' });
    expect(await decide(rows, (s) => s.acting.end(asHr('dewi'), { id, on: day('2026-11-30') }))).toEqual({ ok: false, refusal: { code: 'OUT_OF_SCOPE', person: 'Sri Wahyuni' } });
    expect(await decide(rows, (s) => s.acting.end(asHr('hana'), { id: 'gone', on: day('2026-11-30') }))).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
  });

  it('fails the commit of an end decided on a state that moved on', async () => {
    const first = await decideLater(rows, (s) => s.acting.end(asHr('hana'), { id, on: day('2026-11-30') }));
    const second = await decideLater(rows, (s) => s.acting.end(asHr('budi'), { id, on: day('2026-12-10') }));
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(rows.actings[0]?.end).toEqual(day('2026-11-30'));
  });
});
