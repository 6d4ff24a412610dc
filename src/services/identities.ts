/**
 * Who is talking: the linked chat account behind a sender, with everything deciding their event
 * needs about them – the employee, their conversation session, whether evaluation results wait
 * for them – read in one statement, since every event starts here. And keeping what we know of
 * their chat current.
 */
import type { Platform } from '../generated/prisma/client.js';
import type { SqlSession } from '../storage/sql.js';
import type { Db } from './db.js';
import type { Member } from './people.js';
import type { SessionRow, UnitOfWork } from './work.js';

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

/** A sender the bot knows, with what deciding their event needs. */
export interface KnownSender {
  identity: KnownIdentity & { dmChannelId: string | null };
  member: Member;
  /** Their conversation session as stored (null: none), with its revision for the commit's guard. */
  session: (SessionRow & { revision: number }) | null;
  /** Finalised evaluation results not delivered yet (they go out with this event). */
  resultsWaiting: boolean;
}

/** The statement's row: the employee's columns are named as Member's, so the member is a pick of it. */
type SenderRow = Member & {
  identityId: string;
  dmChannelId: string | null;
  username: string | null;
  lastSeenAt: Date | null;
  reachable: boolean;
  identities: number;
  resultsWaiting: boolean;
  sessionId: string | null;
  sessionFlow: string;
  sessionFlowVersion: number;
  sessionStep: string;
  sessionAnswers: unknown;
  sessionContext: unknown;
  sessionPlatform: Platform;
  sessionIdentityId: string | null;
  sessionExpiresAt: Date;
  sessionRevision: number;
};

// Timestamps are stored as UTC without a zone (Prisma's convention): read them as UTC instants.
const SENDER = `
  SELECT i.id AS "identityId", i."dmChannelId", i.username, i."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt", i.reachable,
         (SELECT count(*)::int FROM "ChatIdentity" o WHERE o."employeeId" = i."employeeId") AS identities,
         e.id, e.name, e.nip, e.position, e."agencyId", e."unitId", e."supervisorId", e.active, e.locale::text AS locale, e."timeZone",
         a.name AS "agencyName", u.name AS "unitName",
         EXISTS (SELECT 1 FROM "Evaluation" v WHERE v."employeeId" = e.id AND v.status = 'FINAL' AND v."deliveredAt" IS NULL) AS "resultsWaiting",
         s.id AS "sessionId", s.flow AS "sessionFlow", s."flowVersion" AS "sessionFlowVersion", s.step AS "sessionStep",
         s.answers AS "sessionAnswers", s.context AS "sessionContext", s.platform::text AS "sessionPlatform",
         s."identityId" AS "sessionIdentityId", s."expiresAt" AT TIME ZONE 'UTC' AS "sessionExpiresAt", s.revision AS "sessionRevision"
  FROM "ChatIdentity" i
  JOIN "Employee" e ON e.id = i."employeeId"
  JOIN "Agency" a ON a.id = e."agencyId"
  JOIN "Unit" u ON u.id = e."unitId"
  LEFT JOIN "ConversationSession" s ON s."employeeId" = e.id
  WHERE i.platform = $1::"Platform" AND i.workspace = $2 AND i."externalUserId" = $3`;

/** The sender's linked account with their employee record and session, or null when the account is not linked. */
export async function identifySender(sql: SqlSession, event: { platform: Platform; workspace: string; sender: { externalUserId: string } }): Promise<KnownSender | null> {
  const [row] = await sql.query<SenderRow>(SENDER, [event.platform, event.workspace, event.sender.externalUserId], 'identify-sender');
  if (!row) return null;
  const member: Member = {
    id: row.id,
    name: row.name,
    nip: row.nip,
    position: row.position,
    agencyId: row.agencyId,
    unitId: row.unitId,
    supervisorId: row.supervisorId,
    active: row.active,
    locale: row.locale,
    timeZone: row.timeZone,
    agencyName: row.agencyName,
    unitName: row.unitName,
  };
  const session = row.sessionId
    ? {
        id: row.sessionId,
        employeeId: row.id,
        flow: row.sessionFlow,
        flowVersion: row.sessionFlowVersion,
        step: row.sessionStep,
        answers: row.sessionAnswers,
        context: row.sessionContext,
        platform: row.sessionPlatform,
        identityId: row.sessionIdentityId,
        expiresAt: row.sessionExpiresAt,
        revision: row.sessionRevision,
      }
    : null;
  return {
    identity: {
      id: row.identityId,
      employeeId: row.id,
      dmChannelId: row.dmChannelId,
      username: row.username,
      lastSeenAt: row.lastSeenAt,
      reachable: row.reachable,
      several: row.identities > 1,
    },
    member,
    session,
    resultsWaiting: row.resultsWaiting,
  };
}

/** With a single account, lastSeenAt is rewritten at most this often (it orders a person's accounts: "most recently used"). */
const SEEN_RESOLUTION_MS = 10 * 60_000;

/**
 * Records that the account was just used, from this chat: the DM channel (where the bot writes
 * to them), the username, reachable again. Written only when something changed or lastSeenAt is
 * stale, so most events write nothing here.
 */
export function touchIdentity(work: UnitOfWork, identity: KnownIdentity, event: { chat: { id: string; private: boolean }; sender: { username: string | null } }): void {
  if (identity.fresh) return;
  const dmChanged = event.chat.private && identity.dmChannelId !== event.chat.id;
  const stale = identity.several || !identity.lastSeenAt || work.now.getTime() - identity.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS;
  if (!dmChanged && !stale && identity.username === event.sender.username && identity.reachable) return;
  work.seen = { identityId: identity.id, dmChannelId: event.chat.private ? event.chat.id : null, username: event.sender.username };
}

/** Applies `touchIdentity` in transaction `tx`. */
export async function applySeen(tx: Db, seen: NonNullable<UnitOfWork['seen']>, now: Date): Promise<void> {
  await tx.chatIdentity.updateMany({
    where: { id: seen.identityId },
    data: { lastSeenAt: now, ...(seen.dmChannelId ? { dmChannelId: seen.dmChannelId } : {}), username: seen.username, reachable: true, unreachableReason: null },
  });
}
