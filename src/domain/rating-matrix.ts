/**
 * Kuadran kinerja pegawai (PermenPANRB 6/2022): the 9-cell matrix that turns the Rating Hasil Kerja
 * and the Rating Perilaku Kerja into the employee's Predikat Kinerja, and the rule that a unit
 * leader's results rating follows the unit's Predikat Kinerja Organisasi.
 * Both are kept as data so a correction is a one-line change, not a code change.
 */
import type { Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';

/** Rating Hasil Kerja / Rating Perilaku Kerja; the strings match the Prisma enum `Rating`. */
export type Rating = 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';

/** Predikat kinerja pegawai; the strings match the Prisma enum `EmployeePredikat`. */
export type EmployeePredikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

/** Predikat kinerja organisasi (unit); the strings match the Prisma enum `UnitPredikatLevel`. */
export type UnitPredikat = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

/** Ratings from highest to lowest. */
export const RATINGS: readonly Rating[] = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'];

/** Employee predikat from best to worst. */
export const EMPLOYEE_PREDIKATS: readonly EmployeePredikat[] = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
];

/** Unit predikat from best to worst. */
export const UNIT_PREDIKATS: readonly UnitPredikat[] = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** One cell of the matrix; `misconduct` marks the cells the regulation labels "Kurang/Misconduct". */
export interface MatrixCell {
  readonly predikat: EmployeePredikat;
  readonly misconduct: boolean;
}

/** The matrix as data: rows are the results rating, columns the behaviour rating. */
export const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, MatrixCell>>>> = {
  DI_ATAS: {
    DI_BAWAH: { predikat: 'KURANG', misconduct: true },
    SESUAI: { predikat: 'BAIK', misconduct: false },
    DI_ATAS: { predikat: 'SANGAT_BAIK', misconduct: false },
  },
  SESUAI: {
    DI_BAWAH: { predikat: 'KURANG', misconduct: true },
    SESUAI: { predikat: 'BAIK', misconduct: false },
    DI_ATAS: { predikat: 'BAIK', misconduct: false },
  },
  DI_BAWAH: {
    DI_BAWAH: { predikat: 'SANGAT_KURANG', misconduct: false },
    SESUAI: { predikat: 'BUTUH_PERBAIKAN', misconduct: false },
    DI_ATAS: { predikat: 'BUTUH_PERBAIKAN', misconduct: false },
  },
};

/** The matrix cell for a results rating (row) and a behaviour rating (column). */
export function matrixCell(results: Rating, behaviour: Rating): MatrixCell {
  return PREDIKAT_MATRIX[results][behaviour];
}

/** The employee's Predikat Kinerja for a results rating and a behaviour rating. */
export function predikatFor(results: Rating, behaviour: Rating): EmployeePredikat {
  return matrixCell(results, behaviour).predikat;
}

/** Rank of an employee predikat: 4 for Sangat Baik down to 0 for Sangat Kurang (higher is better). */
export function predikatRank(predikat: EmployeePredikat): number {
  return EMPLOYEE_PREDIKATS.length - 1 - EMPLOYEE_PREDIKATS.indexOf(predikat);
}

/** Rank of a rating: 2 for Di Atas, 1 for Sesuai, 0 for Di Bawah (higher is better). */
export function ratingRank(rating: Rating): number {
  return RATINGS.length - 1 - RATINGS.indexOf(rating);
}

/** Label of a rating, e.g. "Di Atas Ekspektasi". */
export function ratingLabel(rating: Rating, locale: Locale): string {
  return domainMessages[locale][`rating.${rating}`];
}

/** Label of an employee predikat, e.g. "Butuh Perbaikan". */
export function predikatLabel(predikat: EmployeePredikat, locale: Locale): string {
  return domainMessages[locale][`predikat.${predikat}`];
}

/** Label of a unit predikat, e.g. "Istimewa". */
export function unitPredikatLabel(predikat: UnitPredikat, locale: Locale): string {
  return domainMessages[locale][`unitPredikat.${predikat}`];
}

/**
 * Explains a cell: which row (results) and column (behaviour) it is and the predikat it gives;
 * for a misconduct cell it adds that the predikat is Kurang and why the cell carries that label.
 */
export function explainPredikat(results: Rating, behaviour: Rating, locale: Locale): string {
  const m = domainMessages[locale];
  const cell = matrixCell(results, behaviour);
  const sentence = m['matrix.explain']({
    results: ratingLabel(results, locale),
    behaviour: ratingLabel(behaviour, locale),
    predikat: predikatLabel(cell.predikat, locale),
  });
  return cell.misconduct ? `${sentence} ${m['matrix.misconduct']}` : sentence;
}

/**
 * Results rating of an employee who leads the unit, by the unit's Predikat Kinerja Organisasi.
 * (verify) The usual reading of the PermenPANRB 6/2022 Lampiran; DOMAIN.md only says that
 * "the unit's result becomes their results rating", so an agency may need to correct this table.
 */
export const UNIT_LEADER_RESULTS_RATING: Readonly<Record<UnitPredikat, Rating>> = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

/** The Rating Hasil Kerja of the unit's leader, which the unit's predikat sets rather than the rater. */
export function resultsRatingForUnitLeader(
  unitPredikat: UnitPredikat,
  table: Readonly<Record<UnitPredikat, Rating>> = UNIT_LEADER_RESULTS_RATING,
): Rating {
  return table[unitPredikat];
}

/** Explains to a unit leader (or their rater) why their results rating is fixed by the unit's predikat. */
export function explainUnitLeaderResultsRating(
  unitPredikat: UnitPredikat,
  locale: Locale,
  table: Readonly<Record<UnitPredikat, Rating>> = UNIT_LEADER_RESULTS_RATING,
): string {
  return domainMessages[locale]['unitLeader.explain']({
    unit: unitPredikatLabel(unitPredikat, locale),
    rating: ratingLabel(resultsRatingForUnitLeader(unitPredikat, table), locale),
  });
}
