import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { RhkDraft } from '../../../src/services/plans.js';
import { Conflict } from '../../../src/services/work.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;
let sriRhk: string;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
  sriRhk = rows.addPlan('sri', 'AGREED', ['Layanan perizinan tepat waktu']).rhks[0]!.id;
});

const rhk = (leaderRhkId: string | null): RhkDraft => ({
  kind: 'UTAMA',
  text: 'Berkas perizinan diverifikasi',
  leaderRhkId,
  indicators: [{ aspect: 'KUANTITAS', text: 'Berkas', targetValue: 40, targetUnit: 'berkas', targetText: null }],
});

const propose = (by: string, employeeId: string, leaderRhkId: string | null = sriRhk) =>
  decide(rows, (s) => s.plans.propose(world.member(by), { employeeId, year: 2026, rhks: [rhk(leaderRhkId)], behaviours: [] }));

async function proposedPlanId(): Promise<string> {
  const proposed = await propose('sri', 'andi');
  if (!proposed.ok) throw new Error(JSON.stringify(proposed.refusal));
  return proposed.value.content.id;
}

describe('plan service', () => {
  it('proposes version 1 to the employee, built on the supervisor’s agreed RHK', async () => {
    const proposed = await propose('sri', 'andi');
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    expect(proposed.value.content).toMatchObject({ version: 1, status: 'PROPOSED', employeeId: 'andi' });
    const [notice] = proposed.events.flatMap(noticesOf);
    expect(notice?.to.id).toBe('andi');
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toMatch(/Sri Wahyuni menetapkan ekspektasi kinerja untuk Anda/);
    expect([...rows.plans.values()].filter((p) => p.employeeId === 'andi')).toHaveLength(1);
  });

  it('refuses expectations from a supervisor whose own plan is not agreed', async () => {
    rows.plans.clear();
    expect(await propose('sri', 'andi')).toEqual({ ok: false, refusal: { code: 'NEED_OWN_PLAN', year: 2026 } });
  });

  it('refuses an RHK that supports none of the supervisor’s own agreed RHK (the own plan changed meanwhile)', async () => {
    expect(await propose('sri', 'andi', 'an-old-rhk')).toEqual({ ok: false, refusal: { code: 'OWN_PLAN_CHANGED' } });
  });

  it('refuses expectations for someone who is not a report', async () => {
    expect(await propose('sri', 'dewi')).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'SET_EXPECTATIONS' } });
  });

  it('locks an agreed plan: agreeing again says it no longer waits', async () => {
    const planId = await proposedPlanId();
    const agreed = await decide(rows, (s) => s.plans.agree(world.member('andi'), planId));
    expect(agreed.ok && agreed.events.flatMap(noticesOf).map((n) => n.to.id)).toEqual(['sri', 'andi']);
    // The employee gets the SKP now ditetapkan, as PDF made on delivery.
    expect(agreed.ok && agreed.events.flatMap(noticesOf)[1]!.message(() => ({ label: '', token: '' })).deferred).toEqual({ kind: 'skp-document', params: { planId, locale: 'id' } });
    expect(rows.plans.get(planId)?.status).toBe('AGREED');
    expect(await decide(rows, (s) => s.plans.agree(world.member('andi'), planId))).toEqual({ ok: false, refusal: { code: 'NOT_OPEN' } });
  });

  it('refuses agreement to a version a newer proposal replaced (a stale Setuju button)', async () => {
    const first = await proposedPlanId();
    await propose('sri', 'andi');
    expect(await decide(rows, (s) => s.plans.agree(world.member('andi'), first))).toEqual({ ok: false, refusal: { code: 'NOT_OPEN' } });
  });

  it('lets only the employee agree', async () => {
    const planId = await proposedPlanId();
    expect(await decide(rows, (s) => s.plans.agree(world.member('sri'), planId))).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RESPOND_TO_PLAN' } });
  });

  describe('clarification', () => {
    async function asked(): Promise<{ planId: string; clarificationId: string }> {
      const planId = await proposedPlanId();
      const asked = await decide(rows, (s) => s.plans.askClarification(world.member('andi'), planId, 'Target 40 berkas per bulan atau per tahun?'));
      if (!asked.ok) throw new Error('not asked');
      const event = asked.events[0];
      if (event?.type !== 'plan.clarificationRequested') throw new Error('no event');
      return { planId, clarificationId: event.clarificationId };
    }

    it('sends the question to the supervisor and the plan waits for the answer', async () => {
      const { planId } = await asked();
      expect(rows.plans.get(planId)?.status).toBe('CLARIFICATION_REQUESTED');
    });

    it('answers once and the plan waits for the employee again, with its buttons', async () => {
      const { planId, clarificationId } = await asked();
      const answered = await decide(rows, (s) => s.plans.answerClarification(world.member('sri'), clarificationId, 'Per tahun.'));
      expect(rows.plans.get(planId)?.status).toBe('PROPOSED');
      const notices = answered.ok ? answered.events.flatMap(noticesOf) : [];
      expect(notices.map((n) => n.to.id)).toEqual(['andi', 'andi']);
      const buttons: string[] = [];
      notices[1]!.message((label) => (buttons.push(label), { label, token: '' }));
      expect(buttons).toEqual(['Setuju', 'Minta klarifikasi']);
    });

    it('refuses a second answer, by the supervisor’s Plh, without overwriting the first', async () => {
      world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-11-01', endsOn: '2026-12-31' });
      const { clarificationId } = await asked();
      await decide(rows, (s) => s.plans.answerClarification(world.member('sri'), clarificationId, 'Per tahun.'));
      expect(await decide(rows, (s) => s.plans.answerClarification(world.member('dewi'), clarificationId, 'Per bulan.'))).toEqual({ ok: false, refusal: { code: 'ANSWERED' } });
      expect(rows.clarifications.get(clarificationId)?.answer).toBe('Per tahun.');
    });

    it('fails the commit of an answer decided before another answer landed', async () => {
      world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-11-01', endsOn: '2026-12-31' });
      const { clarificationId } = await asked();
      const bySri = await decideLater(rows, (s) => s.plans.answerClarification(world.member('sri'), clarificationId, 'Per tahun.'));
      const byPlh = await decideLater(rows, (s) => s.plans.answerClarification(world.member('dewi'), clarificationId, 'Per bulan.'));
      await bySri.commit();
      await expect(byPlh.commit()).rejects.toBeInstanceOf(Conflict);
      expect(rows.clarifications.get(clarificationId)?.answer).toBe('Per tahun.');
    });

    it('lets only the rater (or their Plt/Plh) answer', async () => {
      const { clarificationId } = await asked();
      expect(await decide(rows, (s) => s.plans.answerClarification(world.member('andi'), clarificationId, 'Saya jawab sendiri'))).toMatchObject({
        ok: false,
        refusal: { code: 'DENIED', action: 'ANSWER_CLARIFICATION' },
      });
    });
  });
});
