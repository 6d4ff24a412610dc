/**
 * Button tokens: a button carries only a short token (Telegram allows 64 bytes of callback data);
 * what pressing it means is stored here, with who may press it and until when.
 *
 * The buttons one decision mints for one person share one row: its payload is the list of their
 * payloads and each button carries "<token>.<index>" (see UnitOfWork.button). Rows written one per
 * button (by the check-in fan-out and sweep, and before this format) hold a single payload and are
 * pressed as "<token>".
 */
import { randomBytes } from 'node:crypto';
import type { ActionPayload } from '../conversation/flow.js';
import { json, type Db, type Reader } from './db.js';

/** How long a button keeps working. */
export const TOKEN_TTL_DAYS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The largest multiple of 62 below 256: bytes from here up are drawn again, so every character is equally likely. */
const UNBIASED_BELOW = 248;

/** 16 characters from 62: about 95 bits, unguessable, and far below Telegram's 64 bytes. */
export function newToken(): string {
  let token = '';
  while (token.length < 16) {
    for (const byte of randomBytes(24)) {
      if (byte < UNBIASED_BELOW && token.length < 16) token += ALPHABET[byte % ALPHABET.length];
    }
  }
  return token;
}

/** Stores `payload` under a new token that only `employeeId` may use (jobs that write their own rows). */
export async function mintToken(db: Db, employeeId: string | null, payload: ActionPayload, now: Date): Promise<string> {
  const token = newToken();
  await db.actionToken.create({
    data: { token, employeeId, payload: json(payload), expiresAt: new Date(now.getTime() + TOKEN_TTL_DAYS * 86_400_000) },
  });
  return token;
}

/** What a pressed token means, or why it cannot be used. */
export type ResolvedToken =
  | { ok: true; payload: ActionPayload }
  | { ok: false; reason: 'UNKNOWN' | 'EXPIRED' | 'NOT_YOURS' };

const PRESSED = /^([A-Za-z0-9]{16})(?:\.(\d{1,3}))?$/;

/** Looks a pressed token up for `employeeId`. Unknown and forged tokens are refused, never trusted. */
export async function resolveToken(db: Reader, pressed: string, employeeId: string | null, now: Date): Promise<ResolvedToken> {
  const match = PRESSED.exec(pressed);
  if (!match) return { ok: false, reason: 'UNKNOWN' };
  const row = await db.actionToken.findUnique({ where: { token: match[1] ?? '' } });
  if (!row) return { ok: false, reason: 'UNKNOWN' };
  if (row.expiresAt <= now) return { ok: false, reason: 'EXPIRED' };
  if (row.employeeId !== employeeId) return { ok: false, reason: 'NOT_YOURS' };
  const payload = match[2] === undefined ? row.payload : Array.isArray(row.payload) ? row.payload[Number(match[2])] : undefined;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return { ok: false, reason: 'UNKNOWN' };
  return { ok: true, payload: payload as unknown as ActionPayload };
}
