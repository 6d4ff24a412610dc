/**
 * `periods show | set`: an agency's evaluation cadence, SKP deadline and objection period; bad
 * values say what is wrong and change nothing; the unit predikat then offers the agency's periods.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMember } from '../../src/services/people.js';
import { predikatPeriods } from '../../src/services/unit-predikat.js';
import { runCliOn } from '../support/cli.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();

const cli = (args: string[]) => runCliOn(db.url, args);

beforeAll(async () => {
  expect((await cli(['import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh'])).code).toBe(0);
});

describe('periods', () => {
  it('shows the defaults, and sets cadence, SKP deadline and window; the keberatan period is the law’s', async () => {
    expect((await cli(['periods', 'show'])).out).toBe(
      'Pemerintah Provinsi Contoh: evaluasi kinerja periodik triwulanan; batas penetapan SKP 31-01 (tanggal-bulan); keberatan dapat diajukan 14 hari sejak hasil evaluasi diterima (PP 30/2019 Pasal 59, tidak dapat diubah); ' +
        'evaluasi suatu periode dibuka 14 hari sebelum periode berakhir dan ditutup 30 hari sesudahnya; ' +
        'Predikat Kinerja didistribusikan dan ditetapkan per unit organisasi tingkat 1 (unit teratas: tiap OPD/unit kerja); evaluasi tahunan terpisah dari evaluasi periodik.',
    );
    const set = await cli(['periods', 'set', '--cadence', 'bulanan', '--skp-deadline', '15-02', '--evaluation-opens', '7', '--evaluation-closes', '20', '--distribution-level', '2', '--final-evaluation', 'akhir']);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/evaluasi kinerja periodik bulanan; batas penetapan SKP 15-02 .* 14 hari.*per unit organisasi tingkat 2; evaluasi periode terakhir \(Triwulan IV-Akhir\) menjadi evaluasi akhir tahun/);
    expect(await db.prisma.agency.findFirstOrThrow()).toMatchObject({ periodCadence: 'MONTHLY', skpDeadlineMonth: 2, skpDeadlineDay: 15, evaluationOpensDays: 7, evaluationClosesDays: 20, distributionLevel: 2, finalEvaluation: 'PERIODE_AKHIR' });
    expect(await db.prisma.auditLog.count({ where: { action: 'agency.periodsChanged' } })).toBe(1);

    const someone = await db.prisma.employee.findFirstOrThrow({ where: { active: true } });
    const periods = await predikatPeriods(db.prisma, (await loadMember(db.prisma, someone.id))!, new Date('2026-11-27T03:00:00Z'));
    expect(periods.map((p) => p.key)).toEqual(['2026-M11', '2026-M10', '2026', '2025']);
  });

  it('refuses bad values with a clear message and changes nothing', async () => {
    const before = await db.prisma.agency.findFirstOrThrow();
    for (const [args, message] of [
      [['--cadence', 'mingguan'], /Periode "mingguan" tidak dikenal: tulis triwulanan atau bulanan/],
      [['--skp-deadline', '31-02'], /Batas SKP "31-02" bukan tanggal yang sah/],
      [['--objection-days', '21', '--cadence', 'triwulanan'], /Masa keberatan 14 hari sejak hasil diterima ditetapkan PP 30\/2019 Pasal 59/],
      [['--evaluation-closes', '200', '--cadence', 'bulanan'], /masa evaluasi "200" harus bilangan bulat 1 sampai 90/],
      [['--distribution-level', '0', '--cadence', 'bulanan'], /Tingkat distribusi "0" harus bilangan bulat 1 sampai 10/],
      [['--distribution-level', 'OPD'], /Tingkat distribusi "OPD" harus bilangan bulat 1 sampai 10/],
      [['--final-evaluation', 'kuartal'], /Evaluasi akhir tahun "kuartal" tidak dikenal/],
      [[], /Tidak ada yang diubah/],
    ] as const) {
      const result = await cli(['periods', 'set', ...args]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(message);
    }
    expect(await db.prisma.agency.findFirstOrThrow()).toEqual(before);
  });
});
