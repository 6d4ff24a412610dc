/**
 * The export's evidence links once the evidence store holds the files: a signed, expiring link to
 * the bot's copy; the link itself for link evidence; otherwise the store's note on why there is no
 * copy (too large for the platform's download, refused by the platform, still downloading) next to
 * the item – so HR never follows a dead link without knowing why.
 */
import { EVIDENCE_DESCRIPTION_SELECT, type DescribableEvidence, type EvidenceDescription } from '../attachments/describe.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Reader } from '../services/db.js';
import { describeEvidence, type EvidenceLinker } from './evidence-links.js';

/** How one stored item is described for a locale (Attachments.describe at the export's time). */
export type DescribeStored = (evidence: DescribableEvidence, locale: Locale) => EvidenceDescription;

/** A linker reading each batch's storage state in one query. */
export function storedEvidenceLinker(db: Reader, describe: DescribeStored): EvidenceLinker {
  return {
    async linksOf(items, locale) {
      if (items.length === 0) return [];
      const rows = await db.evidence.findMany({ where: { id: { in: items.map((item) => item.id) } }, select: EVIDENCE_DESCRIPTION_SELECT });
      const stored = new Map(rows.map((row) => [row.id, row]));
      return items.map((item) => {
        const row = stored.get(item.id);
        if (!row) return describeEvidence(item, locale);
        const { url, note } = describe(row, locale);
        // A note stands beside the item it explains: the file's name first, then why there is no copy.
        if (!note) return url ?? describeEvidence(item, locale);
        const what = item.kind === 'LINK' ? '' : `${describeEvidence(item, locale)}: `;
        return url ? `${what}${note} ${url}` : `${what}${note}`;
      });
    },
  };
}
