/**
 * The one import service behind both doors (scripts/import.ts and the GraphQL import mutations): rows of one kind
 * for one county, checked with the rules of the GraphQL inputs and written through the domain SQL functions, in the
 * caller's transaction, all or nothing unless `partial`, nothing at all when `dryRun`.
 */
import 'reflect-metadata';
import path from 'node:path';
import { RequestDatabase } from '../db/request-database';
import { assertCountyExists } from '../county/county.sql';
import { COLUMNS, HeaderMapping, ImportKind, mapHeader } from './columns';
import { deferEnterpriseCounts, rebuildDeferredEnterpriseCounts } from './import.sql';
import { countyStatisticsImporter } from './kinds/county-statistics';
import { enterpriseImporter } from './kinds/enterprises';
import { patentImporter } from './kinds/patents';
import { pledgeFinancingImporter } from './kinds/pledge-financings';
import { patentTransactionImporter } from './kinds/patent-transactions';
import { overseasGrantImporter } from './kinds/overseas-grants';
import { seiConcordanceImporter } from './kinds/sei-concordance';
import { count, emptyTotals, ImportSummary, RowResult, SourceRow } from './report';
import { ImportOptions, ImportRun, KindImporter } from './run';
import { FileSource, ImportFileError, openSource, RawRow, TextEncoding } from './source';
import { Cell, cellText, isBlank } from './values';

export type { ImportOptions } from './run';
export { ImportFileError } from './source';

const IMPORTERS: Record<ImportKind, (run: ImportRun) => KindImporter> = {
  enterprises: enterpriseImporter,
  patents: patentImporter,
  pledgeFinancings: pledgeFinancingImporter,
  countyStatistics: countyStatisticsImporter,
  patentTransactions: patentTransactionImporter,
  overseasGrants: overseasGrantImporter,
  seiConcordance: seiConcordanceImporter,
};

export interface ImportObserver {
  /** each row's result, in row order, as soon as its batch is done */
  row?(result: RowResult): void;
  /** after each batch: rows done so far */
  progress?(rowsDone: number): void;
}

/** Thrown inside the import's savepoint to roll it back after the report is complete. */
class RollBack extends Error {}

/**
 * Imports rows into `db`'s transaction. Every row is read, checked and (tentatively) written batch by batch, so
 * each row's status is exact and later rows see earlier ones; the whole import runs in one savepoint, rolled back at
 * the end for a dry run and, unless `partial`, when any row was refused (every refused row is still reported). With
 * `partial`, refused rows write nothing (each row's or batch's writes are in their own savepoint) and the others stay.
 * An unknown county refuses the whole import (BAD_USER_INPUT on `countyCode`) before any row is read.
 */
export async function runImport(
  db: RequestDatabase,
  options: ImportOptions,
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>,
  observer: ImportObserver = {},
): Promise<ImportSummary> {
  await assertCountyExists(db, options.countyCode, 'countyCode');
  const run = new ImportRun(db, options);
  const importer = IMPORTERS[options.kind](run);
  const totals = emptyTotals();
  const dryRun = options.dryRun ?? false;
  const partial = options.partial ?? false;
  const applied = () => !dryRun && (partial || totals.refused === 0);

  const processBatch = async (batch: SourceRow[]) => {
    for (const result of await importer.process(batch)) {
      count(totals, result.status);
      observer.row?.(result);
    }
    observer.progress?.(totals.rows);
  };
  await deferEnterpriseCounts(db);
  try {
    await db.atomically(async () => {
      for await (const batch of readAhead(rows, importer.batchSize)) await processBatch(batch);
      if (!applied()) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  await rebuildDeferredEnterpriseCounts(db);
  return { kind: options.kind, countyCode: options.countyCode, dryRun, partial, applied: applied(), totals };
}

/**
 * The rows in batches, the next one read (the file parsed, its cells mapped) while the last one is written: reading is
 * the process's work and writing the database's, and one after the other each waited for the other (a 100,000-row
 * CSV spent seconds parsing while PostgreSQL had nothing to do).
 */
async function* readAhead(rows: AsyncIterable<SourceRow> | Iterable<SourceRow>, size: number): AsyncGenerator<SourceRow[]> {
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<SourceRow>)[Symbol.iterator]();
  const read = async (): Promise<SourceRow[]> => {
    const batch: SourceRow[] = [];
    while (batch.length < size) {
      const next = await iterator.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };
  let next = read();
  try {
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      next = read();
      // a failure to read is answered when its batch is wanted, not as an unhandled rejection meanwhile
      next.catch(() => undefined);
      yield batch;
    }
  } finally {
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}

// ------------------------------------------------------------------------------------------------- files

/** Rows above the header that may be a title ("垫江县2024年高新技术企业名单") or notes. */
const HEADER_SEARCH_ROWS = 20;

export interface FileHeader {
  /** 1 for CSV; the worksheet's position in a workbook */
  sheet: number;
  /** the header's row number */
  rowNumber: number;
  mapping: HeaderMapping;
}

export interface FileImportSummary extends ImportSummary {
  file: string;
  format: FileSource['format'];
  encoding: TextEncoding | null;
  header: FileHeader;
}

function headerCells(cells: Cell[]): string[] {
  return cells.map((cell) => cellText(cell));
}

/**
 * The header row: within the first rows of the first worksheet that has one, the first row that names every required
 * column of the kind (or, failing that, the one naming most columns, to say which are missing).
 */
async function findHeader(kind: ImportKind, rows: AsyncIterator<RawRow>): Promise<FileHeader> {
  let best: FileHeader | null = null;
  let seen = 0;
  let sheet = 1;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    const raw = next.value;
    if (raw.sheet !== sheet) {
      sheet = raw.sheet;
      seen = 0;
    }
    if (seen >= HEADER_SEARCH_ROWS) continue;
    seen++;
    const mapping = mapHeader(kind, headerCells(raw.cells));
    const candidate: FileHeader = { sheet: raw.sheet, rowNumber: raw.rowNumber, mapping };
    if (mapping.matched >= 2 && mapping.missing.length === 0) return candidate;
    if (mapping.matched >= 2 && (!best || mapping.matched > best.mapping.matched)) best = candidate;
  }
  const expected = COLUMNS[kind]
    .filter((spec) => spec.required)
    .map((spec) => `${spec.names[0]} (${spec.field})`)
    .join(', ');
  if (best) {
    const missing = best.mapping.missing.map((spec) => `${spec.names[0]} (${spec.field})`).join(', ');
    throw new ImportFileError(
      `the header (row ${best.rowNumber}${best.sheet > 1 ? ` of sheet ${best.sheet}` : ''}) has no column for ${missing}; a ${kind} file needs ${expected}`,
    );
  }
  throw new ImportFileError(
    `no header row found in the first ${HEADER_SEARCH_ROWS} rows: a ${kind} file needs columns such as ${expected}`,
  );
}

/** The data rows under the header, mapped to fields; blank rows are skipped, the rest of the worksheet only. */
async function* dataRows(header: FileHeader, rows: AsyncIterator<RawRow>): AsyncGenerator<SourceRow> {
  const columns = new Map<string, { header: string; power: number }>();
  header.mapping.columns.forEach((column) => {
    if (column) columns.set(column.spec.field, { header: column.header, power: column.power });
  });
  let index = 0;
  for (;;) {
    const next = await rows.next();
    if (next.done) return;
    const raw = next.value;
    if (raw.sheet !== header.sheet) return;
    if (raw.cells.every((cell) => isBlank(cell))) continue;
    const values = new Map<string, Cell>();
    header.mapping.columns.forEach((column, i) => {
      if (column) values.set(column.spec.field, raw.cells[i] ?? null);
    });
    yield { index: index++, rowNumber: raw.rowNumber, values, columns };
  }
}

export interface FileImportObserver extends ImportObserver {
  /** the file was opened and its header found */
  opened?(source: FileSource, header: FileHeader): void;
}

/** Imports a CSV or XLSX file, streamed: constant memory whatever its size (see importFile's callers for reports). */
export async function importFile(
  db: RequestDatabase,
  file: string,
  options: ImportOptions,
  observer: FileImportObserver = {},
): Promise<FileImportSummary> {
  const source = await openSource(file);
  // the history: these changes come through the import door, from this file (each kind names the row)
  db.describeChange({
    door: 'IMPORT',
    operation: `import ${options.kind}`,
    request: null,
    file: path.basename(file),
    row: null,
    rows: null,
  });
  const iterator = source.rows()[Symbol.asyncIterator]();
  try {
    const header = await findHeader(options.kind, iterator);
    observer.opened?.(source, header);
    const summary = await runImport(db, options, dataRows(header, iterator), observer);
    return { ...summary, file, format: source.format, encoding: source.encoding, header };
  } finally {
    await iterator.return?.(undefined);
  }
}
