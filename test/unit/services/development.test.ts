import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { GuidanceRating } from '../../../src/services/development-service.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { Conflict } from '../../../src/services/work.js';
import { appraisalOf, type AppraisalRows } from '../../support/memory-appraisal.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, memoryServices, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;
let appraisal: AppraisalRows;

beforeEach(() => {
  world = new MemoryWorld(); // Friday 27 November 2026, 10:00 WIB
  rows = new MemoryRows(world);
  appraisal = appraisalOf(rows);
});

const RATING: GuidanceRating = { HEARD: 4, FREE: 5, EXPECTED: 3, NEXT: 4, USEFUL: 5 };

function notices(events: DomainEvent[]): { to: string; text: string; buttons: string[] }[] {
  return events.flatMap(noticesOf).map((notice) => {
    const buttons: string[] = [];
    const text = plainText(notice.message((label, payload) => (buttons.push(`${label} → ${payload.kind === 'start' ? payload.flow : payload.kind}`), { label, token: '' })));
    return { to: notice.to.id, text, buttons };
  });
}

const record = (by: string, employeeId = 'andi', heldOn = '2026-11-26') =>
  decide(rows, (s) => s.development.record(world.member(by), { employeeId, kind: 'COACHING', heldOn, topic: 'Skenario uji yang bisa diulang', followUp: 'Tiga skenario uji' }));

async function recorded(): Promise<string> {
  const result = await record('sri');
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.value.id;
}

const rate = (by: string, id: string, rating = RATING) => decide(rows, (s) => s.development.rate(world.member(by), id, rating));

describe('recording a guidance session', () => {
  it('asks the employee to rate it, with *Beri umpan balik*, and audits it', async () => {
    const work = world.work();
    const result = await memoryServices(rows, work).development.record(world.member('sri'), { employeeId: 'andi', kind: 'COACHING', heldOn: '2026-11-26', topic: 'Skenario uji', followUp: 'Tiga skenario uji' });
    if (!result.ok) throw new Error('refused');
    expect(result.value.heldAt.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(work.audits).toMatchObject([{ action: 'development.recorded', actorId: 'sri', details: { employeeId: 'andi', kind: 'COACHING' } }]);
    expect(notices(result.events)).toEqual([
      { to: 'andi', text: expect.stringMatching(/^Sri Wahyuni mencatat sesi Coaching dengan Anda \(26 Nov 2026\)\. Topik: Skenario uji\. Tindak lanjut: Tiga skenario uji\./), buttons: ['Beri umpan balik → development-rating'] },
    ]);
  });

  it('is for the rater (or Plt/Plh) only, and the refusal is audited', async () => {
    const work = world.work();
    const refused = await memoryServices(rows, work).development.record(world.member('budi'), { employeeId: 'andi', kind: 'MENTORING', heldOn: '2026-11-26', topic: '-', followUp: null });
    expect(refused).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_DEVELOPMENT', reason: 'NOT_PERMITTED' } });
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'budi', details: { attempted: 'RECORD_DEVELOPMENT' } }]);
    world.acting.push({ actingEmployeeId: 'budi', actingForId: 'sri', startsOn: '2026-11-27', endsOn: '2026-11-27' });
    expect((await record('budi')).ok).toBe(true);
  });

  it('records only a session that took place, by the leader’s own calendar', async () => {
    expect(await record('sri', 'andi', '2026-11-28')).toEqual({ ok: false, refusal: { code: 'IN_FUTURE' } });
    expect((await record('sri', 'andi', '2026-11-27')).ok).toBe(true);
    expect(appraisal.sessions.size).toBe(1);
  });
});

describe('rating a guidance session', () => {
  it('tells the leader the average and each score', async () => {
    const id = await recorded();
    const rated = await rate('andi', id);
    if (!rated.ok) throw new Error('refused');
    expect(appraisal.sessions.get(id)).toMatchObject({ employeeRating: RATING, ratedAt: world.now });
    const [toLeader] = notices(rated.events);
    expect(toLeader?.to).toBe('sri');
    expect(toLeader?.text).toMatch(/^Umpan balik Andi Pratama atas sesi bimbingan 26 Nov 2026: rata-rata 4,2 dari 5\.[\s\S]*Saya merasa didengarkan\. 4\/5[\s\S]*Sesi ini bermanfaat bagi pengembangan saya\. 5\/5/);
  });

  it('is for the employee of the session only', async () => {
    const id = await recorded();
    expect(await rate('sri', id)).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await rate('budi', id)).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await rate('andi', 'no-such-id')).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(appraisal.sessions.get(id)?.ratedAt).toBeNull();
  });

  it('happens once: a second rating is refused', async () => {
    const id = await recorded();
    await rate('andi', id);
    expect(await decide(rows, (s) => s.development.openForRating(world.member('andi'), id))).toEqual({ ok: false, refusal: { code: 'RATED' } });
    expect(await rate('andi', id, { HEARD: 1, FREE: 1, EXPECTED: 1, NEXT: 1, USEFUL: 1 })).toEqual({ ok: false, refusal: { code: 'RATED' } });
    expect(appraisal.sessions.get(id)?.employeeRating).toEqual(RATING);
  });

  it('rated on two devices at once keeps the first rating: the second fails at commit', async () => {
    const id = await recorded();
    const phone = await decideLater(rows, (s) => s.development.rate(world.member('andi'), id, RATING));
    const laptop = await decideLater(rows, (s) => s.development.rate(world.member('andi'), id, { HEARD: 1, FREE: 1, EXPECTED: 1, NEXT: 1, USEFUL: 1 }));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.sessions.get(id)?.employeeRating).toEqual(RATING);
    expect(await rate('andi', id)).toEqual({ ok: false, refusal: { code: 'RATED' } });
  });
});
