import { INDICATOR_KINDS } from '../src/indicator/indicator-kind';
import { creditCode, givenCounty, givenEnterprise, givenPatent, givenPlan, givenPledge } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

/** Plan indicators (contract README "Indicators" and the kinds defined in the schema), on small built data. */

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500000', '重庆市');
});
afterAll(() => api.close());

const VALUE = `kind name unit target actual progress met numerator denominator statisticsYear baseline baselineYear missingReason asOf`;

interface Value {
  kind: string;
  name: string;
  unit: string;
  target: number;
  actual: number | null;
  progress: number | null;
  met: boolean | null;
  numerator: number | null;
  denominator: number | null;
  statisticsYear: number | null;
  baseline: number | null;
  baselineYear: number | null;
  missingReason: string | null;
  asOf: string;
}

async function indicators(code: string, asOf: string): Promise<Value[]> {
  const data = await api.ok(`query($code: ID!, $asOf: Date) { county(code: $code) { indicators(asOf: $asOf) { ${VALUE} } } }`, {
    code,
    asOf,
  });
  return data.county.indicators;
}

async function indicatorMap(code: string, asOf: string): Promise<Record<string, Value>> {
  return Object.fromEntries((await indicators(code, asOf)).map((value) => [value.kind, value]));
}

async function setStatistics(input: Record<string, unknown>) {
  await api.ok(`mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { year } }`, { input });
}

async function givenPlatform(input: Record<string, unknown>) {
  return (
    await api.ok(`mutation($input: InnovationPlatformInput!) { upsertInnovationPlatform(input: $input) { id name validTo } }`, {
      input: { kind: 'ENTERPRISE_TECHNOLOGY_CENTER', level: 'MUNICIPAL', ...input },
    })
  ).upsertInnovationPlatform;
}

async function givenLoan(enterpriseCreditCode: string, amount: string, grantedOn: string) {
  await api.ok(`mutation($input: KnowledgeValueLoanInput!) { recordKnowledgeValueLoan(input: $input) { id } }`, {
    input: { enterpriseCreditCode, lender: '示例银行', amount, grantedOn },
  });
}

const targets = (entries: Record<string, number>) => Object.entries(entries).map(([kind, target]) => ({ kind, target }));

describe('the eight contract kinds', () => {
  const A = '500101';
  const B = '500102';
  const asOf = '2024-06-30';

  beforeAll(async () => {
    await givenCounty(api, A, '测试县甲', '500000');
    await givenCounty(api, B, '测试县乙', '500000');
    // targets given in reverse order: rows still come in the enum's order
    await givenPlan(api, {
      countyCode: A,
      startYear: 2022,
      indicatorTargets: targets({
        SPECIALIZED_NEW_ENTERPRISES: 5,
        HIGH_TECH_ENTERPRISES: 2,
        SEI_INVENTION_PATENT_SHARE: 20,
        SEI_INVENTION_PATENTS: 1,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: 0.5,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: 1,
        HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: 0.1,
        HIGH_VALUE_PATENTS: 4,
      }),
    });
    await setStatistics({ countyCode: A, year: 2022, population: 150000 });
    await setStatistics({ countyCode: A, year: 2023, population: 200000, gdp: '4000000000.00', rdInvestment: '100000000.00' });
    await setStatistics({ countyCode: A, year: 2025, population: 1, gdp: '1.00', rdInvestment: '1.00' });

    const granted = { filingDate: '2019-03-01', grantDate: '2021-01-01' };
    await givenPatent(api, { countyCode: A, ...granted, strategicIndustry: 'NEW_MATERIALS' }); // high-value, SEI
    await givenPatent(api, { countyCode: A, ...granted, overseasGrants: [{ jurisdiction: 'US', grantDate: '2022-02-01' }] }); // high-value
    await givenPatent(api, { countyCode: A, ...granted }); // valid invention, not high-value
    await givenPatent(api, { countyCode: A, ...granted, strategicIndustry: 'NEW_MATERIALS', lapseDate: '2023-01-01' }); // lapsed
    await givenPatent(api, { countyCode: A, type: 'UTILITY_MODEL', ...granted, strategicIndustry: 'NEW_MATERIALS' }); // not an invention
    await givenPatent(api, { countyCode: A, filingDate: '2023-01-01', grantDate: null, strategicIndustry: 'NEW_MATERIALS' }); // pending
    await givenPatent(api, { countyCode: B, ...granted, strategicIndustry: 'NEW_MATERIALS' }); // another county

    await givenEnterprise(api, {
      serial: 1,
      countyCode: A,
      memberships: [
        { category: 'HIGH_TECH', validFrom: '2023-01-01' },
        { category: 'SPECIALIZED_NEW', validFrom: '2019-01-01' },
        { category: 'SPECIALIZED_NEW', validFrom: '2022-01-01' },
      ],
    });
    await givenEnterprise(api, {
      serial: 2,
      countyCode: A,
      memberships: [{ category: 'HIGH_TECH', validFrom: '2020-01-01', validTo: '2022-12-31' }],
    });
    await givenEnterprise(api, {
      serial: 3,
      countyCode: A,
      memberships: [
        { category: 'HIGH_TECH', validFrom: '2024-07-01' },
        { category: 'SPECIALIZED_NEW', validFrom: '2024-07-01' },
      ],
    });
    await givenEnterprise(api, {
      serial: 4,
      countyCode: A,
      memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2020-01-01', validTo: '2020-12-31' }],
    });
    await givenEnterprise(api, { serial: 5, countyCode: A, memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2024-06-30' }] });
    // three years from 2021-07-01: valid through 2024-06-30, the day asked about
    await givenEnterprise(api, { serial: 6, countyCode: A, memberships: [{ category: 'HIGH_TECH', validFrom: '2021-07-01' }] });
    await givenEnterprise(api, {
      serial: 7,
      countyCode: B,
      memberships: [
        { category: 'HIGH_TECH', validFrom: '2023-01-01' },
        { category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' },
      ],
    });
  });

  it('lists one row per target in the enum order, with names and units', async () => {
    const values = await indicators(A, asOf);
    expect(values.map((value) => value.kind)).toEqual(INDICATOR_KINDS.slice(0, 8));
    expect(values[0]).toMatchObject({ name: '高价值发明专利拥有量', unit: '件', asOf });
    expect(values[1]).toMatchObject({ name: '万人高价值发明专利拥有量', unit: '件/万人' });
    expect(values[5]).toMatchObject({ unit: '%' });
  });

  it('HIGH_VALUE_PATENTS is the county high-value count', async () => {
    const { HIGH_VALUE_PATENTS: value } = await indicatorMap(A, asOf);
    const count = (await api.ok(`{ county(code: "${A}") { highValuePatentCount(asOf: "${asOf}") } }`)).county.highValuePatentCount;
    expect(count).toBe(2);
    expect(value).toMatchObject({
      target: 4,
      actual: 2,
      numerator: 2,
      denominator: null,
      progress: 0.5,
      met: false,
      statisticsYear: null,
      missingReason: null,
    });
  });

  it('the ratios divide by population / 10,000, R&D / 1e8 and GDP / 1e8 of the latest year up to asOf', async () => {
    const values = await indicatorMap(A, asOf);
    expect(values.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({ numerator: 2, denominator: 20, statisticsYear: 2023, met: true });
    expect(values.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS.actual).toBeCloseTo(0.1, 12);
    expect(values.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS.progress).toBeCloseTo(1, 12);
    expect(values.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD).toMatchObject({
      numerator: 2,
      denominator: 1,
      actual: 2,
      progress: 2,
      met: true,
      statisticsYear: 2023,
    });
    expect(values.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP).toMatchObject({ numerator: 2, denominator: 40, statisticsYear: 2023, met: false });
    expect(values.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP.actual).toBeCloseTo(0.05, 12);
    expect(values.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP.progress).toBeCloseTo(0.1, 12);
  });

  it('SEI_INVENTION_PATENTS counts valid SEI inventions; the share divides by all valid inventions, in percent', async () => {
    const values = await indicatorMap(A, asOf);
    expect(values.SEI_INVENTION_PATENTS).toMatchObject({ actual: 1, numerator: 1, progress: 1, met: true });
    expect(values.SEI_INVENTION_PATENT_SHARE).toMatchObject({ numerator: 1, denominator: 3, met: true, missingReason: null });
    expect(values.SEI_INVENTION_PATENT_SHARE.actual).toBeCloseTo(100 / 3, 10);
    expect(values.SEI_INVENTION_PATENT_SHARE.progress).toBeCloseTo(100 / 3 / 20, 10);
  });

  it('HIGH_TECH_ENTERPRISES counts only memberships valid on asOf', async () => {
    const values = await indicatorMap(A, asOf);
    expect(values.HIGH_TECH_ENTERPRISES).toMatchObject({ actual: 2, progress: 1, met: true });
    // the day after, the membership from 2021-07-01 has ended
    expect((await indicatorMap(A, '2024-07-01')).HIGH_TECH_ENTERPRISES.actual).toBe(2); // and the one from 2024-07-01 began
    expect((await indicatorMap(A, '2023-06-30')).HIGH_TECH_ENTERPRISES.actual).toBe(2); // serial 1 and 6
    expect((await indicatorMap(A, '2022-06-30')).HIGH_TECH_ENTERPRISES.actual).toBe(2); // serial 2 and 6
    expect((await indicatorMap(A, '2026-01-01')).HIGH_TECH_ENTERPRISES.actual).toBe(1); // serial 3 only
  });

  it('SPECIALIZED_NEW_ENTERPRISES is cumulative: an expired membership still counts, an enterprise once', async () => {
    const values = await indicatorMap(A, asOf);
    expect(values.SPECIALIZED_NEW_ENTERPRISES).toMatchObject({ actual: 3, met: false });
    expect(values.SPECIALIZED_NEW_ENTERPRISES.progress).toBeCloseTo(0.6, 12);
    expect((await indicatorMap(A, '2024-07-01')).SPECIALIZED_NEW_ENTERPRISES.actual).toBe(4);
    expect((await indicatorMap(A, '2022-01-01')).SPECIALIZED_NEW_ENTERPRISES.actual).toBe(2);
  });

  it('a county without a plan in force has no rows', async () => {
    expect(await indicators(B, asOf)).toEqual([]);
    expect(await indicators(A, '2021-12-31')).toEqual([]); // before the plan started
  });
});

describe('statistics years and missing figures', () => {
  const C = '500103';

  beforeAll(async () => {
    await givenCounty(api, C, '测试县丙', '500000');
    await givenPlan(api, {
      countyCode: C,
      startYear: 2022,
      indicatorTargets: targets({
        HIGH_VALUE_PATENTS: 1,
        HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: 1,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: 1,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: 1,
        SEI_INVENTION_PATENT_SHARE: 10,
        HIGH_TECH_ENTERPRISES: 0,
      }),
    });
    await setStatistics({ countyCode: C, year: 2022, population: 100000, gdp: '1000000000.00' });
    await setStatistics({ countyCode: C, year: 2023, gdp: '2000000000.00' });
    await givenPatent(api, {
      countyCode: C,
      filingDate: '2019-01-01',
      grantDate: '2021-01-01',
      awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2021 }],
    });
  });

  it('falls back to the latest earlier year that has the figure, figure by figure', async () => {
    const values = await indicatorMap(C, '2023-12-31');
    expect(values.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({
      numerator: 1,
      denominator: 10,
      statisticsYear: 2022,
      missingReason: null,
    });
    expect(values.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS.actual).toBeCloseTo(0.1, 12);
    expect(values.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP).toMatchObject({
      numerator: 1,
      denominator: 20,
      actual: 0.05,
      statisticsYear: 2023,
    });
    const earlier = await indicatorMap(C, '2022-12-31');
    expect(earlier.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP).toMatchObject({ denominator: 10, actual: 0.1, statisticsYear: 2022 });
  });

  it('a missing denominator gives null actual, progress and met, and names the figure', async () => {
    const { HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: value } = await indicatorMap(C, '2023-12-31');
    expect(value).toMatchObject({
      target: 1,
      numerator: 1,
      denominator: null,
      actual: null,
      progress: null,
      met: null,
      statisticsYear: null,
    });
    expect(value.missingReason).toContain('研发经费投入');
    expect(value.missingReason).toContain('2023');
  });

  it('a share without any valid invention patent is missing, not a division by zero', async () => {
    const { SEI_INVENTION_PATENT_SHARE: value } = await indicatorMap(C, '2022-01-01');
    // on 2022-01-01 the one invention is valid: 0 of 1
    expect(value).toMatchObject({ actual: 0, denominator: 1, met: false, progress: 0 });
    await givenCounty(api, '500109', '测试县空', '500000');
    await givenPlan(api, { countyCode: '500109', startYear: 2022, indicatorTargets: targets({ SEI_INVENTION_PATENT_SHARE: 10 }) });
    const [empty] = await indicators('500109', '2023-01-01');
    expect(empty).toMatchObject({
      kind: 'SEI_INVENTION_PATENT_SHARE',
      numerator: 0,
      denominator: 0,
      actual: null,
      progress: null,
      met: null,
    });
    expect(empty.missingReason).toContain('有效发明专利');
  });

  it('a zero target has no progress and is met by any actual', async () => {
    const { HIGH_TECH_ENTERPRISES: value } = await indicatorMap(C, '2023-12-31');
    expect(value).toMatchObject({ target: 0, actual: 0, progress: null, met: true });
  });
});

describe('the kinds defined in the schema', () => {
  const D = '500104';
  const asOf = '2024-06-30';
  let de1: string;
  let de2: string;
  let other: string;

  beforeAll(async () => {
    await givenCounty(api, D, '测试县丁', '500000');
    await givenCounty(api, '500108', '测试县戊', '500000');
    await givenPlan(api, {
      countyCode: D,
      startYear: 2022,
      indicatorTargets: targets({
        INNOVATION_PLATFORMS: 4,
        NEW_HIGH_VALUE_PATENTS: 2,
        PLEDGE_FINANCING_AMOUNT: 10_000_000,
        KNOWLEDGE_VALUE_LOANS: 200_000_000,
        RD_INVESTMENT_GROWTH: 15,
        SEI_OUTPUT_VALUE: 2_700_000_000,
        IP_SERVICE_AGENCIES: 2,
        PATENT_SERVICE_PRACTITIONERS: 20,
      }),
    });
    de1 = await givenEnterprise(api, { serial: 41, countyCode: D });
    de2 = await givenEnterprise(api, { serial: 42, countyCode: D });
    other = await givenEnterprise(api, { serial: 43, countyCode: '500108' });

    const sei = { countyCode: D, filingDate: '2019-01-01', strategicIndustry: 'NEW_MATERIALS' };
    const p1 = await givenPatent(api, { ...sei, grantDate: '2021-01-01', owners: [de1] }); // high-value at both ends
    await givenPatent(api, { ...sei, grantDate: '2021-01-01', lapseDate: '2023-01-01' }); // only at the baseline
    await givenPatent(api, { ...sei, grantDate: '2022-05-01' }); // only on asOf
    await givenPatent(api, {
      countyCode: D,
      filingDate: '2019-01-01',
      grantDate: '2021-01-01',
      awards: [{ kind: 'NATIONAL_SCIENCE_TECHNOLOGY', year: 2023 }],
    });

    await givenPlatform({ enterpriseCreditCode: de1, name: '甲平台', recognisedOn: '2022-03-01' });
    await givenPlatform({ enterpriseCreditCode: de1, name: '乙平台', recognisedOn: '2024-07-01', level: 'NATIONAL' });
    await givenPlatform({
      enterpriseCreditCode: de2,
      name: '丙平台',
      recognisedOn: '2020-01-01',
      validTo: '2023-12-31',
      kind: 'KEY_LABORATORY',
    });
    await givenPlatform({ enterpriseCreditCode: de2, name: '丁平台', recognisedOn: '2019-01-01', validTo: '2024-06-30', level: 'COUNTY' });
    await givenPlatform({ enterpriseCreditCode: other, name: '外县平台', recognisedOn: '2019-01-01' });

    await givenPledge(api, de1, '5000000.00', '2021-12-31', [p1]);
    await givenPledge(api, de1, '1000000.00', '2022-01-01', [p1]);
    await givenPledge(api, de2, '2500000.50', '2024-06-30', [p1]);
    await givenPledge(api, de1, '3000000.00', '2024-07-01', [p1]);
    await givenPledge(api, other, '9000000.00', '2023-01-01', [p1]);

    await givenLoan(de1, '10000000.00', '2021-06-01');
    await givenLoan(de1, '20000000.00', '2022-01-01');
    await givenLoan(de2, '30000000.00', '2024-06-30');
    await givenLoan(de2, '40000000.00', '2024-07-01');
    await givenLoan(other, '50000000.00', '2023-01-01');

    await setStatistics({ countyCode: D, year: 2021, rdInvestment: '100000000.00' });
    await setStatistics({ countyCode: D, year: 2022, seiOutputValue: '1500000000.00', ipServiceAgencies: 2 });
    await setStatistics({
      countyCode: D,
      year: 2023,
      rdInvestment: '121000000.00',
      seiOutputValue: '1800000000.00',
      patentServicePractitioners: 15,
    });
  });

  it('INNOVATION_PLATFORMS counts platforms of the county recognised by asOf and valid on it', async () => {
    const values = await indicatorMap(D, asOf);
    expect(values.INNOVATION_PLATFORMS).toMatchObject({ actual: 2, numerator: 2, progress: 0.5, met: false });
    expect((await indicatorMap(D, '2024-07-01')).INNOVATION_PLATFORMS.actual).toBe(2); // 乙 begins, 丁 ended
    expect((await indicatorMap(D, '2023-12-31')).INNOVATION_PLATFORMS.actual).toBe(3);
  });

  it('NEW_HIGH_VALUE_PATENTS is the count on asOf minus the count on the last day before the plan', async () => {
    const { NEW_HIGH_VALUE_PATENTS: value } = await indicatorMap(D, asOf);
    expect(value).toMatchObject({ actual: 1, numerator: 3, baseline: 2, baselineYear: 2021, progress: 0.5, met: false });
  });

  it('NEW_HIGH_VALUE_PATENTS shows a net loss as a negative number', async () => {
    await givenCounty(api, '500105', '测试县己', '500000');
    await givenPlan(api, { countyCode: '500105', startYear: 2022, indicatorTargets: targets({ NEW_HIGH_VALUE_PATENTS: 2 }) });
    for (let i = 0; i < 2; i++) {
      await givenPatent(api, {
        countyCode: '500105',
        filingDate: '2019-01-01',
        grantDate: '2021-01-01',
        lapseDate: '2022-06-01',
        strategicIndustry: 'NEW_ENERGY',
      });
    }
    const [value] = await indicators('500105', '2023-01-01');
    expect(value).toMatchObject({ kind: 'NEW_HIGH_VALUE_PATENTS', actual: -2, baseline: 2, numerator: 0, progress: -1, met: false });
  });

  it("PLEDGE_FINANCING_AMOUNT sums the county enterprises' registrations from the plan start to asOf", async () => {
    const { PLEDGE_FINANCING_AMOUNT: value } = await indicatorMap(D, asOf);
    expect(value).toMatchObject({ actual: 3500000.5, numerator: 3500000.5, met: false });
    expect(value.progress).toBeCloseTo(0.35000005, 12);
  });

  it('KNOWLEDGE_VALUE_LOANS sums the loans granted from the plan start to asOf', async () => {
    const { KNOWLEDGE_VALUE_LOANS: value } = await indicatorMap(D, asOf);
    expect(value).toMatchObject({ actual: 50_000_000, progress: 0.25, met: false });
    const loans = await api.ok(
      `{ enterprise(creditCode: "${de2}") { knowledgeValueLoans { amount grantedOn enterprise { creditCode } } } }`,
    );
    expect(loans.enterprise.knowledgeValueLoans).toEqual([
      { amount: '40000000.00', grantedOn: '2024-07-01', enterprise: { creditCode: de2 } },
      { amount: '30000000.00', grantedOn: '2024-06-30', enterprise: { creditCode: de2 } },
    ]);
  });

  it('RD_INVESTMENT_GROWTH is the compound annual growth from the year before the plan to the latest year', async () => {
    const { RD_INVESTMENT_GROWTH: value } = await indicatorMap(D, asOf);
    expect(value).toMatchObject({
      numerator: 121_000_000,
      denominator: 100_000_000,
      baseline: 100_000_000,
      baselineYear: 2021,
      statisticsYear: 2023,
      met: false,
      missingReason: null,
    });
    expect(value.actual).toBeCloseTo(10, 10);
    // in 2022 no year after the base year has reported yet
    const early = (await indicatorMap(D, '2022-06-30')).RD_INVESTMENT_GROWTH;
    expect(early).toMatchObject({ actual: null, progress: null, met: null });
    expect(early.missingReason).toContain('研发经费投入');
  });

  it('RD_INVESTMENT_GROWTH is missing without the base year', async () => {
    await givenCounty(api, '500106', '测试县庚', '500000');
    await givenPlan(api, { countyCode: '500106', startYear: 2022, indicatorTargets: targets({ RD_INVESTMENT_GROWTH: 15 }) });
    await setStatistics({ countyCode: '500106', year: 2020, rdInvestment: '100000000.00' });
    await setStatistics({ countyCode: '500106', year: 2023, rdInvestment: '200000000.00' });
    const [value] = await indicators('500106', asOf);
    expect(value).toMatchObject({ actual: null, progress: null, met: null, baselineYear: 2021, baseline: null });
    expect(value.missingReason).toContain('2021');
  });

  it('the reported figures come from the latest year up to asOf, each on its own', async () => {
    const values = await indicatorMap(D, asOf);
    expect(values.SEI_OUTPUT_VALUE).toMatchObject({ actual: 1_800_000_000, statisticsYear: 2023, met: false });
    expect(values.SEI_OUTPUT_VALUE.progress).toBeCloseTo(2 / 3, 12);
    expect(values.IP_SERVICE_AGENCIES).toMatchObject({ actual: 2, statisticsYear: 2022, progress: 1, met: true });
    expect(values.PATENT_SERVICE_PRACTITIONERS).toMatchObject({ actual: 15, statisticsYear: 2023, progress: 0.75, met: false });
    const early = await indicatorMap(D, '2022-12-31');
    expect(early.PATENT_SERVICE_PRACTITIONERS).toMatchObject({ actual: null, met: null, progress: null });
    expect(early.PATENT_SERVICE_PRACTITIONERS.missingReason).toContain('专利综合服务从业人员');
  });

  it('an upsert of a platform replaces it, keyed by enterprise and name', async () => {
    const before = (await indicatorMap(D, asOf)).INNOVATION_PLATFORMS.actual;
    await givenPlatform({ enterpriseCreditCode: de1.toLowerCase(), name: ' 甲平台 ', recognisedOn: '2022-03-01', validTo: '2023-12-31' });
    expect((await indicatorMap(D, asOf)).INNOVATION_PLATFORMS.actual).toBe(before! - 1);
    const platforms = await api.ok(`{ enterprise(creditCode: "${de1}") { innovationPlatforms { name kind level recognisedOn validTo } } }`);
    expect(platforms.enterprise.innovationPlatforms).toEqual([
      { name: '甲平台', kind: 'ENTERPRISE_TECHNOLOGY_CENTER', level: 'MUNICIPAL', recognisedOn: '2022-03-01', validTo: '2023-12-31' },
      { name: '乙平台', kind: 'ENTERPRISE_TECHNOLOGY_CENTER', level: 'NATIONAL', recognisedOn: '2024-07-01', validTo: null },
    ]);
    await givenPlatform({ enterpriseCreditCode: de1, name: '甲平台', recognisedOn: '2022-03-01' });
  });
});

describe('indicatorSeries', () => {
  const S = '500107';
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));

  beforeAll(async () => {
    await givenCounty(api, S, '测试县辛', '500000');
    await givenPlan(api, {
      countyCode: S,
      startYear: thisYear - 2,
      endYear: thisYear + 1,
      indicatorTargets: targets({ HIGH_VALUE_PATENTS: 3, HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: 1, HIGH_TECH_ENTERPRISES: 1 }),
    });
    const sei = { countyCode: S, filingDate: `${thisYear - 3}-01-01`, strategicIndustry: 'BIOTECHNOLOGY' };
    await givenPatent(api, { ...sei, grantDate: `${thisYear - 2}-06-01` });
    await givenPatent(api, { ...sei, grantDate: `${thisYear - 1}-06-01` });
    await givenPatent(api, { ...sei, grantDate: `${thisYear}-01-01` });
    await setStatistics({ countyCode: S, year: thisYear - 2, population: 10000 });
    await setStatistics({ countyCode: S, year: thisYear - 1, population: 20000 });
  });

  it('evaluates each indicator at the end of each year of the plan, today for this year', async () => {
    const data = await api.ok(
      `{ county(code: "${S}") { indicatorSeries { kind name unit target values { asOf actual statisticsYear met } } } }`,
    );
    const series = data.county.indicatorSeries;
    expect(series.map((s: { kind: string }) => s.kind)).toEqual([
      'HIGH_VALUE_PATENTS',
      'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS',
      'HIGH_TECH_ENTERPRISES',
    ]);
    const days = [`${thisYear - 2}-12-31`, `${thisYear - 1}-12-31`, today];
    expect(series[0]).toEqual({
      kind: 'HIGH_VALUE_PATENTS',
      name: '高价值发明专利拥有量',
      unit: '件',
      target: 3,
      values: [
        { asOf: days[0], actual: 1, statisticsYear: null, met: false },
        { asOf: days[1], actual: 2, statisticsYear: null, met: false },
        { asOf: days[2], actual: 3, statisticsYear: null, met: true },
      ],
    });
    expect(series[1].values).toEqual([
      { asOf: days[0], actual: 1, statisticsYear: thisYear - 2, met: true },
      { asOf: days[1], actual: 1, statisticsYear: thisYear - 1, met: true },
      { asOf: days[2], actual: 1.5, statisticsYear: thisYear - 1, met: true },
    ]);
  });

  it('keeps only the kinds asked for, and is empty without a plan', async () => {
    const data = await api.ok(`{ county(code: "${S}") { indicatorSeries(kinds: [HIGH_TECH_ENTERPRISES]) { kind values { actual } } } }`);
    expect(data.county.indicatorSeries).toEqual([{ kind: 'HIGH_TECH_ENTERPRISES', values: [{ actual: 0 }, { actual: 0 }, { actual: 0 }] }]);
    const none = await api.ok(`{ county(code: "500000") { indicatorSeries { kind } } }`);
    expect(none.county.indicatorSeries).toEqual([]);
  });
});

describe('indicatorComparison', () => {
  beforeAll(async () => {
    await givenCounty(api, '510000', '测试市');
    const children: [string, number | null, number][] = [
      ['510101', 10, 5],
      ['510102', 4, 2],
      ['510103', 2, 3],
      ['510104', null, 1],
      ['510105', 8, 4],
    ];
    for (const [code, target, patents] of children) {
      await givenCounty(api, code, `测试区${code}`, '510000');
      if (target !== null)
        await givenPlan(api, { countyCode: code, startYear: 2022, indicatorTargets: targets({ HIGH_VALUE_PATENTS: target }) });
      for (let i = 0; i < patents; i++) {
        await givenPatent(api, { countyCode: code, filingDate: '2019-01-01', grantDate: '2021-01-01', strategicIndustry: 'NEW_ENERGY' });
      }
    }
    await givenCounty(api, '510199', '孙级单位', '510101'); // not a direct child
  });

  it('ranks the direct children by progress, equal progress sharing a rank, counties without progress last', async () => {
    const data = await api.ok(`{ indicatorComparison(parentCode: "510000", kind: HIGH_VALUE_PATENTS, asOf: "2024-06-30") {
      rank county { code parentCode } value { actual target progress } } }`);
    expect(data.indicatorComparison).toEqual([
      { rank: 1, county: { code: '510103', parentCode: '510000' }, value: { actual: 3, target: 2, progress: 1.5 } },
      { rank: 2, county: { code: '510101', parentCode: '510000' }, value: { actual: 5, target: 10, progress: 0.5 } },
      { rank: 2, county: { code: '510102', parentCode: '510000' }, value: { actual: 2, target: 4, progress: 0.5 } },
      { rank: 2, county: { code: '510105', parentCode: '510000' }, value: { actual: 4, target: 8, progress: 0.5 } },
      { rank: null, county: { code: '510104', parentCode: '510000' }, value: null },
    ]);
  });

  it('is empty for a parent without counties', async () => {
    const data = await api.ok(`{ indicatorComparison(parentCode: "599999", kind: HIGH_VALUE_PATENTS) { rank } }`);
    expect(data.indicatorComparison).toEqual([]);
  });
});

describe('Plan.consistency', () => {
  const DJ = '500231';

  beforeAll(async () => {
    await givenCounty(api, DJ, '垫江县', '500000');
    await setStatistics({ countyCode: DJ, year: 2021, population: 649900, gdp: '50260000000.00' });
    await givenPlan(api, {
      countyCode: DJ,
      startYear: 2022,
      endYear: 2024,
      indicatorTargets: targets({
        HIGH_VALUE_PATENTS: 80,
        HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: 1.2,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: 16,
        HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: 0.5,
        SEI_INVENTION_PATENTS: 40,
        SEI_INVENTION_PATENT_SHARE: 20,
      }),
    });
    for (let i = 0; i < 5; i++) await givenPatent(api, { countyCode: DJ, filingDate: '2019-01-01', grantDate: '2021-01-01' });
  });

  it('turns each ratio target into the total it implies and flags a difference beyond 10%', async () => {
    const data = await api.ok(`{ county(code: "${DJ}") { plan(year: 2023) { consistency {
      ratioKind ratioTarget totalKind totalTarget asOf denominator statisticsYear impliedTotal difference relativeDifference
      consistent bindingKind missingReason explanation } } } }`);
    const [perResidents, perRd, perGdp, share] = data.county.plan.consistency;
    expect(perResidents).toMatchObject({
      ratioKind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS',
      totalKind: 'HIGH_VALUE_PATENTS',
      totalTarget: 80,
      asOf: '2024-12-31',
      denominator: 64.99,
      statisticsYear: 2021,
      consistent: true,
      bindingKind: 'HIGH_VALUE_PATENTS',
      missingReason: null,
    });
    expect(perResidents.impliedTotal).toBeCloseTo(77.988, 9);
    expect(perRd).toMatchObject({
      ratioKind: 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD',
      impliedTotal: null,
      consistent: null,
      bindingKind: null,
    });
    expect(perRd.missingReason).toContain('研发经费投入');
    expect(perGdp).toMatchObject({
      ratioKind: 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
      ratioTarget: 0.5,
      denominator: 502.6,
      statisticsYear: 2021,
      consistent: false,
      bindingKind: 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
    });
    expect(perGdp.impliedTotal).toBeCloseTo(251.3, 9);
    expect(perGdp.difference).toBeCloseTo(171.3, 9);
    expect(perGdp.relativeDifference).toBeCloseTo(2.14125, 9);
    expect(perGdp.explanation).toContain('251.3');
    expect(share).toMatchObject({
      ratioKind: 'SEI_INVENTION_PATENT_SHARE',
      totalKind: 'SEI_INVENTION_PATENTS',
      totalTarget: 40,
      denominator: 0.05,
      impliedTotal: 1,
      consistent: false,
      bindingKind: 'SEI_INVENTION_PATENTS',
    });
  });

  it('takes the statistics of the year of asOf when asked, and says when the plan has no total target', async () => {
    await setStatistics({ countyCode: DJ, year: 2023, gdp: '16000000000.00' });
    const data = await api.ok(
      `{ county(code: "${DJ}") { plan(year: 2023) { consistency(asOf: "2023-06-30") { ratioKind impliedTotal statisticsYear consistent } } } }`,
    );
    expect(data.county.plan.consistency[2]).toEqual({
      ratioKind: 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
      impliedTotal: 80,
      statisticsYear: 2023,
      consistent: true,
    });

    await givenCounty(api, '500110', '测试县壬', '500000');
    await setStatistics({ countyCode: '500110', year: 2022, population: 100000 });
    await givenPlan(api, { countyCode: '500110', startYear: 2022, indicatorTargets: targets({ HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: 2 }) });
    const other = await api.ok(
      `{ county(code: "500110") { plan(year: 2022) { consistency { impliedTotal totalTarget consistent missingReason } } } }`,
    );
    expect(other.county.plan.consistency).toEqual([
      { impliedTotal: 20, totalTarget: null, consistent: null, missingReason: expect.stringContaining('HIGH_VALUE_PATENTS') },
    ]);
  });
});

describe('mutations', () => {
  const M = '500111';
  let enterprise: string;

  beforeAll(async () => {
    await givenCounty(api, M, '测试县癸', '500000');
    enterprise = await givenEnterprise(api, { serial: 91, countyCode: M });
  });

  const counts = async () =>
    (
      await api.sql(`SELECT (SELECT count(*) FROM innovation_platform)::int AS platforms, (SELECT count(*) FROM knowledge_value_loan)::int AS loans,
                           (SELECT count(*) FROM county_statistics)::int AS statistics`)
    )[0];

  async function refused(mutation: string, input: Record<string, unknown>, field: string) {
    const before = await counts();
    const error = await expectRefused(api, mutation, { input }, field);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  }

  const PLATFORM = `mutation($input: InnovationPlatformInput!) { upsertInnovationPlatform(input: $input) { id } }`;
  const LOAN = `mutation($input: KnowledgeValueLoanInput!) { recordKnowledgeValueLoan(input: $input) { id } }`;
  const STATISTICS = `mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { year } }`;
  const platform = () => ({
    enterpriseCreditCode: enterprise,
    name: '研发中心',
    kind: 'OTHER',
    level: 'COUNTY',
    recognisedOn: '2023-01-01',
  });
  const loan = () => ({ enterpriseCreditCode: enterprise, lender: '示例银行', amount: '1000000.00', grantedOn: '2023-01-01' });

  it('refuses a platform whose validTo is before recognisedOn, or a blank name', async () => {
    await refused(PLATFORM, { ...platform(), validTo: '2022-12-31' }, 'input.validTo');
    await refused(PLATFORM, { ...platform(), name: '  ' }, 'input.name');
  });

  it('refuses an unknown enterprise or a bad check character', async () => {
    await refused(PLATFORM, { ...platform(), enterpriseCreditCode: creditCode(99, M) }, 'input.enterpriseCreditCode');
    await refused(LOAN, { ...loan(), enterpriseCreditCode: creditCode(99, M) }, 'input.enterpriseCreditCode');
    const bad = enterprise.slice(0, 17) + (enterprise[17] === '0' ? '1' : '0');
    await refused(LOAN, { ...loan(), enterpriseCreditCode: bad }, 'input.enterpriseCreditCode');
  });

  it('refuses a non-positive loan amount or a blank lender', async () => {
    await refused(LOAN, { ...loan(), amount: '0' }, 'input.amount');
    await refused(LOAN, { ...loan(), amount: '-5.00' }, 'input.amount');
    await refused(LOAN, { ...loan(), lender: '' }, 'input.lender');
  });

  it('refuses negative reported figures', async () => {
    await refused(STATISTICS, { countyCode: M, year: 2023, ipServiceAgencies: -1 }, 'input.ipServiceAgencies');
    await refused(STATISTICS, { countyCode: M, year: 2023, patentServicePractitioners: -3 }, 'input.patentServicePractitioners');
    await refused(STATISTICS, { countyCode: M, year: 2023, seiOutputValue: '-1.00' }, 'input.seiOutputValue');
  });

  it('keeps reported figures that are not given, and clears those given as null', async () => {
    const FIELDS = `population seiOutputValue ipServiceAgencies patentServicePractitioners`;
    const set = async (input: Record<string, unknown>) =>
      (
        await api.ok(`mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { ${FIELDS} } }`, {
          input: { countyCode: M, year: 2024, ...input },
        })
      ).setCountyStatistics;
    expect(await set({ seiOutputValue: '2700000000.00', ipServiceAgencies: 0, patentServicePractitioners: 20 })).toEqual({
      population: null,
      seiOutputValue: '2700000000.00',
      ipServiceAgencies: 0,
      patentServicePractitioners: 20,
    });
    expect(await set({ population: 5000 })).toEqual({
      population: 5000,
      seiOutputValue: '2700000000.00',
      ipServiceAgencies: 0,
      patentServicePractitioners: 20,
    });
    expect(await set({ ipServiceAgencies: null })).toEqual({
      population: 5000,
      seiOutputValue: '2700000000.00',
      ipServiceAgencies: null,
      patentServicePractitioners: 20,
    });
    const read = await api.ok(`{ county(code: "${M}") { statistics(year: 2024) { ${FIELDS} } } }`);
    expect(read.county.statistics).toEqual({
      population: 5000,
      seiOutputValue: '2700000000.00',
      ipServiceAgencies: null,
      patentServicePractitioners: 20,
    });
  });

  it('records a loan and upserts a platform, returning what was stored', async () => {
    const stored = await api.ok(
      `mutation($p: InnovationPlatformInput!, $l: KnowledgeValueLoanInput!) {
      upsertInnovationPlatform(input: $p) { name kind level recognisedOn validTo enterprise { creditCode } }
      recordKnowledgeValueLoan(input: $l) { lender amount grantedOn enterprise { creditCode } } }`,
      { p: platform(), l: loan() },
    );
    expect(stored).toEqual({
      upsertInnovationPlatform: {
        name: '研发中心',
        kind: 'OTHER',
        level: 'COUNTY',
        recognisedOn: '2023-01-01',
        validTo: null,
        enterprise: { creditCode: enterprise },
      },
      recordKnowledgeValueLoan: {
        lender: '示例银行',
        amount: '1000000.00',
        grantedOn: '2023-01-01',
        enterprise: { creditCode: enterprise },
      },
    });
  });
});
