/**
 * Makes the documents the delivery job sends (deferred outputs, see reports/outputs.ts): one
 * person's Dokumen Evaluasi or SKP as PDF, and a unit's documents as one ZIP for HR. Made when the
 * outbox row's turn comes, so the PDF shows the data as it is then (a keberatan decided meanwhile
 * is in it).
 */
import { paragraph, reply, type DeferredOutput, type Reply } from '../conversation/reply.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import type { Locale } from '../i18n/catalogue.js';
import { documentText } from '../i18n/documents.js';
import { exportText } from '../i18n/export.js';
import { EVALUATION_DOCUMENT, PENETAPAN_DOCUMENT, SKP_DOCUMENT, type EvaluationDocumentRequest, type PenetapanDocumentRequest, type SkpDocumentRequest } from '../notifications/documents.js';
import { renderPenetapanDocument } from './penetapan-document.js';
import { readPenetapanDocument } from './read-penetapan.js';
import type { Reader } from '../services/db.js';
import { renderEvaluationDocument } from './evaluation-document.js';
import { readEvaluationDocument, readSkpDocument } from './read.js';
import { renderSkpDocument } from './skp-document.js';
import { evaluationFileName, fileSlug, penetapanFileName, skpFileName, unitDocuments, type UnitDocuments } from './unit-documents.js';

export const PDF_MIME_TYPE = 'application/pdf';

/** The ZIP of a unit's documents for a period, asked for by HR (/ekspor). */
export const DOCUMENTS_ZIP = 'documents-zip';

/** What HR asked for: an agency (unitId null) or a unit's subtree, one period. */
export interface DocumentsZipRequest {
  agencyId: string;
  unitId: string | null;
  periodKey: string;
  locale: Locale;
  requestedBy: string;
  channel: string;
}

/** True for the kinds this module makes. */
export function isDocumentOutput(kind: string): boolean {
  return kind === EVALUATION_DOCUMENT || kind === SKP_DOCUMENT || kind === PENETAPAN_DOCUMENT || kind === DOCUMENTS_ZIP;
}

/** The message carrying the document; a document deleted meanwhile is said, not sent. */
export async function makeDocumentOutput(db: Reader, output: DeferredOutput, now: Date): Promise<Reply> {
  switch (output.kind) {
    case EVALUATION_DOCUMENT: {
      const request = output.params as unknown as EvaluationDocumentRequest;
      const t = documentText[request.locale];
      const data = await readEvaluationDocument(db, request.evaluationId, now);
      if (!data) return reply([paragraph(t.notFound)]);
      const person = await db.evaluation.findUniqueOrThrow({ where: { id: request.evaluationId }, select: { periodKey: true, skpPart: true, employee: { select: { nip: true, name: true } } } });
      const period = parsePeriodKey(person.periodKey);
      const label = period ? periodLabel(period, request.locale) : person.periodKey;
      const fileName = evaluationFileName(person.employee, person.periodKey, person.skpPart ? 1 : 0);
      const caption = request.decided ? t.evaluationCaptionDecided({ period: label }) : t.evaluationCaption({ period: label });
      return reply([paragraph(caption)], [], { document: { fileName, mimeType: PDF_MIME_TYPE, base64: (await renderEvaluationDocument(data, now)).toString('base64') } });
    }
    case SKP_DOCUMENT: {
      const request = output.params as unknown as SkpDocumentRequest;
      const t = documentText[request.locale];
      const data = await readSkpDocument(db, request.planId);
      if (!data) return reply([paragraph(t.notFound)]);
      const fileName = skpFileName({ nip: data.employee.nip ?? '', name: data.employee.name }, data.year, data.version);
      return reply([paragraph(t.skpCaption({ year: data.year, version: data.version }))], [], { document: { fileName, mimeType: PDF_MIME_TYPE, base64: (await renderSkpDocument(data, now)).toString('base64') } });
    }
    case PENETAPAN_DOCUMENT: {
      const request = output.params as unknown as PenetapanDocumentRequest;
      const t = documentText[request.locale];
      const data = await readPenetapanDocument(db, request.penetapanId);
      if (!data) return reply([paragraph(t.notFound)]);
      const periodKey = (await db.predikatPenetapan.findUniqueOrThrow({ where: { id: request.penetapanId }, select: { periodKey: true } })).periodKey;
      return reply([paragraph(t.penetapanCaption({ organisation: data.organisation, period: data.period }))], [], {
        document: { fileName: penetapanFileName(data.organisation, periodKey), mimeType: PDF_MIME_TYPE, base64: (await renderPenetapanDocument(data, now)).toString('base64') },
      });
    }
    default:
      throw new Error(`not a document output: ${output.kind}`);
  }
}

/**
 * Most documents one ZIP in chat holds: 300 (about 150 people with a Dokumen Evaluasi and an SKP
 * each) render in about 20 s of CPU – well inside the outbox row's lease (DELIVERY_LEASE_SECONDS,
 * 60) – and make about 7.5 MB, under the 10 MB a chat file may be. The CLI has no cap.
 */
export const MAX_CHAT_ZIP_DOCUMENTS = 300;

/** A unit's documents for HR as one ZIP, with what it holds; null for a bad period key. */
export async function makeDocumentsZip(db: Reader, request: DocumentsZipRequest, now: Date, maxDocuments = Infinity): Promise<(UnitDocuments & { scope: string; period: string; fileName: string }) | null> {
  const period = parsePeriodKey(request.periodKey);
  if (!period) return null;
  const agency = await db.agency.findUniqueOrThrow({ where: { id: request.agencyId }, select: { name: true } });
  const unit = request.unitId ? await db.unit.findUnique({ where: { id: request.unitId }, select: { name: true } }) : null;
  const made = await unitDocuments(db, { agencyId: request.agencyId, unitId: request.unitId, period }, now, maxDocuments);
  return { ...made, scope: unit?.name ?? exportText[request.locale].wholeAgency({ agency: agency.name }), period: periodLabel(period, request.locale), fileName: `dokumen-${fileSlug(unit?.name ?? agency.name)}-${period.key}.zip` };
}
