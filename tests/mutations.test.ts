import { applicationNumber, creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
});
afterAll(() => api.close());

const tableCounts = async () =>
  (
    await api.sql(`SELECT (SELECT count(*) FROM county) AS counties, (SELECT count(*) FROM plan) AS plans,
      (SELECT count(*) FROM enterprise) AS enterprises, (SELECT count(*) FROM enterprise_membership) AS memberships,
      (SELECT count(*) FROM patent) AS patents, (SELECT count(*) FROM patent_owner) AS owners,
      (SELECT count(*) FROM pledge_financing) AS pledges, (SELECT count(*) FROM county_statistics) AS statistics`)
  )[0];

const UPSERT_COUNTY = `mutation($input: CountyInput!) { upsertCounty(input: $input) { code name parentCode } }`;
const SET_STATISTICS = `mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { countyCode year population gdp rdInvestment } }`;
const UPSERT_PLAN = `mutation($input: PlanInput!) { upsertPlan(input: $input) {
  countyCode title startYear endYear highPledgeThreshold breakthroughTargets { category minHighValuePatents } indicatorTargets { kind target } } }`;
const UPSERT_ENTERPRISE = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) {
  creditCode name county { code } memberships { category validFrom validTo } } }`;
const UPSERT_PATENT = `mutation($input: PatentInput!) { upsertPatent(input: $input) {
  applicationNumber type county { code } filingDate grantDate lapseDate ipcCodes strategicIndustry
  overseasGrants { jurisdiction grantDate } awards { kind year } owners { creditCode } } }`;
const RECORD_PLEDGE = `mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) {
  enterprise { creditCode } lender amount registeredOn patents { applicationNumber } } }`;

describe('upsertCounty', () => {
  it('creates and renames a county under its parent', async () => {
    expect((await api.ok(UPSERT_COUNTY, { input: { code: '500232', name: '武隆', parentCode: '500000' } })).upsertCounty).toEqual({
      code: '500232',
      name: '武隆',
      parentCode: '500000',
    });
    expect((await api.ok(UPSERT_COUNTY, { input: { code: '500232', name: '武隆区', parentCode: '500000' } })).upsertCounty.name).toBe(
      '武隆区',
    );
    const { county } = await api.ok(`{ county(code: "500232") { name parentCode } }`);
    expect(county).toEqual({ name: '武隆区', parentCode: '500000' });
  });

  it('refuses a malformed code and an unknown parent', async () => {
    await expectRefused(api, UPSERT_COUNTY, { input: { code: '5002', name: 'x' } }, 'input.code', /six-digit/);
    await expectRefused(
      api,
      UPSERT_COUNTY,
      { input: { code: '500299', name: 'x', parentCode: '510000' } },
      'input.parentCode',
      /no county with code 510000/,
    );
    expect((await api.ok(`{ county(code: "500299") { code } }`)).county).toBeNull();
  });
});

describe('setCountyStatistics', () => {
  it('keeps figures that are not given and stores money exactly', async () => {
    await api.ok(SET_STATISTICS, { input: { countyCode: '500231', year: 2021, population: 649900, gdp: '50260000000.00' } });
    const { setCountyStatistics } = await api.ok(SET_STATISTICS, {
      input: { countyCode: '500231', year: 2021, rdInvestment: '123456789.12' },
    });
    expect(setCountyStatistics).toEqual({
      countyCode: '500231',
      year: 2021,
      population: 649900,
      gdp: '50260000000.00',
      rdInvestment: '123456789.12',
    });
    const { county } = await api.ok(
      `{ county(code: "500231") { statistics(year: 2021) { population } none: statistics(year: 1999) { year } } }`,
    );
    expect(county).toEqual({ statistics: { population: 649900 }, none: null });
  });

  it('refuses a non-positive population or amount and an unknown county', async () => {
    await expectRefused(
      api,
      SET_STATISTICS,
      { input: { countyCode: '500231', year: 2022, population: 0 } },
      'input.population',
      /positive/,
    );
    await expectRefused(api, SET_STATISTICS, { input: { countyCode: '500231', year: 2022, gdp: '-5' } }, 'input.gdp', /positive/);
    await expectRefused(api, SET_STATISTICS, { input: { countyCode: '500231', year: 2022, gdp: '1.234' } }, 'Decimal', /two decimals/);
    await expectRefused(
      api,
      SET_STATISTICS,
      { input: { countyCode: '500299', year: 2022, population: 5 } },
      'input.countyCode',
      /no county/,
    );
    expect(await api.sql(`SELECT * FROM county_statistics WHERE year = 2022`)).toEqual([]);
  });
});

describe('upsertPlan', () => {
  const plan = {
    countyCode: '500231',
    title: '垫江县实施方案',
    startYear: 2022,
    endYear: 2024,
    highPledgeThreshold: '1000000.00',
    breakthroughTargets: [
      { category: 'HIGH_TECH', minHighValuePatents: 1 },
      { category: 'LISTED_CULTIVATION', minHighValuePatents: 3 },
    ],
    indicatorTargets: [{ kind: 'HIGH_VALUE_PATENTS', target: 80 }],
  };

  it('is keyed by county and start year and replaces the breakthrough targets', async () => {
    const first = (await api.ok(UPSERT_PLAN, { input: plan })).upsertPlan;
    expect(first.breakthroughTargets).toEqual([
      { category: 'LISTED_CULTIVATION', minHighValuePatents: 3 },
      { category: 'HIGH_TECH', minHighValuePatents: 1 },
    ]);
    const second = (
      await api.ok(UPSERT_PLAN, {
        input: {
          ...plan,
          title: '修订',
          breakthroughTargets: [{ category: 'SPECIALIZED_NEW', minHighValuePatents: 2 }],
          indicatorTargets: undefined,
        },
      })
    ).upsertPlan;
    expect(second.title).toBe('修订');
    expect(second.breakthroughTargets).toEqual([{ category: 'SPECIALIZED_NEW', minHighValuePatents: 2 }]);
    expect(second.indicatorTargets).toEqual([{ kind: 'HIGH_VALUE_PATENTS', target: 80 }]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM plan`)).toEqual([{ n: 1 }]);
  });

  it('refuses an end before the start, a repeated category, a non-positive threshold and an unknown county', async () => {
    await expectRefused(api, UPSERT_PLAN, { input: { ...plan, startYear: 2025, endYear: 2024 } }, 'input.endYear', /before startYear/);
    await expectRefused(
      api,
      UPSERT_PLAN,
      {
        input: {
          ...plan,
          startYear: 2025,
          endYear: 2027,
          breakthroughTargets: [
            { category: 'HIGH_TECH', minHighValuePatents: 1 },
            { category: 'HIGH_TECH', minHighValuePatents: 2 },
          ],
        },
      },
      'input.breakthroughTargets',
      /category twice/,
    );
    await expectRefused(
      api,
      UPSERT_PLAN,
      { input: { ...plan, startYear: 2025, endYear: 2027, highPledgeThreshold: '0' } },
      'input.highPledgeThreshold',
      /positive/,
    );
    await expectRefused(
      api,
      UPSERT_PLAN,
      { input: { ...plan, startYear: 2025, endYear: 2027, countyCode: '500299' } },
      'input.countyCode',
      /no county/,
    );
    expect(await api.sql(`SELECT start_year FROM plan`)).toEqual([{ start_year: 2022 }]);
  });

  it('answers the plan in force in a year: the latest start not after it, even after its period ended', async () => {
    await api.ok(UPSERT_PLAN, { input: { ...plan, startYear: 2025, endYear: 2027, title: '新方案', indicatorTargets: undefined } });
    const { county } = await api.ok(`{ county(code: "500231") {
      y2021: plan(year: 2021) { title } y2024: plan(year: 2024) { startYear } y2026: plan(year: 2026) { startYear } y2030: plan(year: 2030) { startYear } } }`);
    expect(county).toEqual({ y2021: null, y2024: { startYear: 2022 }, y2026: { startYear: 2025 }, y2030: { startYear: 2025 } });
  });
});

describe('upsertEnterprise', () => {
  it('upper-cases the credit code, applies the three-year default and replaces memberships', async () => {
    const code = creditCode(1);
    const { upsertEnterprise } = await api.ok(UPSERT_ENTERPRISE, {
      input: {
        creditCode: code.toLowerCase(),
        countyCode: '500231',
        name: '垫江示例企业',
        memberships: [
          { category: 'HIGH_TECH', validFrom: '2020-02-29' },
          { category: 'SPECIALIZED_NEW', validFrom: '2022-03-01' },
          { category: 'LISTED_CULTIVATION', validFrom: '2022-01-01' },
        ],
      },
    });
    expect(upsertEnterprise.creditCode).toBe(code);
    expect(upsertEnterprise.county).toEqual({ code: '500231' });
    expect(upsertEnterprise.memberships).toEqual([
      { category: 'HIGH_TECH', validFrom: '2020-02-29', validTo: '2023-02-27' },
      { category: 'LISTED_CULTIVATION', validFrom: '2022-01-01', validTo: null },
      { category: 'SPECIALIZED_NEW', validFrom: '2022-03-01', validTo: '2025-02-28' },
    ]);
    const replaced = (
      await api.ok(UPSERT_ENTERPRISE, {
        input: {
          creditCode: code,
          countyCode: '500231',
          name: '垫江示例企业',
          memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01', validTo: '2023-06-30' }],
        },
      })
    ).upsertEnterprise;
    expect(replaced.memberships).toEqual([{ category: 'HIGH_TECH', validFrom: '2023-01-01', validTo: '2023-06-30' }]);
    expect((await api.ok(`query($c: String!) { enterprise(creditCode: $c) { name } }`, { c: code.toLowerCase() })).enterprise).toEqual({
      name: '垫江示例企业',
    });
  });

  it('refuses a bad check character, validTo before validFrom and an unknown county, writing nothing', async () => {
    const before = await tableCounts();
    const bad = creditCode(2).slice(0, 17) + (creditCode(2)[17] === 'A' ? 'B' : 'A');
    await expectRefused(
      api,
      UPSERT_ENTERPRISE,
      { input: { creditCode: bad, countyCode: '500231', name: 'x', memberships: [] } },
      'input.creditCode',
      /check character/,
    );
    await expectRefused(
      api,
      UPSERT_ENTERPRISE,
      {
        input: {
          creditCode: creditCode(2),
          countyCode: '500231',
          name: 'x',
          memberships: [{ category: 'HIGH_TECH', validFrom: '2022-01-02', validTo: '2022-01-01' }],
        },
      },
      'input.memberships[0].validTo',
      /before validFrom/,
    );
    await expectRefused(
      api,
      UPSERT_ENTERPRISE,
      { input: { creditCode: creditCode(2), countyCode: '500299', name: 'x', memberships: [] } },
      'input.countyCode',
      /no county/,
    );
    await expectRefused(
      api,
      UPSERT_ENTERPRISE,
      { input: { creditCode: creditCode(2), countyCode: '500231', name: '  ', memberships: [] } },
      'input.name',
      /blank/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a date that is not a calendar date', async () => {
    const result = await api.execute(UPSERT_ENTERPRISE, {
      input: {
        creditCode: creditCode(3),
        countyCode: '500231',
        name: 'x',
        memberships: [{ category: 'HIGH_TECH', validFrom: '2023-02-29' }],
      },
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/YYYY-MM-DD/);
  });
});

describe('upsertPatent', () => {
  let owner: string;
  let coOwner: string;
  beforeAll(async () => {
    owner = await givenEnterprise(api, { serial: 10 });
    coOwner = await givenEnterprise(api, { serial: 11 });
  });

  it('normalizes the number, stores lists, and keeps lists that are not given', async () => {
    const { upsertPatent } = await api.ok(UPSERT_PATENT, {
      input: {
        applicationNumber: 'CN 201811564288.X',
        title: '一种示例方法',
        type: 'INVENTION',
        countyCode: '500231',
        filingDate: '2018-09-07',
        grantDate: '2021-05-11',
        ipcCodes: ['g06f 16/00'],
        strategicIndustry: 'NEW_MATERIALS',
        overseasGrants: [{ jurisdiction: 'US', grantDate: '2022-01-04' }],
        awards: [{ kind: 'CHINA_PATENT_EXCELLENCE', year: 2023 }],
        ownerCreditCodes: [coOwner, owner.toLowerCase()],
      },
    });
    expect(upsertPatent).toEqual({
      applicationNumber: '201811564288.X',
      type: 'INVENTION',
      county: { code: '500231' },
      filingDate: '2018-09-07',
      grantDate: '2021-05-11',
      lapseDate: null,
      ipcCodes: ['G06F 16/00'],
      strategicIndustry: 'NEW_MATERIALS',
      overseasGrants: [{ jurisdiction: 'US', grantDate: '2022-01-04' }],
      awards: [{ kind: 'CHINA_PATENT_EXCELLENCE', year: 2023 }],
      owners: [{ creditCode: coOwner }, { creditCode: owner }],
    });
    const again = (
      await api.ok(UPSERT_PATENT, {
        input: {
          applicationNumber: '201811564288X',
          title: '一种示例方法',
          type: 'INVENTION',
          countyCode: '500231',
          filingDate: '2018-09-07',
          lapseDate: null,
          grantDate: '2021-05-11',
          awards: [],
        },
      })
    ).upsertPatent;
    expect(again.overseasGrants).toEqual([{ jurisdiction: 'US', grantDate: '2022-01-04' }]);
    expect(again.owners).toEqual([{ creditCode: coOwner }, { creditCode: owner }]);
    expect(again.ipcCodes).toEqual(['G06F 16/00']);
    expect(again.awards).toEqual([]);
    expect(again.strategicIndustry).toBeNull();
    expect((await api.ok(`{ patent(applicationNumber: "ZL201811564288.X") { title } }`)).patent).toEqual({ title: '一种示例方法' });
  });

  const valid = () => ({
    applicationNumber: applicationNumber('INVENTION', 2019),
    title: 't',
    type: 'INVENTION',
    countyCode: '500231',
    filingDate: '2019-03-01',
  });

  it.each([
    ['grant before filing', { grantDate: '2019-02-28' }, 'input.grantDate', /before filingDate/],
    ['lapse before grant', { grantDate: '2020-01-01', lapseDate: '2019-12-31' }, 'input.lapseDate', /before grantDate/],
    ['a bad check character', { applicationNumber: '201811564288.1' }, 'input.applicationNumber', /check character/],
    [
      'a type digit that disagrees with the type',
      { applicationNumber: '201510958772.0', type: 'DESIGN' },
      'input.applicationNumber',
      /type digit 1/,
    ],
    ['an unknown county', { countyCode: '500299' }, 'input.countyCode', /no county/],
    ['an unknown owner', { ownerCreditCodes: [creditCode(99)] }, 'input.ownerCreditCodes[0]', /no enterprise/],
    ['an owner named twice', { ownerCreditCodes: [creditCode(10), creditCode(10)] }, 'input.ownerCreditCodes', /twice/],
    [
      'a jurisdiction named twice',
      {
        overseasGrants: [
          { jurisdiction: 'US', grantDate: '2021-01-01' },
          { jurisdiction: 'US', grantDate: '2022-01-01' },
        ],
      },
      'input.overseasGrants',
      /twice/,
    ],
    [
      'China as an overseas office',
      { overseasGrants: [{ jurisdiction: 'CN', grantDate: '2021-01-01' }] },
      'input.overseasGrants[0].jurisdiction',
      /other than CN/,
    ],
    ['a malformed IPC code', { ipcCodes: ['not ipc'] }, 'input.ipcCodes', /IPC/],
  ])('refuses %s and writes nothing', async (_, change, field, reason) => {
    const before = await tableCounts();
    await expectRefused(api, UPSERT_PATENT, { input: { ...valid(), ...change } }, field, reason);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('recordPledgeFinancing', () => {
  it('records a pledge of patents in any spelling and lists it on the enterprise', async () => {
    const pledgor = await givenEnterprise(api, { serial: 20 });
    const number = await givenPatent(api, { owners: [pledgor] });
    const { recordPledgeFinancing } = await api.ok(RECORD_PLEDGE, {
      input: {
        enterpriseCreditCode: pledgor,
        lender: '重庆农商行',
        amount: '12500000.00',
        registeredOn: '2023-06-01',
        patentApplicationNumbers: [`CN${number}`],
      },
    });
    expect(recordPledgeFinancing).toEqual({
      enterprise: { creditCode: pledgor },
      lender: '重庆农商行',
      amount: '12500000.00',
      registeredOn: '2023-06-01',
      patents: [{ applicationNumber: number }],
    });
    const { enterprise } = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { pledgeFinancings { amount } } }`, {
      c: pledgor,
    });
    expect(enterprise.pledgeFinancings).toEqual([{ amount: '12500000.00' }]);
  });

  it('refuses a non-positive amount, an unknown enterprise or patent, and no patents', async () => {
    const pledgor = await givenEnterprise(api, { serial: 21 });
    const number = await givenPatent(api, {});
    const input = {
      enterpriseCreditCode: pledgor,
      lender: '银行',
      amount: '100.00',
      registeredOn: '2023-06-01',
      patentApplicationNumbers: [number],
    };
    const before = await tableCounts();
    await expectRefused(api, RECORD_PLEDGE, { input: { ...input, amount: '0' } }, 'input.amount', /positive/);
    await expectRefused(
      api,
      RECORD_PLEDGE,
      { input: { ...input, enterpriseCreditCode: creditCode(98) } },
      'input.enterpriseCreditCode',
      /no enterprise/,
    );
    await expectRefused(
      api,
      RECORD_PLEDGE,
      { input: { ...input, patentApplicationNumbers: [number, applicationNumber()] } },
      'input.patentApplicationNumbers[1]',
      /no patent/,
    );
    await expectRefused(
      api,
      RECORD_PLEDGE,
      { input: { ...input, patentApplicationNumbers: [] } },
      'input.patentApplicationNumbers',
      /at least one/,
    );
    expect(await tableCounts()).toEqual(before);
  });
});

describe('a request with several mutations', () => {
  it('writes none of them when one is refused: data is null, so nothing was written (issue 17, item 7)', async () => {
    const result = await api.execute(`mutation {
      a: upsertCounty(input: { code: "500233", name: "忠县", parentCode: "500000" }) { code }
      b: upsertEnterprise(input: { creditCode: "${creditCode(30)}", countyCode: "500233", name: "x", memberships: [
        { category: HIGH_TECH, validFrom: "2022-01-01" }, { category: HIGH_TECH, validFrom: "2022-01-01" }] }) { id }
    }`);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeNull();
    expect((await api.ok(`{ county(code: "500233") { name } }`)).county).toBeNull();
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE credit_code = $1`, [creditCode(30)])).toEqual([]);
  });
});

describe('plan breakthrough targets seen from a county', () => {
  it('lists the counties by code', async () => {
    await givenPlan(api, { countyCode: '500000', startYear: 2022, targets: { LISTED_CULTIVATION: 5, SPECIALIZED_NEW: 3, HIGH_TECH: 2 } });
    const { counties } = await api.ok(`{ counties { code plan(year: 2023) { breakthroughTargets { minHighValuePatents } } } }`);
    expect(counties.map((c: { code: string }) => c.code)).toEqual([...counties.map((c: { code: string }) => c.code)].sort());
    expect(
      counties
        .find((c: { code: string }) => c.code === '500000')
        .plan.breakthroughTargets.map((t: { minHighValuePatents: number }) => t.minHighValuePatents),
    ).toEqual([5, 3, 2]);
  });
});
