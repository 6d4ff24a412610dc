import { describe, expect, it } from 'vitest';
import { makePeriod, periodsOfYear } from '../../../src/domain/periods.js';
import { weekKeysOf, type EmployeeExportRow, type EvaluationExport } from '../../../src/reports/evaluation-export.js';
import { exportBaseName, exportTables } from '../../../src/reports/export-tables.js';
import { noTexts } from '../../support/export-texts.js';

const employee = (over: Partial<EmployeeExportRow> = {}): EmployeeExportRow => ({
  nip: '199003222015031002',
  name: 'Andi Pratama',
  position: 'Pranata Komputer Ahli Muda',
  unit: 'Seksi Pengembangan Aplikasi',
  rater: { nip: '198209172006042002', name: 'Sri Wahyuni' },
  plan: { status: 'AGREED', version: 2, rhkCount: 3 },
  progressEntries: 4,
  evidence: 2,
  feedback: { total: 3, apresiasi: 2, perbaikan: 1 },
  checkins: { answered: 10, missed: 2 },
  evaluation: null,
  ...over,
});

const data = (employees: EmployeeExportRow[]): EvaluationExport => ({
  agency: { id: 'a', name: 'Pemerintah Provinsi Contoh', timeZone: 'Asia/Jakarta' },
  unit: null,
  period: makePeriod('QUARTER', 2026, 4),
  kind: 'PERIODIC',
  employees,
  rhk: [],
  texts: noTexts,
});

describe('weekKeysOf', () => {
  it('gives each ISO week to the one quarter holding its Thursday, across the turn of the year', () => {
    const weeks = [...periodsOfYear(2026, 'QUARTERLY'), ...periodsOfYear(2027, 'QUARTERLY')].flatMap(weekKeysOf);
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(weekKeysOf(makePeriod('QUARTER', 2026, 4))).toHaveLength(14);
    expect(weekKeysOf(makePeriod('QUARTER', 2026, 4)).at(-1)).toBe('2026-W53'); // Thursday 31 December 2026
    expect(weekKeysOf(makePeriod('QUARTER', 2027, 1))[0]).toBe('2027-W01');
    expect(weekKeysOf(makePeriod('YEAR', 2026, 1))).toHaveLength(53);
  });
});

describe('exportTables', () => {
  it('keeps NIPs as text and counts as numbers, with Indonesian headers by default', () => {
    const [employees] = exportTables(data([employee()]), 'id');
    const column = (header: string) => employees.columns.findIndex((c) => c.header === header);
    expect(employees.sheet).toBe('Pegawai');
    expect(employees.columns[column('NIP')]?.kind).toBe('text');
    expect(employees.columns[column('Realisasi dicatat')]?.kind).toBe('number');
    expect(employees.rows[0]?.[column('NIP')]).toBe('199003222015031002');
    expect(employees.rows[0]?.[column('Laporan progres mingguan terlewat')]).toBe(2);
    expect(employees.rows[0]?.[column('Status penilaian')]).toBe('Belum dinilai');
  });

  it('gives the predikat a decided objection changed as the final one, and joins the follow-ups', () => {
    const evaluated = employee({
      evaluation: {
        status: 'DECIDED',
        resultsRating: 'SESUAI',
        behaviourRating: 'SESUAI',
        predikat: 'BAIK',
        finalizedOn: { year: 2026, month: 12, day: 29 },
        acknowledgedOn: null,
        objection: { status: 'DECIDED', decision: 'CHANGED', changedPredikat: 'SANGAT_BAIK' },
        followUps: [
          { kind: 'PENGHARGAAN', recommendation: 'Pegawai berprestasi', decision: null },
          { kind: 'PENGEMBANGAN', recommendation: 'Pelatihan analisis data', decision: 'Disetujui' },
          { kind: 'PENEMPATAN', recommendation: 'Promosi ke Analis Kebijakan', decision: 'mulai Maret', decided: { outcome: 'DISETUJUI', officialName: 'Gubernur Contoh', documentNumber: '800/45/BKPSDM/2027', decidedOn: '2027-02-01' } },
        ],
      },
    });
    const [employees] = exportTables(data([evaluated]), 'en');
    const row = Object.fromEntries(employees.columns.map((c, i) => [c.header, employees.rows[0]?.[i]]));
    expect(row).toMatchObject({
      'Performance predikat': 'Good (Baik)',
      'Final predikat': 'Very Good (Sangat Baik)',
      'Finalized on': '2026-12-29',
      'Follow-up':
        'Reward: Pegawai berprestasi; Development: Pelatihan analisis data (decision: Disetujui); Placement: Promosi ke Analis Kebijakan (approved by Gubernur Contoh, document 800/45/BKPSDM/2027 of 2027-02-01; mulai Maret)',
      'Established predikat': 'Very Good (Sangat Baik)',
    });
  });

  it('gives the established predikat while a keberatan is open, where the predikat akhir waits for the decision', () => {
    const objected = employee({
      evaluation: {
        status: 'OBJECTED',
        resultsRating: 'DI_BAWAH',
        behaviourRating: 'SESUAI',
        predikat: 'BUTUH_PERBAIKAN',
        finalizedOn: { year: 2026, month: 12, day: 29 },
        acknowledgedOn: null,
        objection: { status: 'UNDER_REVIEW', decision: null, changedPredikat: null },
        followUps: [],
      },
    });
    const [employees] = exportTables(data([objected, employee()]), 'id');
    const rows = employees.rows.map((cells) => Object.fromEntries(employees.columns.map((c, i) => [c.header, cells[i]])));
    expect(rows[0]).toMatchObject({ 'Predikat akhir': null, 'Predikat ditetapkan': 'Butuh Perbaikan' });
    expect(rows[1]).toMatchObject({ 'Predikat ditetapkan': null });
    // Appended: the columns before it keep their places.
    expect(employees.columns.at(-1)?.header).toBe('Predikat ditetapkan');
    expect(employees.columns.at(-2)?.header).toBe('Tindak lanjut');
  });

  it('names files after the unit or agency and the period', () => {
    expect(exportBaseName(data([]))).toBe('ekspor-pemerintah-provinsi-contoh-2026-Q4');
    expect(exportBaseName({ ...data([]), unit: { id: 'u', name: 'Seksi Pengembangan/Aplikasi' } })).toBe('ekspor-seksi-pengembangan-aplikasi-2026-Q4');
  });
});
