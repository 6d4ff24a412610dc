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
