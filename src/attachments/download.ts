/**
 * The evidence download job: copies one evidence file from its platform into the attachment
 * store, or records why it could not (too large, refused, blocked by the scanner, failed).
 * Idempotent: only a row still PENDING is worked on, and every outcome is written with a guard
 * on PENDING, so a second run (a retry, another instance, the catch-up) changes nothing.
 * The platform's file id is never touched: whatever happens, the reference stays.
 */
import { createHash } from 'node:crypto';
import type { EvidenceStorage, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import type { Fetched } from './fetched.js';
import type { VirusScanner } from './scan.js';
import { fetchSlackFile, type SlackFileSource } from './slack-files.js';
import { evidenceKey, type AttachmentStore } from './store.js';
import { fetchTelegramFile, type TelegramFileSource } from './telegram-files.js';

export interface DownloadDependencies {
  prisma: PrismaClient;
  store: AttachmentStore;
  scanner: VirusScanner;
  /** The bot's own limit, in bytes (EVIDENCE_MAX_MB). */
  maxBytes: number;
  telegram: TelegramFileSource | undefined;
  slack: SlackFileSource | undefined;
  now: () => Date;
  logger: Logger;
}

/** What one run did. */
export type DownloadOutcome = EvidenceStorage | 'NOT_PENDING';

/** Attempts of the download job before a row is marked FAILED; with the backoff below, about 5 minutes. */
export const DOWNLOAD_ATTEMPTS = 5;
export const DOWNLOAD_BACKOFF = { type: 'exponential', delay: 10_000 } as const;

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** The content type to store: what the person's message said, else what the download said, else bytes. */
function contentTypeOf(declared: string | null, downloaded: string | undefined): string {
  for (const candidate of [declared, downloaded?.split(';')[0]?.trim()]) {
    if (candidate && CONTENT_TYPE.test(candidate) && candidate !== 'application/octet-stream') return candidate.toLowerCase();
  }
  return 'application/octet-stream';
}

/**
 * Runs one attempt for evidence `evidenceId`. A temporary failure is thrown (the job is tried
 * again) unless `finalAttempt`, when the row is marked FAILED with the reason instead.
 */
export async function downloadEvidence(deps: DownloadDependencies, evidenceId: string, finalAttempt: boolean): Promise<DownloadOutcome> {
  const { prisma, logger } = deps;
  const row = await prisma.evidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, platform: true, externalFileId: true, fileName: true, mimeType: true, sizeBytes: true, url: true, storageStatus: true },
  });
  if (!row || row.storageStatus !== 'PENDING') return 'NOT_PENDING';

  const finish = async (status: EvidenceStorage, data: Record<string, unknown>): Promise<DownloadOutcome> => {
    const { count } = await prisma.evidence.updateMany({ where: { id: evidenceId, storageStatus: 'PENDING' }, data: { storageStatus: status, ...data } });
    if (count === 0) return 'NOT_PENDING';
    logger.info({ evidenceId, status, ...('storageDetail' in data ? { detail: data['storageDetail'] } : {}) }, 'evidence file handled');
    return status;
  };

  let fetched: Fetched;
  try {
    fetched = await fetchFromPlatform(deps, row);
  } catch (error) {
    if (!finalAttempt) throw error;
    return finish('FAILED', { storageDetail: (error as Error).message.slice(0, 500) });
  }
  // A Slack permalink is a link a reader can follow when there is no copy; the original file id stays as it was.
  const permalink = fetched.permalink && !row.url ? { url: fetched.permalink } : {};
  if (fetched.kind === 'TOO_LARGE') return finish('TOO_LARGE', { storageLimitBytes: fetched.limitBytes, storageDetail: fetched.detail, ...permalink });
  if (fetched.kind === 'REFUSED') return finish('REFUSED', { storageDetail: fetched.detail, ...permalink });

  const contentType = contentTypeOf(row.mimeType, fetched.contentType);
  try {
    const verdict = await deps.scanner.scan(fetched.bytes, { evidenceId, fileName: row.fileName, contentType });
    if (!verdict.clean) return finish('BLOCKED', { storageDetail: `${deps.scanner.name}: ${verdict.reason}`.slice(0, 500), ...permalink });
    const key = evidenceKey(evidenceId);
    await deps.store.put(key, fetched.bytes, { contentType });
    return finish('STORED', {
      storageKey: key,
      sha256: createHash('sha256').update(fetched.bytes).digest('hex'),
      storedSize: fetched.bytes.length,
      storedContentType: contentType,
      storedAt: deps.now(),
      ...permalink,
    });
  } catch (error) {
    // The scanner or the store is down: not a verdict on the file.
    if (!finalAttempt) throw error;
    return finish('FAILED', { storageDetail: (error as Error).message.slice(0, 500) });
  }
}

async function fetchFromPlatform(deps: DownloadDependencies, row: { platform: string | null; externalFileId: string | null; sizeBytes: number | null }): Promise<Fetched> {
  if (!row.externalFileId) return { kind: 'REFUSED', detail: 'no platform file id' };
  switch (row.platform) {
    case 'TELEGRAM':
      if (!deps.telegram) throw new Error('Telegram is not configured on this bot (TELEGRAM_BOT_TOKEN)');
      return fetchTelegramFile(deps.telegram, { fileId: row.externalFileId, declaredSize: row.sizeBytes }, deps.maxBytes);
    case 'SLACK':
      if (!deps.slack) throw new Error('Slack is not configured on this bot (SLACK_BOT_TOKEN)');
      return fetchSlackFile(deps.slack, { fileId: row.externalFileId }, deps.maxBytes);
    default:
      return { kind: 'REFUSED', detail: `files from ${row.platform ?? 'no platform'} cannot be downloaded` };
  }
}

/**
 * Evidence still PENDING well after it was logged, whose job Redis may have lost (it was down,
 * or flushed): the maintenance round queues them again. Cheap: the (storageStatus, createdAt) index.
 */
export async function pendingDownloads(prisma: PrismaClient, now: Date, olderThanMs = 60_000, limit = 200): Promise<string[]> {
  const rows = await prisma.evidence.findMany({
    where: { storageStatus: 'PENDING', createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
  return rows.map((row) => row.id);
}
