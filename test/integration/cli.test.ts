import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createCliContext } from '../../src/cli/context.js';
import { parseConfig } from '../../src/config/load.js';
import { useTestDatabase } from '../support/database.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import { tempDir, tempFile } from '../support/files.js';

const db = await useTestDatabase();

/** Runs the CLI as HR would, capturing what it prints. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url, ...env }), {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    interactive: false,
  });
  context.now = () => new Date('2026-11-27T03:00:00Z');
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}


describe('the admin CLI', () => {
  it('prints its help in Indonesian by default and in English when asked', async () => {
    expect((await cli(['help'])).out).toMatch(/Pemakaian: npm run cli -- <perintah>/);
    expect((await cli([], { DEFAULT_LOCALE: 'en' })).out).toMatch(/Usage: npm run cli -- <command>/);
  });

  it('refuses unknown commands and options with a pointer to the help', async () => {
    expect(await cli(['impor'])).toMatchObject({ code: 2, err: expect.stringMatching(/Perintah tidak dikenal: impor/) });
    expect(await cli(['status', '--bogus'])).toMatchObject({ code: 2, err: expect.stringMatching(/Pilihan tidak dikenal/) });
    expect(await cli(['import-org'])).toMatchObject({ code: 1, err: expect.stringMatching(/Sebutkan berkasnya/) });
    expect(await cli(['import-org', 'x.csv', '--max-error-rate', 'banyak'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--max-error-rate tidak valid/),
    });
    expect(await cli(['import-org', 'tidak-ada.csv'])).toMatchObject({ code: 1, err: expect.stringMatching(/Berkas tidak dapat dibaca/) });
  });

  it('imports the example organisation and writes a row-by-row report', async () => {
    const report = join(tempDir(), 'laporan.csv');
    const result = await cli(['import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh', '--report', report]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/20 baris dibaca: 20 diterima, 0 ditolak/);
    expect(result.out).toMatch(/Pegawai: 20 baru/);
    expect(readFileSync(report, 'utf8').split('\r\n')[1]).toBe('2,197203151998031004,diterima,');
  });

  it('shows the rejected rows of a broken file and exits with 1', async () => {
    const result = await cli(['import-org', 'examples/organisasi-rusak.csv', '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/baris 3: NIP\/NI PPPK "19770822200312200" tidak valid: NIP\/NI PPPK harus terdiri dari 18 angka/);
    expect(result.out).toMatch(/baris 8 \(198711052010012003\): rantai atasan berputar/);
    expect(result.out).toMatch(/Tidak ada yang diimpor/);
  });

  it('issues link codes into a private CSV file', async () => {
    const out = join(tempDir(), 'kode.csv');
    const result = await cli(['link-codes', '--unit', 'UPTD Pusat Data Jayapura', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/3 kode tautan dibuat/);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('nip,nama,unit,kode,berlaku_sampai,cara_pakai,tautan_telegram');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/,2026-12-11,Kirim \/hubungkan [A-Z2-9]{4}-[A-Z2-9]{4} ke bot Dialog Kinerja,$/);
    expect(await cli(['link-codes', '--unit', 'Tidak Ada'])).toMatchObject({ code: 1, err: expect.stringMatching(/Unit "Tidak Ada" tidak ada/) });
  });

  it('adds a t.me deep link when a Telegram bot is configured', async () => {
    const fake = await startFakeTelegram();
    try {
      const out = join(tempDir(), 'kode.csv');
      const result = await cli(['link-codes', '--unit', 'Subbagian Keuangan', '--out', out], { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
      expect(result.code).toBe(0);
      const [, first] = readFileSync(out, 'utf8').trim().split('\r\n');
      const code = /\/hubungkan ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(first ?? '')?.[1];
      expect(first).toContain(`,https://t.me/dialog_kinerja_test_bot?start=${code}`);
    } finally {
      await fake.close();
    }
  });

  it('imports and lists holidays', async () => {
    const file = tempFile('libur.csv', 'tanggal,nama,jenis\n2026-10-04,Hari Jadi Provinsi,instansi\n');
    expect(await cli(['holidays', 'import', file])).toMatchObject({ code: 1, err: expect.stringMatching(/libur instansi perlu kolom instansi/) });
    const imported = await cli(['holidays', 'import', file, '--instansi', 'Pemerintah Provinsi Contoh']);
    expect(imported).toMatchObject({ code: 0, out: 'Hari libur: 1 ditambahkan, 0 diperbarui.' });
    const listed = await cli(['holidays', 'list', '--year', '2026']);
    expect(listed.out).toMatch(/2026-10-04 {2}Hari Jadi Provinsi \(libur instansi, Pemerintah Provinsi Contoh\)/);
    expect((await cli(['holidays', 'list', '--year', 'dua ribu'])).err).toMatch(/--year tidak valid/);
  });

  it('summarises the installation', async () => {
    const result = await cli(['status']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Database: PostgreSQL/);
    expect(result.out).toMatch(/Instansi Pemerintah Provinsi Contoh: 8 unit, 20 pegawai aktif \(0 nonaktif\), 0 sudah menghubungkan akun chat/);
    expect(result.out).toMatch(/Kanal telegram: not configured/);
  });
});

describe('the admin CLI without a database', () => {
  it('says in one line which PostgreSQL it could not reach', async () => {
    const lines: string[] = [];
    const context = createCliContext(parseConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/dialog' }), {
      out: () => {},
      err: (line) => lines.push(line),
      interactive: false,
    });
    expect(await runCli(['status'], context)).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Tidak dapat terhubung ke PostgreSQL di 127\.0\.0\.1:1\/dialog: .*Periksa DATABASE_URL/)]);
  });
});
