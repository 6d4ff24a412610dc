/**
 * Reads a spreadsheet-like file – CSV (comma, semicolon or tab separated, with or without a
 * BOM) or XLSX (first worksheet) – into rows of text keyed by normalised column names, with the
 * line number a person sees when they open the file.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { TableFileError } from '../errors.js';

/** One data row: its line number in the file and its cells as trimmed text. */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

/** A file read as a table. */
export interface Table {
  /** Normalised column names in file order. */
  columns: string[];
  rows: TableRow[];
}

/** "NIP Atasan " → "nip_atasan". */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Reads a .csv or .xlsx file. */
export async function readTable(path: string): Promise<Table> {
  const extension = extname(path).toLowerCase();
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    throw new TableFileError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (extension === '.xlsx') return readXlsx(content);
  if (extension === '.csv' || extension === '.txt') return readCsv(content.toString('utf8'));
  throw new TableFileError(`unsupported file type ${extension || '(none)'}: use .csv or .xlsx`);
}

/** Picks the separator that splits the header line into the most columns. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, candidate) =>
    header.split(candidate).length > header.split(best).length ? candidate : best,
  );
}

/** Parses CSV text. */
export function readCsv(text: string): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new TableFileError(`not a valid CSV file: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...data] = records;
  if (!header) return { columns: [], rows: [] };
  const columns = header.record.map(normaliseColumnName);
  const rows = data
    .filter(({ record }) => record.some((value) => value.trim() !== ''))
    .map(({ record, info }) => ({ line: info.lines, cells: toCells(columns, record) }));
  return { columns, rows };
}

function toCells(columns: string[], values: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (column !== '') cells[column] = (values[index] ?? '').trim();
  });
  return cells;
}

/** Text of an XLSX cell value, whatever Excel stored. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Excel keeps numbers as doubles: an 18-digit NIP typed as a number has already lost its
    // last digits. Writing it in scientific notation lets validation say so instead of importing a wrong NIP.
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return cellText(value.text);
  if ('result' in value) return cellText(value.result);
  // Formula errors (#N/A …) and anything else Excel may hold count as empty.
  return '';
}

async function readXlsx(content: Buffer): Promise<Table> {
  // exceljs costs about 25 MB once loaded; the bot reads CSV at start-up (holidays) and XLSX only on an import.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableFileError(`not a valid XLSX file: ${(error as Error).message}`, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  let columns: string[] = [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    // row.values is 1-based: index 0 is always empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (columns.length === 0) {
      columns = values.map(normaliseColumnName);
      return;
    }
    if (values.some((value) => value.trim() !== '')) rows.push({ line, cells: toCells(columns, values) });
  });
  return { columns, rows };
}
