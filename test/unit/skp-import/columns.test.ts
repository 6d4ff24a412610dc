import { describe, expect, it } from 'vitest';
import { parseAspect, parseDate, parseKind, parsePerspective, parseRow, parseYear, resolveColumns } from '../../../src/skp-import/columns.js';
import { buildPlan, groupRows, type PersonFacts } from '../../../src/skp-import/validate.js';
import { normaliseColumnName } from '../../../src/files/table.js';

const BUDI = '197203151998031004';

function row(line: number, cells: Record<string, string>) {
  return { line, cells: { nip: BUDI, tahun: '2026', jenis_rhk: 'utama', rhk: 'RHK satu', aspek: 'kuantitas', indikator: 'Jumlah laporan', target: '4 laporan', ...cells } };
}

const head: PersonFacts = { isJpt: true, active: true, supervisorName: null, leaderRhks: null };

describe('SKP columns', () => {
  it('accepts e-Kinerja headers as aliases and names the missing required columns', () => {
    const columns = ['NIP', 'Periode', 'Jenis Hasil Kerja', 'Rencana Hasil Kerja', 'Perspektif', 'Aspek', 'Indikator Kinerja Individu', 'Target', 'RHK Pimpinan yang Diintervensi', 'Catatan'].map(normaliseColumnName);
    expect(resolveColumns(columns)).toEqual({ missing: [], unknown: ['catatan'] });
    expect(resolveColumns(['nip', 'tahun']).missing).toEqual(['jenis_rhk', 'rhk', 'aspek', 'indikator', 'target']);
  });

  it('reads kinds, aspects, perspektif, years and dates as HR writes them', () => {
    expect([parseKind('Utama'), parseKind('RHK Tambahan'), parseKind('pokok')]).toEqual(['UTAMA', 'TAMBAHAN', undefined]);
    expect([parseAspect('Kuantitas'), parseAspect('aspek waktu'), parseAspect('BIAYA'), parseAspect('kecepatan')]).toEqual(['KUANTITAS', 'WAKTU', 'BIAYA', undefined]);
    expect([parsePerspective('penerima_layanan'), parsePerspective('Perspektif Proses Bisnis'), parsePerspective('keuangan')]).toEqual(['PENERIMA_LAYANAN', 'PROSES_BISNIS', undefined]);
    expect([parseYear('2026'), parseYear('26'), parseYear('2026/2027')]).toEqual([2026, undefined, undefined]);
    expect([parseDate('2026-01-05'), parseDate('05/01/2026'), parseDate('5 Januari 2026'), parseDate('31-02-2026'), parseDate('kemarin')]).toEqual(['2026-01-05', '2026-01-05', '2026-01-05', undefined, undefined]);
  });

  it('splits targets into number and unit, reading numbers the Indonesian way', () => {
    const parsed = (target: string) => {
      const result = parseRow(row(2, { target }));
      return result.ok ? result.row.target : undefined;
    };
    expect(parsed('4 laporan')).toEqual({ value: 4, unit: 'laporan', text: null });
    expect(parsed('100%')).toEqual({ value: 100, unit: '%', text: null });
    expect(parsed('85,5 poin')).toEqual({ value: 85.5, unit: 'poin', text: null });
    expect(parsed('1.000 dokumen')).toEqual({ value: 1000, unit: 'dokumen', text: null });
    expect(parsed('Laporan diterima pimpinan')).toEqual({ value: null, unit: null, text: 'Laporan diterima pimpinan' });
  });

  it('gives every reason a bad row has', () => {
    const result = parseRow(row(7, { nip: '1972', tahun: '26', jenis_rhk: 'pokok', indikator: '', tanggal_penetapan: '5 Januari 2024' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(['MISSING_FIELD', 'NIP_INVALID', 'YEAR_INVALID', 'KIND_UNKNOWN']);
    const late = parseRow(row(8, { tanggal_penetapan: '5 Januari 2024' }));
    expect(!late.ok && late.issues).toEqual([{ code: 'DATE_OTHER_YEAR', value: '5 Januari 2024', year: 2026 }]);
  });
});

describe('one SKP per person', () => {
  it('assembles RHK from their indicator rows, values given once per RHK and per SKP', () => {
    const { groups } = groupRows([
      row(2, { perspektif: 'Proses Bisnis', tanggal_penetapan: '2026-01-05', nomor_dokumen: 'PK/1' }),
      row(3, { aspek: 'waktu', indikator: 'Ketepatan waktu', target: '12 bulan' }),
      row(4, { jenis_rhk: 'tambahan', rhk: 'RHK dua', perspektif: 'Anggaran' }),
    ]);
    expect(groups).toHaveLength(1);
    const built = buildPlan(groups[0]!, head);
    expect(built.ok && built.plan).toMatchObject({
      establishedOn: '2026-01-05',
      documentNumber: 'PK/1',
      lines: [2, 3, 4],
      rhks: [
        { kind: 'UTAMA', text: 'RHK satu', perspective: 'PROSES_BISNIS', indicators: [{ aspect: 'KUANTITAS' }, { aspect: 'WAKTU' }] },
        { kind: 'TAMBAHAN', text: 'RHK dua', perspective: 'ANGGARAN', indicators: [{ aspect: 'KUANTITAS' }] },
      ],
    });
  });

  it('refuses the whole SKP for one bad row, naming that line on the others', () => {
    const { groups } = groupRows([row(2, { perspektif: 'Anggaran' }), row(3, { perspektif: 'Anggaran', aspek: 'kecepatan' }), row(4, { perspektif: 'Anggaran', indikator: 'Ketiga', nomor_dokumen: 'A' }), row(5, { perspektif: 'Anggaran', indikator: 'Lain', nomor_dokumen: 'B' })]);
    const built = buildPlan(groups[0]!, head);
    expect(!built.ok && built.rejected).toEqual([
      { line: 2, nip: BUDI, issues: [{ code: 'PERSON_REJECTED', lines: [3, 5] }] },
      { line: 3, nip: BUDI, issues: [{ code: 'ASPECT_UNKNOWN', value: 'kecepatan' }] },
      { line: 4, nip: BUDI, issues: [{ code: 'PERSON_REJECTED', lines: [3, 5] }] },
      { line: 5, nip: BUDI, issues: [{ code: 'CONFLICT', field: 'nomor_dokumen', value: 'B', other: 'A', line: 4 }] },
    ]);
  });

  it('asks a JPT for perspektif, refuses it from others, and needs a known leader RHK from staff', () => {
    const jpt = buildPlan(groupRows([row(2, {})]).groups[0]!, head);
    expect(!jpt.ok && jpt.rejected[0]?.issues).toEqual([{ code: 'PERSPECTIVE_REQUIRED' }]);
    const staffFacts: PersonFacts = { isJpt: false, active: true, supervisorName: 'Budi', leaderRhks: new Map([['rhk kepala', { id: 'r1', text: 'RHK Kepala' }]]) };
    const staff = buildPlan(groupRows([row(2, { perspektif: 'Anggaran', rhk_atasan: 'rhk  KEPALA' }), row(3, { rhk: 'RHK lain' })]).groups[0]!, staffFacts);
    expect(!staff.ok && staff.rejected.map((r) => r.issues)).toEqual([[{ code: 'PERSPECTIVE_NOT_JPT' }], [{ code: 'LEADER_RHK_REQUIRED' }]]);
    const aligned = buildPlan(groupRows([row(2, { rhk_atasan: 'rhk  KEPALA' })]).groups[0]!, staffFacts);
    expect(aligned.ok && aligned.plan.rhks[0]).toMatchObject({ leaderRhkId: 'r1', leaderText: 'RHK Kepala' });
  });

  it('refuses every row of an NIP that is not an employee, and a row without a year refuses its person', () => {
    const unknown = buildPlan(groupRows([row(2, {})]).groups[0]!, undefined);
    expect(!unknown.ok && unknown.rejected[0]?.issues).toEqual([{ code: 'EMPLOYEE_UNKNOWN', nip: BUDI }]);
    const { groups, orphans } = groupRows([row(2, { perspektif: 'Anggaran' }), row(3, { tahun: 'dua ribu' })]);
    expect(orphans).toEqual([]);
    const built = buildPlan(groups[0]!, head);
    expect(!built.ok && built.rejected.map((r) => r.issues[0]?.code)).toEqual(['PERSON_REJECTED', 'YEAR_INVALID']);
  });
});
