import { seedDemo } from '../src/seed/seed';
import { createTestApi, TestApi } from './support/test-api';

/** The demo data gains what the support measures read, so that Dianjiang's 2024 list has a recipient of each kind. */
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  expect(await seedDemo(api.dataSource)).toBe(true);
}, 120_000);
afterAll(() => api.close());

describe('the demo data for the support measures', () => {
  it('lists 2024 recipients of the award reward, the foreign-grant subsidy, both title levels and the interest subsidy, each with evidence', async () => {
    const data = await api.ok(`{ county(code: "500231") { supportEligibility(year: 2024, first: 100) { edges { node {
      measureNumber titleLevel paid evidence { kind route } } } } } }`);
    const rows: { measureNumber: string; titleLevel: string | null; paid: boolean; evidence: { kind: string; route: string | null }[] }[] =
      data.county.supportEligibility.edges.map((edge: { node: unknown }) => edge.node);
    const groups = new Set(rows.map((row) => `${row.measureNumber}${row.titleLevel ? ` ${row.titleLevel}` : ''}`));
    expect([...groups]).toEqual(['(三)', '(五)', '(七)', '(八) ASSOCIATE', '(八) SENIOR']);
    expect(rows.every((row) => row.evidence.length > 0)).toBe(true);
    expect(rows.filter((row) => row.measureNumber === '(七)').flatMap((row) => row.evidence.map((e) => e.route))).not.toContain('PPH');
    // the seeded payment: (五) paid, the others not yet
    expect(rows.filter((row) => row.paid).map((row) => row.measureNumber)).toEqual(['(五)']);
  });

  it('has inventors on every patent, routes on every foreign grant, and transactions', async () => {
    const [counts] = await api.sql(`SELECT
      (SELECT count(*)::int FROM patent p WHERE NOT EXISTS (SELECT 1 FROM patent_inventor i WHERE i.patent_id = p.id)) AS without_inventors,
      (SELECT count(*)::int FROM patent_overseas_grant WHERE route IS NULL OR publication_number IS NULL) AS without_route,
      (SELECT count(DISTINCT kind)::int FROM patent_transaction) AS transaction_kinds`);
    expect(counts).toEqual({ without_inventors: 0, without_route: 0, transaction_kinds: 5 });
  });
});
