/**
 * 统计监测 (issue 15): County.patentStatistics — flows by year or quarter, stocks on each period's last day, by type and
 * by cluster, 授权率 and 维持率 — on small built data.
 */
import { syntheticApplicationNumber } from '../src/seed/synthetic';
import { creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPatent } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
const A = creditCode(1);

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await api.ok(`mutation { setIndustryClusters(countyCode: "500231", names: ["新材料"]) { name } }`);
  await api.ok(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
    input: { creditCode: A, countyCode: '500231', name: '甲公司', memberships: [], industryCluster: '新材料' },
  });
  await givenEnterprise(api, { serial: 2, name: '乙公司' });
  await api.ok(`mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { year } }`, {
    input: { countyCode: '500231', year: 2023, population: 500000 },
  });
  // 2018 grant cohort: two inventions, one lapsed in 2023 Q2 — 维持率 on 2023-12-31 (5 years) is 50 %
  await givenPatent(api, { filingDate: '2016-03-01', grantDate: '2018-06-01', owners: [A] });
  await givenPatent(api, { filingDate: '2016-04-01', grantDate: '2018-07-01', lapseDate: '2023-05-10', owners: [A] });
  // filed 2023 Q1, granted 2023 Q3: an application and a grant, 授权率 100 % for Q1
  await givenPatent(api, { filingDate: '2023-02-01', grantDate: '2023-08-01', owners: [creditCode(2)] });
  // filed 2023 Q1, not granted
  await givenPatent(api, { filingDate: '2023-03-01', grantDate: null });
  // a utility model filed 2013-01-15: its term ends 2023-01-15 (Q1)
  await givenPatent(api, { type: 'UTILITY_MODEL', filingDate: '2013-01-15', grantDate: '2013-09-01', owners: [A] });
  // a PCT national-phase invention (type digit 8) filed 2023 Q4 with an overseas grant in 2023 Q4
  await givenPatent(api, {
    applicationNumber: syntheticApplicationNumber(2023, 8, 4242),
    filingDate: '2023-10-10',
    grantDate: null,
    owners: [A],
  });
  await givenPatent(api, {
    filingDate: '2019-01-01',
    grantDate: '2020-01-01',
    overseasGrants: [{ jurisdiction: 'US', grantDate: '2023-11-01' }],
  });
});
afterAll(() => api.close());

const STATISTICS = `query($by: StatisticsPeriod, $from: Date!, $to: Date!) { county(code: "500231") {
  patentStatistics(from: $from, to: $to, by: $by) {
    label start end applications grants lapses expiries validInventions validInventionsPer10kResidents populationYear
    grantRate maintenanceRate maintenanceCohort averageMaintainedYears overseasGrants pctFilings
    byType { type applications grants lapses expiries valid }
    byCluster { cluster applications grants valid overseasGrants pctFilings } } } }`;

describe('patentStatistics', () => {
  it('counts by quarter, the stocks on each quarter-end', async () => {
    const { county } = await api.ok(STATISTICS, { by: 'QUARTER', from: '2023-01-01', to: '2023-12-31' });
    const rows = county.patentStatistics;
    expect(
      rows.map((r: any) => [r.label, r.start, r.end, r.applications, r.grants, r.lapses, r.expiries, r.pctFilings, r.overseasGrants]),
    ).toEqual([
      ['2023Q1', '2023-01-01', '2023-03-31', 2, 0, 0, 1, 0, 0],
      ['2023Q2', '2023-04-01', '2023-06-30', 0, 0, 1, 0, 0, 0],
      ['2023Q3', '2023-07-01', '2023-09-30', 0, 1, 0, 0, 0, 0],
      ['2023Q4', '2023-10-01', '2023-12-31', 1, 0, 0, 0, 1, 1],
    ]);
    // valid inventions on each quarter-end: the 2018 pair and the 2020 one, then one lapses, then one is granted
    expect(rows.map((r: any) => r.validInventions)).toEqual([3, 2, 3, 3]);
    expect(rows[3].validInventionsPer10kResidents).toBe(3 / 50);
    expect(rows[3].populationYear).toBe(2023);
    expect(rows[0].grantRate).toBe(50); // of the two inventions filed in Q1, one was granted by 2023-12-31
    expect(rows[1].grantRate).toBeNull();
    expect(rows[3]).toMatchObject({ maintenanceCohort: 2, maintenanceRate: 50 });
    expect(rows[0].byType).toEqual([
      { type: 'INVENTION', applications: 2, grants: 0, lapses: 0, expiries: 0, valid: 3 },
      { type: 'UTILITY_MODEL', applications: 0, grants: 0, lapses: 0, expiries: 1, valid: 0 },
    ]);
    expect(rows[3].byCluster).toEqual([
      { cluster: '新材料', applications: 1, grants: 0, valid: 1, overseasGrants: 0, pctFilings: 1 },
      { cluster: null, applications: 0, grants: 0, valid: 2, overseasGrants: 1, pctFilings: 0 },
    ]);
  });

  it('counts by year, periods cut to the range; the mean maintained years of the valid inventions', async () => {
    const { county } = await api.ok(STATISTICS, { from: '2022-07-01', to: '2023-06-30' });
    const rows = county.patentStatistics;
    expect(rows.map((r: any) => [r.label, r.start, r.end, r.applications, r.lapses, r.expiries])).toEqual([
      ['2022', '2022-07-01', '2022-12-31', 0, 0, 0],
      ['2023', '2023-01-01', '2023-06-30', 2, 1, 1],
    ]);
    // on 2023-06-30: filed 2016-03-01 and 2019-01-01
    const days = (Date.parse('2023-06-30') - Date.parse('2016-03-01') + Date.parse('2023-06-30') - Date.parse('2019-01-01')) / 86_400_000;
    expect(rows[1].averageMaintainedYears).toBeCloseTo(days / 2 / 365.25, 10);
    expect(rows[0].validInventionsPer10kResidents).toBeNull();
  });

  it('refuses a range that ends before it starts, or has too many periods', async () => {
    const backwards = await api.execute(STATISTICS, { from: '2023-01-01', to: '2022-12-31' });
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const long = await api.execute(STATISTICS, { by: 'QUARTER', from: '1950-01-01', to: '2023-12-31' });
    expect(long.errors?.[0].message).toMatch(/periods/);
  });

  it('answers a division over its counties, and several counties in the statements of one', async () => {
    const field = `patentStatistics(from: "2023-01-01", to: "2023-12-31", by: QUARTER) { applications byType { type } }`;
    const one = await api.countStatements(`{ county(code: "500231") { ${field} } }`);
    expect(await api.countStatements(`{ a: county(code: "500231") { ${field} } b: county(code: "500000") { ${field} } }`)).toBe(one);
    const { county } = await api.ok(
      `{ county(code: "500000") { patentStatistics(from: "2023-01-01", to: "2023-12-31") { applications validInventions } } }`,
    );
    expect(county.patentStatistics).toEqual([{ applications: 3, validInventions: 3 }]);
  });
});
