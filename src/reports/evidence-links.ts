/**
 * What stands for an evidence item (bukti dukung) in an export: a link HR can open, or a line saying
 * what the item is and why there is no link. The one place the export learns how evidence is reached:
 * today a link item gives its URL and a file its name and platform (its bytes live only in the
 * chat); the evidence store's signed links replace the default linker here (or are passed to
 * buildEvaluationExport), and a file the platform refused to give is described with `refused`.
 */
import type { EvidenceKind, Platform } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';

/** One evidence item as the export reads it. */
export interface EvidenceRef {
  id: string;
  kind: EvidenceKind;
  url: string | null;
  fileName: string | null;
  platform: Platform | null;
  sizeBytes: number | null;
}

/**
 * Turns evidence items into the texts the export shows, one per item and in the same order. Called
 * once per batch of people, so a linker backed by a store looks up a whole batch at once.
 */
export interface EvidenceLinker {
  linksOf(items: readonly EvidenceRef[], locale: Locale): Promise<string[]>;
}

/** Platform names as people write them. */
const PLATFORM_NAMES: Record<Platform, string> = { TELEGRAM: 'Telegram', SLACK: 'Slack', CONSOLE: 'console' };

/**
 * The line for an item without a usable link: "berkas laporan.pdf (Telegram)", "foto (Telegram)";
 * with `refused`, that the platform would not give the file – so HR asks for it again, not the reader.
 */
export function describeEvidence(item: EvidenceRef, locale: Locale, options: { refused?: boolean } = {}): string {
  const t = exportText[locale];
  const platform = item.platform ? PLATFORM_NAMES[item.platform] : t.evidenceChat;
  const what = item.kind === 'LINK' ? t.evidenceEmptyLink : item.fileName ? t.evidenceFile({ name: item.fileName, platform }) : t.evidencePhoto({ platform });
  return options.refused ? t.evidenceRefused({ item: what }) : what;
}

/** The linker until the evidence store is wired: the URL of a link, a description of a file. */
export const defaultEvidenceLinker: EvidenceLinker = {
  linksOf: (items, locale) => Promise.resolve(items.map((item) => (item.kind === 'LINK' && item.url ? item.url : describeEvidence(item, locale)))),
};
