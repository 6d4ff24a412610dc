/**
 * Writes CSV that opens safely in Excel: fields are quoted when needed, and text that Excel
 * would run as a formula (starting with = + - @) is prefixed with an apostrophe.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with a header row; lines end with CRLF as RFC 4180 asks. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return csvRows([header, ...rows]);
}

/** Rows of a CSV document, each ending with CRLF: a document written a batch of rows at a time. */
export function csvRows(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** One data row of an import's report: its line, NIP, what happened to it, and why (when refused). */
export interface ImportReportRow {
  line: number;
  nip: string;
  result: string;
  reasons: string;
}

/** Refused rows as report rows: each with its reasons, described in the reader's language. */
export function refusedReportRows<I>(rejected: readonly { line: number; nip?: string | null; issues: readonly I[] }[], result: string, describe: (issue: I) => string): ImportReportRow[] {
  return rejected.map((row) => ({ line: row.line, nip: row.nip ?? '', result, reasons: row.issues.map(describe).join('; ') }));
}

/** An import's row-by-row report as CSV, in line order, with the header in the reader's language. */
export function importReportCsv(rows: ImportReportRow[], locale: 'id' | 'en'): string {
  const header = locale === 'id' ? ['baris', 'nip', 'hasil', 'alasan'] : ['line', 'nip', 'result', 'reasons'];
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  return toCsv(header, sorted.map((row) => [row.line, row.nip, row.result, row.reasons]));
}
