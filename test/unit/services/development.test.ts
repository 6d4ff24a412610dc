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

const RATING: GuidanceRating = { P_PURPOSE: 4, P_SPOKE_FREELY: 5, P_NEXT_STEPS: 3, L_FACTS: 4, L_ASKS: 5, L_LISTENS: 4, B_SOLUTIONS: 3, B_AGREED: 4, B_RESPECT: 5 };
const ONES = Object.fromEntries(Object.keys(RATING).map((code) => [code, 1])) as GuidanceRating;

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
  it('asks the employee for the Format B.1.8 feedback, naming the leader’s superior who receives it, and audits it', async () => {
    const work = world.work();
    const result = await memoryServices(rows, work).development.record(world.member('sri'), { employeeId: 'andi', kind: 'COACHING', heldOn: '2026-11-26', topic: 'Skenario uji', followUp: 'Tiga skenario uji' });
    if (!result.ok) throw new Error('refused');
    expect(result.value.heldAt.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(work.audits).toMatchObject([{ action: 'development.recorded', actorId: 'sri', details: { employeeId: 'andi', kind: 'COACHING' } }]);
    expect(notices(result.events)).toEqual([
      {
        to: 'andi',
        text: expect.stringMatching(/^Sri Wahyuni mencatat sesi Coaching dengan Anda \(26 Nov 2026\)\. Topik: Skenario uji\. Tindak lanjut: Tiga skenario uji\. [\s\S]*Format B\.1\.8\): jawaban Anda diserahkan kepada Rina Kusuma, atasan dari Sri Wahyuni – bukan kepada Sri Wahyuni\./),
        buttons: ['Beri umpan balik → development-rating'],
      },
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

describe('the employee’s Umpan Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8)', () => {
  it('goes to the leader’s own superior, grouped as the form groups it – the leader is told nothing', async () => {
    const id = await recorded();
    const rated = await rate('andi', id);
    if (!rated.ok) throw new Error('refused');
    expect(appraisal.sessions.get(id)).toMatchObject({ employeeRating: RATING, ratedAt: world.now, feedbackToId: 'rina' });
    const sent = notices(rated.events);
    expect(sent.map((n) => n.to)).toEqual(['rina']);
    expect(sent[0]?.text).toMatch(
      /^Umpan Balik Pelaksanaan Bimbingan Kinerja \(Format B\.1\.8\) dari Andi Pratama tentang sesi dengan Sri Wahyuni pada 26 Nov 2026: rata-rata 4,1 dari 5\.[\s\S]*Tentang Pegawai[\s\S]*maksud dan tujuan[\s\S]*4\/5[\s\S]*Tentang Pimpinan[\s\S]*lebih banyak bertanya dibandingkan menggurui\. 5\/5[\s\S]*Tentang keduanya[\s\S]*dibantu dalam mencari solusi/,
    );
  });

  it('is kept, telling nobody, when the leader’s superior is not in the bot', async () => {
    // Rina has no superior: her session with Sri is rated, and nobody – not Rina – hears of it.
    const session = await decide(rows, (s) => s.development.record(world.member('rina'), { employeeId: 'sri', kind: 'MENTORING', heldOn: '2026-11-26', topic: 'Rencana 2027', followUp: null }));
    if (!session.ok) throw new Error(JSON.stringify(session.refusal));
    const rated = await rate('sri', session.value.id);
    expect(rated.ok && notices(rated.events)).toEqual([]);
    expect(appraisal.sessions.get(session.value.id)).toMatchObject({ feedbackToId: null, ratedAt: world.now });
  });

  it('needs every statement answered 1–5', async () => {
    const id = await recorded();
    expect(await rate('andi', id, { ...RATING, L_ASKS: 0 })).toEqual({ ok: false, refusal: { code: 'BAD_RATING' } });
    expect(await rate('andi', id, { ...RATING, B_RESPECT: undefined } as never)).toEqual({ ok: false, refusal: { code: 'BAD_RATING' } });
    expect(appraisal.sessions.get(id)?.ratedAt).toBeNull();
  });

  it('is for the employee of the session only', async () => {
    const id = await recorded();
    expect(await rate('sri', id)).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await rate('budi', id)).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await rate('andi', 'no-such-id')).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(appraisal.sessions.get(id)?.ratedAt).toBeNull();
  });

  it('happens once: a second feedback is refused', async () => {
    const id = await recorded();
    await rate('andi', id);
    expect(await decide(rows, (s) => s.development.openForRating(world.member('andi'), id))).toEqual({ ok: false, refusal: { code: 'RATED' } });
    expect(await rate('andi', id, ONES)).toEqual({ ok: false, refusal: { code: 'RATED' } });
    expect(appraisal.sessions.get(id)?.employeeRating).toEqual(RATING);
  });

  it('given on two devices at once keeps the first: the second fails at commit', async () => {
    const id = await recorded();
    const phone = await decideLater(rows, (s) => s.development.rate(world.member('andi'), id, RATING));
    const laptop = await decideLater(rows, (s) => s.development.rate(world.member('andi'), id, ONES));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.sessions.get(id)?.employeeRating).toEqual(RATING);
    expect(await rate('andi', id)).toEqual({ ok: false, refusal: { code: 'RATED' } });
  });
});

describe('the leader’s competency evaluation (Format B.1.9)', () => {
  const ROWS = [
    { competency: ' Penyusunan skenario uji ', score: 4, reason: 'Skenario sudah bisa diulang.' },
    { competency: 'Dokumentasi', score: 3, reason: 'Belum lengkap untuk modul lama.' },
  ];
  const evaluate = (by: string, id: string, rowsGiven = ROWS) => decide(rows, (s) => s.development.evaluateCompetencies(world.member(by), id, rowsGiven));

  it('is given by the leader after a session, once, and the employee reads each score with its reason', async () => {
    const id = await recorded();
    expect((await decide(rows, (s) => s.development.awaitingCompetency(world.member('sri'), 'andi'))).map((x) => x.id)).toEqual([id]);
    const evaluated = await evaluate('sri', id);
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.refusal));
    expect(appraisal.sessions.get(id)).toMatchObject({ competencyEvaluatedAt: world.now, competencies: [{ competency: 'Penyusunan skenario uji', score: 4 }, { competency: 'Dokumentasi', score: 3 }] });
    expect(notices(evaluated.events)).toEqual([
      { to: 'andi', text: expect.stringMatching(/^Sri Wahyuni mengevaluasi kompetensi Anda sebagai tindak lanjut bimbingan kinerja 26 Nov 2026 \(Format B\.1\.9\):[\s\S]*Penyusunan skenario uji: 4\/5 – Skenario sudah bisa diulang\./), buttons: [] },
    ]);
    expect(await evaluate('sri', id)).toEqual({ ok: false, refusal: { code: 'EVALUATED' } });
    expect(await decide(rows, (s) => s.development.awaitingCompetency(world.member('sri'), 'andi'))).toEqual([]);
  });

  it('is the leader’s only, with valid rows', async () => {
    const id = await recorded();
    expect(await evaluate('rina', id)).toEqual({ ok: false, refusal: { code: 'NOT_LEADER' } });
    expect(await evaluate('andi', id)).toEqual({ ok: false, refusal: { code: 'NOT_LEADER' } });
    expect(await evaluate('sri', id, [])).toEqual({ ok: false, refusal: { code: 'BAD_COMPETENCIES', problem: 'NONE' } });
    expect(await evaluate('sri', id, [{ competency: 'X', score: 7, reason: 'Y' }])).toEqual({ ok: false, refusal: { code: 'BAD_COMPETENCIES', problem: 'BAD_SCORE' } });
    expect(await evaluate('sri', id, [{ competency: 'X', score: 3, reason: ' ' }])).toEqual({ ok: false, refusal: { code: 'BAD_COMPETENCIES', problem: 'BLANK' } });
    expect(appraisal.sessions.get(id)?.competencyEvaluatedAt).toBeNull();
  });
});
