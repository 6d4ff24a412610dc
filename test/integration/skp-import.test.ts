/**
 * `skp import`: SKPs established in e-Kinerja become agreed plans, so the head of the agency (whose
 * leader is outside the bot) can set expectations, and staff plans align to their leader's RHK.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createCliContext } from '../../src/cli/context.js';
import { parseConfig } from '../../src/config/load.js';
import { decideAndCommit } from '../../src/services/commit.js';
import { loadMember, reportsOf } from '../../src/services/people.js';
import { servicesFor } from '../../src/services/registry.js';
import { useTestDatabase } from '../support/database.js';
import { tempFile } from '../support/files.js';

const db = await useTestDatabase();
const NOW = new Date('2026-02-02T03:00:00Z');
const EXAMPLE = 'examples/skp-contoh.csv';
const BUDI = '197203151998031004';
const SITI = '197708222003122002';
const AGUS = '198001102005011003';
const AHMAD = '199002142014021001';
const HEADER = 'nip,tahun,jenis_rhk,rhk,perspektif,aspek,indikator,target,rhk_atasan,tanggal_penetapan,nomor_dokumen';
const SPBE = 'Meningkatnya penerapan Sistem Pemerintahan Berbasis Elektronik (SPBE)';

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url, ...env }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  context.now = () => NOW;
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function plans(nip: string) {
  return db.prisma.plan.findMany({
    where: { employee: { nip } },
    orderBy: { version: 'asc' },
    include: { resultExpectations: { orderBy: { position: 'asc' }, include: { indicators: { orderBy: { position: 'asc' } }, leaderRhk: true } } },
  });
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

beforeEach(async () => {
  await db.prisma.agency.deleteMany();
  await db.prisma.auditLog.deleteMany();
  expect((await cli(['import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh'])).code).toBe(0);
});

describe('importing the example SKPs', () => {
  it('gives the head of the agency an established plan with perspektif, indicators, date and number', async () => {
    const result = await cli(['skp', 'import', EXAMPLE]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Ir\. Budi Santoso M\.T\. \(197203151998031004\), 2026: SKP baru ditetapkan dengan 3 RHK/);
    expect(result.out).toMatch(/Ringkasan: 2 SKP baru, 0 versi baru, 0 tidak berubah, 0 ditolak/);

    const [plan, ...others] = await plans(BUDI);
    expect(others).toEqual([]);
    expect(plan).toMatchObject({
      year: 2026,
      version: 1,
      status: 'AGREED',
      source: 'IMPORT',
      raterId: null,
      positionTitle: 'Kepala Dinas Komunikasi dan Informatika',
      documentNumber: '800.1.3/012/Diskominfo/2026',
      supersededAt: null,
    });
    expect(plan?.establishedOn?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(plan?.agreedAt?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(plan?.resultExpectations.map((rhk) => [rhk.kind, rhk.perspective, rhk.indicators.length])).toEqual([
      ['UTAMA', 'PENERIMA_LAYANAN', 2],
      ['UTAMA', 'PROSES_BISNIS', 2],
      ['UTAMA', 'ANGGARAN', 1],
    ]);
    const index = plan?.resultExpectations[0]?.indicators[0];
    expect(index).toMatchObject({ aspect: 'KUALITAS', text: 'Indeks Keterbukaan Informasi Publik Provinsi', targetUnit: 'poin', targetText: null });
    expect(Number(index?.targetValue)).toBe(85.5);
    expect(plan?.resultExpectations[0]?.indicators[1]).toMatchObject({ aspect: 'WAKTU', targetUnit: '%' });

    const [agus] = await plans(AGUS);
    expect(agus?.raterId).not.toBeNull();
    expect(agus?.resultExpectations.map((rhk) => [rhk.kind, rhk.perspective, rhk.leaderRhk?.text])).toEqual([
      ['UTAMA', null, SPBE],
      ['TAMBAHAN', null, SPBE],
    ]);
    expect(agus?.resultExpectations[0]?.leaderRhkId).toBe(plan?.resultExpectations[1]?.id);
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.imported', actorLabel: 'cli' } })).toBe(2);
  });

  it('lets the head set expectations for a report, which was refused before', async () => {
    const head = await db.prisma.employee.findUniqueOrThrow({ where: { nip: BUDI } });
    const siti = await db.prisma.employee.findUniqueOrThrow({ where: { nip: SITI } });
    const member = (await loadMember(db.prisma, head.id))!;
    const before = await decideAndCommit(db.prisma, NOW, (work) => servicesFor(db.prisma, work).plans.mayPropose(member, 2026));
    expect(before.value).toMatchObject({ ok: false, refusal: { code: 'NEED_OWN_PLAN', year: 2026 } });

    expect((await cli(['skp', 'import', EXAMPLE])).code).toBe(0);
    expect((await reportsOf(db.prisma, member, NOW)).map((r) => r.id)).toContain(siti.id);
    const own = await decideAndCommit(db.prisma, NOW, (work) => servicesFor(db.prisma, work).plans.mayPropose(member, 2026));
    expect(own.value.ok && own.value.value.map((rhk) => rhk.text)).toContain(SPBE);
    const leaderRhk = own.value.ok ? own.value.value[1]!.id : '';
    const proposed = await decideAndCommit(db.prisma, NOW, (work) =>
      servicesFor(db.prisma, work).plans.propose(member, {
        employeeId: siti.id,
        year: 2026,
        rhks: [{ kind: 'UTAMA', text: 'Terkoordinasinya dukungan kesekretariatan SPBE', leaderRhkId: leaderRhk, indicators: [{ aspect: 'KUANTITAS', text: 'Jumlah rapat koordinasi', targetValue: 4, targetUnit: 'rapat', targetText: null }] }],
        behaviours: [],
      }),
    );
    expect(proposed.value.ok).toBe(true);
    expect((await plans(SITI)).map((p) => [p.status, p.raterId])).toEqual([['PROPOSED', head.id]]);
  });

  it('changes nothing when the same file is imported again', async () => {
    await cli(['skp', 'import', EXAMPLE]);
    const again = await cli(['skp', 'import', EXAMPLE]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Ir\. Budi Santoso M\.T\. \(197203151998031004\), 2026: tidak berubah \(versi 1\)/);
    expect(again.out).toMatch(/Ringkasan: 0 SKP baru, 0 versi baru, 2 tidak berubah, 0 ditolak/);
    expect(await db.prisma.plan.count()).toBe(2);
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.imported' } })).toBe(2);
  });

  it('makes a new version for a changed SKP, keeping the old one and the lineage of unchanged RHK', async () => {
    await cli(['skp', 'import', EXAMPLE]);
    const changed = readFileSync(EXAMPLE, 'utf8').replace('12 layanan', '15 layanan');
    const result = await cli(['skp', 'import', tempFile('skp-changed.csv', changed), '--report', tempFile('skp-report.csv', '')], { DEFAULT_LOCALE: 'en' });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Ir\. Budi Santoso M\.T\. \(197203151998031004\), 2026: SKP changed – new version 2 with 3 RHK/);
    // Agus's leader RHK has a new id in the head's new version, but the same text: unchanged.
    expect(result.out).toMatch(/Agus Setiawan S\.Kom\. \(198001102005011003\), 2026: unchanged/);

    const [v1, v2] = await plans(BUDI);
    expect(v1?.supersededAt?.toISOString()).toBe(NOW.toISOString());
    expect(v2).toMatchObject({ version: 2, status: 'AGREED', supersededAt: null, revisionReason: 'impor' });
    expect(Number(v2?.resultExpectations[1]?.indicators[1]?.targetValue)).toBe(15);
    expect(v2?.resultExpectations.map((rhk) => rhk.lineageId)).toEqual(v1?.resultExpectations.map((rhk) => rhk.lineageId));
  });

  it('refuses a person with a bad row, with line numbers and reasons, and imports the others', async () => {
    const file = tempFile(
      'skp-bad.csv',
      csv(
        `${BUDI},2026,utama,${SPBE},Proses Bisnis,kualitas,Indeks SPBE,"3,5 indeks",,05-01-2026,PK/1`,
        `${AGUS},2026,utama,Meningkatnya aplikasi terintegrasi,,kuantitas,Jumlah aplikasi,8 aplikasi,${SPBE},,`,
        `${AGUS},2026,pokok,Meningkatnya aplikasi terintegrasi,,kuantitas,Jumlah aplikasi lain,2 aplikasi,${SPBE},,`,
        `${AHMAD},2026,utama,Aplikasi layanan yang dikembangkan,Proses Bisnis,kuantitas,Jumlah aplikasi,3 aplikasi,Meningkatnya aplikasi terintegrasi,,`,
        `${SITI},26,utama,Dukungan kesekretariatan,,kuantitas,Jumlah rapat,4 rapat,${SPBE},,`,
        `${SITI},2026,utama,Dukungan kesekretariatan,,kecepatan,Waktu layanan,5 hari,Tidak ada di SKP kepala,,`,
        `199999999999999999,2026,utama,RHK,,kuantitas,Indikator,1 dokumen,,,`,
      ),
    );
    const report = tempFile('skp-bad-report.csv', '');
    const result = await cli(['skp', 'import', file, '--report', report]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Ir\. Budi Santoso M\.T\. \(197203151998031004\), 2026: SKP baru ditetapkan dengan 1 RHK/);
    expect(result.out).toContain(`baris 3 (${AGUS}): SKP pegawai ini tidak diimpor karena baris 4 ditolak`);
    expect(result.out).toContain(`baris 4 (${AGUS}): jenis_rhk "pokok" tidak dikenal (gunakan utama atau tambahan)`);
    expect(result.out).toContain(`baris 5 (${AHMAD}): perspektif hanya untuk SKP JPT; kosongkan kolom ini; SKP atasan (Agus Setiawan S.Kom.) dalam berkas ini ditolak`);
    expect(result.out).toContain(`baris 6 (${SITI}): tahun "26" tidak dikenal`);
    expect(result.out).toContain(`baris 7 (${SITI}): aspek "kecepatan" tidak dikenal`);
    expect(result.out).toContain('baris 8 (199999999999999999): NIP/NI PPPK 199999999999999999 bukan pegawai instansi ini');
    expect(result.out).toMatch(/Ringkasan: 1 SKP baru, 0 versi baru, 0 tidak berubah, 4 ditolak/);
    expect((await plans(AGUS)).length + (await plans(SITI)).length + (await plans(AHMAD)).length).toBe(0);
    expect(readFileSync(report, 'utf8').split('\r\n').slice(0, 3)).toEqual(['baris,nip,hasil,alasan', `2,${BUDI},diterima: SKP baru,`, `3,${AGUS},ditolak,SKP pegawai ini tidak diimpor karena baris 4 ditolak`]);
  });

  it('refuses a leader RHK that is not in the supervisor’s SKP and a JPT RHK without perspektif', async () => {
    await cli(['skp', 'import', EXAMPLE]);
    const result = await cli([
      'skp',
      'import',
      tempFile('skp-leader.csv', csv(`${AHMAD},2026,utama,Aplikasi layanan,,kuantitas,Jumlah aplikasi,3 aplikasi,RHK yang tidak ada,,`, `${BUDI},2027,utama,RHK tanpa perspektif,,kuantitas,Indikator,1 dokumen,,,`)),
    ]);
    expect(result.out).toContain(`baris 2 (${AHMAD}): Rencana Hasil Kerja Pimpinan yang Diintervensi "RHK yang tidak ada" tidak ada dalam SKP Agus Setiawan S.Kom. tahun 2026`);
    expect(result.out).toContain(`baris 3 (${BUDI}): SKP JPT memerlukan perspektif untuk setiap RHK`);
  });

  it('reads the same SKPs from an XLSX file, with the year as a number and the date as a date cell', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { parse } = await import('csv-parse/sync');
    const [header, ...rows]: string[][] = parse(readFileSync(EXAMPLE, 'utf8'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SKP');
    sheet.addRow(header!);
    const year = header!.indexOf('tahun');
    const date = header!.indexOf('tanggal_penetapan');
    for (const row of rows) {
      // What Excel stores when someone types them: a number and a date, not text.
      sheet.addRow(row.map((cell, i) => (i === year ? Number(cell) : i === date && cell ? new Date(`${cell}T00:00:00Z`) : cell)));
    }
    const file = tempFile('skp.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await cli(['skp', 'import', file]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Ringkasan: 2 SKP baru, 0 versi baru, 0 tidak berubah, 0 ditolak/);
    const [head] = await plans(BUDI);
    expect(head).toMatchObject({ status: 'AGREED', source: 'IMPORT', documentNumber: '800.1.3/012/Diskominfo/2026' });
    expect(head?.establishedOn?.toISOString().slice(0, 10)).toBe('2026-01-05');
    // The same SKPs from CSV afterwards are unchanged.
    expect((await cli(['skp', 'import', EXAMPLE])).out).toMatch(/Ringkasan: 0 SKP baru, 0 versi baru, 2 tidak berubah, 0 ditolak/);
  });

  it('writes nothing in a dry run but says what would happen', async () => {
    const result = await cli(['skp', 'import', EXAMPLE, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Ringkasan: 2 SKP baru, 0 versi baru, 0 tidak berubah, 0 ditolak/);
    expect(result.out).toContain('Uji coba (--dry-run): tidak ada yang disimpan.');
    expect(await db.prisma.plan.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.imported' } })).toBe(0);
  });
});
