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
