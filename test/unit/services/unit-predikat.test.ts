import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import type { UnitPredikat } from '../../../src/domain/rating-matrix.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import type { DomainEvent } from '../../../src/services/events.js';
import { evaluationRows, type EvaluationRows } from '../../support/memory-evaluations.js';
import { decide, memoryServices, MemoryRows } from '../../support/memory-stores.js';
import { MemoryWorld } from '../../support/memory-world.js';

// Rina leads the Bidang (root) and supervises Sri, who leads the Seksi; Dewi leads the other Seksi; Hana is HR.
let world: MemoryWorld;
let rows: MemoryRows;
let data: EvaluationRows;

beforeEach(() => {
  world = new MemoryWorld(new Date('2026-12-28T03:00:00Z'));
  rows = new MemoryRows(world);
  data = evaluationRows(rows);
});

const set = (by: string, unitId: string, predikat: UnitPredikat = 'BAIK', note: string | null = null) =>
  decide(rows, (s) => s.unitPredikats.set(world.member(by), { unitId, periodKey: '2026-Q4', predikat, note }));

const messagesOf = (events: DomainEvent[]) => events.flatMap(noticesOf).map((notice) => ({ to: notice.to.id, text: plainText(notice.message(() => ({ label: '', token: '' }))) }));

describe('unit predikat service', () => {
  it('lets the leader one level up set a unit’s predikat, audits it, and tells the unit’s leader', async () => {
    const work = world.work();
    const saved = await memoryServices(rows, work).unitPredikats.set(world.member('rina'), { unitId: 'seksi', periodKey: '2026-Q4', predikat: 'BAIK', note: 'Satu modul terlambat.' });
    if (!saved.ok) throw new Error(JSON.stringify(saved.refusal));
    expect(saved.value).toMatchObject({ unit: { id: 'seksi', name: 'Seksi Pengembangan' }, predikat: 'BAIK' });
    expect(work.audits).toMatchObject([{ action: 'unitPredikat.set', actorId: 'rina', details: { unitId: 'seksi', periodKey: '2026-Q4', predikat: 'BAIK', as: 'SUPERVISOR', basis: 'RENCANA_AKSI', decidedById: 'rina' } }]);
    expect(messagesOf(saved.events)).toEqual([
      {
        to: 'sri',
        text: 'Rina Kusuma menetapkan Capaian Kinerja Organisasi Seksi Pengembangan untuk Triwulan IV 2026: Baik. Catatan: Satu modul terlambat. Sebagai pimpinan unit, capaian ini menjadi dasar rating hasil kerja Anda pada periode itu.',
      },
    ]);
  });

  it('refuses the unit’s own leader, whose results rating it becomes, and audits the attempt', async () => {
    const work = world.work();
    const refused = await memoryServices(rows, work).unitPredikats.set(world.member('sri'), { unitId: 'seksi', periodKey: '2026-Q4', predikat: 'ISTIMEWA', note: null });
    expect(refused).toEqual({ ok: false, refusal: { code: 'DENIED', reason: 'SELF_NOT_ALLOWED' } });
    expect(work.changes).toHaveLength(0);
    expect(work.audits).toMatchObject([{ action: 'access.denied', actorId: 'sri', entityType: 'Unit', entityId: 'seksi', details: { attempted: 'SET_UNIT_PREDIKAT', reason: 'SELF_NOT_ALLOWED' } }]);
    expect(await decide(rows, (s) => s.unitPredikats.settableUnits(world.member('sri')))).toEqual([]);
    expect(data.unitPredikats.size).toBe(0);
  });

  it('refuses someone who is neither the leader one level up nor HR, and a unit it does not know', async () => {
    expect(await set('andi', 'seksi')).toEqual({ ok: false, refusal: { code: 'DENIED', reason: 'NOT_PERMITTED' } });
    expect(await set('rina', 'no-such-unit')).toEqual({ ok: false, refusal: { code: 'DENIED', reason: 'OTHER_AGENCY' } });
    expect(data.unitPredikats.size).toBe(0);
  });

  it('offers the units the actor may set; HR only records the leader’s decision, with its document', async () => {
    expect(await decide(rows, (s) => s.unitPredikats.settableUnits(world.member('rina')))).toEqual([
      { id: 'other', name: 'Seksi Layanan' },
      { id: 'seksi', name: 'Seksi Pengembangan' },
    ]);
    expect(await decide(rows, (s) => s.unitPredikats.authority(world.member('rina'), 'seksi'))).toBe('DECIDES');
    expect(await decide(rows, (s) => s.unitPredikats.authority(world.member('hana'), 'seksi'))).toBe('RECORDS');
    // SE MenPANRB 3/2023: HR recommends; it does not decide. Without the leader's document, nothing is set.
    expect(await set('hana', 'seksi', 'ISTIMEWA')).toEqual({ ok: false, refusal: { code: 'DOCUMENT_REQUIRED' } });
    expect(data.unitPredikats.size).toBe(0);
    const saved = await decide(rows, (s) =>
      s.unitPredikats.set(world.member('hana'), { unitId: 'seksi', periodKey: '2026', predikat: 'ISTIMEWA', note: null, document: { documentNumber: '800/9/2027', decidedOn: '2027-01-10' } }),
    );
    expect(saved.ok && messagesOf(saved.events).map((m) => m.to)).toEqual(['sri']);
    // Decided by the leader one level up (Rina), entered by HR, on the Perjanjian Kinerja for the year.
    expect([...data.unitPredikats.values()][0]).toMatchObject({ predikat: 'ISTIMEWA', setById: 'hana', decidedById: 'rina', basis: 'PERJANJIAN_KINERJA', documentNumber: '800/9/2027', decidedOn: '2027-01-10' });
  });

  it('replaces the predikat when it is set again, keeping one per unit and period', async () => {
    await set('rina', 'seksi', 'BAIK', 'Catatan');
    const first = [...data.unitPredikats.values()][0]!.id;
    await set('rina', 'seksi', 'ISTIMEWA');
    expect([...data.unitPredikats.values()]).toEqual([
      { id: first, unitId: 'seksi', periodKey: '2026-Q4', predikat: 'ISTIMEWA', note: null, setById: 'rina', decidedById: 'rina', basis: 'RENCANA_AKSI', documentNumber: null, decidedOn: null },
    ]);
  });

  it('asks the rule again when saving: a Plt whose assignment ended while answering is refused', async () => {
    const assignment = { actingEmployeeId: 'dewi', actingForId: 'rina', startsOn: '2026-12-21', endsOn: '2027-01-08' };
    world.acting.push(assignment);
    expect(await decide(rows, (s) => s.unitPredikats.settableUnits(world.member('dewi')))).toEqual([{ id: 'seksi', name: 'Seksi Pengembangan' }]);
    assignment.endsOn = '2026-12-27';
    expect(await set('dewi', 'seksi')).toEqual({ ok: false, refusal: { code: 'DENIED', reason: 'NOT_PERMITTED' } });
    assignment.endsOn = '2027-01-08';
    const saved = await set('dewi', 'seksi');
    expect(saved.ok).toBe(true);
  });

  it('tells the unit’s leader in their own language', async () => {
    world.member('sri').locale = 'en';
    const saved = await set('rina', 'seksi', 'KURANG');
    expect(saved.ok && messagesOf(saved.events)[0]?.text).toMatch(/^Rina Kusuma set the Capaian Kinerja Organisasi of Seksi Pengembangan for Quarter 4 2026: /);
  });
});
