/**
 * The unit of work of one decision: everything an event (or a CLI command, or a job) wants to
 * change, collected while it reads and decides, and applied afterwards by the committer
 * (commit.ts) in one short transaction. Nothing here touches the database.
 *
 * - Changes are applied in the order they were made. A *guarded* change (a status transition
 *   written as `updateMany … where status …`) that changes no row means someone else moved the
 *   record meanwhile: the commit fails with `Conflict`, nothing is written, and the caller decides
 *   again from fresh reads – where the service now sees the new state and refuses politely.
 * - Messages (outbox rows), button tokens, audit entries and the conversation session ride in the
 *   same transaction, so a reply is sent if and only if what it announces was stored.
 */
import type { ActionPayload } from '../conversation/flow.js';
import type { Button, Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import type { AuditEntry } from './audit.js';
import type { Db } from './db.js';
import { newToken, TOKEN_TTL_DAYS } from './tokens.js';

/** A write applied at commit. `guarded`: it must change at least one row, else the commit fails with Conflict. */
export interface Change {
  /** What it does, for logs and the Conflict message, e.g. "obstacle.respond <id>". */
  what: string;
  apply(tx: Db): Promise<unknown>;
  guarded: boolean;
}

/** A guarded change found its record moved on meanwhile: decide again from fresh reads. */
export class Conflict extends Error {
  constructor(readonly what: string) {
    super(`the record changed meanwhile: ${what}`);
    this.name = 'Conflict';
  }
}

/** Where a message goes. */
export interface ChatAddress {
  platform: Platform;
  workspace: string;
  chatId: string;
  employeeId: string | null;
  identityId: string | null;
}

/** An outbox row to write. The id is made here, so the rows of one commit keep their order. */
export interface PendingMessage {
  id: string;
  address: ChatAddress;
  payload: Reply;
  dedupeKey: string | null;
}

/** The buttons one person may press, minted during one decision: one token row for all of them. */
export interface TokenSet {
  token: string;
  employeeId: string | null;
  payloads: ActionPayload[];
}

/** A session as the committer writes it (see sessions.ts). */
export interface SessionWrite {
  employeeId: string;
  /** The row as read when deciding: its id and revision; null when there was none. */
  read: { id: string; revision: number } | null;
  /** The row wanted after the commit; null deletes it. */
  wanted: SessionRow | null;
  /** True once the decision saved or deleted it (only then is it written). */
  dirty?: boolean;
}

/** A conversation session row. */
export interface SessionRow {
  id: string;
  employeeId: string;
  flow: string;
  flowVersion: number;
  step: string;
  answers: unknown;
  context: unknown;
  platform: Platform;
  identityId: string | null;
  expiresAt: Date;
}

/** A chat account seen in use: what to bring up to date on it (see identities.ts touchIdentity). */
export interface SeenChange {
  identityId: string;
  dmChannelId: string | null;
  username: string | null;
}

/**
 * Background work a decision asks for once it is committed (never before: the job reads what the
 * decision wrote). Losing one is harmless – each kind has a catch-up that finds its rows.
 */
export type FollowUp = { job: 'evidence.download'; evidenceId: string };

export class UnitOfWork {
  /** The inbound update this decision handles: marked handled at commit (once – see inbound-updates.ts). */
  handledUpdate: string | null = null;
  /** The sender's chat account, to bring up to date at commit. */
  seen: SeenChange | null = null;
  readonly changes: Change[] = [];
  readonly audits: AuditEntry[] = [];
  readonly messages: PendingMessage[] = [];
  readonly sessions = new Map<string, SessionWrite>();
  /** Jobs to queue after the commit (they write nothing themselves, so they do not make the work non-empty). */
  readonly followUps: FollowUp[] = [];
  private readonly tokenSets = new Map<string, TokenSet>();

  constructor(readonly now: Date) {}

  /** A new row id (UUIDv7), for rows this decision inserts: known before the commit, so replies can refer to them. */
  newId(): string {
    return uuidv7(this.now.getTime());
  }

  /** A write with no precondition (an insert, an update whose outcome does not depend on state). */
  change(what: string, apply: (tx: Db) => Promise<unknown>): void {
    this.changes.push({ what, apply, guarded: false });
  }

  /**
   * A state transition that must still apply when committed: `apply` returns the number of rows it
   * changed (Prisma's `{ count }` or a number); none means someone else was first → Conflict.
   */
  guarded(what: string, apply: (tx: Db) => Promise<{ count: number } | number>): void {
    this.changes.push({ what, apply, guarded: true });
  }

  /** Queues `followUp` once this work is committed. */
  followUp(followUp: FollowUp): void {
    this.followUps.push(followUp);
  }

  /** An audit log entry, written with the change it records. */
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  /** Queues `replies` to one chat, in order; with `dedupeKey`, a message already queued under that key is not queued again. */
  send(address: ChatAddress, replies: Reply[], options: { dedupeKey?: string } = {}): void {
    for (const [index, payload] of replies.entries()) {
      this.messages.push({ id: uuidv7(this.now.getTime()), address, payload, dedupeKey: options.dedupeKey ? `${options.dedupeKey}:${index}` : null });
    }
  }

  /** A button only `employeeId` may press (null: anyone linked); its payload is stored at commit, with the other buttons minted for that person. */
  button(employeeId: string | null, label: string, payload: ActionPayload): Button {
    const key = employeeId ?? '';
    let set = this.tokenSets.get(key);
    if (!set) this.tokenSets.set(key, (set = { token: newToken(), employeeId, payloads: [] }));
    set.payloads.push(payload);
    return { label, token: `${set.token}.${set.payloads.length - 1}` };
  }

  /** The token rows to write. */
  tokens(): { token: string; employeeId: string | null; payload: ActionPayload[]; expiresAt: Date }[] {
    const expiresAt = new Date(this.now.getTime() + TOKEN_TTL_DAYS * 86_400_000);
    return [...this.tokenSets.values()].map((set) => ({ token: set.token, employeeId: set.employeeId, payload: set.payloads, expiresAt }));
  }

  /** True when committing would write nothing. */
  get empty(): boolean {
    return (
      !this.handledUpdate &&
      !this.seen &&
      this.changes.length === 0 &&
      this.audits.length === 0 &&
      this.messages.length === 0 &&
      this.tokenSets.size === 0 &&
      ![...this.sessions.values()].some((write) => write.dirty)
    );
  }
}
