/** Format B.1.8 and B.1.9 as data: the nine grouped statements, each with its texts, and the B.1.9 rows' rules. */
import { describe, expect, it } from 'vitest';
import { competencyRowsProblem, COMPETENCY_ROWS_MAX, GUIDANCE_FEEDBACK_FORM, GUIDANCE_GROUPS, statementsOf } from '../../../src/domain/guidance-forms.js';
import { guidanceText } from '../../../src/i18n/guidance.js';

describe('Format B.1.8', () => {
  it('has nine statements in the form’s three groups, every one marked for verification', () => {
    expect(GUIDANCE_FEEDBACK_FORM).toHaveLength(9);
    expect(GUIDANCE_GROUPS).toEqual(['TENTANG_PEGAWAI', 'TENTANG_PIMPINAN', 'TENTANG_KEDUANYA']);
    for (const group of GUIDANCE_GROUPS) expect(statementsOf(group).length).toBeGreaterThan(0);
    expect(GUIDANCE_FEEDBACK_FORM.every((s) => s.verify)).toBe(true);
    expect(new Set(GUIDANCE_FEEDBACK_FORM.map((s) => s.code)).size).toBe(9);
  });

  it('carries the statements the regulation review quoted from the form', () => {
    const texts = GUIDANCE_FEEDBACK_FORM.filter((s) => s.source === 'FRAGMENT_OF_FORM').map((s) => guidanceText.id[`statement${s.code}`]);
    expect(texts.join(' ')).toMatch(/maksud dan tujuan[\s\S]*data\/fakta yang akurat[\s\S]*lebih banyak bertanya dibandingkan menggurui[\s\S]*dibantu dalam mencari solusi/);
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
