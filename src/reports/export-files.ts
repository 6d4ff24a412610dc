/**
 * The export as files: one XLSX with the sheets "Pegawai", "RHK" and "Keterangan", or one CSV per
 * table (a CSV holds one table). Bytes only; the CLI writes them to disk, the chat attaches them.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { toCsv } from '../files/csv-write.js';
import type { Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';
import type { EvaluationExport } from './evaluation-export.js';
import { exportInfo, exportTables, type ExportTable } from './export-tables.js';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel formats: "@" keeps a cell text (NIPs), dates show as 2026-12-31 whatever the reader's locale. */
const FORMATS: Record<ExportTable['columns'][number]['kind'], string | undefined> = { text: '@', number: undefined, date: 'yyyy-mm-dd' };

/** Writes a table as a sheet, row by row: rows are committed as they are added, so 30,000 people do not sit in memory twice. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ExportTable): void {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width, ...(FORMATS[column.kind] ? { style: { numFmt: FORMATS[column.kind] } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const cells of table.rows) {
    // Dates travel as YYYY-MM-DD; midnight UTC is the same civil day in Excel, which has no time zones.
    sheet.addRow(cells.map((cell, i) => (table.columns[i]?.kind === 'date' && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell))).commit();
  }
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
  addSheet(workbook, employees);
  addSheet(workbook, rhk);
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

/** One CSV per table, UTF-8 with a byte-order mark so Excel reads the names right. */
export function exportCsv(data: EvaluationExport, locale: Locale): { suffix: string; content: string }[] {
  return exportTables(data, locale).map((table) => ({
    suffix: table.fileSuffix,
    content: `\uFEFF${toCsv(
      table.columns.map((column) => column.header),
      table.rows,
    )}`,
  }));
}
