/**
 * An agency where the last quarter closes the year (Agency.finalEvaluation PERIODE_AKHIR, the
 * "Triwulan IV-Akhir" of the Lampiran's forms), on the console: /evaluasi offers "Triwulan IV-Akhir
 * 2026" and no separate annual evaluation, the Q4 record shows the year's earlier periodic results as
 * input, and a draft for the year is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../src/domain/periods.js';
import { decideAndCommit } from '../../src/services/commit.js';
import { loadMember } from '../../src/services/people.js';
import { servicesFor } from '../../src/services/registry.js';
import { useTestDatabase } from '../support/database.js';
import { useConsoleDriver } from '../support/drivers.js';

const db = await useTestDatabase();
// Monday 28 December 2026: the Q4 window (and, in an agency with an annual evaluation, the year's) is open.
const NOW = new Date('2026-12-28T03:00:00Z');
const bot = await useConsoleDriver(db, () => NOW);

beforeAll(async () => {
  await db.prisma.agency.updateMany({ data: { finalEvaluation: 'PERIODE_AKHIR' } });
  const [andi, sri] = await Promise.all([db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } }), db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } })]);
  // Andi's Q3 result, established in October: input for the evaluation that closes his year.
  await db.prisma.evaluation.create({
    data: { employeeId: andi.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q3', resultsRating: 'SESUAI', behaviourRating: 'DI_ATAS', predikat: 'BAIK', status: 'ACKNOWLEDGED', finalizedAt: new Date('2026-10-05T03:00:00Z') },
  });
});

describe('Triwulan IV-Akhir closes the year', () => {
  it('offers the final quarter and no annual evaluation, with the year’s periodic results as input', async () => {
    await bot.as('Sri Wahyuni');
    // Only the final quarter is open – no annual evaluation – so the record comes at once.
    const record = await bot.say('/evaluasi Andi Pratama');
    expect(record).toMatch(/Catatan kinerja Andi Pratama – Triwulan IV-Akhir 2026 \(1 Okt 2026 s\.d\. 31 Des 2026\)/);
    expect(record).not.toMatch(/Tahun 2026/);
    expect(record).toMatch(/Hasil evaluasi periodik tahun ini \(masukan, tanpa rumus\):[\s\S]*Triwulan III 2026: Baik/);
    await bot.say('/batal');
  });

  it('refuses a draft of a separate annual evaluation', async () => {
    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    const me = (await loadMember(db.prisma, sri.id))!;
    const year = parsePeriodKey('2026')!;
    const { value: drafted } = await decideAndCommit(db.prisma, NOW, (work) => servicesFor(db.prisma, work).evaluations.draft(me, { employeeId: andi.id, period: year, results: 'SESUAI', behaviour: 'SESUAI', notes: null, feedback: null }));
    expect(drafted).toMatchObject({ ok: false, refusal: { code: 'NOT_OPEN' } });
    expect(await db.prisma.evaluation.count({ where: { periodKey: '2026' } })).toBe(0);
  });

  it('converts credit points (the PAK) from the final quarter’s result, not from an earlier quarter', async () => {
    const [ratna, sri] = await Promise.all([db.prisma.employee.findFirstOrThrow({ where: { name: 'Ratna Sari Dewi' } }), db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } })]);
    const base = { employeeId: ratna.id, raterId: sri.id, kind: 'PERIODIC' as const, year: 2026, resultsRating: 'SESUAI' as const, behaviourRating: 'SESUAI' as const, predikat: 'BAIK' as const, status: 'FINAL' as const, finalizedAt: NOW };
    const q3 = await db.prisma.evaluation.create({ data: { ...base, periodKey: '2026-Q3' } });
    const q4 = await db.prisma.evaluation.create({ data: { ...base, periodKey: '2026-Q4' } });
    const conversion = (id: string) => decideAndCommit(db.prisma, NOW, (work) => servicesFor(db.prisma, work).creditPoints.conversion(id, ratna.id)).then((r) => r.value);
    expect(await conversion(q3.id)).toEqual({ ok: false, refusal: { code: 'NOT_ANNUAL' } });
    expect(await conversion(q4.id)).toMatchObject({ ok: true, value: { evaluation: { periodKey: '2026-Q4', closesYear: true } } });
  });
});
