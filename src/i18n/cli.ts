/**
 * Texts of the admin CLI (other than the organisation import, which has its own catalogue).
 */
import { catalogue } from './catalogue.js';

export const cliText = catalogue(
  {
    usage: [
      'Dialog Kinerja – perintah admin',
      '',
      'Pemakaian: npm run cli -- <perintah> [pilihan]',
      '',
      'Perintah:',
      '  import-org <berkas.csv|berkas.xlsx>   Impor pegawai, unit dan atasan dari berkas HR',
      '      --instansi "Nama"                 instansi tujuan (wajib bila database belum/lebih dari satu instansi)',
      '      --dry-run                         periksa saja, jangan simpan',
      '      --max-error-rate <persen>         batas baris ditolak sebelum seluruh berkas ditolak (bawaan 5)',
      '      --force                           impor baris yang benar walaupun melebihi batas',
      '      --deactivate-missing              nonaktifkan pegawai yang tidak ada dalam berkas',
      '      --report <laporan.csv>            simpan hasil per baris',
      '  link-codes                            Buat kode tautan untuk pegawai yang belum menautkan akun chat',
      '      --instansi "Nama"  --unit "Nama unit" (termasuk sub-unit)  --out <berkas.csv>',
      '  holidays import <berkas.csv>          Impor hari libur (kolom: tanggal, nama, jenis[, instansi])',
      '  holidays list [--year 2026]           Tampilkan kalender hari libur',
      '  status                                Ringkasan database, Redis dan kanal',
      '  migrate                               Terapkan migrasi database (juga otomatis saat bot mulai)',
      '',
      'Bahasa: DEFAULT_LOCALE=en untuk bahasa Inggris.',
    ].join('\n'),
    unknownCommand: (p: { command: string }) => `Perintah tidak dikenal: ${p.command}. Lihat: npm run cli -- help`,
    missingFile: (p: { command: string }) => `Sebutkan berkasnya: npm run cli -- ${p.command} <berkas>`,
    badOption: (p: { option: string; expected: string }) => `Pilihan --${p.option} tidak valid: ${p.expected}.`,
    badOptionPercent: 'angka persen dari 0 sampai 100',
    badOptionYear: 'tahun empat angka, misalnya 2026',
    unknownOption: (p: { message: string }) => `Pilihan tidak dikenal: ${p.message}. Lihat: npm run cli -- help`,
    fileUnreadable: (p: { message: string }) => `Berkas tidak dapat dibaca: ${p.message}`,
    databaseBusy: (p: { dir: string; pid: number }) =>
      `Database bawaan di ${p.dir} sedang dipakai proses lain (pid ${p.pid}), biasanya bot yang sedang berjalan. ` +
      'Hentikan bot dulu, atau pakai PostgreSQL (DATABASE_URL) agar CLI dan bot dapat berjalan bersamaan.',
    migrationFailed: (p: { message: string }) => `Migrasi gagal: ${p.message}`,
    databaseUnavailable: (p: { location: string; reason: string }) =>
      `Tidak dapat terhubung ke PostgreSQL di ${p.location}: ${p.reason}. Periksa DATABASE_URL dan pastikan servernya berjalan.`,
    unexpectedError: (p: { message: string }) => `Terjadi kesalahan tak terduga: ${p.message}`,
    migrated: (p: { applied: string; already: number }) =>
      p.applied ? `Migrasi diterapkan: ${p.applied}.` : `Database sudah mutakhir (${p.already} migrasi).`,
    agencyRequired: 'Sebutkan instansinya dengan --instansi "Nama Instansi".',
    agencyUnknown: (p: { name: string; known: string }) => `Instansi "${p.name}" tidak ada. Instansi yang ada: ${p.known || '(belum ada)'}.`,
    unitUnknown: (p: { name: string }) => `Unit "${p.name}" tidak ada di instansi ini.`,
    linkCodesNone: 'Tidak ada pegawai aktif yang belum menautkan akun chat; tidak ada kode dibuat.',
    linkCodesIssued: (p: { count: number; file: string; expires: string; revoked: number }) =>
      `${p.count} kode tautan dibuat dan disimpan di ${p.file} (berlaku sampai ${p.expires}). ` +
      (p.revoked > 0 ? `${p.revoked} kode lama yang belum dipakai tidak berlaku lagi. ` : '') +
      'Berkas ini berisi kode rahasia: bagikan ke masing-masing pegawai saja, lalu hapus.',
    linkCodeHowTo: (p: { code: string }) => `Kirim /hubungkan ${p.code} ke bot Dialog Kinerja`,
    holidayErrorsHeader: 'Tidak ada yang diimpor; perbaiki baris berikut:',
    holidayMissingField: (p: { line: number; field: string }) => `  baris ${p.line}: kolom ${p.field} kosong`,
    holidayBadDate: (p: { line: number; value: string }) => `  baris ${p.line}: tanggal "${p.value}" bukan tanggal TTTT-BB-HH yang valid`,
    holidayBadKind: (p: { line: number; value: string }) =>
      `  baris ${p.line}: jenis "${p.value}" tidak dikenal (gunakan nasional, cuti_bersama atau instansi)`,
    holidayUnknownAgency: (p: { line: number; value: string }) => `  baris ${p.line}: instansi "${p.value}" tidak ada`,
    holidayNoAgency: (p: { line: number }) =>
      `  baris ${p.line}: libur instansi perlu kolom instansi atau pilihan --instansi`,
    holidayMissingColumns: (p: { columns: string }) => `Berkas ditolak: kolom wajib tidak ada: ${p.columns}.`,
    holidaysImported: (p: { added: number; updated: number; replaced: number; years: string }) =>
      `Hari libur: ${p.added} ditambahkan, ${p.updated} diperbarui` +
      (p.replaced > 0 ? `; ${p.replaced} hari libur bawaan tahun ${p.years} diganti oleh daftar ini` : '') +
      '.',
    holidaysListHeader: (p: { year: number }) => `Hari libur ${p.year}:`,
    holidaysListEmpty: (p: { year: number }) => `Belum ada hari libur untuk ${p.year}.`,
    holidayKindNasional: 'libur nasional',
    holidayKindCutiBersama: 'cuti bersama',
    holidayKindInstansi: 'libur instansi',
    holidaySourceSeed: 'bawaan',
    statusDatabase: (p: { kind: string; location: string }) => `Database: ${p.kind} (${p.location})`,
    statusMigrations: (p: { count: number; last: string }) => `Migrasi: ${p.count} diterapkan, terakhir ${p.last}`,
    statusAgency: (p: { name: string; units: number; active: number; inactive: number; linked: number }) =>
      `Instansi ${p.name}: ${p.units} unit, ${p.active} pegawai aktif (${p.inactive} nonaktif), ${p.linked} sudah menautkan akun chat`,
    statusNoAgency: 'Belum ada instansi. Mulai dengan: npm run cli -- import-org examples/organisasi-contoh.csv --instansi "Nama Instansi"',
    statusHolidays: (p: { year: number; count: number }) => `Hari libur ${p.year}: ${p.count}`,
    statusRedis: (p: { target: string; ok: boolean }) => `Redis ${p.target}: ${p.ok ? 'menjawab' : 'tidak menjawab'}`,
    statusRedisSelfStarted: 'Redis: tidak dikonfigurasi; bot akan menjalankan redis-server sendiri saat mulai',
    statusChannel: (p: { name: string; detail: string }) => `Kanal ${p.name}: ${p.detail}`,
  },
  {
    usage: [
      'Dialog Kinerja – admin commands',
      '',
      'Usage: npm run cli -- <command> [options]',
      '',
      'Commands:',
      '  import-org <file.csv|file.xlsx>       Import employees, units and supervisors from an HR file',
      '      --instansi "Name"                 target agency (required when the database has none or several)',
      '      --dry-run                         check only, save nothing',
      '      --max-error-rate <percent>        rejected rows allowed before the whole file is refused (default 5)',
      '      --force                           import the valid rows even above that limit',
      '      --deactivate-missing              deactivate employees the file does not list',
      '      --report <report.csv>             save the row-by-row result',
      '  link-codes                            Issue link codes for employees without a linked chat account',
      '      --instansi "Name"  --unit "Unit name" (with its sub-units)  --out <file.csv>',
      '  holidays import <file.csv>            Import holidays (columns: tanggal, nama, jenis[, instansi])',
      '  holidays list [--year 2026]           Show the holiday calendar',
      '  status                                Database, Redis and channel summary',
      '  migrate                               Apply database migrations (also automatic when the bot starts)',
      '',
      'Language: DEFAULT_LOCALE=id for Indonesian.',
    ].join('\n'),
    unknownCommand: (p) => `Unknown command: ${p.command}. See: npm run cli -- help`,
    missingFile: (p) => `Name the file: npm run cli -- ${p.command} <file>`,
    badOption: (p) => `Option --${p.option} is not valid: ${p.expected}.`,
    badOptionPercent: 'a percentage from 0 to 100',
    badOptionYear: 'a four-digit year such as 2026',
    unknownOption: (p) => `Unknown option: ${p.message}. See: npm run cli -- help`,
    fileUnreadable: (p) => `The file cannot be read: ${p.message}`,
    databaseBusy: (p) =>
      `The embedded database in ${p.dir} is in use by another process (pid ${p.pid}), usually the running bot. ` +
      'Stop the bot first, or use PostgreSQL (DATABASE_URL) so the CLI and the bot can run together.',
    migrationFailed: (p) => `Migration failed: ${p.message}`,
    databaseUnavailable: (p) =>
      `Cannot connect to PostgreSQL at ${p.location}: ${p.reason}. Check DATABASE_URL and that the server is running.`,
    unexpectedError: (p) => `Unexpected error: ${p.message}`,
    migrated: (p) => (p.applied ? `Migrations applied: ${p.applied}.` : `The database is up to date (${p.already} migrations).`),
    agencyRequired: 'Name the agency with --instansi "Agency name".',
    agencyUnknown: (p) => `There is no agency "${p.name}". Agencies: ${p.known || '(none yet)'}.`,
    unitUnknown: (p) => `There is no unit "${p.name}" in this agency.`,
    linkCodesNone: 'Every active employee already has a linked chat account; no codes issued.',
    linkCodesIssued: (p) =>
      `${p.count} link codes issued and saved to ${p.file} (valid until ${p.expires}). ` +
      (p.revoked > 0 ? `${p.revoked} older unused codes no longer work. ` : '') +
      'The file holds secret codes: give each employee only their own, then delete it.',
    linkCodeHowTo: (p) => `Send /hubungkan ${p.code} to the Dialog Kinerja bot`,
    holidayErrorsHeader: 'Nothing imported; fix these rows:',
    holidayMissingField: (p) => `  line ${p.line}: column ${p.field} is empty`,
    holidayBadDate: (p) => `  line ${p.line}: "${p.value}" is not a valid YYYY-MM-DD date`,
    holidayBadKind: (p) => `  line ${p.line}: kind "${p.value}" is unknown (use nasional, cuti_bersama or instansi)`,
    holidayUnknownAgency: (p) => `  line ${p.line}: there is no agency "${p.value}"`,
    holidayNoAgency: (p) => `  line ${p.line}: an agency holiday needs the instansi column or the --instansi option`,
    holidayMissingColumns: (p) => `File refused: required columns missing: ${p.columns}.`,
    holidaysImported: (p) =>
      `Holidays: ${p.added} added, ${p.updated} updated` +
      (p.replaced > 0 ? `; ${p.replaced} built-in holidays of ${p.years} replaced by this list` : '') +
      '.',
    holidaysListHeader: (p) => `Holidays ${p.year}:`,
    holidaysListEmpty: (p) => `No holidays for ${p.year} yet.`,
    holidayKindNasional: 'national holiday',
    holidayKindCutiBersama: 'collective leave',
    holidayKindInstansi: 'agency holiday',
    holidaySourceSeed: 'built-in',
    statusDatabase: (p) => `Database: ${p.kind} (${p.location})`,
    statusMigrations: (p) => `Migrations: ${p.count} applied, latest ${p.last}`,
    statusAgency: (p) =>
      `Agency ${p.name}: ${p.units} units, ${p.active} active employees (${p.inactive} inactive), ${p.linked} with a linked chat account`,
    statusNoAgency: 'No agency yet. Start with: npm run cli -- import-org examples/organisasi-contoh.csv --instansi "Agency name"',
    statusHolidays: (p) => `Holidays ${p.year}: ${p.count}`,
    statusRedis: (p) => `Redis ${p.target}: ${p.ok ? 'answers' : 'does not answer'}`,
    statusRedisSelfStarted: 'Redis: not configured; the bot starts its own redis-server when it runs',
    statusChannel: (p) => `Channel ${p.name}: ${p.detail}`,
  },
);
