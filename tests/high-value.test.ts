import {
  creditCode,
  givenChongqingAndDianjiang,
  givenCounty,
  givenEnterprise,
  givenPatent,
  givenPlan,
  givenPledge,
} from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '无规划县', '500000');
  await givenPlan(api, { countyCode: '500231', startYear: 2022, highPledgeThreshold: '1000000.00' });
});
afterAll(() => api.close());

async function evaluate(number: string, asOf: string) {
  const { patent } = await api.ok(
    `query($n: String!, $d: Date) { patent(applicationNumber: $n) { status(asOf: $d) isHighValue(asOf: $d) highValueReasons(asOf: $d) } }`,
    { n: number, d: asOf },
  );
  return patent as { status: string; isHighValue: boolean; highValueReasons: string[] };
}

describe('patent status on a day', () => {
  it('is PENDING before the grant and VALID from the grant day on', async () => {
    const number = await givenPatent(api, { filingDate: '2020-01-01', grantDate: '2022-06-15' });
    expect((await evaluate(number, '2022-06-14')).status).toBe('PENDING');
    expect((await evaluate(number, '2022-06-15')).status).toBe('VALID');
  });

  it('is LAPSED from the lapse day on, and LAPSED wins over EXPIRED', async () => {
    const number = await givenPatent(api, { filingDate: '2000-01-01', grantDate: '2003-01-01', lapseDate: '2010-03-01' });
    expect((await evaluate(number, '2010-02-28')).status).toBe('VALID');
    expect((await evaluate(number, '2010-03-01')).status).toBe('LAPSED');
    expect((await evaluate(number, '2025-01-01')).status).toBe('LAPSED');
  });

  it('is EXPIRED from filing + 20 years for inventions, 10 for utility models', async () => {
    const invention = await givenPatent(api, { filingDate: '2004-05-10', grantDate: '2006-01-01' });
    expect((await evaluate(invention, '2024-05-09')).status).toBe('VALID');
    expect((await evaluate(invention, '2024-05-10')).status).toBe('EXPIRED');
    const utility = await givenPatent(api, { type: 'UTILITY_MODEL', filingDate: '2014-05-10', grantDate: '2015-01-01' });
    expect((await evaluate(utility, '2024-05-09')).status).toBe('VALID');
    expect((await evaluate(utility, '2024-05-10')).status).toBe('EXPIRED');
  });

  it('gives designs 15 years when filed since 2021-06-01 and 10 before', async () => {
    const before = await givenPatent(api, { type: 'DESIGN', filingDate: '2021-05-31', grantDate: '2021-09-01' });
    const since = await givenPatent(api, { type: 'DESIGN', filingDate: '2021-06-01', grantDate: '2021-09-01' });
    expect((await evaluate(before, '2031-05-31')).status).toBe('EXPIRED');
    expect((await evaluate(since, '2031-06-01')).status).toBe('VALID');
    expect((await evaluate(since, '2036-06-01')).status).toBe('EXPIRED');
  });

  it('is PENDING for a filing after asOf', async () => {
    const number = await givenPatent(api, { filingDate: '2024-03-01', grantDate: null });
    expect((await evaluate(number, '2023-01-01')).status).toBe('PENDING');
  });
});

describe('high-value reasons', () => {
  it('MAINTAINED_OVER_10_YEARS holds the day after filing + 10 years, not on it', async () => {
    const number = await givenPatent(api, { filingDate: '2014-03-15', grantDate: '2016-01-01' });
    expect(await evaluate(number, '2024-03-15')).toEqual({ status: 'VALID', isHighValue: false, highValueReasons: [] });
    expect(await evaluate(number, '2024-03-16')).toEqual({
      status: 'VALID',
      isHighValue: true,
      highValueReasons: ['MAINTAINED_OVER_10_YEARS'],
    });
  });

  it('counts from 29 February as PostgreSQL does: plus ten years is 28 February', async () => {
    const number = await givenPatent(api, { filingDate: '2016-02-29', grantDate: '2018-01-01' });
    expect((await evaluate(number, '2026-02-28')).isHighValue).toBe(false);
    expect((await evaluate(number, '2026-03-01')).highValueReasons).toEqual(['MAINTAINED_OVER_10_YEARS']);
  });

  it('needs the patent valid: nothing on the lapse day, nothing before the grant day', async () => {
    const number = await givenPatent(api, {
      filingDate: '2020-01-01',
      grantDate: '2022-01-10',
      lapseDate: '2023-05-05',
      strategicIndustry: 'NEW_ENERGY',
    });
    expect((await evaluate(number, '2022-01-09')).highValueReasons).toEqual([]);
    expect((await evaluate(number, '2022-01-10')).highValueReasons).toEqual(['STRATEGIC_EMERGING_INDUSTRY']);
    expect((await evaluate(number, '2023-05-04')).isHighValue).toBe(true);
    expect(await evaluate(number, '2023-05-05')).toEqual({ status: 'LAPSED', isHighValue: false, highValueReasons: [] });
  });

  it('OVERSEAS_FAMILY holds from the overseas grant date on', async () => {
    const number = await givenPatent(api, {
      filingDate: '2020-01-01',
      grantDate: '2021-01-01',
      overseasGrants: [{ jurisdiction: 'EP', grantDate: '2023-07-01' }],
    });
    expect((await evaluate(number, '2023-06-30')).isHighValue).toBe(false);
    expect((await evaluate(number, '2023-07-01')).highValueReasons).toEqual(['OVERSEAS_FAMILY']);
  });

  it('NATIONAL_AWARD holds from the award year on, not the year before', async () => {
    const number = await givenPatent(api, {
      filingDate: '2020-01-01',
      grantDate: '2021-01-01',
      awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2024 }],
    });
    expect((await evaluate(number, '2023-12-31')).isHighValue).toBe(false);
    expect((await evaluate(number, '2024-01-01')).highValueReasons).toEqual(['NATIONAL_AWARD']);
  });

  it('HIGH_PLEDGE_FINANCING holds at the threshold, not one yuan below, not before registration', async () => {
    const pledgor = await givenEnterprise(api, { serial: 1 });
    const atThreshold = await givenPatent(api, { owners: [pledgor] });
    const below = await givenPatent(api, { owners: [pledgor] });
    await givenPledge(api, pledgor, '1000000.00', '2023-04-01', [atThreshold]);
    await givenPledge(api, pledgor, '999999.00', '2023-04-01', [below]);
    expect((await evaluate(atThreshold, '2023-03-31')).isHighValue).toBe(false);
    expect((await evaluate(atThreshold, '2023-04-01')).highValueReasons).toEqual(['HIGH_PLEDGE_FINANCING']);
    expect((await evaluate(below, '2023-04-01')).isHighValue).toBe(false);
  });

  it('HIGH_PLEDGE_FINANCING never holds in a county without a plan in force', async () => {
    const pledgor = await givenEnterprise(api, { serial: 2, countyCode: '500232' });
    const number = await givenPatent(api, { countyCode: '500232', owners: [pledgor] });
    await givenPledge(api, pledgor, '90000000.00', '2023-04-01', [number]);
    expect((await evaluate(number, '2023-05-01')).isHighValue).toBe(false);
    // Dianjiang's plan starts in 2022: a 2021 pledge there has no threshold in 2021 either
    const early = await givenPatent(api, {});
    await givenPledge(api, pledgor, '90000000.00', '2021-04-01', [early]);
    expect((await evaluate(early, '2021-12-31')).isHighValue).toBe(false);
    expect((await evaluate(early, '2022-01-01')).highValueReasons).toEqual(['HIGH_PLEDGE_FINANCING']);
  });

  it('lists every reason that holds, in the enum order', async () => {
    const pledgor = await givenEnterprise(api, { serial: 3 });
    const number = await givenPatent(api, {
      filingDate: '2010-01-01',
      grantDate: '2012-01-01',
      strategicIndustry: 'BIOTECHNOLOGY',
      owners: [pledgor],
      overseasGrants: [{ jurisdiction: 'US', grantDate: '2013-01-01' }],
      awards: [{ kind: 'NATIONAL_SCIENCE_TECHNOLOGY', year: 2015 }],
    });
    await givenPledge(api, pledgor, '5000000.00', '2022-02-02', [number]);
    expect((await evaluate(number, '2023-01-01')).highValueReasons).toEqual([
      'STRATEGIC_EMERGING_INDUSTRY',
      'OVERSEAS_FAMILY',
      'MAINTAINED_OVER_10_YEARS',
      'HIGH_PLEDGE_FINANCING',
      'NATIONAL_AWARD',
    ]);
  });

  it('never makes a utility model high-value, whatever holds', async () => {
    const pledgor = await givenEnterprise(api, { serial: 4 });
    const number = await givenPatent(api, {
      type: 'UTILITY_MODEL',
      filingDate: '2013-01-01',
      grantDate: '2013-06-01',
      strategicIndustry: 'BIOTECHNOLOGY',
      owners: [pledgor],
      overseasGrants: [{ jurisdiction: 'US', grantDate: '2014-01-01' }],
      awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2015 }],
    });
    await givenPledge(api, pledgor, '5000000.00', '2022-02-02', [number]);
    expect(await evaluate(number, '2022-12-31')).toEqual({ status: 'VALID', isHighValue: false, highValueReasons: [] });
  });
});

describe('counting', () => {
  it('counts a jointly owned patent for both owners but once for its county', async () => {
    const fresh = await createTestApi();
    try {
      await givenCounty(fresh, '500000', '重庆市');
      await givenCounty(fresh, '500231', '垫江县', '500000');
      await givenCounty(fresh, '500232', '邻县', '500000');
      const a = await givenEnterprise(fresh, { serial: 1 });
      const b = await givenEnterprise(fresh, { serial: 2, countyCode: '500232' });
      await givenPatent(fresh, { strategicIndustry: 'NEW_MATERIALS', owners: [a, b] });
      await givenPatent(fresh, { strategicIndustry: 'NEW_MATERIALS', owners: [a] });
      await givenPatent(fresh, { type: 'UTILITY_MODEL', strategicIndustry: 'NEW_MATERIALS', owners: [a, b] });
      const data = await fresh.ok(
        `query($a: String!, $b: String!) {
        a: enterprise(creditCode: $a) { highValuePatentCount(asOf: "2023-01-01") all: patents(first: 10) { totalCount }
          hv: patents(filter: { highValueOnly: true, asOf: "2023-01-01" }) { totalCount } }
        b: enterprise(creditCode: $b) { highValuePatentCount(asOf: "2023-01-01") }
        dianjiang: county(code: "500231") { highValuePatentCount(asOf: "2023-01-01") }
        neighbour: county(code: "500232") { highValuePatentCount(asOf: "2023-01-01") }
      }`,
        { a, b },
      );
      expect(data).toEqual({
        a: { highValuePatentCount: 2, all: { totalCount: 3 }, hv: { totalCount: 2 } },
        b: { highValuePatentCount: 1 },
        dianjiang: { highValuePatentCount: 2 },
        neighbour: { highValuePatentCount: 0 },
      });
    } finally {
      await fresh.close();
    }
  });

  it('defaults asOf to today in China Standard Time', async () => {
    const number = await givenPatent(api, { filingDate: '2020-01-01', grantDate: '2021-01-01', strategicIndustry: 'NEW_ENERGY' });
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const { patent } = await api.ok(
      `query($n: String!, $d: Date) { patent(applicationNumber: $n) { a: isHighValue b: isHighValue(asOf: $d) } }`,
      { n: number, d: today },
    );
    expect(patent.a).toBe(patent.b);
  });
});

describe('an unknown identifier', () => {
  it('finds nothing for an unknown or invalid number or code', async () => {
    const data = await api.ok(
      `{ patent(applicationNumber: "201811564288.1") { id } enterprise(creditCode: "${creditCode(777)}") { id } bad: enterprise(creditCode: "xyz") { id } }`,
    );
    expect(data).toEqual({ patent: null, enterprise: null, bad: null });
  });
});
