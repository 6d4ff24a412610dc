import { describe, it, expect } from 'vitest';
import {
  CORE_VALUES,
  CORE_VALUE_CODES,
  coreValue,
  coreValueGuides,
  coreValueName,
  isCoreValueCode,
} from '../../../src/domain/berakhlak.js';

describe('BerAKHLAK core values', () => {
  it('has exactly seven values, each with exactly three behaviour guides', () => {
    expect(CORE_VALUES).toHaveLength(7);
    for (const value of CORE_VALUES) expect(value.guides).toHaveLength(3);
  });

  it('uses the codes of the Prisma CoreValue enum, in the order of the acronym, without duplicates', () => {
    expect(CORE_VALUES.map((v) => v.code)).toEqual([
      'pelayanan',
      'akuntabel',
      'kompeten',
      'harmonis',
      'loyal',
      'adaptif',
      'kolaboratif',
    ]);
    expect(new Set(CORE_VALUES.map((v) => v.code)).size).toBe(7);
    expect([...CORE_VALUE_CODES]).toEqual(CORE_VALUES.map((v) => v.code));
  });

  it('names every value and every guide in Indonesian and English', () => {
    for (const value of CORE_VALUES) {
      for (const text of [value.name, ...value.guides]) {
        expect(text.id.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  it('does not repeat a behaviour guide across values', () => {
    const guides = CORE_VALUES.flatMap((v) => v.guides.map((g) => g.id));
    expect(new Set(guides).size).toBe(21);
  });

  it('uses the official wording for Berorientasi Pelayanan', () => {
    expect(coreValueName('pelayanan', 'id')).toBe('Berorientasi Pelayanan');
    expect(coreValueGuides('pelayanan', 'id')).toEqual([
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ]);
  });

  it('looks a value up by its code and gives its English name', () => {
    expect(coreValue('kolaboratif').code).toBe('kolaboratif');
    expect(coreValueName('akuntabel', 'en')).toBe('Accountable');
  });

  it('recognises only the seven codes', () => {
    for (const code of CORE_VALUE_CODES) expect(isCoreValueCode(code)).toBe(true);
    expect(isCoreValueCode('komitmen')).toBe(false);
    expect(isCoreValueCode('Pelayanan')).toBe(false);
    expect(isCoreValueCode('')).toBe(false);
  });
});
