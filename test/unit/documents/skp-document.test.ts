/** The SKP's data → layout mapping: people side by side, the hasil kerja table, perilaku kerja, the Lampiran. */
import { describe, expect, it } from 'vitest';
import type { Section, Table } from '../../../src/documents/layout.js';
import { skpLayout } from '../../../src/documents/skp-document.js';
import { skpData } from '../../support/document-data.js';

const tables = (sections: Section[]) => sections.filter((s): s is Table => s.kind === 'table');
const texts = (row: { cells: { text: string }[] }) => row.cells.map((c) => c.text);

describe('the SKP document', () => {
  it('puts the employee and the PPK side by side, with the SKP’s version and penetapan date', () => {
    const layout = skpLayout(skpData());
    expect(layout.sections[0]).toEqual({ kind: 'title', lines: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF'] });
    expect(layout.sections).toContainEqual({ kind: 'paragraph', text: 'Versi 1, ditetapkan 20 Januari 2026' });
    const people = tables(layout.sections)[0]!.rows.map(texts);
    expect(people[0]).toEqual(['PEGAWAI YANG DINILAI', 'PEJABAT PENILAI KINERJA']);
    expect(people[2]).toEqual(['NIP/NI PPPK', '199001012015032001', 'NIP/NI PPPK', '197805052003121002']);
  });

  it('names the penetapan document of an SKP established outside the bot', () => {
    expect(skpLayout(skpData(1, { documentNumber: '800/12/2026' })).sections).toContainEqual({ kind: 'paragraph', text: 'Versi 1, ditetapkan 20 Januari 2026; Nomor dokumen: 800/12/2026' });
  });

  it('writes one row per indicator, the RHK’s number and texts on its first, utama before tambahan', () => {
    const results = tables(skpLayout(skpData(2)).sections)[1]!;
    expect(texts(results.header[1]!)).toEqual(['NO', 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', 'RENCANA HASIL KERJA', 'ASPEK', 'INDIKATOR KINERJA INDIVIDU', 'TARGET']);
    const rows = results.rows.map(texts);
    expect(rows[0]).toEqual(['A. UTAMA']);
    expect(rows[1]).toEqual(['1', 'Meningkatnya kualitas perencanaan daerah', 'Tersusunnya dokumen perencanaan nomor 1 yang tepat waktu dan sesuai kebutuhan', 'Kuantitas', 'Jumlah dokumen perencanaan yang disusun', '4 dokumen']);
    expect(rows[2]).toEqual(['', '', '', 'Kualitas', 'Persentase dokumen tanpa revisi', '90 %']);
    expect(results.rows[2]!.joined).toBe(3);
    expect(rows[3]).toEqual(['B. TAMBAHAN']);
    expect(rows[4]![0]).toBe('2');
  });

  it('adds a perspektif column when an RHK has one (JPT plans)', () => {
    const data = skpData(1);
    const results = tables(skpLayout({ ...data, rhk: [{ ...data.rhk[0]!, perspective: 'Penerima Layanan' }] }).sections)[1]!;
    expect(texts(results.header[1]!)).toContain('PERSPEKTIF');
    expect(texts(results.rows[1]!)[3]).toBe('Penerima Layanan');
  });

  it('has the Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban and konsekuensi, one numbered item per line', () => {
    const lampiran = tables(skpLayout(skpData()).sections).at(-1)!;
    expect(lampiran.rows.map(texts)).toEqual([
      ['DUKUNGAN SUMBER DAYA'],
      ['1', 'Anggaran kegiatan'],
      ['2', 'Akses data SIPD'],
      ['SKEMA PERTANGGUNGJAWABAN'],
      ['1', 'Laporan bulanan kepada Kepala Bidang'],
      ['KONSEKUENSI'],
      ['1', 'Predikat sesuai capaian; penghargaan bila di atas ekspektasi'],
    ]);
  });

  it('says "-" where the Lampiran has nothing yet, and the PPK and the employee sign', () => {
    const layout = skpLayout(skpData(1, { lampiran: { resourceSupport: null, accountability: '', consequences: null } }));
    expect(tables(layout.sections).at(-1)!.rows.map(texts)[1]).toEqual(['', '-']);
    const blocks = layout.sections.flatMap((s) => (s.kind === 'signatures' ? s.blocks : []));
    expect(blocks.map((b) => b.role)).toEqual(['Pegawai yang Dinilai,', 'Pejabat Penilai Kinerja,', 'Pegawai yang Dinilai,', 'Pejabat Penilai Kinerja,']);
  });
});
