import { badUserInput } from '../../graphql/errors';
import { PledgeFinancingInput } from '../../financing/pledge-financing';
import {
  findPledgeFinancingsByKey,
  pledgedNumbers,
  recordPledgeFinancing,
  replacePledgedPatents,
} from '../../financing/pledge-financing.sql';
import { EnterpriseDirectory } from '../directory';
import { RowResult, RowReport, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { ImportRun, KindImporter, writeRow, writingRow } from '../run';
import { shiftDecimal } from '../values';

function fieldOf(path: string): string {
  if (path === '') return 'row';
  if (path.startsWith('patentApplicationNumbers')) return 'patents';
  return path.replace(/\[\d+\]$/, '');
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Pledge financings of the county's enterprises. A registration has no number of its own in the lists counties get,
 * so its natural key is the enterprise, the registration day, the amount and the lender (findPledgeFinancingsByKey):
 * a row whose key is recorded with the same patents is UNCHANGED, with other patents UPDATED (its patents replaced),
 * else CREATED through recordPledgeFinancing. Row by row in a savepoint.
 */
export function pledgeFinancingImporter(run: ImportRun): KindImporter {
  async function importRow(row: SourceRow, directory: EnterpriseDirectory): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const codeText = read.text('enterpriseCreditCode');
    const nameText = read.text('enterpriseName');
    const lender = read.text('lender', true);
    const amount = read.amount('amount', true);
    const registeredOn = read.date('registeredOn', true);
    const patents = read.list('patents', true);

    let creditCode: string | null = null;
    if (codeText) {
      creditCode = EnterpriseDirectory.creditCodeIn(codeText);
      if (creditCode) {
        await directory.lookUp([creditCode]);
        const found = directory.byCreditCode(creditCode);
        if (!found.ok) report.refuse('enterpriseCreditCode', found.reason);
        else if (found.enterprise.countyCode !== run.countyCode) {
          report.refuse(
            'enterpriseCreditCode',
            `enterprise ${creditCode} is registered in county ${found.enterprise.countyCode}: import its financings there`,
          );
        }
      }
    } else if (nameText) {
      const found = directory.byExactName(nameText);
      if (found.ok) creditCode = found.enterprise.creditCode;
      else report.refuse('enterpriseName', found.reason);
    } else if (!report.problems.some((p) => p.field.startsWith('enterprise'))) {
      report.refuse(
        'enterpriseCreditCode',
        "is required: give the pledging enterprise's credit code (出质人统一社会信用代码) or its name (出质人)",
        ['enterpriseCreditCode', 'enterpriseName'],
      );
    }

    const input = Object.assign(new PledgeFinancingInput(), {
      enterpriseCreditCode: creditCode ?? codeText ?? '',
      lender: lender ?? '',
      amount: amount ?? '',
      registeredOn: registeredOn ?? '',
      patentApplicationNumbers: patents ?? [],
    });
    for (const problem of await validationProblems(input, run.today)) {
      if (problem.path === 'enterpriseCreditCode' && !codeText) continue;
      report.refuseOnce(
        fieldOf(problem.path),
        problem.reason,
        fieldOf(problem.path) === 'enterpriseCreditCode' ? ['enterpriseCreditCode', 'enterpriseName'] : undefined,
      );
    }
    const key =
      creditCode && registeredOn && amount && lender ? `${creditCode} ${registeredOn} ${shiftDecimal(amount, 0)} ${lender.trim()}` : null;
    if (report.refused || key === null) return report.result('REFUSED', key);
    const duplicate = run.claimKey(key, row);
    if (duplicate) {
      report.refuse('registeredOn', `the same registration twice (enterprise, registration day, amount and lender): ${duplicate}`);
      return report.result('REFUSED', key);
    }

    const wanted = [...new Set(pledgedNumbers(input))].sort();
    writingRow(run.db, row);
    const written = await writeRow(run.db, async () => {
      const recorded = await findPledgeFinancingsByKey(run.db, input);
      if (recorded.length === 0) {
        await recordPledgeFinancing(run.db, input);
        return 'CREATED';
      }
      if (recorded.some((financing) => sameList(financing.patentApplicationNumbers, wanted))) return 'UNCHANGED';
      if (recorded.length > 1) {
        throw badUserInput(
          'input.patentApplicationNumbers',
          `${recorded.length} registrations have this enterprise, day, amount and lender, each with other patents: correct them through the API`,
        );
      }
      await replacePledgedPatents(run.db, recorded[0].id, input);
      return 'UPDATED';
    });
    if (!written.ok) {
      report.refuse(fieldOf(written.path), written.reason);
      return report.result('REFUSED', key);
    }
    return report.result(written.status, key);
  }

  return {
    batchSize: run.options.batchSize ?? 200,
    async process(rows) {
      const directory = await run.directory();
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row, directory));
      return results;
    },
  };
}
