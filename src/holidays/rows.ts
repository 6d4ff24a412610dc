/**
 * Holiday rows from a table (the built-in files and HR's import use the same columns):
 * tanggal (YYYY-MM-DD), nama, jenis (nasional | cuti_bersama | instansi), instansi (optional).
 */
import { parseCivilDate } from '../domain/civil-date.js';
import type { Table } from '../files/table.js';

export type HolidayKind = 'NASIONAL' | 'CUTI_BERSAMA' | 'INSTANSI';

/** A valid holiday row. */
export interface HolidayRow {
  line: number;
  /** Civil date, YYYY-MM-DD. */
  date: string;
  name: string;
  kind: HolidayKind;
  /** For agency holidays: the agency's name; empty means the agency being imported into. */
  agencyName: string | undefined;
}

/** Why a holiday row was refused. */
export type HolidayRowError =
  | { line: number; code: 'MISSING_FIELD'; field: string }
  | { line: number; code: 'BAD_DATE'; value: string }
  | { line: number; code: 'BAD_KIND'; value: string }
  | { line: number; code: 'UNKNOWN_AGENCY'; value: string }
  | { line: number; code: 'NO_AGENCY' };

export const HOLIDAY_COLUMNS = ['tanggal', 'nama', 'jenis'] as const;

const KIND_BY_WORD: Record<string, HolidayKind> = {
  nasional: 'NASIONAL',
  libur_nasional: 'NASIONAL',
  cuti_bersama: 'CUTI_BERSAMA',
  instansi: 'INSTANSI',
};

/** Splits a table into valid rows and line-numbered errors. */
export function parseHolidayRows(table: Table): { rows: HolidayRow[]; errors: HolidayRowError[] } {
  const rows: HolidayRow[] = [];
  const errors: HolidayRowError[] = [];
  for (const { line, cells } of table.rows) {
    const missing = HOLIDAY_COLUMNS.find((column) => !cells[column]);
    if (missing) {
      errors.push({ line, code: 'MISSING_FIELD', field: missing });
      continue;
    }
    const date = cells['tanggal'] ?? '';
    const kind = KIND_BY_WORD[(cells['jenis'] ?? '').toLowerCase().replace(/[\s-]+/g, '_')];
    if (!parseCivilDate(date)) errors.push({ line, code: 'BAD_DATE', value: date });
    else if (!kind) errors.push({ line, code: 'BAD_KIND', value: cells['jenis'] ?? '' });
    else rows.push({ line, date, name: cells['nama'] ?? '', kind, agencyName: cells['instansi'] || undefined });
  }
  return { rows, errors };
}
