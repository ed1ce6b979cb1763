/**
 * The city's view (issue 15): a county code with counties below it answers every county-wide figure over itself and
 * its descendants — each patent once, each enterprise against its own county's plan or the parent's, ratios from
 * summed numerators and denominators — and indicatorComparison ranks like for like.
 */
import { givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
/** the same database, figures kept between requests */
let keeping: TestApi;
const AS_OF = '2024-06-30';

const STATISTICS = `mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { year } }`;
const statistics = (countyCode: string, year: number, figures: Record<string, unknown>) =>
  api.ok(STATISTICS, { input: { countyCode, year, ...figures } });

beforeAll(async () => {
  api = await createTestApi();
  keeping = await api.another({ figureCacheMb: 4 });
  await givenCounty(api, '500000', '重庆市');
  await givenCounty(api, '500231', '垫江县', '500000');
  await givenCounty(api, '500232', '丰都县', '500000');
  await givenPlan(api, {
    countyCode: '500000',
    startYear: 2022,
    targets: { LISTED_CULTIVATION: 5, SPECIALIZED_NEW: 3, HIGH_TECH: 2 },
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 10 },
      { kind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', target: 10 },
      { kind: 'SEI_INVENTION_PATENT_SHARE', target: 50 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 4 },
    ],
  });
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { LISTED_CULTIVATION: 3, SPECIALIZED_NEW: 2, HIGH_TECH: 1 },
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 80 },
      { kind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', target: 1.2 },
    ],
  });
  await givenPlan(api, {
    countyCode: '500232',
    startYear: 2022,
    targets: { HIGH_TECH: 1 },
    indicatorTargets: [{ kind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', target: 100 }],
  });

  // 垫江: 甲 high-tech with 2 high-value patents, 乙 specialized with none
  const a = await givenEnterprise(api, { serial: 1, name: '甲公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  await givenEnterprise(api, { serial: 2, name: '乙公司', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
  // 丰都: 丙 high-tech; owns one patent jointly with 甲, attributed to 丰都 (counts once, there)
  const c = await givenEnterprise(api, {
    serial: 3,
    name: '丙公司',
    countyCode: '500232',
    memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }],
  });
  await givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners: [a] });
  await givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners: [a] });
  await givenPatent(api, { countyCode: '500232', strategicIndustry: 'NEW_MATERIALS', owners: [c, a] });
  // a valid invention without a reason, in 丰都
  await givenPatent(api, { countyCode: '500232', filingDate: '2020-03-01', owners: [c] });

  await statistics('500231', 2023, { population: 650000 });
});
afterAll(async () => {
  await keeping.close();
  await api.close();
});

const COUNT = `query($code: ID!) { county(code: $code) { highValuePatentCount(asOf: "${AS_OF}") } }`;
const count = async (code: string, caller: { ok: TestApi['ok'] } = api) =>
  (await caller.ok<any>(COUNT, { code })).county.highValuePatentCount;

describe('highValuePatentCount of a division', () => {
  it('is the sum of its counties, each patent once, in the county it is attributed to', async () => {
    expect(await count('500231')).toBe(2);
    expect(await count('500232')).toBe(1);
    expect(await count('500000')).toBe(3);
  });

  it('is what a VIEWER of the city sees, and a change in a county shows at once through the figure cache', async () => {
    const viewer = keeping.as({ role: 'VIEWER', counties: ['500000'] });
    expect(await count('500000', viewer)).toBe(3);
    await givenPatent(api, { countyCode: '500232', strategicIndustry: 'NEW_ENERGY' });
    expect(await count('500000', viewer)).toBe(4);
    expect(await count('500232', viewer)).toBe(2);
  });
});

describe('breakthroughSummary and targetGaps of a division', () => {
  const SUMMARY = `query($y: Yardstick) { county(code: "500000") {
    breakthroughSummary(asOf: "${AS_OF}", yardstick: $y) { category target lowestTarget highestTarget enterpriseCount metCount totalGap } } }`;

  it('measures each enterprise against the plan in force in its own county by default', async () => {
    const { county } = await api.ok(SUMMARY);
    expect(county.breakthroughSummary).toEqual([
      // the city's own plan sets 5 for listed enterprises: its target; nobody is in it
      { category: 'LISTED_CULTIVATION', target: 5, lowestTarget: 3, highestTarget: 5, enterpriseCount: 0, metCount: 0, totalGap: 0 },
      { category: 'SPECIALIZED_NEW', target: 3, lowestTarget: 2, highestTarget: 3, enterpriseCount: 1, metCount: 0, totalGap: 2 },
      // 甲 (垫江, target 1) owns 3, 丙 (丰都, target 1) owns 1: both met
      { category: 'HIGH_TECH', target: 2, lowestTarget: 1, highestTarget: 2, enterpriseCount: 2, metCount: 2, totalGap: 0 },
    ]);
  });

  it("measures every enterprise against the city's 5/3/2 under PARENT_PLAN", async () => {
    const { county } = await api.ok(SUMMARY, { y: 'PARENT_PLAN' });
    expect(county.breakthroughSummary).toEqual([
      { category: 'LISTED_CULTIVATION', target: 5, lowestTarget: 5, highestTarget: 5, enterpriseCount: 0, metCount: 0, totalGap: 0 },
      { category: 'SPECIALIZED_NEW', target: 3, lowestTarget: 3, highestTarget: 3, enterpriseCount: 1, metCount: 0, totalGap: 3 },
      { category: 'HIGH_TECH', target: 2, lowestTarget: 2, highestTarget: 2, enterpriseCount: 2, metCount: 1, totalGap: 1 },
    ]);
    // a county without counties below it takes its parent's plan under PARENT_PLAN
    const { county: dianjiang } = await api.ok(`{ county(code: "500231") {
      own: breakthroughSummary(asOf: "${AS_OF}") { category target }
      city: breakthroughSummary(asOf: "${AS_OF}", yardstick: PARENT_PLAN) { category target } } }`);
    expect(dianjiang.own.map((row: any) => row.target)).toEqual([3, 2, 1]);
    expect(dianjiang.city.map((row: any) => row.target)).toEqual([5, 3, 2]);
  });

  it("lists the gap rows of every county's enterprises, each with the target applied to it", async () => {
    const GAPS = `query($y: Yardstick) { targetGaps(countyCode: "500000", asOf: "${AS_OF}", yardstick: $y, first: 10) {
      totalCount edges { node { enterprise { name county { code } } category target current gap } } } }`;
    const own = (await api.ok(GAPS)).targetGaps;
    expect(own.totalCount).toBe(3);
    expect(
      own.edges.map((e: any) => [e.node.enterprise.name, e.node.enterprise.county.code, e.node.target, e.node.current, e.node.gap]),
    ).toEqual([
      ['乙公司', '500231', 2, 0, 2],
      ['丙公司', '500232', 1, 1, 0],
      ['甲公司', '500231', 1, 3, 0],
    ]);
    const city = (await api.ok(GAPS, { y: 'PARENT_PLAN' })).targetGaps;
    expect(city.edges.map((e: any) => [e.node.enterprise.name, e.node.target, e.node.gap])).toEqual([
      ['乙公司', 3, 3],
      ['丙公司', 2, 1],
      ['甲公司', 2, 0],
    ]);
  });
});

describe('indicators of a division', () => {
  const INDICATORS = `query($code: ID!) { county(code: $code) { indicators(asOf: "${AS_OF}") {
    kind target numerator denominator actual statisticsYear missingReason } } }`;
  const byKind = async (code: string) =>
    Object.fromEntries((await api.ok(INDICATORS, { code })).county.indicators.map((row: any) => [row.kind, row]));

  it('sums counts, recomputes ratios, and names the counties whose denominator is missing', async () => {
    const rows = await byKind('500000');
    expect(rows.HIGH_VALUE_PATENTS).toMatchObject({ target: 10, numerator: 4, actual: 4 });
    // 4 SEI among 5 valid inventions of both counties: 80 %, from the summed numerator and denominator
    expect(rows.SEI_INVENTION_PATENT_SHARE).toMatchObject({ numerator: 4, denominator: 5, actual: 80 });
    expect(rows.HIGH_TECH_ENTERPRISES).toMatchObject({ actual: 2 });
    expect(rows.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({ numerator: 4, denominator: null, actual: null });
    expect(rows.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS.missingReason).toBe(
      '常住人口 population: 未报送 not reported for 2024 or any earlier year by 500232 丰都县 (the division reports none of its own)',
    );
    // a county without counties below it says only the figure
    expect((await byKind('500232')).HIGH_VALUE_PATENTS_PER_10K_RESIDENTS.missingReason).toBe(
      '常住人口 population: 未报送 not reported for 2024 or any earlier year',
    );
  });

  it("sums the counties' denominators once all report, and prefers the division's own statistics", async () => {
    await statistics('500232', 2024, { population: 350000 });
    let rows = await byKind('500000');
    // 4 ÷ ((650,000 + 350,000) ÷ 10,000); the year is the oldest summed
    expect(rows.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({
      denominator: 100,
      actual: 0.04,
      statisticsYear: 2023,
      missingReason: null,
    });
    await statistics('500000', 2024, { population: 32_000_000 });
    rows = await byKind('500000');
    expect(rows.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({ denominator: 3200, actual: 4 / 3200, statisticsYear: 2024 });
    await statistics('500000', 2024, { population: null });
  });

  it('rolls up the yearly series too', async () => {
    const { county } = await api.ok(
      `{ county(code: "500000") { indicatorSeries(kinds: [HIGH_VALUE_PATENTS]) { kind values { asOf actual } } } }`,
    );
    const [series] = county.indicatorSeries;
    expect(series.kind).toBe('HIGH_VALUE_PATENTS');
    expect(series.values.find((v: any) => v.asOf === '2024-12-31').actual).toBe(4);
  });
});

describe('indicatorComparison like for like', () => {
  const COMPARE = `query($by: ComparisonBasis, $y: Yardstick) {
    indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, asOf: "${AS_OF}", by: $by, yardstick: $y) {
      rank county { code } actual target progress statisticsYear value { target progress } } }`;

  it('ranks by progress against each own target by default', async () => {
    // 垫江 2 ÷ 65 = 0.031 against 1.2; 丰都 2 ÷ 35 = 0.057 against 100
    const rows = (await api.ok(COMPARE)).indicatorComparison;
    expect(rows.map((r: any) => [r.rank, r.county.code, r.target])).toEqual([
      [1, '500231', 1.2],
      [2, '500232', 100],
    ]);
    expect(rows[0].value.target).toBe(1.2);
  });

  it('ranks by the value itself with by: ACTUAL, and against the parent target with PARENT_PLAN', async () => {
    const actual = (await api.ok(COMPARE, { by: 'ACTUAL' })).indicatorComparison;
    expect(actual.map((r: any) => [r.rank, r.county.code, r.statisticsYear])).toEqual([
      [1, '500232', 2024],
      [2, '500231', 2023],
    ]);
    expect(actual[0].actual).toBeCloseTo(2 / 35, 10);
    const parent = (await api.ok(COMPARE, { by: 'PROGRESS', y: 'PARENT_PLAN' })).indicatorComparison;
    expect(parent.map((r: any) => [r.rank, r.county.code, r.target])).toEqual([
      [1, '500232', 10],
      [2, '500231', 10],
    ]);
    expect(parent[0].progress).toBeCloseTo(2 / 35 / 10, 10);
  });

  it('ranks a county whose plan sets no such target by its value under ACTUAL, with no IndicatorValue; ties by code', async () => {
    const rows = (
      await api.ok(`{ indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS, asOf: "${AS_OF}", by: ACTUAL) {
        rank county { code } actual target value { actual } } }`)
    ).indicatorComparison;
    expect(rows).toEqual([
      { rank: 1, county: { code: '500231' }, actual: 2, target: 80, value: { actual: 2 } },
      { rank: 1, county: { code: '500232' }, actual: 2, target: null, value: null },
    ]);
  });
});

describe('statements of the city view (no N+1)', () => {
  const SUMMARY = `{ counties { code highValuePatentCount(asOf: "${AS_OF}") breakthroughSummary(asOf: "${AS_OF}") { category totalGap }
    indicators(asOf: "${AS_OF}") { kind actual } } }`;

  it('answers every county and the city in as many statements with six counties as with three, kept or not', async () => {
    const before = await api.countStatements(SUMMARY);
    const keptBefore = await keeping.countStatements(SUMMARY);
    for (const code of ['500233', '500234', '500235']) {
      await givenCounty(api, code, `县${code}`, '500000');
      await givenPlan(api, { countyCode: code, startYear: 2022, indicatorTargets: [{ kind: 'HIGH_VALUE_PATENTS', target: 1 }] });
      await givenPatent(api, { countyCode: code, strategicIndustry: 'NEW_ENERGY' });
    }
    expect(await api.countStatements(SUMMARY)).toBe(before);
    expect(await keeping.countStatements(SUMMARY)).toBe(keptBefore);
    // the second time from memory: only the versions (and the transaction) are read
    expect(await keeping.countStatements(SUMMARY)).toBeLessThan(keptBefore);
    expect(await count('500000')).toBe(7);
  });
});
