/** The Format Penetapan Predikat Kinerja as sections, and drawn: counts and shares, the curve explained, the reason, the people, the signer. */
import { describe, expect, it } from 'vitest';
import { penetapanLayout, renderPenetapanDocument, type PenetapanDocumentData } from '../../../src/documents/penetapan-document.js';
import { pdfText } from '../../support/pdf.js';

const data: PenetapanDocumentData = {
  agency: 'Dinas Komunikasi dan Informatika',
  organisation: 'Bidang Aplikasi Informatika',
  period: 'Triwulan IV 2026',
  unitPredikat: 'BAIK',
  people: [
    { name: 'Andi Pratama', nip: '199003222015031002', position: 'Pranata Komputer Ahli Muda', predikat: 'SANGAT_BAIK', rater: 'Sri Wahyuni' },
    { name: 'Ratna Sari Dewi', nip: '199207152019032004', position: 'Pranata Komputer Ahli Pertama', predikat: 'BAIK', rater: 'Sri Wahyuni' },
    { name: 'Rudi Hartono', nip: '199710112023211002', position: 'Pengadministrasi Data', predikat: 'BAIK', rater: 'Bambang Sutrisno' },
  ],
  reason: 'Seluruh tim melampaui target rencana aksi.',
  establishedOn: { year: 2027, month: 1, day: 4 },
  leader: { name: 'Hendra Gunawan', nip: '197604122000121003', rank: 'Pembina, IV/a', position: 'Kepala Bidang Aplikasi Informatika', unit: 'Bidang Aplikasi Informatika' },
  recorded: null,
};

describe('Format Penetapan Predikat Kinerja', () => {
  it('lays out the capaian, the distribution with shares, every broken rule, the reason, the people and the signer', () => {
    const layout = penetapanLayout(data);
    const tables = layout.sections.filter((s) => s.kind === 'table');
    expect(tables[0]?.kind === 'table' && tables[0].rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Sangat Baik', '1', '33,3%'],
      ['Baik', '2', '66,7%'],
      ['Butuh Perbaikan', '0', '0%'],
      ['Kurang/Misconduct', '0', '0%'],
      ['Sangat Kurang', '0', '0%'],
      ['Jumlah', '3', '100%'],
    ]);
    const paragraphs = layout.sections.flatMap((s) => (s.kind === 'paragraph' ? [s.text] : []));
    expect(paragraphs.join('\n')).toMatch(/Butuh Perbaikan atau Kurang\/Misconduct paling sedikit 1 orang; diusulkan 0 orang/);
    expect(paragraphs).toContain('Seluruh tim melampaui target rencana aksi.');
    const signatures = layout.sections.find((s) => s.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.blocks[0]).toMatchObject({ role: 'Pimpinan Bidang Aplikasi Informatika', name: 'Hendra Gunawan', idLine: 'NIP 197604122000121003' });
  });

  it('names who recorded it, with the document, for a leader outside the bot', () => {
    const layout = penetapanLayout({ ...data, leader: null, recorded: { hr: 'Lestari', documentNumber: '800/12/2027' } });
    const signatures = layout.sections.find((s) => s.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.blocks[0]?.note).toMatch(/Dicatat oleh Lestari .*dokumen 800\/12\/2027/);
  });

  it('draws a PDF whose text holds the form', async () => {
    const text = pdfText(await renderPenetapanDocument(data, new Date('2027-01-04T03:00:00Z')));
    expect(text).toMatch(/PENETAPAN PREDIKAT KINERJA PEGAWAI/);
    expect(text).toMatch(/Andi Pratama[\s\S]*NIP 199003222015031002/);
    expect(text).toMatch(/Pimpinan Bidang Aplikasi Informatika/);
  });
});
