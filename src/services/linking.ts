/**
 * Redeeming an HR-issued link code from a chat account. Codes are single use and expire; five
 * wrong codes from one account lock that account's further tries for fifteen minutes.
 */
import { hashLinkCode, normalizeLinkCode } from '../linking/link-codes.js';
import type { Platform } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import type { Reader } from './db.js';
import type { UnitOfWork } from './work.js';

/** Wrong codes allowed before an account is locked. */
export const MAX_WRONG_CODES = 5;
/** How long a locked account must wait, in minutes. */
export const LOCK_MINUTES = 15;

/** The chat account trying to link. */
export interface ChatAccount {
  platform: Platform;
  workspace: string;
  externalUserId: string;
  chatId: string;
  username: string | null;
}

export type RedeemResult =
  | { status: 'LINKED'; employeeId: string; identityId: string }
  | { status: 'WRONG'; remaining: number }
  | { status: 'LOCKED'; minutes: number }
  | { status: 'EXPIRED' | 'USED' | 'REVOKED' | 'INACTIVE' };

/** Tries `typed` as a link code for `account` (which must not be linked yet). */
export async function redeemLinkCode(db: Reader, work: UnitOfWork, account: ChatAccount, typed: string, now: Date): Promise<RedeemResult> {
  const key = { platform: account.platform, workspace: account.workspace, externalUserId: account.externalUserId };
  const attempts = await db.linkAttempt.findUnique({ where: { platform_workspace_externalUserId: key } });
  if (attempts?.lockedUntil && attempts.lockedUntil > now) {
    return { status: 'LOCKED', minutes: Math.ceil((attempts.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }
  const normalized = normalizeLinkCode(typed);
  const code = normalized ? await db.linkCode.findUnique({ where: { codeHash: hashLinkCode(normalized) }, include: { employee: true } }) : null;
  if (!code) {
    // A lock that has run out starts a fresh count.
    const failed = (attempts?.lockedUntil ? 0 : (attempts?.failedCount ?? 0)) + 1;
    const lockedUntil = failed >= MAX_WRONG_CODES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    work.change(`linkAttempt.failed ${account.externalUserId}`, (tx) =>
      tx.linkAttempt.upsert({
        where: { platform_workspace_externalUserId: key },
        create: { ...key, failedCount: failed, lastFailedAt: now, lockedUntil },
        update: { failedCount: failed, lastFailedAt: now, lockedUntil },
      }),
    );
    return lockedUntil ? { status: 'LOCKED', minutes: LOCK_MINUTES } : { status: 'WRONG', remaining: MAX_WRONG_CODES - failed };
  }
  // A real code, even an unusable one, is not a guess: it does not count as a wrong try.
  if (code.usedAt) return { status: 'USED' };
  if (code.revokedAt) return { status: 'REVOKED' };
  if (code.expiresAt <= now) return { status: 'EXPIRED' };
  if (!code.employee.active) return { status: 'INACTIVE' };

  const identityId = uuidv7(now.getTime());
  // A code is used once: two accounts redeeming it at once – the second decides again and finds it used.
  work.guarded(`linkCode.use ${code.id}`, (tx) => tx.linkCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: now } }));
  work.change(`identity.link ${identityId}`, async (tx) => {
    // A new account on the same platform replaces the old one (a new phone, a new Telegram account).
    await tx.chatIdentity.deleteMany({ where: { employeeId: code.employeeId, platform: account.platform, workspace: account.workspace } });
    await tx.chatIdentity.create({
      data: { id: identityId, ...key, employeeId: code.employeeId, dmChannelId: account.chatId, username: account.username, linkedAt: now, lastSeenAt: now },
    });
    await tx.linkCode.update({ where: { id: code.id }, data: { usedByIdentityId: identityId } });
    await tx.linkAttempt.deleteMany({ where: key });
  });
  work.audit({
    agencyId: code.employee.agencyId,
    actorId: code.employeeId,
    action: 'identity.linked',
    entityType: 'ChatIdentity',
    entityId: identityId,
    details: { platform: account.platform, workspace: account.workspace },
  });
  return { status: 'LINKED', employeeId: code.employeeId, identityId };
}

/**
 * Links `account` to the one active employee whose imported e-mail is `email` (any case). Nothing
 * happens when no one or several people have that address, or when that employee already has an
 * account on this platform and workspace (HR re-links with a code then): undefined.
 */
export async function linkByEmail(db: Reader, work: UnitOfWork, account: ChatAccount, email: string, now: Date): Promise<{ employeeId: string; identityId: string } | undefined> {
  const trimmed = email.trim();
  if (trimmed === '') return undefined;
  const matches = await db.employee.findMany({ where: { email: { equals: trimmed, mode: 'insensitive' }, active: true }, take: 2 });
  const employee = matches.length === 1 ? matches[0] : undefined;
  if (!employee) return undefined;
  const taken = await db.chatIdentity.findFirst({ where: { employeeId: employee.id, platform: account.platform, workspace: account.workspace } });
  if (taken) return undefined;
  const key = { platform: account.platform, workspace: account.workspace, externalUserId: account.externalUserId };
  const identityId = uuidv7(now.getTime());
  work.change(`identity.link-by-email ${identityId}`, (tx) =>
    tx.chatIdentity.create({ data: { id: identityId, ...key, employeeId: employee.id, dmChannelId: account.chatId, username: account.username, linkedAt: now, lastSeenAt: now } }),
  );
  work.audit({
    agencyId: employee.agencyId,
    actorId: employee.id,
    action: 'identity.linked',
    entityType: 'ChatIdentity',
    entityId: identityId,
    details: { platform: account.platform, workspace: account.workspace, method: 'email' },
  });
  return { employeeId: employee.id, identityId };
}
