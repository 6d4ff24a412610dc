/**
 * Turns an import outcome into what HR reads: summary lines on the terminal and, on request,
 * a CSV with one line per row of the file.
 */
import { nipProblemMessage } from '../domain/nip.js';
import { civilDayLabel, parseCivilDate } from '../domain/periods.js';
import { importReportCsv, refusedReportRows } from '../files/csv-write.js';
import { formatPercent, type Locale } from '../i18n/catalogue.js';
import { orgImportText } from '../i18n/org-import.js';
import type { RowIssue } from './columns.js';
import type { OrgImportOutcome } from './run.js';

/** One reason in the reader's language. */
export function describeIssue(issue: RowIssue, locale: Locale): string {
  const t = orgImportText[locale];
  switch (issue.code) {
    case 'NIP_INVALID':
    case 'SUPERVISOR_NIP_INVALID':
    case 'DELEGATE_NIP_INVALID':
      return t[issue.code]({ value: issue.value, reason: nipProblemMessage(issue.reason, locale) });
    case 'OTHER_AGENCY':
    case 'SUPERVISOR_SELF':
    case 'DELEGATE_SELF':
      return t[issue.code];
    default:
      return (t[issue.code] as (p: typeof issue) => string)(issue);
  }
}

/** Summary lines for the terminal; shows at most `maxRejected` rejected rows. */
export function formatOutcome(outcome: OrgImportOutcome, locale: Locale, maxRejected = 50): string[] {
  const t = orgImportText[locale];
  const out: string[] = [];
  if (outcome.agency) out.push(t.title({ file: outcome.file, agency: outcome.agency.name }));
  if (outcome.unknownColumns.length > 0) out.push(t.unknownColumns({ columns: outcome.unknownColumns.join(', ') }));
  const refusal = outcome.refusal;
  if (refusal?.code === 'MISSING_COLUMNS') return [...out, t.refusedMissingColumns({ columns: refusal.columns.join(', ') })];
  if (refusal?.code === 'EMPTY_FILE') return [...out, t.refusedEmpty];
  if (refusal?.code === 'AGENCY_REQUIRED') return [...out, t.refusedAgencyRequired];
  if (refusal?.code === 'AGENCY_AMBIGUOUS') return [...out, t.refusedAgencyAmbiguous({ agencies: refusal.agencies.join(', ') })];

  out.push(t.rowsRead({ total: outcome.totalRows, accepted: outcome.accepted, rejected: outcome.rejected.length }));
  if (outcome.rejected.length > 0) {
    out.push(t.rejectedHeader);
    for (const row of outcome.rejected.slice(0, maxRejected)) {
      const reasons = row.issues.map((issue) => describeIssue(issue, locale)).join('; ');
      out.push(t.rejectedLine({ line: row.line, nip: row.nip ? ` (${row.nip})` : '', reasons }));
    }
    if (outcome.rejected.length > maxRejected) out.push(t.rejectedMore({ count: outcome.rejected.length - maxRejected }));
  }
  if (refusal?.code === 'TOO_MANY_ERRORS') {
    out.push(
      t.refusedTooManyErrors({
        rejected: refusal.rejected,
        total: refusal.total,
        percent: formatPercent(refusal.rejected / refusal.total, locale),
        max: formatPercent(refusal.maxErrorRate, locale),
      }),
    );
    return out;
  }
  if (outcome.dryRun) out.push(t.dryRun);
  const summary = outcome.summary;
  if (summary) {
    if (outcome.agency?.created) out.push(t.agencyCreated({ agency: outcome.agency.name }));
    out.push(t.written(summary));
    if (summary.reactivated > 0) out.push(t.reactivated({ count: summary.reactivated }));
    if (summary.deactivated > 0) out.push(t.deactivated({ count: summary.deactivated }));
    out.push(t.units({ created: summary.unitsCreated, moved: summary.unitsMoved, leaders: summary.leadersSet }));
    if (summary.externalOfficialsCreated > 0) out.push(t.externalOfficialsCreated({ count: summary.externalOfficialsCreated }));
    if (summary.unitsWithoutClearLeader.length > 0) {
      const examples = summary.unitsWithoutClearLeader.slice(0, 5).map((u) => `${u.unit} (${u.candidates})`).join(', ');
      out.push(t.unclearLeaders({ count: summary.unitsWithoutClearLeader.length, examples }));
    }
  }
  if (outcome.moves.length > 0) {
    out.push(outcome.dryRun ? t.movesWouldClose({ count: outcome.moves.length }) : t.movesClosed({ count: outcome.moves.length }));
    for (const move of outcome.moves) {
      const period = `${civilDayLabel(parseCivilDate(move.startsOn)!, locale)} – ${civilDayLabel(parseCivilDate(move.endsOn)!, locale)}`;
      out.push(t.moveLine({ line: move.line, name: move.name, period, reasons: move.reasons.map((r) => t[`moveReason_${r}`]).join(', ') }));
    }
    out.push(t.movesHint);
  }
  if (outcome.missingKept > 0) out.push(t.missingKept({ count: outcome.missingKept }));
  return out;
}

/** CSV with one line per data row: line, NIP, accepted/rejected, reasons. */
export function outcomeCsv(outcome: OrgImportOutcome, locale: Locale): string {
  const t = orgImportText[locale];
  const rows = [
    ...outcome.acceptedRows.map((row) => ({ line: row.line, nip: row.nip, result: t.reportAccepted, reasons: '' })),
    ...refusedReportRows(outcome.rejected, t.reportRejected, (issue) => describeIssue(issue, locale)),
  ];
  return importReportCsv(rows, locale);
}
