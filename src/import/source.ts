/**
 * Reading the files county staff have: CSV (UTF-8 with or without BOM, GB18030/GBK as Excel in China saves it,
 * UTF-16 "Unicode text"; comma, tab or semicolon separated) and XLSX, streamed row by row in constant memory.
 */
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Cell } from './values';

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';

/** One row of a file as read: its row number as a spreadsheet program shows it (the header is row 1 or later). */
export interface RawRow {
  /** 1 for CSV; the worksheet's position (1, 2, …) in a workbook */
  sheet: number;
  rowNumber: number;
  cells: Cell[];
}

/** A file being read, and how far: the CLI's progress line reads `bytesRead` of `size`. */
export interface FileSource {
  path: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  size: number;
  bytesRead: number;
  rows(): AsyncGenerator<RawRow>;
}

/** Refuses the whole file (unreadable, wrong format, no header): no row is read. */
export class ImportFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function head(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** CSV text is UTF-8 when the whole file is valid UTF-8 (checked in one streaming pass), else GB18030 (GBK's superset). */
export async function detectEncoding(file: string): Promise<TextEncoding> {
  const start = await head(file, 4);
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    if (start[0] === 0xfe) throw new ImportFileError('UTF-16 big-endian text is not supported: save the file as CSV UTF-8');
    return 'utf16le';
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** The separator of the header line: the one of comma, tab and semicolon it holds most of (outside quotes). */
export function sniffDelimiter(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((sep) => [sep, unquoted.split(sep).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

async function firstTextLine(file: string, encoding: TextEncoding): Promise<string> {
  const text = iconv.decode(await head(file, 64 * 1024), encoding);
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

function rawCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return rawCell(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

/** Opens a CSV or XLSX file for reading. */
export async function openSource(file: string): Promise<FileSource> {
  const info = await stat(file).catch(() => {
    throw new ImportFileError(`cannot read ${file}: no such file`);
  });
  if (!info.isFile()) throw new ImportFileError(`${file} is not a file`);
  const magic = await head(file, 4);
  const ext = path.extname(file).toLowerCase();
  if (magic.equals(OLE_MAGIC) || ext === '.xls') {
    throw new ImportFileError(`${path.basename(file)} is an old Excel 97–2003 (.xls) workbook: save it as .xlsx (Excel 工作簿) or CSV`);
  }
  const format: FileFormat = magic.equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  if (format === 'xlsx' && ext !== '' && ext !== '.xlsx' && ext !== '.xlsm') {
    throw new ImportFileError(`${path.basename(file)} is a zip archive but not an .xlsx workbook`);
  }
  const encoding = format === 'csv' ? await detectEncoding(file) : null;
  const source: FileSource = {
    path: file,
    format,
    encoding,
    size: info.size,
    bytesRead: 0,
    rows: () => (format === 'xlsx' ? xlsxRows(source) : csvRows(source, encoding!)),
  };
  return source;
}

function counted(source: FileSource): Readable {
  const stream = createReadStream(source.path, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => {
    source.bytesRead += chunk.length;
  });
  return stream;
}

async function* csvRows(source: FileSource, encoding: TextEncoding): AsyncGenerator<RawRow> {
  const delimiter = sniffDelimiter(await firstTextLine(source.path, encoding));
  const input = counted(source);
  // iconv-lite strips a BOM (UTF-8's EF BB BF, UTF-16's FF FE, GB18030's 84 31 95 33) while decoding
  const decoded = input.pipe(iconv.decodeStream(encoding));
  const parser = decoded.pipe(
    parseCsv({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }),
  );
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      yield { sheet: 1, rowNumber: info.records, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`${path.basename(source.path)} is not readable as CSV: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}

async function* xlsxRows(source: FileSource): AsyncGenerator<RawRow> {
  const input = counted(source);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // styles tell which number cells are dates
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let sheet = 0;
  try {
    for await (const worksheet of workbook) {
      sheet++;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
        yield { sheet, rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    throw new ImportFileError(`${path.basename(source.path)} is not a readable .xlsx workbook: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}
