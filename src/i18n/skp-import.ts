/**
 * Texts of the SKP import: refusals, per-row reasons and the summary HR reads.
 */
import { countOf, catalogue } from './catalogue.js';

const lines = (values: number[]) => values.join(', ');

export const skpImportText = catalogue(
  {
    title: (p: { file: string; agency: string }) => `Impor SKP dari ${p.file} untuk instansi "${p.agency}"`,
    dryRun: 'Uji coba (--dry-run): tidak ada yang disimpan.',
    refusedMissingColumns: (p: { columns: string }) =>
      `Berkas ditolak: kolom wajib tidak ada: ${p.columns}. Kolom wajib: nip, tahun, jenis_rhk, rhk, aspek, indikator, target.`,
    refusedEmpty: 'Berkas ditolak: tidak ada baris data di bawah baris judul kolom.',
    refusedAgencyRequired: 'Belum ada instansi di database. Impor organisasi dulu: npm run cli -- import-org <berkas> --instansi "Nama Instansi"',
    refusedAgencyUnknown: (p: { agency: string }) => `Instansi "${p.agency}" tidak ada di database.`,
    refusedAgencyAmbiguous: (p: { agencies: string }) =>
      `Database berisi beberapa instansi (${p.agencies}). Pilih salah satu dengan --instansi "Nama Instansi".`,
    unknownColumns: (p: { columns: string }) => `Kolom berikut tidak dikenal dan diabaikan: ${p.columns}`,
    rowsRead: (p: { total: number; people: number; rejectedPeople: number; rejected: number }) =>
      `${p.total} baris dibaca: SKP ${p.people} pegawai diterima, SKP ${p.rejectedPeople} pegawai ditolak (${p.rejected} baris).`,
    personCreated: (p: { name: string; nip: string; year: number; rhks: number }) =>
      `  ${p.name} (${p.nip}), ${p.year}: SKP baru ditetapkan dengan ${p.rhks} RHK.`,
    personNewVersion: (p: { name: string; nip: string; year: number; rhks: number; version: number }) =>
      `  ${p.name} (${p.nip}), ${p.year}: SKP berubah – versi baru ${p.version} dengan ${p.rhks} RHK; versi lama disimpan sebagai riwayat.`,
    personUnchanged: (p: { name: string; nip: string; year: number; version: number }) =>
      `  ${p.name} (${p.nip}), ${p.year}: tidak berubah (versi ${p.version}).`,
    summary: (p: { created: number; newVersions: number; unchanged: number; rejected: number }) =>
      `Ringkasan: ${p.created} SKP baru, ${p.newVersions} versi baru, ${p.unchanged} tidak berubah, ${p.rejected} ditolak.`,
    rejectedHeader: 'Baris yang ditolak:',
    rejectedLine: (p: { line: number; nip: string; reasons: string }) => `  baris ${p.line}${p.nip}: ${p.reasons}`,
    rejectedMore: (p: { count: number }) => `  … dan ${p.count} baris lain. Simpan daftar lengkap dengan --report <berkas.csv>.`,
    reportWritten: (p: { path: string }) => `Laporan per baris disimpan di ${p.path}`,
    reportCreated: 'diterima: SKP baru',
    reportNewVersion: (p: { version: number }) => `diterima: versi baru ${p.version}`,
    reportUnchanged: 'diterima: tidak berubah',
    reportRejected: 'ditolak',
    // Row reasons
    MISSING_FIELD: (p: { field: string }) => `kolom ${p.field} kosong`,
    NIP_INVALID: (p: { value: string; reason: string }) => `NIP/NI PPPK "${p.value}" tidak valid: ${p.reason}`,
    YEAR_INVALID: (p: { value: string }) => `tahun "${p.value}" tidak dikenal (tulis empat angka, misalnya 2026)`,
    KIND_UNKNOWN: (p: { value: string }) => `jenis_rhk "${p.value}" tidak dikenal (gunakan utama atau tambahan)`,
    ASPECT_UNKNOWN: (p: { value: string }) => `aspek "${p.value}" tidak dikenal (gunakan kuantitas, kualitas, waktu atau biaya)`,
    PERSPECTIVE_UNKNOWN: (p: { value: string }) =>
      `perspektif "${p.value}" tidak dikenal (gunakan Penerima Layanan, Proses Bisnis, Penguatan Internal atau Anggaran)`,
    TARGET_TOO_LONG: 'target terlalu panjang (paling banyak 200 karakter)',
    DATE_INVALID: (p: { value: string }) => `tanggal_penetapan "${p.value}" bukan tanggal (gunakan 2026-01-05, 05-01-2026 atau 5 Januari 2026)`,
    DATE_OTHER_YEAR: (p: { value: string; year: number }) => `tanggal_penetapan "${p.value}" tidak cocok dengan SKP tahun ${p.year}`,
    EMPLOYEE_UNKNOWN: (p: { nip: string }) => `NIP/NI PPPK ${p.nip} bukan pegawai instansi ini (impor organisasi dulu)`,
    EMPLOYEE_INACTIVE: 'pegawai ini nonaktif',
    PERSPECTIVE_REQUIRED: 'SKP JPT memerlukan perspektif untuk setiap RHK',
    PERSPECTIVE_NOT_JPT: 'perspektif hanya untuk SKP JPT; kosongkan kolom ini',
    LEADER_RHK_REQUIRED: 'rhk_atasan kosong: setiap RHK harus menyebut Rencana Hasil Kerja Pimpinan yang Diintervensi',
    LEADER_RHK_UNKNOWN: (p: { text: string; supervisor: string; year: number }) =>
      `Rencana Hasil Kerja Pimpinan yang Diintervensi "${p.text}" tidak ada dalam SKP ${p.supervisor} tahun ${p.year}`,
    SUPERVISOR_PLAN_MISSING: (p: { supervisor: string; year: number }) =>
      `atasan (${p.supervisor}) belum punya SKP yang ditetapkan untuk tahun ${p.year}; impor SKP atasan dulu atau dalam berkas yang sama`,
    SUPERVISOR_REJECTED: (p: { supervisor: string }) => `SKP atasan (${p.supervisor}) dalam berkas ini ditolak`,
    CONFLICT: (p: { field: string; value: string; other: string; line: number }) =>
      `${p.field} "${p.value}" berbeda dengan "${p.other}" di baris ${p.line}`,
    INDICATOR_DUPLICATE: (p: { line: number }) => `indikator yang sama sudah ada di baris ${p.line}`,
    PERSON_REJECTED: (p: { lines: number[] }) => `SKP pegawai ini tidak diimpor karena baris ${lines(p.lines)} ditolak`,
  },
  {
    title: (p) => `SKP import from ${p.file} for agency "${p.agency}"`,
    dryRun: 'Dry run (--dry-run): nothing was saved.',
    refusedMissingColumns: (p) =>
      `File refused: required columns missing: ${p.columns}. Required: nip, tahun, jenis_rhk, rhk, aspek, indikator, target.`,
    refusedEmpty: 'File refused: there are no data rows below the header row.',
    refusedAgencyRequired: 'There is no agency in the database yet. Import the organisation first: npm run cli -- import-org <file> --instansi "Agency name"',
    refusedAgencyUnknown: (p) => `Agency "${p.agency}" is not in the database.`,
    refusedAgencyAmbiguous: (p) => `The database holds several agencies (${p.agencies}). Choose one with --instansi "Agency name".`,
    unknownColumns: (p) => `These columns are unknown and ignored: ${p.columns}`,
    rowsRead: (p) => `${countOf(p.total, 'row', 'rows')} read: the SKP of ${countOf(p.people, 'person', 'people')} accepted, of ${p.rejectedPeople} refused (${p.rejected} rows).`,
    personCreated: (p) => `  ${p.name} (${p.nip}), ${p.year}: new SKP established with ${p.rhks} RHK.`,
    personNewVersion: (p) => `  ${p.name} (${p.nip}), ${p.year}: SKP changed – new version ${p.version} with ${p.rhks} RHK; older versions kept as history.`,
    personUnchanged: (p) => `  ${p.name} (${p.nip}), ${p.year}: unchanged (version ${p.version}).`,
    summary: (p) => `Summary: ${p.created} new SKPs, ${p.newVersions} new versions, ${p.unchanged} unchanged, ${p.rejected} refused.`,
    rejectedHeader: 'Refused rows:',
    rejectedLine: (p) => `  line ${p.line}${p.nip}: ${p.reasons}`,
    rejectedMore: (p) => `  … and ${p.count} more rows. Save the full list with --report <file.csv>.`,
    reportWritten: (p) => `Row-by-row report saved to ${p.path}`,
    reportCreated: 'accepted: new SKP',
    reportNewVersion: (p) => `accepted: new version ${p.version}`,
    reportUnchanged: 'accepted: unchanged',
    reportRejected: 'refused',
    MISSING_FIELD: (p) => `column ${p.field} is empty`,
    NIP_INVALID: (p) => `NIP "${p.value}" is not valid: ${p.reason}`,
    YEAR_INVALID: (p) => `tahun "${p.value}" is not a year (write four digits, e.g. 2026)`,
    KIND_UNKNOWN: (p) => `jenis_rhk "${p.value}" is unknown (use utama or tambahan)`,
    ASPECT_UNKNOWN: (p) => `aspek "${p.value}" is unknown (use kuantitas, kualitas, waktu or biaya)`,
    PERSPECTIVE_UNKNOWN: (p) => `perspektif "${p.value}" is unknown (use Penerima Layanan, Proses Bisnis, Penguatan Internal or Anggaran)`,
    TARGET_TOO_LONG: 'target is too long (at most 200 characters)',
    DATE_INVALID: (p) => `tanggal_penetapan "${p.value}" is not a date (use 2026-01-05, 05-01-2026 or 5 Januari 2026)`,
    DATE_OTHER_YEAR: (p) => `tanggal_penetapan "${p.value}" does not fit an SKP for ${p.year}`,
    EMPLOYEE_UNKNOWN: (p) => `NIP ${p.nip} is not an employee of this agency (import the organisation first)`,
    EMPLOYEE_INACTIVE: 'this employee is inactive',
    PERSPECTIVE_REQUIRED: 'a JPT SKP needs a perspektif for every RHK',
    PERSPECTIVE_NOT_JPT: 'perspektif is only for JPT SKPs; leave this column empty',
    LEADER_RHK_REQUIRED: 'rhk_atasan is empty: every RHK must support an RHK of the supervisor (RHK pimpinan yang diintervensi)',
    LEADER_RHK_UNKNOWN: (p) => `the supervisor's RHK "${p.text}" is not in the ${p.year} SKP of ${p.supervisor}`,
    SUPERVISOR_PLAN_MISSING: (p) => `the supervisor (${p.supervisor}) has no established SKP for ${p.year}; import theirs first or in the same file`,
    SUPERVISOR_REJECTED: (p) => `the supervisor's SKP (${p.supervisor}) in this file was refused`,
    CONFLICT: (p) => `${p.field} "${p.value}" differs from "${p.other}" on line ${p.line}`,
    INDICATOR_DUPLICATE: (p) => `the same indicator is already on line ${p.line}`,
    PERSON_REJECTED: (p) => `this person's SKP is not imported because line(s) ${lines(p.lines)} were refused`,
  },
);
