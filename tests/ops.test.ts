import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DestinationStream } from 'pino';
import { Config, loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { withDatabase } from '../src/db/embedded';
import { RequestDatabase } from '../src/db/request-database';
import { formatError } from '../src/graphql/format-error';
import { RunningServer, startServer } from '../src/server';
import { createLogger } from '../src/ops/logger';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { testAdminUrl, testAppUrl } from './support/test-api';
import { withClient } from '../src/db/client';
import { sql as statement } from '../src/db/sql';

/** Operations: /health, /ready, /metrics, the request log, the statement timeout; a server of its own over HTTP. */

const admin = <T>(work: (client: Client) => Promise<T>): Promise<T> => withClient(testAdminUrl(), work);

/** one statement on the test database, outside the server */
async function sql(text: string, params: unknown[] = []): Promise<any[]> {
  return withClient(databaseUrl, async (client) => (await client.query(text, params)).rows);
}

/** A JSON-lines sink for pino: every line the server logs. */
class LogLines implements DestinationStream {
  text = '';
  write(line: string): void {
    this.text += line;
  }
  get lines(): Record<string, any>[] {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }
  forRequest(id: string): Record<string, any> {
    const line = this.lines.find((entry) => entry.requestId === id && entry.msg === 'request');
    if (!line) throw new Error(`no request line for ${id} in:\n${this.text}`);
    return line;
  }
}

const STATEMENT_TIMEOUT_MS = 1000;
const databaseName = `hvp_test_ops_${randomBytes(6).toString('hex')}`;
const databaseUrl = withDatabase(testAdminUrl(), databaseName);
const JWT_SECRET = 'ops-test-secret-of-at-least-32-characters';
const METRICS_TOKEN = 'ops-test-metrics-token';
/** the operations of these tests, known to the metrics as those of schema/operations/ are */
const OPERATIONS = ['AddCounty', 'Held', 'Rename', 'Slow'];
const config: Config = {
  ...loadConfig({}),
  port: 0,
  databaseUrl,
  poolSize: 4,
  logLevel: 'debug',
  statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  jwtSecret: JWT_SECRET,
  metricsToken: METRICS_TOKEN,
};
const log = new LogLines();
let server: RunningServer;
/** an ADMIN of every county */
let token: string;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
}

async function metricsText(of: RunningServer = server): Promise<string> {
  const response = await fetch(`${of.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** the value of one sample line ("name{labels} value"), or undefined when absent */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Holds an ACCESS EXCLUSIVE lock on `table` until release(): any statement of the server touching it waits. */
async function lockTable(table: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

beforeAll(async () => {
  await admin((client) => client.query(`CREATE DATABASE ${databaseName}`));
  // the application's login role (not the owner): the server refuses to query as the owner
  config.appDatabaseUrl = await testAppUrl(databaseUrl);
  token = await signToken(JWT_SECRET, { sub: 'ops-test', role: Role.ADMIN, counties: ['*'] }, 3600);
  server = await startServer(config, { logger: createLogger('debug', log), knownOperations: OPERATIONS });
});

afterAll(async () => {
  await server?.stop();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

describe('configuration', () => {
  it('reads LOG_LEVEL and STATEMENT_TIMEOUT_MS with their defaults, and refuses nonsense', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', statementTimeoutMs: 15000, port: 4000 });
    expect(loadConfig({ LOG_LEVEL: 'silent', STATEMENT_TIMEOUT_MS: '250', PORT: '0' })).toMatchObject({
      logLevel: 'silent',
      statementTimeoutMs: 250,
      port: 0,
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '0' })).toThrow(/STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '1.5' })).toThrow(/STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
  });
});

describe('GET /health and GET /ready', () => {
  it('/health answers 200 with a request id', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/ready answers 200 when the database answers and every migration is applied, 503 with a reason while one is pending', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const [last] = await sql(`DELETE FROM typeorm_migrations WHERE id = (SELECT max(id) FROM typeorm_migrations) RETURNING *`);
    try {
      const pending = await fetch(`${server.url}/ready`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toEqual({ status: 'unavailable', reason: 'migrations pending' });
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'not ready', reason: 'migrations pending' }));
    } finally {
      await sql(`INSERT INTO typeorm_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });
});

describe('the request log', () => {
  it('logs one JSON line per request with its id, operation, duration, outcome and error codes, echoing the id', async () => {
    const { response, body } = await post(
      {
        query: 'mutation AddCounty($input: CountyInput!) { upsertCounty(input: $input) { code name } }',
        variables: { input: { code: '500231', name: '垫江县' } },
      },
      { 'x-request-id': 'ops-test-1' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.upsertCounty).toEqual({ code: '500231', name: '垫江县' });
    expect(response.headers.get('x-request-id')).toBe('ops-test-1');

    const line = log.forRequest('ops-test-1');
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'AddCounty',
      outcome: 'success',
      errorCodes: [],
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
  });

  it('logs a refused request with its error codes', async () => {
    const { response, body } = await post({ query: 'query Broken { nope }' }, { 'x-request-id': 'ops-test-2' });
    expect(response.status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(log.forRequest('ops-test-2')).toMatchObject({ status: 400, outcome: 'rejected', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });

    const notJson = await post('{not json', { 'x-request-id': 'ops-test-3' });
    expect(notJson.response.status).toBe(400);
    expect(log.forRequest('ops-test-3')).toMatchObject({ outcome: 'rejected', errorCodes: ['BAD_REQUEST'] });
  });

  it('replaces a request id that is not a plain token with a fresh one', async () => {
    const response = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'a b"c'.repeat(3) } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const tooLong = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'x'.repeat(129) } });
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('never logs the Authorization header, tokens, variables or results', async () => {
    await post(
      {
        query: 'mutation Rename($input: CountyInput!) { upsertCounty(input: $input) { name } }',
        variables: { input: { code: '500231', name: '秘密县名' } },
      },
      { 'x-request-id': 'ops-test-4' },
    );
    expect(log.forRequest('ops-test-4')).toMatchObject({ operation: 'Rename', outcome: 'success' });
    await post({ query: '{ counties { code } }' }, { authorization: 'Bearer top-secret-token-4711', 'x-request-id': 'ops-test-5' });
    expect(log.forRequest('ops-test-5')).toMatchObject({ status: 401, outcome: 'rejected', errorCodes: ['UNAUTHENTICATED'] });
    for (const secret of [token, token.split('.')[2], 'top-secret-token', 'Bearer', '秘密县名', '垫江县', 'authorization', 'variables']) {
      expect(log.text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    await post({ query: 'mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }' });
  });
});

describe('GET /metrics', () => {
  it('counts requests by operation and outcome, their latency, errors by code, the pool, the event loop and memory', async () => {
    const text = await metricsText();
    expect(sample(text, 'hvp_graphql_requests_total{operation="AddCounty",outcome="success"}')).toBe(1);
    // two bad requests and one with a bad token
    expect(sample(text, 'hvp_graphql_requests_total{operation="unknown",outcome="rejected"}')).toBe(3);
    expect(sample(text, 'hvp_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_request_duration_seconds_count{operation="AddCounty"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_request_duration_seconds_bucket{le="+Inf",operation="AddCounty"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_errors_total{code="BAD_REQUEST"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_requests_in_flight')).toBe(0);
    expect(sample(text, 'hvp_db_pool_max_connections')).toBe(4);
    const open = sample(text, 'hvp_db_pool_connections')!;
    expect(open).toBeGreaterThanOrEqual(1);
    expect(open).toBeLessThanOrEqual(4);
    expect(sample(text, 'hvp_db_pool_idle_connections')! + sample(text, 'hvp_db_pool_in_use_connections')!).toBe(open);
    expect(sample(text, 'hvp_db_pool_waiting_requests')).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
    // not a GraphQL request: probes and scrapes are not counted as operations
    expect(text).not.toMatch(/operation="\/?(health|ready|metrics)"/);
  });

  it('shows the pool as it is: a connection held by a request counts in use', async () => {
    const lock = await lockTable('county');
    const slow = post({ query: 'query Held { county(code: "500231") { name } }' });
    try {
      await waitForLockWaiter();
      const text = await metricsText();
      expect(sample(text, 'hvp_graphql_requests_in_flight')).toBe(1);
      expect(sample(text, 'hvp_db_pool_in_use_connections')).toBeGreaterThanOrEqual(1);
    } finally {
      await lock.release();
    }
    expect((await slow).body.data.county.name).toBe('垫江县');
  });

  it("keeps each server's metrics in a registry of its own", async () => {
    const second = await startServer(config, { logger: createLogger('silent'), knownOperations: OPERATIONS });
    try {
      const text = await metricsText(second);
      expect(text).toContain('hvp_graphql_requests_total');
      expect(text).not.toContain('operation="AddCounty"');
      expect(sample(await metricsText(), 'hvp_graphql_requests_total{operation="AddCounty",outcome="success"}')).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

async function waitForLockWaiter(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ waiting }] = await admin((client) =>
      client.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [databaseName]),
    ).then((result) => result.rows);
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no statement of the server waited for the lock');
}

describe('the statement timeout', () => {
  it('is set on the request transaction only: a longer statement fails with 57014, the pooled connection keeps no timeout', async () => {
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 1 });
    await dataSource.initialize();
    try {
      const limited = new RequestDatabase(dataSource, { statementTimeoutMs: 50 });
      expect(await limited.query(statement`SHOW statement_timeout`)).toEqual([{ statement_timeout: '50ms' }]);
      await expect(limited.query(statement`SELECT pg_sleep(1)`)).rejects.toMatchObject({ code: '57014' });
      await limited.finish(false);

      const unlimited = new RequestDatabase(dataSource);
      expect(await unlimited.query(statement`SHOW statement_timeout`)).toEqual([{ statement_timeout: '0' }]);
      await unlimited.finish(true);
      expect(() => new RequestDatabase(dataSource, { statementTimeoutMs: 0 })).toThrow(/statementTimeoutMs/);
    } finally {
      await dataSource.destroy();
    }
  });

  it("formats PostgreSQL's query_canceled (57014) as a TIMEOUT error", () => {
    const canceled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const formatted = formatError(
      { message: canceled.message, path: ['county'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      canceled,
      createLogger('silent'),
    );
    expect(formatted).toMatchObject({ path: ['county'], extensions: { code: 'TIMEOUT' } });
    expect(formatted.message).toMatch(/statement timeout/);
  });

  it('turns a statement that runs past STATEMENT_TIMEOUT_MS into a TIMEOUT error through GraphQL, counted and logged', async () => {
    const lock = await lockTable('county');
    const started = Date.now();
    let answer: Awaited<ReturnType<typeof post>>;
    try {
      answer = await post({ query: 'query Slow { county(code: "500231") { name } }' }, { 'x-request-id': 'ops-test-timeout' });
    } finally {
      await lock.release();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
    expect(answer.response.status).toBe(200);
    expect(answer.body.data).toEqual({ county: null });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        path: ['county'],
        extensions: expect.objectContaining({ code: 'TIMEOUT' }),
        message: expect.stringMatching(/statement timeout/),
      }),
    ]);
    expect(log.forRequest('ops-test-timeout')).toMatchObject({ operation: 'Slow', outcome: 'error', errorCodes: ['TIMEOUT'] });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', requestId: 'ops-test-timeout', msg: expect.stringMatching(/statement timeout/) }),
    );
    const text = await metricsText();
    expect(sample(text, 'hvp_graphql_errors_total{code="TIMEOUT"}')).toBe(1);
    expect(sample(text, 'hvp_graphql_requests_total{operation="Slow",outcome="error"}')).toBe(1);

    // the next request is served as usual
    expect((await post({ query: '{ county(code: "500231") { name } }' })).body.data.county.name).toBe('垫江县');
  });
});

describe('when the database goes away', () => {
  it('/ready turns 503 while /health stays 200', async () => {
    await admin((client) => client.query(`DROP DATABASE ${databaseName} WITH (FORCE)`));
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
