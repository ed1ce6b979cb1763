import { givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
const AS_OF = '2024-06-30';

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '无规划县', '500000');
  await givenPlan(api, { countyCode: '500231', startYear: 2022, targets: { LISTED_CULTIVATION: 3, SPECIALIZED_NEW: 2, HIGH_TECH: 1 } });
});
afterAll(() => api.close());

const highValue = (owners: string[]) => givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners });

const GAPS = `query($county: ID!, $asOf: Date, $onlyUnmet: Boolean, $category: EnterpriseCategory, $first: Int, $after: String) {
  targetGaps(countyCode: $county, asOf: $asOf, onlyUnmet: $onlyUnmet, category: $category, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { enterprise { name } category target current gap met } } } }`;

describe('target gaps', () => {
  beforeAll(async () => {
    // 甲: listed (3) and high-tech (1), owns 1 → gaps 2 and 0
    const a = await givenEnterprise(api, {
      serial: 1,
      name: '甲公司',
      memberships: [
        { category: 'LISTED_CULTIVATION', validFrom: '2022-01-01' },
        { category: 'HIGH_TECH', validFrom: '2022-01-01' },
      ],
    });
    await highValue([a]);
    // 乙: 专精特新 (2), owns nothing → gap 2 (ties with 甲's listed gap, ordered by name)
    await givenEnterprise(api, { serial: 2, name: '乙公司', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
    // 丙: high-tech whose membership ended the day before asOf → no row
    await givenEnterprise(api, {
      serial: 3,
      name: '丙公司',
      memberships: [{ category: 'HIGH_TECH', validFrom: '2021-01-01', validTo: '2024-06-29' }],
    });
    // 丁: high-tech without validTo from 2021-07-01 → valid until 2024-06-30 inclusive; owns 2 jointly with 甲? no: with 戊
    const d = await givenEnterprise(api, { serial: 4, name: '丁公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2021-07-01' }] });
    // 戊: no category, co-owns
    const e = await givenEnterprise(api, { serial: 5, name: '戊公司' });
    await highValue([d, e]);
    await highValue([d]);
    // Apple: ASCII name sorts before Chinese names in byte order; gap 2 as well
    await givenEnterprise(api, { serial: 6, name: 'Apple示例', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
  });

  it('orders by gap, then name in byte order, then credit code, then category', async () => {
    const { targetGaps } = await api.ok(GAPS, { county: '500231', asOf: AS_OF });
    expect(targetGaps.totalCount).toBe(5);
    expect(
      targetGaps.edges.map((e: any) => [e.node.enterprise.name, e.node.category, e.node.target, e.node.current, e.node.gap, e.node.met]),
    ).toEqual([
      ['Apple示例', 'SPECIALIZED_NEW', 2, 0, 2, false],
      ['乙公司', 'SPECIALIZED_NEW', 2, 0, 2, false],
      ['甲公司', 'LISTED_CULTIVATION', 3, 1, 2, false],
      ['丁公司', 'HIGH_TECH', 1, 2, 0, true],
      ['甲公司', 'HIGH_TECH', 1, 1, 0, true],
    ]);
  });

  it('keeps only unmet rows and one category on request', async () => {
    const unmet = (await api.ok(GAPS, { county: '500231', asOf: AS_OF, onlyUnmet: true })).targetGaps;
    expect(unmet.totalCount).toBe(3);
    expect(unmet.edges.every((e: any) => !e.node.met)).toBe(true);
    const highTech = (await api.ok(GAPS, { county: '500231', asOf: AS_OF, category: 'HIGH_TECH' })).targetGaps;
    expect(highTech.edges.map((e: any) => e.node.enterprise.name)).toEqual(['丁公司', '甲公司']);
  });

  it('drops a three-year high-tech membership the day after it ends', async () => {
    const next = (await api.ok(GAPS, { county: '500231', asOf: '2024-07-01', category: 'HIGH_TECH' })).targetGaps;
    expect(next.edges.map((e: any) => e.node.enterprise.name)).toEqual(['甲公司']);
  });

  it('pages with cursors: no row twice, none lost, totalCount on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { targetGaps }: { targetGaps: any } = await api.ok(GAPS, { county: '500231', asOf: AS_OF, first: 2, after });
      expect(targetGaps.totalCount).toBe(5);
      seen.push(...targetGaps.edges.map((e: any) => `${e.node.enterprise.name}/${e.node.category}`));
      if (!targetGaps.pageInfo.hasNextPage) break;
      after = targetGaps.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'Apple示例/SPECIALIZED_NEW',
      '乙公司/SPECIALIZED_NEW',
      '甲公司/LISTED_CULTIVATION',
      '丁公司/HIGH_TECH',
      '甲公司/HIGH_TECH',
    ]);
  });

  it('shows an enterprise in two categories with two rows, in the enum order', async () => {
    const { enterprise } =
      await api.ok(`{ enterprise(creditCode: "${(await api.sql(`SELECT credit_code FROM enterprise WHERE name = '甲公司'`))[0].credit_code}") {
      categories(asOf: "${AS_OF}") targetGaps(asOf: "${AS_OF}") { category gap } } }`);
    expect(enterprise).toEqual({
      categories: ['LISTED_CULTIVATION', 'HIGH_TECH'],
      targetGaps: [
        { category: 'LISTED_CULTIVATION', gap: 2 },
        { category: 'HIGH_TECH', gap: 0 },
      ],
    });
  });

  it('summarises each category of the plan in force, also one without enterprises', async () => {
    await givenPlan(api, { countyCode: '500231', startYear: 2030, targets: { HIGH_TECH: 4, SPECIALIZED_NEW: 1 } });
    const { county } = await api.ok(`{ county(code: "500231") {
      now: breakthroughSummary(asOf: "${AS_OF}") { category target enterpriseCount metCount totalGap }
      later: breakthroughSummary(asOf: "2030-01-01") { category target enterpriseCount metCount totalGap } } }`);
    expect(county.now).toEqual([
      { category: 'LISTED_CULTIVATION', target: 3, enterpriseCount: 1, metCount: 0, totalGap: 2 },
      { category: 'SPECIALIZED_NEW', target: 2, enterpriseCount: 2, metCount: 0, totalGap: 4 },
      { category: 'HIGH_TECH', target: 1, enterpriseCount: 2, metCount: 2, totalGap: 0 },
    ]);
    expect(county.later).toEqual([
      { category: 'SPECIALIZED_NEW', target: 1, enterpriseCount: 0, metCount: 0, totalGap: 0 },
      { category: 'HIGH_TECH', target: 4, enterpriseCount: 0, metCount: 0, totalGap: 0 },
    ]);
  });

  it('has no rows and no summary in a county without a plan', async () => {
    await givenEnterprise(api, { serial: 9, countyCode: '500232', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
    const data = await api.ok(`{ targetGaps(countyCode: "500232", asOf: "${AS_OF}") { totalCount edges { cursor } }
      county(code: "500232") { breakthroughSummary(asOf: "${AS_OF}") { category } plan { id } } }`);
    expect(data).toEqual({ targetGaps: { totalCount: 0, edges: [] }, county: { breakthroughSummary: [], plan: null } });
  });
});

describe('pagination arguments', () => {
  it('refuses first above 100 or below 0 and a cursor it did not issue', async () => {
    for (const first of [101, -1]) {
      const result = await api.execute(GAPS, { county: '500231', first });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/^first: /);
    }
    const bad = await api.execute(GAPS, { county: '500231', after: 'bm9wZQ' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/^after: /);
  });

  it('refuses a cursor whose parts do not fit the sort columns, before any SQL runs', async () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    // the order is gap (int), name (text), credit code (text), category order (int)
    for (const key of [
      ['2', '甲公司', '91500231MA00000001', 1],
      [2.5, '甲公司', '91500231MA00000001', 1],
      [2 ** 31, '甲公司', '91500231MA00000001', 1],
      [2, 7, '91500231MA00000001', 1],
      [2, '甲公司', null, 1],
      [2, '甲公司', '91500231MA00000001'],
    ]) {
      const before = api.counter.statements.length;
      const result = await api.execute(GAPS, { county: '500231', asOf: AS_OF, after: cursor(key) });
      expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', 'after: is not a cursor returned by this query'],
      ]);
      expect(api.counter.statements.length).toBe(before);
    }
    const { targetGaps } = await api.ok(GAPS, { county: '500231', asOf: AS_OF, after: cursor([2, '甲公司', '91500231MA00000001', 1]) });
    expect(targetGaps.totalCount).toBe(5);
  });

  it('answers first: 0 with the total and no edges', async () => {
    const { targetGaps } = await api.ok(GAPS, { county: '500231', asOf: AS_OF, first: 0 });
    expect(targetGaps).toEqual({ totalCount: 5, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] });
  });
});
