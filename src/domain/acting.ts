/**
 * Plt and Plh: who may stand in for an official, and what they may do.
 *
 * Plh (Pelaksana Harian) carries out the routine duties of an official who is temporarily absent,
 * Plt (Pelaksana Tugas) of one permanently absent (UU 30/2014 Pasal 14(2)). For performance
 * management they have the same powers: both may set SKP (sasaran kinerja pegawai) and evaluate
 * (Surat Kepala BKN K.26-30/V.20-3/99 of 5 February 2016 and SE Kepala BKN 1/SE/I/2021 on the
 * powers of Plh and Plt in personnel matters, point e.1; Peraturan BPKP 3/2024 Pasal 9(6)b, which
 * repeats it), and neither may take strategic decisions that change someone's legal status –
 * appointing, transferring or dismissing (same sources, points b–c; BPKP 3/2024 Pasal 9(2),(4)).
 * The bot makes none of those, so the access rules (access.ts) give a Plt and a Plh the same
 * powers; the kind is kept for the record and the documents. Sources as retrieved on 2 December 2026 (the SE's text through
 * BKD Sidoarjo's and BPKP's publications of it).
 */
import { compareCivilDates, type CivilDate } from './civil-date.js';

export type ActingKind = 'PLT' | 'PLH';

/** One acting assignment: `actingId` stands in for `forId` from `start` to `end` (both days included). */
export interface ActingPeriod {
  actingId: string;
  forId: string;
  start: CivilDate;
  end: CivilDate;
}

export type ActingProblem =
  /** Nobody stands in for themselves. */
  | 'SELF'
  | 'END_BEFORE_START'
  /** Someone already stands in for that official on some of these days. */
  | 'OFFICIAL_ALREADY_COVERED'
  /** The official stands in for the acting person on some of these days: they would act for each other. */
  | 'CYCLE';

const overlaps = (a: ActingPeriod, b: ActingPeriod) => compareCivilDates(a.start, b.end) <= 0 && compareCivilDates(b.start, a.end) <= 0;

/** Why `candidate` cannot be recorded next to the `existing` assignments, or null when it can. */
export function actingProblem(candidate: ActingPeriod, existing: ActingPeriod[]): ActingProblem | null {
  if (candidate.actingId === candidate.forId) return 'SELF';
  if (compareCivilDates(candidate.end, candidate.start) < 0) return 'END_BEFORE_START';
  const overlapping = existing.filter((other) => overlaps(candidate, other));
  if (overlapping.some((other) => other.forId === candidate.forId)) return 'OFFICIAL_ALREADY_COVERED';
  if (overlapping.some((other) => other.actingId === candidate.forId && other.forId === candidate.actingId)) return 'CYCLE';
  return null;
}
