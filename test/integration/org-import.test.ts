import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatOutcome } from '../../src/org-import/report.js';
import { runOrgImport, type OrgImportOptions } from '../../src/org-import/run.js';
import { useTestDatabase } from '../support/database.js';
import { tempFile } from '../support/files.js';

const db = await useTestDatabase();
const EXAMPLE = 'examples/organisasi-contoh.csv';
const AGENCY = 'Pemerintah Provinsi Contoh';
const HEADER = 'nip,nama,jabatan,jenis_jabatan,status,unit,unit_induk,nip_atasan,email,zona_waktu,telegram';

function importFile(file: string, options: Partial<OrgImportOptions> = {}) {
  return runOrgImport(db.prisma, {
    file,
    agencyName: AGENCY,
    defaultTimeZone: 'Asia/Jakarta',
    maxErrorRate: 0.05,
    force: false,
    dryRun: false,
    deactivateMissing: false,
    ...options,
  });
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

async function employee(nip: string) {
  return db.prisma.employee.findUniqueOrThrow({ where: { nip }, include: { supervisor: true, unit: { include: { parent: true } } } });
}

beforeEach(async () => {
  await db.prisma.agency.deleteMany();
});

describe('importing the example organisation', () => {
  it('creates the agency, the unit tree, every employee and their supervisors', async () => {
    const outcome = await importFile(EXAMPLE);
    expect(outcome.refusal).toBeUndefined();
    expect(outcome.rejected).toEqual([]);
    expect(outcome.agency).toEqual({ name: AGENCY, created: true });
    expect(outcome.summary).toMatchObject({ created: 20, updated: 0, unchanged: 0, unitsCreated: 8 });

    const staff = await employee('199002142014021001');
    expect(staff).toMatchObject({
      name: 'Ahmad Fauzi S.Kom.',
      positionType: 'FUNGSIONAL',
      positionLevel: 'Ahli Muda',
      employmentStatus: 'PNS',
      timeZone: 'Asia/Jakarta',
      telegramUsername: 'ahmadfauzi',
      email: 'ahmad.fauzi@contoh.go.id',
      rank: 'Penata Tk. I, III/d',
    });
    expect(staff.supervisor?.nip).toBe('198001102005011003');
    expect(staff.unit.name).toBe('Bidang Aplikasi Informatika');
    expect(staff.unit.parent?.name).toBe('Dinas Komunikasi dan Informatika');

    expect((await employee('199708082023212002')).timeZone).toBe('Asia/Makassar');
    expect((await employee('199812252024212001')).timeZone).toBe('Asia/Jayapura');
    expect(await employee('199512012022212001')).toMatchObject({ employmentStatus: 'PPPK', rank: 'IX' });
    expect((await employee('197203151998031004')).supervisor).toBeNull();
  });

  it('sets the head of each unit from the supervisor chain', async () => {
    await importFile(EXAMPLE);
    const units = await db.prisma.unit.findMany({ include: { leader: true } });
    const leaderOf = Object.fromEntries(units.map((unit) => [unit.name, unit.leader?.nip ?? null]));
    expect(leaderOf).toMatchObject({
      'Dinas Komunikasi dan Informatika': '197203151998031004',
      Sekretariat: '197708222003122002',
      'Subbagian Keuangan': '198711052010012003',
      'UPTD Pusat Data Jayapura': '198103222008011004',
    });
  });

  it('reports a second import of the same file as unchanged', async () => {
    await importFile(EXAMPLE);
    const again = await importFile(EXAMPLE);
    expect(again.agency?.created).toBe(false);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 20, unitsCreated: 0, unitsMoved: 0 });
  });

  it('updates people in place by NIP and moves them to a new supervisor and unit', async () => {
    await importFile(EXAMPLE);
    const before = await employee('199203112015022004');
    const changed = readFileSync(EXAMPLE, 'utf8').replace(
      '199203112015022004,Yulia Kartika S.H.,Analis Kepegawaian,Pelaksana,PNS,Subbagian Umum dan Kepegawaian,Sekretariat,198506302009031002',
      '199203112015022004,Yulia Kartika S.H.,Analis SDM Aparatur,Pelaksana,PNS,Subbagian Keuangan,Sekretariat,198711052010012003',
    );
    const outcome = await importFile(tempFile('changed.csv', changed));
    expect(outcome.summary).toMatchObject({ created: 0, updated: 1, unchanged: 19 });
    const after = await employee('199203112015022004');
    expect(after.id).toBe(before.id);
    expect(after.position).toBe('Analis SDM Aparatur');
    expect(after.unit.name).toBe('Subbagian Keuangan');
    expect(after.supervisor?.nip).toBe('198711052010012003');
  });

  it('leaves people missing from a new file alone unless asked to deactivate them', async () => {
    await importFile(EXAMPLE);
    const shorter = readFileSync(EXAMPLE, 'utf8').split('\n').filter((line) => !line.startsWith('199812252024212001')).join('\n');
    const kept = await importFile(tempFile('shorter.csv', shorter));
    expect(kept.missingKept).toBe(1);
    expect((await employee('199812252024212001')).active).toBe(true);

    const deactivated = await importFile(tempFile('shorter.csv', shorter), { deactivateMissing: true });
    expect(deactivated.summary?.deactivated).toBe(1);
    const gone = await employee('199812252024212001');
    expect(gone.active).toBe(false);
    expect(gone.deactivatedAt).toBeInstanceOf(Date);

    const back = await importFile(EXAMPLE);
    expect(back.summary).toMatchObject({ reactivated: 1, updated: 1 });
    expect((await employee('199812252024212001')).active).toBe(true);
  });

  it('writes nothing on a dry run', async () => {
    const outcome = await importFile(EXAMPLE, { dryRun: true });
    expect(outcome.accepted).toBe(20);
    expect(outcome.summary).toBeUndefined();
    expect(await db.prisma.employee.count()).toBe(0);
    expect(await db.prisma.agency.count()).toBe(0);
  });

  it('records the import in the audit log', async () => {
    await importFile(EXAMPLE);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'org.import' } });
    expect(entry).toMatchObject({ actorLabel: 'cli', entityType: 'Agency' });
    expect(entry.details).toMatchObject({ file: 'organisasi-contoh.csv', rows: 20, created: 20 });
  });
});

describe('refusing a broken file', () => {
  it('rejects the broken example with a line-numbered reason for every bad row and imports nothing', async () => {
    const outcome = await importFile('examples/organisasi-rusak.csv');
    const byLine = Object.fromEntries(outcome.rejected.map((row) => [row.line, row.issues.map((issue) => issue.code)]));
    expect(byLine).toEqual({
      3: ['NIP_INVALID'],
      4: ['NIP_INVALID'],
      5: ['NIP_DUPLICATE'],
      6: ['NIP_DUPLICATE'],
      7: ['SUPERVISOR_UNKNOWN'],
      8: ['SUPERVISOR_CYCLE'],
      9: ['SUPERVISOR_CYCLE'],
      11: ['STATUS_UNKNOWN', 'TIME_ZONE_UNKNOWN'],
      12: ['EMAIL_INVALID'],
      13: ['MISSING_FIELD'],
    });
    expect(outcome.refusal).toMatchObject({ code: 'TOO_MANY_ERRORS', rejected: 10, total: 12 });
    expect(await db.prisma.employee.count()).toBe(0);
    expect(await db.prisma.agency.count()).toBe(0);
  });

  it('imports the valid rows of a file below the error threshold, or above it when forced', async () => {
    const rows = [
      '197203151998031004,Budi,Kepala,JPT Pratama,PNS,Dinas A,,,,,',
      '198001102005011003,Agus,Kabid,Administrator,PNS,Bidang B,Dinas A,197203151998031004,,,',
      '198204172006042001,Dewi,Staf,Pelaksana,Honorer,Bidang B,Dinas A,198001102005011003,,,',
    ];
    const refused = await importFile(tempFile('a.csv', csv(...rows)), { maxErrorRate: 0.3 });
    expect(refused.refusal).toMatchObject({ code: 'TOO_MANY_ERRORS', rejected: 1, total: 3 });
    expect(await db.prisma.employee.count()).toBe(0);

    const lenient = await importFile(tempFile('a.csv', csv(...rows)), { maxErrorRate: 0.5 });
    expect(lenient.refusal).toBeUndefined();
    expect(lenient.summary?.created).toBe(2);

    await db.prisma.agency.deleteMany();
    const forced = await importFile(tempFile('a.csv', csv(...rows)), { force: true });
    expect(forced.summary?.created).toBe(2);
  });

  it('refuses a file without the required columns', async () => {
    const outcome = await importFile(tempFile('cols.csv', 'nip,nama\n197203151998031004,Budi\n'));
    expect(outcome.refusal).toEqual({ code: 'MISSING_COLUMNS', columns: ['jabatan', 'jenis_jabatan', 'status', 'unit'] });
  });

  it('needs the agency named when the database has none or several', async () => {
    const file = tempFile('a.csv', csv('197203151998031004,Budi,Kepala,JPT,PNS,Dinas A,,,,,'));
    expect((await importFile(file, { agencyName: undefined })).refusal).toEqual({ code: 'AGENCY_REQUIRED' });
    await db.prisma.agency.createMany({ data: [{ name: 'Satu' }, { name: 'Dua' }] });
    expect((await importFile(file, { agencyName: undefined })).refusal).toMatchObject({ code: 'AGENCY_AMBIGUOUS' });
  });

  it('finds a supervisor cycle that runs through someone only the database knows', async () => {
    await importFile(tempFile('a.csv', csv(
      '197203151998031004,Budi,Kepala,JPT,PNS,Dinas A,,,,,',
      '198001102005011003,Agus,Kabid,Administrator,PNS,Dinas A,,197203151998031004,,,',
    )));
    // Budi (stored, not in this file) reports to Agus; Agus now reports to Budi.
    await db.prisma.employee.update({
      where: { nip: '197203151998031004' },
      data: { supervisor: { connect: { nip: '198001102005011003' } } },
    });
    const outcome = await importFile(tempFile('b.csv', csv('198001102005011003,Agus,Kabid,Administrator,PNS,Dinas A,,197203151998031004,,,')));
    expect(outcome.rejected[0]?.issues[0]).toMatchObject({ code: 'SUPERVISOR_CYCLE' });
  });

  it('refuses people registered in another agency and supervisors who are inactive', async () => {
    await importFile(tempFile('a.csv', csv(
      '197203151998031004,Budi,Kepala,JPT,PNS,Dinas A,,,,,',
      '198001102005011003,Agus,Kabid,Administrator,PNS,Dinas A,,,,,',
    )));
    await db.prisma.employee.update({ where: { nip: '198001102005011003' }, data: { active: false } });
    const outcome = await importFile(
      tempFile('b.csv', csv(
        '197203151998031004,Budi,Kepala,JPT,PNS,Dinas B,,,,,',
        '199002142014021001,Ahmad,Staf,Pelaksana,PNS,Dinas A,,198001102005011003,,,',
      )),
      { agencyName: 'Instansi Lain', force: true },
    );
    expect(outcome.rejected.map((row) => row.issues[0]?.code)).toEqual(['OTHER_AGENCY', 'SUPERVISOR_UNKNOWN']);
    const again = await importFile(tempFile('c.csv', csv('199002142014021001,Ahmad,Staf,Pelaksana,PNS,Dinas A,,198001102005011003,,,')), { force: true });
    expect(again.rejected[0]?.issues[0]).toEqual({ code: 'SUPERVISOR_INACTIVE', nip: '198001102005011003' });
  });

  it('refuses a unit given two different parents and a circular unit tree', async () => {
    const outcome = await importFile(
      tempFile('units.csv', csv(
        '197203151998031004,Budi,Kepala,JPT,PNS,Dinas A,,,,,',
        '198001102005011003,Agus,Kabid,Administrator,PNS,Bidang B,Dinas A,197203151998031004,,,',
        '198204172006042001,Dewi,Staf,Pelaksana,PNS,Bidang B,Dinas Z,198001102005011003,,,',
        '199002142014021001,Ahmad,Staf,Pelaksana,PNS,Seksi X,Seksi Y,198001102005011003,,,',
        '199108252015032002,Nur,Staf,Pelaksana,PNS,Seksi Y,Seksi X,198001102005011003,,,',
      )),
      { force: true },
    );
    const codes = Object.fromEntries(outcome.rejected.map((row) => [row.line, row.issues.map((i) => i.code)]));
    expect(codes).toEqual({ 4: ['UNIT_PARENT_CONFLICT'], 5: ['UNIT_CYCLE'], 6: ['UNIT_CYCLE'] });
  });
});

describe('reading other file shapes', () => {
  it('reads semicolon-separated CSV with a byte-order mark and spaces inside NIPs', async () => {
    const text = '\uFEFF' + HEADER.replaceAll(',', ';') + '\n' + '19720315 199803 1 004;Budi;Kepala;JPT Madya;PNS;Dinas A;;;;WITA;\n';
    const outcome = await importFile(tempFile('semi.csv', text));
    expect(outcome.rejected).toEqual([]);
    expect(await employee('197203151998031004')).toMatchObject({ positionLevel: 'Madya', timeZone: 'Asia/Makassar' });
  });

  it('reads XLSX and explains an NIP that Excel turned into a number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pegawai');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['197203151998031004', 'Budi', 'Kepala', 'JPT', 'PNS', 'Dinas A', '', '', '', '', '']);
    // An NIP typed into Excel as a number: the double cannot hold 18 digits.
    // eslint-disable-next-line no-loss-of-precision
    sheet.addRow([198001102005011003, 'Agus', 'Kabid', 'Administrator', 'PNS', 'Dinas A', '', '197203151998031004', '', '', '']);
    const file = tempFile('org.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const outcome = await importFile(file, { force: true });
    expect(outcome.summary?.created).toBe(1);
    expect(outcome.rejected).toEqual([
      { line: 3, nip: undefined, issues: [{ code: 'NIP_INVALID', value: expect.stringMatching(/e\+17$/i), reason: 'SCIENTIFIC_NOTATION' }] },
    ]);
  });
});

describe('the rating line columns: delegated PPK authority and officials outside the bot', () => {
  const RATING = `${HEADER},nip_ppk,ppk_luar,nama_ppk_luar,atasan_ppk_luar,nama_atasan_ppk_luar`;
  const HEAD = '197203151998031004';
  const KABID = '198001102005011003';
  const KASUBAG = '198506302009031002';
  const STAFF = '199002142014021001';
  const GUBERNUR = 'Gubernur Contoh,Dr. H. Bambang Hartono M.Si.';
  const rated = (...rows: string[]) => [RATING, ...rows].join('\n') + '\n';
  const officials = () => db.prisma.externalOfficial.findMany({ orderBy: { title: 'asc' } });
  const ratingOf = (nip: string) =>
    db.prisma.employee.findUniqueOrThrow({ where: { nip }, select: { ppkDelegate: { select: { nip: true } }, externalPpkId: true, externalAtasanPpkId: true } });
  // Budi heads Dinas A, rated by the Gubernur; Agus (Kabid) is delegated PPK authority over Hendra.
  const TEAM = [
    `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,${GUBERNUR},${GUBERNUR}`,
    `${KABID},Agus,Kabid,Administrator,PNS,Dinas A,,${HEAD},,,,,,,,`,
    `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,${KABID},,,,`,
  ];

  it('records the Gubernur of the example as PPK and Atasan PPK of the Kepala Dinas, once', async () => {
    const outcome = await importFile(EXAMPLE);
    expect(outcome.summary?.externalOfficialsCreated).toBe(1);
    const [gubernur, ...others] = await officials();
    expect(others).toEqual([]);
    expect(gubernur).toMatchObject({ title: 'Gubernur Contoh', name: 'Dr. H. Bambang Hartono M.Si.', nip: null });
    expect(await ratingOf(HEAD)).toEqual({ ppkDelegate: null, externalPpkId: gubernur?.id, externalAtasanPpkId: gubernur?.id });
    expect(await ratingOf(STAFF)).toEqual({ ppkDelegate: null, externalPpkId: null, externalAtasanPpkId: null });
  });

  it('writes a delegation and shares one official among rows that name it, however it is spelt', async () => {
    const outcome = await importFile(tempFile('rated.csv', rated(
      ...TEAM,
      // A second top of the tree (an UPTD outside the dinas) rated by the same Gubernur, written untidily.
      `${STAFF},Ahmad,Kepala UPTD,Pengawas,PNS,UPTD B,,,,,,,gubernur  contoh,DR. H. BAMBANG HARTONO M.SI.,Gubernur Contoh,Dr. H. Bambang Hartono M.Si.`,
    )));
    expect(outcome.rejected).toEqual([]);
    expect(outcome.summary).toMatchObject({ created: 4, externalOfficialsCreated: 1 });
    const [gubernur] = await officials();
    expect(await db.prisma.externalOfficial.count()).toBe(1);
    expect(await ratingOf(STAFF)).toMatchObject({ externalPpkId: gubernur?.id, externalAtasanPpkId: gubernur?.id });
    expect((await ratingOf(KASUBAG)).ppkDelegate?.nip).toBe(KABID);
  });

  it('reuses an official recorded by hand (official set) instead of adding a second one', async () => {
    const agency = await db.prisma.agency.create({ data: { name: AGENCY } });
    const byHand = await db.prisma.externalOfficial.create({
      data: { agencyId: agency.id, title: 'Gubernur Contoh', name: 'Dr. H. Bambang Hartono M.Si.', nip: '196801011990031001' },
    });
    const outcome = await importFile(tempFile('rated.csv', rated(...TEAM)));
    expect(outcome.summary?.externalOfficialsCreated).toBe(0);
    expect(await officials()).toEqual([byHand]);
    expect(await ratingOf(HEAD)).toMatchObject({ externalPpkId: byHand.id, externalAtasanPpkId: byHand.id });
  });

  it('changes nothing when the same file comes again', async () => {
    await importFile(tempFile('rated.csv', rated(...TEAM)));
    const before = await db.prisma.employee.findMany({ orderBy: { nip: 'asc' } });
    const again = await importFile(tempFile('rated.csv', rated(...TEAM)));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3, externalOfficialsCreated: 0 });
    expect(await db.prisma.employee.findMany({ orderBy: { nip: 'asc' } })).toEqual(before);
    expect(await db.prisma.externalOfficial.count()).toBe(1);
  });

  it('counts a changed delegation or official as an update', async () => {
    await importFile(tempFile('rated.csv', rated(...TEAM)));
    const outcome = await importFile(tempFile('rated.csv', rated(
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,${GUBERNUR},Menteri Dalam Negeri,Ir. Sutrisno`,
      TEAM[1] ?? '',
      `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,${HEAD},,,,`,
    )));
    expect(outcome.summary).toMatchObject({ updated: 2, unchanged: 1, externalOfficialsCreated: 1 });
    const menteri = await db.prisma.externalOfficial.findFirstOrThrow({ where: { title: 'Menteri Dalam Negeri' } });
    expect((await ratingOf(HEAD)).externalAtasanPpkId).toBe(menteri.id);
    expect((await ratingOf(KASUBAG)).ppkDelegate?.nip).toBe(HEAD);
  });

  it('clears a value whose cell is empty, and leaves it alone when the file lacks the column', async () => {
    await importFile(tempFile('rated.csv', rated(...TEAM)));

    // An export without the new columns (the HR system's usual one) keeps what is stored.
    const without = await importFile(tempFile('plain.csv', csv(
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,`,
      `${KABID},Agus,Kabid,Administrator,PNS,Dinas A,,${HEAD},,,`,
      `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,`,
    )));
    expect(without.summary).toMatchObject({ updated: 0, unchanged: 3 });
    expect(await ratingOf(HEAD)).toMatchObject({ externalPpkId: expect.any(String), externalAtasanPpkId: expect.any(String) });
    expect((await ratingOf(KASUBAG)).ppkDelegate?.nip).toBe(KABID);

    // A file with only the PPK pair clears the PPK and keeps the Atasan PPK and the delegation.
    const ppkOnly = await importFile(tempFile('ppk.csv', [
      `${HEADER},ppk_luar,nama_ppk_luar`,
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,`,
    ].join('\n')));
    expect(ppkOnly.summary).toMatchObject({ updated: 1 });
    expect(await ratingOf(HEAD)).toMatchObject({ externalPpkId: null, externalAtasanPpkId: expect.any(String) });

    // A file with every column and empty cells clears everything it names.
    const empty = await importFile(tempFile('empty.csv', rated(
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,,,,`,
      TEAM[1] ?? '',
      `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,,,,,`,
    )));
    expect(empty.summary).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await ratingOf(HEAD)).toEqual({ ppkDelegate: null, externalPpkId: null, externalAtasanPpkId: null });
    expect((await ratingOf(KASUBAG)).ppkDelegate).toBeNull();
    // The official stays on record (official list, a later import); only the links go.
    expect(await db.prisma.externalOfficial.count()).toBe(1);
  });

  it('refuses every delegation that cannot stand and every half-named official, by line, and imports the rest', async () => {
    await importFile(tempFile('a.csv', csv('199512012022212001,Wulan,Staf,Pelaksana,PNS,Dinas A,,,,,')));
    await db.prisma.employee.update({ where: { nip: '199512012022212001' }, data: { active: false } });
    const outcome = await importFile(tempFile('bad.csv', rated(
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,,,,`,
      `${KABID},Agus,Kabid,Administrator,PNS,Dinas A,,${HEAD},,,,${KABID},,,,`,
      `${KASUBAG},Hendra,Kasubag,Pengawas,PNS,Dinas A,,${KABID},,,,${STAFF},,,,`,
      `${STAFF},Ahmad,Staf,Pelaksana,PNS,Dinas A,,${KASUBAG},,,,199901012020011001,,,,`,
      `199108252015032002,Nur,Staf,Pelaksana,PNS,Dinas A,,${KASUBAG},,,,199512012022212001,,,,`,
      `199304092019031005,Fajar,Staf,Pelaksana,PNS,Dinas A,,${KASUBAG},,,,,,,,Dr. H. Bambang Hartono M.Si.`,
      `199607182022211003,Rizky,Staf,Pelaksana,PNS,Dinas A,,${KASUBAG},,,,1996,,,,`,
      `199409232018011002,Dimas,Kepala UPTD,Pengawas,PNS,UPTD B,,,,,,,Gubernur Contoh,,,`,
      // Delegating to one's own supervisor is redundant but harmless, so it stands.
      `199111302014032003,Lina,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,${HEAD},,,,`,
    )), { force: true });
    expect(Object.fromEntries(outcome.rejected.map((row) => [row.line, row.issues]))).toEqual({
      3: [{ code: 'DELEGATE_SELF' }],
      4: [{ code: 'DELEGATE_BELOW', nip: STAFF }],
      5: [{ code: 'DELEGATE_UNKNOWN', nip: '199901012020011001' }],
      6: [{ code: 'DELEGATE_INACTIVE', nip: '199512012022212001' }],
      7: [{ code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: 'nama_atasan_ppk_luar', empty: 'atasan_ppk_luar', value: 'Dr. H. Bambang Hartono M.Si.' }],
      8: [{ code: 'DELEGATE_NIP_INVALID', value: '1996', reason: 'NOT_18_DIGITS' }],
      9: [{ code: 'EXTERNAL_OFFICIAL_INCOMPLETE', filled: 'ppk_luar', empty: 'nama_ppk_luar', value: 'Gubernur Contoh' }],
    });
    expect(outcome.summary).toMatchObject({ created: 2, externalOfficialsCreated: 0 });
    expect((await ratingOf('199111302014032003')).ppkDelegate?.nip).toBe(HEAD);
    expect(await db.prisma.externalOfficial.count()).toBe(0);
    const lines = formatOutcome(outcome, 'id');
    expect(lines).toContain(
      `  baris 4 (${KASUBAG}): pejabat penerima delegasi (nip_ppk ${STAFF}) berada di bawah pegawai ini dalam rantai nip_atasan; keduanya akan saling menilai`,
    );
    expect(lines).toContain(
      '  baris 9 (199409232018011002): ppk_luar "Gubernur Contoh" diisi tetapi nama_ppk_luar kosong: isi jabatan dan nama pejabat bersama-sama, atau kosongkan keduanya',
    );
  });

  it('refuses a row whose delegate was refused, unless that delegate is already stored', async () => {
    const file = tempFile('cascade.csv', rated(
      `${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,,,,`,
      `${KABID},Agus,Kabid,Administrator,Honorer,Dinas A,,${HEAD},,,,,,,,`,
      `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,${KABID},,,,`,
    ));
    const first = await importFile(file, { force: true });
    expect(first.rejected.map((row) => row.issues[0])).toEqual([
      { code: 'STATUS_UNKNOWN', value: 'Honorer' },
      { code: 'DELEGATE_REJECTED', nip: KABID, line: 3 },
    ]);
    await importFile(tempFile('rated.csv', rated(...TEAM)));
    const later = await importFile(file, { force: true });
    expect(later.rejected.map((row) => row.line)).toEqual([3]);
    expect((await ratingOf(KASUBAG)).ppkDelegate?.nip).toBe(KABID);
  });

  it('writes nothing on a dry run', async () => {
    const outcome = await importFile(tempFile('rated.csv', rated(...TEAM)), { dryRun: true });
    expect(outcome.accepted).toBe(3);
    expect(await db.prisma.externalOfficial.count()).toBe(0);
    expect(await db.prisma.employee.count()).toBe(0);

    await importFile(tempFile('rated.csv', rated(...TEAM)));
    await importFile(tempFile('empty.csv', rated(`${HEAD},Budi,Kepala,JPT,PNS,Dinas A,,,,,,,,,,`, `${KASUBAG},Hendra,Staf,Pelaksana,PNS,Dinas A,,${HEAD},,,,,,,,`)), { dryRun: true });
    expect(await ratingOf(HEAD)).toMatchObject({ externalPpkId: expect.any(String), externalAtasanPpkId: expect.any(String) });
    expect((await ratingOf(KASUBAG)).ppkDelegate?.nip).toBe(KABID);
  });
});
