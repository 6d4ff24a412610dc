/**
 * The export as files: one XLSX with the sheets "Pegawai", "RHK", "Realisasi RHK", "Perilaku" and
 * "Keterangan", or one CSV per table (a CSV holds one table). Bytes only; the CLI writes them to
 * disk, the chat attaches them. The text sheets are read from the database while they are written.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { csvRows, toCsv } from '../files/csv-write.js';
import type { Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';
import type { EvaluationExport } from './evaluation-export.js';
import { exportInfo, exportTables, type Cell, type Column, type ExportTable } from './export-tables.js';
import { exportTextTables, type StreamedTable } from './export-text-tables.js';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel formats: "@" keeps a cell text (NIPs), dates show as 2026-12-31 whatever the reader's locale. */
const FORMATS: Record<ExportTable['columns'][number]['kind'], string | undefined> = { text: '@', number: undefined, date: 'yyyy-mm-dd' };

/** Characters XML 1.0 forbids (a pasted control character would make the whole workbook unreadable). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Dates travel as YYYY-MM-DD; midnight UTC is the same civil day in Excel, which has no time zones. */
function xlsxCell(cell: Cell, column: Column | undefined): Cell | Date {
  if (typeof cell !== 'string') return cell;
  if (column?.kind === 'date') return new Date(`${cell}T00:00:00Z`);
  // A string cell is never a formula in XLSX ("=…" stays text); only the CSV needs the apostrophe.
  return cell.replace(XML_FORBIDDEN, '');
}

/** Writes a table as a sheet, row by row: rows are committed as they are added, so 30,000 people do not sit in memory twice. */
async function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ExportTable | StreamedTable): Promise<void> {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  sheet.columns = table.columns.map((column) => {
    const style = { ...(FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {}), ...(column.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}) };
    return { header: column.header, width: column.width, ...(Object.keys(style).length > 0 ? { style } : {}) };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  const write = (rows: Cell[][]) => {
    for (const cells of rows) sheet.addRow(cells.map((cell, i) => xlsxCell(cell, table.columns[i]))).commit();
  };
  if ('rows' in table) write(table.rows);
  else for await (const rows of table.batches) write(rows);
  sheet.commit();
}

/** The XLSX workbook of an export. */
export async function exportXlsx(data: EvaluationExport, locale: Locale, now: Date): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  // exceljs costs about 25 MB once loaded: only a process that actually writes an export pays for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Dialog Kinerja';
  workbook.created = now;
  const [employees, rhk] = exportTables(data, locale);
  await addSheet(workbook, employees);
  await addSheet(workbook, rhk);
  // One sheet after the other: the zip holds sheets in sequence, so rows of a sheet written
  // alongside another would wait in memory.
  for (const table of exportTextTables(data, locale)) await addSheet(workbook, table);
  const info = workbook.addWorksheet(exportText[locale].sheetInfo);
  info.columns = [{ width: 24 }, { width: 60 }];
  for (const line of exportInfo(data, locale, now)) {
    const row = info.addRow(line);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  info.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** One CSV per table, UTF-8 with a byte-order mark so Excel reads the names right (texts escaped by csv-write). */
export async function exportCsv(data: EvaluationExport, locale: Locale): Promise<{ suffix: string; content: string }[]> {
  const files = exportTables(data, locale).map((table) => ({ suffix: table.fileSuffix, content: `\uFEFF${toCsv(table.columns.map((column) => column.header), table.rows)}` }));
  for (const table of exportTextTables(data, locale)) {
    const parts = [`\uFEFF${toCsv(table.columns.map((column) => column.header), [])}`];
    for await (const rows of table.batches) if (rows.length > 0) parts.push(csvRows(rows));
    files.push({ suffix: table.fileSuffix, content: parts.join('') });
  }
  return files;
}
