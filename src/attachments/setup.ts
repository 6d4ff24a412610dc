/**
 * The attachment side of a running bot, from its configuration: the store (DATA_DIR/attachments,
 * or S3 when S3_BUCKET is set), the link signer, the scanning hook, and `describe` for exports
 * and documents.
 */
import { join } from 'node:path';
import type { Config } from '../config/load.js';
import type { Locale } from '../i18n/catalogue.js';
import { describeEvidence, type DescribableEvidence, type EvidenceDescription } from './describe.js';
import { fileSystemStore } from './fs-store.js';
import { linkSecret } from './link-secret.js';
import { NO_SCANNING, type VirusScanner } from './scan.js';
import type { LinkSigner } from './signed-url.js';
import type { AttachmentStore } from './store.js';

/** Where the filesystem store keeps its files under DATA_DIR. */
export const ATTACHMENTS_DIR = 'attachments';

export interface Attachments {
  store: AttachmentStore;
  signer: LinkSigner;
  scanner: VirusScanner;
  /** The bot's own size limit, in bytes. */
  maxBytes: number;
  /** How long links made now stay valid (ms). */
  linkTtlMs: number;
  /** One evidence item for an export or document made at `now`: its links expire EVIDENCE_LINK_DAYS later. */
  describe(evidence: DescribableEvidence, locale: Locale, now: Date): EvidenceDescription;
}

export async function openAttachments(config: Pick<Config, 'dataDir' | 'evidence'>, httpUrl: string, options: { scanner?: VirusScanner; store?: AttachmentStore } = {}): Promise<Attachments> {
  const { evidence } = config;
  // The SDK (several MB) is loaded only by deployments that store in S3.
  const store = options.store ?? (evidence.s3 ? (await import('./s3-store.js')).s3Store(evidence.s3) : fileSystemStore(join(config.dataDir, ATTACHMENTS_DIR)));
  const signer: LinkSigner = { baseUrl: evidence.publicBaseUrl ?? httpUrl, secret: await linkSecret(evidence.linkSecret, config.dataDir) };
  const linkTtlMs = evidence.linkDays * 86_400_000;
  return {
    store,
    signer,
    scanner: options.scanner ?? NO_SCANNING,
    maxBytes: evidence.maxBytes,
    linkTtlMs,
    describe: (item, locale, now) => describeEvidence(item, { signer, expiresAt: new Date(now.getTime() + linkTtlMs) }, locale),
  };
}
