/**
 * Heavy outputs – the HR digest on demand (/laporan), the e-Kinerja export and a unit's documents
 * as one ZIP (/ekspor), each person's documents (src/documents) – made by the delivery job, not
 * while the request is handled: handling it writes one outbox row with what to make (a
 * DeferredOutput), the person's other messages are not held up, and the row's delivery reads the
 * figures (in a read-only transaction of its own), renders the chart, the XLSX or the PDFs, and
 * sends the result. A crash before it is sent leaves the row pending, and
 * the outbox sweep makes it again.
 */
import { storedEvidenceLinker, type DescribeStored } from './stored-evidence-linker.js';
import { paragraph, reply, type DeferredOutput, type Reply } from '../conversation/reply.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { botText } from '../i18n/bot.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';
import { audit } from '../services/audit.js';
import { digestMessage, readDigest } from './digest.js';
import { buildEvaluationExport } from './evaluation-export.js';
import { exportXlsx, XLSX_MIME_TYPE } from './export-files.js';
import { exportBaseName, scopeName } from './export-tables.js';
import { DOCUMENTS_ZIP, isDocumentOutput, makeDocumentOutput, makeDocumentsZip, MAX_CHAT_ZIP_DOCUMENTS, type DocumentsZipRequest } from '../documents/outputs.js';
import { ZIP_MIME_TYPE } from '../documents/unit-documents.js';
import { documentText } from '../i18n/documents.js';

/**
 * Largest file sent in chat: 10 MB. Telegram lets bots upload 50 MB and Slack more, but the file is
 * made while its outbox row is leased and held in memory until sent. With the texts (realisasi,
 * feedback, evidence links, core values) a person takes about 0.8 KB (bench:export: 24 MB for
 * 30,000): only a very large agency at once comes near the cap, and the CLI has none.
 */
export const MAX_CHAT_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The digest of an agency (unitId null) or of a unit's subtree, as of when it is made. */
export interface DigestRequest {
  agencyId: string;
  unitId: string | null;
  locale: Locale;
}

/** The e-Kinerja export of an agency (unitId null) or a unit's subtree for a period, for the HR person who asked: the same request as the documents' ZIP. */
export type ExportRequest = DocumentsZipRequest;

/** The outbox payload that makes the digest when delivered. */
export function digestOutput(request: DigestRequest): Reply {
  return { blocks: [], buttons: [], deferred: { kind: 'digest', params: { ...request } } };
}

/** The outbox payload that makes the export when delivered. */
export function exportOutput(request: ExportRequest): Reply {
  return { blocks: [], buttons: [], deferred: { kind: 'export', params: { ...request } } };
}

/** The outbox payload that makes a unit's documents (Dokumen Evaluasi and SKP PDFs) as one ZIP when delivered. */
export function documentsZipOutput(request: DocumentsZipRequest): Reply {
  return { blocks: [], buttons: [], deferred: { kind: DOCUMENTS_ZIP, params: { ...request } } };
}

/** Makes a deferred output: the message to send in its place. */
export async function makeOutput(prisma: PrismaClient, output: DeferredOutput, now: Date, describe?: DescribeStored): Promise<Reply> {
  switch (output.kind) {
    case 'digest': {
      const request = output.params as unknown as DigestRequest;
      return digestMessage(await readDigest(prisma, { agencyId: request.agencyId, unitId: request.unitId, now }), request.locale);
    }
    case 'export':
      return makeExport(prisma, output.params as unknown as ExportRequest, now, describe);
    case DOCUMENTS_ZIP:
      return makeZip(prisma, output.params as unknown as DocumentsZipRequest, now);
    default:
      if (isDocumentOutput(output.kind)) return makeDocumentOutput(prisma, output, now);
      // A row written by a newer version of the bot, read by an older one: say so rather than send nothing.
      return reply([paragraph(botText.id.somethingWentWrong)]);
  }
}

async function makeExport(prisma: PrismaClient, request: ExportRequest, now: Date, describe?: DescribeStored): Promise<Reply> {
  const t = exportText[request.locale];
  const period = parsePeriodKey(request.periodKey);
  if (!period) return reply([paragraph(botText[request.locale].somethingWentWrong)]);
  const data = await buildEvaluationExport(prisma, { agencyId: request.agencyId, unitId: request.unitId, period, ...(describe ? { linker: storedEvidenceLinker(prisma, describe) } : {}) });
  const bytes = await exportXlsx(data, request.locale, now);
  if (bytes.length > MAX_CHAT_DOCUMENT_BYTES) {
    return reply([paragraph(t.tooLarge({ mb: formatNumber(bytes.length / 1024 / 1024, request.locale), limitMb: MAX_CHAT_DOCUMENT_BYTES / 1024 / 1024 }))]);
  }
  const fileName = `${exportBaseName(data)}.xlsx`;
  await audit(prisma, {
    agencyId: request.agencyId,
    actorId: request.requestedBy,
    action: 'export.created',
    entityType: data.unit ? 'Unit' : 'Agency',
    entityId: data.unit?.id ?? request.agencyId,
    details: { periodKey: period.key, format: 'xlsx', employees: data.employees.length, channel: request.channel },
  });
  const text = t.delivered({ scope: scopeName(data, request.locale), period: periodLabel(period, request.locale), employees: data.employees.length, rhk: data.rhk.length, file: fileName });
  return reply([paragraph(text)], [], { document: { fileName, mimeType: XLSX_MIME_TYPE, base64: bytes.toString('base64') } });
}

async function makeZip(prisma: PrismaClient, request: DocumentsZipRequest, now: Date): Promise<Reply> {
  const t = documentText[request.locale];
  const made = await makeDocumentsZip(prisma, request, now, MAX_CHAT_ZIP_DOCUMENTS);
  if (!made) return reply([paragraph(botText[request.locale].somethingWentWrong)]);
  if (made.tooMany) return reply([paragraph(t.zipTooMany({ scope: made.scope, period: made.period, count: made.evaluations + made.skps + made.penetapans, limit: MAX_CHAT_ZIP_DOCUMENTS }))]);
  if (made.bytes.length === 0) return reply([paragraph(t.zipEmpty({ scope: made.scope, period: made.period }))]);
  if (made.bytes.length > MAX_CHAT_DOCUMENT_BYTES) {
    return reply([paragraph(exportText[request.locale].tooLarge({ mb: formatNumber(made.bytes.length / 1024 / 1024, request.locale), limitMb: MAX_CHAT_DOCUMENT_BYTES / 1024 / 1024 }))]);
  }
  await audit(prisma, {
    agencyId: request.agencyId,
    actorId: request.requestedBy,
    action: 'export.created',
    entityType: request.unitId ? 'Unit' : 'Agency',
    entityId: request.unitId ?? request.agencyId,
    details: { periodKey: request.periodKey, format: 'pdf-zip', evaluations: made.evaluations, skps: made.skps, channel: request.channel },
  });
  const text = t.zipDelivered({ scope: made.scope, period: made.period, evaluations: made.evaluations, skps: made.skps, penetapans: made.penetapans, file: made.fileName });
  return reply([paragraph(text)], [], { document: { fileName: made.fileName, mimeType: ZIP_MIME_TYPE, base64: made.bytes.toString('base64') } });
}
