/** What the documents show, as plain values read from the database by read.ts. */
import type { FollowUpDecided } from '../i18n/follow-up-decided.js';
import type { CoreValueCode } from '../domain/berakhlak.js';
import type { CivilDate } from '../domain/civil-date.js';
import type { EmployeePredikat, Rating, UnitPredikat } from '../domain/rating-matrix.js';

/** A person on a form: an employee, or an official outside the bot (no NIP or rank, the office as jabatan). */
export interface DocumentPerson {
  name: string;
  nip: string | null;
  rank: string | null;
  position: string | null;
  unit: string | null;
  /** No longer active in the bot: the document still names them, as who rated or decided then. */
  inactive?: boolean;
}

/** An indicator with its target, as the SKP writes it. */
export interface DocumentIndicator {
  aspect: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA' | null;
  text: string;
  target: string;
}

export interface DocumentRhk {
  kind: 'UTAMA' | 'TAMBAHAN';
  text: string;
  leaderText: string | null;
  perspective: string | null;
  indicators: DocumentIndicator[];
}

export interface DocumentRealisasi {
  date: CivilDate;
  text: string;
  /** Links and file names of the bukti dukung. */
  evidence: string[];
}

export interface DocumentFeedback {
  date: CivilDate;
  by: string;
  text: string;
}

export interface ResultTriple {
  resultsRating: Rating | null;
  behaviourRating: Rating | null;
  predikat: EmployeePredikat | null;
}

/** HR recorded the decision of an official outside the bot, with its document. */
export interface RecordedFor {
  hr: string;
  documentNumber: string | null;
}

/** One Dokumen Evaluasi Kinerja Pegawai. */
export interface EvaluationDocumentData {
  agency: string;
  /** "Triwulan I 2026", "Tahun 2026". */
  period: string;
  from: CivilDate;
  to: CivilDate;
  employee: DocumentPerson;
  ppk: DocumentPerson;
  /** Set when the PPK is outside the bot and HR recorded their evaluation. */
  recordedFor: RecordedFor | null;
  atasanPpk: DocumentPerson | null;
  organisation: { unit: string; predikat: UnitPredikat } | null;
  /** The PPK's result. */
  rated: ResultTriple;
  /** The result that stands (changed by a keberatan decision, else the PPK's). */
  final: ResultTriple;
  finalizedOn: CivilDate | null;
  notes: string | null;
  feedback: string | null;
  followUps: { kind: 'PENGHARGAAN' | 'SANKSI' | 'PENGEMBANGAN' | 'PENEMPATAN'; recommendation: string; decision: string | null; decided?: FollowUpDecided | null }[];
  objection: {
    filedOn: CivilDate;
    reasons: string;
    employeeExplanation: string | null;
    raterExplanation: string | null;
    decision: 'UPHELD' | 'CHANGED' | null;
    decisionNote: string | null;
    decidedOn: CivilDate | null;
    documentNumber: string | null;
    /** HR recorded the decision of an Atasan PPK outside the bot. */
    recordedBy: string | null;
  } | null;
  rhk: (DocumentRhk & { realisasi: DocumentRealisasi[]; feedback: DocumentFeedback[] })[];
  behaviour: { code: CoreValueCode; expectation: string | null; feedback: DocumentFeedback[] }[];
}

/** One SKP with its Lampiran. */
export interface SkpDocumentData {
  agency: string;
  year: number;
  version: number;
  established: boolean;
  approach: 'QUANTITATIVE' | 'QUALITATIVE';
  from: CivilDate;
  to: CivilDate;
  employee: DocumentPerson;
  ppk: DocumentPerson | null;
  recordedFor: RecordedFor | null;
  establishedOn: CivilDate | null;
  /** The penetapan's document, when the SKP was established outside the bot (imported) or recorded by HR. */
  documentNumber: string | null;
  rhk: DocumentRhk[];
  behaviours: { code: CoreValueCode; expectation: string | null }[];
  lampiran: { resourceSupport: string | null; accountability: string | null; consequences: string | null };
}
