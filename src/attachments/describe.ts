/**
 * How an export or a document shows one evidence item: a signed link to the bot's copy when it
 * is stored, the link itself for link evidence, and otherwise a note saying why there is no copy
 * (with the platform's own link when there is one, e.g. a Slack permalink).
 */
import type { EvidenceKind, EvidenceStorage, Platform } from '../generated/prisma/enums.js';
import { attachmentText } from '../i18n/attachments.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { signEvidenceUrl, type LinkSigner } from './signed-url.js';

/** The Evidence columns a description needs (select them with EVIDENCE_DESCRIPTION_SELECT). */
export interface DescribableEvidence {
  id: string;
  kind: EvidenceKind;
  url: string | null;
  platform: Platform | null;
  sizeBytes: number | null;
  storageStatus: EvidenceStorage | null;
  storageLimitBytes: number | null;
}

/** A Prisma `select` for DescribableEvidence. */
export const EVIDENCE_DESCRIPTION_SELECT = { id: true, kind: true, url: true, platform: true, sizeBytes: true, storageStatus: true, storageLimitBytes: true } as const;

/** What to print: a URL to follow (or none), and a note to print beside it (or none). */
export interface EvidenceDescription {
  url: string | null;
  note: string | null;
}

/** A file size for people: "20 MB", "1,5 MB", "59 KB" (in the locale's digits). */
export function formatSize(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale, 0)} KB`;
  return `${formatNumber(mb, locale, mb < 10 ? 1 : 0)} MB`;
}

const PLATFORM_NAMES: Record<Platform, string> = { TELEGRAM: 'Telegram', SLACK: 'Slack', CONSOLE: 'konsol' };

/** Describes `evidence` for `locale`; a stored file's link is signed to expire at `expiresAt`. */
export function describeEvidence(evidence: DescribableEvidence, links: { signer: LinkSigner; expiresAt: Date }, locale: Locale): EvidenceDescription {
  const t = attachmentText[locale];
  const platform = evidence.platform ? PLATFORM_NAMES[evidence.platform] : '';
  const note = (text: string): EvidenceDescription => ({ url: evidence.url, note: text });
  if (evidence.kind === 'LINK') return { url: evidence.url, note: null };
  switch (evidence.storageStatus) {
    case 'STORED':
      return { url: signEvidenceUrl(links.signer, evidence.id, links.expiresAt), note: null };
    case 'PENDING':
      return note(t.pending({ platform }));
    case 'TOO_LARGE':
      return note(t.tooLarge({ platform, size: evidence.sizeBytes ? formatSize(evidence.sizeBytes, locale) : null, limit: formatSize(evidence.storageLimitBytes ?? 0, locale) }));
    case 'REFUSED':
      return note(t.refused({ platform }));
    case 'FAILED':
      return note(t.failed({ platform }));
    case 'BLOCKED':
      return note(t.blocked);
    case null:
      return note(t.onPlatformOnly({ platform }));
  }
}
