/** A table as people export it: the column labels, then one row of plain values per row shown. */
export interface TableData {
  header: string[];
  rows: (string | number | null)[][];
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text with a leading '. */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF, quoted where needed); numbers as they are, not formatted for a locale. */
export function toCsv(table: TableData): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name from a caption: letters (any script), digits, dashes; with the day it was made. */
export function exportFileName(caption: string, extension: 'csv' | 'xlsx', now: Date = new Date()): string {
  const base = caption.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'table';
  return `${base}-${now.toISOString().slice(0, 10)}.${extension}`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the table as CSV, with a byte order mark so Excel reads Chinese as UTF-8. */
export function downloadCsv(caption: string, table: TableData): void {
  save(
    new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }),
    exportFileName(caption, 'csv'),
  );
}

/** Downloads the table as an Excel workbook; exceljs is loaded only now, in a chunk of its own. */
export async function downloadXlsx(caption: string, table: TableData): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(caption.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(table.header).font = { bold: true };
  sheet.addRows(
    table.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell))),
  );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  save(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    exportFileName(caption, 'xlsx'),
  );
}
