/**
 * Exports for e-Kinerja: the XLSX and the CSVs of a unit and a period hold the same numbers as the
 * database (read back here), bad options write nothing, and HR receives the XLSX in chat while
 * others are refused. The documents: what the Dokumen Evaluasi gathers from the database, and a
 * unit's documents as one ZIP from the CLI and in chat.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { renderEvaluationDocument } from '../../src/documents/evaluation-document.js';
import { makeDocumentsZip } from '../../src/documents/outputs.js';
import { readEvaluationDocument, readSkpDocument } from '../../src/documents/read.js';
import { parsePeriodKey } from '../../src/domain/periods.js';
import { readCsv } from '../../src/files/table.js';
import { buildEvaluationExport } from '../../src/reports/evaluation-export.js';
import { storedEvidenceLinker } from '../../src/reports/stored-evidence-linker.js';
import { describeEvidence as describeStored } from '../../src/attachments/describe.js';
import { verifyEvidenceUrl } from '../../src/attachments/signed-url.js';
import { exportXlsx } from '../../src/reports/export-files.js';
import type { ExportTexts } from '../../src/reports/export-texts.js';
import { runCliOn } from '../support/cli.js';
import { useTestDatabase } from '../support/database.js';
import { useConsoleDriver } from '../support/drivers.js';
import { tempDir } from '../support/files.js';
import { pdfText } from '../support/pdf.js';

const db = await useTestDatabase();
const bot = await useConsoleDriver(db, () => new Date('2026-11-27T03:00:00Z'));
const SECTION = 'Seksi Pengembangan Aplikasi';

const cli = (args: string[]) => runCliOn(db.url, args);

const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** A quarter of record for Andi (and a little outside it), and evaluations for Andi and Ratna. */
beforeAll(async () => {
  const [andi, ratna, sri] = [await person('Andi Pratama'), await person('Ratna Sari Dewi'), await person('Sri Wahyuni')];
  const sriRhk = await db.prisma.resultExpectation.findFirstOrThrow({ where: { plan: { employeeId: sri.id } }, orderBy: { position: 'asc' } });
  const plan = await db.prisma.plan.create({
    data: {
      employeeId: andi.id,
      raterId: sri.id,
      year: 2026,
      status: 'AGREED',
      positionTitle: andi.position,
      resultExpectations: {
        create: [
          {
            lineageId: 'andi-rhk-1',
            kind: 'UTAMA',
            text: 'Tersedianya modul perizinan daring',
            position: 0,
            leaderRhkId: sriRhk.id,
            indicators: {
              create: [
                { aspect: 'KUANTITAS', text: 'Jumlah modul yang selesai', targetValue: 6, targetUnit: 'modul', position: 0 },
                { aspect: 'WAKTU', text: 'Modul selesai tepat waktu', targetValue: 12.5, targetUnit: 'bulan', position: 1 },
              ],
            },
          },
          { lineageId: 'andi-rhk-2', kind: 'TAMBAHAN', text: 'Terdokumentasinya API layanan', position: 1, indicators: { create: [{ aspect: 'KUALITAS', text: 'Dokumentasi lengkap', targetText: 'Semua endpoint terdokumentasi' }] } },
        ],
      },
      behaviourExpectations: { create: [{ coreValue: 'kolaboratif', text: 'Berbagi pengetahuan dengan tim aplikasi' }] },
    },
    include: { resultExpectations: { include: { indicators: true }, orderBy: { position: 'asc' } } },
  });
  const [rhk1, rhk2] = plan.resultExpectations;
  const modules = rhk1!.indicators.find((indicator) => indicator.position === 0)!;
  const progress = (occurredOn: string, rhkId: string, extra: { value?: number; indicatorId?: string; evidence?: number; file?: string; text?: string } = {}) =>
    db.prisma.progressEntry.create({
      data: {
        employeeId: andi.id,
        rhkId,
        text: extra.text ?? `Realisasi ${occurredOn}`,
        occurredOn: day(occurredOn),
        value: extra.value ?? null,
        indicatorId: extra.indicatorId ?? null,
        evidence: {
          create: [
            ...Array.from({ length: extra.evidence ?? 0 }, (_, i) => ({ kind: 'LINK' as const, url: `https://drive.contoh.go.id/${occurredOn}/${i}` })),
            ...(extra.file ? [{ kind: 'FILE' as const, platform: 'TELEGRAM' as const, externalFileId: `tg-${occurredOn}`, fileName: extra.file }] : []),
          ],
        },
      },
    });
  await progress('2026-09-30', rhk1!.id, { evidence: 1, value: 3, indicatorId: modules.id }); // Q3: not counted
  await progress('2026-10-05', rhk1!.id, { evidence: 2, value: 4, indicatorId: modules.id });
  await progress('2026-11-20', rhk1!.id, { file: 'notulen rapat.pdf', value: 5, indicatorId: modules.id });
  // Told in a check-in on the RHK as a whole; a text that looks like a formula, with a stray control character.
  await progress('2026-12-01', rhk2!.id, { text: '=HYPERLINK("http://evil.example","klik")\u0007 dokumentasi selesai' });

  const feedback = (at: string, kind: 'APRESIASI' | 'PERBAIKAN', about: { rhkId?: string; coreValue?: 'kolaboratif' } = {}) =>
    db.prisma.feedback.create({ data: { recipientId: andi.id, giverId: sri.id, kind, text: `Umpan balik ${at.slice(0, 10)}`, createdAt: new Date(at), ...about } });
  await feedback('2026-09-30T16:30:00Z', 'APRESIASI', { rhkId: rhk1!.id }); // 23.30 WIB on 30 September: Q3
  await feedback('2026-09-30T17:30:00Z', 'APRESIASI', { rhkId: rhk1!.id }); // 00.30 WIB on 1 October: Q4
  await feedback('2026-11-02T03:00:00Z', 'PERBAIKAN', { coreValue: 'kolaboratif' });
  await feedback('2026-12-31T16:30:00Z', 'APRESIASI'); // 23.30 WIB on 31 December: Q4, about nothing in particular

  // The week of Thursday 24 September belongs to Q3; the week of Thursday 1 October to Q4.
  for (const [weekKey, status] of [['2026-W39', 'ANSWERED'], ['2026-W40', 'ANSWERED'], ['2026-W41', 'ANSWERED'], ['2026-W42', 'MISSED'], ['2026-W43', 'SKIPPED']] as const) {
    await db.prisma.checkinPrompt.create({ data: { employeeId: andi.id, weekKey, status } });
  }

  const andiEvaluation = await db.prisma.evaluation.create({
    data: {
      employeeId: andi.id,
      raterId: sri.id,
      kind: 'PERIODIC',
      year: 2026,
      periodKey: '2026-Q4',
      resultsRating: 'SESUAI',
      behaviourRating: 'DI_ATAS',
      predikat: 'BAIK',
      status: 'DECIDED',
      finalizedAt: new Date('2026-12-28T20:00:00Z'), // 29 December in WIB
      followUps: { create: [{ kind: 'PENGHARGAAN', recommendation: 'Usulan pegawai berprestasi', decision: 'Sertifikat', outcome: 'DISETUJUI', officialName: 'Kepala Dinas Kominfo', documentNumber: '800/9/2027', decidedOn: new Date('2027-01-20T00:00:00Z') }] },
    },
  });
  await db.prisma.objection.create({
    data: { evaluationId: andiEvaluation.id, reasons: 'Modul ketiga selesai lebih awal.', status: 'DECIDED', decision: 'CHANGED', changedResultsRating: 'DI_ATAS', changedPredikat: 'SANGAT_BAIK', decidedAt: new Date('2027-01-05T03:00:00Z') },
  });
  await db.prisma.evaluation.create({
    data: { employeeId: ratna.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', resultsRating: 'DI_BAWAH', behaviourRating: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', status: 'ACKNOWLEDGED', finalizedAt: new Date('2027-01-04T03:00:00Z'), acknowledgedAt: new Date('2027-01-06T03:00:00Z') },
  });
  await db.prisma.evaluation.create({
    data: { employeeId: ratna.id, raterId: sri.id, kind: 'ANNUAL', year: 2026, periodKey: '2026', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'DRAFT' },
  });
});

/** Rows of a worksheet keyed by header, with the raw ExcelJS values. */
function sheetRows(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((header, i) => [header, row.getCell(i + 1).value])));
  });
  return rows;
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

/** What the database says about one employee in Q4 2026 (WIB), counted independently of the exporter. */
async function databaseCounts(nip: string) {
  const employee = await db.prisma.employee.findUniqueOrThrow({ where: { nip } });
  const inQuarter = { gte: day('2026-10-01'), lte: day('2026-12-31') };
  const plan = await db.prisma.plan.findFirst({ where: { employeeId: employee.id, year: 2026 }, include: { _count: { select: { resultExpectations: true } } } });
  return {
    rhk: plan?._count.resultExpectations ?? 0,
    progress: await db.prisma.progressEntry.count({ where: { employeeId: employee.id, occurredOn: inQuarter } }),
    evidence: await db.prisma.evidence.count({ where: { progressEntry: { employeeId: employee.id, occurredOn: inQuarter } } }),
    feedback: await db.prisma.feedback.count({ where: { recipientId: employee.id, createdAt: { gte: new Date('2026-09-30T17:00:00Z'), lt: new Date('2026-12-31T17:00:00Z') } } }),
  };
}

describe('export (CLI)', () => {
  it('writes an XLSX of a unit and a quarter that holds the same numbers as the database', async () => {
    const dir = tempDir();
    const result = await cli(['export', '--period', '2026-Q4', '--unit', SECTION, '--out', dir]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const file = join(dir, 'ekspor-seksi-pengembangan-aplikasi-2026-Q4.xlsx');
    expect(result.out).toBe(`Ekspor Triwulan IV 2026 untuk ${SECTION}: 5 pegawai, 5 baris RHK, disimpan di ${file}.`);

    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Pegawai', 'RHK', 'Realisasi RHK', 'Perilaku', 'Keterangan']);
    const employeesSheet = workbook.getWorksheet('Pegawai')!;
    expect(employeesSheet.getRow(1).font?.bold).toBe(true);
    const employees = sheetRows(employeesSheet);
    const members = await db.prisma.employee.findMany({ where: { unit: { name: SECTION }, active: true } });
    expect(employees.map((row) => row['NIP']).sort()).toEqual(members.map((member) => member.nip).sort());
    for (const row of employees) {
      // NIPs stay text with all 18 digits; counts are numbers equal to the database's.
      expect(row['NIP']).toMatch(/^\d{18}$/);
      const counts = await databaseCounts(row['NIP'] as string);
      expect({ rhk: row['Jumlah RHK'], progress: row['Realisasi dicatat'], evidence: row['Bukti dukung'], feedback: row['Umpan balik diterima'] }).toEqual(counts);
    }

    const andi = employees.find((row) => row['Nama'] === 'Andi Pratama')!;
    expect(andi).toMatchObject({
      'Unit kerja': SECTION,
      'Nama Pejabat Penilai Kinerja': 'Sri Wahyuni',
      'NIP Pejabat Penilai Kinerja': '198209172006042002',
      'Status SKP': 'Ditetapkan',
      'Versi SKP': 1,
      'Jumlah RHK': 2,
      'Realisasi dicatat': 3,
      'Bukti dukung': 3,
      'Umpan balik diterima': 3,
      'Umpan balik: apresiasi': 2,
      'Umpan balik: saran perbaikan': 1,
      'Laporan progres mingguan diisi': 2,
      'Laporan progres mingguan terlewat': 1,
      'Status penilaian': 'Keberatan diputus',
      'Rating hasil kerja': 'Sesuai Ekspektasi',
      'Rating perilaku kerja': 'Di Atas Ekspektasi',
      'Predikat kinerja': 'Baik',
      'Status keberatan': 'Diputus',
      'Keputusan keberatan': 'Hasil diubah',
      'Predikat setelah keberatan': 'Sangat Baik',
      'Predikat akhir': 'Sangat Baik',
      'Tindak lanjut': 'Penghargaan: Usulan pegawai berprestasi (disetujui oleh Kepala Dinas Kominfo, dokumen 800/9/2027 tanggal 2027-01-20; Sertifikat)',
      'Predikat ditetapkan': 'Sangat Baik',
    });
    expect(andi['Tanggal penilaian final']).toEqual(new Date('2026-12-29T00:00:00Z'));
    expect(employees.find((row) => row['Nama'] === 'Ratna Sari Dewi')).toMatchObject({ 'Status penilaian': 'Diterima pegawai', 'Predikat akhir': 'Butuh Perbaikan', 'Status SKP': 'Belum ada', 'Jumlah RHK': 0 });
    expect(employees.find((row) => row['Nama'] === 'Yohanes Kristianto')).toMatchObject({ 'Status penilaian': 'Belum dinilai', 'Nama Pejabat Penilai Kinerja': 'Sri Wahyuni' });
    expect(andi['Tanggal diterima pegawai']).toBeNull();

    // One row per RHK and indicator; targets as numbers equal to the plan's.
    const rhk = sheetRows(workbook.getWorksheet('RHK')!).filter((row) => row['Nama'] === 'Andi Pratama');
    const indicators = await db.prisma.indicator.findMany({ where: { rhk: { plan: { employee: { name: 'Andi Pratama' } } } }, include: { rhk: true }, orderBy: [{ rhk: { position: 'asc' } }, { position: 'asc' }] });
    expect(rhk.map((row) => [row['Indikator kinerja individu'], row['Target']])).toEqual(indicators.map((i) => [i.text, i.targetValue === null ? null : Number(i.targetValue)]));
    expect(rhk[0]).toMatchObject({ 'No. RHK': 1, 'Jenis RHK': 'Utama', Aspek: 'Kuantitas', Satuan: 'modul', 'Realisasi dicatat (periode)': 2, 'Nilai realisasi terakhir': 5, 'Rencana Hasil Kerja Pimpinan yang Diintervensi': 'Terselesaikannya pengembangan aplikasi layanan sesuai rencana' });
    expect(rhk[1]).toMatchObject({ Aspek: 'Waktu', Target: 12.5, 'Nilai realisasi terakhir': null });
    expect(rhk[2]).toMatchObject({ 'No. RHK': 2, 'Jenis RHK': 'Tambahan', Aspek: 'Kualitas', 'Target (naratif)': 'Semua endpoint terdokumentasi', 'Realisasi dicatat (periode)': 1 });
    expect(await db.prisma.auditLog.count({ where: { action: 'export.created', actorLabel: 'cli' } })).toBe(1);

    // The texts, per RHK/IKI row: realisasi of the quarter in date order, the RHK's feedback, evidence next to its entry.
    const texts = sheetRows(workbook.getWorksheet('Realisasi RHK')!);
    expect(texts.filter((row) => row['Nama'] !== 'Andi Pratama').every((row) => row['Realisasi berdasarkan bukti dukung'] === null)).toBe(true);
    const [modulesRow, timeRow, apiRow] = texts.filter((row) => row['Nama'] === 'Andi Pratama');
    expect(modulesRow).toMatchObject({
      NIP: andi['NIP'],
      'Unit kerja': SECTION,
      Periode: 'Triwulan IV 2026',
      'No. RHK': 1,
      'Indikator kinerja individu': 'Jumlah modul yang selesai',
      Target: '6 modul',
      'Nilai realisasi terakhir': 5,
      'Realisasi berdasarkan bukti dukung': '2026-10-05: Realisasi 2026-10-05 (4 modul)\n2026-11-20: Realisasi 2026-11-20 (5 modul)',
      'Umpan balik berkelanjutan berdasarkan bukti dukung': '2026-10-01, Apresiasi (Sri Wahyuni): Umpan balik 2026-09-30',
    });
    // The evidence of each entry next to it (two links written at once have no order of their own).
    const evidenceLines = (cell: unknown) => (cell as string).split('\n');
    expect(evidenceLines(modulesRow?.['Bukti dukung (tautan)']).slice(0, 2).sort()).toEqual(['https://drive.contoh.go.id/2026-10-05/0', 'https://drive.contoh.go.id/2026-10-05/1']);
    expect(evidenceLines(modulesRow?.['Bukti dukung (tautan)']).slice(2)).toEqual(['berkas notulen rapat.pdf (Telegram): Berkas tersimpan di Telegram saja.']);
    expect(timeRow).toMatchObject({ Target: '12,5 bulan', 'Realisasi berdasarkan bukti dukung': null, 'Umpan balik berkelanjutan berdasarkan bukti dukung': null });
    // A formula-looking text stays text in the XLSX; the control character is gone.
    expect(apiRow).toMatchObject({ Target: 'Semua endpoint terdokumentasi', 'Realisasi berdasarkan bukti dukung': '2026-12-01: =HYPERLINK("http://evil.example","klik") dokumentasi selesai' });
    expect(workbook.getWorksheet('Realisasi RHK')!.getColumn(11).alignment?.wrapText).toBe(true);

    const behaviour = sheetRows(workbook.getWorksheet('Perilaku')!).filter((row) => row['Nama'] === 'Andi Pratama');
    expect(behaviour.map((row) => row['Perilaku kerja'])).toEqual(['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif']);
    expect(behaviour[6]).toMatchObject({ 'Ekspektasi khusus pimpinan': 'Berbagi pengetahuan dengan tim aplikasi', 'Umpan balik berkelanjutan': '2026-11-02, Saran perbaikan (Sri Wahyuni): Umpan balik 2026-11-02' });
    expect(behaviour[0]).toMatchObject({ 'Ekspektasi khusus pimpinan': null, 'Umpan balik berkelanjutan': null });
  });

  it('links a stored evidence file through a signed link of the bot, and says next to a file the platform refused why there is none', async () => {
    const signer = { baseUrl: 'https://kinerja.contoh.go.id', secret: 'rahasia-uji' };
    const at = new Date('2027-01-05T03:00:00Z');
    const linker = storedEvidenceLinker(db.prisma, (evidence, locale) => describeStored(evidence, { signer, expiresAt: new Date(at.getTime() + 7 * 86_400_000) }, locale));
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: SECTION } });
    const file = await db.prisma.evidence.findFirstOrThrow({ where: { fileName: 'notulen rapat.pdf' } });
    const cell = async () => {
      const data = await buildEvaluationExport(db.prisma, { agencyId: unit.agencyId, unitId: unit.id, period: parsePeriodKey('2026-Q4')!, linker });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exportXlsx(data, 'id', at)) as unknown as ArrayBuffer);
      const andi = sheetRows(workbook.getWorksheet('Realisasi RHK')!).find((row) => row['Nama'] === 'Andi Pratama')!;
      return (andi['Bukti dukung (tautan)'] as string).split('\n');
    };
    await db.prisma.evidence.update({ where: { id: file.id }, data: { storageStatus: 'REFUSED' } });
    const refused = await cell();
    expect(refused.slice(0, 2).sort()).toEqual(['https://drive.contoh.go.id/2026-10-05/0', 'https://drive.contoh.go.id/2026-10-05/1']);
    expect(refused[2]).toBe('berkas notulen rapat.pdf (Telegram): Telegram tidak memberikan berkas ini (dihapus atau tanpa akses); hanya rujukannya yang tersimpan.');
    await db.prisma.evidence.update({ where: { id: file.id }, data: { storageStatus: 'STORED', storageKey: `evidence/${file.id}`, sha256: 'ab'.repeat(32) } });
    const link = new URL((await cell())[2]!);
    expect(link.origin).toBe('https://kinerja.contoh.go.id');
    expect(verifyEvidenceUrl(signer.secret, link, at)).toEqual({ ok: true, evidenceId: file.id });
    // The link expires: a week later it no longer opens the file.
    expect(verifyEvidenceUrl(signer.secret, link, new Date(at.getTime() + 8 * 86_400_000))).toMatchObject({ ok: false });
  });

  it('reads the texts a batch of people at a time, with the same rows as in one go', async () => {
    const agency = await db.prisma.agency.findFirstOrThrow();
    const period = parsePeriodKey('2026-Q4')!;
    const all = async (texts: ExportTexts) => {
      const rows: unknown[] = [];
      let batches = 0;
      for (const source of [texts.rhkRows('id'), texts.behaviourRows()] as AsyncIterable<unknown[]>[]) {
        for await (const batch of source) {
          rows.push(...batch);
          batches += 1;
        }
      }
      return { rows, batches };
    };
    const whole = await all((await buildEvaluationExport(db.prisma, { agencyId: agency.id, unitId: null, period })).texts);
    const inTwos = await all((await buildEvaluationExport(db.prisma, { agencyId: agency.id, unitId: null, period, textBatch: 2 })).texts);
    expect(whole.batches).toBe(2);
    expect(inTwos.batches).toBeGreaterThan(4);
    expect(inTwos.rows).toEqual(whole.rows);
  });

  it('exports the annual evaluation for a year key and the whole agency without --unit', async () => {
    const dir = tempDir();
    const result = await cli(['export', '--period', '2026', '--out', join(dir, 'baru', 'tahunan.xlsx')]);
    expect(result.code).toBe(0);
    const employees = sheetRows((await readWorkbook(join(dir, 'baru', 'tahunan.xlsx'))).getWorksheet('Pegawai')!);
    expect(employees).toHaveLength(await db.prisma.employee.count({ where: { active: true } }));
    expect(employees.find((row) => row['Nama'] === 'Ratna Sari Dewi')).toMatchObject({ 'Status penilaian': 'Draf', 'Predikat kinerja': 'Baik' });
    expect(employees.find((row) => row['Nama'] === 'Andi Pratama')).toMatchObject({ 'Status penilaian': 'Belum dinilai', 'Realisasi dicatat': 4, 'Laporan progres mingguan diisi': 3 });
  });

  it('writes two CSV files with a BOM and the same numbers', async () => {
    const dir = tempDir();
    const result = await cli(['export', '--period', '2026-q4', '--unit', SECTION.toLowerCase(), '--format', 'CSV', '--out', join(dir, 'q4.csv')]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/empat berkas CSV – 5 pegawai di .*q4-pegawai\.csv, 5 baris RHK di .*q4-rhk\.csv, realisasi, umpan balik dan bukti dukung per RHK di .*q4-realisasi-rhk\.csv, perilaku kerja di .*q4-perilaku\.csv\./);
    expect(readdirSync(dir).sort()).toEqual(['q4-pegawai.csv', 'q4-perilaku.csv', 'q4-realisasi-rhk.csv', 'q4-rhk.csv']);
    const text = readFileSync(join(dir, 'q4-pegawai.csv'), 'utf8');
    expect(text.startsWith('\uFEFFNIP,Nama,Jabatan,Unit kerja,')).toBe(true);
    const andi = readCsv(text).rows.find((row) => row.cells['nama'] === 'Andi Pratama')!;
    const counts = await databaseCounts(andi.cells['nip']!);
    expect(andi.cells).toMatchObject({ jumlah_rhk: String(counts.rhk), realisasi_dicatat: String(counts.progress), bukti_dukung: String(counts.evidence), umpan_balik_diterima: String(counts.feedback), tanggal_penilaian_final: '2026-12-29', predikat_akhir: 'Sangat Baik' });
    const rhk = readCsv(readFileSync(join(dir, 'q4-rhk.csv'), 'utf8')).rows.filter((row) => row.cells['nama'] === 'Andi Pratama');
    expect(rhk.map((row) => row.cells['target'])).toEqual(['6', '12.5', '']);

    // The texts in CSV: line breaks inside quoted cells, and a formula defused with an apostrophe.
    const texts = readCsv(readFileSync(join(dir, 'q4-realisasi-rhk.csv'), 'utf8').replace(/^\uFEFF/, '')).rows.filter((row) => row.cells['nama'] === 'Andi Pratama');
    expect(texts.map((row) => row.cells['realisasi_berdasarkan_bukti_dukung'])).toEqual([
      '2026-10-05: Realisasi 2026-10-05 (4 modul)\n2026-11-20: Realisasi 2026-11-20 (5 modul)',
      '',
      '2026-12-01: =HYPERLINK("http://evil.example","klik")\u0007 dokumentasi selesai',
    ]);
    expect(readFileSync(join(dir, 'q4-perilaku.csv'), 'utf8')).toContain('Kolaboratif,Berbagi pengetahuan dengan tim aplikasi,"2026-11-02, Saran perbaikan (Sri Wahyuni): Umpan balik 2026-11-02"');
  });

  it('refuses a bad period, an unknown unit or format with one line, and writes nothing', async () => {
    const dir = tempDir();
    for (const [args, message] of [
      [['--period', '2026-Q5'], /^Periode "2026-Q5" tidak dikenal: tulis mis\. 2026-Q4 \(triwulan\), 2026-M11 \(bulan\) atau 2026 \(tahun\)\.$/],
      [[], /^Sebutkan periodenya: --period 2026-Q4/],
      [['--period', '2026-Q4', '--unit', 'Seksi Antah Berantah'], /^Unit "Seksi Antah Berantah" tidak ada di instansi ini\.$/],
      [['--period', '2026-Q4', '--format', 'docx'], /^Format "docx" tidak dikenal: tulis xlsx, csv atau pdf \(dokumen dalam ZIP\)\.$/],
    ] as const) {
      const result = await cli(['export', ...args, '--out', dir]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('/ekspor in chat', () => {
  it('sends HR the XLSX of a unit it covers and a period it picks', async () => {
    const dewi = await person('Dewi Anggraini');
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    await bot.as('Dewi Anggraini');
    const units = await bot.say('/ekspor');
    expect(units).toMatch(/Ekspor data unit mana\?/);
    expect(units).toMatch(/1\. Seluruh Pemerintah Provinsi Contoh \(demo\)\n\s*2\. Bidang Aplikasi Informatika\n\s*3\. Seksi Pengembangan Aplikasi/);
    // Long labels come as a numbered list with number buttons.
    expect(await bot.say('3')).toMatch(new RegExp(`Untuk periode apa data ${SECTION}\\?`));
    expect(await bot.press('Triwulan IV 2026')).toMatch(/1\. Data untuk e-Kinerja \(XLSX\)\n\s*2\. Dokumen Evaluasi dan SKP \(PDF dalam ZIP\)/);
    const delivered = await bot.press('1');
    expect(delivered).toMatch(/Ekspor Triwulan IV 2026 untuk Seksi Pengembangan Aplikasi: 5 pegawai, 5 baris RHK \(berkas ekspor-seksi-pengembangan-aplikasi-2026-Q4\.xlsx\)/);

    // The console saves the file and says where; it is the same workbook the CLI writes.
    const path = /disimpan di (\S+\.xlsx)/.exec(delivered)?.[1];
    expect(path).toBeDefined();
    const employees = sheetRows((await readWorkbook(path!)).getWorksheet('Pegawai')!);
    expect(employees.find((row) => row['Nama'] === 'Andi Pratama')).toMatchObject({ 'Realisasi dicatat': 3, 'Predikat akhir': 'Sangat Baik' });

    // The outbox keeps what to make, not the file: the delivery job made it when the row's turn came.
    const sent = await db.prisma.outboundMessage.findFirstOrThrow({ where: { chatId: dewi.nip }, orderBy: { createdAt: 'desc' } });
    const payload = sent.payload as unknown as Reply;
    expect(payload.deferred).toMatchObject({ kind: 'export', params: { periodKey: '2026-Q4', requestedBy: dewi.id } });
    expect(payload.document).toBeUndefined();
    expect(await db.prisma.auditLog.count({ where: { action: 'export.created', actorId: dewi.id } })).toBe(1);
  });

  it('offers HR of one unit only that unit and its sub-units', async () => {
    const bambang = await person('Bambang Sutrisno');
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Seksi Tata Kelola Data' } });
    await db.prisma.hrRole.create({ data: { employeeId: bambang.id, agencyId: bambang.agencyId, unitId: unit.id } });
    await bot.as('Bambang Sutrisno');
    const units = await bot.say('/ekspor');
    expect(units).toMatch(/Seksi Tata Kelola Data/);
    expect(units).not.toMatch(/Seluruh|Seksi Pengembangan Aplikasi|Bidang Aplikasi Informatika/);
    await bot.say('/batal');
  });

  it('refuses someone who is not HR', async () => {
    await bot.as('Andi Pratama');
    expect(await bot.say('/ekspor')).toMatch(/Ekspor data kinerja hanya untuk Pengelola Kinerja\./);
    expect(await db.prisma.auditLog.count({ where: { action: 'access.denied', actor: { name: 'Andi Pratama' }, details: { path: ['attempted'], equals: 'EXPORT' } } })).toBe(1);
  });
});

describe('documents (Dokumen Evaluasi and SKP)', () => {
  const q4 = async (name: string) => db.prisma.evaluation.findFirstOrThrow({ where: { periodKey: '2026-Q4', employee: { name } } });

  it('gathers an evaluation’s document from the database: the people, the result that stands, the keberatan, the period’s realisasi', async () => {
    const data = (await readEvaluationDocument(db.prisma, (await q4('Andi Pratama')).id, new Date('2027-01-10T03:00:00Z')))!;
    const andi = await person('Andi Pratama');
    expect(data.employee).toMatchObject({ name: 'Andi Pratama', nip: andi.nip, unit: SECTION });
    expect(data.ppk).toMatchObject({ name: 'Sri Wahyuni', nip: '198209172006042002', rank: 'Penata Tk. I, III/d', position: 'Kepala Seksi Pengembangan Aplikasi', unit: SECTION });
    expect(data.ppk.inactive).toBeUndefined();
    expect(data.atasanPpk).toMatchObject({ name: 'Hendra Gunawan', rank: 'Pembina, IV/a' });
    expect(data.rated.predikat).toBe('BAIK');
    // The decision's result stands (this fixture's decision left the behaviour rating unset).
    expect(data.final).toEqual({ resultsRating: 'DI_ATAS', behaviourRating: null, predikat: 'SANGAT_BAIK' });
    expect(data.objection).toMatchObject({ reasons: 'Modul ketiga selesai lebih awal.', decision: 'CHANGED', decidedOn: { year: 2027, month: 1, day: 5 } });
    expect(data.followUps).toEqual([
      { kind: 'PENGHARGAAN', recommendation: 'Usulan pegawai berprestasi', decision: 'Sertifikat', decided: { outcome: 'DISETUJUI', officialName: 'Kepala Dinas Kominfo', documentNumber: '800/9/2027', decidedOn: '2027-01-20' } },
    ]);
    // The quarter's realisasi only (30 September is Q3), with their bukti dukung.
    expect(data.rhk.map((r) => r.realisasi.map((e) => [e.text, e.evidence.length]))).toEqual([
      [['Realisasi 2026-10-05', 2], ['Realisasi 2026-11-20', 1]],
      [['=HYPERLINK("http://evil.example","klik")\u0007 dokumentasi selesai', 0]],
    ]);
    expect(data.rhk[0]!.realisasi[0]!.evidence[0]).toBe('https://drive.contoh.go.id/2026-10-05/0');
  });

  it('names the rater who has left since, not today’s PPK', async () => {
    const sri = await person('Sri Wahyuni');
    await db.prisma.employee.update({ where: { id: sri.id }, data: { active: false, deactivatedAt: new Date('2027-01-08T00:00:00Z') } });
    try {
      const data = (await readEvaluationDocument(db.prisma, (await q4('Ratna Sari Dewi')).id, new Date('2027-01-10T03:00:00Z')))!;
      expect(data.ppk).toMatchObject({ name: 'Sri Wahyuni', inactive: true });
      expect(pdfText(await renderEvaluationDocument(data, new Date('2027-01-10T03:00:00Z')))).toMatch(/Sri Wahyuni[\s\S]*tidak lagi aktif di aplikasi/);
    } finally {
      await db.prisma.employee.update({ where: { id: sri.id }, data: { active: true, deactivatedAt: null } });
    }
  });

  it('names a PPK outside the bot and the HR officer who recorded the evaluation with its document', async () => {
    const [hendra, dewi] = [await person('Hendra Gunawan'), await person('Dewi Anggraini')];
    const official = await db.prisma.externalOfficial.create({ data: { agencyId: hendra.agencyId, name: 'Dr. Ahmad Luthfi', title: 'Gubernur Contoh' } });
    const evaluation = await db.prisma.evaluation.create({
      data: { employeeId: hendra.id, raterId: dewi.id, recordedForOfficialId: official.id, documentNumber: '800/9/2026', decidedOn: day('2026-10-12'), kind: 'PERIODIC', year: 2026, periodKey: '2026-Q3', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'FINAL', finalizedAt: new Date('2026-10-12T03:00:00Z') },
    });
    const data = (await readEvaluationDocument(db.prisma, evaluation.id, new Date('2026-10-13T03:00:00Z')))!;
    expect(data.ppk).toEqual({ name: 'Dr. Ahmad Luthfi', nip: null, rank: null, position: 'Gubernur Contoh', unit: null });
    expect(data.recordedFor).toEqual({ hr: 'Dewi Anggraini', documentNumber: '800/9/2026' });
    expect(data.finalizedOn).toEqual({ year: 2026, month: 10, day: 12 });
  });

  it('names the official outside the bot as the PPK of an SKP imported without a PPK in the bot, with its penetapan document', async () => {
    const hendra = await person('Hendra Gunawan');
    const official = await db.prisma.externalOfficial.create({ data: { agencyId: hendra.agencyId, name: 'Ir. Sutrisno', title: 'Sekretaris Daerah Provinsi Contoh', nip: '196801011990031001' } });
    await db.prisma.employee.update({ where: { id: hendra.id }, data: { externalPpkId: official.id } });
    try {
      const plan = await db.prisma.plan.create({
        data: { employeeId: hendra.id, raterId: null, year: 2025, status: 'AGREED', source: 'IMPORT', positionTitle: hendra.position, establishedOn: day('2025-01-15'), documentNumber: '800/4/2025', agreedAt: new Date('2025-01-15T03:00:00Z'), resourceSupport: 'Anggaran bidang', accountability: null, consequences: null },
      });
      const data = (await readSkpDocument(db.prisma, plan.id))!;
      expect(data.ppk).toEqual({ name: 'Ir. Sutrisno', nip: '196801011990031001', rank: null, position: 'Sekretaris Daerah Provinsi Contoh', unit: null });
      expect(data).toMatchObject({ documentNumber: '800/4/2025', establishedOn: { year: 2025, month: 1, day: 15 }, from: { year: 2025, month: 1, day: 1 }, to: { year: 2025, month: 12, day: 31 } });
      expect(data.lampiran).toEqual({ resourceSupport: 'Anggaran bidang', accountability: null, consequences: null });
    } finally {
      await db.prisma.employee.update({ where: { id: hendra.id }, data: { externalPpkId: hendra.externalPpkId } });
    }
  });

  it('writes a unit’s documents for a period as one ZIP with the CLI: each final evaluation and each SKP ditetapkan', async () => {
    const dir = tempDir();
    const result = await cli(['export', '--period', '2026-Q4', '--unit', SECTION, '--format', 'pdf', '--out', dir]);
    expect(result.err).toBe('');
    const file = join(dir, 'dokumen-seksi-pengembangan-aplikasi-2026-Q4.zip');
    const agreed = await db.prisma.plan.findMany({ where: { year: 2026, status: 'AGREED', employee: { unit: { name: SECTION } } }, distinct: ['employeeId'], select: { employeeId: true } });
    expect(result.out).toBe(`Dokumen ${SECTION}, Triwulan IV 2026: 2 Dokumen Evaluasi Kinerja Pegawai dan ${agreed.length} SKP, disimpan di ${file}.`);
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    const [andi, ratna] = [await person('Andi Pratama'), await person('Ratna Sari Dewi')];
    expect(names.filter((name) => name.startsWith('dokumen-evaluasi-'))).toEqual([`dokumen-evaluasi-2026-Q4-${andi.nip}-andi-pratama.pdf`, `dokumen-evaluasi-2026-Q4-${ratna.nip}-ratna-sari-dewi.pdf`].sort());
    expect(names.filter((name) => name.startsWith('skp-'))).toHaveLength(agreed.length);
    expect(names).toContain(`skp-2026-${andi.nip}-andi-pratama-v1.pdf`);
    const skp = pdfText(execFileSync('unzip', ['-p', file, `skp-2026-${andi.nip}-andi-pratama-v1.pdf`]));
    expect(skp).toMatch(/SASARAN KINERJA PEGAWAI[\s\S]*Tersedianya modul[\s\S]*LAMPIRAN SASARAN KINERJA PEGAWAI/);
  });

  it('puts the organisation’s Penetapan Predikat Kinerja in the ZIP', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: SECTION } });
    const penetapan = await db.prisma.predikatPenetapan.create({
      data: { agencyId: unit.agencyId, unitId: unit.id, periodKey: '2026-Q4', unitPredikat: 'BAIK', counts: {}, violations: [], recordedById: (await person('Dewi Anggraini')).id, documentNumber: '800/3/2027' },
    });
    await db.prisma.evaluation.updateMany({ where: { periodKey: '2026-Q4', employee: { unit: { name: SECTION } } }, data: { penetapanId: penetapan.id } });
    const dir = tempDir();
    const result = await cli(['export', '--period', '2026-Q4', '--unit', SECTION, '--format', 'pdf', '--out', dir]);
    expect(result.out).toMatch(/, dengan 1 Penetapan Predikat Kinerja, disimpan di/);
    const file = join(dir, 'dokumen-seksi-pengembangan-aplikasi-2026-Q4.zip');
    const text = pdfText(execFileSync('unzip', ['-p', file, 'penetapan-predikat-kinerja-2026-Q4-seksi-pengembangan-aplikasi.pdf']));
    expect(text).toMatch(/PENETAPAN PREDIKAT KINERJA PEGAWAI[\s\S]*Andi Pratama[\s\S]*Dicatat oleh Dewi Anggraini/);
    await db.prisma.evaluation.updateMany({ where: { penetapanId: penetapan.id }, data: { penetapanId: null } });
    await db.prisma.predikatPenetapan.delete({ where: { id: penetapan.id } });
  });

  it('renders nothing when a unit has more documents than the chat may send at once, and says so', async () => {
    const dewi = await person('Dewi Anggraini');
    const request = { agencyId: dewi.agencyId, unitId: null, periodKey: '2026-Q4', locale: 'id' as const, requestedBy: dewi.id, channel: 'CONSOLE' };
    const made = await makeDocumentsZip(db.prisma, request, new Date('2027-01-10T03:00:00Z'), 2);
    expect(made).toMatchObject({ tooMany: true, evaluations: 2 });
    expect(made!.bytes.length).toBe(0);
    expect(made!.skps).toBeGreaterThan(0);
  });

  it('sends HR the ZIP in chat when /ekspor is asked for the documents', async () => {
    const dewi = await person('Dewi Anggraini');
    if ((await db.prisma.hrRole.count({ where: { employeeId: dewi.id } })) === 0) await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    await bot.as('Dewi Anggraini');
    await bot.say('/ekspor');
    await bot.say('3');
    await bot.press('Triwulan IV 2026');
    const delivered = await bot.press('2');
    expect(delivered).toMatch(new RegExp(`Dokumen ${SECTION}, Triwulan IV 2026: 2 Dokumen Evaluasi Kinerja Pegawai dan \\d+ SKP dalam dokumen-seksi-pengembangan-aplikasi-2026-Q4\\.zip`));
    const sent = await db.prisma.outboundMessage.findFirstOrThrow({ where: { chatId: dewi.nip }, orderBy: { createdAt: 'desc' } });
    expect((sent.payload as unknown as Reply).deferred).toMatchObject({ kind: 'documents-zip', params: { periodKey: '2026-Q4', requestedBy: dewi.id } });
  });
});
