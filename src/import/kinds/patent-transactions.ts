import { PatentTransactionInput, TransactionKind } from '../../transaction/transaction';
import { addPatentTransaction } from '../../transaction/transaction.sql';
import { RowResult, RowReport, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { PatentsOfBatch, patentRecordImporter, rowPatent, writePatentRecord } from './patent-records';
import { ImportRun, KindImporter } from '../run';
import { Cell, cellText, normalizeWidth, Parsed } from '../values';

/** The kinds as 专利交易/许可备案 lists write them; a longer label first where one contains another. */
const KIND_LABELS: [string, TransactionKind][] = [
  ['开放许可', TransactionKind.OPEN_LICENSE],
  ['作价入股', TransactionKind.EQUITY_CONTRIBUTION],
  ['作价投资', TransactionKind.EQUITY_CONTRIBUTION],
  ['出资', TransactionKind.EQUITY_CONTRIBUTION],
  ['自行实施', TransactionKind.OWN_IMPLEMENTATION],
  ['自主实施', TransactionKind.OWN_IMPLEMENTATION],
  ['实施许可', TransactionKind.LICENSE],
  ['许可', TransactionKind.LICENSE],
  ['转让', TransactionKind.ASSIGNMENT],
  ['权利转移', TransactionKind.ASSIGNMENT],
  ['质押', TransactionKind.PLEDGE],
];

export function parseTransactionKind(cell: Cell): Parsed<TransactionKind> {
  const text = normalizeWidth(cellText(cell)).trim();
  const upper = text.toUpperCase().replace(/[\s-]+/g, '_');
  if ((Object.values(TransactionKind) as string[]).includes(upper)) return { ok: true, value: upper as TransactionKind };
  const found = KIND_LABELS.find(([label]) => text.includes(label));
  if (found) return { ok: true, value: found[1] };
  return { ok: false, reason: `"${text}" is not a kind: 转让, 许可, 开放许可, 作价入股 or 自行实施` };
}

/**
 * A 专利交易/许可备案 list: one transaction per row, added to the patent it names (which must be attributed to the
 * county of the import). The same row again is UNCHANGED; a row of a recorded transaction with another record number
 * UPDATED. Row by row, each in a savepoint.
 */
export function patentTransactionImporter(run: ImportRun): KindImporter {
  async function importRow(row: SourceRow, patents: PatentsOfBatch): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const kind = read.parsed('kind', parseTransactionKind, true);
    const occurredOn = read.date('occurredOn', true);
    const counterparty = read.text('counterparty');
    const recordNumber = read.text('recordNumber');
    const { number, patent } = rowPatent(run, read, report, patents, 'transactions');
    const input = Object.assign(new PatentTransactionInput(), {
      kind: kind ?? TransactionKind.ASSIGNMENT,
      occurredOn: occurredOn ?? '',
      counterparty: counterparty ?? null,
      ...(recordNumber ? { recordNumber } : {}),
    });
    if (kind) for (const problem of await validationProblems(input, run.today)) report.refuseOnce(problem.path, problem.reason);
    const key = number && kind && occurredOn ? `${number} ${kind} ${occurredOn} ${(counterparty ?? '').trim()}` : null;
    if (!patent) return report.result('REFUSED', key);
    return writePatentRecord(
      run,
      row,
      report,
      key,
      { field: 'row', what: 'the same transaction (patent, kind, day and counterparty)' },
      () => addPatentTransaction(run.db, patent.id, input),
    );
  }

  return patentRecordImporter(run, importRow);
}
