import { beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/files/table.js';
import { builtInHolidays } from '../../src/holidays/builtin.js';
import { importHolidays } from '../../src/holidays/import.js';
import { dateOnly, ensureHolidayCalendar } from '../../src/holidays/seed.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();

function holidaysOf(year: number) {
  return db.prisma.holiday.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
    orderBy: [{ date: 'asc' }, { name: 'asc' }],
  });
}

beforeEach(async () => {
  await db.prisma.holiday.deleteMany();
  await db.prisma.agency.deleteMany();
});

describe('the built-in calendar', () => {
  it('uses the decreed 2026 list, with cuti bersama', async () => {
    const { source, rows } = await builtInHolidays(2026);
    expect(source).toBe('decree-file');
    expect(rows.filter((row) => row.kind === 'NASIONAL')).toHaveLength(17);
    expect(rows.filter((row) => row.kind === 'CUTI_BERSAMA')).toHaveLength(8);
    expect(rows).toContainEqual(expect.objectContaining({ date: '2026-08-17', kind: 'NASIONAL' }));
  });

  it('computes a year without a decree file, with Easter and the right name for 27 Rajab', async () => {
    const { source, rows } = await builtInHolidays(2027);
    expect(source).toBe('computed');
    expect(rows).toContainEqual(expect.objectContaining({ date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)' }));
    expect(rows.filter((row) => row.name === 'Isra Mikraj Nabi Muhammad SAW').length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.name.startsWith('Maulid'))).toHaveLength(1);
    expect(rows).toContainEqual(expect.objectContaining({ date: '2027-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia' }));
  });
});

describe('seeding at start-up', () => {
  it('seeds the current and the next year once, and never over a year HR already has', async () => {
    const now = new Date('2026-12-31T18:00:00Z'); // already 1 January 2027 in WIB
    expect(await ensureHolidayCalendar(db.prisma, now, 'Asia/Jakarta')).toEqual([2027, 2028]);
    expect(await ensureHolidayCalendar(db.prisma, now, 'Asia/Jakarta')).toEqual([]);
    expect((await holidaysOf(2026)).length).toBe(0);
    expect((await holidaysOf(2027)).every((holiday) => holiday.source === 'SEED')).toBe(true);
  });

  it('lets several instances start at once without seeding twice', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const results = await Promise.all([1, 2, 3].map(() => ensureHolidayCalendar(db.prisma, now, 'Asia/Jakarta')));
    expect(results.flat().sort()).toEqual([2026, 2027]);
    expect((await holidaysOf(2026)).length).toBe(25);
  });
});

describe("HR's holiday import", () => {
  it("replaces a year's built-in list with the decree HR imports", async () => {
    await ensureHolidayCalendar(db.prisma, new Date('2027-03-01T00:00:00Z'), 'Asia/Jakarta');
    const seeded = await holidaysOf(2027);
    const decree = readCsv('tanggal,nama,jenis\n2027-01-01,Tahun Baru 2027 Masehi,nasional\n2027-03-09,Cuti Bersama Idulfitri,cuti_bersama\n');
    const result = await importHolidays(db.prisma, decree, { defaultAgencyId: undefined });
    expect(result).toEqual({ ok: true, added: 2, updated: 0, replaced: seeded.length, replacedYears: [2027] });
    expect((await holidaysOf(2027)).map((h) => [h.date.toISOString().slice(0, 10), h.kind, h.source])).toEqual([
      ['2027-01-01', 'NASIONAL', 'HR'],
      ['2027-03-09', 'CUTI_BERSAMA', 'HR'],
    ]);
    expect((await holidaysOf(2028)).length).toBeGreaterThan(0);
  });

  it('adds agency holidays without touching the national calendar', async () => {
    const agency = await db.prisma.agency.create({ data: { name: 'Pemerintah Provinsi Contoh' } });
    await ensureHolidayCalendar(db.prisma, new Date('2026-03-01T00:00:00Z'), 'Asia/Jakarta');
    const file = readCsv('tanggal,nama,jenis,instansi\n2026-10-04,Hari Jadi Provinsi,instansi,Pemerintah Provinsi Contoh\n');
    const result = await importHolidays(db.prisma, file, { defaultAgencyId: undefined });
    expect(result).toMatchObject({ ok: true, added: 1, replaced: 0 });
    const mine = await db.prisma.holiday.findFirstOrThrow({ where: { agencyId: agency.id } });
    expect(mine).toMatchObject({ name: 'Hari Jadi Provinsi', kind: 'INSTANSI', source: 'HR' });
    expect((await holidaysOf(2026)).filter((h) => h.source === 'SEED')).toHaveLength(25);
  });

  it('changes nothing when any row is bad, and says which rows', async () => {
    await ensureHolidayCalendar(db.prisma, new Date('2026-03-01T00:00:00Z'), 'Asia/Jakarta');
    const before = await holidaysOf(2026);
    const file = readCsv(
      'tanggal,nama,jenis,instansi\n2026-01-01,Tahun Baru,nasional,\n2026-02-30,Tanggal Salah,nasional,\n2026-05-05,Libur,bebas,\n2026-06-06,Libur Instansi,instansi,Tidak Ada\n2026-07-07,,nasional,\n',
    );
    const result = await importHolidays(db.prisma, file, { defaultAgencyId: undefined });
    expect(result).toEqual({
      ok: false,
      missingColumns: [],
      errors: [
        { line: 3, code: 'BAD_DATE', value: '2026-02-30' },
        { line: 4, code: 'BAD_KIND', value: 'bebas' },
        { line: 5, code: 'UNKNOWN_AGENCY', value: 'Tidak Ada' },
        { line: 6, code: 'MISSING_FIELD', field: 'nama' },
      ],
    });
    expect(await holidaysOf(2026)).toEqual(before);
  });
});
