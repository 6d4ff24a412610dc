/**
 * Link codes: HR issues a short single-use code per employee; the employee sends it to the bot
 * to link their chat account. Only a SHA-256 hash of each code is stored.
 */
import { createHash, randomInt } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Reader } from '../services/db.js';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const LINK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LINK_CODE_LENGTH = 8;

/** A fresh code, formatted for people: "ABCD-EFGH". */
export function generateLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The canonical form of what someone typed ("abcd efgh" → "ABCDEFGH"), or null if it cannot be a code. */
export function normalizeLinkCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LINK_CODE_LENGTH) return null;
  return [...code].every((char) => LINK_CODE_ALPHABET.includes(char)) ? code : null;
}

/** SHA-256 hex of a normalised code: what the database stores. */
export function hashLinkCode(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}

/** A code issued to one employee; the plain code exists only in this value and HR's file. */
export interface IssuedLinkCode {
  employeeId: string;
  nip: string;
  name: string;
  unit: string;
  code: string;
}

/** Ids of `unitId` and every unit below it. */
export async function unitSubtree(prisma: Pick<Reader, 'unit'>, agencyId: string, unitId: string): Promise<string[]> {
  const units = await prisma.unit.findMany({ where: { agencyId }, select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const result: string[] = [];
  const queue = [unitId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (result.includes(id)) continue;
    result.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

/**
 * Issues a new code to every active employee (of the agency, or of the given units) who has no
 * linked chat account. Their older unused codes stop working, since only the newest is on paper.
 */
export async function issueLinkCodes(
  prisma: PrismaClient,
  options: { agencyId: string; unitIds?: string[]; ttlDays: number; now: Date },
): Promise<{ codes: IssuedLinkCode[]; expiresAt: Date; revoked: number }> {
  const expiresAt = new Date(options.now.getTime() + options.ttlDays * 24 * 60 * 60 * 1000);
  return prisma.$transaction(async (tx) => {
    const employees = await tx.employee.findMany({
      where: {
        agencyId: options.agencyId,
        active: true,
        chatIdentities: { none: {} },
        ...(options.unitIds ? { unitId: { in: options.unitIds } } : {}),
      },
      select: { id: true, nip: true, name: true, unit: { select: { name: true } } },
      orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }],
    });
    const ids = employees.map((employee) => employee.id);
    const revoked = await tx.linkCode.updateMany({
      where: { employeeId: { in: ids }, usedAt: null, revokedAt: null, expiresAt: { gt: options.now } },
      data: { revokedAt: options.now },
    });
    const codes = employees.map((employee) => ({
      employeeId: employee.id,
      nip: employee.nip,
      name: employee.name,
      unit: employee.unit.name,
      code: generateLinkCode(),
    }));
    await tx.linkCode.createMany({
      data: codes.map((issued) => ({
        employeeId: issued.employeeId,
        codeHash: hashLinkCode(normalizeLinkCode(issued.code) ?? ''),
        expiresAt,
      })),
    });
    await tx.auditLog.create({
      data: {
        agencyId: options.agencyId,
        actorLabel: 'cli',
        action: 'linkCodes.issue',
        entityType: 'Agency',
        entityId: options.agencyId,
        details: { issued: codes.length, revoked: revoked.count, unitIds: options.unitIds ?? null },
      },
    });
    return { codes, expiresAt, revoked: revoked.count };
  }, { timeout: 120_000 });
}
