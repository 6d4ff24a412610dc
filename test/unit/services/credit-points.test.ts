/** The Penetapan Angka Kredit: HR records it from the document, once per evaluated SKP period, with the conversion it rests on. */
import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import { Conflict } from '../../../src/services/work.js';
import { appraisalOf, type AppraisalRows } from '../../support/memory-appraisal.js';
import type { EvaluationRow } from '../../support/memory-evaluations.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;
let appraisal: AppraisalRows;
let annual: EvaluationRow;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
  appraisal = appraisalOf(rows);
  // Andi is a Pranata Komputer Ahli Pertama (coefficient 12.5); his 2026 result: Sangat Baik.
  appraisal.positions.set('andi', { positionType: 'FUNGSIONAL', positionLevel: 'Ahli Pertama' });
  annual = appraisal.addEvaluation('andi', { status: 'ACKNOWLEDGED', kind: 'ANNUAL', periodKey: '2026', predikat: 'SANGAT_BAIK' });
});

const record = (by: string, input: { evaluationId?: string; number?: string; issuedOn?: string; creditPoints?: number | null } = {}) =>
  decide(rows, (s) =>
    s.creditPoints.record(by === 'cli' ? 'cli' : world.member(by), { employeeId: 'andi', evaluationId: input.evaluationId ?? annual.id, number: input.number ?? 'PAK/800/17/2026', issuedOn: input.issuedOn ?? '2026-11-26', creditPoints: input.creditPoints }),
  );

describe('recording a PAK', () => {
  it('stores the conversion (12/12 × 150% × 12,5 = 18,75) with the document, and tells the employee', async () => {
    const recorded = await record('hana');
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.refusal));
    expect(appraisal.paks.get(annual.id)).toMatchObject({ number: 'PAK/800/17/2026', coefficient: 12.5, share: 1.5, months: 12, creditPoints: 18.75, positionLevel: 'Ahli Pertama', predikat: 'SANGAT_BAIK', recordedById: 'hana' });
    const [notice] = recorded.events.flatMap(noticesOf);
    expect(notice?.to.id).toBe('andi');
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toMatch(/^Penetapan Angka Kredit Anda untuk Tahun 2026 tercatat: nomor PAK\/800\/17\/2026, tanggal 26 Nov 2026, 18,75 angka kredit/);
  });

  it('counts the months of a split SKP period (2/12) and keeps the figure the document states when HR gives one', async () => {
    appraisal.skpParts.set(annual.id, { part: 'closed', from: { year: 2026, month: 1, day: 1 }, to: { year: 2026, month: 2, day: 28 } });
    const recorded = await record('cli', { creditPoints: 3.2 });
    expect(recorded.ok && recorded.value).toMatchObject({ months: 2, creditPoints: 3.2 });
    expect(appraisal.paks.get(annual.id)).toMatchObject({ months: 2, creditPoints: 3.2, recordedById: null });
  });

  it('is HR’s: the rater and the employee are refused (audited)', async () => {
    for (const who of ['sri', 'andi']) expect(await record(who)).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_FOR_OFFICIAL' } });
    expect(appraisal.paks.size).toBe(0);
  });

  it('is only for an annual evaluation with a predikat of a functional position, with a number and a past date', async () => {
    const quarter = appraisal.addEvaluation('andi', { status: 'FINAL', kind: 'PERIODIC', periodKey: '2026-Q4', predikat: 'BAIK' });
    expect(await record('hana', { evaluationId: quarter.id })).toEqual({ ok: false, refusal: { code: 'NOT_ANNUAL' } });
    expect(await record('hana', { number: ' ' })).toEqual({ ok: false, refusal: { code: 'INCOMPLETE' } });
    expect(await record('hana', { creditPoints: -1 })).toEqual({ ok: false, refusal: { code: 'INCOMPLETE' } });
    expect(await record('hana', { issuedOn: '2026-12-01' })).toEqual({ ok: false, refusal: { code: 'DATE_IN_FUTURE' } });
    appraisal.positions.delete('andi');
    expect(await record('hana')).toEqual({ ok: false, refusal: { code: 'NOT_FUNCTIONAL' } });
    expect(appraisal.paks.size).toBe(0);
  });

  it('happens once per evaluation, even from two HR officers at the same time', async () => {
    const first = await decideLater(rows, (s) => s.creditPoints.record(world.member('hana'), { employeeId: 'andi', evaluationId: annual.id, number: 'A', issuedOn: '2026-11-26' }));
    const second = await decideLater(rows, (s) => s.creditPoints.record('cli', { employeeId: 'andi', evaluationId: annual.id, number: 'B', issuedOn: '2026-11-26' }));
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(appraisal.paks.get(annual.id)?.number).toBe('A');
    expect(await record('hana')).toEqual({ ok: false, refusal: { code: 'RECORDED' } });
  });

  it('offers HR the annual evaluations still waiting for one, with their conversion', async () => {
    appraisal.addEvaluation('andi', { status: 'FINAL', kind: 'PERIODIC', periodKey: '2026-Q4', predikat: 'BAIK' });
    const offered = await decide(rows, (s) => s.creditPoints.candidates(world.member('hana'), 'andi'));
    expect(offered.ok && offered.value.map((c) => [c.evaluation.id, c.points])).toEqual([[annual.id, 18.75]]);
    expect(await decide(rows, (s) => s.creditPoints.candidates(world.member('sri'), 'andi'))).toMatchObject({ ok: false, refusal: { code: 'DENIED' } });
    await record('hana');
    const after = await decide(rows, (s) => s.creditPoints.candidates(world.member('hana'), 'andi'));
    expect(after.ok && after.value).toEqual([]);
  });
});
