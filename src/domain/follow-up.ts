/**
 * Tindak lanjut (DOMAIN.md §4): what follows from a predikat. The bot records recommendations and
 * decisions made by people; the only computation is the credit-point conversion for functional
 * positions, kept as data so an agency can correct it without a code change.
 */
import type { EmployeePredikat } from './rating-matrix.js';

/**
 * Share of the position's annual credit-point coefficient earned per predikat (functional
 * positions): Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%.
 */
export const CREDIT_POINT_SHARE: Readonly<Record<EmployeePredikat, number>> = {
  SANGAT_BAIK: 1.5,
  BAIK: 1,
  BUTUH_PERBAIKAN: 0.75,
  KURANG: 0.5,
  SANGAT_KURANG: 0.25,
};

/** Credit points for a year: the coefficient times the predikat's share, rounded to 3 decimals. */
export function creditPoints(predikat: EmployeePredikat, annualCoefficient: number): number {
  return Math.round(annualCoefficient * CREDIT_POINT_SHARE[predikat] * 1000) / 1000;
}

/**
 * Annual credit-point coefficient by functional level (verify: PermenPANRB 1/2023, Lampiran; an
 * agency corrects this table, not the code). Keys are lower case as HR writes the level.
 */
export const ANNUAL_COEFFICIENT: Readonly<Record<string, number>> = {
  pemula: 3.75,
  terampil: 5,
  mahir: 12.5,
  penyelia: 25,
  'ahli pertama': 12.5,
  'ahli muda': 25,
  'ahli madya': 37.5,
  'ahli utama': 50,
};

/** The coefficient for a position level such as "Ahli Muda"; undefined when the level is not a functional one. */
export function annualCoefficient(positionLevel: string | null): number | undefined {
  return positionLevel ? ANNUAL_COEFFICIENT[positionLevel.trim().toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

/**
 * What the rules say about a PPPK's contract after a result: PP 49/2018 Pasal 37 bases the extension
 * of the work agreement (perpanjangan hubungan perjanjian kerja) on performance, competence fit and
 * the agency's need, with the approval of the Pejabat Pembina Kepegawaian – there is no minimum
 * predikat (regulation-audit §1.11). So the bot states the basis and decides nothing.
 */
export const PPPK_EXTENSION_BASIS = 'PP 49/2018 Pasal 37';

/**
 * The follow-ups a rater may propose (usulan). The rater proposes; the decision is the authorised
 * official's – the Pejabat Pembina Kepegawaian or the pejabat yang berwenang – on the consideration of
 * the Tim Penilai Kinerja PNS, "tim yang dibentuk oleh Pejabat yang Berwenang untuk memberikan
 * pertimbangan kepada Pejabat Pembina Kepegawaian atas usulan pengangkatan, pemindahan, dan
 * pemberhentian dalam jabatan, pengembangan kompetensi, serta pemberian penghargaan" (PP 30/2019
 * Pasal 1; quoted in the SE on the AK konversi, scribd 700254464, regulation-audit §1.9).
 * PENEMPATAN covers mutasi, promosi and demosi. "SANKSI" is no longer offered: see DISCIPLINARY_ROUTE.
 */
export const PROPOSABLE_FOLLOW_UPS = ['PENGHARGAAN', 'PENGEMBANGAN', 'PENEMPATAN'] as const;

/** A follow-up a rater may propose. */
export type ProposableFollowUp = (typeof PROPOSABLE_FOLLOW_UPS)[number];

/** True when `kind` may be proposed (the legacy SANKSI may not). */
export function isProposable(kind: string): kind is ProposableFollowUp {
  return (PROPOSABLE_FOLLOW_UPS as readonly string[]).includes(kind);
}

/**
 * Where a result whose work behaviour is below expectation points: Kurang/Misconduct (results at or
 * above expectation, behaviour below) and Sangat Kurang (both below). Behaviour that may breach
 * discipline is handled on the disciplinary route of PP 94/2021 tentang Disiplin PNS – the atasan
 * langsung summons the PNS in writing for an examination (Pasal 26) and a penalty is imposed only by
 * the pejabat yang berwenang menghukum (Pasal 16) – not by a free-text "sanksi" in the bot
 * (regulation-audit §1.9). Sources: the articles as quoted by Kompas, 16 Sep 2021
 * (nasional.kompas.com/read/2021/09/16/12220611); the PP's own text was not retrieved: verify.
 * For PPPK the discipline provisions of PP 49/2018 apply instead (not retrieved: verify).
 * Performance sanctions for results below target (PP 30/2019 Pasal 56–58: placement in a fitting or
 * lower position, then dismissal) are proposals of PENEMPATAN, decided like any other follow-up.
 */
export const DISCIPLINARY_ROUTE = {
  predikats: ['KURANG', 'SANGAT_KURANG'] as readonly EmployeePredikat[],
  basis: 'PP 94/2021',
  examination: 'Pasal 26',
  authority: 'Pasal 16',
  pppkBasis: 'PP 49/2018',
  verify: true,
} as const;

/** True when the predikat points to the disciplinary route (DISCIPLINARY_ROUTE). */
export function pointsToDiscipline(predikat: EmployeePredikat | null | undefined): boolean {
  return predikat !== null && predikat !== undefined && DISCIPLINARY_ROUTE.predikats.includes(predikat);
}

/**
 * The credit-point conversion of one evaluated SKP period, as a Penetapan Angka Kredit records it:
 * months/12 × the predikat's share × the annual coefficient (PermenPANRB 1/2023 Pasal 37 and
 * Lampiran; PerBKN 3/2023 Pasal 13 – as cited by secondary sources, the regulation's text was not
 * retrieved: verify). Undefined for a position that is not a functional one with a known level.
 */
export function creditConversion(
  employee: { positionType: string; positionLevel: string | null },
  predikat: EmployeePredikat,
  months: number,
): { coefficient: number; share: number; months: number; points: number; level: string } | undefined {
  const coefficient = employee.positionType === 'FUNGSIONAL' ? annualCoefficient(employee.positionLevel) : undefined;
  if (coefficient === undefined || !employee.positionLevel) return undefined;
  const points = Math.round(((creditPoints(predikat, coefficient) * months) / 12) * 1000) / 1000;
  return { coefficient, share: CREDIT_POINT_SHARE[predikat], months, points, level: employee.positionLevel };
}
