import { describe, expect, it } from 'vitest';
import { hashLinkCode, issueLinkCodes, normalizeLinkCode, unitSubtree } from '../../src/linking/link-codes.js';
import { runOrgImport } from '../../src/org-import/run.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();
await runOrgImport(db.prisma, {
  file: 'examples/organisasi-contoh.csv',
  agencyName: 'Pemerintah Provinsi Contoh',
  defaultTimeZone: 'Asia/Jakarta',
  maxErrorRate: 0,
  force: false,
  dryRun: false,
  deactivateMissing: false,
});
const agency = await db.prisma.agency.findFirstOrThrow();
const now = new Date('2026-11-27T03:00:00Z');

describe('issuing link codes', () => {
  it('issues one code to every active employee without a chat account, and stores only its hash', async () => {
    const linked = await db.prisma.employee.findUniqueOrThrow({ where: { nip: '197203151998031004' } });
    await db.prisma.chatIdentity.create({ data: { employeeId: linked.id, platform: 'TELEGRAM', externalUserId: '1001' } });
    await db.prisma.employee.update({ where: { nip: '199812252024212001' }, data: { active: false } });

    const issued = await issueLinkCodes(db.prisma, { agencyId: agency.id, ttlDays: 14, now });
    expect(issued.codes).toHaveLength(18);
    expect(issued.codes.map((c) => c.nip)).not.toContain('197203151998031004');
    expect(issued.codes.map((c) => c.nip)).not.toContain('199812252024212001');
    expect(issued.expiresAt).toEqual(new Date('2026-12-11T03:00:00Z'));
    expect(new Set(issued.codes.map((c) => c.code)).size).toBe(18);

    const first = issued.codes[0]!;
    expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const stored = await db.prisma.linkCode.findMany({ where: { employeeId: first.employeeId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.codeHash).toBe(hashLinkCode(normalizeLinkCode(first.code)!));
    expect(JSON.stringify(await db.prisma.linkCode.findMany())).not.toContain(first.code.replace('-', ''));
  });

  it("revokes a person's unused older code when a new one is issued", async () => {
    const again = await issueLinkCodes(db.prisma, { agencyId: agency.id, ttlDays: 14, now: new Date(now.getTime() + 1000) });
    expect(again.revoked).toBe(18);
    const employeeId = again.codes[0]!.employeeId;
    const codes = await db.prisma.linkCode.findMany({ where: { employeeId }, orderBy: { createdAt: 'asc' } });
    expect(codes.map((c) => c.revokedAt !== null)).toEqual([true, false]);
  });

  it('limits codes to a unit and the units below it', async () => {
    const secretariat = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sekretariat' } });
    const units = await unitSubtree(db.prisma, agency.id, secretariat.id);
    expect(units).toHaveLength(3);
    const issued = await issueLinkCodes(db.prisma, { agencyId: agency.id, unitIds: units, ttlDays: 7, now });
    expect(issued.codes.map((c) => c.unit).sort()).toEqual([
      'Sekretariat',
      'Subbagian Keuangan',
      'Subbagian Keuangan',
      'Subbagian Umum dan Kepegawaian',
      'Subbagian Umum dan Kepegawaian',
      'Subbagian Umum dan Kepegawaian',
    ]);
  });
});
