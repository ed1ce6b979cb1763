import { Client } from 'pg';
import { startTestServer, TestServer } from './support/test-server';

/**
 * The per-request time budget (REQUEST_TIMEOUT_MS, issue 17 item 2): it covers the whole request, not one statement;
 * when it runs out the statement running is cancelled, the transaction rolled back, and the answer is TIMEOUT (503).
 */

const BUDGET_MS = 800;
let api: TestServer;

beforeAll(async () => {
  // the statement timeout alone would let a statement wait 30 s
  api = await startTestServer({ REQUEST_TIMEOUT_MS: String(BUDGET_MS), STATEMENT_TIMEOUT_MS: '30000' });
  const added = await api.post(`mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }`);
  expect(added.body.errors).toBeUndefined();
});

afterAll(() => api?.stop());

/** Holds an ACCESS EXCLUSIVE lock on `table` (outside the server) until release(). */
async function lock(table: string) {
  const client = new Client({ connectionString: api.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    /** statements of other sessions of this database waiting for a lock */
    waiting: async () =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n as number,
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

it('answers TIMEOUT (503, Retry-After) when the budget runs out, and cancels the statement that was waiting', async () => {
  const held = await lock('county');
  try {
    const started = Date.now();
    const { status, headers, body } = await api.post('query Stalled { county(code: "500231") { name } }');
    const took = Date.now() - started;
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('5');
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/longer than its budget of 800 ms.*nothing was written/),
        extensions: { code: 'TIMEOUT', budgetMs: BUDGET_MS },
      },
    ]);
    expect(took).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    expect(took).toBeLessThan(5000);
    // the server's statement no longer waits for the lock: PostgreSQL cancelled it
    expect(await held.waiting()).toBe(0);
  } finally {
    await held.release();
  }
  expect((await api.post('{ county(code: "500231") { name } }')).body.data).toEqual({ county: { name: '垫江县' } });
});

it('rolls back what the request wrote before the budget ran out', async () => {
  const held = await lock('county_statistics');
  try {
    const { status, body } = await api.post(`mutation {
      added: upsertCounty(input: { code: "500232", name: "武隆区" }) { code }
      stalled: setCountyStatistics(input: { countyCode: "500231", year: 2023, population: 640000 }) { year }
    }`);
    expect(status).toBe(503);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['TIMEOUT']);
  } finally {
    await held.release();
  }
  expect((await api.post('{ county(code: "500232") { name } }')).body.data).toEqual({ county: null });
});

it('leaves a request within its budget alone', async () => {
  const { status, body } = await api.post('{ counties { code } }');
  expect(status).toBe(200);
  expect(body.data.counties).toEqual([{ code: '500231' }]);
});
