import { seedDemo } from '../src/seed/seed';
import { createTestApi, TestApi } from './support/test-api';

/** Issue 13's cases on the demo data (docs/alerts.md shows them; tests/docs.test.ts checks the answers it prints). */
jest.setTimeout(120_000);
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await seedDemo(api.dataSource);
});
afterAll(() => api.close());
it("the demo data shows the issue's cases: expiring high-tech certificates against the 60-enterprise target, both kinds of candidate, a gap one patent short closed", async () => {
  const { county } = await api.ok(`{ county(code: "500231") {
    alerts(asOf: "2024-12-31", withinDays: 180, kinds: [CERTIFICATE_EXPIRING], first: 100) { edges { node { category effect { indicator target before after } } } }
    highValueCandidates(asOf: "2024-12-31", first: 100) { edges { node { reason } } } } }`);
  const highTech = county.alerts.edges.map((e: any) => e.node).filter((n: any) => n.category === 'HIGH_TECH');
  expect(highTech).toHaveLength(16);
  expect(highTech.map((n: any) => n.effect.after)).toEqual(Array.from({ length: 16 }, (_, i) => 52 - i));
  expect(
    highTech.every((n: any) => n.effect.indicator === 'HIGH_TECH_ENTERPRISES' && n.effect.target === 60 && n.effect.before === 53),
  ).toBe(true);
  expect(new Set(county.highValueCandidates.edges.map((e: any) => e.node.reason))).toEqual(
    new Set(['MAINTAINED_OVER_10_YEARS', 'HIGH_PLEDGE_FINANCING']),
  );
  const { enterprise } = await api.ok(
    `{ enterprise(creditCode: "9150023190000048MJ") { pathToTarget(asOf: "2024-12-31") { gap closable candidates { patent { applicationNumber } } } } }`,
  );
  expect(enterprise.pathToTarget).toMatchObject([
    { gap: 1, closable: true, candidates: [{ patent: { applicationNumber: '201519001760.6' } }, {}] },
  ]);
});
