/** Rows of an organisation file and a validation context, as the org-import unit tests build them. */
import type { TableRow } from '../../src/files/table.js';
import type { KnownEmployee, ValidationContext } from '../../src/org-import/validate.js';

/** The day the tests import on: effective dates after it are still ahead. */
export const IMPORT_DAY = { year: 2027, month: 6, day: 15 };

/** A row of a pelaksana in "Dinas A" on `line`, with `extra` cells. */
export function orgRow(line: number, nip: string, supervisor = '', extra: Record<string, string> = {}): TableRow {
  return {
    line,
    cells: { nip, nama: `Orang ${line}`, jabatan: 'Staf', jenis_jabatan: 'Pelaksana', status: 'PNS', unit: 'Dinas A', nip_atasan: supervisor, ...extra },
  };
}

/** Validation against the people already stored (`known`). */
export function validationContext(known: KnownEmployee[] = [], overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    agencyId: 'a1',
    defaultTimeZone: 'Asia/Jakarta',
    today: IMPORT_DAY,
    known: new Map(known.map((k) => [k.nip, k])),
    knownUnitParents: new Map(),
    deactivateMissing: false,
    ...overrides,
  };
}
