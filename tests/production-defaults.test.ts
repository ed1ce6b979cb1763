import { loadConfig } from '../src/config';
import { startTestServer, TestServer } from './support/test-server';

/**
 * Production by default (issue 17, item 8): no stack traces, no introspection and no "Did you mean" hints unless asked
 * for, and /metrics only for the scraper holding METRICS_TOKEN, with series labelled by known operations only.
 */

const METRICS_TOKEN = 'production-defaults-metrics-token';
let production: TestServer;
let withIntrospection: TestServer;

beforeAll(async () => {
  // Apollo shows stack traces unless NODE_ENV is production or test: the server must not follow NODE_ENV
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  try {
    production = await startTestServer({ METRICS_TOKEN }, {}, { knownOperations: ['KnownOperation'] });
    withIntrospection = await startTestServer({ GRAPHQL_INTROSPECTION: 'true' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await production.post(`mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }`);
});

afterAll(async () => {
  await production?.stop();
  await withIntrospection?.stop();
});

describe('configuration', () => {
  it('turns introspection on only when asked, or in the embedded demo start', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hvp' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hvp', GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'yes' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('accepts GRAPHQL_STACK_TRACES only in development', () => {
    expect(loadConfig({}).graphqlStackTraces).toBe(false);
    expect(() => loadConfig({ GRAPHQL_STACK_TRACES: 'true' })).toThrow(/NODE_ENV=development/);
    expect(() => loadConfig({ GRAPHQL_STACK_TRACES: 'true', NODE_ENV: 'production' })).toThrow(/NODE_ENV=development/);
    expect(loadConfig({ GRAPHQL_STACK_TRACES: 'true', NODE_ENV: 'development' }).graphqlStackTraces).toBe(true);
  });
});

describe('errors', () => {
  it('carry no stack trace, even with NODE_ENV=development', async () => {
    const answers = [
      await production.post('{ county(code: "500231") { nope } }'),
      await production.post('mutation { upsertCounty(input: { code: "5002", name: "x" }) { code } }'),
    ];
    for (const { body } of answers) {
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) expect(error.extensions?.stacktrace).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/node_modules|\/src\//);
    }
  });

  it('give no "Did you mean" hints while introspection is off, and do with it on', async () => {
    const misspelt = '{ county(code: "500231") { nam } }';
    const enumVariable = [
      'query ($kinds: [IndicatorKind!]) { county(code: "500231") { indicatorSeries(kinds: $kinds) { kind } } }',
      { kinds: ['HIGH_VALUE_PATENT'] },
    ] as const;
    const hidden = [await production.post(misspelt), await production.post(...enumVariable)];
    for (const { status, body } of hidden) {
      expect(status).toBe(400);
      expect(body.errors![0].message).not.toMatch(/Did you mean/);
    }
    expect(hidden[0].body.errors![0].message).toBe('Cannot query field "nam" on type "County".');
    const shown = [await withIntrospection.post(misspelt), await withIntrospection.post(...enumVariable)];
    for (const { body } of shown) expect(body.errors![0].message).toMatch(/Did you mean .*"(name|HIGH_VALUE_PATENTS)"/);
  });
});

describe('introspection', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('is refused by default, before anything runs', async () => {
    const { status, body } = await production.post(INTROSPECTION);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors![0].message).toMatch(/introspection/i);
  });

  it('answers with GRAPHQL_INTROSPECTION=true', async () => {
    const { status, body } = await withIntrospection.post(INTROSPECTION);
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('GET /metrics', () => {
  const scrape = (server: TestServer, authorization?: string) =>
    fetch(`${server.server.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers only the scraper holding METRICS_TOKEN, and is not served without one', async () => {
    expect((await scrape(production)).status).toBe(401);
    expect((await scrape(production, 'Bearer production-defaults-metrics-wrong')).status).toBe(401);
    expect((await scrape(production, `Bearer ${await production.bearer()}`)).status).toBe(401);
    expect((await scrape(production, `Bearer ${METRICS_TOKEN}`)).status).toBe(200);
    expect((await scrape(withIntrospection, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
  });

  it('labels series by known operation names only: any other name a client chooses counts as "other"', async () => {
    const chosen = Array.from({ length: 5 }, (_, i) => `ClientChosen${i}_${Date.now()}`);
    for (const name of chosen) await production.post(`query ${name} { counties { code } }`);
    await production.post('query KnownOperation { counties { code } }');
    await production.post('{ counties { code } }');
    const text = await (await scrape(production, `Bearer ${METRICS_TOKEN}`)).text();
    for (const name of chosen) expect(text).not.toContain(name);
    expect(text).toMatch(/^hvp_graphql_requests_total\{operation="other",outcome="success"\} 5$/m);
    expect(text).toMatch(/^hvp_graphql_requests_total\{operation="KnownOperation",outcome="success"\} 1$/m);
    expect(text).toMatch(/^hvp_graphql_requests_total\{operation="anonymous",outcome="success"\} [1-9]/m);
    for (const [, label] of text.matchAll(/operation="([^"]*)"/g))
      expect(['KnownOperation', 'anonymous', 'other', 'unknown']).toContain(label);
  });
});
