/**
 * The employee's own SKP (/susunskp) and its penetapan: submitted to the PPK, who establishes it or
 * sends it back; HR records the penetapan only for an official outside the bot, with the document.
 */
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

const lampiran = { resourceSupport: 'Akses server uji', accountability: 'Laporan bulanan kepada Kepala Seksi', consequences: 'Sesuai ketentuan tunjangan kinerja' };
const rhk = (leaderRhkId: string | null): RhkDraft => ({ kind: 'UTAMA', text: 'Aplikasi perizinan diuji', leaderRhkId, indicators: [{ aspect: 'KUANTITAS', text: 'Modul diuji', targetValue: 12, targetUnit: 'modul', targetText: null }] });
const submit = (by: string, leaderRhkId: string | null = sriRhk) => decide(rows, (s) => s.skp.submit(world.member(by), { year: 2026, rhks: [rhk(leaderRhkId)], behaviours: [], lampiran }));

async function submittedId(by = 'andi'): Promise<string> {
  const submitted = await submit(by, by === 'rina' ? null : sriRhk);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.refusal));
  return submitted.value.content.id;
}

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
  sriRhk = rows.addPlan('sri', 'AGREED', ['Layanan perizinan tepat waktu']).rhks[0]!.id;
});

describe('the employee drafts and submits their own SKP', () => {
  it('goes to the PPK with Tetapkan and Kembalikan, with its lampiran stored', async () => {
    const submitted = await submit('andi');
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.refusal));
    expect(submitted.value.content).toMatchObject({ status: 'SUBMITTED', version: 1 });
    expect(rows.plans.get(submitted.value.content.id)).toMatchObject({ raterId: 'sri', lampiran });
    const [notice] = submitted.events.flatMap(noticesOf);
    expect(notice?.to.id).toBe('sri');
    const labels: string[] = [];
    expect(plainText(notice!.message((label) => (labels.push(label), { label, token: '' })))).toMatch(/Andi Pratama mengajukan SKP untuk Anda tetapkan/);
    expect(labels).toEqual(['Tetapkan', 'Kembalikan dengan catatan']);
  });

  it('must support the PPK’s established RHK, and waits while the PPK has none', async () => {
    expect(await submit('andi', 'someone-elses-rhk')).toEqual({ ok: false, refusal: { code: 'LEADER_RHK_CHANGED' } });
    rows.plans.clear();
    expect(await submit('andi', null)).toEqual({ ok: false, refusal: { code: 'PPK_PLAN_MISSING', ppk: 'Sri Wahyuni', year: 2026 } });
  });

  it('needs the perspektif on every RHK of a JPT, and on nobody else’s', async () => {
    world.externalPpks.set('rina', { id: 'gub', name: 'Ahmad Luthfi', title: 'Gubernur Contoh' });
    world.positionTypes.set('rina', 'JPT');
    const rinas = (perspective: RhkDraft['perspective']) => decide(rows, (s) => s.skp.submit(world.member('rina'), { year: 2026, rhks: [{ ...rhk(null), perspective }], behaviours: [], lampiran }));
    expect(await rinas(null)).toEqual({ ok: false, refusal: { code: 'PERSPECTIVE', jpt: true } });
    expect((await rinas('PROSES_BISNIS')).ok).toBe(true);
    expect(await decide(rows, (s) => s.skp.submit(world.member('andi'), { year: 2026, rhks: [{ ...rhk(sriRhk), perspective: 'ANGGARAN' }], behaviours: [], lampiran }))).toEqual({ ok: false, refusal: { code: 'PERSPECTIVE', jpt: false } });
  });

  it('is refused at the top of the tree until HR records the PPK outside the bot; then no leader RHK is asked', async () => {
    expect(await submit('rina', null)).toEqual({ ok: false, refusal: { code: 'NO_PPK' } });
    world.externalPpks.set('rina', { id: 'gub', name: 'Ahmad Luthfi', title: 'Gubernur Contoh' });
    const submitted = await submit('rina', null);
    expect(submitted.ok && submitted.value.content.status).toBe('SUBMITTED');
    // Nobody in the bot hears about it: HR records the Gubernur's penetapan.
    expect(submitted.ok && submitted.events.flatMap(noticesOf)).toEqual([]);
  });
});

describe('the PPK establishes or sends back', () => {
  it('establishes: the version is locked, the employee told', async () => {
    const id = await submittedId();
    const established = await decide(rows, (s) => s.skp.establish(world.member('sri'), id));
    expect(established.ok).toBe(true);
    expect(rows.plans.get(id)).toMatchObject({ status: 'AGREED', establishedById: 'sri' });
    const [notice] = established.ok ? established.events.flatMap(noticesOf) : [];
    expect(notice?.to.id).toBe('andi');
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toBe('SKP 2026 versi 1 Anda ditetapkan oleh Sri Wahyuni.');
  });

  it('sends back with a note and a button to draft again; neither works twice', async () => {
    const id = await submittedId();
    const returned = await decide(rows, (s) => s.skp.sendBack(world.member('sri'), id, 'Target modul terlalu rendah.'));
    expect(rows.plans.get(id)).toMatchObject({ status: 'RETURNED', returnNote: 'Target modul terlalu rendah.' });
    const labels: string[] = [];
    const [notice] = returned.ok ? returned.events.flatMap(noticesOf) : [];
    expect(plainText(notice!.message((label) => (labels.push(label), { label, token: '' })))).toMatch(/Sri Wahyuni mengembalikan SKP versi 1 Anda dengan catatan:\s+> Target modul terlalu rendah\./);
    expect(labels).toEqual(['Susun ulang']);
    expect(await decide(rows, (s) => s.skp.establish(world.member('sri'), id))).toEqual({ ok: false, refusal: { code: 'NOT_SUBMITTED' } });
  });

  it('is only for the PPK or their Plt/Plh – not the employee, a colleague or HR', async () => {
    const id = await submittedId();
    for (const who of ['andi', 'budi', 'hana', 'rina']) {
      expect(await decide(rows, (s) => s.skp.establish(world.member(who), id))).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'ESTABLISH_PLAN' } });
    }
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-11-01', endsOn: '2026-11-30' });
    expect((await decide(rows, (s) => s.skp.establish(world.member('dewi'), id))).ok).toBe(true);
  });

  it('lets only one of two presses (the PPK and their Plh at once) establish it', async () => {
    const id = await submittedId();
    world.acting.push({ actingEmployeeId: 'dewi', actingForId: 'sri', startsOn: '2026-11-01', endsOn: '2026-11-30' });
    const first = await decideLater(rows, (s) => s.skp.establish(world.member('sri'), id));
    const second = await decideLater(rows, (s) => s.skp.establish(world.member('dewi'), id));
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
  });
});

describe('HR records the penetapan of an official outside the bot', () => {
  it('records it with the document, told to the employee as recorded by HR for the official', async () => {
    world.externalPpks.set('rina', { id: 'gub', name: 'Ahmad Luthfi', title: 'Gubernur Contoh' });
    const id = await submittedId('rina');
    const recorded = await decide(rows, (s) => s.skp.recordForOfficial(world.member('hana'), id, { documentNumber: '800/12/2027', decidedOn: '2027-01-15' }));
    expect(recorded.ok).toBe(true);
    expect(rows.plans.get(id)).toMatchObject({ status: 'AGREED', establishedById: 'hana', recorded: { documentNumber: '800/12/2027', decidedOn: '2027-01-15', officialId: 'gub' } });
    const [notice] = recorded.ok ? recorded.events.flatMap(noticesOf) : [];
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toBe('Penetapan SKP 2026 versi 1 Anda oleh Ahmad Luthfi, Gubernur Contoh dicatat oleh Pengelola Kinerja (Hana Putri).');
  });

  it('never in place of a PPK who is in the bot, and never by someone who is not HR', async () => {
    const id = await submittedId('andi');
    expect(await decide(rows, (s) => s.skp.recordForOfficial(world.member('hana'), id, { documentNumber: '1', decidedOn: '2027-01-15' }))).toEqual({ ok: false, refusal: { code: 'PPK_IN_BOT', ppk: 'Sri Wahyuni' } });
    world.externalPpks.set('rina', { id: 'gub', name: 'Ahmad Luthfi', title: 'Gubernur Contoh' });
    const rinas = await submittedId('rina');
    expect(await decide(rows, (s) => s.skp.recordForOfficial(world.member('sri'), rinas, { documentNumber: '1', decidedOn: '2027-01-15' }))).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_FOR_OFFICIAL' } });
    expect(rows.plans.get(rinas)?.status).toBe('SUBMITTED');
  });
});
