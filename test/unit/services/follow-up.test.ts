import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { Conflict } from '../../../src/services/work.js';
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
  // Andi's evaluation by Sri, accepted; Rina (Sri's superior) decides on recommendations; Hana is HR for the agency.
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

const decideOn = (by: string, id: string, decision = 'Disetujui.') => decide(rows, (s) => s.followUps.decide(world.member(by), id, decision));

describe('follow-up recommendation', () => {
  it('is recorded by the rater and reaches the superior who decides, with a button', async () => {
    const work = world.work();
    const result = await memoryServices(rows, work).followUps.recommend(world.member('sri'), { employeeId: 'andi', evaluationId: evaluation.id, kind: 'PENGEMBANGAN', recommendation: 'Pelatihan pengujian otomatis.' });
    if (!result.ok) throw new Error('refused');
    expect(result.value.decider?.id).toBe('rina');
    expect(work.audits).toMatchObject([{ action: 'followUp.recommended', actorId: 'sri', details: { evaluationId: evaluation.id, kind: 'PENGEMBANGAN' } }]);
    expect(notices(result.events)).toEqual([
      { to: 'rina', text: expect.stringMatching(/^Sri Wahyuni merekomendasikan Pengembangan untuk Andi Pratama \(evaluasi Triwulan IV 2026\):[\s\S]*Pelatihan pengujian/), buttons: ['Catat keputusan → follow-up-decision'] },
    ]);
  });

  it('is refused on a draft, on someone else’s evaluation, and from anyone but the rater (audited)', async () => {
    const draft = appraisal.addEvaluation('budi', { status: 'DRAFT' });
    expect(await recommend('sri', draft.id, 'budi')).toEqual({ ok: false, refusal: { code: 'NO_EVALUATION' } });
    expect(await recommend('sri', evaluation.id, 'budi')).toEqual({ ok: false, refusal: { code: 'NO_EVALUATION' } });
    const work = world.work();
    const refused = await memoryServices(rows, work).followUps.recommend(world.member('hana'), { employeeId: 'andi', evaluationId: evaluation.id, kind: 'SANKSI', recommendation: '-' });
    expect(refused).toEqual({ ok: false, refusal: { code: 'DENIED', action: 'EVALUATE', reason: 'NOT_PERMITTED' } });
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'hana', details: { attempted: 'EVALUATE' } }]);
    expect(appraisal.followUps.size).toBe(0);
  });

  it('is kept without telling anyone when there is nobody above the rater', async () => {
    const sris = appraisal.addEvaluation('sri');
    const result = await recommend('rina', sris.id, 'sri');
    expect(result.ok && result.value.decider).toBeNull();
    expect(result.ok && notices(result.events)).toEqual([]);
    expect(appraisal.followUps.size).toBe(1);
  });
});

describe('follow-up decision', () => {
  it('is recorded by the superior, and the rater and the employee are told', async () => {
    const id = await recommended();
    const decided = await decideOn('rina', id, 'Disetujui: diklat Maret 2027.');
    if (!decided.ok) throw new Error('refused');
    expect(notices(decided.events).map((n) => [n.to, n.text])).toEqual([
      ['sri', expect.stringMatching(/^Rina Kusuma mencatat keputusan tindak lanjut \(Pengembangan\) untuk Andi Pratama:[\s\S]*diklat Maret 2027/)],
      ['andi', expect.stringMatching(/^Rina Kusuma mencatat keputusan tindak lanjut/)],
    ]);
    expect(appraisal.followUps.get(id)).toMatchObject({ decision: 'Disetujui: diklat Maret 2027.', decidedById: 'rina', decidedAt: world.now });
  });

  it('may be recorded by HR covering the employee or by whoever acts for the superior', async () => {
    const id = await recommended();
    expect((await decide(rows, (s) => s.followUps.openForDecision(world.member('hana'), id))).ok).toBe(true);
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'rina', startsOn: '2026-11-27', endsOn: '2026-11-27' });
    expect((await decide(rows, (s) => s.followUps.openForDecision(world.member('dewi'), id))).ok).toBe(true);
  });

  it('goes to nobody in the bot when the Atasan PPK is outside it, even when a Plh rated', async () => {
    // Dewi, as Plh for Rina, rated Sri; Sri's PPK is still Rina, whose own superior is not in the bot.
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'rina', startsOn: '2026-11-01', endsOn: '2026-11-30' });
    const sris = appraisal.addEvaluation('sri', { raterId: 'dewi' });
    const result = await recommend('dewi', sris.id, 'sri');
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(result.value.decider).toBeNull();
    expect((await decideOn('rina', result.value.followUp.id)).ok).toBe(false);
  });

  it('is not recorded by the rater, the employee or anyone else – the rater and the employee not even as HR', async () => {
    const id = await recommended();
    world.hrRoles.push({ employeeId: 'sri', agencyId: 'agency', unitId: null }, { employeeId: 'andi', agencyId: 'agency', unitId: null });
    const work = world.work();
    const services = memoryServices(rows, work);
    for (const who of ['sri', 'andi', 'budi', 'dewi']) expect(await services.followUps.decide(world.member(who), id, 'Ya')).toEqual({ ok: false, refusal: { code: 'NOT_DECIDER' } });
    expect(await services.followUps.decide(world.member('rina'), 'no-such-id', 'Ya')).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
    expect(work.changes).toHaveLength(0);
    expect(appraisal.followUps.get(id)?.decidedAt).toBeNull();
  });

  it('is recorded once: the superior and HR deciding at the same time cannot overwrite each other', async () => {
    const id = await recommended();
    const superior = await decideLater(rows, (s) => s.followUps.decide(world.member('rina'), id, 'Disetujui.'));
    const hr = await decideLater(rows, (s) => s.followUps.decide(world.member('hana'), id, 'Ditunda.'));
    expect(superior.value.ok && hr.value.ok).toBe(true);
    await superior.commit();
    await expect(hr.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.followUps.get(id)).toMatchObject({ decision: 'Disetujui.', decidedById: 'rina' });
    expect(await decideOn('hana', id, 'Ditunda.')).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });
});
