/** Credit-point conversion for functional positions, and the PPPK extension threshold. */
import { describe, expect, it } from 'vitest';
import { annualCoefficient, creditPoints, CREDIT_POINT_SHARE, PPPK_EXTENSION_BASIS } from '../../../src/domain/follow-up.js';

describe('credit-point conversion', () => {
  it('gives 150/100/75/50/25 % of the annual coefficient', () => {
    expect(CREDIT_POINT_SHARE).toEqual({ SANGAT_BAIK: 1.5, BAIK: 1, BUTUH_PERBAIKAN: 0.75, KURANG: 0.5, SANGAT_KURANG: 0.25 });
    // Ahli Pertama: coefficient 12.5 per year.
    expect(annualCoefficient(' Ahli  Pertama')).toBe(12.5);
    expect(annualCoefficient('Ahli Muda')).toBe(25);
    expect(annualCoefficient(null)).toBeUndefined();
    expect(creditPoints('SANGAT_BAIK', 12.5)).toBe(18.75);
    expect(creditPoints('BAIK', 12.5)).toBe(12.5);
    expect(creditPoints('BUTUH_PERBAIKAN', 12.5)).toBe(9.375);
    expect(creditPoints('KURANG', 12.5)).toBe(6.25);
    expect(creditPoints('SANGAT_KURANG', 12.5)).toBe(3.125);
  });

  it('names the basis of a PPPK extension rather than a predikat threshold (PP 49/2018 Pasal 37)', () => {
    expect(PPPK_EXTENSION_BASIS).toBe('PP 49/2018 Pasal 37');
  });
});

describe('who proposes and where a behaviour finding goes', () => {
  it('offers penghargaan, pengembangan and penempatan as proposals, never a sanksi', async () => {
    const { PROPOSABLE_FOLLOW_UPS, isProposable } = await import('../../../src/domain/follow-up.js');
    expect(PROPOSABLE_FOLLOW_UPS).toEqual(['PENGHARGAAN', 'PENGEMBANGAN', 'PENEMPATAN']);
    expect(isProposable('SANKSI')).toBe(false);
    expect(isProposable('PENEMPATAN')).toBe(true);
  });

  it('points Kurang/Misconduct and Sangat Kurang – behaviour below expectation – to the disciplinary route of PP 94/2021', async () => {
    const { DISCIPLINARY_ROUTE, pointsToDiscipline } = await import('../../../src/domain/follow-up.js');
    expect(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', null].map((p) => pointsToDiscipline(p as never))).toEqual([false, false, false, true, true, false]);
    expect(DISCIPLINARY_ROUTE).toMatchObject({ basis: 'PP 94/2021', examination: 'Pasal 26', authority: 'Pasal 16', verify: true });
  });
});

describe('the conversion a Penetapan Angka Kredit states', () => {
  it('is months/12 × share × coefficient, for a functional position with a known level only', async () => {
    const { creditConversion } = await import('../../../src/domain/follow-up.js');
    const ahliPertama = { positionType: 'FUNGSIONAL', positionLevel: 'Ahli Pertama' };
    // BKN's example: Jan–Feb, Baik, Ahli Pertama: 2/12 × 100% × 12,5 = 2,083.
    expect(creditConversion(ahliPertama, 'BAIK', 2)).toEqual({ coefficient: 12.5, share: 1, months: 2, points: 2.083, level: 'Ahli Pertama' });
    expect(creditConversion(ahliPertama, 'SANGAT_BAIK', 12)?.points).toBe(18.75);
    expect(creditConversion({ positionType: 'PELAKSANA', positionLevel: 'Ahli Pertama' }, 'BAIK', 12)).toBeUndefined();
    expect(creditConversion({ positionType: 'FUNGSIONAL', positionLevel: 'Utama Sekali' }, 'BAIK', 12)).toBeUndefined();
  });
});
