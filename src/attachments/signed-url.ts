/**
 * Expiring signed links to stored evidence files, served by the bot's own HTTP server
 * (routes.ts): `<base>/lampiran/<evidence id>?exp=<unix seconds>&sig=<HMAC-SHA256, base64url>`.
 * Whoever holds a link may download that one file until it expires – an export or a document
 * can be handed to an auditor without giving them an account – and nobody can make a link
 * without the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What signing needs: where the HTTP server is reached from outside, and the key. */
export interface LinkSigner {
  /** e.g. https://kinerja.example.go.id (no trailing slash). */
  baseUrl: string;
  secret: string;
}

/** The path prefix of evidence links on the HTTP server ("lampiran": attachment). */
export const EVIDENCE_PATH = '/lampiran/';

/** Why a link is refused: a signature that does not match (tampered, other key) or a past expiry. */
export type LinkRefusal = 'BAD_SIGNATURE' | 'EXPIRED';

function signature(secret: string, evidenceId: string, exp: number): string {
  // The purpose in the signed text keeps a signature from being reused for anything else signed with the key.
  return createHmac('sha256', secret).update(`evidence:${evidenceId}:${exp}`).digest('base64url');
}

/** A link to evidence `evidenceId` valid until `expiresAt` (to the second). */
export function signEvidenceUrl(signer: LinkSigner, evidenceId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${signer.baseUrl.replace(/\/+$/, '')}${EVIDENCE_PATH}${encodeURIComponent(evidenceId)}?exp=${exp}&sig=${signature(signer.secret, evidenceId, exp)}`;
}

/**
 * Checks a link's parameters: the signature first (so a changed expiry reads as tampering), in
 * constant time, then the expiry against `now`.
 */
export function verifyEvidenceSignature(secret: string, evidenceId: string, exp: string | null, sig: string | null, now: Date): { ok: true } | { ok: false; reason: LinkRefusal } {
  if (!exp || !/^\d{1,12}$/.test(exp) || !sig) return { ok: false, reason: 'BAD_SIGNATURE' };
  const expected = Buffer.from(signature(secret, evidenceId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true };
}

/** Verifies a whole link as served (its path and query), e.g. for tests and the HTTP route. */
export function verifyEvidenceUrl(secret: string, url: URL, now: Date): { ok: true; evidenceId: string } | { ok: false; reason: LinkRefusal | 'NOT_A_LINK' } {
  if (!url.pathname.startsWith(EVIDENCE_PATH)) return { ok: false, reason: 'NOT_A_LINK' };
  let evidenceId: string;
  try {
    evidenceId = decodeURIComponent(url.pathname.slice(EVIDENCE_PATH.length));
  } catch {
    return { ok: false, reason: 'NOT_A_LINK' };
  }
  if (!evidenceId || evidenceId.includes('/')) return { ok: false, reason: 'NOT_A_LINK' };
  const checked = verifyEvidenceSignature(secret, evidenceId, url.searchParams.get('exp'), url.searchParams.get('sig'), now);
  return checked.ok ? { ok: true, evidenceId } : checked;
}
