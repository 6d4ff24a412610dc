import { describe, expect, it } from 'vitest';
import { PPK_POSITION_TYPES, mayBePpk, raterChainOf, ratingLineOf, type ChainPerson } from '../../../src/domain/ppk.js';

// Kepala Dinas (JPT) ← Kabid (Administrator) ← Ketua Tim (Fungsional) ← Staf (Pelaksana); the
// Gubernur outside the bot is the head's PPK and Atasan PPK.
const people: Record<string, ChainPerson> = {};
function person(id: string, supervisorId: string | null, positionType: string, extra: Partial<ChainPerson> = {}): ChainPerson {
  const p: ChainPerson = { id, supervisorId, positionType, active: true, ppkDelegateId: null, externalPpkId: null, externalAtasanPpkId: null, ...extra };
  people[id] = p;
  return p;
}
person('kadis', null, 'JPT', { externalPpkId: 'gubernur', externalAtasanPpkId: 'gubernur' });
person('kabid', 'kadis', 'ADMINISTRATOR');
person('ketuaTim', 'kabid', 'FUNGSIONAL');
person('staf', 'ketuaTim', 'PELAKSANA');
person('kasi', 'kabid', 'PENGAWAS');
person('stafKasi', 'kasi', 'PELAKSANA');

const line = (id: string, covered: string[] = [], changes: Record<string, Partial<ChainPerson>> = {}) => {
  const lookup = (personId: string) => (people[personId] ? { ...people[personId], ...changes[personId] } : undefined);
  return ratingLineOf(raterChainOf(lookup(id) as ChainPerson, lookup, (personId) => covered.includes(personId)));
};
const employee = (id: string) => ({ kind: 'EMPLOYEE', id });
const external = (id: string) => ({ kind: 'EXTERNAL', id });

describe('who may be Pejabat Penilai Kinerja (PermenPANRB 6/2022 Pasal 1 angka 9)', () => {
  it('is a pejabat pengawas or above, or whoever holds a delegation', () => {
    expect(PPK_POSITION_TYPES).toEqual(['JPT', 'ADMINISTRATOR', 'PENGAWAS']);
    expect(mayBePpk({ positionType: 'PENGAWAS' })).toBe(true);
    expect(mayBePpk({ positionType: 'FUNGSIONAL' })).toBe(false);
    expect(mayBePpk({ positionType: 'PELAKSANA' })).toBe(false);
    expect(mayBePpk({ positionType: 'FUNGSIONAL', delegated: true })).toBe(true);
  });

  it('is the direct superior when they are eligible; their superior is the Atasan PPK', () => {
    expect(line('stafKasi')).toEqual({ ppk: employee('kasi'), atasanPpk: employee('kabid') });
  });

  it('skips a ketua tim who is fungsional: the first eligible superior up the chain rates', () => {
    expect(line('staf')).toEqual({ ppk: employee('kabid'), atasanPpk: employee('kadis') });
  });

  it('follows a recorded delegation instead, even to a fungsional', () => {
    expect(line('staf', [], { staf: { ppkDelegateId: 'ketuaTim' } })).toEqual({ ppk: employee('ketuaTim'), atasanPpk: employee('kabid') });
  });

  it('hands the top of the tree to the officials outside the bot, who may be the same person', () => {
    expect(line('kadis')).toEqual({ ppk: external('gubernur'), atasanPpk: external('gubernur') });
    expect(line('kabid')).toEqual({ ppk: employee('kadis'), atasanPpk: external('gubernur') });
  });

  it('leaves nobody when nobody is recorded, and never makes an Atasan PPK recorded alone the PPK', () => {
    expect(line('kadis', [], { kadis: { externalPpkId: null, externalAtasanPpkId: null } })).toEqual({ ppk: null, atasanPpk: null });
    expect(line('kadis', [], { kadis: { externalPpkId: null } })).toEqual({ ppk: null, atasanPpk: null });
  });

  it('passes a PPK who has left without a Plt up the chain, step by step (berhalangan tetap)', () => {
    expect(line('stafKasi', [], { kasi: { active: false } })).toEqual({ ppk: employee('kabid'), atasanPpk: employee('kadis') });
    expect(line('stafKasi', [], { kasi: { active: false }, kabid: { active: false } })).toEqual({ ppk: employee('kadis'), atasanPpk: external('gubernur') });
  });

  it('keeps a PPK who has left while a Plt stands in: the Plt acts for them', () => {
    expect(line('stafKasi', ['kasi'], { kasi: { active: false } })).toEqual({ ppk: employee('kasi'), atasanPpk: employee('kabid') });
  });
});
