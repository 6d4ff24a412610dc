/**
 * The columns of an organisation file and how one row becomes an employee record.
 * Checks here look at a single row; checks across rows live in validate.ts.
 */
import { z } from 'zod';
import { columnSet } from '../files/columns.js';
import { normalizeNip, type NipProblem } from '../domain/nip.js';
import { parseTimeZone } from '../domain/periods.js';
import type { TableRow } from '../files/table.js';
import { parseDate } from '../domain/written-date.js';
import { compareCivilDates, parseCivilDate, type CivilDate } from '../domain/civil-date.js';

export const REQUIRED_COLUMNS = ['nip', 'nama', 'jabatan', 'jenis_jabatan', 'status', 'unit'] as const;
export const OPTIONAL_COLUMNS = [
  'unit_induk',
  'nip_atasan',
  'email',
  'zona_waktu',
  'telegram',
  'pangkat_golongan',
  'nip_ppk',
  'ppk_luar',
  'nama_ppk_luar',
  'atasan_ppk_luar',
  'nama_atasan_ppk_luar',
  'tanggal_efektif',
] as const;
export type OrgColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Other spellings HR exports use for our columns. */
export const COLUMN_ALIASES: Record<string, OrgColumn> = {
  tmt: 'tanggal_efektif',
  tmt_jabatan: 'tanggal_efektif',
  tanggal_berlaku: 'tanggal_efektif',
  tgl_efektif: 'tanggal_efektif',
  nama_pegawai: 'nama',
  nama_lengkap: 'nama',
  nama_jabatan: 'jabatan',
  jenis: 'jenis_jabatan',
  status_pegawai: 'status',
  status_kepegawaian: 'status',
  unit_kerja: 'unit',
  unor: 'unit',
  unit_kerja_induk: 'unit_induk',
  unor_induk: 'unit_induk',
  atasan: 'nip_atasan',
  nip_atasan_langsung: 'nip_atasan',
  zona: 'zona_waktu',
  timezone: 'zona_waktu',
  time_zone: 'zona_waktu',
  username_telegram: 'telegram',
  surel: 'email',
  e_mail: 'email',
  pangkat: 'pangkat_golongan',
  golongan: 'pangkat_golongan',
  gol_ruang: 'pangkat_golongan',
  golongan_ruang: 'pangkat_golongan',
  pangkat_gol: 'pangkat_golongan',
  pangkat_gol_ruang: 'pangkat_golongan',
  nip_ppk_delegasi: 'nip_ppk',
  jabatan_ppk_luar: 'ppk_luar',
  jabatan_atasan_ppk_luar: 'atasan_ppk_luar',
};

/**
 * The pairs of columns naming an official outside the bot: the office (title) and the person's name.
 * A pair is filled together or left empty together.
 */
export const EXTERNAL_OFFICIAL_COLUMNS = {
  ppk: { title: 'ppk_luar', name: 'nama_ppk_luar' },
  atasanPpk: { title: 'atasan_ppk_luar', name: 'nama_atasan_ppk_luar' },
} as const satisfies Record<string, { title: OrgColumn; name: OrgColumn }>;

/** An official outside the bot (a Gubernur, Bupati, Menteri) as a row names them. */
export interface ExternalOfficialName {
  title: string;
  name: string;
}

export type PositionType = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
export type EmploymentStatus = 'PNS' | 'PPPK';

/** A row that passed its own checks. */
export interface OrgRow {
  line: number;
  nip: string;
  name: string;
  position: string;
  positionType: PositionType;
  positionLevel: string | null;
  employmentStatus: EmploymentStatus;
  unit: string;
  parentUnit: string | null;
  supervisorNip: string | null;
  email: string | null;
  /** Pangkat/golongan ruang as written, e.g. "Pembina Tk. I, IV/b"; null when the file has none. */
  rank: string | null;
  timeZone: string;
  telegramUsername: string | null;
  // The rest are written only when the file has their column: undefined means "the file does not
  // say, leave what is stored"; null means "the cell is empty, clear it".
  /** NIP of the employee holding delegated PPK authority for this one (PermenPANRB 6/2022 Pasal 1 angka 9). */
  ppkDelegateNip?: string | null;
  /** The PPK outside the bot. */
  externalPpk?: ExternalOfficialName | null;
  /** The Atasan PPK outside the bot; may be the same official as the PPK. */
  externalAtasanPpk?: ExternalOfficialName | null;
  /**
   * When a change of unit, superior or position on this row takes effect ("YYYY-MM-DD"): the SKP
   * period in force ends the day before (src/domain/skp-period.ts). Undefined: the import's date.
   */
  effectiveDate?: string;
}

/** Why a row was refused; rendered by the org-import catalogue. */
export type RowIssue =
  | { code: 'MISSING_FIELD'; field: OrgColumn }
  | { code: 'NIP_INVALID'; value: string; reason: NipProblem }
  | { code: 'SUPERVISOR_NIP_INVALID'; value: string; reason: NipProblem }
  | { code: 'POSITION_TYPE_UNKNOWN'; value: string }
  | { code: 'STATUS_UNKNOWN'; value: string }
  | { code: 'TIME_ZONE_UNKNOWN'; value: string }
  | { code: 'EMAIL_INVALID'; value: string }
  | { code: 'TELEGRAM_INVALID'; value: string }
  | { code: 'RANK_INVALID'; value: string }
  | { code: 'EFFECTIVE_DATE_INVALID'; value: string }
  | { code: 'EFFECTIVE_DATE_FUTURE'; value: string }
  | { code: 'EFFECTIVE_DATE_OTHER_YEAR'; value: string; year: number }
  | { code: 'UNIT_SAME_AS_PARENT'; unit: string }
  | { code: 'NIP_DUPLICATE'; lines: number[] }
  | { code: 'EMAIL_DUPLICATE'; lines: number[] }
  | { code: 'OTHER_AGENCY' }
  | { code: 'UNIT_PARENT_CONFLICT'; unit: string; parent: string; otherParent: string; line: number }
  | { code: 'UNIT_CYCLE'; units: string[] }
  | { code: 'SUPERVISOR_SELF' }
  | { code: 'SUPERVISOR_UNKNOWN'; nip: string }
  | { code: 'SUPERVISOR_INACTIVE'; nip: string }
  | { code: 'SUPERVISOR_REJECTED'; nip: string; line: number }
  | { code: 'SUPERVISOR_CYCLE'; nips: string[] }
  | { code: 'DELEGATE_NIP_INVALID'; value: string; reason: NipProblem }
  | { code: 'EXTERNAL_OFFICIAL_INCOMPLETE'; filled: OrgColumn; empty: OrgColumn; value: string }
  | { code: 'DELEGATE_SELF' }
  | { code: 'DELEGATE_UNKNOWN'; nip: string }
  | { code: 'DELEGATE_INACTIVE'; nip: string }
  | { code: 'DELEGATE_BELOW'; nip: string }
  | { code: 'DELEGATE_MUTUAL'; nip: string }
  | { code: 'DELEGATE_REJECTED'; nip: string; line: number };

const COLUMNS = columnSet<OrgColumn>(REQUIRED_COLUMNS, OPTIONAL_COLUMNS, COLUMN_ALIASES);

/** Maps file columns (already normalised) to our names; returns the required ones missing. */
export const resolveColumns = (columns: string[]) => COLUMNS.resolve(columns);
const cellsByCanonicalName = (cells: Record<string, string>) => COLUMNS.cells(cells);

const LEVEL_WORDS = /^(utama|madya|pratama|muda|pertama|terampil|mahir|penyelia|pemula|ahli(\s+\w+)?)$/;

/** "JPT Pratama" → JPT + "Pratama"; "Fungsional Ahli Muda" → FUNGSIONAL + "Ahli Muda". */
export function parsePositionType(raw: string): { type: PositionType; level: string | null } | undefined {
  const words = raw.toLowerCase().replace(/[^a-z\s]/g, ' ').replace(/\s+/g, ' ').trim();
  const match = /^(jpt|jabatan pimpinan tinggi|administrator|pengawas|pelaksana|fungsional|jabatan fungsional)\b\s*(.*)$/.exec(words);
  if (!match) return undefined;
  const head = match[1] ?? '';
  const rest = match[2] ?? '';
  const type: PositionType = head.includes('pimpinan') || head === 'jpt'
    ? 'JPT'
    : head.includes('fungsional')
      ? 'FUNGSIONAL'
      : (head.toUpperCase() as PositionType);
  if (rest !== '' && !LEVEL_WORDS.test(rest)) return undefined;
  const level = rest === '' ? null : rest.replace(/\b\w/g, (letter) => letter.toUpperCase());
  return { type, level };
}

/** PNS, CPNS (a PNS candidate, who also has an SKP) and PPPK/P3K. */
export function parseEmploymentStatus(raw: string): EmploymentStatus | undefined {
  const word = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (word === 'PNS' || word === 'CPNS') return 'PNS';
  if (word === 'PPPK' || word === 'P3K') return 'PPPK';
  return undefined;
}

const emailSchema = z.email();

/**
 * A PNS golongan ruang (I/a … IV/e, after the pangkat or alone) or a PPPK golongan (I … XVII, in
 * Roman or Arabic numerals), as BKN writes them; the text is kept as HR wrote it.
 */
const PNS_GOLONGAN = /(^|[\s,(])(I{1,3}|IV)\s*\/\s*[a-e]($|[\s,)])/i;
const PPPK_GOLONGAN = new Set(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']);
const isPppkGolongan = (text: string) => {
  const numeral = text.replace(/^golongan\s+/i, '').toUpperCase();
  return PPPK_GOLONGAN.has(numeral) || (/^\d{1,2}$/.test(numeral) && Number(numeral) >= 1 && Number(numeral) <= 17);
};

/** The rank as written when it names a golongan; undefined when it does not. */
export function parseRank(raw: string): string | undefined {
  const text = collapseSpaces(raw);
  if (text.length > 80) return undefined;
  return PNS_GOLONGAN.test(text) || isPppkGolongan(text) ? text : undefined;
}

const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;

/** Checks one row on its own. */
export function parseRow(
  row: TableRow,
  defaults: { timeZone: string; today: CivilDate },
): { ok: true; row: OrgRow } | { ok: false; issues: RowIssue[]; nip: string | undefined } {
  const cells = cellsByCanonicalName(row.cells);
  const issues: RowIssue[] = [];
  for (const field of REQUIRED_COLUMNS) {
    if (!cells[field]) issues.push({ code: 'MISSING_FIELD', field });
  }

  const nipResult = cells.nip ? normalizeNip(cells.nip) : undefined;
  if (nipResult && !nipResult.ok) issues.push({ code: 'NIP_INVALID', value: cells.nip ?? '', reason: nipResult.reason });

  let supervisorNip: string | null = null;
  if (cells.nip_atasan) {
    const result = normalizeNip(cells.nip_atasan);
    if (result.ok) supervisorNip = result.nip;
    else issues.push({ code: 'SUPERVISOR_NIP_INVALID', value: cells.nip_atasan, reason: result.reason });
  }

  const position = cells.jenis_jabatan ? parsePositionType(cells.jenis_jabatan) : undefined;
  if (cells.jenis_jabatan && !position) issues.push({ code: 'POSITION_TYPE_UNKNOWN', value: cells.jenis_jabatan });

  const status = cells.status ? parseEmploymentStatus(cells.status) : undefined;
  if (cells.status && !status) issues.push({ code: 'STATUS_UNKNOWN', value: cells.status });

  const timeZone = cells.zona_waktu ? parseTimeZone(cells.zona_waktu) : defaults.timeZone;
  if (!timeZone) issues.push({ code: 'TIME_ZONE_UNKNOWN', value: cells.zona_waktu ?? '' });

  const email = cells.email ? cells.email.toLowerCase() : null;
  if (email && !emailSchema.safeParse(email).success) issues.push({ code: 'EMAIL_INVALID', value: cells.email ?? '' });

  const telegram = cells.telegram ? cells.telegram.replace(/^@/, '') : null;
  if (telegram && !TELEGRAM_USERNAME.test(telegram)) issues.push({ code: 'TELEGRAM_INVALID', value: cells.telegram ?? '' });

  const rank = cells.pangkat_golongan ? parseRank(cells.pangkat_golongan) : null;
  if (rank === undefined) issues.push({ code: 'RANK_INVALID', value: cells.pangkat_golongan ?? '' });

  let ppkDelegateNip: string | null | undefined;
  if (cells.nip_ppk !== undefined) {
    const result = cells.nip_ppk ? normalizeNip(cells.nip_ppk) : undefined;
    if (result && !result.ok) issues.push({ code: 'DELEGATE_NIP_INVALID', value: cells.nip_ppk, reason: result.reason });
    ppkDelegateNip = result?.ok ? result.nip : null;
  }
  const effectiveDate = cells.tanggal_efektif ? effectiveDateOf(cells.tanggal_efektif, defaults.today, issues) : undefined;
  const externalPpk = externalOfficialOf(cells, EXTERNAL_OFFICIAL_COLUMNS.ppk, issues);
  const externalAtasanPpk = externalOfficialOf(cells, EXTERNAL_OFFICIAL_COLUMNS.atasanPpk, issues);

  const unit = cells.unit ?? '';
  const parentUnit = cells.unit_induk || null;
  if (unit && parentUnit && sameName(unit, parentUnit)) issues.push({ code: 'UNIT_SAME_AS_PARENT', unit });

  const nip = nipResult?.ok ? nipResult.nip : undefined;
  if (issues.length > 0 || !nip || !position || !status || !timeZone || rank === undefined) return { ok: false, issues, nip };
  return {
    ok: true,
    row: {
      line: row.line,
      nip,
      name: collapseSpaces(cells.nama ?? ''),
      position: collapseSpaces(cells.jabatan ?? ''),
      positionType: position.type,
      positionLevel: position.level,
      employmentStatus: status,
      unit: collapseSpaces(unit),
      parentUnit: parentUnit ? collapseSpaces(parentUnit) : null,
      supervisorNip,
      email,
      rank,
      timeZone,
      telegramUsername: telegram,
      ...(ppkDelegateNip !== undefined && { ppkDelegateNip }),
      ...(externalPpk !== undefined && { externalPpk }),
      ...(externalAtasanPpk !== undefined && { externalAtasanPpk }),
      ...(effectiveDate !== undefined && { effectiveDate }),
    },
  };
}

/**
 * The effective date of a move: a past or present day of this performance year. A move cannot be
 * recorded ahead (the file's superior and unit apply from the import) nor in a year already closed.
 */
function effectiveDateOf(raw: string, today: CivilDate, issues: RowIssue[]): string | undefined {
  const date = parseDate(raw);
  const civil = date ? parseCivilDate(date) : null;
  if (!date || !civil) issues.push({ code: 'EFFECTIVE_DATE_INVALID', value: raw });
  else if (compareCivilDates(civil, today) > 0) issues.push({ code: 'EFFECTIVE_DATE_FUTURE', value: raw });
  else if (civil.year !== today.year) issues.push({ code: 'EFFECTIVE_DATE_OTHER_YEAR', value: raw, year: today.year });
  else return date;
  return undefined;
}

/**
 * The official a pair of columns names: undefined when the file has neither column, null when both
 * cells are empty; a title without a name (or the reverse) is an issue.
 */
function externalOfficialOf(
  cells: Partial<Record<OrgColumn, string>>,
  columns: { title: OrgColumn; name: OrgColumn },
  issues: RowIssue[],
): ExternalOfficialName | null | undefined {
  const rawTitle = cells[columns.title];
  const rawName = cells[columns.name];
  if (rawTitle === undefined && rawName === undefined) return undefined;
  const title = collapseSpaces(rawTitle ?? '');
  const name = collapseSpaces(rawName ?? '');
  if (title === '' && name === '') return null;
  if (title === '') issues.push({ code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: columns.name, empty: columns.title, value: name });
  else if (name === '') issues.push({ code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: columns.title, empty: columns.name, value: title });
  return title && name ? { title, name } : null;
}

/** Officials outside the bot compare without regard to case or repeated spaces, like units. */
export function externalOfficialKey(official: ExternalOfficialName): string {
  return `${unitKey(official.title)}\u0000${unitKey(official.name)}`;
}

/** Unit names compare without regard to case or repeated spaces. */
export function unitKey(name: string): string {
  return collapseSpaces(name).toLowerCase();
}

function sameName(a: string, b: string): boolean {
  return unitKey(a) === unitKey(b);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
