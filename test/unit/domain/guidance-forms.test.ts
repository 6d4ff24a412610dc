/** Format B.1.8 and B.1.9 as data: the nine grouped statements, each with its texts, and the B.1.9 rows' rules. */
import { describe, expect, it } from 'vitest';
import { competencyRowsProblem, COMPETENCY_ROWS_MAX, GUIDANCE_FEEDBACK_FORM, GUIDANCE_GROUPS, statementsOf } from '../../../src/domain/guidance-forms.js';
import { guidanceText } from '../../../src/i18n/guidance.js';

describe('Format B.1.8', () => {
  it('has the form’s nine statements, numbered 1–9, three in each of its three groups', () => {
    expect(GUIDANCE_FEEDBACK_FORM.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(GUIDANCE_GROUPS).toEqual(['TENTANG_PEGAWAI', 'TENTANG_PIMPINAN', 'TENTANG_KEDUANYA']);
    for (const group of GUIDANCE_GROUPS) expect(statementsOf(group)).toHaveLength(3);
    expect(new Set(GUIDANCE_FEEDBACK_FORM.map((s) => s.code)).size).toBe(9);
  });

  it('words each statement as the Lampiran does (PermenPANRB 6/2022 Format B.1.8)', () => {
    const texts = GUIDANCE_FEEDBACK_FORM.map((s) => guidanceText.id[`statement${s.code}`]);
    expect(texts[0]).toBe('Saya merasa diperhatikan dan dipahami.');
    expect(texts[3]).toBe('Saya merasa bahwa pandangan yang diberikan berdasarkan data/fakta yang akurat.');
    expect(texts[5]).toBe('Lebih banyak menggunakan metode bertanya dibandingkan menggurui.');
    expect(texts[8]).toBe('Saya memahami maksud dan tujuan kegiatan bimbingan kinerja ini.');
    expect(guidanceText.id.groupTENTANG_PIMPINAN).toBe('Tentang Pimpinan/Pihak Lain yang Diberikan Penugasan Khusus');
  });

  it('invents nothing like "Sesi ini bermanfaat"', () => {
    for (const s of GUIDANCE_FEEDBACK_FORM) expect(guidanceText.id[`statement${s.code}`]).not.toMatch(/bermanfaat/);
  });
});

describe('Format B.1.9 rows', () => {
  const row = { competency: 'Penyusunan skenario uji', score: 4, reason: 'Skenario sudah bisa diulang' };
  it('need at least one row and at most the limit, scores 1–5 and a name and reason', () => {
    expect(competencyRowsProblem([row])).toBeNull();
    expect(competencyRowsProblem([])).toBe('NONE');
    expect(competencyRowsProblem(Array.from({ length: COMPETENCY_ROWS_MAX + 1 }, () => row))).toBe('TOO_MANY');
    expect(competencyRowsProblem([{ ...row, score: 0 }])).toBe('BAD_SCORE');
    expect(competencyRowsProblem([{ ...row, score: 6 }])).toBe('BAD_SCORE');
    expect(competencyRowsProblem([{ ...row, score: 4.5 }])).toBe('BAD_SCORE');
    expect(competencyRowsProblem([{ ...row, reason: '  ' }])).toBe('BLANK');
  });
});
