/**
 * docs/plan-tasks-and-reports.md shows real answers: its examples, run in order on a fresh demo as the demo's ADMIN
 * (sub "demo", as `npm start` prints it), answer what the page shows after each (abridged answers: every key and list
 * element shown is in the answer, in order).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../src/seed/seed';
import { abridges } from './support/docs';
import { createTestApi, TestApi } from './support/test-api';

jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  expect(await seedDemo(api.dataSource)).toBe(true);
});
afterAll(() => api.close());

it('the page answers what it shows, example after example', async () => {
  const text = readFileSync(path.join(__dirname, '..', 'docs', 'plan-tasks-and-reports.md'), 'utf8');
  const found = [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)];
  const demo = api.as({ role: 'ADMIN', counties: ['*'], sub: 'demo' });
  let checked = 0;
  for (let i = 0; i < found.length; i++) {
    if (found[i][1] !== 'graphql') continue;
    const result = await demo.execute(found[i][2]);
    expect(result.errors).toBeUndefined();
    const next = found[i + 1];
    expect({ example: found[i][2].slice(0, 60), answer: next?.[1] }).toEqual({ example: found[i][2].slice(0, 60), answer: 'json' });
    const shown = JSON.parse(next[2]) as unknown;
    if (!abridges(shown, result))
      expect({ example: found[i][2].slice(0, 60), result }).toEqual({ example: found[i][2].slice(0, 60), result: shown });
    checked++;
  }
  expect(checked).toBe(9);
});
