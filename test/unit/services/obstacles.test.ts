import { beforeEach, describe, expect, it } from 'vitest';
import { noticesOf } from '../../../src/notifications/notify.js';
import { plainText } from '../../../src/conversation/reply.js';
import { Conflict } from '../../../src/services/work.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, memoryServices, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
});

async function reported(by = 'andi') {
  return decide(rows, (s) => s.obstacles.report(world.member(by), { text: 'Aplikasi SAKTI tidak bisa dibuka', supportNeeded: null, rhkId: null }));
}

describe('obstacle service', () => {
  it('routes a reported obstacle to the reporter’s supervisor and audits it', async () => {
    const work = world.work();
    const { value, events } = await memoryServices(rows, work).obstacles.report(world.member('andi'), { text: 'Server mati', supportNeeded: 'Teknisi', rhkId: null });
    expect(value.supervisor?.id).toBe('sri');
    expect(events).toEqual([{ type: 'obstacle.reported', obstacle: value }]);
    expect(work.audits).toMatchObject([{ action: 'obstacle.reported', actorId: 'andi', entityId: value.id }]);
    expect(rows.obstacles.size).toBe(0); // nothing is written before the commit
  });

  it('lets the supervisor respond, and tells the employee', async () => {
    const { value: obstacle } = await reported();
    const responded = await decide(rows, (s) => s.obstacles.respond(world.member('sri'), obstacle.id, 'Sudah saya minta ke TI'));
    expect(responded.ok && responded.events[0]?.type).toBe('obstacle.responded');
    expect(rows.obstacles.get(obstacle.id)).toMatchObject({ status: 'ANSWERED', response: 'Sudah saya minta ke TI', respondedById: 'sri' });
  });

  it('refuses a response from someone who is not the supervisor, audits the attempt and changes nothing', async () => {
    const { value: obstacle } = await reported();
    const work = world.work();
    const refused = await memoryServices(rows, work).obstacles.respond(world.member('dewi'), obstacle.id, 'bukan urusan saya');
    expect(refused).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'ANSWER_OBSTACLE', reason: 'NOT_PERMITTED' } });
    expect(work.changes).toHaveLength(0);
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'dewi', details: { attempted: 'ANSWER_OBSTACLE' } }]);
  });

  it('lets a Plh acting for the supervisor respond', async () => {
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-11-01', endsOn: '2026-12-31' });
    const { value: obstacle } = await reported();
    expect((await decide(rows, (s) => s.obstacles.respond(world.member('dewi'), obstacle.id, 'Saya Plh, akan saya bantu'))).ok).toBe(true);
  });

  it('does not reopen a resolved obstacle when a response is typed after “Tandai selesai”', async () => {
    const { value: obstacle } = await reported();
    // The supervisor opened the response, then pressed "Tandai selesai", then sent the response.
    expect((await decide(rows, (s) => s.obstacles.canRespond(world.member('sri'), obstacle.id))).ok).toBe(true);
    expect((await decide(rows, (s) => s.obstacles.resolve(world.member('sri'), obstacle.id))).ok).toBe(true);
    const late = await decide(rows, (s) => s.obstacles.respond(world.member('sri'), obstacle.id, 'Terlambat'));
    expect(late).toEqual({ ok: false, refusal: { code: 'RESOLVED' } });
    expect(rows.obstacles.get(obstacle.id)).toMatchObject({ status: 'RESOLVED', response: null });
  });

  it('refuses, at commit, a response decided before the employee’s resolution landed (a second actor)', async () => {
    const { value: obstacle } = await reported();
    const response = await decideLater(rows, (s) => s.obstacles.respond(world.member('sri'), obstacle.id, 'Balasan'));
    const resolution = await decideLater(rows, (s) => s.obstacles.resolve(world.member('andi'), obstacle.id));
    expect(response.value.ok && resolution.value.ok).toBe(true);
    await resolution.commit();
    await expect(response.commit()).rejects.toBeInstanceOf(Conflict);
    expect(rows.obstacles.get(obstacle.id)?.status).toBe('RESOLVED');
    // Decided again from the new state, the response is refused politely.
    expect(await decide(rows, (s) => s.obstacles.respond(world.member('sri'), obstacle.id, 'Balasan'))).toEqual({ ok: false, refusal: { code: 'RESOLVED' } });
  });

  it('resolves once: a second press says it is resolved already', async () => {
    const { value: obstacle } = await reported();
    await decide(rows, (s) => s.obstacles.resolve(world.member('andi'), obstacle.id));
    expect(await decide(rows, (s) => s.obstacles.resolve(world.member('sri'), obstacle.id))).toEqual({ ok: false, refusal: { code: 'RESOLVED' } });
  });

  it('lets only the reporter or whoever may answer it resolve it', async () => {
    const { value: obstacle } = await reported();
    const refused = await decide(rows, (s) => s.obstacles.resolve(world.member('budi'), obstacle.id));
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'DENIED' } });
    expect(await decide(rows, (s) => s.obstacles.resolve(world.member('andi'), 'no-such-id'))).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
  });

  it('tells the other side about a resolution, in their own language', async () => {
    world.member('sri').locale = 'en';
    const { value: obstacle } = await reported();
    const resolved = await decide(rows, (s) => s.obstacles.resolve(world.member('andi'), obstacle.id));
    if (!resolved.ok) throw new Error('not resolved');
    const [notice] = resolved.events.flatMap(noticesOf);
    expect(notice?.to.id).toBe('sri');
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toMatch(/^Obstacle marked resolved by Andi Pratama/);
  });
});
