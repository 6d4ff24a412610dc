/**
 * People who move during the year (src/org-import/moves.ts, src/domain/skp-period.ts): an import that
 * changes someone's unit, superior or position closes their SKP period in force with the PPK it had,
 * its plans and the evaluations already begun; a correction, a repeat or a bad date closes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatOutcome } from '../../src/org-import/report.js';
import { runOrgImport, type OrgImportOptions } from '../../src/org-import/run.js';
import { lastPlanVersion, latestPlan } from '../../src/services/plans.js';
import { useTestDatabase } from '../support/database.js';
import { DIMAS, exampleWithDimasMoved, HENDRA, RINA, SITI } from '../support/moves.js';

const db = await useTestDatabase();
const NOW = new Date('2026-11-27T03:00:00Z');

function importFile(file: string, options: Partial<OrgImportOptions> = {}) {
  return runOrgImport(db.prisma, { file, agencyName: 'Pemerintah Provinsi Contoh', defaultTimeZone: 'Asia/Jakarta', maxErrorRate: 0.05, force: false, dryRun: false, deactivateMissing: false, now: NOW, ...options });
}
const idOf = async (nip: string) => (await db.prisma.employee.findUniqueOrThrow({ where: { nip } })).id;

beforeEach(async () => {
  await db.prisma.agency.deleteMany();
  await importFile('examples/organisasi-contoh.csv');
});

describe('a move in the organisation import', () => {
  it('closes the SKP period in force on the day before the effective date, with the PPK, plans and evaluations of then', async () => {
    const dimas = await idOf(DIMAS);
    const hendra = await idOf(HENDRA);
    // Before the move: Dimas's SKP was established and Hendra began his Q3 evaluation.
    const plan = await db.prisma.plan.create({ data: { employeeId: dimas, raterId: hendra, year: 2026, status: 'AGREED', positionTitle: 'Pengadministrasi Umum' } });
    const q3 = await db.prisma.evaluation.create({ data: { employeeId: dimas, raterId: hendra, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q3', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK' } });

    const dry = await importFile(exampleWithDimasMoved('2026-10-01'), { dryRun: true });
    expect(formatOutcome(dry, 'id').join('\n')).toMatch(/1 pegawai akan pindah[\s\S]*baris 14 – Dimas Saputra: periode SKP 1 Jan 2026 – 30 Sep 2026 \(unit, atasan\)/);
    expect(await db.prisma.skpPeriod.count()).toBe(0);

    const outcome = await importFile(exampleWithDimasMoved('2026-10-01'));
    expect(formatOutcome(outcome, 'id').join('\n')).toMatch(/1 pegawai pindah \(unit, atasan atau jabatan berubah\): periode SKP lama ditutup[\s\S]*tanggal_efektif dengan hari pertama periode SKP/);
    const closed = await db.prisma.skpPeriod.findFirstOrThrow({ where: { employeeId: dimas } });
    expect(closed).toMatchObject({ year: 2026, raterId: hendra, atasanPpkId: await idOf(SITI), supervisorId: hendra, unitName: 'Subbagian Umum dan Kepegawaian', reason: 'unit,atasan' });
    expect([closed.startsOn.toISOString().slice(0, 10), closed.endsOn.toISOString().slice(0, 10)]).toEqual(['2026-01-01', '2026-09-30']);
    // The plan belongs to the closed period; the period in force has none yet, and the next version is 2.
    expect((await db.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).periodEnd?.toISOString().slice(0, 10)).toBe('2026-09-30');
    expect(await latestPlan(db.prisma, dimas, 2026)).toBeNull();
    expect((await latestPlan(db.prisma, dimas, 2026, closed.endsOn))?.id).toBe(plan.id);
    expect(await lastPlanVersion(db.prisma, dimas, 2026)).toBe(1);
    // Hendra's draft is kept, for his part.
    expect(await db.prisma.evaluation.findUniqueOrThrow({ where: { id: q3.id } })).toMatchObject({ raterId: hendra, skpPart: closed.id, status: 'DRAFT' });
    expect(await db.prisma.auditLog.findFirst({ where: { action: 'skp.period.closed', entityId: dimas } })).toMatchObject({ details: { startsOn: '2026-01-01', endsOn: '2026-09-30', evaluations: 1 } });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: DIMAS }, include: { supervisor: true } })).supervisor?.nip).toBe(RINA);
  });

  it('closes nothing again on a repeated import, nor for a correction dated the first day of the period in force', async () => {
    await importFile(exampleWithDimasMoved('2026-10-01'));
    expect((await importFile(exampleWithDimasMoved('2026-10-01'))).moves).toEqual([]);
    // HR corrects Dimas's position title as of the start of his new period: data, not a move.
    const correction = exampleWithDimasMoved('2026-10-01', { [DIMAS]: { unit: 'Subbagian Keuangan', nip_atasan: RINA, jabatan: 'Pengadministrasi Keuangan', tanggal_efektif: '2026-10-01' } });
    expect((await importFile(correction)).moves).toEqual([]);
    expect(await db.prisma.skpPeriod.count()).toBe(1);
  });

  it('uses the import date when tanggal_efektif is empty, and refuses a date still ahead with its line', async () => {
    const ahead = await importFile(exampleWithDimasMoved('2026-12-01'));
    expect(ahead.rejected).toEqual([{ line: 14, nip: DIMAS, issues: [{ code: 'EFFECTIVE_DATE_FUTURE', value: '2026-12-01' }] }]);
    expect(await db.prisma.skpPeriod.count()).toBe(0);
    const today = await importFile(exampleWithDimasMoved(''));
    expect(today.moves).toMatchObject([{ nip: DIMAS, startsOn: '2026-01-01', endsOn: '2026-11-26' }]);
  });
});
