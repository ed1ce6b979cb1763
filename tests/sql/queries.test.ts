import { Role } from '../../src/auth/principal';
import { breakthroughSummarySql, countyTargetGapsSql, gapRowsSql, TARGET_GAP_ORDER } from '../../src/breakthrough/breakthrough.sql';
import { compile, sql, Sql } from '../../src/db/sql';
import { encodeCursor, pageRequest } from '../../src/graphql/pagination';
import { highValueSql } from '../../src/high-value/high-value.sql';
import { countySpanCountsSql, patentEvaluationSql, rolledSpanCountsSql } from '../../src/high-value/spans.sql';
import { countyEnterpriseRowsSql, ENTERPRISE_ORDER } from '../../src/enterprise/enterprise.sql';
import { pagedSql } from '../../src/graphql/pagination';
import { indicatorsSql } from '../../src/indicator/indicator.sql';
import { reviewRowsSql } from '../../src/sei/sei.sql';
import { parsePeriod, publishSql } from '../../src/report/report.sql';
import { taskBoardSql } from '../../src/task/task.sql';
import { eligibilityRowsSql } from '../../src/support/support-eligibility.sql';
import { creditCode } from '../support/builders';
import { ALERT_ORDER, alertsPageSql } from '../../src/alerts/alerts.sql';
import { annuitySql } from '../../src/annuity/annuity.sql';
import { PATENT_ORDER, patentPagesSql } from '../../src/patent/patent.sql';
import { CANDIDATE_ORDER, candidatesOfSql, notHighValueSql } from '../../src/candidates/candidates.sql';
import { gapOutlookSql, targetPathsSql } from '../../src/candidates/outlook.sql';
import { expectFile } from '../support/snapshot-file';
import { createTestApi, TestApi } from '../support/test-api';

/**
 * The statements that matter, as the application compiles them, pinned in tests/sql/<name>.sql (text, then the
 * values): a change of their SQL shows in review as a change of these files. `npm run test:sql:update` rewrites them.
 * Each is also planned (EXPLAIN) on a migrated database, so every file is a statement PostgreSQL accepts.
 */
const AS_OF = '2024-12-31';
const COUNTY = '500231';
const asOf = sql`${AS_OF}::date`;

const CASES: Record<string, { what: string; statement: Sql }> = {
  'high-value-predicate': {
    what: 'the direct evaluation of the high-value rule, the reference the kept spans are held against (src/high-value/high-value.sql.ts)',
    statement: sql`SELECT p.id FROM patent p WHERE p.county_code = ${COUNTY} AND ${highValueSql(sql`p`, asOf)}`,
  },
  'county-span-counts': {
    what: "a county's valid, high-value and SEI invention patents on a day, from the kept spans (src/high-value/spans.sql.ts)",
    statement: countySpanCountsSql(sql`${[COUNTY]}::text[]`, asOf),
  },
  'rolled-span-counts': {
    what: "a division's counts over itself and the counties below it (issue 15; src/high-value/spans.sql.ts rolledSpanCountsSql)",
    statement: rolledSpanCountsSql(sql`${['500000']}::text[]`, asOf),
  },
  'sei-review': {
    what: "County.strategicIndustryReview's rows: suggestions from the concordance in force and the flags (issue 15; src/sei/sei.sql.ts)",
    statement: reviewRowsSql(sql`${COUNTY}::text`, asOf),
  },
  'patent-evaluation': {
    what: "a patent's status and high-value reasons on a day, as patentEvaluationLoader asks (src/high-value/spans.sql.ts)",
    statement: patentEvaluationSql(sql`${[1, 2]}::int[]`, asOf),
  },
  'gap-rows': {
    what: "the breakthrough gap rows of a county's enterprises (src/breakthrough/breakthrough.sql.ts, gapRowsSql)",
    statement: gapRowsSql(sql`SELECT ${COUNTY}::text AS code`, asOf),
  },
  'breakthrough-summary': {
    what: 'County.breakthroughSummary: one row per category of the plan in force (src/breakthrough/breakthrough.sql.ts)',
    statement: breakthroughSummarySql(sql`${[COUNTY]}::text[]`, asOf),
  },
  indicators: {
    what: 'County.indicators: every indicator target of the plan in force (src/indicator/indicator.sql.ts, indicatorsSql)',
    statement: indicatorsSql([COUNTY], AS_OF),
  },
  'target-gaps-page': {
    what: 'targetGaps, the first page (src/breakthrough/breakthrough.sql.ts over src/graphql/pagination.ts pagedSql)',
    statement: countyTargetGapsSql(
      { countyCode: COUNTY, category: null, onlyUnmet: true, asOf: AS_OF },
      pageRequest({ first: 20 }, TARGET_GAP_ORDER),
      true,
    ),
  },
  'target-gaps-page-after': {
    what: 'targetGaps, a page after a cursor (gap, name, credit code, category order)',
    statement: countyTargetGapsSql(
      { countyCode: COUNTY, category: null, onlyUnmet: true, asOf: AS_OF },
      pageRequest({ first: 20, after: encodeCursor([2, '垫江示例企业', creditCode(7), 1]) }, TARGET_GAP_ORDER),
      false,
    ),
  },
  'support-eligibility': {
    what: 'County.supportEligibility: who qualifies for each computable support measure in a year (src/support/support-eligibility.sql.ts)',
    statement: eligibilityRowsSql(sql`${COUNTY}::text`, sql`${2024}::int`, sql`NULL::text`),
  },
  'enterprise-page': {
    what: "County.enterprises, a county's first page in name order with its total (src/graphql/pagination.ts pagedSql)",
    statement: pagedSql({
      owners: sql`${[COUNTY]}::text[]`,
      rowsOf: (county) => countyEnterpriseRowsSql(county, {}, AS_OF),
      sort: ENTERPRISE_ORDER,
      page: pageRequest({ first: 50 }, ENTERPRISE_ORDER),
      withTotal: true,
    }),
  },
  'enterprise-page-after': {
    what: 'County.enterprises, the page after a cursor, without its total (the first sort column bounds the index range)',
    statement: pagedSql({
      owners: sql`${[COUNTY]}::text[]`,
      rowsOf: (county) => countyEnterpriseRowsSql(county, {}, AS_OF),
      sort: ENTERPRISE_ORDER,
      page: pageRequest({ first: 50, after: encodeCursor(['垫江示例企业', creditCode(7)]) }, ENTERPRISE_ORDER),
      withTotal: false,
    }),
  },
  'enterprise-patents-page': {
    what: "Enterprise.patents as the nested read asks it: each enterprise's first 10 patents with its total, only the fields the query selects (src/patent/patent.sql.ts)",
    statement: patentPagesSql(
      'enterprise',
      sql`${[1, 2]}::int[]`,
      { type: null, highValueOnly: false, asOf: AS_OF },
      pageRequest({ first: 10 }, PATENT_ORDER),
      true,
      ['title'],
    ),
  },
  'patent-annuity': {
    what: 'Patent.annuity: the annuity of the first unpaid patent year on a day, as annuityLoader asks (src/annuity/annuity.sql.ts)',
    statement: sql`SELECT p.id, a.* FROM patent p CROSS JOIN LATERAL (${annuitySql(sql`p`, asOf)}) a WHERE p.id = ANY (${[1, 2]}::int[])`,
  },
  'county-alerts-page': {
    what: 'County.alerts, the first page of every kind within 180 days, with its total (src/alerts/alerts.sql.ts)',
    statement: alertsPageSql(
      { of: 'county', codes: [COUNTY] },
      { asOf: AS_OF, withinDays: 180, kinds: null },
      pageRequest({ first: 50 }, ALERT_ORDER),
      true,
    ),
  },
  'county-high-value-candidates-page': {
    what: 'County.highValueCandidates, the first page (src/candidates/candidates.sql.ts over pagedSql)',
    statement: pagedSql({
      owners: sql`${[COUNTY]}::text[]`,
      rowsOf: (county) => candidatesOfSql(notHighValueSql('county', county, asOf), asOf, sql`(${AS_OF}::date + 365)`),
      sort: CANDIDATE_ORDER,
      page: pageRequest({ first: 50 }, CANDIDATE_ORDER),
      withTotal: true,
    }),
  },
  'target-paths': {
    what: 'Enterprise.pathToTarget of a page of enterprises (src/candidates/outlook.sql.ts)',
    statement: targetPathsSql(sql`${[1, 2]}::int[]`, asOf, sql`(${AS_OF}::date + 365)`),
  },
  'gap-outlook': {
    what: 'County.gapOutlook on the horizon (src/candidates/outlook.sql.ts)',
    statement: gapOutlookSql(sql`${[COUNTY]}::text[]`, asOf, sql`(${AS_OF}::date + 365)`),
  },
  'task-board': {
    what: "Plan.taskBoard: each task's latest progress and its indicators, for many plans in one statement (src/task/task.sql.ts)",
    statement: taskBoardSql(sql`${[1, 2]}::int[]`, asOf),
  },
  'publish-report': {
    what: 'publishIndicatorReport: the live figures of a county frozen into a report in one statement (src/report/report.sql.ts)',
    statement: publishSql(COUNTY, parsePeriod('2024Q4')!, AS_OF, { subject: 'editor', role: Role.EDITOR }),
  },
};

/** The text of a snapshot file: what it is, the statement, then each value as JSON. */
function render(name: string, what: string, statement: Sql): string {
  const { text, values } = compile(statement);
  const head = `-- tests/sql/${name}.sql: ${what}\n-- written by \`npm run test:sql:update\`; tests/sql/queries.test.ts fails on any difference\n`;
  const params = values.map((value, i) => `-- $${i + 1} = ${JSON.stringify(value)}`).join('\n');
  return `${head}${text}\n${params ? `${params}\n` : ''}`;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('the SQL of the main queries', () => {
  it.each(Object.keys(CASES))('%s is as committed in tests/sql', async (name) => {
    const { what, statement } = CASES[name];
    expectFile(`tests/sql/${name}.sql`, render(name, what, statement), 'npm run test:sql:update');
    const { text, values } = compile(statement);
    await expect(api.sql(`EXPLAIN ${text}`, values)).resolves.not.toHaveLength(0);
  });
});
