/**
 * A follow-up's decision as exports and documents show it: who decided (the authorised official named
 * in the document), approved or not, and the document's number and date – HR records it from that
 * document (services/follow-up-service.ts). Rows recorded before the decision had an outcome show
 * their note only.
 */
import type { Locale } from './catalogue.js';
import { exportText } from './export.js';

/** The recorded decision of a follow-up. */
export interface FollowUpDecided {
  outcome: 'DISETUJUI' | 'DITOLAK';
  officialName: string | null;
  documentNumber: string | null;
  /** "YYYY-MM-DD". */
  decidedOn: string | null;
}

/** The decision of a stored follow-up row, when it has an outcome. */
export function followUpDecided(row: { outcome: 'DISETUJUI' | 'DITOLAK' | null; officialName: string | null; documentNumber: string | null; decidedOn: Date | null }): FollowUpDecided | null {
  if (!row.outcome) return null;
  return { outcome: row.outcome, officialName: row.officialName, documentNumber: row.documentNumber, decidedOn: row.decidedOn?.toISOString().slice(0, 10) ?? null };
}

/** "Pengembangan: Pelatihan X (disetujui oleh …, dokumen 800/1 tanggal 2027-02-01; catatan)" – or the note alone for older rows. */
export function followUpLine(followUp: { kind: string; recommendation: string; decision: string | null; decided?: FollowUpDecided | null }, kindLabel: string, locale: Locale): string {
  const t = exportText[locale];
  const { decided } = followUp;
  if (decided) {
    const words = t.followUpDecided({
      outcome: t[`followUpOutcome${decided.outcome}`],
      official: decided.officialName ?? '',
      number: decided.documentNumber ?? '',
      date: decided.decidedOn ?? '',
      note: followUp.decision ?? '',
    });
    return `${kindLabel}: ${followUp.recommendation} (${words})`;
  }
  return `${kindLabel}: ${followUp.recommendation}${followUp.decision ? ` (${t.followUpDecision({ decision: followUp.decision })})` : ''}`;
}
