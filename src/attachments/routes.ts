/**
 * GET /lampiran/<evidence id>?exp=…&sig=… on the bot's HTTP server: streams a stored evidence file
 * to whoever holds a valid, unexpired link (signed-url.ts). A bad or expired link is 403, an
 * unknown or not (yet) stored item 404 – each with one short line in both languages.
 */
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { HttpServer } from '../http/server.js';
import { attachmentText } from '../i18n/attachments.js';
import type { Logger } from '../logging/logger.js';
import { EVIDENCE_PATH, verifyEvidenceUrl } from './signed-url.js';
import type { AttachmentStore } from './store.js';

type Refusal = 'linkExpired' | 'linkInvalid' | 'notFound';

function refuse(response: ServerResponse, status: number, key: Refusal): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(`${attachmentText.id[key]}\n${attachmentText.en[key]}\n`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), so any name survives and nothing is shown inline. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Extensions for a file sent without a name (a Telegram photo): enough for the reader to open it. */
const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf', 'video/mp4': '.mp4' };

/** The name a download is saved under: the sent name, else "bukti-<id>" with an extension from the type. */
export function downloadName(fileName: string | null, evidenceId: string, contentType: string | null): string {
  return fileName ?? `bukti-${evidenceId}${EXTENSIONS[contentType ?? ''] ?? ''}`;
}

export function serveEvidence(http: HttpServer, deps: { prisma: PrismaClient; store: AttachmentStore; secret: string; now: () => Date; logger: Logger }): void {
  http.routePrefix('GET', EVIDENCE_PATH, async (request, response) => {
    const checked = verifyEvidenceUrl(deps.secret, new URL(request.url ?? '/', 'http://localhost'), deps.now());
    if (!checked.ok) return refuse(response, checked.reason === 'NOT_A_LINK' ? 404 : 403, checked.reason === 'EXPIRED' ? 'linkExpired' : checked.reason === 'NOT_A_LINK' ? 'notFound' : 'linkInvalid');
    const row = await deps.prisma.evidence.findUnique({
      where: { id: checked.evidenceId },
      select: { storageStatus: true, storageKey: true, storedContentType: true, storedSize: true, fileName: true },
    });
    if (!row || row.storageStatus !== 'STORED' || !row.storageKey) return refuse(response, 404, 'notFound');
    const object = await deps.store.get(row.storageKey);
    if (!object) {
      deps.logger.error({ evidenceId: checked.evidenceId, key: row.storageKey }, 'a stored evidence file is missing from the attachment store');
      return refuse(response, 404, 'notFound');
    }
    response.writeHead(200, {
      'content-type': row.storedContentType ?? 'application/octet-stream',
      'content-length': String(object.size),
      'content-disposition': contentDisposition(downloadName(row.fileName, checked.evidenceId, row.storedContentType)),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    await pipeline(object.body, response).catch((error: NodeJS.ErrnoException) => {
      // The reader went away mid-download: nothing to answer, nothing wrong with the file.
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  });
}
