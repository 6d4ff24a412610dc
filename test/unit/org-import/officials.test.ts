import { describe, expect, it } from 'vitest';
import { externalOfficialKey, parseRow, resolveColumns } from '../../../src/org-import/columns.js';
import { describeIssue } from '../../../src/org-import/report.js';
import { validateRows, type KnownEmployee } from '../../../src/org-import/validate.js';
import { orgRow, validationContext, IMPORT_DAY } from '../../support/org-rows.js';

const HEAD = '197203151998031004';
const KABID = '198001102005011003';
const KASUBAG = '198506302009031002';
const STAFF = '199002142014021001';
const OTHER = '199108252015032002';

const row = orgRow;
const context = validationContext;

const stored = (nip: string, supervisorNip: string | null, extra: Partial<KnownEmployee> = {}): KnownEmployee => ({
  nip,
  agencyId: 'a1',
  active: true,
  supervisorNip,
  ...extra,
});

function codes(result: ReturnType<typeof validateRows>) {
  return Object.fromEntries(result.rejected.map((r) => [r.line, r.issues.map((i) => i.code)]));
}

const parsed = (extra: Record<string, string>) => {
  const result = parseRow(row(2, STAFF, '', extra), { timeZone: 'Asia/Jakarta', today: IMPORT_DAY });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.row;
};

describe('the PPK columns of one row', () => {
  it('knows the new columns and their aliases', () => {
    const columns = ['nip', 'nama', 'jabatan', 'jenis_jabatan', 'status', 'unit'];
    expect(resolveColumns([...columns, 'nip_ppk_delegasi', 'jabatan_ppk_luar', 'nama_ppk_luar', 'jabatan_atasan_ppk_luar', 'nama_atasan_ppk_luar'])).toEqual({
      missing: [],
      unknown: [],
    });
    // Not an alias: some HR exports mean the direct superior by it, and every row would become a delegation.
    expect(resolveColumns([...columns, 'nip_pejabat_penilai']).unknown).toEqual(['nip_pejabat_penilai']);
  });

  it('leaves a value alone when the file lacks its column, and clears it when the cell is empty', () => {
    const absent = parsed({});
    expect('ppkDelegateNip' in absent || 'externalPpk' in absent || 'externalAtasanPpk' in absent).toBe(false);
    expect(parsed({ nip_ppk: '', ppk_luar: '', nama_ppk_luar: '', atasan_ppk_luar: '', nama_atasan_ppk_luar: '' })).toMatchObject({
      ppkDelegateNip: null,
      externalPpk: null,
      externalAtasanPpk: null,
    });
  });

  it('reads a delegate NIP with spaces and an official with untidy spaces', () => {
    expect(parsed({ nip_ppk: '19800110 200501 1 003', ppk_luar: ' Gubernur   Contoh ', nama_ppk_luar: 'Dr. Bambang' })).toMatchObject({
      ppkDelegateNip: KABID,
      externalPpk: { title: 'Gubernur Contoh', name: 'Dr. Bambang' },
    });
  });

  it('refuses an office without a name and a name without an office, naming the empty column', () => {
    const result = parseRow(row(2, STAFF, '', { ppk_luar: 'Gubernur Contoh', nama_ppk_luar: '', atasan_ppk_luar: '', nama_atasan_ppk_luar: 'Dr. Bambang' }), { timeZone: 'Asia/Jakarta', today: IMPORT_DAY });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: 'ppk_luar', empty: 'nama_ppk_luar', value: 'Gubernur Contoh' },
      { code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: 'nama_atasan_ppk_luar', empty: 'atasan_ppk_luar', value: 'Dr. Bambang' },
    ]);
  });

  it('refuses a title whose name column is missing from the file altogether', () => {
    const result = parseRow(row(2, STAFF, '', { ppk_luar: 'Gubernur Contoh' }), { timeZone: 'Asia/Jakarta', today: IMPORT_DAY });
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['EXTERNAL_OFFICIAL_INCOMPLETE']);
  });

  it('refuses a malformed nip_ppk', () => {
    const result = parseRow(row(2, STAFF, '', { nip_ppk: '12345' }), { timeZone: 'Asia/Jakarta', today: IMPORT_DAY });
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['DELEGATE_NIP_INVALID']);
  });

  it('treats officials as the same regardless of case and repeated spaces', () => {
    expect(externalOfficialKey({ title: 'Gubernur  Contoh', name: 'dr. bambang' })).toBe(externalOfficialKey({ title: 'gubernur contoh', name: 'Dr. Bambang' }));
    expect(externalOfficialKey({ title: 'Gubernur', name: 'A B' })).not.toBe(externalOfficialKey({ title: 'Gubernur A', name: 'B' }));
  });
});

describe('delegations of the PPK authority across rows', () => {
  it('accepts a delegate above or beside the employee, in the file or stored', () => {
    const result = validateRows(
      [row(2, HEAD), row(3, KABID, HEAD), row(4, STAFF, KABID, { nip_ppk: HEAD }), row(5, OTHER, KABID, { nip_ppk: KASUBAG })],
      context([stored(KASUBAG, HEAD)]),
    );
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => r.ppkDelegateNip)).toEqual([undefined, undefined, HEAD, KASUBAG]);
  });

  it('refuses oneself, an unknown NIP, someone of another agency and an inactive delegate', () => {
    const result = validateRows(
      [row(2, HEAD, '', { nip_ppk: HEAD }), row(3, KABID, HEAD, { nip_ppk: '199901012020011001' }), row(4, STAFF, HEAD, { nip_ppk: OTHER }), row(5, KASUBAG, HEAD, { nip_ppk: '199512012022212001' })],
      context([stored(OTHER, null, { agencyId: 'a2' }), stored('199512012022212001', null, { active: false })]),
    );
    expect(result.rejected.map((r) => r.issues)).toEqual([
      [{ code: 'DELEGATE_SELF' }],
      [{ code: 'DELEGATE_UNKNOWN', nip: '199901012020011001' }],
      [{ code: 'DELEGATE_UNKNOWN', nip: OTHER }],
      [{ code: 'DELEGATE_INACTIVE', nip: '199512012022212001' }],
    ]);
  });

  it('treats a stored delegate as gone when the import deactivates those missing from the file', () => {
    const result = validateRows([row(2, HEAD), row(3, STAFF, HEAD, { nip_ppk: KABID })], context([stored(KABID, HEAD)], { deactivateMissing: true }));
    expect(codes(result)).toEqual({ 3: ['DELEGATE_INACTIVE'] });
  });

  it('refuses a delegate below the employee, in the file or through someone only the database knows', () => {
    // KABID → (stored) KASUBAG → STAFF: STAFF is two steps below KABID.
    const result = validateRows(
      [row(2, HEAD), row(3, KABID, HEAD, { nip_ppk: STAFF }), row(4, STAFF, KASUBAG), row(5, OTHER, HEAD, { nip_ppk: '' })],
      context([stored(HEAD, null), stored(KASUBAG, KABID)]),
    );
    expect(result.rejected).toEqual([{ line: 3, nip: KABID, issues: [{ code: 'DELEGATE_BELOW', nip: STAFF }] }]);
  });

  it('judges "below" on the tree the file leaves behind, not the stored one', () => {
    // Stored: STAFF reports to KABID. The file moves STAFF under HEAD, beside KABID.
    const result = validateRows([row(2, HEAD), row(3, KABID, HEAD, { nip_ppk: STAFF }), row(4, STAFF, HEAD)], context([stored(STAFF, KABID)]));
    expect(result.rejected).toEqual([]);
  });

  it('refuses two people who delegate their PPK authority to each other, in the file or against a stored delegation', () => {
    const inFile = validateRows([row(2, HEAD), row(3, KABID, HEAD, { nip_ppk: KASUBAG }), row(4, KASUBAG, HEAD, { nip_ppk: KABID })], context());
    expect(codes(inFile)).toEqual({ 3: ['DELEGATE_MUTUAL'], 4: ['DELEGATE_MUTUAL'] });

    const againstStored = validateRows([row(2, HEAD), row(3, KABID, HEAD, { nip_ppk: KASUBAG })], context([stored(KASUBAG, HEAD, { ppkDelegateNip: KABID })]));
    expect(codes(againstStored)).toEqual({ 3: ['DELEGATE_MUTUAL'] });

    // The file clears KASUBAG's stored delegation in the same import, so KABID's may stand.
    const cleared = validateRows(
      [row(2, HEAD), row(3, KABID, HEAD, { nip_ppk: KASUBAG }), row(4, KASUBAG, HEAD, { nip_ppk: '' })],
      context([stored(KASUBAG, HEAD, { ppkDelegateNip: KABID })]),
    );
    expect(cleared.rejected).toEqual([]);
  });

  it('refuses a row whose delegate row was refused, unless the delegate is already stored and active', () => {
    const fresh = validateRows([row(2, HEAD), row(3, KABID, HEAD, { status: 'Honorer' }), row(4, STAFF, HEAD, { nip_ppk: KABID })], context());
    expect(fresh.rejected[1]).toEqual({ line: 4, nip: STAFF, issues: [{ code: 'DELEGATE_REJECTED', nip: KABID, line: 3 }] });

    const known = validateRows([row(2, HEAD), row(3, KABID, HEAD, { status: 'Honorer' }), row(4, STAFF, HEAD, { nip_ppk: KABID })], context([stored(KABID, HEAD)]));
    expect(codes(known)).toEqual({ 3: ['STATUS_UNKNOWN'] });
  });

  it('explains every refusal in Indonesian and English', () => {
    expect(describeIssue({ code: 'DELEGATE_BELOW', nip: STAFF }, 'id')).toBe(
      `pejabat penerima delegasi (nip_ppk ${STAFF}) berada di bawah pegawai ini dalam rantai nip_atasan; keduanya akan saling menilai`,
    );
    expect(describeIssue({ code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: 'ppk_luar', empty: 'nama_ppk_luar', value: 'Gubernur Contoh' }, 'id')).toBe(
      'ppk_luar "Gubernur Contoh" diisi tetapi nama_ppk_luar kosong: isi jabatan dan nama pejabat bersama-sama, atau kosongkan keduanya',
    );
    expect(describeIssue({ code: 'DELEGATE_SELF' }, 'en')).toMatch(/own NIP/);
    expect(describeIssue({ code: 'DELEGATE_NIP_INVALID', value: '123', reason: 'NOT_18_DIGITS' }, 'id')).toMatch(/^nip_ppk "123" tidak valid: /);
  });
});

describe('the effective date of a move (tanggal_efektif; today is 15 June 2027)', () => {
  it('reads the column and its aliases in the formats HR writes', () => {
    expect(resolveColumns(['nip', 'tmt_jabatan']).unknown).toEqual([]);
    expect(parsed({ tanggal_efektif: '01/06/2027' }).effectiveDate).toBe('2027-06-01');
    expect(parsed({ tanggal_efektif: '2027-06-15' }).effectiveDate).toBe('2027-06-15');
    expect(parsed({ tanggal_efektif: '' }).effectiveDate).toBeUndefined();
  });

  it('refuses a date that is not one, one still ahead, or one in another performance year', () => {
    const refused = (value: string) => {
      const result = parseRow(row(2, STAFF, '', { tanggal_efektif: value }), { timeZone: 'Asia/Jakarta', today: IMPORT_DAY });
      return result.ok ? [] : result.issues.map((issue) => issue.code);
    };
    expect(refused('31/02/2027')).toEqual(['EFFECTIVE_DATE_INVALID']);
    expect(refused('2027-06-16')).toEqual(['EFFECTIVE_DATE_FUTURE']);
    expect(refused('2026-12-01')).toEqual(['EFFECTIVE_DATE_OTHER_YEAR']);
    expect(describeIssue({ code: 'EFFECTIVE_DATE_FUTURE', value: '2027-06-16' }, 'id')).toMatch(/^tanggal_efektif 2027-06-16 belum tiba/);
  });
});
