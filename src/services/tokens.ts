/**
 * Button tokens: a button carries only a short random token (Telegram allows 64 bytes of callback
 * data); what pressing it means is stored here, with who may press it and until when.
 */
import { randomBytes } from 'node:crypto';
import type { ActionPayload } from '../conversation/flow.js';
import { json, type Db } from './db.js';

/** How long a button keeps working. */
export const TOKEN_TTL_DAYS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 characters from 62: about 95 bits, unguessable, and far below Telegram's 64 bytes. */
export function newToken(): string {
  const bytes = randomBytes(16);
  return [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** Stores `payload` under a new token that only `employeeId` may use. */
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

/** Looks a pressed token up for `employeeId`. Unknown and forged tokens are refused, never trusted. */
export async function resolveToken(db: Db, token: string, employeeId: string | null, now: Date): Promise<ResolvedToken> {
  if (!/^[A-Za-z0-9]{16}$/.test(token)) return { ok: false, reason: 'UNKNOWN' };
  const row = await db.actionToken.findUnique({ where: { token } });
  if (!row) return { ok: false, reason: 'UNKNOWN' };
  if (row.expiresAt <= now) return { ok: false, reason: 'EXPIRED' };
  if (row.employeeId !== employeeId) return { ok: false, reason: 'NOT_YOURS' };
  return { ok: true, payload: row.payload as unknown as ActionPayload };
}
