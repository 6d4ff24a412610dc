/**
 * The documents' layout as plain data, and one renderer that draws it with pdfkit: a title, a line
 * of instansi and period, bordered tables that break across pages and repeat their header rows,
 * and signature blocks. The documents (evaluation-document.ts, skp-document.ts) only map their data
 * to sections, so what a form says is tested without reading a PDF.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** One cell; `span` columns wide (default 1). */
export interface Cell {
  text: string;
  span?: number;
  bold?: boolean;
  align?: 'left' | 'center';
}

/** One table row; a shaded row is a heading inside the table. */
export interface Row {
  cells: Cell[];
  shade?: boolean;
  /** The row continues the one before (another indicator of the same RHK): its first `joined` cells merge with those above, and the two stay on one page. */
  joined?: number;
}

/** A bordered table: column widths are fractions of the page's width; `header` rows repeat on every page. */
export interface Table {
  kind: 'table';
  widths: number[];
  header: Row[];
  rows: Row[];
}

/** Who signs, and where the date and name go. */
export interface SignatureBlock {
  /** "............, 31 Desember 2026", or empty above a signature without a date. */
  dateLine: string;
  role: string;
  name: string;
  /** "NIP 19..." or the office of an official outside the bot. */
  idLine: string;
  /** A line under the name, e.g. who recorded it on the official's behalf. */
  note?: string;
}

export type Section =
  | { kind: 'title'; lines: string[] }
  | { kind: 'meta'; left: string; right: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | Table
  | { kind: 'signatures'; blocks: SignatureBlock[] }
  | { kind: 'pageBreak' };

/** A document ready to draw: its sections, and its title for the PDF's metadata. */
export interface Layout {
  title: string;
  author: string;
  sections: Section[];
}

/** A4 in points, and the margins: room for a page number under the content. */
const MARGIN = 40;
const FOOTER_ROOM = 24;
const PADDING = 3;
const FONT_SIZE = 8.5;
/** Space above a signature's name: where the wet or electronic signature goes. */
const SIGNATURE_SPACE = 48;

// DejaVu Sans Condensed (a dependency, as for the charts): every name and text a person typed renders, not only Latin-1.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
};
/** The font files' bytes, read once per process (a unit's ZIP renders hundreds of documents). */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const fontBytes = () => (fonts ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) });

type Doc = PDFKit.PDFDocument;

/** Draws a layout as a PDF. `created` fixes the metadata's date, so one input gives one file. */
export async function renderPdf(layout: Layout, created: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: layout.title, Author: layout.author, Creator: 'Dialog Kinerja', CreationDate: created, ModDate: created },
  });
  doc.registerFont('regular', fontBytes().regular);
  doc.registerFont('bold', fontBytes().bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(FONT_SIZE);
  let y = MARGIN;
  for (const section of layout.sections) y = drawSection(doc, section, y);
  pageNumbers(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottomOf = (doc: Doc) => doc.page.height - MARGIN - FOOTER_ROOM;

function newPage(doc: Doc): number {
  doc.addPage();
  return MARGIN;
}

function drawSection(doc: Doc, section: Section, y: number): number {
  const width = contentWidth(doc);
  switch (section.kind) {
    case 'title': {
      doc.font('bold').fontSize(11);
      for (const line of section.lines) {
        doc.text(line, MARGIN, y, { width, align: 'center' });
        y += doc.heightOfString(line, { width }) + 1;
      }
      doc.font('regular').fontSize(FONT_SIZE);
      return y + 8;
    }
    case 'meta': {
      doc.font('bold').fontSize(FONT_SIZE);
      // Side by side when both fit on one line, else one under the other (a long instansi name).
      if (doc.widthOfString(section.left) + doc.widthOfString(section.right) + 20 <= width) {
        doc.text(section.left, MARGIN, y, { width });
        doc.text(section.right, MARGIN, y, { width, align: 'right' });
        y += doc.heightOfString(section.left, { width });
      } else {
        for (const line of [section.left, section.right]) {
          doc.text(line, MARGIN, y, { width });
          y += doc.heightOfString(line, { width });
        }
      }
      doc.font('regular');
      return y + 4;
    }
    case 'heading': {
      doc.font('bold').fontSize(9.5);
      const height = doc.heightOfString(section.text, { width });
      if (y + height + 20 > bottomOf(doc)) y = newPage(doc);
      doc.text(section.text, MARGIN, y, { width });
      doc.font('regular').fontSize(FONT_SIZE);
      return y + height + 4;
    }
    case 'paragraph': {
      const height = doc.heightOfString(section.text, { width });
      if (y + height > bottomOf(doc)) y = newPage(doc);
      doc.text(section.text, MARGIN, y, { width });
      return y + height + 6;
    }
    case 'table':
      return drawTable(doc, section, y) + 10;
    case 'signatures':
      return drawSignatures(doc, section.blocks, y);
    case 'pageBreak':
      return newPage(doc);
  }
}

/** The x offset and width of each cell of a row, by the columns it spans. */
function cellBoxes(doc: Doc, widths: number[], row: Row): { x: number; width: number }[] {
  const total = contentWidth(doc);
  let column = 0;
  let x = MARGIN;
  return row.cells.map((cell) => {
    const span = cell.span ?? 1;
    const fraction = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0);
    column += span;
    const box = { x, width: fraction * total };
    x += box.width;
    return box;
  });
}

/** Text without control characters (a BEL pasted into a realisasi), which no font draws; line breaks and tabs stay. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function rowHeight(doc: Doc, widths: number[], row: Row): number {
  const boxes = cellBoxes(doc, widths, row);
  let height = 0;
  for (const [i, cell] of row.cells.entries()) {
    doc.font(cell.bold || row.shade ? 'bold' : 'regular');
    height = Math.max(height, doc.heightOfString(printable(cell.text) || ' ', { width: (boxes[i]?.width ?? 0) - 2 * PADDING }));
  }
  doc.font('regular');
  return height + 2 * PADDING;
}

function drawRow(doc: Doc, widths: number[], row: Row, y: number, height: number): void {
  const boxes = cellBoxes(doc, widths, row);
  for (const [i, cell] of row.cells.entries()) {
    const box = boxes[i];
    if (!box) continue;
    if (row.shade) doc.rect(box.x, y, box.width, height).fillAndStroke('#e8eef5', '#000000');
    else doc.rect(box.x, y, box.width, height).stroke('#000000');
    doc.fillColor('#000000').font(cell.bold || row.shade ? 'bold' : 'regular');
    // `height` with an ellipsis: a cell taller than a page is cut, never spills over the footer.
    doc.text(printable(cell.text), box.x + PADDING, y + PADDING, { width: box.width - 2 * PADDING, height: height - 2 * PADDING, align: cell.align ?? 'left', ellipsis: true });
  }
  doc.font('regular');
}

/** Draws a table from `y`; a row that does not fit starts a new page, which repeats the header rows first. */
export function drawTable(doc: Doc, table: Table, y: number): number {
  doc.lineWidth(0.5).fontSize(FONT_SIZE);
  const headerHeights = table.header.map((row) => rowHeight(doc, table.widths, row));
  const headerHeight = headerHeights.reduce((sum, h) => sum + h, 0);
  const drawHeader = (top: number) => {
    let at = top;
    for (const [i, row] of table.header.entries()) {
      drawRow(doc, table.widths, row, at, headerHeights[i] ?? 0);
      at += headerHeights[i] ?? 0;
    }
    return at;
  };
  const firstRow = table.rows[0];
  // Never a header alone at the foot of a page.
  if (y + headerHeight + (firstRow ? rowHeight(doc, table.widths, firstRow) : 0) > bottomOf(doc)) y = newPage(doc);
  y = drawHeader(y);
  const room = bottomOf(doc) - MARGIN - headerHeight;
  for (const block of rowBlocks(table.rows)) {
    const heights = block.map((row) => Math.min(rowHeight(doc, table.widths, row), room));
    const total = heights.reduce((sum, h) => sum + h, 0);
    // A block that fits a page moves to the next one whole; a longer one breaks between its rows.
    if (total <= room && y + total > bottomOf(doc)) y = drawHeader(newPage(doc));
    for (const [i, row] of block.entries()) {
      const height = heights[i] ?? 0;
      let joined = i > 0 ? (row.joined ?? 0) : 0;
      if (y + height > bottomOf(doc)) {
        y = drawHeader(newPage(doc));
        joined = 0;
      }
      drawRow(doc, table.widths, row, y, height);
      if (joined > 0) unjoin(doc, table.widths, row, y, joined);
      y += height;
    }
  }
  return y;
}

/** Rows grouped with the rows that continue them. */
function rowBlocks(rows: Row[]): Row[][] {
  const blocks: Row[][] = [];
  for (const row of rows) {
    const last = blocks.at(-1);
    if (row.joined && last) last.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

/** Erases the border between a continuing row's first `joined` cells and those above, so they read as one cell. */
function unjoin(doc: Doc, widths: number[], row: Row, y: number, joined: number): void {
  const boxes = cellBoxes(doc, widths, row).slice(0, joined);
  doc.save().lineWidth(1.2).strokeColor('#ffffff');
  for (const box of boxes) doc.moveTo(box.x + 0.6, y).lineTo(box.x + box.width - 0.6, y).stroke();
  doc.restore();
}

/** Signature blocks side by side, two to a line, kept together on one page. */
function drawSignatures(doc: Doc, blocks: SignatureBlock[], y: number): number {
  const width = contentWidth(doc);
  const column = width / 2;
  const lineHeight = doc.currentLineHeight(true) + 1;
  const blockHeight = (block: SignatureBlock) => lineHeight * (block.note ? 5 : 4) + SIGNATURE_SPACE;
  for (let i = 0; i < blocks.length; i += 2) {
    const pair = blocks.slice(i, i + 2);
    const height = Math.max(...pair.map(blockHeight)) + 12;
    if (y + height > bottomOf(doc)) y = newPage(doc);
    y += 12;
    for (const [j, block] of pair.entries()) {
      // A single block stands on the right, where the PPK signs on the forms.
      const x = MARGIN + (pair.length === 1 ? column : j * column);
      const options = { width: column - 10, align: 'center' as const };
      let at = y;
      doc.font('regular').text(block.dateLine || ' ', x, at, options);
      at += lineHeight;
      doc.font('bold').text(block.role, x, at, options);
      at += lineHeight + SIGNATURE_SPACE;
      doc.font('bold').text(block.name, x, at, { ...options, underline: true });
      at += lineHeight;
      doc.font('regular').text(block.idLine || ' ', x, at, options);
      if (block.note) doc.text(block.note, x, at + lineHeight, options);
    }
    y += height;
  }
  doc.font('regular');
  return y;
}

/** "Halaman 2 dari 5" under every page. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: pdfkit would otherwise start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#444444');
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, MARGIN, doc.page.height - MARGIN, { width: contentWidth(doc), align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('#000000');
}
