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
 * VERIFY: the form's page could not be retrieved (searched by phrase in every corpus on 2 Dec 2026).
 * Four statements rest on fragments the regulation review quoted from the form ("memahami maksud dan
 * tujuan", "pandangan berdasarkan data/fakta yang akurat", "lebih banyak bertanya dibandingkan
 * menggurui", "dibantu dalam mencari solusi"); the other five are our wording of the form's intent,
 * and which group each statement belongs to is our reading. Each entry says which it is, so an agency
 * holding the Lampiran corrects this table, not the code. The texts live in src/i18n/guidance.ts under
 * the same codes.
 */

/** The groups of Format B.1.8, in the form's order. */
export const GUIDANCE_GROUPS = ['TENTANG_PEGAWAI', 'TENTANG_PIMPINAN', 'TENTANG_KEDUANYA'] as const;

export type GuidanceGroup = (typeof GUIDANCE_GROUPS)[number];

/** How a statement's wording was obtained. */
export type StatementSource = 'FRAGMENT_OF_FORM' | 'OUR_WORDING';

/** One statement of Format B.1.8: its code (the key of the stored answers), group and the basis of its wording. */
export interface GuidanceStatementDef {
  readonly code: string;
  readonly group: GuidanceGroup;
  readonly source: StatementSource;
  /** Always true until someone checks the table against the Lampiran. */
  readonly verify: true;
}

/** Format B.1.8's nine statements, grouped as the form groups them (see the module comment: verify). */
export const GUIDANCE_FEEDBACK_FORM = [
  { code: 'P_PURPOSE', group: 'TENTANG_PEGAWAI', source: 'FRAGMENT_OF_FORM', verify: true },
  { code: 'P_SPOKE_FREELY', group: 'TENTANG_PEGAWAI', source: 'OUR_WORDING', verify: true },
  { code: 'P_NEXT_STEPS', group: 'TENTANG_PEGAWAI', source: 'OUR_WORDING', verify: true },
  { code: 'L_FACTS', group: 'TENTANG_PIMPINAN', source: 'FRAGMENT_OF_FORM', verify: true },
  { code: 'L_ASKS', group: 'TENTANG_PIMPINAN', source: 'FRAGMENT_OF_FORM', verify: true },
  { code: 'L_LISTENS', group: 'TENTANG_PIMPINAN', source: 'OUR_WORDING', verify: true },
  { code: 'B_SOLUTIONS', group: 'TENTANG_KEDUANYA', source: 'FRAGMENT_OF_FORM', verify: true },
  { code: 'B_AGREED', group: 'TENTANG_KEDUANYA', source: 'OUR_WORDING', verify: true },
  { code: 'B_RESPECT', group: 'TENTANG_KEDUANYA', source: 'OUR_WORDING', verify: true },
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
