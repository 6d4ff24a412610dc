import { describe, expect, it } from 'vitest';
import { closesYear, DEFAULT_FINAL_EVALUATION, evaluationPeriodLabel, isEvaluatedPeriod } from '../../../src/domain/final-evaluation.js';
import { parsePeriodKey } from '../../../src/domain/periods.js';

const p = (key: string) => parsePeriodKey(key)!;

describe('which evaluation closes the year (Agency.finalEvaluation)', () => {
  it('keeps a separate annual evaluation by default, as SIASN takes annual and periodic results apart', () => {
    expect(DEFAULT_FINAL_EVALUATION).toBe('TAHUNAN');
    expect(isEvaluatedPeriod(p('2026'), 'TAHUNAN')).toBe(true);
    expect(closesYear(p('2026'), 'TAHUNAN')).toBe(true);
    expect(closesYear(p('2026-Q4'), 'TAHUNAN')).toBe(false);
    expect(evaluationPeriodLabel(p('2026-Q4'), 'TAHUNAN', 'id')).toBe('Triwulan IV 2026');
  });

  it('under PERIODE_AKHIR asks no annual evaluation and lets the last quarter or month close the year ("Triwulan IV-Akhir")', () => {
    expect(isEvaluatedPeriod(p('2026'), 'PERIODE_AKHIR')).toBe(false);
    expect(isEvaluatedPeriod(p('2026-Q4'), 'PERIODE_AKHIR')).toBe(true);
    expect(closesYear(p('2026-Q4'), 'PERIODE_AKHIR')).toBe(true);
    expect(closesYear(p('2026-Q3'), 'PERIODE_AKHIR')).toBe(false);
    expect(closesYear(p('2026-M12'), 'PERIODE_AKHIR')).toBe(true);
    expect(closesYear(p('2026-M11'), 'PERIODE_AKHIR')).toBe(false);
    expect(evaluationPeriodLabel(p('2026-Q4'), 'PERIODE_AKHIR', 'id')).toBe('Triwulan IV-Akhir 2026');
    expect(evaluationPeriodLabel(p('2026-Q3'), 'PERIODE_AKHIR', 'id')).toBe('Triwulan III 2026');
    expect(evaluationPeriodLabel(p('2026-M12'), 'PERIODE_AKHIR', 'id')).toBe('Desember 2026 (akhir tahun)');
  });
});
