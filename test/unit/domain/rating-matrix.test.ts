import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  EMPLOYEE_PREDIKATS,
  RATINGS,
  UNIT_PREDIKATS,
  explainPredikat,
  explainUnitLeaderResultsRating,
  matrixCell,
  predikatFor,
  predikatRank,
  ratingRank,
  resultsRatingForUnitLeader,
  type EmployeePredikat,
  type Rating,
  type UnitPredikat,
} from '../../../src/domain/rating-matrix.js';

const rating = fc.constantFrom<Rating>(...RATINGS);

describe('predikat kinerja pegawai (the 9-cell matrix)', () => {
  // [results, behaviour, predikat, misconduct] straight from DOMAIN.md's table.
  const cells: [Rating, Rating, EmployeePredikat, boolean][] = [
    ['DI_ATAS', 'DI_BAWAH', 'KURANG', true],
    ['DI_ATAS', 'SESUAI', 'BAIK', false],
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK', false],
    ['SESUAI', 'DI_BAWAH', 'KURANG', true],
    ['SESUAI', 'SESUAI', 'BAIK', false],
    ['SESUAI', 'DI_ATAS', 'BAIK', false],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG', false],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN', false],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN', false],
  ];

  it.each(cells)('results %s with behaviour %s gives %s (misconduct label: %s)', (results, behaviour, predikat, misconduct) => {
    expect(predikatFor(results, behaviour)).toBe(predikat);
    expect(matrixCell(results, behaviour).misconduct).toBe(misconduct);
  });

  it('gives Sangat Baik only when both ratings are above expectations', () => {
    fc.assert(
      fc.property(rating, rating, (results, behaviour) => {
        expect(predikatFor(results, behaviour) === 'SANGAT_BAIK').toBe(results === 'DI_ATAS' && behaviour === 'DI_ATAS');
      }),
    );
  });

  it('never lowers the predikat when the behaviour rating rises', () => {
    fc.assert(
      fc.property(rating, rating, rating, (results, a, b) => {
        fc.pre(ratingRank(a) <= ratingRank(b));
        expect(predikatRank(predikatFor(results, a))).toBeLessThanOrEqual(predikatRank(predikatFor(results, b)));
      }),
    );
  });

  it('never lowers the predikat when the results rating rises', () => {
    fc.assert(
      fc.property(rating, rating, rating, (behaviour, a, b) => {
        fc.pre(ratingRank(a) <= ratingRank(b));
        expect(predikatRank(predikatFor(a, behaviour))).toBeLessThanOrEqual(predikatRank(predikatFor(b, behaviour)));
      }),
    );
  });

  it('caps anyone with behaviour below expectations at Kurang, however good the results', () => {
    expect(RATINGS.map((results) => predikatFor(results, 'DI_BAWAH'))).toEqual(['KURANG', 'KURANG', 'SANGAT_KURANG']);
  });

  it('ranks predikat from Sangat Kurang (0) to Sangat Baik (4)', () => {
    expect(EMPLOYEE_PREDIKATS.map(predikatRank)).toEqual([4, 3, 2, 1, 0]);
  });

  it('explains a cell by its row and column', () => {
    const text = explainPredikat('DI_BAWAH', 'SESUAI', 'id');
    expect(text).toContain('Rating Hasil Kerja Di Bawah Ekspektasi');
    expect(text).toContain('Rating Perilaku Kerja Sesuai Ekspektasi');
    expect(text).toContain('Predikat Kinerja Butuh Perbaikan');
    expect(text).not.toContain('Misconduct');
  });

  it('says a misconduct cell gives Kurang and carries the misconduct label', () => {
    const id = explainPredikat('DI_ATAS', 'DI_BAWAH', 'id');
    expect(id).toContain('Predikat Kinerja Kurang/Misconduct.');
    expect(id).toContain('Misconduct');
    const en = explainPredikat('SESUAI', 'DI_BAWAH', 'en');
    expect(en).toContain('Poor (Kurang/Misconduct)');
    expect(en).toContain('Misconduct');
  });
});

describe('results rating of a unit leader', () => {
  const mapping: [UnitPredikat, Rating][] = [
    ['ISTIMEWA', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ];

  it.each(mapping)('a unit rated %s gives its leader the results rating %s', (unit, expected) => {
    expect(resultsRatingForUnitLeader(unit)).toBe(expected);
  });

  it('covers every unit predikat', () => {
    expect(UNIT_PREDIKATS.map((u) => resultsRatingForUnitLeader(u))).toHaveLength(5);
  });

  it('follows a corrected table when an agency supplies one', () => {
    const corrected = { ISTIMEWA: 'DI_ATAS', BAIK: 'SESUAI', BUTUH_PERBAIKAN: 'SESUAI', KURANG: 'DI_BAWAH', SANGAT_KURANG: 'DI_BAWAH' } as const;
    expect(resultsRatingForUnitLeader('BUTUH_PERBAIKAN', corrected)).toBe('SESUAI');
  });

  it('explains that the unit predikat sets the leader results rating', () => {
    expect(explainUnitLeaderResultsRating('ISTIMEWA', 'id')).toBe(
      'Pegawai ini memimpin unit kerja, sehingga Capaian Kinerja Organisasi unitnya (Istimewa) menjadi Rating Hasil Kerjanya: Di Atas Ekspektasi.',
    );
    expect(explainUnitLeaderResultsRating('BAIK', 'en')).toContain('Meets Expectations');
  });
});
