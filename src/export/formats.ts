/**
 * An export table as a file. CSV: UTF-8 with a byte-order mark (Excel in China otherwise reads it as GBK and garbles
 * the Chinese), CRLF line ends, RFC 4180 quoting, the header first, numbers without thousands separators (so that a
 * file can be read back), percentages as "85.3%", text that a spreadsheet would take for a formula neutralised
 * (src/export/csv.ts). XLSX: a sheet with a title row, the header (bold, frozen, with an autofilter) and the rows,
 * numbers as numbers with a display format, text as strings (never formulas: a name such as "=HYPERLINK(…)" stays
 * text); a 说明 sheet with where the table came from.
 */
import ExcelJS from 'exceljs';
import { csvTextField } from './csv';
import { ColumnKind, ExportCell, ExportTable } from './export-tables';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const BOM = '\uFEFF';

/** At most `digits` decimals, no trailing zeros: 12.5, 3, 0.33. */
const trimmed = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** A cell as CSV: text neutralised and quoted (src/export/csv.ts); a number written as a number, in its column's way. */
function csvCell(value: ExportCell, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvTextField(value);
  switch (kind) {
    case 'percent':
      return `${trimmed(value * 100, 1)}%`;
    case 'number':
      return trimmed(value, 2);
    default:
      return String(value);
  }
}

export function toCsv(table: ExportTable): Buffer {
  const lines = [
    table.columns.map((column) => csvTextField(column.header)).join(','),
    ...table.rows.map((row) => row.map((cell, i) => csvCell(cell, table.columns[i].kind)).join(',')),
  ];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  number: '#,##0.00',
  percent: '0.0%',
};

/** The header's row in the XLSX sheet (the title is row 1). */
export const XLSX_HEADER_ROW = 2;

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hvp-backend';
  workbook.title = table.title;
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }] });
  sheet.columns = table.columns.map((column) => ({ width: column.width, style: { numFmt: NUMBER_FORMATS[column.kind] } }));

  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, table.columns.length);
  title.getCell(1).alignment = { horizontal: 'center' };

  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of table.rows) sheet.addRow(row);
  sheet.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW + table.rows.length, column: table.columns.length },
  };

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 14 }, { width: 90 }];
  for (const [key, value] of table.notes) notes.addRow([key, value]).getCell(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function render(table: ExportTable, format: ExportFormat): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(toCsv(table)) : toXlsx(table);
}

/** Content-Disposition: an ASCII file name, and the Chinese one (RFC 6266, filename*) for browsers that take it. */
export function contentDisposition(table: ExportTable, format: ExportFormat): string {
  const chinese = `${table.chineseName ?? `${table.countyName}${table.kind === 'gaps' ? '企业目标差距清单' : '主要指标完成情况'}-${table.asOf}`}.${format}`;
  return `attachment; filename="${table.fileName}.${format}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}
