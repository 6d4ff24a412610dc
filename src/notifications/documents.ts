/**
 * The documents a person receives in chat: their Dokumen Evaluasi Kinerja Pegawai when their result
 * reaches them (and again once a keberatan is decided), their SKP when it is ditetapkan. The PDF
 * is made by the delivery job when the message's turn comes (src/documents/outputs.ts), not while
 * the event is handled: the notice only queues what to make.
 */
import type { Reply } from '../conversation/reply.js';
import type { Locale } from '../i18n/catalogue.js';
import type { PersonRef } from '../services/events.js';
import type { Notice } from './notice.js';

/** Deferred-output kinds the documents' maker accepts. */
export const EVALUATION_DOCUMENT = 'evaluation-document';
export const SKP_DOCUMENT = 'skp-document';
export const PENETAPAN_DOCUMENT = 'penetapan-document';

/** One penetapan's document (Format Penetapan Predikat Kinerja) for whoever established or recorded it. */
export interface PenetapanDocumentRequest {
  penetapanId: string;
  locale: Locale;
}

/** The notice that sends a penetapan's document to `to`. */
export function penetapanDocumentNotice(to: PersonRef, penetapanId: string): Notice {
  const params: PenetapanDocumentRequest = { penetapanId, locale: to.locale };
  return { to, message: (): Reply => ({ blocks: [], buttons: [], deferred: { kind: PENETAPAN_DOCUMENT, params: { ...params } } }) };
}

/** One evaluation's document for its employee; `decided` when it now carries the keberatan decision. */
export interface EvaluationDocumentRequest {
  evaluationId: string;
  locale: Locale;
  decided: boolean;
}

/** One SKP version's document for its employee. */
export interface SkpDocumentRequest {
  planId: string;
  locale: Locale;
}

/** The notice that sends an evaluation's document to `to`. */
export function evaluationDocumentNotice(to: PersonRef, evaluationId: string, decided = false): Notice {
  const params: EvaluationDocumentRequest = { evaluationId, locale: to.locale, decided };
  return { to, message: (): Reply => ({ blocks: [], buttons: [], deferred: { kind: EVALUATION_DOCUMENT, params: { ...params } } }) };
}

/** The notice that sends an SKP's document to `to`. */
export function skpDocumentNotice(to: PersonRef, planId: string): Notice {
  const params: SkpDocumentRequest = { planId, locale: to.locale };
  return { to, message: (): Reply => ({ blocks: [], buttons: [], deferred: { kind: SKP_DOCUMENT, params: { ...params } } }) };
}
