/**
 * Texts of the organisation import: refusals, per-row reasons and the summary HR reads.
 */
import { countOf, catalogue } from './catalogue.js';

const lines = (values: number[]) => values.join(', ');

export const orgImportText = catalogue(
  {
    title: (p: { file: string; agency: string }) => `Impor organisasi dari ${p.file} ke instansi "${p.agency}"`,
    agencyCreated: (p: { agency: string }) => `Instansi baru dibuat: ${p.agency}`,
    dryRun: 'Uji coba (--dry-run): tidak ada yang disimpan.',
    movesClosed: (p: { count: number }) => `${p.count} pegawai pindah (unit, atasan atau jabatan berubah): periode SKP lama ditutup, periode baru dimulai pada tanggal efektif dengan Pejabat Penilai Kinerja baru.`,
    movesWouldClose: (p: { count: number }) => `${p.count} pegawai akan pindah (unit, atasan atau jabatan berubah): periode SKP lamanya akan ditutup.`,
    moveLine: (p: { line: number; name: string; period: string; reasons: string }) => `  baris ${p.line} – ${p.name}: periode SKP ${p.period} (${p.reasons}); dinilai oleh Pejabat Penilai Kinerja periode itu`,
    moveReason_unit: 'unit',
    moveReason_atasan: 'atasan',
    moveReason_jabatan: 'jabatan',
    movesHint: 'Jika ini koreksi data, bukan perpindahan: isi kolom tanggal_efektif dengan hari pertama periode SKP (mis. 1 Januari) sebelum mengimpor.',
    refusedMissingColumns: (p: { columns: string }) =>
      `Berkas ditolak: kolom wajib tidak ada: ${p.columns}. Kolom wajib: nip, nama, jabatan, jenis_jabatan, status, unit.`,
    refusedEmpty: 'Berkas ditolak: tidak ada baris data di bawah baris judul kolom.',
    refusedAgencyRequired:
      'Belum ada instansi di database. Sebutkan nama instansi: npm run cli -- import-org <berkas> --instansi "Nama Instansi"',
    refusedAgencyAmbiguous: (p: { agencies: string }) =>
      `Database berisi beberapa instansi (${p.agencies}). Pilih salah satu dengan --instansi "Nama Instansi".`,
    refusedTooManyErrors: (p: { rejected: number; total: number; percent: string; max: string }) =>
      `Tidak ada yang diimpor: ${p.rejected} dari ${p.total} baris (${p.percent}) ditolak, melebihi batas ${p.max}. ` +
      'Perbaiki berkasnya, atau jalankan lagi dengan --force untuk mengimpor baris yang benar saja.',
    unknownColumns: (p: { columns: string }) => `Kolom berikut tidak dikenal dan diabaikan: ${p.columns}`,
    rowsRead: (p: { total: number; accepted: number; rejected: number }) =>
      `${p.total} baris dibaca: ${p.accepted} diterima, ${p.rejected} ditolak.`,
    written: (p: { created: number; updated: number; unchanged: number }) =>
      `Pegawai: ${p.created} baru, ${p.updated} diperbarui, ${p.unchanged} tidak berubah.`,
    reactivated: (p: { count: number }) => `${p.count} pegawai yang sebelumnya nonaktif diaktifkan kembali.`,
    deactivated: (p: { count: number }) => `${p.count} pegawai yang tidak ada dalam berkas dinonaktifkan.`,
    missingKept: (p: { count: number }) =>
      `${p.count} pegawai aktif di database tidak ada dalam berkas; mereka tidak diubah. ` +
      'Tambahkan --deactivate-missing untuk menonaktifkan mereka.',
    units: (p: { created: number; moved: number; leaders: number }) =>
      `Unit: ${p.created} baru, ${p.moved} dipindah ke unit induk lain; kepala unit ditetapkan untuk ${p.leaders} unit.`,
    externalOfficialsCreated: (p: { count: number }) =>
      `${p.count} pejabat di luar bot (Pejabat Penilai Kinerja / Atasan Pejabat Penilai Kinerja) baru dicatat.`,
    unclearLeaders: (p: { count: number; examples: string }) =>
      `Kepala unit belum dapat ditentukan untuk ${p.count} unit (lebih dari satu pegawai yang atasannya di luar unit): ${p.examples}`,
    rejectedHeader: 'Baris yang ditolak:',
    rejectedLine: (p: { line: number; nip: string; reasons: string }) => `  baris ${p.line}${p.nip}: ${p.reasons}`,
    rejectedMore: (p: { count: number }) => `  … dan ${p.count} baris lain. Simpan daftar lengkap dengan --report <berkas.csv>.`,
    reportWritten: (p: { path: string }) => `Laporan per baris disimpan di ${p.path}`,
    reportAccepted: 'diterima',
    reportRejected: 'ditolak',
    // Row reasons
    MISSING_FIELD: (p: { field: string }) => `kolom ${p.field} kosong`,
    NIP_INVALID: (p: { value: string; reason: string }) => `NIP/NI PPPK "${p.value}" tidak valid: ${p.reason}`,
    SUPERVISOR_NIP_INVALID: (p: { value: string; reason: string }) => `nip_atasan "${p.value}" tidak valid: ${p.reason}`,
    POSITION_TYPE_UNKNOWN: (p: { value: string }) =>
      `jenis_jabatan "${p.value}" tidak dikenal (gunakan JPT, Administrator, Pengawas, Pelaksana atau Fungsional, boleh diikuti jenjangnya)`,
    STATUS_UNKNOWN: (p: { value: string }) => `status "${p.value}" tidak dikenal (gunakan PNS atau PPPK)`,
    TIME_ZONE_UNKNOWN: (p: { value: string }) =>
      `zona_waktu "${p.value}" tidak dikenal (gunakan WIB, WITA, WIT atau nama IANA seperti Asia/Makassar)`,
    EMAIL_INVALID: (p: { value: string }) => `email "${p.value}" tidak valid`,
    TELEGRAM_INVALID: (p: { value: string }) =>
      `telegram "${p.value}" bukan username Telegram (5–32 huruf, angka atau garis bawah, diawali huruf)`,
    RANK_INVALID: (p: { value: string }) =>
      `pangkat_golongan "${p.value}" tidak dikenal (tulis golongan ruang PNS seperti "Penata, III/c" atau "III/c", atau golongan PPPK seperti "IX")`,
    EFFECTIVE_DATE_INVALID: (p: { value: string }) => `tanggal_efektif "${p.value}" bukan tanggal (tulis 2027-06-01 atau 01/06/2027)`,
    EFFECTIVE_DATE_FUTURE: (p: { value: string }) =>
      `tanggal_efektif ${p.value} belum tiba: impor perpindahan ini pada tanggal itu atau sesudahnya, agar atasan dan unit baru tidak berlaku lebih awal`,
    EFFECTIVE_DATE_OTHER_YEAR: (p: { value: string; year: number }) =>
      `tanggal_efektif ${p.value} di luar tahun kinerja ${p.year}: periode SKP tahun lain tidak dapat diubah lewat impor`,
    UNIT_SAME_AS_PARENT: (p: { unit: string }) => `unit "${p.unit}" tidak boleh menjadi unit induknya sendiri`,
    NIP_DUPLICATE: (p: { lines: number[] }) => `NIP/NI PPPK yang sama juga ada di baris ${lines(p.lines)}`,
    EMAIL_DUPLICATE: (p: { lines: number[] }) => `email yang sama juga ada di baris ${lines(p.lines)}`,
    OTHER_AGENCY: 'NIP/NI PPPK ini sudah terdaftar di instansi lain',
    UNIT_PARENT_CONFLICT: (p: { unit: string; parent: string; otherParent: string; line: number }) =>
      `unit "${p.unit}" diberi unit induk "${p.parent}", padahal baris ${p.line} menyebut "${p.otherParent}"`,
    UNIT_CYCLE: (p: { units: string[] }) => `susunan unit berputar: ${p.units.join(' → ')}`,
    SUPERVISOR_SELF: 'nip_atasan sama dengan NIP pegawai itu sendiri',
    SUPERVISOR_UNKNOWN: (p: { nip: string }) => `atasan dengan NIP ${p.nip} tidak ada dalam berkas maupun database`,
    SUPERVISOR_INACTIVE: (p: { nip: string }) => `atasan dengan NIP ${p.nip} tidak aktif`,
    SUPERVISOR_REJECTED: (p: { nip: string; line: number }) => `baris atasannya (NIP ${p.nip}, baris ${p.line}) ditolak`,
    SUPERVISOR_CYCLE: (p: { nips: string[] }) => `rantai atasan berputar: ${p.nips.join(' → ')}`,
    DELEGATE_NIP_INVALID: (p: { value: string; reason: string }) => `nip_ppk "${p.value}" tidak valid: ${p.reason}`,
    EXTERNAL_OFFICIAL_INCOMPLETE: (p: { filled: string; empty: string; value: string }) =>
      `${p.filled} "${p.value}" diisi tetapi ${p.empty} kosong: isi jabatan dan nama pejabat bersama-sama, atau kosongkan keduanya`,
    DELEGATE_SELF: 'nip_ppk sama dengan NIP pegawai itu sendiri: pegawai tidak dapat menjadi Pejabat Penilai Kinerja bagi dirinya sendiri',
    DELEGATE_UNKNOWN: (p: { nip: string }) => `pejabat penerima delegasi (nip_ppk ${p.nip}) tidak ada dalam berkas maupun database instansi ini`,
    DELEGATE_INACTIVE: (p: { nip: string }) =>
      `pejabat penerima delegasi (nip_ppk ${p.nip}) tidak aktif dan tidak dapat menerima pendelegasian kewenangan Pejabat Penilai Kinerja`,
    DELEGATE_BELOW: (p: { nip: string }) =>
      `pejabat penerima delegasi (nip_ppk ${p.nip}) berada di bawah pegawai ini dalam rantai nip_atasan; keduanya akan saling menilai`,
    DELEGATE_MUTUAL: (p: { nip: string }) =>
      `pejabat penerima delegasi (nip_ppk ${p.nip}) telah mendelegasikan kewenangan Pejabat Penilai Kinerja-nya kepada pegawai ini; keduanya akan saling menilai`,
    DELEGATE_REJECTED: (p: { nip: string; line: number }) => `baris pejabat penerima delegasi (nip_ppk ${p.nip}, baris ${p.line}) ditolak`,
  },
  {
    title: (p) => `Organisation import from ${p.file} into agency "${p.agency}"`,
    agencyCreated: (p) => `New agency created: ${p.agency}`,
    dryRun: 'Dry run (--dry-run): nothing was saved.',
    movesClosed: (p) => `${countOf(p.count, 'employee', 'employees')} moved (unit, superior or position changed): their SKP period was closed and a new one starts on the effective date with the new PPK.`,
    movesWouldClose: (p) => `${countOf(p.count, 'employee', 'employees')} would move (unit, superior or position changed): their SKP period would be closed.`,
    moveLine: (p) => `  line ${p.line} – ${p.name}: SKP period ${p.period} (${p.reasons}); rated by that period's PPK`,
    moveReason_unit: 'unit',
    moveReason_atasan: 'superior',
    moveReason_jabatan: 'position',
    movesHint: 'If this corrects data rather than records a move, put the SKP period\'s first day (e.g. 1 January) in tanggal_efektif before importing.',
    refusedMissingColumns: (p) =>
      `File refused: required columns missing: ${p.columns}. Required: nip, nama, jabatan, jenis_jabatan, status, unit.`,
    refusedEmpty: 'File refused: no data rows below the header row.',
    refusedAgencyRequired:
      'There is no agency in the database yet. Name it: npm run cli -- import-org <file> --instansi "Agency name"',
    refusedAgencyAmbiguous: (p) => `The database holds several agencies (${p.agencies}). Choose one with --instansi "Agency name".`,
    refusedTooManyErrors: (p) =>
      `Nothing imported: ${p.rejected} of ${p.total} rows (${p.percent}) were rejected, more than the limit of ${p.max}. ` +
      'Fix the file, or run again with --force to import only the valid rows.',
    unknownColumns: (p) => `These columns are unknown and were ignored: ${p.columns}`,
    rowsRead: (p) => `${countOf(p.total, 'row', 'rows')} read: ${p.accepted} accepted, ${p.rejected} rejected.`,
    written: (p) => `Employees: ${p.created} new, ${p.updated} updated, ${p.unchanged} unchanged.`,
    reactivated: (p) => `${p.count} previously inactive employees were reactivated.`,
    deactivated: (p) => `${countOf(p.count, 'employee', 'employees')} missing from the file ${p.count === 1 ? 'was' : 'were'} deactivated.`,
    missingKept: (p) =>
      `${p.count} active employees in the database are not in the file; they were left unchanged. ` +
      'Add --deactivate-missing to deactivate them.',
    units: (p) => `Units: ${p.created} new, ${p.moved} moved to another parent; a unit head was set for ${p.leaders} units.`,
    externalOfficialsCreated: (p) => `${countOf(p.count, 'official', 'officials')} outside the bot (rater / rater's superior) recorded for the first time.`,
    unclearLeaders: (p) =>
      `The head of ${p.count} units could not be determined (more than one member reports outside the unit): ${p.examples}`,
    rejectedHeader: 'Rejected rows:',
    rejectedLine: (p) => `  line ${p.line}${p.nip}: ${p.reasons}`,
    rejectedMore: (p) => `  … and ${p.count} more rows. Save the full list with --report <file.csv>.`,
    reportWritten: (p) => `Row-by-row report saved to ${p.path}`,
    reportAccepted: 'accepted',
    reportRejected: 'rejected',
    MISSING_FIELD: (p) => `column ${p.field} is empty`,
    NIP_INVALID: (p) => `NIP "${p.value}" is not valid: ${p.reason}`,
    SUPERVISOR_NIP_INVALID: (p) => `nip_atasan "${p.value}" is not valid: ${p.reason}`,
    POSITION_TYPE_UNKNOWN: (p) =>
      `jenis_jabatan "${p.value}" is unknown (use JPT, Administrator, Pengawas, Pelaksana or Fungsional, optionally with the level)`,
    STATUS_UNKNOWN: (p) => `status "${p.value}" is unknown (use PNS or PPPK)`,
    TIME_ZONE_UNKNOWN: (p) => `zona_waktu "${p.value}" is unknown (use WIB, WITA, WIT or an IANA name such as Asia/Makassar)`,
    EMAIL_INVALID: (p) => `e-mail "${p.value}" is not valid`,
    TELEGRAM_INVALID: (p) => `telegram "${p.value}" is not a Telegram username (5–32 letters, digits or underscores, starting with a letter)`,
    RANK_INVALID: (p) => `pangkat_golongan "${p.value}" is not a rank (write a PNS golongan ruang such as "Penata, III/c" or "III/c", or a PPPK golongan such as "IX")`,
    EFFECTIVE_DATE_INVALID: (p) => `tanggal_efektif "${p.value}" is not a date (write 2027-06-01 or 01/06/2027)`,
    EFFECTIVE_DATE_FUTURE: (p) => `tanggal_efektif ${p.value} has not come yet: import this move on or after that day, so the new superior and unit do not apply early`,
    EFFECTIVE_DATE_OTHER_YEAR: (p) => `tanggal_efektif ${p.value} is outside performance year ${p.year}: another year's SKP periods cannot be changed by an import`,
    UNIT_SAME_AS_PARENT: (p) => `unit "${p.unit}" cannot be its own parent unit`,
    NIP_DUPLICATE: (p) => `the same NIP is also on line ${lines(p.lines)}`,
    EMAIL_DUPLICATE: (p) => `the same e-mail is also on line ${lines(p.lines)}`,
    OTHER_AGENCY: 'this NIP is already registered in another agency',
    UNIT_PARENT_CONFLICT: (p) => `unit "${p.unit}" is given parent "${p.parent}", but line ${p.line} says "${p.otherParent}"`,
    UNIT_CYCLE: (p) => `the unit tree goes round in a circle: ${p.units.join(' → ')}`,
    SUPERVISOR_SELF: 'nip_atasan is the employee’s own NIP',
    SUPERVISOR_UNKNOWN: (p) => `no supervisor with NIP ${p.nip} in the file or the database`,
    SUPERVISOR_INACTIVE: (p) => `the supervisor with NIP ${p.nip} is inactive`,
    SUPERVISOR_REJECTED: (p) => `the supervisor's row (NIP ${p.nip}, line ${p.line}) was rejected`,
    SUPERVISOR_CYCLE: (p) => `the supervisor chain goes round in a circle: ${p.nips.join(' → ')}`,
    DELEGATE_NIP_INVALID: (p) => `nip_ppk "${p.value}" is not valid: ${p.reason}`,
    EXTERNAL_OFFICIAL_INCOMPLETE: (p) =>
      `${p.filled} "${p.value}" is filled but ${p.empty} is empty: give the official's office and name together, or leave both empty`,
    DELEGATE_SELF: 'nip_ppk is the employee’s own NIP: nobody can be their own rater (Pejabat Penilai Kinerja)',
    DELEGATE_UNKNOWN: (p) => `no delegate with nip_ppk ${p.nip} in the file or in this agency's database`,
    DELEGATE_INACTIVE: (p) => `the delegate with nip_ppk ${p.nip} is inactive and cannot receive the rater's authority`,
    DELEGATE_BELOW: (p) => `the delegate with nip_ppk ${p.nip} is below this employee in the nip_atasan chain; they would rate each other`,
    DELEGATE_MUTUAL: (p) => `the delegate with nip_ppk ${p.nip} has delegated their own rater's authority to this employee; they would rate each other`,
    DELEGATE_REJECTED: (p) => `the delegate's row (nip_ppk ${p.nip}, line ${p.line}) was rejected`,
  },
);
