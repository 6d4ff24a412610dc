/**
 * The Dokumen Evaluasi's data → layout mapping: who is named where, what the parts say, who signs.
 * The layout is plain data, so these read it without a PDF (render.test.ts draws one).
 */
import { describe, expect, it } from 'vitest';
import { evaluationLayout } from '../../../src/documents/evaluation-document.js';
import { printable, type Row, type Section, type SignatureBlock, type Table } from '../../../src/documents/layout.js';
import { atasan, evaluationData } from '../../support/document-data.js';

const tables = (sections: Section[]) => sections.filter((s): s is Table => s.kind === 'table');
const texts = (row: Row) => row.cells.map((c) => c.text);
/** The main form's rows as "label = value" lines (and spanning texts as they are). */
function formLines(sections: Section[]): string[] {
  return tables(sections)[0]!.rows.map((row) => texts(row).filter(Boolean).join(' = '));
}
const signatures = (sections: Section[]): SignatureBlock[] => sections.flatMap((s) => (s.kind === 'signatures' ? s.blocks : []));

const decidedObjection = {
  filedOn: { year: 2026, month: 4, day: 12 },
  reasons: 'Realisasi RHK 2 tidak dipertimbangkan.',
  employeeExplanation: null,
  raterExplanation: 'Realisasi RHK 2 terlambat dua minggu.',
  decision: 'CHANGED' as const,
  decisionNote: 'Bukti dukung menunjukkan selesai tepat waktu.',
  decidedOn: { year: 2026, month: 4, day: 25 },
  documentNumber: null,
  recordedBy: null,
};

describe('the Dokumen Evaluasi Kinerja Pegawai', () => {
  it('names the employee, the PPK and the Atasan PPK with NIP, pangkat/golongan, jabatan and unit, in numbered parts', () => {
    const lines = formLines(evaluationLayout(evaluationData()).sections);
    expect(lines.slice(0, 6)).toEqual(['1 = PEGAWAI YANG DINILAI', 'NAMA = Siti Rahmawati, S.E.', 'NIP/NI PPPK = 199001012015032001', 'PANGKAT/GOL. RUANG = Penata Muda Tk. I, III/b', 'JABATAN = Analis Kebijakan Ahli Pertama', 'UNIT KERJA = Bidang Perencanaan']);
    expect(lines).toContain('2 = PEJABAT PENILAI KINERJA');
    expect(lines).toContain('NAMA = Budi Santoso, S.T., M.T.');
    expect(lines).toContain('3 = ATASAN PEJABAT PENILAI KINERJA');
    expect(lines).toContain('PANGKAT/GOL. RUANG = Pembina Utama Muda, IV/c');
  });

  it('shows the capaian kinerja organisasi with its unit, the two ratings and the predikat', () => {
    const lines = formLines(evaluationLayout(evaluationData()).sections);
    expect(lines).toContain('CAPAIAN KINERJA ORGANISASI = Baik (Dinas Contoh)');
    expect(lines).toContain('RATING HASIL KERJA = Sesuai Ekspektasi');
    expect(lines).toContain('RATING PERILAKU KERJA = Di Atas Ekspektasi');
    expect(lines).toContain('PREDIKAT KINERJA PEGAWAI = Baik');
    expect(lines).toContain('5 = CATATAN/REKOMENDASI');
    expect(lines.find((line) => line.startsWith('Catatan: '))).toMatch(/Target triwulan tercapai[\s\S]*Umpan balik: Pertahankan[\s\S]*Rekomendasi pengembangan: Pelatihan analisis kebijakan/);
  });

  it('without a keberatan says so, and only the PPK signs', () => {
    const layout = evaluationLayout(evaluationData());
    expect(formLines(layout.sections)).toContain('Tidak ada keberatan.');
    expect(formLines(layout.sections)).not.toContain('7 = PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN');
    expect(signatures(layout.sections)).toEqual([{ dateLine: '............, 10 April 2026', role: 'Pejabat Penilai Kinerja,', name: 'Budi Santoso, S.T., M.T.', idLine: 'NIP 197805052003121002' }]);
  });

  it('with a keberatan shows it, the PPK’s explanation and the Atasan PPK’s decision, the changed predikat, and the Atasan PPK signs too', () => {
    const data = evaluationData({ objection: decidedObjection, final: { resultsRating: 'DI_ATAS', behaviourRating: 'DI_ATAS', predikat: 'SANGAT_BAIK' } });
    const lines = formLines(evaluationLayout(data).sections);
    const after = (heading: string) => lines[lines.indexOf(heading) + 1];
    expect(after('6 = KEBERATAN')).toBe('Diajukan 12 April 2026\nRealisasi RHK 2 tidak dipertimbangkan.');
    expect(after('7 = PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN')).toBe('Realisasi RHK 2 terlambat dua minggu.');
    expect(after('8 = KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN')).toMatch(/^Hasil evaluasi diubah\. Rating hasil kerja Di Atas Ekspektasi, rating perilaku kerja Di Atas Ekspektasi: predikat Sangat Baik\.\nBukti dukung menunjukkan selesai tepat waktu\.\nTanggal keputusan: 25 April 2026$/);
    expect(lines.find((line) => line.startsWith('PREDIKAT KINERJA PEGAWAI'))).toMatch(/^PREDIKAT KINERJA PEGAWAI = Sangat Baik\nDiubah oleh keputusan Atasan Pejabat Penilai Kinerja; hasil Pejabat Penilai Kinerja: .*predikat Baik\.$/);
    expect(signatures(evaluationLayout(data).sections).map((s) => [s.role, s.name, s.dateLine])).toEqual([
      ['Atasan Pejabat Penilai Kinerja,', atasan.name, '............, 25 April 2026'],
      ['Pejabat Penilai Kinerja,', 'Budi Santoso, S.T., M.T.', '............, 10 April 2026'],
    ]);
  });

  it('a keberatan not yet decided says so', () => {
    const lines = formLines(evaluationLayout(evaluationData({ objection: { ...decidedObjection, decision: null, decisionNote: null, decidedOn: null } })).sections);
    expect(lines[lines.indexOf('8 = KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN') + 1]).toBe('Belum diputus.');
  });

  it('names a PPK outside the bot with their office, and the HR officer who recorded the evaluation with its document', () => {
    const gubernur = { name: 'Dr. H. Bambang Hartono, M.Si.', nip: null, rank: null, position: 'Gubernur Contoh', unit: null };
    const data = evaluationData({ ppk: gubernur, recordedFor: { hr: 'Dewi Anggraini', documentNumber: '800/123/2026' }, atasanPpk: null });
    const lines = formLines(evaluationLayout(data).sections);
    expect(lines).toContain('NAMA = Dr. H. Bambang Hartono, M.Si.');
    expect(lines).toContain('JABATAN = Gubernur Contoh');
    expect(lines).toContain('Dicatat oleh Dewi Anggraini (pengelola kinerja), dokumen 800/123/2026');
    expect(signatures(evaluationLayout(data).sections)[0]).toMatchObject({ name: gubernur.name, idLine: 'Gubernur Contoh', note: 'Dicatat oleh Dewi Anggraini (pengelola kinerja), dokumen 800/123/2026' });
  });

  it('still names a rater who has left, and says they are no longer active', () => {
    const lines = formLines(evaluationLayout(evaluationData({ ppk: { ...evaluationData().ppk, inactive: true } })).sections);
    expect(lines).toContain('NAMA = Budi Santoso, S.T., M.T.');
    expect(lines).toContain('Pejabat penilai saat penilaian; tidak lagi aktif di aplikasi.');
  });

  it('lists each RHK with its indicators, realisasi with bukti dukung and umpan balik, utama before tambahan', () => {
    const appendix = tables(evaluationLayout(evaluationData()).sections)[1]!;
    expect(appendix.header[0]!.cells.map((c) => c.text)).toEqual(['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU DAN TARGET', 'REALISASI BERDASARKAN BUKTI DUKUNG', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG']);
    const rows = appendix.rows.map(texts);
    expect(rows[0]).toEqual(['A. UTAMA']);
    expect(rows[3]).toEqual(['B. TAMBAHAN']);
    expect(rows[1]![2]).toBe('Kuantitas: Jumlah dokumen perencanaan yang disusun – target 4 dokumen\nKualitas: Persentase dokumen tanpa revisi – target 90 %');
    expect(rows[1]![3]).toBe('3 Februari 2026: Draf dokumen perencanaan selesai dan dibahas dengan tim\n  https://drive.example.go.id/draf.pdf\n20 Maret 2026: Dokumen final disampaikan ke pimpinan');
    expect(rows[1]![4]).toBe('21 Maret 2026, Budi Santoso, S.T., M.T.: Rapi dan tepat waktu.');
  });

  it('keeps a cell readable: the latest realisasi, after a line saying how many earlier ones are left out', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ date: { year: 2026, month: 1, day: i + 1 }, text: `Realisasi ${i + 1}`, evidence: [] }));
    const data = evaluationData();
    const appendix = tables(evaluationLayout({ ...data, rhk: [{ ...data.rhk[0]!, realisasi: many }] }).sections)[1]!;
    const cell = appendix.rows[1]!.cells[3]!.text.split('\n');
    expect(cell[0]).toBe('(3 sebelumnya tidak dimuat)');
    expect(cell.at(-1)).toBe('15 Januari 2026: Realisasi 15');
    expect(cell).toHaveLength(13);
  });

  it('lists the seven BerAKHLAK values with their guides, the Ekspektasi Khusus Pimpinan and the umpan balik on each', () => {
    const behaviour = tables(evaluationLayout(evaluationData()).sections)[2]!;
    expect(behaviour.rows).toHaveLength(7);
    expect(texts(behaviour.rows[0]!)).toEqual([
      '1',
      'Berorientasi Pelayanan\n- Memahami dan memenuhi kebutuhan masyarakat\n- Ramah, cekatan, solutif, dan dapat diandalkan\n- Melakukan perbaikan tiada henti',
      'Menjadi teladan dalam pelayanan di bidangnya',
      '10 Februari 2026, Budi Santoso, S.T., M.T.: Cepat menanggapi permintaan OPD.',
    ]);
    expect(texts(behaviour.rows[1]!).slice(2)).toEqual(['-', '-']);
  });

  it('draws a cell without the control characters a person pasted (no font has them), keeping line breaks and tabs', () => {
    expect(printable('Laporan\u0007 selesai\u001b tepat\twaktu.\nBaris dua\u007f')).toBe('Laporan selesai tepat\twaktu.\nBaris dua');
  });
});
