import { CountyStatisticsInput } from '../../county/county.inputs';
import { setCountyStatistics } from '../../county/county.sql';
import { RowResult, RowReport, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { snapshot, statisticsStateSql } from '../import.sql';
import { ImportRun, KindImporter, statusOf, writeRow, writingRow } from '../run';

const FIGURES = ['population', 'gdp', 'rdInvestment', 'seiOutputValue', 'ipServiceAgencies', 'patentServicePractitioners'] as const;
const INTEGER_FIGURES = new Set(['population', 'ipServiceAgencies', 'patentServicePractitioners']);

/**
 * Yearly county statistics of the import's county: one row per year, through setCountyStatistics. A blank cell keeps
 * the stored figure (a file does not clear what it does not say); a row that changes nothing is rolled back.
 */
export function countyStatisticsImporter(run: ImportRun): KindImporter {
  async function importRow(row: SourceRow): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const year = read.integer('year', true);
    const input = Object.assign(new CountyStatisticsInput(), { countyCode: run.countyCode, year: year ?? 0 });
    let given = 0;
    for (const figure of FIGURES) {
      const value = INTEGER_FIGURES.has(figure) ? read.integer(figure) : read.amount(figure);
      if (value !== null && value !== undefined) {
        (input as unknown as Record<string, unknown>)[figure] = value;
        given++;
      }
    }
    const key = typeof year === 'number' ? String(year) : null;
    for (const problem of await validationProblems(input)) report.refuseOnce(problem.path, problem.reason);
    if (report.refused || key === null) return report.result('REFUSED', key);
    const duplicate = run.claimKey(key, row);
    if (duplicate) {
      report.refuse('year', `the same year twice: ${duplicate}`);
      return report.result('REFUSED', key);
    }
    if (given === 0) {
      report.warn('year', 'no figure given: nothing recorded for this year');
      return report.result('UNCHANGED', key);
    }

    writingRow(run.db, row);
    const written = await writeRow(run.db, async () => {
      const before = await snapshot(run.db, statisticsStateSql(run.countyCode, year));
      await setCountyStatistics(run.db, input);
      return statusOf(before, await snapshot(run.db, statisticsStateSql(run.countyCode, year)));
    });
    if (!written.ok) {
      report.refuse(written.path || 'row', written.reason);
      return report.result('REFUSED', key);
    }
    return report.result(written.status, key);
  }

  return {
    batchSize: run.options.batchSize ?? 200,
    async process(rows) {
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row));
      return results;
    },
  };
}
