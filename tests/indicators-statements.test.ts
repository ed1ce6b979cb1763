import { INDICATOR_KINDS } from '../src/indicator/indicator-kind';
import { givenCounty, givenEnterprise, givenPatent, givenPlan, givenPledge } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

/** Indicators are computed in SQL per batch: the statements of a request do not grow with the number of counties. */

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const thisYear = Number(new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10).slice(0, 4));

/** A county with a plan that sets every kind of target and some data behind each. */
async function givenBusyCounty(index: number) {
  const code = String(500101 + index);
  await givenCounty(api, code, `测试县${index}`);
  await givenPlan(api, {
    countyCode: code,
    startYear: thisYear - 2,
    endYear: thisYear,
    indicatorTargets: INDICATOR_KINDS.map((kind, i) => ({ kind, target: i + 1 })),
  });
  await api.ok(`mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { year } }`, {
    input: {
      countyCode: code,
      year: thisYear - 3,
      population: 100000,
      gdp: '1000000000.00',
      rdInvestment: '10000000.00',
      seiOutputValue: '500000000.00',
      ipServiceAgencies: 1,
      patentServicePractitioners: 5,
    },
  });
  const enterprise = await givenEnterprise(api, {
    serial: 100 + index,
    countyCode: code,
    memberships: [
      { category: 'HIGH_TECH', validFrom: `${thisYear - 1}-01-01` },
      { category: 'SPECIALIZED_NEW', validFrom: `${thisYear - 5}-01-01` },
    ],
  });
  const patent = await givenPatent(api, {
    countyCode: code,
    filingDate: `${thisYear - 4}-01-01`,
    grantDate: `${thisYear - 3}-01-01`,
    strategicIndustry: 'NEW_MATERIALS',
    owners: [enterprise],
  });
  await givenPledge(api, enterprise, '2000000.00', `${thisYear - 1}-03-01`, [patent]);
  await api.ok(`mutation($input: InnovationPlatformInput!) { upsertInnovationPlatform(input: $input) { id } }`, {
    input: {
      enterpriseCreditCode: enterprise,
      name: '技术中心',
      kind: 'ENTERPRISE_TECHNOLOGY_CENTER',
      level: 'MUNICIPAL',
      recognisedOn: `${thisYear - 1}-01-01`,
    },
  });
  await api.ok(`mutation($input: KnowledgeValueLoanInput!) { recordKnowledgeValueLoan(input: $input) { id } }`, {
    input: { enterpriseCreditCode: enterprise, lender: '示例银行', amount: '3000000.00', grantedOn: `${thisYear - 1}-05-01` },
  });
}

const INDICATORS = `{ counties { code indicators(asOf: "${thisYear - 1}-12-31") { kind actual progress met statisticsYear missingReason } } }`;
const SERIES = `{ counties { code indicatorSeries { kind values { asOf actual } } } }`;
const CONSISTENCY = `{ counties { code plan { consistency { ratioKind impliedTotal consistent explanation } } } }`;

describe('statement counts', () => {
  it('are the same for 1 and for 5 counties', async () => {
    await givenBusyCounty(0);
    const one = await api.ok(INDICATORS);
    expect(one.counties).toHaveLength(1);
    expect(one.counties[0].indicators).toHaveLength(INDICATOR_KINDS.length);
    const counts1 = [await api.countStatements(INDICATORS), await api.countStatements(SERIES), await api.countStatements(CONSISTENCY)];

    for (let i = 1; i < 5; i++) await givenBusyCounty(i);
    const five = await api.ok(INDICATORS);
    expect(five.counties).toHaveLength(5);
    expect(five.counties.map((county: { indicators: unknown[] }) => county.indicators)).toEqual(Array(5).fill(one.counties[0].indicators));
    const counts5 = [await api.countStatements(INDICATORS), await api.countStatements(SERIES), await api.countStatements(CONSISTENCY)];

    expect(counts5).toEqual(counts1);
    // counties, then one statement for every indicator of every county (plus the transaction's own statements)
    expect(counts1[0]).toBeLessThanOrEqual(4);
  });
});
