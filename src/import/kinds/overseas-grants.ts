import { parseApplicationNumber } from '../../identifiers/application-number';
import { OverseasGrantInput } from '../../patent/patent.inputs';
import { OverseasRoute } from '../../patent/overseas-route';
import { addOverseasGrant, patentsByNumbers } from '../../transaction/transaction.sql';
import { RowResult, RowReport, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { ImportRun, KindImporter, writeRow, writingRow } from '../run';
import { applicationNumberText, Cell, cellText, normalizeWidth, Parsed } from '../values';

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
  async function importRow(row: SourceRow, patents: Map<string, { id: number; countyCode: string }>): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const numberText = read.parsed('applicationNumber', (cell) => ({ ok: true, value: applicationNumberText(cell) }), true);
    const parsed = numberText ? parseApplicationNumber(numberText) : null;
    if (parsed && !parsed.ok) report.refuse('applicationNumber', `is not a valid 申请号 (application number): ${parsed.reason}`);
    const jurisdiction = read.text('jurisdiction', true);
    const grantDate = read.date('grantDate', true);
    const route = read.parsed('route', parseOverseasRoute);
    const publicationNumber = read.text('publicationNumber');
    const number = parsed?.ok ? parsed.value : null;
    const patent = number ? patents.get(number) : undefined;
    if (number && !patent) report.refuse('applicationNumber', `no patent ${number} is recorded: import the patent first`);
    else if (patent && patent.countyCode !== run.countyCode) {
      report.refuse('applicationNumber', `patent ${number} is attributed to county ${patent.countyCode}: import its grants there`);
    }
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
    if (report.refused || key === null || !patent) return report.result('REFUSED', key);
    const duplicate = run.claimKey(key, row);
    if (duplicate) {
      report.refuse('jurisdiction', `the same patent and jurisdiction twice: ${duplicate}`);
      return report.result('REFUSED', key);
    }
    writingRow(run.db, row);
    const written = await writeRow(run.db, () => addOverseasGrant(run.db, patent.id, input));
    if (!written.ok) {
      report.refuse(written.path.replace(/^input\./, '') || 'row', written.reason);
      return report.result('REFUSED', key);
    }
    return report.result(written.status, key);
  }

  return {
    batchSize: run.options.batchSize ?? 200,
    async process(rows) {
      const numbers = rows
        .map((row) => parseApplicationNumber(applicationNumberText(row.values.get('applicationNumber') ?? '')))
        .flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
      const stored = await patentsByNumbers(run.db, [...new Set(numbers)]);
      const patents = new Map(stored.map((p) => [p.applicationNumber, { id: p.id, countyCode: p.countyCode }]));
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row, patents));
      return results;
    },
  };
}
