import 'reflect-metadata';
import { GraphQLSchema, parse, validate } from 'graphql';
import * as benchQueries from '../bench/queries';
import * as soakQueries from '../bench/soak-queries';
import { loadConfig } from '../src/config';
import { analyzeOperation, DEFAULT_QUERY_LIMITS, exceededLimit } from '../src/graphql/query-limits';
import { exampleOperations } from '../src/graphql/operations';
import { graphqlSchema } from '../src/graphql/schema';
import { blocks, PAGES } from './support/docs';
import { createTestApi, TestApi } from './support/test-api';
import { startTestServer, TestServer } from './support/test-server';

/**
 * Bounds before execution (issue 17, item 2): depth, aliases, tokens and a cost from first/last multipliers, refused
 * with QUERY_TOO_COMPLEX (HTTP 400) before any statement runs; every query the docs, the bench and the soak send
 * stays within them.
 */

/** the GraphQL examples of the README and docs/, and the example operations of schema/operations/ */
const docsQueries = (): [string, string][] => [
  ...PAGES.flatMap(blocks)
    .filter((block) => block.lang === 'graphql')
    .map((block, i): [string, string] => [`${block.page} example ${i + 1}`, block.text]),
  ...exampleOperations().map((operation): [string, string] => [operation.file, operation.document]),
];
const QUERIES: [string, string][] = [
  ...docsQueries(),
  ...Object.entries(benchQueries).filter(([name]) => name.endsWith('_QUERY')),
  ...(Object.entries(soakQueries) as [string, string][]),
];

/** four levels of `first: 100`: the query that took ~20 s and 17 MB (issue 17) */
const NESTED_PAGES = `{ counties { enterprises(first: 100) { edges { node { patents(first: 100) { edges { node {
  owners { patents(first: 100) { edges { node { owners { pledgeFinancings { patents { title } } } } } } } } } } } } } } }`;
/** 280 aliases of indicators: 18 s (issue 17) */
const ALIASED_INDICATORS = `{ county(code: "500231") { ${Array.from(
  { length: 280 },
  (_, i) => `i${i}: indicators(asOf: "2024-12-31") { kind actual target progress met }`,
).join(' ')} } }`;

/** values for the variables of the bench's and the soak's operations */
const VARIABLES = {
  code: '500231',
  countyCode: '500231',
  parentCode: '500000',
  asOf: '2024-12-31',
  creditCode: '9150023190000018MH',
  number: '201811564288.X',
  year: 2024,
};

let schema: GraphQLSchema;
let api: TestApi;
let server: TestServer;

beforeAll(async () => {
  schema = await graphqlSchema();
  api = await createTestApi();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
  await api?.close();
});

describe('the default limits', () => {
  it.each(QUERIES)('let %s through', (_, query) => {
    expect(QUERIES.length).toBeGreaterThan(15);
    const document = parse(query, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens });
    expect(validate(schema, document)).toEqual([]);
    const measure = analyzeOperation(schema, document, VARIABLES);
    expect(exceededLimit(measure, DEFAULT_QUERY_LIMITS)).toBeNull();
  });

  it('price a connection by its page size and a list by its estimate', () => {
    const cost = (query: string) => analyzeOperation(schema, parse(query)).cost;
    // targetGaps: 1 + 10 rows × edges (1 + node (1 + gap 1)); the edges are the page, not a list of 10 more
    expect(cost('{ targetGaps(countyCode: "500231", first: 10) { edges { node { gap } } } }')).toBe(1 + 10 * (1 + (1 + 1)));
    expect(cost('{ targetGaps(countyCode: "500231", first: 100) { totalCount } }')).toBe(1 + 100 * 1);
    // first past 100 is the field's own BAD_USER_INPUT; the cost counts at most 100
    expect(cost('{ targetGaps(countyCode: "500231", first: 100000) { totalCount } }')).toBe(1 + 100 * 1);
    // the default page size, 50
    expect(cost('{ targetGaps(countyCode: "500231") { totalCount } }')).toBe(1 + 50 * 1);
    expect(cost('{ counties { code name } }')).toBe(1 + 10 * 2);
    expect(cost('{ county(code: "500231") { name } }')).toBe(1 + 1);
  });
});

describe('settings', () => {
  it('reads QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_TOKENS, QUERY_MAX_COST and REQUEST_TIMEOUT_MS, with their defaults', () => {
    expect(loadConfig({}).queryLimits).toEqual({ maxDepth: 10, maxAliases: 30, maxTokens: 5000, maxCost: 50000 });
    expect(loadConfig({}).requestTimeoutMs).toBe(20000);
    const set = loadConfig({
      QUERY_MAX_DEPTH: '6',
      QUERY_MAX_ALIASES: '0',
      QUERY_MAX_TOKENS: '800',
      QUERY_MAX_COST: '900',
      REQUEST_TIMEOUT_MS: '1000',
    });
    expect(set.queryLimits).toEqual({ maxDepth: 6, maxAliases: 0, maxTokens: 800, maxCost: 900 });
    expect(set.requestTimeoutMs).toBe(1000);
    expect(() => loadConfig({ QUERY_MAX_COST: 'lots' })).toThrow(/QUERY_MAX_COST/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('the attacks of issue 17', () => {
  it.each([
    ['four nested pages of 100', NESTED_PAGES, 'depth'],
    ['280 aliases of indicators', ALIASED_INDICATORS, 'aliases'],
  ])('refuses %s with QUERY_TOO_COMPLEX, HTTP 400, before any statement', async (_, query, limit) => {
    const before = api.counter.statements.length;
    const answer = await api.execute(query);
    expect(api.counter.statements.length).toBe(before);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit, maximum: expect.any(Number) }) }),
    ]);

    const { status, body } = await server.post(query);
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(typeof body.errors![0].extensions!.cost).toBe('number');
  });

  it('refuses a query whose cost is past the limit even when it is shallow and has no alias', async () => {
    const query = `{ counties { enterprises(first: 100) { edges { node { patents(first: 100) { edges { node { title } } } } } } } }`;
    const { status, body } = await server.post(query);
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      maximum: DEFAULT_QUERY_LIMITS.maxCost,
      // counties (10) × enterprises (100) × edges × node × patents (100) × edges × node { title }
      actual: 1 + 10 * (1 + 100 * (1 + (1 + (1 + 100 * (1 + (1 + 1)))))),
      cost: 1 + 10 * (1 + 100 * (1 + (1 + (1 + 100 * (1 + (1 + 1)))))),
    });
    expect(body.errors![0].message).toMatch(/too complex.*at most 50000/);
  });

  it('refuses a document of too many tokens, and counts the aliases of a fragment where it is spread', async () => {
    const long = `{ ${Array.from({ length: 3000 }, () => 'me { role }').join(' ')} }`;
    const tokens = await server.post(long);
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 5000 });

    // aliases count where a fragment is spread: 20 aliases once pass, twice do not
    const twenty = Array.from({ length: 20 }, (_, i) => `r${i}: role`).join(' ');
    const once = await server.post(`{ me { ...Roles } } fragment Roles on Caller { ${twenty} }`);
    expect(once.status).toBe(200);
    const twice = await server.post(`{ me { ...Roles } again: me { ...Roles } } fragment Roles on Caller { ${twenty} }`);
    expect(twice.status).toBe(400);
    expect(twice.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 30, actual: 41 });
  });
});
