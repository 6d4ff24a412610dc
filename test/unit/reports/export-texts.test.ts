import { describe, expect, it } from 'vitest';
import { makePeriod } from '../../../src/domain/periods.js';
import { readCsv } from '../../../src/files/table.js';
import { establishedPredikat } from '../../../src/reports/established-predikat.js';
import type { EvaluationExport } from '../../../src/reports/evaluation-export.js';
import { defaultEvidenceLinker, describeEvidence, type EvidenceRef } from '../../../src/reports/evidence-links.js';
import { exportCsv } from '../../../src/reports/export-files.js';
import { exportTextTables, linesCell, MAX_CELL_CHARS } from '../../../src/reports/export-text-tables.js';
import { behaviourTextRowsOf, rhkTextRowsOf, type PlacedRealisasi, type RhkTextRow, type TextSubject } from '../../../src/reports/export-texts.js';
import { exportText } from '../../../src/i18n/export.js';
import { textsOf } from '../../support/export-texts.js';

const on = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

const andi: TextSubject = {
  id: 'andi',
  nip: '199003222015031002',
  name: 'Andi Pratama',
  unit: 'Seksi Pengembangan Aplikasi',
  timeZone: 'Asia/Jakarta',
  planId: 'plan',
  rhks: [
    {
      id: 'rhk-1-v2',
      lineageId: 'rhk-1',
      kind: 'UTAMA',
      text: 'Tersedianya modul perizinan daring',
      indicators: [
        { id: 'ind-modules', text: 'Jumlah modul yang selesai', targetValue: 6, targetUnit: 'modul', targetText: null },
        { id: 'ind-time', text: 'Modul selesai tepat waktu', targetValue: 12.5, targetUnit: 'bulan', targetText: null },
      ],
    },
    { id: 'rhk-2', lineageId: 'rhk-2', kind: 'TAMBAHAN', text: 'Terdokumentasinya API layanan', indicators: [] },
  ],
};

const entry = (id: string, date: string, lineageId: string, indicatorId: string | null, value: number | null = null): PlacedRealisasi => ({ id, on: on(date), lineageId, indicatorId, text: `Realisasi ${id}`, value });

describe('rhkTextRowsOf', () => {
  const realisasi = [
    entry('e1', '2026-10-05', 'rhk-1', 'ind-modules', 4),
    entry('e2', '2026-10-07', 'rhk-1', null), // on the RHK as a whole
    entry('e3', '2026-10-09', 'rhk-1', 'ind-time'),
    entry('e4', '2026-10-01', 'rhk-1', 'ind-of-version-1'), // an indicator the plan no longer has
    entry('e5', '2026-11-20', 'rhk-1', 'ind-modules', 5),
    entry('e6', '2026-12-01', 'rhk-2', null),
    entry('e7', '2026-12-02', 'rhk-of-another-plan', null),
  ];
  const feedback = [
    { lineageId: 'rhk-1', on: on('2026-11-02'), kind: 'PERBAIKAN' as const, giver: 'Sri Wahyuni', text: 'Lengkapi uji coba.' },
    { lineageId: 'rhk-2', on: on('2026-12-03'), kind: 'APRESIASI' as const, giver: 'Sri Wahyuni', text: 'Rapi.' },
  ];
  const evidence = new Map([
    ['e1', ['https://drive.contoh.go.id/a', 'berkas bukti.pdf (Telegram)']],
    ['e3', ['https://drive.contoh.go.id/c']],
    ['e2', ['https://drive.contoh.go.id/b']],
  ]);
  const rows = rhkTextRowsOf(andi, realisasi, feedback, evidence, new Map([['ind-modules', 5]]));
  const texts = (row: RhkTextRow | undefined) => row?.realisasi.map((item) => item.text);

  it('gives one row per RHK and indicator, with the target and the last value of the indicator', () => {
    expect(rows.map((row) => [row.number, row.indicator, row.target?.value ?? null, row.lastValue])).toEqual([
      [1, 'Jumlah modul yang selesai', 6, 5],
      [1, 'Modul selesai tepat waktu', 12.5, null],
      [2, null, null, null],
    ]);
  });

  it("puts an entry on its indicator's row, and entries on the RHK as a whole on its first row, in date order", () => {
    expect(texts(rows[0])).toEqual(['Realisasi e4', 'Realisasi e1', 'Realisasi e2', 'Realisasi e5']);
    expect(texts(rows[1])).toEqual(['Realisasi e3']);
    expect(texts(rows[2])).toEqual(['Realisasi e6']);
    // Nothing from another RHK, nothing twice.
    expect(rows.flatMap((row) => row.realisasi)).toHaveLength(6);
  });

  it("gives the RHK's feedback once, on its first row, and each entry's evidence on the entry's row", () => {
    expect(rows.map((row) => row.feedback.map((item) => item.text))).toEqual([['Lengkapi uji coba.'], [], ['Rapi.']]);
    expect(rows[0]?.evidence).toEqual(['https://drive.contoh.go.id/a', 'berkas bukti.pdf (Telegram)', 'https://drive.contoh.go.id/b']);
    expect(rows[1]?.evidence).toEqual(['https://drive.contoh.go.id/c']);
  });
});

describe('behaviourTextRowsOf', () => {
  it('gives the seven BerAKHLAK values in order, each with its expectation and feedback', () => {
    const rows = behaviourTextRowsOf(andi, new Map([['kolaboratif', 'Membagi pengetahuan dengan tim']]), [
      { coreValue: 'kolaboratif', on: on('2026-11-23'), kind: 'APRESIASI', giver: 'Sri Wahyuni', text: 'Membantu rekan.' },
    ]);
    expect(rows.map((row) => row.coreValue)).toEqual(['pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif']);
    expect(rows[6]).toMatchObject({ expectation: 'Membagi pengetahuan dengan tim', feedback: [{ text: 'Membantu rekan.' }] });
    expect(rows[0]).toMatchObject({ expectation: null, feedback: [] });
  });
});

describe('establishedPredikat', () => {
  const evaluation = (status: 'DRAFT' | 'FINAL' | 'OBJECTED' | 'DECIDED', objection: { status: 'UNDER_REVIEW' | 'DECIDED'; changedPredikat: 'SANGAT_BAIK' | null } | null = null) => ({ status, predikat: 'BAIK' as const, objection });

  it('is the predikat once finalised, and the decided one after a keberatan changed it', () => {
    expect(establishedPredikat(null)).toBeNull();
    expect(establishedPredikat(evaluation('DRAFT'))).toBeNull();
    expect(establishedPredikat(evaluation('FINAL'))).toBe('BAIK');
    expect(establishedPredikat(evaluation('OBJECTED', { status: 'UNDER_REVIEW', changedPredikat: null }))).toBe('BAIK');
    expect(establishedPredikat(evaluation('DECIDED', { status: 'DECIDED', changedPredikat: 'SANGAT_BAIK' }))).toBe('SANGAT_BAIK');
    expect(establishedPredikat(evaluation('DECIDED', { status: 'DECIDED', changedPredikat: null }))).toBe('BAIK');
  });
});

describe('evidence links', () => {
  const item = (over: Partial<EvidenceRef>): EvidenceRef => ({ id: 'x', kind: 'FILE', url: null, fileName: null, platform: 'TELEGRAM', sizeBytes: null, ...over });

  it('gives the URL of a link and names a file with its platform', async () => {
    expect(await defaultEvidenceLinker.linksOf([item({ kind: 'LINK', url: 'https://drive.contoh.go.id/a' }), item({ fileName: 'notulen.pdf' }), item({ kind: 'PHOTO', platform: 'SLACK' }), item({ kind: 'LINK' })], 'id')).toEqual([
      'https://drive.contoh.go.id/a',
      'berkas notulen.pdf (Telegram)',
      'foto (Slack)',
      'tautan kosong',
    ]);
  });

  it('says so when the platform refused to give a file', () => {
    expect(describeEvidence(item({ fileName: 'video.mp4' }), 'id', { refused: true })).toBe('berkas video.mp4 (Telegram): platform tidak memberikan berkasnya – minta pegawai mengirim ulang atau menautkannya');
  });
});

describe('the text sheets', () => {
  const row: RhkTextRow = {
    nip: andi.nip,
    name: andi.name,
    unit: andi.unit,
    number: 1,
    kind: 'UTAMA',
    rhk: 'Tersedianya modul perizinan daring',
    indicator: 'Jumlah modul yang selesai',
    target: { value: 6, unit: 'modul', text: null },
    lastValue: 4.5,
    realisasi: [
      { on: on('2026-10-05'), text: 'Modul pembayaran selesai', value: 4.5 },
      { on: on('2026-10-07'), text: '=HYPERLINK("http://evil.example","klik")', value: null },
    ],
    feedback: [{ on: on('2026-11-02'), kind: 'PERBAIKAN', giver: 'Sri Wahyuni', text: 'Lengkapi uji coba, "segera".' }],
    evidence: ['https://drive.contoh.go.id/a', 'berkas video.mp4 (Telegram): platform tidak memberikan berkasnya – minta pegawai mengirim ulang atau menautkannya'],
  };
  const data = {
    agency: { id: 'a', name: 'Pemerintah Provinsi Contoh', timeZone: 'Asia/Jakarta' },
    unit: null,
    period: makePeriod('QUARTER', 2026, 4),
    kind: 'PERIODIC',
    employees: [],
    rhk: [],
    texts: textsOf([[row], [{ ...row, number: 2, indicator: null, target: { value: null, unit: null, text: 'Semua endpoint terdokumentasi' }, realisasi: [], feedback: [], evidence: [] }]], [behaviourTextRowsOf(andi, new Map([['pelayanan', 'Ramah']]), [])]),
  } satisfies EvaluationExport;

  it('fill "Realisasi RHK" with the texts, one line per item, and "Perilaku" with the core values', async () => {
    const [realisasi, behaviour] = exportTextTables(data, 'id');
    expect(realisasi.sheet).toBe('Realisasi RHK');
    const rows: Record<string, unknown>[] = [];
    for await (const batch of realisasi.batches) rows.push(...batch.map((cells) => Object.fromEntries(realisasi.columns.map((c, i) => [c.header, cells[i]]))));
    expect(rows[0]).toEqual({
      NIP: '199003222015031002',
      Nama: 'Andi Pratama',
      'Unit kerja': 'Seksi Pengembangan Aplikasi',
      Periode: 'Triwulan IV 2026',
      'No. RHK': 1,
      'Jenis RHK': 'Utama',
      'Rencana hasil kerja': 'Tersedianya modul perizinan daring',
      'Indikator kinerja individu': 'Jumlah modul yang selesai',
      Target: '6 modul',
      'Nilai realisasi terakhir': 4.5,
      'Realisasi berdasarkan bukti dukung': '2026-10-05: Modul pembayaran selesai (4,5 modul)\n2026-10-07: =HYPERLINK("http://evil.example","klik")',
      'Umpan balik berkelanjutan berdasarkan bukti dukung': '2026-11-02, Saran perbaikan (Sri Wahyuni): Lengkapi uji coba, "segera".',
      'Bukti dukung (tautan)': 'https://drive.contoh.go.id/a\nberkas video.mp4 (Telegram): platform tidak memberikan berkasnya – minta pegawai mengirim ulang atau menautkannya',
    });
    expect(rows[1]).toMatchObject({ Target: 'Semua endpoint terdokumentasi', 'Realisasi berdasarkan bukti dukung': null });
    expect(realisasi.columns.filter((c) => c.wrap).map((c) => c.header)).toEqual(['Realisasi berdasarkan bukti dukung', 'Umpan balik berkelanjutan berdasarkan bukti dukung', 'Bukti dukung (tautan)']);

    const values: unknown[][] = [];
    for await (const batch of behaviour.batches) values.push(...batch);
    expect(behaviour.columns.map((c) => c.header)).toEqual(['NIP', 'Nama', 'Unit kerja', 'Periode', 'Perilaku kerja', 'Ekspektasi khusus pimpinan', 'Umpan balik berkelanjutan']);
    expect(values).toHaveLength(7);
    expect(values[0]?.slice(4)).toEqual(['Berorientasi Pelayanan', 'Ramah', null]);
  });

  it('writes the CSV files of the text sheets with quotes, line breaks and formulas defused', async () => {
    const files = await exportCsv(data, 'id');
    expect(files.map((file) => file.suffix)).toEqual(['pegawai', 'rhk', 'realisasi-rhk', 'perilaku']);
    const realisasi = readCsv(files[2]!.content.replace(/^\uFEFF/, ''));
    expect(realisasi.rows).toHaveLength(2);
    expect(realisasi.rows[0]?.cells['umpan_balik_berkelanjutan_berdasarkan_bukti_dukung']).toBe('2026-11-02, Saran perbaikan (Sri Wahyuni): Lengkapi uji coba, "segera".');
    expect(realisasi.rows[0]?.cells['realisasi_berdasarkan_bukti_dukung']).toContain('\n2026-10-07: =HYPERLINK');
    expect(readCsv(files[3]!.content.replace(/^\uFEFF/, '')).rows).toHaveLength(7);
    // A cell that starts like a formula gets an apostrophe in the CSV.
    const formula = { ...data, texts: textsOf([[{ ...row, rhk: '=1+1' }]]) };
    expect((await exportCsv(formula, 'id'))[2]?.content).toContain(",'=1+1,");
  });

  it("cuts a cell's lines before Excel's limit and says how many are left out", () => {
    const t = exportText.id;
    const lines = Array.from({ length: 400 }, (_, i) => `2026-10-05: ${'x'.repeat(100)} ${i}`);
    const cell = linesCell(lines, t)!;
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const kept = cell.split('\n').length - 1;
    expect(cell.endsWith(`… dan ${400 - kept} lagi (batas isi sel Excel)`)).toBe(true);
    expect(linesCell([], t)).toBeNull();
    expect(linesCell(['a', 'b'], t)).toBe('a\nb');
  });
});
