import 'reflect-metadata';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { createDatabaseIfMissing } from '../src/db/database';
import { withDatabase } from '../src/db/embedded';
import { RunningServer, startServer } from '../src/server';
import { isDatabaseUnavailable } from '../src/ops/database-faults';
import { createLogger } from '../src/ops/logger';
import {
  blackHole,
  EmbeddedPostgresProcess,
  embeddedPostgresProcess,
  eventually,
  freePort,
  temporaryFolder,
  withClient,
} from './support/ops-postgres';

/**
 * Database faults, for real: the server runs on a PostgreSQL server of this test's own (embedded, own port and
 * folder), which the test stops under it, replaces by a host that never answers, and starts again. Requests fail fast
 * with DATABASE_UNAVAILABLE (HTTP 503) meanwhile, /ready says 503, the server serves again once the database is back,
 * and every write it acknowledged is there.
 */

const JWT_SECRET = 'faults-test-secret-of-at-least-32-characters';
const CONNECT_TIMEOUT_MS = 500;
/** far above what a failing request takes (a refused connection: milliseconds; a silent host: CONNECT_TIMEOUT_MS) */
const FAST_MS = 4000;

const folder = temporaryFolder('hvp-faults-');
const dataDir = path.join(folder.dir, 'postgres');
let port: number;
let embedded: EmbeddedPostgresProcess;
let ownerUrl: string;
let server: RunningServer;
let token: string;

async function graphql(query: string, variables?: Record<string, unknown>, authorization = `Bearer ${token}`) {
  const started = Date.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body, ms: Date.now() - started };
}

const ADD_COUNTY = `mutation AddCounty($input: CountyInput!) { upsertCounty(input: $input) { code name } }`;
const READ_COUNTIES = `query Counties { counties { code } }`;

/** county codes written and acknowledged (200, no error) by the server */
const acknowledged: string[] = [];
let serial = 0;

async function addCounty() {
  const code = String(510000 + ++serial);
  const answer = await graphql(ADD_COUNTY, { input: { code, name: `测试县 ${serial}` } });
  if (answer.status === 200 && !answer.body.errors && answer.body.data?.upsertCounty?.code === code) acknowledged.push(code);
  return answer;
}

function expectUnavailable(answer: Awaited<ReturnType<typeof graphql>>) {
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe('5');
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  for (const error of answer.body.errors!) {
    expect(error.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toMatch(/database is unavailable/);
  }
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.ms).toBeLessThan(FAST_MS);
}

async function readiness() {
  const response = await fetch(`${server.url}/ready`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

const METRICS_TOKEN = 'faults-test-metrics-token';

beforeAll(async () => {
  port = await freePort();
  embedded = await embeddedPostgresProcess(dataDir, port);
  await createDatabaseIfMissing(embedded.adminUrl, 'hvp');
  ownerUrl = withDatabase(embedded.adminUrl, 'hvp');
  token = await signToken(JWT_SECRET, { sub: 'faults-test', role: Role.ADMIN, counties: ['*'] }, 3600);
  server = await startServer(
    {
      ...loadConfig({}),
      port: 0,
      databaseUrl: ownerUrl,
      appDatabasePassword: 'faults-test-app-password',
      jwtSecret: JWT_SECRET,
      poolSize: 4,
      databaseConnectTimeoutMs: CONNECT_TIMEOUT_MS,
      logLevel: 'silent',
      metricsToken: METRICS_TOKEN,
    },
    { logger: createLogger('silent'), knownOperations: ['Counties'] },
  );
});

afterAll(async () => {
  await server?.stop();
  await embedded?.stop();
  folder.remove();
});

describe('classifying errors', () => {
  it('tells a database that is not there from a failing statement', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    // TypeORM's QueryFailedError keeps the driver's error
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('reads DATABASE_CONNECT_TIMEOUT_MS', () => {
    expect(loadConfig({}).databaseConnectTimeoutMs).toBe(5000);
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '750' }).databaseConnectTimeoutMs).toBe(750);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});

describe('PostgreSQL stops and starts again under the server', () => {
  it('fails fast with DATABASE_UNAVAILABLE and /ready 503 while it is away, serves again when it is back, and loses no acknowledged write', async () => {
    // serving
    for (let i = 0; i < 5; i++) expect((await addCounty()).status).toBe(200);
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready' } });
    const created = await graphql(`
      mutation {
        createApiKey(input: { name: "faults", role: VIEWER, counties: ["*"] }) {
          key
        }
      }
    `);
    expect(created.body.errors).toBeUndefined();
    const apiKey = `ApiKey ${created.body.data.createApiKey.key}`;
    expect((await graphql(READ_COUNTIES, undefined, apiKey)).status).toBe(200);

    // writes keep coming while the database stops: each is acknowledged or refused, none hangs
    let writing = true;
    const writer = (async () => {
      const statuses: number[] = [];
      while (writing) statuses.push((await addCounty()).status);
      return statuses;
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await embedded.stop();

    // down: the port refuses connections
    expectUnavailable(await graphql(READ_COUNTIES));
    expectUnavailable(await addCounty());
    // an API key is looked up in the database before the operation runs
    expectUnavailable(await graphql(READ_COUNTIES, undefined, apiKey));
    const unready = await readiness();
    expect(unready).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database unreachable' } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    writing = false;
    const statuses = await writer;
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(503);

    // a host that accepts connections and never answers: DATABASE_CONNECT_TIMEOUT_MS ends the wait
    const silent = await blackHole(port);
    try {
      const answer = await graphql(READ_COUNTIES);
      expectUnavailable(answer);
      expect(answer.ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
      expect(silent.connections()).toBeGreaterThan(0);
      expectUnavailable(await addCounty());
      expect((await readiness()).status).toBe(503);
    } finally {
      await silent.close();
    }

    // back: the same server serves again, no restart
    await embedded.start();
    await eventually('ready again', async () => ((await readiness()).status === 200 ? true : undefined));
    const after = await addCounty();
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect((await graphql(READ_COUNTIES, undefined, apiKey)).status).toBe(200);

    // every acknowledged write is there, read by the owner outside the server and by the server itself
    const stored = await withClient(ownerUrl, async (client) =>
      (await client.query(`SELECT code FROM county`)).rows.map((row) => row.code),
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(6);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    const served = await graphql(READ_COUNTIES);
    expect(served.status).toBe(200);
    expect(served.body.data.counties.map((county: { code: string }) => county.code)).toEqual(expect.arrayContaining(acknowledged));

    // counted by code in /metrics
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/^hvp_graphql_errors_total\{code="DATABASE_UNAVAILABLE"\} [1-9]/m);
    expect(metrics).toMatch(/^hvp_graphql_requests_total\{operation="Counties",outcome="failed"\} [1-9]/m);
  });
});
