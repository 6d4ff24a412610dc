/** Chat accounts as the pipeline sees them: who is talking, and keeping what we know of their chat current. */
import type { Platform } from '../generated/prisma/client.js';
import type { Reader } from './db.js';
import type { UnitOfWork } from './work.js';

/** A linked chat account. `fresh`: linked by this very decision (nothing to bring up to date). */
export interface KnownIdentity {
  id: string;
  employeeId: string;
  dmChannelId?: string | null;
  username?: string | null;
  lastSeenAt?: Date | null;
  reachable?: boolean;
  /** The person has accounts on other platforms too: lastSeenAt decides which one the bot writes to. */
  several?: boolean;
  fresh?: boolean;
}

/** With a single account, lastSeenAt is rewritten at most this often (it orders a person's accounts: "most recently used"). */
const SEEN_RESOLUTION_MS = 10 * 60_000;

/** The linked account behind a sender, if any. */
export async function identityOf(
  db: Reader,
  event: { platform: Platform; workspace: string; sender: { externalUserId: string } },
): Promise<(KnownIdentity & { dmChannelId: string | null }) | null> {
  const row = await db.chatIdentity.findUnique({
    where: { platform_workspace_externalUserId: { platform: event.platform, workspace: event.workspace, externalUserId: event.sender.externalUserId } },
    select: {
      id: true,
      employeeId: true,
      dmChannelId: true,
      username: true,
      lastSeenAt: true,
      reachable: true,
      employee: { select: { _count: { select: { chatIdentities: true } } } },
    },
  });
  if (!row) return null;
  const { employee, ...identity } = row;
  return { ...identity, several: employee._count.chatIdentities > 1 };
}

/**
 * Records that the account was just used, from this chat: the DM channel (where the bot writes
 * to them), the username, reachable again. Written only when something changed or lastSeenAt is
 * stale, so most events write nothing here.
 */
export function touchIdentity(work: UnitOfWork, identity: KnownIdentity, event: { chat: { id: string; private: boolean }; sender: { username: string | null } }): void {
  if (identity.fresh) return;
  const now = work.now;
  const dmChanged = event.chat.private && identity.dmChannelId !== event.chat.id;
  const stale = identity.several || !identity.lastSeenAt || now.getTime() - identity.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS;
  if (!dmChanged && !stale && identity.username === event.sender.username && identity.reachable) return;
  work.change(`identity.seen ${identity.id}`, (tx) =>
    tx.chatIdentity.updateMany({
      where: { id: identity.id },
      data: { lastSeenAt: now, ...(event.chat.private ? { dmChannelId: event.chat.id } : {}), username: event.sender.username, reachable: true, unreachableReason: null },
    }),
  );
}
