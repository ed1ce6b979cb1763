import { OverseasGrantInput } from '../../patent/patent.inputs';
import { OverseasRoute } from '../../patent/overseas-route';
import { addOverseasGrant } from '../../transaction/transaction.sql';
import { RowResult, RowReport, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { PatentsOfBatch, patentRecordImporter, rowPatent, writePatentRecord } from './patent-records';
import { ImportRun, KindImporter } from '../run';
import { Cell, cellText, normalizeWidth, Parsed } from '../values';

const ROUTE_LABELS: [RegExp, OverseasRoute][] = [
  [/PCT/i, OverseasRoute.PCT],
  [/巴黎|PARIS/i, OverseasRoute.PARIS],
  [/PPH|高速路/i, OverseasRoute.PPH],
  [/其他|其它|OTHER/i, OverseasRoute.OTHER],
];

export function parseOverseasRoute(cell: Cell): Parsed<OverseasRoute> {
  const text = normalizeWidth(cellText(cell)).trim();
  const found = ROUTE_LABELS.find(([label]) => label.test(text));
  return found ? { ok: true, value: found[1] } : { ok: false, reason: `"${text}" is not a route: PCT, 巴黎公约 (PARIS), PPH or 其他` };
}

/**
 * A list of foreign grants (海外专利授权): one granted family member per row, added to the Chinese patent it names
 * (attributed to the county of the import), replacing the grant of the same jurisdiction. The same row again is
 * UNCHANGED. Row by row, each in a savepoint.
 */
export function overseasGrantImporter(run: ImportRun): KindImporter {
  async function importRow(row: SourceRow, patents: PatentsOfBatch): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const jurisdiction = read.text('jurisdiction', true);
    const grantDate = read.date('grantDate', true);
    const route = read.parsed('route', parseOverseasRoute);
    const publicationNumber = read.text('publicationNumber');
    const { number, patent } = rowPatent(run, read, report, patents, 'grants');
    const input = Object.assign(new OverseasGrantInput(), {
      jurisdiction: normalizeWidth(jurisdiction ?? '')
        .trim()
        .toUpperCase(),
      grantDate: grantDate ?? '',
      route: route ?? null,
      ...(publicationNumber ? { publicationNumber: normalizeWidth(publicationNumber).trim().toUpperCase() } : {}),
    });
    for (const problem of await validationProblems(input, run.today)) report.refuseOnce(problem.path, problem.reason);
    const key = number && jurisdiction ? `${number} ${input.jurisdiction}` : null;
    if (!patent) return report.result('REFUSED', key);
    return writePatentRecord(run, row, report, key, { field: 'jurisdiction', what: 'the same patent and jurisdiction' }, () =>
      addOverseasGrant(run.db, patent.id, input),
    );
  }

  return patentRecordImporter(run, importRow);
}
