/**
 * Excel workbooks (.xlsx), read by exceljs and turned into the CSV text every other form
 * is read from, one sheet row per line, so that messages name the sheet's own row and
 * column. Which sheet: the first that is not FRED's `README` (FRED's downloads hold a
 * README sheet and a data sheet such as `Daily, 7-Day`; the New York Fed's a `Results`
 * sheet). Dates come out as ISO `YYYY-MM-DD`, by their UTC parts: Excel's date cells are
 * calendar days, and exceljs gives them as UTC midnight, so no time zone shifts a date.
 *
 * Loaded only when an input is a workbook (its own bundle, dist/xlsx.cjs), so start-up
 * never pays for exceljs.
 */
import ExcelJS from 'exceljs';
import { shown } from './shown.ts';

/** The data sheet of a workbook as CSV text, or a message saying why it cannot be read. */
export async function workbookText(bytes: Buffer): Promise<{ text: string; sheet: string } | { problem: string }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { problem: `a ZIP archive or Excel workbook that cannot be read (${shown((error as Error).message ?? String(error), 120)}): save it again from Excel as .xlsx, or export the sheet as CSV (UTF-8)` };
  }
  const sheets = book.worksheets.filter((s) => s.name.trim().toLowerCase() !== 'readme' && s.actualRowCount > 0);
  const sheet = sheets[0];
  if (sheet === undefined) return { problem: `the workbook has no sheet of data (sheets: ${book.worksheets.map((s) => `"${shown(s.name)}"`).join(', ') || 'none'})` };
  const lines: string[] = [];
  // Every row as wide as the header: a sheet leaves out a row's empty cells at its end.
  const width = sheet.getRow(1).cellCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(csvField(cellText(row.getCell(c).value)));
    lines.push(cells.join(','));
  }
  return { text: `${lines.join('\n')}\n`, sheet: sheet.name };
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
