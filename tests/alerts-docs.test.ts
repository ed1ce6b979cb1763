import { seedDemo } from '../src/seed/seed';
import { abridges, blocks } from './support/docs';
import { createTestApi, TestApi } from './support/test-api';

/**
 * docs/alerts.md answers what it shows, on the demo data: each GraphQL example followed by "answers …:" and a json block
 * (tests/docs.test.ts reads the text between the two blocks, where the answer is not).
 */
jest.setTimeout(120_000);
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await seedDemo(api.dataSource);
});
afterAll(() => api.close());
it('docs/alerts.md: every example shown with its answer answers that', async () => {
  const all = blocks('docs/alerts.md');
  let checked = 0;
  for (let i = 0; i < all.length - 1; i++) {
    if (all[i].lang !== 'graphql' || all[i + 1].lang !== 'json' || !/^\s*answers[^\n]*:\s*$/.test(all[i].after)) continue;
    const result = await api.execute(all[i].text);
    expect(result.errors).toBeUndefined();
    const shown = JSON.parse(all[i + 1].text);
    if (!abridges(shown, { data: result.data })) expect({ data: result.data }).toEqual(shown);
    checked++;
  }
  expect(checked).toBe(8);
});

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
