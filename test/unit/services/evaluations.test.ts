import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { parsePeriodKey, type Period } from '../../../src/domain/periods.js';
import type { Rating } from '../../../src/domain/rating-matrix.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { Conflict } from '../../../src/services/work.js';
import { evaluationRows, type EvaluationRows } from '../../support/memory-evaluations.js';
import { decide, decideLater, memoryServices, MemoryRows } from '../../support/memory-stores.js';
import { commitInMemory, MemoryWorld } from '../../support/memory-world.js';

// Monday 4 January 2027, 10:00 WIB: Triwulan IV 2026 is over and its evaluation still open (18 Dec – 30 Jan).
const NOW = new Date('2027-01-04T03:00:00Z');
const Q4 = parsePeriodKey('2026-Q4')!;
const Q3 = parsePeriodKey('2026-Q3')!;

let world: MemoryWorld;
let rows: MemoryRows;
let data: EvaluationRows;

beforeEach(() => {
  world = new MemoryWorld(NOW);
  rows = new MemoryRows(world);
  data = evaluationRows(rows);
});

const draft = (by: string, employeeId: string, ratings: { results?: Rating; behaviour?: Rating } = {}, period: Period = Q4) =>
  decide(rows, (s) =>
    s.evaluations.draft(world.member(by), { employeeId, period, results: ratings.results ?? 'SESUAI', behaviour: ratings.behaviour ?? 'SESUAI', notes: 'Catatan', feedback: null }),
  );

/** Sri's team (Andi and Budi) drafted by her, and the snapshot she confirms. */
async function draftedTeam(): Promise<string> {
  await draft('sri', 'andi', { results: 'DI_ATAS', behaviour: 'DI_ATAS' });
  await draft('sri', 'budi');
  const open = await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'));
  if (!open.ok) throw new Error(JSON.stringify(open.refusal));
  return open.value.snapshot;
}

const finalize = (confirmed: string, reason: string | null = null) =>
  decide(rows, (s) => s.evaluations.finalize(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed, reason }));

/** Each notice as recipient and text; a document made on delivery reads "[its kind]". */
const messagesOf = (events: DomainEvent[]) =>
  events.flatMap(noticesOf).map((notice) => {
    const message = notice.message((label) => ({ label, token: '' }));
    return { to: notice.to.id, text: message.deferred ? `[${message.deferred.kind}]` : plainText(message) };
  });
/** The notices that are not documents. */
const textNotices = (events: DomainEvent[]) => events.flatMap(noticesOf).filter((notice) => !notice.message(() => ({ label: '', token: '' })).deferred);
/** The messages, without the documents. */
const textsOf = (events: DomainEvent[]) => messagesOf(events).filter((m) => !m.text.startsWith('['));

describe('evaluation service: drafting', () => {
  it('saves a draft by the rater with the predikat of the matrix, audited, and tells nobody', async () => {
    const work = world.work();
    const drafted = await memoryServices(rows, work).evaluations.draft(world.member('sri'), { employeeId: 'andi', period: Q4, results: 'DI_ATAS', behaviour: 'DI_BAWAH', notes: null, feedback: null });
    expect(drafted).toMatchObject({ ok: true, value: { results: 'DI_ATAS', behaviour: 'DI_BAWAH', predikat: 'KURANG', leaderId: 'sri', employee: { name: 'Andi Pratama' } }, events: [] });
    expect(work.audits).toMatchObject([{ action: 'evaluation.drafted', actorId: 'sri', details: { employeeId: 'andi', periodKey: '2026-Q4', predikat: 'KURANG' } }]);
    expect(data.evaluations.size).toBe(0); // nothing is written before the commit
    await commitInMemory(work);
    expect(data.of('andi', '2026-Q4')).toMatchObject({ status: 'DRAFT', raterId: 'sri', kind: 'PERIODIC', predikat: 'KURANG' });
  });

  it('refuses anyone but the rater – another supervisor, HR, the employee themself – and audits the attempt', async () => {
    expect(await draft('dewi', 'andi')).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'EVALUATE', reason: 'NOT_PERMITTED' } });
    expect(await draft('hana', 'andi')).toMatchObject({ ok: false, refusal: { code: 'DENIED', reason: 'NOT_PERMITTED' } });
    expect(await draft('andi', 'andi')).toMatchObject({ ok: false, refusal: { code: 'DENIED', reason: 'SELF_NOT_ALLOWED' } });
    const work = world.work();
    await memoryServices(rows, work).evaluations.draft(world.member('dewi'), { employeeId: 'andi', period: Q4, results: 'SESUAI', behaviour: 'SESUAI', notes: null, feedback: null });
    expect(work.changes).toHaveLength(0);
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'dewi', details: { attempted: 'EVALUATE' } }]);
    expect(data.evaluations.size).toBe(0);
  });

  it('lets a Plh acting for the supervisor draft', async () => {
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-12-21', endsOn: '2027-01-08' });
    expect((await draft('dewi', 'andi')).ok).toBe(true);
    expect(data.of('andi', '2026-Q4')?.raterId).toBe('dewi');
  });

  it('refuses a period whose window is not open', async () => {
    expect(await draft('sri', 'andi', {}, Q3)).toEqual({ ok: false, refusal: { code: 'NOT_OPEN', period: Q3 } });
  });

  it('redoes a draft as often as needed, but never a final evaluation', async () => {
    await draft('sri', 'andi');
    await draft('sri', 'andi', { results: 'DI_ATAS', behaviour: 'DI_ATAS' });
    expect(data.evaluations.size).toBe(1);
    expect(data.of('andi', '2026-Q4')?.predikat).toBe('SANGAT_BAIK');
    data.of('andi', '2026-Q4')!.status = 'FINAL';
    expect(await draft('sri', 'andi', { results: 'DI_BAWAH' })).toEqual({ ok: false, refusal: { code: 'ALREADY_FINAL', name: 'Andi Pratama', period: Q4 } });
    expect(data.of('andi', '2026-Q4')?.predikat).toBe('SANGAT_BAIK');
    expect(await decide(rows, (s) => s.evaluations.alreadyFinal('andi', Q4))).toEqual({ code: 'ALREADY_FINAL', name: 'Andi Pratama', period: Q4 });
  });

  it('gives a unit head the results rating of their unit’s predikat, even when it was set after the ratings were chosen', async () => {
    // Rina chose "Di Atas" for Sri; meanwhile the section's predikat was set to Baik: Sri's results rating is Sesuai.
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    expect(await draft('rina', 'sri', { results: 'DI_ATAS', behaviour: 'DI_ATAS' })).toMatchObject({ ok: true, value: { results: 'SESUAI', predikat: 'BAIK', leaderId: 'rina' } });
    // Without a unit predikat the rater's choice stands.
    expect(await draft('rina', 'dewi', { results: 'DI_ATAS', behaviour: 'DI_ATAS' })).toMatchObject({ ok: true, value: { results: 'DI_ATAS', predikat: 'SANGAT_BAIK' } });
  });

  it('fails the commit of a first draft when another device stored one meanwhile; decided again, it redoes that draft', async () => {
    const phone = await decideLater(rows, (s) => s.evaluations.draft(world.member('sri'), { employeeId: 'andi', period: Q4, results: 'SESUAI', behaviour: 'SESUAI', notes: null, feedback: null }));
    const laptop = await decideLater(rows, (s) => s.evaluations.draft(world.member('sri'), { employeeId: 'andi', period: Q4, results: 'DI_ATAS', behaviour: 'DI_ATAS', notes: null, feedback: null }));
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect((await draft('sri', 'andi', { results: 'DI_ATAS', behaviour: 'DI_ATAS' })).ok).toBe(true);
    expect([...data.evaluations.values()]).toMatchObject([{ employeeId: 'andi', predikat: 'SANGAT_BAIK', status: 'DRAFT' }]);
  });

  it('does not change an evaluation finalised while the rater redid the draft', async () => {
    const snapshot = await draftedTeam();
    const redo = await decideLater(rows, (s) => s.evaluations.draft(world.member('sri'), { employeeId: 'andi', period: Q4, results: 'DI_BAWAH', behaviour: 'DI_BAWAH', notes: null, feedback: null }));
    expect((await finalize(snapshot, 'Predikat unit belum ditetapkan.')).ok).toBe(true);
    await expect(redo.commit()).rejects.toBeInstanceOf(Conflict);
    expect(data.of('andi', '2026-Q4')).toMatchObject({ status: 'FINAL', predikat: 'SANGAT_BAIK' });
    expect(await draft('sri', 'andi', { results: 'DI_BAWAH' })).toMatchObject({ ok: false, refusal: { code: 'ALREADY_FINAL' } });
  });
});

describe('evaluation service: finalising', () => {
  it('waits for the period’s end: drafts from the window’s opening, results only from the day after the last (PermenPANRB 6/2022 Pasal 1 angka 8)', async () => {
    world = new MemoryWorld(new Date('2026-12-28T03:00:00Z'));
    rows = new MemoryRows(world);
    data = evaluationRows(rows);
    await draft('sri', 'andi');
    await draft('sri', 'budi');
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'))).toEqual({ ok: false, refusal: { code: 'NOT_ENDED', period: Q4, from: { year: 2027, month: 1, day: 1 } } });
    expect([...data.evaluations.values()].map((e) => e.status)).toEqual(['DRAFT', 'DRAFT']);
  });

  it('finalises the team and sends each employee the result, with the superior who hears a keberatan and the last day', async () => {
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    const snapshot = await draftedTeam();
    const work = world.work();
    const finalized = await memoryServices(rows, work).evaluations.finalize(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot, reason: null });
    if (!finalized.ok) throw new Error(JSON.stringify(finalized.refusal));
    expect(finalized.value).toEqual({ count: 2, unreachable: [] });
    expect(work.audits).toMatchObject([{ action: 'evaluation.finalized', entityId: 'seksi', details: { periodKey: '2026-Q4', count: 2, unitPredikat: 'BAIK', curveOk: true, reason: null } }]);
    const messages = textsOf(finalized.events);
    expect(messages.map((m) => m.to).sort()).toEqual(['andi', 'budi']);
    // Each also gets their Dokumen Evaluasi Kinerja Pegawai, made as PDF when delivered.
    expect(messagesOf(finalized.events).filter((m) => m.text === '[evaluation-document]').map((m) => m.to).sort()).toEqual(['andi', 'budi']);
    expect(messages.find((m) => m.to === 'andi')?.text).toMatch(
      /^Hasil evaluasi kinerja Triwulan IV 2026 dari Sri Wahyuni\. .*keberatan kepada Rina Kusuma \(atasan pejabat penilai\) paling lambat 18 Jan 2027\.[\s\S]*Predikat: Sangat Baik[\s\S]*Catatan/,
    );
    const buttons: string[] = [];
    textNotices(finalized.events)[0]!.message((label) => (buttons.push(label), { label, token: '' }));
    expect(buttons).toEqual(['Terima hasil', 'Ajukan keberatan']);
    await commitInMemory(work);
    expect([...data.evaluations.values()].map((e) => [e.status, e.deliveredAt, e.curveDeviationReason])).toEqual([
      ['FINAL', NOW, null],
      ['FINAL', NOW, null],
    ]);
  });

  it('refuses to finalise before everyone is rated, outside the window, or with nothing left to finalise', async () => {
    await draft('sri', 'andi');
    expect(await finalize('')).toEqual({ ok: false, refusal: { code: 'NOT_ALL_RATED', names: ['Budi Santoso'] } });
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q3, 'sri'))).toEqual({ ok: false, refusal: { code: 'NOT_OPEN', period: Q3 } });
    const snapshot = await draftedTeam();
    expect((await finalize(snapshot, 'alasan')).ok).toBe(true);
    expect(await finalize(snapshot, 'alasan')).toEqual({ ok: false, refusal: { code: 'NOTHING_TO_FINALIZE', period: Q4 } });
  });

  it('counts a draft someone else left (a Plh) as not rated: the rater redoes it first', async () => {
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-12-21', endsOn: '2026-12-27' });
    data.add({ employeeId: 'andi', periodKey: '2026-Q4', raterId: 'dewi' });
    await draft('sri', 'budi');
    expect(await finalize('')).toEqual({ ok: false, refusal: { code: 'NOT_ALL_RATED', names: ['Andi Pratama'] } });
  });

  it('refuses while a unit head’s draft contradicts their unit’s predikat set since', async () => {
    await draft('rina', 'sri', { results: 'DI_ATAS' });
    await draft('rina', 'dewi');
    await draft('rina', 'hana');
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('rina'), Q4, 'rina'))).toEqual({ ok: false, refusal: { code: 'STALE_LEADERS', names: ['Sri Wahyuni'] } });
  });

  it('needs a written reason when the curve cannot be checked (no unit predikat), and keeps it on every evaluation', async () => {
    const snapshot = await draftedTeam();
    const open = await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'));
    expect(open.ok && open.value.needsReason).toBe(true);
    expect(await finalize(snapshot)).toEqual({ ok: false, refusal: { code: 'TEAM_CHANGED' } });
    expect([...data.evaluations.values()].every((e) => e.status === 'DRAFT')).toBe(true);
    expect((await finalize(snapshot, 'Predikat unit belum ditetapkan pimpinan.')).ok).toBe(true);
    expect([...data.evaluations.values()].map((e) => e.curveDeviationReason)).toEqual(['Predikat unit belum ditetapkan pimpinan.', 'Predikat unit belum ditetapkan pimpinan.']);
  });

  it('finalises nothing when a draft changed after the rater confirmed', async () => {
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    const snapshot = await draftedTeam();
    await draft('sri', 'budi', { behaviour: 'DI_ATAS' });
    expect(await finalize(snapshot)).toEqual({ ok: false, refusal: { code: 'TEAM_CHANGED' } });
    expect([...data.evaluations.values()].every((e) => e.status === 'DRAFT')).toBe(true);
  });

  it('finalises once when two devices confirm at the same time: the second commit fails and, decided again, finds nothing to finalise', async () => {
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    const snapshot = await draftedTeam();
    const phone = await decideLater(rows, (s) => s.evaluations.finalize(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot, reason: null }));
    const laptop = await decideLater(rows, (s) => s.evaluations.finalize(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot, reason: null }));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await finalize(snapshot)).toEqual({ ok: false, refusal: { code: 'NOTHING_TO_FINALIZE', period: Q4 } });
  });

  it('holds back the result of someone who cannot be reached, and delivers it – once – when they can be', async () => {
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    data.unreachable.add('budi');
    const snapshot = await draftedTeam();
    const finalized = await finalize(snapshot);
    expect(finalized.ok && finalized.value.unreachable.map((p) => p.name)).toEqual(['Budi Santoso']);
    expect(finalized.ok && textsOf(finalized.events).map((m) => m.to)).toEqual(['andi']);
    expect(data.of('budi', '2026-Q4')).toMatchObject({ status: 'FINAL', deliveredAt: null });

    // Still unreachable when he writes (from an account the bot cannot write to): nothing yet.
    expect(await decide(rows, (s) => s.evaluations.deliverWaiting('budi'))).toEqual({ ok: true, value: { count: 0 }, events: [] });
    data.unreachable.delete('budi');
    // Two of his accounts talk at once: the result is delivered once.
    const first = await decideLater(rows, (s) => s.evaluations.deliverWaiting('budi'));
    const second = await decideLater(rows, (s) => s.evaluations.deliverWaiting('budi'));
    expect(messagesOf(first.value.events)).toMatchObject([{ to: 'budi', text: '[evaluation-document]' }, { to: 'budi', text: expect.stringMatching(/paling lambat 18 Jan 2027/) }]);
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(data.of('budi', '2026-Q4')?.deliveredAt).toEqual(NOW);
    expect(await decide(rows, (s) => s.evaluations.deliverWaiting('budi'))).toEqual({ ok: true, value: { count: 0 }, events: [] });
  });

  it('delivers a waiting result to someone just linked, whatever their accounts say, with the objection period from then', async () => {
    const held = data.add({ employeeId: 'budi', periodKey: '2026-Q4', status: 'FINAL', finalizedAt: new Date('2026-12-20T03:00:00Z') });
    data.unreachable.add('budi');
    const delivered = await decide(rows, (s) => s.evaluations.deliverWaiting('budi', { present: true }));
    expect(textsOf(delivered.events)).toMatchObject([{ to: 'budi', text: expect.stringMatching(/paling lambat 18 Jan 2027/) }]);
    expect(data.evaluations.get(held.id)?.deliveredAt).toEqual(NOW);
  });
});

describe('evaluation service: accepting a result', () => {
  const finalFor = (employeeId: string, status: 'FINAL' | 'DRAFT' | 'OBJECTED' = 'FINAL') => data.add({ employeeId, periodKey: '2026-Q4', status, finalizedAt: NOW, deliveredAt: NOW }).id;

  it('lets the employee accept a final result, once, and tells the rater in their language', async () => {
    world.member('sri').locale = 'en';
    const id = finalFor('andi');
    const accepted = await decide(rows, (s) => s.evaluations.acknowledge(world.member('andi'), id));
    expect(accepted.ok && messagesOf(accepted.events)).toEqual([{ to: 'sri', text: 'Andi Pratama accepted the evaluation for Quarter 4 2026.' }]);
    expect(data.evaluations.get(id)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: NOW });
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('andi'), id))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
  });

  it('refuses someone else’s result, an unknown one, a draft and a result objected to', async () => {
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('budi'), finalFor('andi')))).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('budi'), 'no-such-id'))).toEqual({ ok: false, refusal: { code: 'NOT_YOURS' } });
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('budi'), finalFor('budi', 'DRAFT')))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
    const objected = finalFor('dewi', 'OBJECTED');
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('dewi'), objected))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
    expect(data.evaluations.get(objected)?.status).toBe('OBJECTED');
  });

  it('cannot accept a result objected to from another device meanwhile: the commit fails, and decided again it is refused', async () => {
    const id = finalFor('andi');
    const acceptance = await decideLater(rows, (s) => s.evaluations.acknowledge(world.member('andi'), id));
    // The keberatan (from his phone) lands first, guarded the same way: only a FINAL result.
    const objection = world.work();
    objection.guarded(`evaluation.object ${id}`, () => {
      const row = data.evaluations.get(id)!;
      if (row.status !== 'FINAL') return Promise.resolve(0);
      row.status = 'OBJECTED';
      return Promise.resolve(1);
    });
    await commitInMemory(objection);
    await expect(acceptance.commit()).rejects.toBeInstanceOf(Conflict);
    expect(data.evaluations.get(id)?.status).toBe('OBJECTED');
    expect(await decide(rows, (s) => s.evaluations.acknowledge(world.member('andi'), id))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
  });
});

describe('evaluation service: a move mid-year splits the period between two raters', () => {
  // Andi moved from Sri's section to Dewi's on 1 November 2026: his first SKP period (1 Jan – 31 Oct)
  // is closed and rated by Sri, the PPK then; Triwulan IV is split: October is Sri's, November–December Dewi's.
  const firstPeriod = 'skp-andi-1';
  beforeEach(() => {
    Object.assign(world.member('andi'), { supervisorId: 'dewi', unitId: 'other' });
    data.skpPeriods.push({
      id: firstPeriod,
      employeeId: 'andi',
      startsOn: { year: 2026, month: 1, day: 1 },
      endsOn: { year: 2026, month: 10, day: 31 },
      raterId: 'sri',
      raterActive: true,
      // Not today's line (Rina): the closed period keeps the Atasan PPK it had.
      atasanPpkId: 'hana',
      supervisorId: 'sri',
    });
  });
  const draftPart = (by: string, skpPart: string) =>
    decide(rows, (s) => s.evaluations.draft(world.member(by), { employeeId: 'andi', period: Q4, skpPart, results: 'SESUAI', behaviour: 'SESUAI', notes: null, feedback: null }));

  it('gives each rater their part: the old PPK the closed SKP period, the new PPK the one in force – each only their own', async () => {
    const sris = await draftPart('sri', firstPeriod);
    expect(sris).toMatchObject({ ok: true, value: { skp: { part: firstPeriod, from: { month: 10, day: 1 }, to: { month: 10, day: 31 } }, leaderId: 'sri' } });
    const dewis = await draftPart('dewi', '');
    expect(dewis).toMatchObject({ ok: true, value: { skp: { part: '', from: { month: 11, day: 1 }, to: { month: 12, day: 31 } }, leaderId: 'dewi' } });
    expect([...data.evaluations.values()].map((e) => [e.raterId, e.skpPart])).toEqual([['sri', firstPeriod], ['dewi', '']]);
    // Neither may write the other's part.
    expect(await draftPart('dewi', firstPeriod)).toMatchObject({ ok: false, refusal: { code: 'DENIED' } });
    expect(await draftPart('sri', '')).toMatchObject({ ok: false, refusal: { code: 'DENIED' } });
  });

  it('lists the closed part in the old PPK’s team and the part in force in the new PPK’s, with their days', async () => {
    const sriTeam = await decide(rows, (s) => s.evaluations.teamStatus(world.member('sri'), Q4, 'sri'));
    expect(sriTeam.team.map((m) => [m.id, m.skpPart, m.skp?.to.month ?? null])).toEqual([['budi', '', null], ['andi', firstPeriod, 10]]);
    const dewiTeam = await decide(rows, (s) => s.evaluations.teamStatus(world.member('dewi'), Q4, 'dewi'));
    expect(dewiTeam.team.map((m) => [m.id, m.skpPart, m.skp?.from.month ?? null])).toEqual([['andi', '', 11]]);
  });

  it('keeps a period that ended before the move with the old PPK alone', async () => {
    const Q3_OPEN = parsePeriodKey('2026-Q3')!;
    const dewiTeam = await decide(rows, (s) => s.evaluations.teamStatus(world.member('dewi'), Q3_OPEN, 'dewi'));
    expect(dewiTeam.team).toEqual([]);
    expect(await draftPart('dewi', '').then(() => decide(rows, (s) => s.evaluations.draft(world.member('dewi'), { employeeId: 'andi', period: Q3_OPEN, results: null, behaviour: null, notes: null, feedback: null })))).toMatchObject({
      ok: false,
      refusal: { code: 'OUTSIDE_SKP_PERIOD', name: 'Andi Pratama' },
    });
  });

  it('sends the keberatan about the closed part to the Atasan PPK of then, and the result names the days', async () => {
    await draftPart('sri', firstPeriod);
    await draft('sri', 'budi');
    const open = await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'));
    if (!open.ok) throw new Error(JSON.stringify(open.refusal));
    const finalized = await memoryServices(rows, world.work()).evaluations.finalize(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: open.value.snapshot, reason: 'Predikat unit belum ditetapkan' });
    if (!finalized.ok) throw new Error(JSON.stringify(finalized.refusal));
    const andi = textsOf(finalized.events).find((m) => m.to === 'andi');
    expect(andi?.text).toMatch(/Triwulan IV 2026, periode SKP 1 Okt 2026 – 31 Okt 2026 dari Sri Wahyuni\. .*keberatan kepada Hana Putri/);
  });

  it('lets today’s PPK rate a closed part whose PPK has left, so nobody is left without a rater', async () => {
    data.skpPeriods[0]!.raterActive = false;
    expect((await draftPart('dewi', firstPeriod)).ok).toBe(true);
    const dewiTeam = await decide(rows, (s) => s.evaluations.teamStatus(world.member('dewi'), Q4, 'dewi'));
    expect(dewiTeam.team.map((m) => m.skpPart).sort()).toEqual(['', firstPeriod]);
  });
});

describe('evaluation service: HR records the evaluation of a PPK outside the bot', () => {
  const YEAR = parsePeriodKey('2026')!;
  const gubernur = { id: 'gub', name: 'Dr. Bambang', title: 'Gubernur Contoh' };
  beforeEach(() => {
    // Rina heads the agency: the Gubernur is her PPK and Atasan PPK.
    world.externalPpks.set('rina', gubernur);
    world.externalAtasanPpks.set('rina', gubernur);
  });
  const record = (by: string, employeeId: string, decidedOn = '2026-12-27') =>
    decide(rows, (s) =>
      s.evaluations.recordForOfficial(world.member(by), { employeeId, period: YEAR, results: 'DI_ATAS', behaviour: 'DI_ATAS', notes: null, feedback: null, documentNumber: '800/1/2026', decidedOn }),
    );

  it('records it final at once, by HR for the official, and sends it naming the official and the document', async () => {
    const work = world.work();
    const recorded = await memoryServices(rows, work).evaluations.recordForOfficial(world.member('hana'), {
      employeeId: 'rina',
      period: YEAR,
      results: 'DI_ATAS',
      behaviour: 'DI_ATAS',
      notes: null,
      feedback: null,
      documentNumber: '800/1/2026',
      decidedOn: '2026-12-27',
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.refusal));
    expect(recorded.value).toMatchObject({ delivered: true, predikat: 'SANGAT_BAIK', official: { title: 'Gubernur Contoh' } });
    expect(work.audits).toMatchObject([{ action: 'evaluation.recorded', actorId: 'hana', details: { recordedByHrFor: 'Dr. Bambang, Gubernur Contoh', documentNumber: '800/1/2026', decidedOn: '2026-12-27' } }]);
    expect(textsOf(recorded.events)).toEqual([
      {
        to: 'rina',
        text: expect.stringMatching(/^Hasil evaluasi kinerja Tahun 2026 dari Dr\. Bambang \(Gubernur Contoh\)\. .*keberatan kepada Dr\. Bambang \(Gubernur Contoh\)[\s\S]*Dicatat oleh Hana Putri \(pengelola kinerja\)[\s\S]*dokumen nomor 800\/1\/2026 tanggal 27 Des 2026/),
      },
    ]);
    await commitInMemory(work);
    expect(data.of('rina', '2026')).toMatchObject({ status: 'FINAL', raterId: 'hana', deliveredAt: NOW, recordedFor: { title: 'Gubernur Contoh', documentNumber: '800/1/2026' } });
  });

  it('refuses anyone but HR, a PPK in the bot, a document dated ahead, and a second record', async () => {
    expect(await record('sri', 'rina')).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_FOR_OFFICIAL' } });
    expect(await record('hana', 'andi')).toEqual({ ok: false, refusal: { code: 'PPK_IN_BOT' } });
    expect(await record('hana', 'rina', '2027-01-05')).toEqual({ ok: false, refusal: { code: 'DECIDED_LATER' } });
    expect(data.evaluations.size).toBe(0);
    expect((await record('hana', 'rina')).ok).toBe(true);
    expect(await record('hana', 'rina')).toMatchObject({ ok: false, refusal: { code: 'ALREADY_FINAL', name: 'Rina Kusuma' } });
  });
});
