import { badUserInput } from '../../graphql/errors';
import { CategoryMembershipInput, EnterpriseInput } from '../../enterprise/enterprise.inputs';
import { upsertEnterprise } from '../../enterprise/enterprise.sql';
import { EnterpriseCategory } from '../../enterprise/enterprise-category';
import { parseCreditCode } from '../../identifiers/credit-code';
import { RequestDatabase } from '../../db/request-database';
import { RowResult, RowReport, rowLabel, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { enterpriseStateSql, snapshot } from '../import.sql';
import { ImportRun, KindImporter, statusOf, writeRow, writingRow } from '../run';
import { parseCategory, parseSpecializedNewLevel } from '../values';
import { SpecializedNewLevel } from '../../enterprise-tags/enterprise-tags';

interface StoredMembership {
  category: EnterpriseCategory;
  validFrom: string;
  validTo: string | null;
  level: SpecializedNewLevel | null;
}

async function enterpriseState(db: RequestDatabase, creditCode: string) {
  const json = await snapshot(db, enterpriseStateSql(creditCode));
  const state = json === null ? null : (JSON.parse(json) as { countyCode: string; memberships: StoredMembership[] });
  return { json, state };
}

/** "memberships[0].validTo" → "validTo": the row has one membership, whose fields are the row's. */
function fieldOf(path: string): string {
  // a refusal of the row as a whole (a constraint, Row Level Security) concerns the enterprise of the credit code
  if (path === '') return 'creditCode';
  const membership = /^memberships(?:\[\d+\])?\.?(.*)$/.exec(path);
  if (membership) return membership[1] || 'validFrom';
  return path.replace(/\[\d+\]$/, '');
}

/**
 * Enterprises with memberships: one row is an enterprise and one recognition (category, validFrom, validTo).
 * The row's membership is added to the enterprise's memberships, replacing the one of the same category and validFrom;
 * the others stay, so the 高新技术企业 list does not erase the 专精特新 list. Through upsertEnterprise, row by row
 * in a savepoint; a row that changes nothing is rolled back.
 */
export function enterpriseImporter(run: ImportRun): KindImporter {
  const names = new Map<string, { name: string; where: string }>();

  async function importRow(row: SourceRow): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const creditCodeText = read.text('creditCode', true);
    const name = read.text('name', true);
    const givenCategory = read.parsed('category', parseCategory);
    const category = givenCategory ?? run.options.category ?? null;
    if (!category && !report.problems.some((p) => p.field === 'category')) {
      report.refuse('category', 'is required: add a 类别 (category) column, or give the category of the whole list (--category)');
    }
    const validFrom = read.date('validFrom', true);
    const validTo = read.date('validTo');
    const parsedCode = creditCodeText ? parseCreditCode(creditCodeText) : null;
    const creditCode = parsedCode?.ok ? parsedCode.value : null;
    const key = creditCode && category && validFrom ? `${creditCode} ${category} ${validFrom}` : creditCode;

    // 专精特新"小巨人" is the national level of SPECIALIZED_NEW (issue 15)
    const level =
      category === EnterpriseCategory.SPECIALIZED_NEW && read.has('category') ? parseSpecializedNewLevel(read.cell('category')) : null;
    const membership = Object.assign(new CategoryMembershipInput(), { category, validFrom, validTo: validTo ?? null, level });
    const cluster = read.has('industryCluster') ? (read.text('industryCluster') ?? null) : undefined;
    const input = Object.assign(new EnterpriseInput(), {
      creditCode: creditCodeText ?? '',
      countyCode: run.countyCode,
      name: name ?? '',
      memberships: [membership],
      ...(cluster !== undefined ? { industryCluster: cluster } : {}),
    });
    for (const problem of await validationProblems(input, run.today)) report.refuseOnce(fieldOf(problem.path), problem.reason);
    if (report.refused || !creditCode || !category || !validFrom || !name) return report.result('REFUSED', key);

    const duplicate = run.claimKey(key!, row);
    if (duplicate) report.refuse('creditCode', `the same membership twice: ${duplicate}`);
    const earlier = names.get(creditCode);
    if (earlier && earlier.name !== name.trim()) {
      report.refuse('name', `"${name.trim()}" differs from "${earlier.name}" in ${earlier.where} for the same credit code`);
    }
    if (!earlier) names.set(creditCode, { name: name.trim(), where: rowLabel(row) });
    if (report.refused) return report.result('REFUSED', key);

    writingRow(run.db, row);
    const written = await writeRow(run.db, async () => {
      const before = await enterpriseState(run.db, creditCode);
      if (before.state && before.state.countyCode !== run.countyCode) {
        throw badUserInput(
          'input.creditCode',
          `enterprise ${creditCode} is registered in county ${before.state.countyCode}: import it there`,
        );
      }
      const kept = (before.state?.memberships ?? [])
        .filter((m) => !(m.category === category && m.validFrom === validFrom))
        .map((m) => Object.assign(new CategoryMembershipInput(), m));
      await upsertEnterprise(run.db, { ...input, memberships: [...kept, membership] });
      const after = await enterpriseState(run.db, creditCode);
      return statusOf(before.json, after.json);
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
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row));
      return results;
    },
  };
}
