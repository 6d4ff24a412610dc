import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { Conflict } from '../../../src/services/work.js';
import type { FollowUpDecision } from '../../../src/services/follow-up-service.js';
import { followUpViewOf } from '../../../src/services/follow-up-service.js';
import { followUpStatusLine } from '../../../src/notifications/follow-up.js';
import { appraisalOf, type AppraisalRows } from '../../support/memory-appraisal.js';
import type { EvaluationRow } from '../../support/memory-evaluations.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, memoryServices, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;
let appraisal: AppraisalRows;
let evaluation: EvaluationRow;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
  appraisal = appraisalOf(rows);
  // Andi's evaluation by Sri, accepted; Rina is Sri's superior; Hana is HR for the agency and records the official's decisions.
  evaluation = appraisal.addEvaluation('andi', { status: 'ACKNOWLEDGED' });
});

function notices(events: DomainEvent[]): { to: string; text: string; buttons: string[] }[] {
  return events.flatMap(noticesOf).map((notice) => {
    const buttons: string[] = [];
    const text = plainText(notice.message((label, payload) => (buttons.push(`${label} → ${payload.kind === 'start' ? payload.flow : payload.kind}`), { label, token: '' })));
    return { to: notice.to.id, text, buttons };
  });
}

const recommend = (by: string, evaluationId = evaluation.id, employeeId = 'andi') =>
  decide(rows, (s) => s.followUps.recommend(world.member(by), { employeeId, evaluationId, kind: 'PENGEMBANGAN', recommendation: 'Pelatihan pengujian otomatis.' }));

async function recommended(): Promise<string> {
  const result = await recommend('sri');
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.value.followUp.id;
}

const DECISION: FollowUpDecision = {
  outcome: 'DISETUJUI',
  officialName: 'Ir. Bambang Wicaksono M.T., Kepala Dinas',
  considerationRef: 'BA-TPK/07/2026',
  documentNumber: '800/123/Diskominfo/2026',
  decidedOn: '2026-11-25',
  note: 'Diklat Maret 2027.',
};

const decideOn = (by: string, id: string, decision: FollowUpDecision = DECISION) => decide(rows, (s) => s.followUps.decide(by === 'cli' ? 'cli' : world.member(by), id, decision));

describe('follow-up proposal', () => {
  it('is the rater’s proposal and reaches HR covering the employee, with a button – not the rater’s superior', async () => {
    const work = world.work();
    const result = await memoryServices(rows, work).followUps.recommend(world.member('sri'), { employeeId: 'andi', evaluationId: evaluation.id, kind: 'PENEMPATAN', recommendation: 'Promosi ke Ahli Madya.' });
    if (!result.ok) throw new Error('refused');
    expect(result.value.recorders.map((p) => p.id)).toEqual(['hana']);
    expect(work.audits).toMatchObject([{ action: 'followUp.recommended', actorId: 'sri', details: { evaluationId: evaluation.id, kind: 'PENEMPATAN' } }]);
    expect(notices(result.events)).toEqual([
      {
        to: 'hana',
        text: expect.stringMatching(/^Sri Wahyuni mengusulkan Penempatan \(mutasi\/promosi\/demosi\) untuk Andi Pratama \(evaluasi Triwulan IV 2026\)\. Setelah pejabat yang berwenang memutuskan atas pertimbangan Tim Penilai Kinerja PNS[\s\S]*Promosi ke Ahli Madya/),
        buttons: ['Catat keputusan → follow-up-decision'],
      },
    ]);
  });

  it('is never a sanksi: that is the disciplinary route’s, and nothing is written', async () => {
    const work = world.work();
    const refused = await memoryServices(rows, work).followUps.recommend(world.member('sri'), { employeeId: 'andi', evaluationId: evaluation.id, kind: 'SANKSI', recommendation: 'Teguran.' });
    expect(refused).toEqual({ ok: false, refusal: { code: 'DISCIPLINARY_ROUTE' } });
    expect(work.changes).toHaveLength(0);
  });

  it('is refused on a draft, on someone else’s evaluation, and from anyone but the rater (audited)', async () => {
    const draft = appraisal.addEvaluation('budi', { status: 'DRAFT' });
    expect(await recommend('sri', draft.id, 'budi')).toEqual({ ok: false, refusal: { code: 'NO_EVALUATION' } });
    expect(await recommend('sri', evaluation.id, 'budi')).toEqual({ ok: false, refusal: { code: 'NO_EVALUATION' } });
    const work = world.work();
    const refused = await memoryServices(rows, work).followUps.recommend(world.member('hana'), { employeeId: 'andi', evaluationId: evaluation.id, kind: 'PENGHARGAAN', recommendation: '-' });
    expect(refused).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'EVALUATE', reason: 'NOT_PERMITTED' } });
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'hana', details: { attempted: 'EVALUATE' } }]);
    expect(appraisal.followUps.size).toBe(0);
  });

  it('is kept without telling anyone when no HR covers the employee', async () => {
    world.hrRoles.splice(0);
    const result = await recommend('sri');
    expect(result.ok && result.value.recorders).toEqual([]);
    expect(result.ok && notices(result.events)).toEqual([]);
    expect(appraisal.followUps.size).toBe(1);
  });
});

describe('the authorised official’s decision', () => {
  it('is recorded by HR with the document, and the rater and the employee are told', async () => {
    const id = await recommended();
    const later = await decideLater(rows, (s) => s.followUps.decide(world.member('hana'), id, DECISION));
    await later.commit();
    const { value: decided, work } = later;
    if (!decided.ok) throw new Error(JSON.stringify(decided.refusal));
    expect(work.audits).toMatchObject([{ action: 'followUp.decided', actorId: 'hana', details: { outcome: 'DISETUJUI', documentNumber: '800/123/Diskominfo/2026', considerationRef: 'BA-TPK/07/2026' } }]);
    expect(notices(decided.events).map((n) => [n.to, n.text])).toEqual([
      ['sri', expect.stringMatching(/^Keputusan atas usulan Pengembangan kompetensi untuk Andi Pratama: Disetujui, oleh Ir\. Bambang Wicaksono M\.T\., Kepala Dinas \(dokumen 800\/123\/Diskominfo\/2026, 25 Nov 2026\)\.[\s\S]*Diklat Maret 2027/)],
      ['andi', expect.stringMatching(/^Keputusan atas usulan Pengembangan kompetensi untuk Andi Pratama: Disetujui/)],
    ]);
    expect(appraisal.followUps.get(id)).toMatchObject({ decided: DECISION, decidedById: 'hana', decidedAt: world.now });
  });

  it('may be recorded at the CLI', async () => {
    const id = await recommended();
    const decided = await decideOn('cli', id, { ...DECISION, outcome: 'DITOLAK', considerationRef: null, note: null });
    expect(decided.ok && decided.value.decided).toMatchObject({ outcome: 'DITOLAK' });
    expect(appraisal.followUps.get(id)?.decidedById).toBeNull();
  });

  it('is not recorded by the rater, the rater’s superior, the employee or anyone else – the rater and the employee not even as HR', async () => {
    const id = await recommended();
    world.hrRoles.push({ employeeId: 'sri', agencyId: 'agency', unitId: null }, { employeeId: 'andi', agencyId: 'agency', unitId: null });
    const work = world.work();
    const services = memoryServices(rows, work);
    for (const who of ['sri', 'rina', 'andi', 'budi', 'dewi']) expect(await services.followUps.decide(world.member(who), id, DECISION)).toEqual({ ok: false, refusal: { code: 'NOT_RECORDER' } });
    expect(await services.followUps.decide(world.member('hana'), 'no-such-id', DECISION)).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
    expect(work.changes).toHaveLength(0);
    expect(appraisal.followUps.get(id)?.decidedAt).toBeNull();
  });

  it('needs the official, the document’s number and a date that has passed', async () => {
    const id = await recommended();
    expect(await decideOn('hana', id, { ...DECISION, officialName: '  ' })).toEqual({ ok: false, refusal: { code: 'INCOMPLETE' } });
    expect(await decideOn('hana', id, { ...DECISION, documentNumber: '' })).toEqual({ ok: false, refusal: { code: 'INCOMPLETE' } });
    expect(await decideOn('hana', id, { ...DECISION, decidedOn: '2026-02-30' })).toEqual({ ok: false, refusal: { code: 'INCOMPLETE' } });
    expect(await decideOn('hana', id, { ...DECISION, decidedOn: '2026-11-28' })).toEqual({ ok: false, refusal: { code: 'DATE_IN_FUTURE' } });
    expect(appraisal.followUps.get(id)?.decidedAt).toBeNull();
  });

  it('is recorded once: two HR officers recording at the same time cannot overwrite each other', async () => {
    const id = await recommended();
    world.person('tono', 'Tono Wijaya', 'rina', 'root');
    world.hrRoles.push({ employeeId: 'tono', agencyId: 'agency', unitId: null });
    const first = await decideLater(rows, (s) => s.followUps.decide(world.member('hana'), id, DECISION));
    const second = await decideLater(rows, (s) => s.followUps.decide(world.member('tono'), id, { ...DECISION, outcome: 'DITOLAK' }));
    expect(first.value.ok && second.value.ok).toBe(true);
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.followUps.get(id)).toMatchObject({ decided: { outcome: 'DISETUJUI' }, decidedById: 'hana' });
    expect(await decideOn('tono', id)).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });
});

describe('the status the employee and the rater read under /hasil', () => {
  const evaluationRef = () => ({ id: evaluation.id, periodKey: '2026', employee: rows.ref('andi'), rater: rows.ref('sri') });
  // followUpViewOf reads a stored row as decisionOfRow does; the status line reads the view.
  const base = { id: 'f1', kind: 'PENGHARGAAN' as const, recommendation: 'Satyalancana', decision: null, decidedAt: null, outcome: null, officialName: null, considerationRef: null, documentNumber: null, decidedOn: null };

  it('says a proposal waits for the authorised official, then what was decided, by whom, with which document', () => {
    expect(followUpStatusLine(followUpViewOf({ ...base, evaluation: evaluationRef() }), 'id')).toBe('Usulan Penghargaan: menunggu keputusan pejabat yang berwenang.');
    const decided = followUpViewOf({ ...base, decidedAt: world.now, outcome: 'DITOLAK', officialName: 'Bupati Contoh', documentNumber: '800/5', decidedOn: new Date('2026-11-20T00:00:00Z'), evaluation: evaluationRef() });
    expect(followUpStatusLine(decided, 'id')).toBe('Usulan Penghargaan: Tidak disetujui oleh Bupati Contoh (dokumen 800/5, 20 Nov 2026).');
    expect(followUpStatusLine(decided, 'en')).toBe('Reward proposal: Not approved by Bupati Contoh (document 800/5, 20 Nov 2026).');
  });

  it('keeps a decision recorded before decisions carried a document readable as decided', () => {
    const legacy = followUpViewOf({ ...base, kind: 'SANKSI', decision: 'Teguran lisan', decidedAt: world.now, evaluation: evaluationRef() });
    expect(followUpStatusLine(legacy, 'id')).toBe('Usulan Sanksi (lama): diputuskan (catatan lama): Teguran lisan');
  });
});
