import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { parsePeriodKey, type Period } from '../../../src/domain/periods.js';
import type { Rating } from '../../../src/domain/rating-matrix.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { Conflict } from '../../../src/services/work.js';
import { evaluationRows, memoryEvaluations, type EvaluationRows } from '../../support/memory-evaluations.js';
import { distributionLevels, penetapanRows } from '../../support/memory-penetapan.js';
import { resultNow } from '../../../src/services/evaluation-service.js';
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

const propose = (confirmed: string) => decide(rows, (s) => s.evaluations.propose(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed }));

/** Sri's team proposed, and Rina's own reports (Sri, Dewi, Hana) proposed by her: the whole Bidang waits for her penetapan. */
async function proposedBidang(ratings: { andi?: Rating; budi?: Rating } = {}): Promise<void> {
  await draft('sri', 'andi', { results: ratings.andi ?? 'DI_ATAS', behaviour: 'DI_ATAS' });
  await draft('sri', 'budi', { results: ratings.budi ?? 'DI_BAWAH' });
  const open = await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'));
  if (!open.ok) throw new Error(JSON.stringify(open.refusal));
  expect((await propose(open.value.snapshot)).ok).toBe(true);
  for (const employeeId of ['sri', 'dewi', 'hana']) data.add({ employeeId, periodKey: '2026-Q4', raterId: 'rina', status: 'PROPOSED' });
}

const bidangStatus = (by = 'rina') => decide(rows, (s) => s.penetapan.status(world.member(by), 'root', Q4));

/** Rina establishes the Bidang as she sees it now. */
async function establish(reason: string | null = null, by = 'rina', document?: { documentNumber: string; decidedOn: string }) {
  const status = await bidangStatus(by);
  if (!status.ok) throw new Error(JSON.stringify(status.refusal));
  return decide(rows, (s) => s.penetapan.establish(world.member(by), { organisationId: 'root', period: Q4, confirmed: status.value.snapshot, reason, ...(document ? { document } : {}) }));
}

/** Each notice as recipient and text; a document made on delivery reads "[its kind]". */
const messagesOf = (events: DomainEvent[]) =>
  events.flatMap(noticesOf).map((notice) => {
    const message = notice.message((label) => ({ label, token: '' }));
    return { to: notice.to.id, text: message.deferred ? `[${message.deferred.kind}]` : plainText(message) };
  });
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

  it('does not change an evaluation proposed while the rater redid the draft', async () => {
    const snapshot = await draftedTeam();
    const redo = await decideLater(rows, (s) => s.evaluations.draft(world.member('sri'), { employeeId: 'andi', period: Q4, results: 'DI_BAWAH', behaviour: 'DI_BAWAH', notes: null, feedback: null }));
    expect((await propose(snapshot)).ok).toBe(true);
    await expect(redo.commit()).rejects.toBeInstanceOf(Conflict);
    expect(data.of('andi', '2026-Q4')).toMatchObject({ status: 'PROPOSED', predikat: 'SANGAT_BAIK' });
    expect(await draft('sri', 'andi', { results: 'DI_BAWAH' })).toMatchObject({ ok: false, refusal: { code: 'ALREADY_FINAL' } });
  });
});

describe('evaluation service: proposing to the organisation’s leader', () => {
  it('waits for the period’s end: drafts from the window’s opening, results only from the day after the last (PermenPANRB 6/2022 Pasal 1 angka 8)', async () => {
    world = new MemoryWorld(new Date('2026-12-28T03:00:00Z'));
    rows = new MemoryRows(world);
    data = evaluationRows(rows);
    await draft('sri', 'andi');
    await draft('sri', 'budi');
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'))).toEqual({ ok: false, refusal: { code: 'NOT_ENDED', period: Q4, from: { year: 2027, month: 1, day: 1 } } });
    expect([...data.evaluations.values()].map((e) => e.status)).toEqual(['DRAFT', 'DRAFT']);
  });

  it('proposes the team without a reason even when the team alone breaks the curve, and tells no employee yet', async () => {
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    const snapshot = await draftedTeam();
    const open = await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q4, 'sri'));
    // The team of two is only a preview: its broken rules are advice.
    expect(open.ok && open.value.status.curve?.violations.every((v) => v.severity === 'advisory')).toBe(true);
    const work = world.work();
    const proposed = await memoryServices(rows, work).evaluations.propose(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot });
    expect(proposed).toEqual({ ok: true, value: { count: 2 }, events: [] });
    expect(work.audits).toMatchObject([{ action: 'evaluation.proposed', entityId: 'seksi', details: { periodKey: '2026-Q4', count: 2, unitPredikat: 'BAIK' } }]);
    await commitInMemory(work);
    expect([...data.evaluations.values()].map((e) => [e.status, e.deliveredAt])).toEqual([
      ['PROPOSED', null],
      ['PROPOSED', null],
    ]);
  });

  it('refuses to propose before everyone is rated, outside the window, or with nothing left to propose', async () => {
    await draft('sri', 'andi');
    expect(await propose('')).toEqual({ ok: false, refusal: { code: 'NOT_ALL_RATED', names: ['Budi Santoso'] } });
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('sri'), Q3, 'sri'))).toEqual({ ok: false, refusal: { code: 'NOT_OPEN', period: Q3 } });
    const snapshot = await draftedTeam();
    expect((await propose(snapshot)).ok).toBe(true);
    expect(await propose(snapshot)).toEqual({ ok: false, refusal: { code: 'NOTHING_TO_FINALIZE', period: Q4 } });
  });

  it('counts a draft someone else left (a Plh) as not rated: the rater redoes it first', async () => {
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-12-21', endsOn: '2026-12-27' });
    data.add({ employeeId: 'andi', periodKey: '2026-Q4', raterId: 'dewi' });
    await draft('sri', 'budi');
    expect(await propose('')).toEqual({ ok: false, refusal: { code: 'NOT_ALL_RATED', names: ['Andi Pratama'] } });
  });

  it('refuses while a unit head’s draft contradicts their unit’s predikat set since', async () => {
    await draft('rina', 'sri', { results: 'DI_ATAS' });
    await draft('rina', 'dewi');
    await draft('rina', 'hana');
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    expect(await decide(rows, (s) => s.evaluations.openForFinalizing(world.member('rina'), Q4, 'rina'))).toEqual({ ok: false, refusal: { code: 'STALE_LEADERS', names: ['Sri Wahyuni'] } });
  });

  it('proposes nothing when a draft changed after the rater confirmed', async () => {
    const snapshot = await draftedTeam();
    await draft('sri', 'budi', { behaviour: 'DI_ATAS' });
    expect(await propose(snapshot)).toEqual({ ok: false, refusal: { code: 'TEAM_CHANGED' } });
    expect([...data.evaluations.values()].every((e) => e.status === 'DRAFT')).toBe(true);
  });

  it('proposes once when two devices confirm at the same time: the second commit fails and, decided again, finds nothing to propose', async () => {
    const snapshot = await draftedTeam();
    const phone = await decideLater(rows, (s) => s.evaluations.propose(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot }));
    const laptop = await decideLater(rows, (s) => s.evaluations.propose(world.member('sri'), { period: Q4, leaderId: 'sri', confirmed: snapshot }));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await propose(snapshot)).toEqual({ ok: false, refusal: { code: 'NOTHING_TO_FINALIZE', period: Q4 } });
  });
});

describe('penetapan: the organisation’s leader establishes the distribution (SE MenPANRB 3/2023)', () => {
  it('shows the leader every person of the organisation (all teams, not her own alone) and waits until all are proposed', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    await draft('sri', 'andi');
    const status = await bidangStatus();
    if (!status.ok) throw new Error(JSON.stringify(status.refusal));
    expect(status.value.entries.map((e) => e.name)).toEqual(['Andi Pratama', 'Budi Santoso', 'Dewi Lestari', 'Hana Putri', 'Sri Wahyuni']);
    expect(status.value.waiting.map((e) => e.name)).toEqual(['Andi Pratama', 'Budi Santoso', 'Dewi Lestari', 'Hana Putri', 'Sri Wahyuni']);
    expect(await establish()).toEqual({ ok: false, refusal: { code: 'NOT_ALL_PROPOSED', names: ['Andi Pratama', 'Budi Santoso', 'Dewi Lestari', 'Hana Putri', 'Sri Wahyuni'] } });
  });

  it('refuses without the Capaian Kinerja Organisasi, before the period ends, and to anyone but the leader', async () => {
    await proposedBidang();
    expect(await establish()).toEqual({ ok: false, refusal: { code: 'NO_CAPAIAN', organisation: 'Bidang Aplikasi', period: Q4 } });
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    expect(await bidangStatus('sri')).toEqual({ ok: false, refusal: { code: 'DENIED' } });
    // HR covers the agency, but the leader is in the bot: she establishes, HR does not.
    expect(await bidangStatus('hana')).toEqual({ ok: false, refusal: { code: 'DENIED' } });
    world = new MemoryWorld(new Date('2026-12-30T03:00:00Z'));
    rows = new MemoryRows(world);
    data = evaluationRows(rows);
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    for (const employeeId of ['andi', 'budi', 'sri', 'dewi', 'hana']) data.add({ employeeId, periodKey: '2026-Q4', status: 'PROPOSED' });
    expect(await establish()).toMatchObject({ ok: false, refusal: { code: 'NOT_ENDED', from: { year: 2027, month: 1, day: 1 } } });
  });

  it('establishes the whole distribution: every proposal final and sent, the raters told, the penetapan kept with its counts', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    await proposedBidang();
    const work = world.work();
    const status = await bidangStatus();
    if (!status.ok) throw new Error('no status');
    // Sangat Baik 1, Baik 3, Butuh Perbaikan 1 of 5: fits a Baik organisation.
    expect(status.value.curve?.ok).toBe(true);
    const established = await memoryServices(rows, work).penetapan.establish(world.member('rina'), { organisationId: 'root', period: Q4, confirmed: status.value.snapshot, reason: null });
    if (!established.ok) throw new Error(JSON.stringify(established.refusal));
    expect(established.value.count).toBe(5);
    const messages = messagesOf(established.events);
    expect(messages.filter((m) => m.text.startsWith('Hasil evaluasi')).map((m) => m.to).sort()).toEqual(['andi', 'budi', 'dewi', 'hana', 'sri']);
    expect(messages.find((m) => m.to === 'andi' && m.text.startsWith('Hasil'))?.text).toMatch(
      /^Hasil evaluasi kinerja Triwulan IV 2026 dari Sri Wahyuni\. .*keberatan kepada Rina Kusuma \(Atasan Pejabat Penilai Kinerja\) paling lambat 18 Jan 2027\.[\s\S]*Predikat: Sangat Baik/,
    );
    // Each also gets their Dokumen Evaluasi Kinerja Pegawai, made as PDF when delivered.
    expect(messages.filter((m) => m.text === '[evaluation-document]').map((m) => m.to).sort()).toEqual(['andi', 'budi', 'dewi', 'hana', 'sri']);
    // Sri hears her two proposals are established; Rina, who established them, is not told.
    expect(textsOf(established.events).filter((m) => !m.text.startsWith('Hasil'))).toEqual([
      { to: 'sri', text: 'Rina Kusuma menetapkan Predikat Kinerja Bidang Aplikasi untuk Triwulan IV 2026: 2 hasil yang Anda usulkan kini final dan dikirim kepada pegawai.' },
    ]);
    expect(work.audits).toMatchObject([{ action: 'penetapan.established', details: { unitId: 'root', periodKey: '2026-Q4', as: 'LEADER', count: 5, violations: [], reason: null } }]);
    await commitInMemory(work);
    expect([...data.evaluations.values()].every((e) => e.status === 'FINAL' && e.deliveredAt?.getTime() === NOW.getTime())).toBe(true);
    expect(penetapanRows(rows)).toMatchObject([{ unitId: 'root', periodKey: '2026-Q4', unitPredikat: 'BAIK', establishedById: 'rina', recordedById: null, counts: { SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 1 } }]);
  });

  it('needs the leader’s written reason – never the rater’s – to establish a distribution that breaks the curve, and keeps it on every result', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    // Nobody below Baik: the Baik organisation needs at least one Butuh Perbaikan or Kurang.
    await proposedBidang({ budi: 'SESUAI' });
    expect(await establish()).toEqual({ ok: false, refusal: { code: 'REASON_REQUIRED' } });
    expect((await establish('Seluruh bidang melampaui target rencana aksi triwulan ini.')).ok).toBe(true);
    expect([...data.evaluations.values()].map((e) => e.curveDeviationReason)).toEqual(Array(5).fill('Seluruh bidang melampaui target rencana aksi triwulan ini.'));
    expect(penetapanRows(rows)[0]).toMatchObject({ deviationReason: 'Seluruh bidang melampaui target rencana aksi triwulan ini.', violations: ['baik.baik.max', 'baik.butuh-perbaikan-or-kurang.min'] });
  });

  it('sends one proposal back to its rater with a note: it is her draft again, the rater is told, and an old confirmation establishes nothing', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    await proposedBidang();
    const before = await bidangStatus();
    if (!before.ok) throw new Error('no status');
    const andi = data.of('andi', '2026-Q4')!;
    const sent = await decide(rows, (s) => s.penetapan.sendBack(world.member('rina'), { organisationId: 'root', period: Q4, evaluationId: andi.id, note: 'Bukti realisasi modul belum lengkap.' }));
    expect(sent.ok && messagesOf(sent.events)).toEqual([
      { to: 'sri', text: expect.stringMatching(/^Rina Kusuma mengembalikan usulan evaluasi Andi Pratama untuk Triwulan IV 2026 kepada Anda dengan catatan: "Bukti realisasi modul belum lengkap\."/) },
    ]);
    expect(data.of('andi', '2026-Q4')?.status).toBe('DRAFT');
    expect(await decide(rows, (s) => s.penetapan.establish(world.member('rina'), { organisationId: 'root', period: Q4, confirmed: before.value.snapshot, reason: null }))).toEqual({
      ok: false,
      refusal: { code: 'NOT_ALL_PROPOSED', names: ['Andi Pratama'] },
    });
    expect(await decide(rows, (s) => s.penetapan.sendBack(world.member('rina'), { organisationId: 'root', period: Q4, evaluationId: andi.id, note: 'lagi' }))).toEqual({ ok: false, refusal: { code: 'NOT_PROPOSED' } });
  });

  it('establishes once when two devices confirm at the same time', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    await proposedBidang();
    const status = await bidangStatus();
    if (!status.ok) throw new Error('no status');
    const input = { organisationId: 'root', period: Q4, confirmed: status.value.snapshot, reason: null };
    const phone = await decideLater(rows, (s) => s.penetapan.establish(world.member('rina'), input));
    const laptop = await decideLater(rows, (s) => s.penetapan.establish(world.member('rina'), input));
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await establish()).toEqual({ ok: false, refusal: { code: 'NOTHING_PROPOSED', period: Q4 } });
  });

  it('lets the leader’s Plh establish, and HR record it – only with the document – when the leader has left with nobody acting', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    await proposedBidang();
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'rina', startsOn: '2027-01-04', endsOn: '2027-01-08' });
    expect(await bidangStatus('dewi')).toMatchObject({ ok: true, value: { authority: 'ACTING' } });
    world.acting.pop();
    world.people.set('rina', { ...world.member('rina'), active: false });
    expect(await bidangStatus('hana')).toMatchObject({ ok: true, value: { authority: 'HR' } });
    expect(await establish(null, 'hana')).toEqual({ ok: false, refusal: { code: 'DOCUMENT_REQUIRED' } });
    expect((await establish(null, 'hana', { documentNumber: '800/12/BKPSDM/2027', decidedOn: '2027-01-04' })).ok).toBe(true);
    expect(penetapanRows(rows)[0]).toMatchObject({ establishedById: null, recordedById: 'hana', documentNumber: '800/12/BKPSDM/2027', decidedOn: '2027-01-04' });
  });

  it('holds back the result of someone who cannot be reached, and delivers it – once – when they can be', async () => {
    data.setUnitPredikat('root', '2026-Q4', 'BAIK');
    data.unreachable.add('budi');
    await proposedBidang();
    const established = await establish();
    expect(established.ok && established.value.unreachable.map((p) => p.name)).toEqual(['Budi Santoso']);
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
    expect((await propose(open.value.snapshot)).ok).toBe(true);
    const part = [...data.evaluations.values()].find((e) => e.employeeId === 'andi')!;
    const result = await resultNow(memoryEvaluations(rows, world.work()), part.id, NOW);
    const andi = textsOf(result ? [{ type: 'evaluation.resultSent', result }] : []).find((m) => m.to === 'andi');
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
        text: expect.stringMatching(/^Hasil evaluasi kinerja Tahun 2026 dari Dr\. Bambang \(Gubernur Contoh\)\. .*keberatan kepada Dr\. Bambang \(Gubernur Contoh\)[\s\S]*Dicatat oleh Hana Putri \(Pengelola Kinerja\)[\s\S]*dokumen nomor 800\/1\/2026 tanggal 27 Des 2026/),
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

describe('penetapan at a deeper level: each seksi is an organisation', () => {
  it('puts the seksi’s people with its leader, and the seksi head with the Bidang above', async () => {
    distributionLevels.set(rows, 2);
    data.setUnitPredikat('seksi', '2026-Q4', 'BAIK');
    const seksi = await decide(rows, (s) => s.penetapan.status(world.member('sri'), 'seksi', Q4));
    expect(seksi.ok && seksi.value.entries.map((e) => e.name)).toEqual(['Andi Pratama', 'Budi Santoso']);
    const bidang = await bidangStatus();
    expect(bidang.ok && bidang.value.entries.map((e) => e.name)).toEqual(['Dewi Lestari', 'Hana Putri', 'Sri Wahyuni']);
    expect((await decide(rows, (s) => s.penetapan.organisations(world.member('sri')))).map((o) => o.id)).toEqual(['seksi']);
  });
});
