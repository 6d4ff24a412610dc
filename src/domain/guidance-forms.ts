/**
 * The Lampiran's forms around a bimbingan kinerja session (PermenPANRB 6/2022, Lampiran, Format B.1.8
 * and B.1.9, pp. 83–84: https://anyflip.com/lzmue/eyhs/basic/101-150), as data.
 *
 * Format B.1.8 "Umpan Balik Pelaksanaan Bimbingan Kinerja": "Setelah pelaksanaan bimbingan kinerja,
 * Pegawai mengisi dan menandatangani Format Umpan Balik Pelaksanaan Bimbingan Kinerja yang kemudian
 * diserahkan kepada atasan dari Pimpinan" – so the answers go to the leader's own superior, never to the
 * leader (regulation-audit §1.13). The form has nine statements in three groups: Tentang Pegawai,
 * Tentang Pimpinan, Tentang keduanya.
 *
 * The nine statements below are the form's own words and groups, read from the Lampiran's pages as
 * published by jdih.menpan.go.id (replica: anyflip.com/lzmue/eyhs/basic/101-150, p. 83). Group names
 * on the form: "Tentang Pegawai", "Tentang Pimpinan/Pihak Lain yang Diberikan Penugasan Khusus",
 * "Tentang Pegawai dan Pimpinan/Pihak Lain yang Diberikan Penugasan Khusus". The form has no answer
 * scale; the 1–5 agreement scale is ours. The texts live in src/i18n/guidance.ts under the same codes.
 */

/** The groups of Format B.1.8, in the form's order. */
export const GUIDANCE_GROUPS = ['TENTANG_PEGAWAI', 'TENTANG_PIMPINAN', 'TENTANG_KEDUANYA'] as const;

export type GuidanceGroup = (typeof GUIDANCE_GROUPS)[number];

/** One statement of Format B.1.8: its code (the key of the stored answers), its number on the form and its group. */
export interface GuidanceStatementDef {
  readonly code: string;
  readonly number: number;
  readonly group: GuidanceGroup;
}

/** Format B.1.8's nine statements, numbered and grouped as the form does. */
export const GUIDANCE_FEEDBACK_FORM = [
  { code: 'P_ATTENDED', number: 1, group: 'TENTANG_PEGAWAI' },
  { code: 'P_VALUED', number: 2, group: 'TENTANG_PEGAWAI' },
  { code: 'P_SPOKE_FREELY', number: 3, group: 'TENTANG_PEGAWAI' },
  { code: 'L_FACTS', number: 4, group: 'TENTANG_PIMPINAN' },
  { code: 'L_POSITIVE', number: 5, group: 'TENTANG_PIMPINAN' },
  { code: 'L_ASKS', number: 6, group: 'TENTANG_PIMPINAN' },
  { code: 'B_SOLUTIONS', number: 7, group: 'TENTANG_KEDUANYA' },
  { code: 'B_NEXT_STEPS', number: 8, group: 'TENTANG_KEDUANYA' },
  { code: 'B_PURPOSE', number: 9, group: 'TENTANG_KEDUANYA' },
] as const satisfies readonly GuidanceStatementDef[];

/** A statement's code. */
export type GuidanceStatement = (typeof GUIDANCE_FEEDBACK_FORM)[number]['code'];

/** The statement codes in the form's order. */
export const GUIDANCE_STATEMENTS: readonly GuidanceStatement[] = GUIDANCE_FEEDBACK_FORM.map((s) => s.code);

/** The employee's answers: 1–5 per statement. */
export type GuidanceRating = Record<GuidanceStatement, number>;

/** The statements of one group, in order. */
export function statementsOf(group: GuidanceGroup): GuidanceStatement[] {
  return GUIDANCE_FEEDBACK_FORM.filter((s) => s.group === group).map((s) => s.code);
}

/**
 * Format B.1.9 "Evaluasi Kompetensi Pegawai sebagai Tindak Lanjut Bimbingan Kinerja": after a session
 * the leader scores the competencies it concerned, 1–5, each with a reason (Lampiran p. 84, as the
 * regulation review read it). The form's own competency list and the names of its scale points were not
 * retrieved (verify); the leader names each competency, up to COMPETENCY_ROWS_MAX rows.
 */
export const COMPETENCY_EVALUATION = { minScore: 1, maxScore: 5, verify: true } as const;

/** How many competencies one evaluation may hold (a chat form, not the paper's limit). */
export const COMPETENCY_ROWS_MAX = 5;

/** One row of Format B.1.9. */
export interface CompetencyRow {
  competency: string;
  score: number;
  reason: string;
}

/** Why rows of Format B.1.9 cannot be saved: none, too many, a score off the scale, a blank name or reason. */
export function competencyRowsProblem(rows: readonly CompetencyRow[]): 'NONE' | 'TOO_MANY' | 'BAD_SCORE' | 'BLANK' | null {
  if (rows.length === 0) return 'NONE';
  if (rows.length > COMPETENCY_ROWS_MAX) return 'TOO_MANY';
  for (const row of rows) {
    if (!Number.isInteger(row.score) || row.score < COMPETENCY_EVALUATION.minScore || row.score > COMPETENCY_EVALUATION.maxScore) return 'BAD_SCORE';
    if (!row.competency.trim() || !row.reason.trim()) return 'BLANK';
  }
  return null;
}
