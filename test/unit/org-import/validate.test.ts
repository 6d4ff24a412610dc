import { describe, expect, it } from 'vitest';
import { parseEmploymentStatus, parsePositionType, parseRank, resolveColumns } from '../../../src/org-import/columns.js';
import { validateRows, type KnownEmployee } from '../../../src/org-import/validate.js';
import { orgRow, validationContext } from '../../support/org-rows.js';

const HEAD = '197203151998031004';
const KABID = '198001102005011003';
const STAFF = '199002142014021001';
const STAFF2 = '199108252015032002';

const row = orgRow;
const context = validationContext;

function codes(result: ReturnType<typeof validateRows>) {
  return Object.fromEntries(result.rejected.map((r) => [r.line, r.issues.map((i) => i.code)]));
}

describe('organisation rows', () => {
  it('accepts a clean chain and fills the default time zone', () => {
    const result = validateRows([row(2, HEAD), row(3, KABID, HEAD), row(4, STAFF, KABID)], context());
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => [r.nip, r.supervisorNip, r.timeZone])).toEqual([
      [HEAD, null, 'Asia/Jakarta'],
      [KABID, HEAD, 'Asia/Jakarta'],
      [STAFF, KABID, 'Asia/Jakarta'],
    ]);
  });

  it('refuses, down the chain, everyone whose supervisor was refused', () => {
    const result = validateRows([row(2, HEAD, '', { status: 'Honorer' }), row(3, KABID, HEAD), row(4, STAFF, KABID)], context());
    expect(codes(result)).toEqual({ 2: ['STATUS_UNKNOWN'], 3: ['SUPERVISOR_REJECTED'], 4: ['SUPERVISOR_REJECTED'] });
    expect(result.rejected[2]?.issues[0]).toEqual({ code: 'SUPERVISOR_REJECTED', nip: KABID, line: 3 });
  });

  it('keeps a subordinate whose refused supervisor row is already stored and active', () => {
    const stored: KnownEmployee = { nip: HEAD, agencyId: 'a1', active: true, supervisorNip: null };
    const result = validateRows([row(2, HEAD, '', { status: 'Honorer' }), row(3, KABID, HEAD)], context([stored]));
    expect(codes(result)).toEqual({ 2: ['STATUS_UNKNOWN'] });
  });

  it('treats stored people as gone when the import will deactivate those missing from the file', () => {
    const stored: KnownEmployee = { nip: HEAD, agencyId: 'a1', active: true, supervisorNip: null };
    const result = validateRows([row(3, KABID, HEAD)], context([stored], { deactivateMissing: true }));
    expect(codes(result)).toEqual({ 3: ['SUPERVISOR_INACTIVE'] });
  });

  it('refuses both copies of a duplicated NIP or e-mail address', () => {
    const result = validateRows(
      [row(2, HEAD), row(3, HEAD), row(4, STAFF, '', { email: 'a@x.go.id' }), row(5, STAFF2, '', { email: 'A@x.go.id' })],
      context(),
    );
    expect(result.rejected.map((r) => r.issues[0])).toEqual([
      { code: 'NIP_DUPLICATE', lines: [3] },
      { code: 'NIP_DUPLICATE', lines: [2] },
      { code: 'EMAIL_DUPLICATE', lines: [5] },
      { code: 'EMAIL_DUPLICATE', lines: [4] },
    ]);
  });

  it('refuses someone who is their own supervisor, or a unit that is its own parent', () => {
    const result = validateRows([row(2, HEAD, HEAD), row(3, STAFF, '', { unit: 'Dinas A', unit_induk: 'dinas  a' })], context());
    expect(codes(result)).toEqual({ 2: ['SUPERVISOR_SELF'], 3: ['UNIT_SAME_AS_PARENT'] });
  });

  it('lists every problem of a row, not just the first', () => {
    const result = validateRows([row(2, '123', 'abc', { status: 'X', zona_waktu: 'Mars', email: 'no', telegram: '@1a', nama: '' })], context());
    expect(codes(result)[2]).toEqual([
      'MISSING_FIELD',
      'NIP_INVALID',
      'SUPERVISOR_NIP_INVALID',
      'STATUS_UNKNOWN',
      'TIME_ZONE_UNKNOWN',
      'EMAIL_INVALID',
      'TELEGRAM_INVALID',
    ]);
  });

  it('accepts the column aliases HR exports use', () => {
    expect(resolveColumns(['nip', 'nama_pegawai', 'nama_jabatan', 'jenis_jabatan', 'status_pegawai', 'unit_kerja', 'foto'])).toEqual({
      missing: [],
      unknown: ['foto'],
    });
  });
});

describe('position types and employment status', () => {
  it.each([
    ['JPT Pratama', 'JPT', 'Pratama'],
    ['Jabatan Pimpinan Tinggi Madya', 'JPT', 'Madya'],
    ['administrator', 'ADMINISTRATOR', null],
    ['Pengawas', 'PENGAWAS', null],
    ['Pelaksana', 'PELAKSANA', null],
    ['Fungsional', 'FUNGSIONAL', null],
    ['Fungsional Ahli', 'FUNGSIONAL', 'Ahli'],
    ['Fungsional Ahli Muda', 'FUNGSIONAL', 'Ahli Muda'],
    ['Jabatan Fungsional Terampil', 'FUNGSIONAL', 'Terampil'],
  ])('reads "%s" as %s %s', (raw, type, level) => {
    expect(parsePositionType(raw)).toEqual({ type, level });
  });

  it.each(['Struktural', 'Staf', 'Fungsional Hebat', ''])('does not guess "%s"', (raw) => {
    expect(parsePositionType(raw)).toBeUndefined();
  });

  it('reads PNS, CPNS, PPPK and P3K', () => {
    expect(['PNS', 'cpns', 'PPPK', 'p3k', 'Honorer'].map(parseEmploymentStatus)).toEqual(['PNS', 'PNS', 'PPPK', 'PPPK', undefined]);
  });
});

describe('pangkat/golongan', () => {
  it('keeps a PNS golongan ruang as written, with or without the pangkat', () => {
    expect(['Pembina Tk. I, IV/b', 'III/c', 'Penata Muda (III/a)', 'pengatur  tk. i, ii/d'].map(parseRank)).toEqual(['Pembina Tk. I, IV/b', 'III/c', 'Penata Muda (III/a)', 'pengatur tk. i, ii/d']);
  });

  it('reads a PPPK golongan I to XVII, in Roman or Arabic numerals', () => {
    expect(['IX', 'golongan V', 'XVII', '17', '1'].map(parseRank)).toEqual(['IX', 'golongan V', 'XVII', '17', '1']);
  });

  it('refuses what names no golongan: V/a, XVIII, 18, a pangkat alone', () => {
    expect(['V/a', 'XVIII', '18', 'Pembina', 'IV/f', ''].map(parseRank)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses a row with an unknown pangkat_golongan, naming it', () => {
    const result = validateRows([row(2, STAFF, '', { pangkat_golongan: 'Pembina' })], context());
    expect(codes(result)).toEqual({ 2: ['RANK_INVALID'] });
  });
});
