import { givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500231', '垫江县');
  await givenPlan(api, {});
  for (let i = 0; i < 100; i++) {
    const code = await givenEnterprise(api, {
      serial: i,
      memberships:
        i % 2 ? [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] : [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }],
    });
    if (i % 10 === 0) {
      for (let j = 0; j < 12; j++) await givenPatent(api, { strategicIndustry: j % 2 ? 'NEW_ENERGY' : null, owners: [code] });
    }
  }
});
afterAll(() => api.close());

const LIST = `query($first: Int) { county(code: "500231") { enterprises(first: $first) { totalCount edges { node {
  name categories(asOf: "2024-01-01") highValuePatentCount(asOf: "2024-01-01")
  targetGaps(asOf: "2024-01-01") { category gap met }
  patents(first: 10) { totalCount edges { node { applicationNumber status(asOf: "2024-01-01") highValueReasons(asOf: "2024-01-01") owners { name } } } }
} } } } }`;

describe('statements per request (no N+1)', () => {
  it('lists 100 enterprises with categories, gaps and 10 patents each in as many statements as 5', async () => {
    const five = await api.countStatements(LIST, { first: 5 });
    const hundred = await api.countStatements(LIST, { first: 100 });
    expect(hundred).toBe(five);
    // BEGIN, county, enterprises page, categories, count, gaps, patents page, evaluations, owners, COMMIT
    expect(hundred).toBeGreaterThanOrEqual(8);
    expect(hundred).toBeLessThanOrEqual(10);
  });

  it('batches a second asOf into one more statement per asOf-dependent field, not per enterprise', async () => {
    const one = await api.countStatements(
      `{ county(code: "500231") { enterprises(first: 100) { edges { node { a: highValuePatentCount(asOf: "2024-01-01") } } } } }`,
    );
    const two = await api.countStatements(`{ county(code: "500231") { enterprises(first: 100) { edges { node {
      a: highValuePatentCount(asOf: "2024-01-01") b: highValuePatentCount(asOf: "2025-01-01") } } } } }`);
    expect(two).toBe(one + 1);
  });
});

describe("an enterprise's patents, counted in the pass that sorts them", () => {
  const PAGE = `query($first: Int, $after: String) { county(code: "500231") { enterprises(first: 30) { edges { node {
    creditCode patents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { applicationNumber } } }
  } } } } }`;
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] };
  const pages = async (first: number, after?: string) =>
    (
      await api.ok<{ county: { enterprises: { edges: { node: { creditCode: string; patents: Page } }[] } } }>(PAGE, { first, after })
    ).county.enterprises.edges.map((edge) => edge.node);

  it('gives the whole list as totalCount on a first page, 0 where there is none, and the same after a cursor', async () => {
    const owned = new Map(
      (
        await api.sql(`SELECT e.credit_code, count(po.patent_id)::int AS n FROM enterprise e
                         LEFT JOIN patent_owner po ON po.enterprise_id = e.id GROUP BY e.credit_code`)
      ).map((row) => [row.credit_code as string, row.n as number]),
    );
    const first = await pages(5);
    expect(first.map((e) => e.patents.totalCount)).toEqual(first.map((e) => owned.get(e.creditCode)));
    expect(new Set(first.map((e) => e.patents.totalCount))).toEqual(new Set([0, 12]));
    for (const { patents } of first) {
      expect(patents.edges).toHaveLength(Math.min(5, patents.totalCount));
      expect(patents.pageInfo.hasNextPage).toBe(patents.totalCount > 5);
    }
    const owner = first.find((e) => e.patents.totalCount === 12)!;
    const later = (await pages(20, owner.patents.pageInfo.endCursor!)).find((e) => e.creditCode === owner.creditCode)!;
    expect(later.patents.totalCount).toBe(12);
    expect(later.patents.edges).toHaveLength(7);
  });
});
