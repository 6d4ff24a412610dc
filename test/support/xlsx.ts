/** Reading an exported XLSX in tests: the text of every cell of a sheet, and the evidence links in them. */
import ExcelJS from 'exceljs';

/** The string cells of the sheet "Realisasi RHK" (or another), row by row. */
export async function xlsxCells(bytes: Buffer, sheet = 'Realisasi RHK'): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.getWorksheet(sheet)?.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') cells.push(cell.value);
    });
  });
  return cells;
}

/** The lines of the cells that name evidence (links and notes), one per item. */
export function evidenceLinksIn(cells: string[]): string[] {
  return cells.flatMap((cell) => cell.split('\n')).filter((line) => /^https?:\/\/|^berkas |^foto /.test(line));
}
