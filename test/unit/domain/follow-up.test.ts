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
