/** Document data as read.ts would gather it, for the layout and render tests. */
import { CORE_VALUE_CODES } from '../../src/domain/berakhlak.js';
import type { DocumentPerson, EvaluationDocumentData, SkpDocumentData } from '../../src/documents/model.js';

export const employee: DocumentPerson = { name: 'Siti Rahmawati, S.E.', nip: '199001012015032001', rank: 'Penata Muda Tk. I, III/b', position: 'Analis Kebijakan Ahli Pertama', unit: 'Bidang Perencanaan' };
export const ppk: DocumentPerson = { name: 'Budi Santoso, S.T., M.T.', nip: '197805052003121002', rank: 'Pembina, IV/a', position: 'Kepala Bidang Perencanaan', unit: 'Bidang Perencanaan' };
export const atasan: DocumentPerson = { name: 'Dr. Ratna Dewi, M.Si.', nip: '197001011995032003', rank: 'Pembina Utama Muda, IV/c', position: 'Kepala Dinas', unit: 'Dinas Contoh' };

const rhk = (n: number, kind: 'UTAMA' | 'TAMBAHAN' = 'UTAMA') => ({
  kind,
  text: `Tersusunnya dokumen perencanaan nomor ${n} yang tepat waktu dan sesuai kebutuhan`,
  leaderText: 'Meningkatnya kualitas perencanaan daerah',
  perspective: null,
  indicators: [
    { aspect: 'KUANTITAS' as const, text: 'Jumlah dokumen perencanaan yang disusun', target: '4 dokumen' },
    { aspect: 'KUALITAS' as const, text: 'Persentase dokumen tanpa revisi', target: '90 %' },
  ],
});

export function evaluationData(overrides: Partial<EvaluationDocumentData> = {}): EvaluationDocumentData {
  return {
    agency: 'Pemerintah Provinsi Contoh',
    period: 'Triwulan I 2026',
    from: { year: 2026, month: 1, day: 1 },
    to: { year: 2026, month: 3, day: 31 },
    employee,
    ppk,
    recordedFor: null,
    atasanPpk: atasan,
    organisation: { unit: 'Dinas Contoh', predikat: 'BAIK' },
    rated: { resultsRating: 'SESUAI', behaviourRating: 'DI_ATAS', predikat: 'BAIK' },
    final: { resultsRating: 'SESUAI', behaviourRating: 'DI_ATAS', predikat: 'BAIK' },
    finalizedOn: { year: 2026, month: 4, day: 10 },
    notes: 'Target triwulan tercapai; laporan kedua terlambat satu minggu.',
    feedback: 'Pertahankan ketelitian; libatkan tim lebih awal.',
    followUps: [{ kind: 'PENGEMBANGAN', recommendation: 'Pelatihan analisis kebijakan', decision: null }],
    objection: null,
    rhk: [1, 2, 3].map((n) => ({
      ...rhk(n, n === 3 ? 'TAMBAHAN' : 'UTAMA'),
      realisasi: [
        { date: { year: 2026, month: 2, day: 3 }, text: 'Draf dokumen perencanaan selesai dan dibahas dengan tim', evidence: ['https://drive.example.go.id/draf.pdf'] },
        { date: { year: 2026, month: 3, day: 20 }, text: 'Dokumen final disampaikan ke pimpinan', evidence: [] },
      ],
      feedback: [{ date: { year: 2026, month: 3, day: 21 }, by: ppk.name, text: 'Rapi dan tepat waktu.' }],
    })),
    behaviour: CORE_VALUE_CODES.map((code, i) => ({ code, expectation: i % 2 === 0 ? 'Menjadi teladan dalam pelayanan di bidangnya' : null, feedback: i === 0 ? [{ date: { year: 2026, month: 2, day: 10 }, by: ppk.name, text: 'Cepat menanggapi permintaan OPD.' }] : [] })),
    ...overrides,
  };
}

export function skpData(rhkCount = 3, overrides: Partial<SkpDocumentData> = {}): SkpDocumentData {
  return {
    agency: 'Pemerintah Provinsi Contoh',
    year: 2026,
    version: 1,
    established: true,
    approach: 'QUANTITATIVE',
    from: { year: 2026, month: 1, day: 1 },
    to: { year: 2026, month: 12, day: 31 },
    employee,
    ppk,
    recordedFor: null,
    establishedOn: { year: 2026, month: 1, day: 20 },
    documentNumber: null,
    rhk: Array.from({ length: rhkCount }, (_, i) => rhk(i + 1, i >= rhkCount - 1 && rhkCount > 1 ? 'TAMBAHAN' : 'UTAMA')),
    behaviours: CORE_VALUE_CODES.map((code) => ({ code, expectation: code === 'akuntabel' ? 'Menyelesaikan laporan tepat waktu' : null })),
    lampiran: { resourceSupport: '- Anggaran kegiatan\n- Akses data SIPD', accountability: 'Laporan bulanan kepada Kepala Bidang', consequences: 'Predikat sesuai capaian; penghargaan bila di atas ekspektasi' },
    ...overrides,
  };
}
