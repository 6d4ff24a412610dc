/**
 * The columns of an SKP file (one row per indicator) and how one row becomes an indicator of an
 * RHK. Checks here look at a single row; checks across rows and against the database live in
 * validate.ts.
 */
import { normalizeNip, type NipProblem } from '../domain/nip.js';
import { columnSet } from '../files/columns.js';
import { parseDate } from '../domain/written-date.js';
import { splitTarget, TARGET_MAX, type Target } from '../domain/target.js';
import type { TableRow } from '../files/table.js';

export { parseDate };

export const REQUIRED_COLUMNS = ['nip', 'tahun', 'jenis_rhk', 'rhk', 'aspek', 'indikator', 'target'] as const;
export const OPTIONAL_COLUMNS = ['perspektif', 'rhk_atasan', 'tanggal_penetapan', 'nomor_dokumen'] as const;
export type SkpColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Other spellings, among them e-Kinerja's export headers (already normalised: lower case, "_" for spaces). */
export const COLUMN_ALIASES: Record<string, SkpColumn> = {
  nip_pegawai: 'nip',
  ni_pppk: 'nip',
  'nip/ni_pppk': 'nip',
  'nip_/_ni_pppk': 'nip',
  periode: 'tahun',
  tahun_skp: 'tahun',
  tahun_penilaian: 'tahun',
  jenis: 'jenis_rhk',
  jenis_hasil_kerja: 'jenis_rhk',
  kategori_rhk: 'jenis_rhk',
  rencana_hasil_kerja: 'rhk',
  hasil_kerja: 'rhk',
  aspek_indikator: 'aspek',
  indikator_kinerja_individu: 'indikator',
  indikator_kinerja: 'indikator',
  iki: 'indikator',
  target_indikator: 'target',
  rhk_pimpinan: 'rhk_atasan',
  rencana_hasil_kerja_pimpinan: 'rhk_atasan',
  rhk_pimpinan_yang_diintervensi: 'rhk_atasan',
  rencana_hasil_kerja_pimpinan_yang_diintervensi: 'rhk_atasan',
  rhk_pimpinan_yang_diintervensikan: 'rhk_atasan',
  tgl_penetapan: 'tanggal_penetapan',
  tanggal_ditetapkan: 'tanggal_penetapan',
  tanggal_skp: 'tanggal_penetapan',
  nomor_skp: 'nomor_dokumen',
  no_dokumen: 'nomor_dokumen',
  nomor_penetapan: 'nomor_dokumen',
  no_skp: 'nomor_dokumen',
};

export type RhkKind = 'UTAMA' | 'TAMBAHAN';
export type Aspect = 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
export type Perspective = 'PENERIMA_LAYANAN' | 'PROSES_BISNIS' | 'PENGUATAN_INTERNAL' | 'ANGGARAN';

/** A row that passed its own checks: one indicator of one RHK of one person's SKP for a year. */
export interface SkpRow {
  line: number;
  nip: string;
  year: number;
  kind: RhkKind;
  rhk: string;
  perspective: Perspective | null;
  aspect: Aspect;
  indicator: string;
  target: Target;
  leaderRhk: string | null;
  /** "YYYY-MM-DD". */
  establishedOn: string | null;
  documentNumber: string | null;
}

/** Why a row was refused; rendered by the skp-import catalogue. */
export type RowIssue =
  | { code: 'MISSING_FIELD'; field: SkpColumn }
  | { code: 'NIP_INVALID'; value: string; reason: NipProblem }
  | { code: 'YEAR_INVALID'; value: string }
  | { code: 'KIND_UNKNOWN'; value: string }
  | { code: 'ASPECT_UNKNOWN'; value: string }
  | { code: 'PERSPECTIVE_UNKNOWN'; value: string }
  | { code: 'TARGET_TOO_LONG' }
  | { code: 'DATE_INVALID'; value: string }
  | { code: 'DATE_OTHER_YEAR'; value: string; year: number }
  // Checks across rows and against the database (validate.ts):
  | { code: 'EMPLOYEE_UNKNOWN'; nip: string }
  | { code: 'EMPLOYEE_INACTIVE' }
  | { code: 'PERSPECTIVE_REQUIRED' }
  | { code: 'PERSPECTIVE_NOT_JPT' }
  | { code: 'LEADER_RHK_REQUIRED' }
  | { code: 'LEADER_RHK_UNKNOWN'; text: string; supervisor: string; year: number }
  | { code: 'SUPERVISOR_PLAN_MISSING'; supervisor: string; year: number }
  | { code: 'SUPERVISOR_REJECTED'; supervisor: string }
  | { code: 'CONFLICT'; field: SkpColumn; value: string; other: string; line: number }
  | { code: 'INDICATOR_DUPLICATE'; line: number }
  | { code: 'PERSON_REJECTED'; lines: number[] };

const COLUMNS = columnSet<SkpColumn>(REQUIRED_COLUMNS, OPTIONAL_COLUMNS, COLUMN_ALIASES);

/** Maps file columns (already normalised) to our names; returns the required ones missing. */
export const resolveColumns = (columns: string[]) => COLUMNS.resolve(columns);
const cellsByCanonicalName = (cells: Record<string, string>) => COLUMNS.cells(cells);

/** Lower case, letters and digits only, single spaces: how words in a cell are compared. */
function words(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** "utama", "RHK Utama", "tambahan" (also "main"/"additional"). */
export function parseKind(raw: string): RhkKind | undefined {
  const w = words(raw).replace(/^(rhk|hasil kerja|rencana hasil kerja) /, '');
  if (w === 'utama' || w === 'main') return 'UTAMA';
  if (w === 'tambahan' || w === 'additional') return 'TAMBAHAN';
  return undefined;
}

const ASPECTS: Record<string, Aspect> = {
  kuantitas: 'KUANTITAS', kuantitatif: 'KUANTITAS', quantity: 'KUANTITAS',
  kualitas: 'KUALITAS', kualitatif: 'KUALITAS', quality: 'KUALITAS',
  waktu: 'WAKTU', time: 'WAKTU',
  biaya: 'BIAYA', cost: 'BIAYA',
};

/** kuantitas, kualitas, waktu, biaya (also "aspek kuantitas" and the English words). */
export function parseAspect(raw: string): Aspect | undefined {
  return ASPECTS[words(raw).replace(/^aspek /, '')];
}

const PERSPECTIVES: Record<string, Perspective> = {
  'penerima layanan': 'PENERIMA_LAYANAN',
  'perspektif penerima layanan': 'PENERIMA_LAYANAN',
  'proses bisnis': 'PROSES_BISNIS',
  'perspektif proses bisnis': 'PROSES_BISNIS',
  'penguatan internal': 'PENGUATAN_INTERNAL',
  'perspektif penguatan internal': 'PENGUATAN_INTERNAL',
  anggaran: 'ANGGARAN',
  'perspektif anggaran': 'ANGGARAN',
};

/** Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran (any case, "_" or spaces). */
export function parsePerspective(raw: string): Perspective | undefined {
  return PERSPECTIVES[words(raw)];
}

/** A performance year written as four digits, 2000–2100. */
export function parseYear(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** Repeated spaces collapse; texts are compared without regard to case and spacing. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The key two RHK texts are compared by (case and spacing ignored). */
export function textKey(text: string): string {
  return collapseSpaces(text).toLowerCase();
}

/** Checks one row on its own. Numbers in targets are read the Indonesian way ("12,5"; "1.000"). */
export function parseRow(row: TableRow): { ok: true; row: SkpRow } | { ok: false; issues: RowIssue[]; nip: string | undefined } {
  const cells = cellsByCanonicalName(row.cells);
  const issues: RowIssue[] = [];
  for (const field of REQUIRED_COLUMNS) {
    if (!cells[field]) issues.push({ code: 'MISSING_FIELD', field });
  }
  const nipResult = cells.nip ? normalizeNip(cells.nip) : undefined;
  if (nipResult && !nipResult.ok) issues.push({ code: 'NIP_INVALID', value: cells.nip ?? '', reason: nipResult.reason });

  const year = cells.tahun ? parseYear(cells.tahun) : undefined;
  if (cells.tahun && year === undefined) issues.push({ code: 'YEAR_INVALID', value: cells.tahun });
  const kind = cells.jenis_rhk ? parseKind(cells.jenis_rhk) : undefined;
  if (cells.jenis_rhk && !kind) issues.push({ code: 'KIND_UNKNOWN', value: cells.jenis_rhk });
  const aspect = cells.aspek ? parseAspect(cells.aspek) : undefined;
  if (cells.aspek && !aspect) issues.push({ code: 'ASPECT_UNKNOWN', value: cells.aspek });
  const perspective = cells.perspektif ? parsePerspective(cells.perspektif) : undefined;
  if (cells.perspektif && !perspective) issues.push({ code: 'PERSPECTIVE_UNKNOWN', value: cells.perspektif });
  if (cells.target && cells.target.length > TARGET_MAX) issues.push({ code: 'TARGET_TOO_LONG' });
  const establishedOn = cells.tanggal_penetapan ? parseDate(cells.tanggal_penetapan) : undefined;
  if (cells.tanggal_penetapan && !establishedOn) issues.push({ code: 'DATE_INVALID', value: cells.tanggal_penetapan });
  // An SKP is established around the start of its year: in the year itself or the one before.
  if (establishedOn && year !== undefined && ![year - 1, year].includes(Number(establishedOn.slice(0, 4)))) {
    issues.push({ code: 'DATE_OTHER_YEAR', value: cells.tanggal_penetapan ?? '', year });
  }

  const nip = nipResult?.ok ? nipResult.nip : undefined;
  if (issues.length > 0 || !nip || year === undefined || !kind || !aspect) return { ok: false, issues, nip };
  return {
    ok: true,
    row: {
      line: row.line,
      nip,
      year,
      kind,
      rhk: collapseSpaces(cells.rhk ?? ''),
      perspective: perspective ?? null,
      aspect,
      indicator: collapseSpaces(cells.indikator ?? ''),
      target: splitTarget(collapseSpaces(cells.target ?? ''), 'id'),
      leaderRhk: cells.rhk_atasan ? collapseSpaces(cells.rhk_atasan) : null,
      establishedOn: establishedOn ?? null,
      documentNumber: cells.nomor_dokumen ? collapseSpaces(cells.nomor_dokumen) : null,
    },
  };
}
