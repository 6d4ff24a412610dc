/**
 * Turns an SKP import outcome into what HR reads: lines on the terminal and, on request, a CSV
 * with one line per row of the file.
 */
import { nipProblemMessage } from '../domain/nip.js';
import { importReportCsv, refusedReportRows } from '../files/csv-write.js';
import type { Locale } from '../i18n/catalogue.js';
import { skpImportText } from '../i18n/skp-import.js';
import type { RowIssue } from './columns.js';
import type { AcceptedPlan, SkpImportOutcome } from './run.js';

/** One reason in the reader's language. */
export function describeIssue(issue: RowIssue, locale: Locale): string {
  const t = skpImportText[locale];
  switch (issue.code) {
    case 'NIP_INVALID':
      return t.NIP_INVALID({ value: issue.value, reason: nipProblemMessage(issue.reason, locale) });
    case 'TARGET_TOO_LONG':
    case 'EMPLOYEE_INACTIVE':
    case 'PERSPECTIVE_REQUIRED':
    case 'PERSPECTIVE_NOT_JPT':
    case 'LEADER_RHK_REQUIRED':
      return t[issue.code];
    default:
      return (t[issue.code] as (p: typeof issue) => string)(issue);
  }
}

function personLine(plan: AcceptedPlan, locale: Locale): string {
  const t = skpImportText[locale];
  if (plan.result === 'created') return t.personCreated(plan);
  if (plan.result === 'new_version') return t.personNewVersion(plan);
  return t.personUnchanged(plan);
}

/** Lines for the terminal; shows at most `maxRejected` refused rows. */
export function formatOutcome(outcome: SkpImportOutcome, locale: Locale, maxRejected = 50): string[] {
  const t = skpImportText[locale];
  const out: string[] = [];
  if (outcome.agency) out.push(t.title({ file: outcome.file, agency: outcome.agency }));
  if (outcome.unknownColumns.length > 0) out.push(t.unknownColumns({ columns: outcome.unknownColumns.join(', ') }));
  const refusal = outcome.refusal;
  if (refusal?.code === 'MISSING_COLUMNS') return [...out, t.refusedMissingColumns({ columns: refusal.columns.join(', ') })];
  if (refusal?.code === 'EMPTY_FILE') return [...out, t.refusedEmpty];
  if (refusal?.code === 'AGENCY_REQUIRED') return [...out, t.refusedAgencyRequired];
  if (refusal?.code === 'AGENCY_UNKNOWN') return [...out, t.refusedAgencyUnknown(refusal)];
  if (refusal?.code === 'AGENCY_AMBIGUOUS') return [...out, t.refusedAgencyAmbiguous({ agencies: refusal.agencies.join(', ') })];

  out.push(t.rowsRead({ total: outcome.totalRows, people: outcome.accepted.length, rejectedPeople: outcome.rejectedPeople, rejected: outcome.rejected.length }));
  for (const plan of outcome.accepted) out.push(personLine(plan, locale));
  if (outcome.rejected.length > 0) {
    out.push(t.rejectedHeader);
    for (const row of outcome.rejected.slice(0, maxRejected)) {
      const reasons = row.issues.map((issue) => describeIssue(issue, locale)).join('; ');
      out.push(t.rejectedLine({ line: row.line, nip: row.nip ? ` (${row.nip})` : '', reasons }));
    }
    if (outcome.rejected.length > maxRejected) out.push(t.rejectedMore({ count: outcome.rejected.length - maxRejected }));
  }
  const count = (result: AcceptedPlan['result']) => outcome.accepted.filter((plan) => plan.result === result).length;
  out.push(t.summary({ created: count('created'), newVersions: count('new_version'), unchanged: count('unchanged'), rejected: outcome.rejectedPeople }));
  if (outcome.dryRun) out.push(t.dryRun);
  return out;
}

/** CSV with one line per data row: line, NIP, result, reasons. */
export function outcomeCsv(outcome: SkpImportOutcome, locale: Locale): string {
  const t = skpImportText[locale];
  const resultOf = (plan: AcceptedPlan) =>
    plan.result === 'created' ? t.reportCreated : plan.result === 'new_version' ? t.reportNewVersion(plan) : t.reportUnchanged;
  const rows = [
    ...outcome.accepted.flatMap((plan) => plan.lines.map((line) => ({ line, nip: plan.nip, result: resultOf(plan), reasons: '' }))),
    ...refusedReportRows(outcome.rejected, t.reportRejected, (issue) => describeIssue(issue, locale)),
  ];
  return importReportCsv(rows, locale);
}
