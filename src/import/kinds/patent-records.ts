import { parseApplicationNumber } from '../../identifiers/application-number';
import { patentsByNumbers } from '../../transaction/transaction.sql';
import { RowResult, RowReport, RowStatus, SourceRow } from '../report';
import { RowReader } from '../row-reader';
import { ImportRun, KindImporter, writeRow, writingRow } from '../run';
import { applicationNumberText } from '../values';

/** The patents of a batch's rows, by application number: id and county. */
export type PatentsOfBatch = Map<string, { id: number; countyCode: string }>;

/**
 * The lists whose rows each add a record to the patent they name (海外专利授权, 专利交易/许可备案): the patents of a batch
 * are read in one statement, then each row is read, checked and written in a savepoint of its own.
 */
export function patentRecordImporter(
  run: ImportRun,
  importRow: (row: SourceRow, patents: PatentsOfBatch) => Promise<RowResult>,
): KindImporter {
  return {
    batchSize: run.options.batchSize ?? 200,
    async process(rows) {
      const numbers = rows
        .map((row) => parseApplicationNumber(applicationNumberText(row.values.get('applicationNumber') ?? '')))
        .flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
      const stored = await patentsByNumbers(run.db, [...new Set(numbers)]);
      const patents: PatentsOfBatch = new Map(stored.map((p) => [p.applicationNumber, { id: p.id, countyCode: p.countyCode }]));
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row, patents));
      return results;
    },
  };
}

/** The row's patent: its application number read and checked, recorded, and attributed to the import's county. */
export function rowPatent(run: ImportRun, read: RowReader, report: RowReport, patents: PatentsOfBatch, records: string) {
  const numberText = read.parsed('applicationNumber', (cell) => ({ ok: true, value: applicationNumberText(cell) }), true);
  const parsed = numberText ? parseApplicationNumber(numberText) : null;
  if (parsed && !parsed.ok) report.refuse('applicationNumber', `is not a valid 申请号 (application number): ${parsed.reason}`);
  const number = parsed?.ok ? parsed.value : null;
  const patent = number ? patents.get(number) : undefined;
  if (number && !patent) report.refuse('applicationNumber', `no patent ${number} is recorded: import the patent first`);
  else if (patent && patent.countyCode !== run.countyCode) {
    report.refuse('applicationNumber', `patent ${number} is attributed to county ${patent.countyCode}: import its ${records} there`);
  }
  return { number, patent };
}

/** Writes a checked row once (a second row of the same key is refused on `duplicateField`), in its own savepoint. */
export async function writePatentRecord(
  run: ImportRun,
  row: SourceRow,
  report: RowReport,
  key: string | null,
  duplicate: { field: string; what: string },
  write: () => Promise<RowStatus>,
): Promise<RowResult> {
  if (report.refused || key === null) return report.result('REFUSED', key);
  const earlier = run.claimKey(key, row);
  if (earlier) {
    report.refuse(duplicate.field, `${duplicate.what} twice: ${earlier}`);
    return report.result('REFUSED', key);
  }
  writingRow(run.db, row);
  const written = await writeRow(run.db, write);
  if (!written.ok) {
    report.refuse(written.path.replace(/^input\./, '') || 'row', written.reason);
    return report.result('REFUSED', key);
  }
  return report.result(written.status, key);
}
