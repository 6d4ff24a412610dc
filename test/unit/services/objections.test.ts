import { beforeEach, describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../../src/conversation/reply.js';
import type { Notice } from '../../../src/notifications/notice.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import type { ObjectionParty } from '../../../src/services/objection-service.js';
import { Conflict } from '../../../src/services/work.js';
import { appraisalOf, type AppraisalRows } from '../../support/memory-appraisal.js';
import type { EvaluationRow } from '../../support/memory-evaluations.js';
import { commitInMemory, MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, memoryServices, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;
let appraisal: AppraisalRows;
let evaluation: EvaluationRow;

/** Andi's Q4 evaluation by Sri, final and delivered two days ago; a keberatan goes to Rina (Sri's superior). */
function setUp(now?: Date): void {
  world = new MemoryWorld(now);
  rows = new MemoryRows(world);
  appraisal = appraisalOf(rows);
  const twoDaysAgo = new Date(world.now.getTime() - 2 * 86_400_000);
  evaluation = appraisal.addEvaluation('andi', { deliveredAt: twoDaysAgo, finalizedAt: twoDaysAgo, notes: 'Target modul tercapai.' });
}

beforeEach(() => setUp());

const REASONS = 'Dua modul tambahan belum tercatat.';

function notices(events: DomainEvent[]): { to: string; text: string; buttons: string[] }[] {
  return events.flatMap(noticesOf).map((notice: Notice) => {
    const buttons: string[] = [];
    const message: Reply = notice.message((label, payload) => {
      buttons.push(`${label} → ${'flow' in payload ? payload.flow : payload.kind === 'action' ? payload.name : payload.kind}`);
      return { label, token: '' };
    });
    // A document made on delivery reads "[its kind]".
    return { to: notice.to.id, text: message.deferred ? `[${message.deferred.kind}]` : plainText(message), buttons };
  });
}

async function filed(by = 'andi', evaluationId = evaluation.id): Promise<string> {
  const result = await decide(rows, (s) => s.objections.file(world.member(by), evaluationId, REASONS));
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.value.objection.id;
}

const ask = (by: string, objectionId: string, party: ObjectionParty) => decide(rows, (s) => s.objections.askForExplanation(world.member(by), objectionId, party));
const explain = (by: string, objectionId: string, text = 'Modul itu dilaporkan setelah penilaian.') => decide(rows, (s) => s.objections.explain(world.member(by), objectionId, text));
/** The PPK explains: the decision may follow (PP 30/2019 Pasal 59 ayat 3–4). */
const explained = async (objectionId: string, rater = 'sri') => {
  const result = await explain(rater, objectionId, 'Penjelasan penilai: modul belum dilaporkan.');
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return objectionId;
};
const uphold = (by: string, objectionId: string) => decide(rows, (s) => s.objections.decide(world.member(by), objectionId, { decision: 'UPHELD', results: null, behaviour: null, note: 'Bukti belum ada.' }));

describe('filing a keberatan', () => {
  it('sends it to the rater’s superior with both sides and the buttons, tells the rater, and marks the evaluation objected', async () => {
    const work = world.work();
    const result = await memoryServices(rows, work).objections.file(world.member('andi'), evaluation.id, REASONS);
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(result.value.decider?.id).toBe('rina');
    expect(work.audits).toMatchObject([{ action: 'objection.filed', actorId: 'andi', details: { evaluationId: evaluation.id, deciderId: 'rina' } }]);
    expect(appraisal.objections.size).toBe(0); // nothing is written before the commit
    const [toDecider, toRater] = notices(result.events);
    expect(toDecider?.to).toBe('rina');
    expect(toDecider?.text).toMatch(/^Andi Pratama mengajukan keberatan atas evaluasi Triwulan IV 2026 oleh Sri Wahyuni[\s\S]*Penilaian Sri Wahyuni:[\s\S]*Predikat: Baik[\s\S]*Target modul tercapai\.[\s\S]*Alasan keberatan:[\s\S]*Dua modul tambahan/);
    expect(toDecider?.buttons).toEqual(['Minta penjelasan pegawai → objection.ask', 'Minta penjelasan Pejabat Penilai Kinerja → objection.ask', 'Putuskan → objection-decision']);
    expect(toRater).toMatchObject({ to: 'sri', buttons: [] });
    expect(toRater?.text).toMatch(/Andi Pratama mengajukan keberatan atas evaluasi Triwulan IV 2026 yang Anda berikan\. Rina Kusuma akan memutuskan/);

    await commitInMemory(work);
    expect(appraisal.evaluation(evaluation.id).status).toBe('OBJECTED');
    expect([...appraisal.objections.values()]).toMatchObject([{ evaluationId: evaluation.id, status: 'FILED', deciderId: 'rina', reasons: REASONS }]);
  });

  it('offers the draft with the superior’s name and the last day as the employee was told it', async () => {
    const draft = await decide(rows, (s) => s.objections.canObject(world.member('andi'), evaluation.id));
    expect(draft.ok && { decider: draft.value.decider?.name, lastDay: draft.value.lastDay }).toEqual({ decider: 'Rina Kusuma', lastDay: { year: 2026, month: 12, day: 9 } });
  });

  it('refuses someone else’s evaluation', async () => {
    expect(await decide(rows, (s) => s.objections.file(world.member('budi'), evaluation.id, REASONS))).toEqual({ ok: false, refusal: { code: 'NOT_YOUR_EVALUATION' } });
    expect(await decide(rows, (s) => s.objections.file(world.member('andi'), 'no-such-evaluation', REASONS))).toEqual({ ok: false, refusal: { code: 'NOT_YOUR_EVALUATION' } });
    expect(appraisal.objections.size).toBe(0);
  });

  it('refuses objecting after accepting, and a second keberatan on the same evaluation', async () => {
    expect((await decide(rows, (s) => s.evaluations.acknowledge(world.member('andi'), evaluation.id))).ok).toBe(true);
    expect(await decide(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, REASONS))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
    const other = appraisal.addEvaluation('budi');
    await filed('budi', other.id);
    expect(await decide(rows, (s) => s.objections.file(world.member('budi'), other.id, REASONS))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
    expect([...appraisal.objections.values()].map((o) => o.evaluationId)).toEqual([other.id]);
  });

  it('refuses, at commit, a keberatan decided before the acceptance on another device landed', async () => {
    const objecting = await decideLater(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, REASONS));
    const accepting = await decideLater(rows, (s) => s.evaluations.acknowledge(world.member('andi'), evaluation.id));
    expect(objecting.value.ok && accepting.value.ok).toBe(true);
    await accepting.commit();
    await expect(objecting.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.evaluation(evaluation.id).status).toBe('ACKNOWLEDGED');
    expect(appraisal.objections.size).toBe(0);
    expect(await decide(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, REASONS))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
  });

  it('cannot be overtaken by an acceptance decided on another device before it landed', async () => {
    const accepting = await decideLater(rows, (s) => s.evaluations.acknowledge(world.member('andi'), evaluation.id));
    await filed();
    await expect(accepting.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.evaluation(evaluation.id).status).toBe('OBJECTED');
  });

  it('files once when two devices send it at the same time', async () => {
    const phone = await decideLater(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, REASONS));
    const laptop = await decideLater(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, 'Alasan kedua'));
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect([...appraisal.objections.values()].map((o) => o.reasons)).toEqual([REASONS]);
    expect(await decide(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, 'Alasan kedua'))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
  });

  it('refuses when the rater has no superior on record', async () => {
    const sris = appraisal.addEvaluation('sri');
    expect(await decide(rows, (s) => s.objections.file(world.member('sri'), sris.id, REASONS))).toEqual({ ok: false, refusal: { code: 'NO_DECIDER' } });
  });
});

describe('the objection period', () => {
  it('is open on day 14 after receipt and over on day 15, with the dates to explain it', async () => {
    // Received Friday 13 November 10:00 WIB; day 14 is 27 November.
    setUp(new Date('2026-11-27T16:30:00Z')); // 23:30 WIB on 27 November
    appraisal.evaluation(evaluation.id).deliveredAt = new Date('2026-11-13T03:00:00Z');
    expect((await decide(rows, (s) => s.objections.canObject(world.member('andi'), evaluation.id))).ok).toBe(true);
    appraisal.evaluation(evaluation.id).deliveredAt = new Date('2026-11-12T03:00:00Z');
    expect(await decide(rows, (s) => s.objections.file(world.member('andi'), evaluation.id, REASONS))).toEqual({
      ok: false,
      refusal: { code: 'PERIOD_OVER', lastDay: { year: 2026, month: 11, day: 26 }, days: 14, received: { year: 2026, month: 11, day: 12 } },
    });
  });

  it('ends at midnight in the employee’s own time zone', async () => {
    setUp(new Date('2026-11-27T16:30:00Z')); // 23:30 on 27 November in Jakarta, already 00:30 on the 28th in Makassar
    appraisal.evaluation(evaluation.id).deliveredAt = new Date('2026-11-13T03:00:00Z');
    world.member('andi').timeZone = 'Asia/Makassar';
    expect(await decide(rows, (s) => s.objections.canObject(world.member('andi'), evaluation.id))).toMatchObject({ ok: false, refusal: { code: 'PERIOD_OVER', lastDay: { day: 27 } } });
  });

  it('is the law’s 14 days for every agency and, before delivery, runs from finalising', async () => {
    // PP 30/2019 Pasal 59: no agency setting shortens or stretches it.
    Object.assign(appraisal.evaluation(evaluation.id), { deliveredAt: new Date('2026-11-12T03:00:00Z') });
    expect(await decide(rows, (s) => s.objections.canObject(world.member('andi'), evaluation.id))).toMatchObject({ ok: false, refusal: { code: 'PERIOD_OVER', days: 14 } });
    Object.assign(appraisal.evaluation(evaluation.id), { deliveredAt: null, finalizedAt: new Date('2026-11-01T03:00:00Z') });
    expect(await decide(rows, (s) => s.objections.canObject(world.member('andi'), evaluation.id))).toMatchObject({ ok: false, refusal: { code: 'PERIOD_OVER', received: { month: 11, day: 1 } } });
  });
});

describe('explanations', () => {
  it('are asked of the rater with the reasons, or of the employee, and put the keberatan under review', async () => {
    const id = await filed();
    const asked = await ask('rina', id, 'rater');
    expect(asked.ok && asked.value.party.id).toBe('sri');
    if (!asked.ok) return;
    expect(notices(asked.events)).toEqual([
      {
        to: 'sri',
        text: expect.stringMatching(/^Rina Kusuma meminta penjelasan Anda tentang keberatan Andi Pratama atas evaluasi Triwulan IV 2026\.[\s\S]*Alasan keberatan:[\s\S]*Dua modul/),
        buttons: ['Beri penjelasan → objection-explanation'],
      },
    ]);
    expect(appraisal.objections.get(id)?.status).toBe('UNDER_REVIEW');
    const ofEmployee = await ask('rina', id, 'employee');
    expect(ofEmployee.ok && notices(ofEmployee.events).map((n) => [n.to, /Alasan keberatan/.test(n.text)])).toEqual([['andi', false]]);
  });

  it('are asked only by whoever may decide', async () => {
    const id = await filed();
    expect(await ask('sri', id, 'employee')).toEqual({ ok: false, refusal: { code: 'RATER_CANNOT_DECIDE' } });
    expect(await ask('dewi', id, 'rater')).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'DECIDE_OBJECTION', reason: 'NOT_PERMITTED' } });
    expect(await ask('rina', 'no-such-id', 'rater')).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
    expect(appraisal.objections.get(id)?.status).toBe('FILED');
  });

  it('reach the superior with the buttons again, from the employee or the rater only', async () => {
    const id = await filed();
    const fromRater = await explain('sri', id);
    if (!fromRater.ok) throw new Error('refused');
    expect(notices(fromRater.events)).toEqual([{ to: 'rina', text: expect.stringMatching(/^Penjelasan dari Sri Wahyuni:[\s\S]*dilaporkan setelah penilaian/), buttons: expect.arrayContaining(['Putuskan → objection-decision']) }]);
    await explain('andi', id, 'Buktinya ada di drive.');
    expect(appraisal.objections.get(id)).toMatchObject({ raterExplanation: 'Modul itu dilaporkan setelah penilaian.', employeeExplanation: 'Buktinya ada di drive.' });
    expect(await explain('budi', id)).toEqual({ ok: false, refusal: { code: 'NOT_PARTY' } });
    expect(await explain('rina', id)).toEqual({ ok: false, refusal: { code: 'NOT_PARTY' } });
  });

  it('arriving after the decision are refused and do not touch the decided keberatan', async () => {
    const id = await explained(await filed());
    await uphold('rina', id);
    expect(await decide(rows, (s) => s.objections.canExplain(world.member('andi'), id))).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
    expect(await explain('andi', id)).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
    expect(appraisal.objections.get(id)?.employeeExplanation).toBeNull();
  });

  it('decided before the decision landed fail at commit, and are refused when decided again', async () => {
    const id = await explained(await filed());
    const late = await decideLater(rows, (s) => s.objections.explain(world.member('andi'), id, 'Terlambat'));
    await uphold('rina', id);
    await expect(late.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.objections.get(id)).toMatchObject({ status: 'DECIDED', employeeExplanation: null });
    expect(await explain('andi', id, 'Terlambat')).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });

  it('cannot be asked for any more once decided: a stale button does not reopen the keberatan', async () => {
    const id = await explained(await filed());
    const stale = await decideLater(rows, (s) => s.objections.askForExplanation(world.member('rina'), id, 'rater'));
    await uphold('rina', id);
    await expect(stale.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.objections.get(id)?.status).toBe('DECIDED');
    expect(await ask('rina', id, 'rater')).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });
});

describe('the decision', () => {
  it('waits for the PPK’s explanation (PP 30/2019 Pasal 59 ayat 3–4); the employee’s reasons do not replace it', async () => {
    const id = await filed();
    expect(await uphold('rina', id)).toEqual({ ok: false, refusal: { code: 'EXPLANATION_NEEDED', objectionId: id, rater: expect.objectContaining({ id: 'sri' }) } });
    expect((await explain('andi', id, 'Buktinya ada di drive.')).ok).toBe(true);
    expect(await uphold('rina', id)).toMatchObject({ ok: false, refusal: { code: 'EXPLANATION_NEEDED' } });
    expect(appraisal.objections.get(id)?.status).not.toBe('DECIDED');
    await explained(id);
    expect((await uphold('rina', id)).ok).toBe(true);
  });

  it('does not wait for a PPK who has left, who cannot explain any more', async () => {
    const id = await filed();
    world.people.set('sri', { ...world.member('sri'), active: false });
    expect((await uphold('rina', id)).ok).toBe(true);
  });

  it('changes the result by the matrix, is final, and tells the employee and the rater', async () => {
    const id = await explained(await filed());
    const work = world.work();
    const decided = await memoryServices(rows, work).objections.decide(world.member('rina'), id, { decision: 'CHANGED', results: 'DI_ATAS', behaviour: 'DI_ATAS', note: 'Dua modul terbukti.' });
    if (!decided.ok) throw new Error('refused');
    expect(work.audits).toMatchObject([{ action: 'objection.decided', actorId: 'rina', details: { decision: 'CHANGED', results: 'DI_ATAS', behaviour: 'DI_ATAS', predikat: 'SANGAT_BAIK' } }]);
    expect(notices(decided.events).map((n) => [n.to, n.text])).toEqual([
      ['andi', expect.stringMatching(/^Keputusan atas keberatan Andi Pratama \(evaluasi Triwulan IV 2026\) oleh Rina Kusuma: hasil evaluasi diubah\. Keputusan ini final\.[\s\S]*predikat: Sangat Baik[\s\S]*Dua modul terbukti/)],
      ['sri', expect.stringMatching(/hasil evaluasi diubah[\s\S]*predikat: Sangat Baik/)],
      // The employee's Dokumen Evaluasi again, now with the decision.
      ['andi', '[evaluation-document]'],
    ]);
    await commitInMemory(work);
    expect(appraisal.objections.get(id)).toMatchObject({ status: 'DECIDED', decision: 'CHANGED', deciderId: 'rina', changedResultsRating: 'DI_ATAS', changedBehaviourRating: 'DI_ATAS', changedPredikat: 'SANGAT_BAIK' });
    // The rater's own result is kept; the evaluation is decided.
    expect(appraisal.evaluation(evaluation.id)).toMatchObject({ status: 'DECIDED', predikat: 'BAIK' });
  });

  it('takes the new predikat from the matrix, results rating first', async () => {
    const id = await explained(await filed());
    await decide(rows, (s) => s.objections.decide(world.member('rina'), id, { decision: 'CHANGED', results: 'DI_ATAS', behaviour: 'DI_BAWAH', note: '-' }));
    expect(appraisal.objections.get(id)).toMatchObject({ changedResultsRating: 'DI_ATAS', changedBehaviourRating: 'DI_BAWAH', changedPredikat: 'KURANG' });
  });

  it('upholds without a new result, in each recipient’s language', async () => {
    world.member('sri').locale = 'en';
    const id = await explained(await filed());
    const decided = await uphold('rina', id);
    if (!decided.ok) throw new Error('refused');
    expect(appraisal.objections.get(id)).toMatchObject({ decision: 'UPHELD', changedPredikat: null, changedResultsRating: null });
    const [toEmployee, toRater] = notices(decided.events);
    expect(toEmployee?.text).toMatch(/hasil evaluasi dipertahankan\. Keputusan ini final/);
    expect(toEmployee?.text).not.toMatch(/Hasil baru/);
    expect(toRater?.text).toMatch(/^Decision on Andi Pratama’s objection/);
  });

  it('is made once: a second device’s decision fails at commit and is then refused', async () => {
    const id = await explained(await filed());
    const phone = await decideLater(rows, (s) => s.objections.decide(world.member('rina'), id, { decision: 'UPHELD', results: null, behaviour: null, note: 'Pertama' }));
    const laptop = await decideLater(rows, (s) => s.objections.decide(world.member('rina'), id, { decision: 'CHANGED', results: 'DI_ATAS', behaviour: 'DI_ATAS', note: 'Kedua' }));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.objections.get(id)).toMatchObject({ decision: 'UPHELD', decisionNote: 'Pertama', changedPredikat: null });
    expect(await uphold('rina', id)).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });

  it('is made once when the superior and their Plt decide at the same time', async () => {
    world.acting.push({ actingEmployeeId: 'hana', actingForId: 'rina', startsOn: '2026-11-01', endsOn: '2026-11-30' });
    const id = await explained(await filed());
    const plt = await decideLater(rows, (s) => s.objections.decide(world.member('hana'), id, { decision: 'UPHELD', results: null, behaviour: null, note: 'Plt' }));
    await uphold('rina', id);
    await expect(plt.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.objections.get(id)).toMatchObject({ deciderId: 'rina', decisionNote: 'Bukti belum ada.' });
  });

  it('is taken by the superior it was sent to, whoever acts for them, or the superior the rules name now', async () => {
    const id = await explained(await filed());
    world.acting.push({ actingEmployeeId: 'hana', actingForId: 'rina', startsOn: '2026-11-01', endsOn: '2026-11-30' });
    expect((await decide(rows, (s) => s.objections.openForDecision(world.member('hana'), id))).ok).toBe(true);
    // An assignment that ended yesterday gives no authority today.
    world.acting.push({ actingEmployeeId: 'budi', actingForId: 'rina', startsOn: '2026-11-01', endsOn: '2026-11-26' });
    expect(await decide(rows, (s) => s.objections.openForDecision(world.member('budi'), id))).toMatchObject({ ok: false, refusal: { code: 'DENIED' } });
    // Sri now reports to Dewi: Dewi is the rater's superior now, and Rina (who got it) still decides too.
    world.people.set('sri', { ...world.member('sri'), supervisorId: 'dewi' });
    expect((await decide(rows, (s) => s.objections.openForDecision(world.member('dewi'), id))).ok).toBe(true);
    expect((await decide(rows, (s) => s.objections.openForDecision(world.member('rina'), id))).ok).toBe(true);
  });

  it('is never taken by the rater, nor by the employee even when acting for the superior, and a denial is audited', async () => {
    const id = await explained(await filed());
    world.acting.push({ actingEmployeeId: 'andi', actingForId: 'rina', startsOn: '2026-11-27', endsOn: '2026-11-27' });
    const work = world.work();
    const services = memoryServices(rows, work);
    expect(await services.objections.decide(world.member('sri'), id, { decision: 'UPHELD', results: null, behaviour: null, note: '' })).toEqual({ ok: false, refusal: { code: 'RATER_CANNOT_DECIDE' } });
    expect(await services.objections.decide(world.member('andi'), id, { decision: 'UPHELD', results: null, behaviour: null, note: '' })).toEqual({
      ok: false,
      refusal: { code: 'DENIED', action: 'DECIDE_OBJECTION', reason: 'SELF_NOT_ALLOWED' },
    });
    expect(await services.objections.decide(world.member('dewi'), id, { decision: 'UPHELD', results: null, behaviour: null, note: '' })).toEqual({
      ok: false,
      refusal: { code: 'DENIED', action: 'DECIDE_OBJECTION', reason: 'NOT_PERMITTED' },
    });
    expect(work.changes).toHaveLength(0);
    expect(work.audits).toMatchObject([
      { action: 'access.denied', actorId: 'andi', entityId: 'andi', details: { attempted: 'DECIDE_OBJECTION', reason: 'SELF_NOT_ALLOWED' } },
      { action: 'access.denied', actorId: 'dewi', entityId: 'andi', details: { attempted: 'DECIDE_OBJECTION', reason: 'NOT_PERMITTED' } },
    ]);
  });
});

describe('a keberatan decided by an official outside the bot', () => {
  /** Sri's evaluation by Rina (the top of the tree); the Gubernur, outside the bot, is Rina's PPK and so Sri's Atasan PPK. */
  async function sriObjects(): Promise<string> {
    world.externalAtasanPpks.set('sri', { id: 'gub', name: 'Ahmad Luthfi', title: 'Gubernur Contoh' });
    const twoDaysAgo = new Date(world.now.getTime() - 2 * 86_400_000);
    const sris = appraisal.addEvaluation('sri', { raterId: 'rina', deliveredAt: twoDaysAgo, finalizedAt: twoDaysAgo });
    const result = await decide(rows, (s) => s.objections.file(world.member('sri'), sris.id, REASONS));
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(result.value).toMatchObject({ decider: null, external: { name: 'Ahmad Luthfi' } });
    expect(notices(result.events)).toEqual([
      { to: 'hana', text: expect.stringMatching(/^Keberatan Sri Wahyuni atas penilaian Rina Kusuma \(.+\) diputuskan oleh Ahmad Luthfi, Gubernur Contoh, di luar Dialog Kinerja/), buttons: expect.arrayContaining(['Putuskan → objection-decision']) },
      { to: 'rina', text: expect.stringMatching(/Ahmad Luthfi, Gubernur Contoh/), buttons: [] },
    ]);
    return result.value.objection.id;
  }

  it('is filed (not refused for want of a decider) and goes to HR to pass on and record', async () => {
    await sriObjects();
  });

  it('is recorded by HR only, with the decision document; told to both sides as the official’s decision', async () => {
    const id = await sriObjects();
    expect(await uphold('dewi', id)).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_FOR_OFFICIAL' } });
    await explained(id, 'rina');
    expect(await uphold('hana', id)).toEqual({ ok: false, refusal: { code: 'DOCUMENT_REQUIRED' } });
    const decided = await decide(rows, (s) => s.objections.decide(world.member('hana'), id, { decision: 'UPHELD', results: null, behaviour: null, note: 'Bukti belum ada.', recorded: { documentNumber: '800/77/2027', decidedOn: '2026-11-26' } }));
    if (!decided.ok) throw new Error(JSON.stringify(decided.refusal));
    expect(appraisal.objections.get(id)).toMatchObject({ status: 'DECIDED', deciderId: 'hana', documentNumber: '800/77/2027', decidedOn: new Date('2026-11-26T00:00:00Z') });
    expect(notices(decided.events).map((n) => [n.to, n.text])).toEqual([
      ['sri', expect.stringMatching(/Ahmad Luthfi, Gubernur Contoh/)],
      ['rina', expect.stringMatching(/Ahmad Luthfi, Gubernur Contoh/)],
      ['sri', '[evaluation-document]'],
    ]);
  });

  it('sends the explanations HR asked for back to HR', async () => {
    const id = await sriObjects();
    expect((await ask('hana', id, 'rater')).ok).toBe(true);
    const explained = await explain('rina', id);
    expect(explained.ok && notices(explained.events).map((n) => n.to)).toEqual(['hana']);
  });
});
