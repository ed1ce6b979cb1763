import { signToken } from '../src/auth/tokens';
import { formatError } from '../src/graphql/format-error';
import { encodeCursor } from '../src/graphql/pagination';
import { createLogger } from '../src/ops/logger';
import { startTestServer, TEST_SERVER_SECRET, TestServer } from './support/test-server';

/**
 * Client-caused problems answer a client's code, never 500 or 503 (issue 17, item 7): BAD_USER_INPUT naming the field,
 * UNAUTHENTICATED for a credential, 413 for a body too large; and `data: null` always means nothing was written.
 */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  const added = await api.post(`mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }`);
  expect(added.body.errors).toBeUndefined();
});
afterAll(() => api?.stop());

const countyNamed = async (code: string) => (await api.post(`{ county(code: "${code}") { name } }`)).body.data?.county?.name ?? null;

describe('a NUL character in a string', () => {
  it.each([
    [
      'a literal of an input',
      'mutation { upsertCounty(input: { code: "500232", name: "武隆\\u0000区" }) { code } }',
      undefined,
      'input.name',
    ],
    [
      'a variable',
      'mutation ($input: CountyInput!) { upsertCounty(input: $input) { code } }',
      { input: { code: '500232', name: '武隆\u0000区' } },
      '$input.name',
    ],
    ['a scalar argument', '{ county(code: "50023\\u00001") { name } }', undefined, 'code'],
    ['an escape with braces', '{ county(code: "50023\\u{0}1") { name } }', undefined, 'code'],
  ])('in %s is BAD_USER_INPUT naming it, HTTP 400, before anything runs', async (_, query, variables, field) => {
    const { status, body } = await api.post(query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: `${field}: must not contain the NUL character (U+0000)`,
        extensions: { code: 'BAD_USER_INPUT', field, reason: 'must not contain the NUL character (U+0000)' },
      },
    ]);
    expect(await countyNamed('500232')).toBeNull();
  });
});

describe('a cursor', () => {
  it.each([
    ['numbers where the sort has text', 'enterprises', [1, 2]],
    ['text that is not a day where the sort has a date', 'patents', ['last tuesday', '201811564288.X']],
    ['a NUL character', 'enterprises', ['a\u0000', 'b']],
    ['too few parts', 'patents', ['2024-01-01']],
  ])('with %s is BAD_USER_INPUT naming `after`, not a database error', async (_, list, key) => {
    const { status, body } = await api.post(
      `{ county(code: "500231") { ${list}(first: 5, after: "${encodeCursor(key as never)}") { totalCount } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['county', list],
        extensions: { code: 'BAD_USER_INPUT', field: 'after', reason: 'is not a cursor returned by this query' },
      }),
    ]);
  });
});

describe('a value the database cannot hold', () => {
  it('is BAD_USER_INPUT naming the field, with the database’s reason (data_exception, class 22), not INTERNAL_SERVER_ERROR', () => {
    const outOfRange = Object.assign(new Error('value "99999999999" is out of range for type integer'), { code: '22003' });
    const formatted = formatError(
      { message: outOfRange.message, path: ['setCountyStatistics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      outOfRange,
      createLogger('silent'),
    );
    expect(formatted).toEqual({
      message: 'setCountyStatistics: a number is out of range (value "99999999999" is out of range for type integer)',
      path: ['setCountyStatistics'],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'setCountyStatistics',
        reason: 'a number is out of range (value "99999999999" is out of range for type integer)',
      },
    });
    // division by zero is not the client's doing
    const division = Object.assign(new Error('division by zero'), { code: '22012' });
    expect(formatError({ message: 'x', extensions: {} }, division, createLogger('silent')).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('an Int past 32 bits is refused by GraphQL itself with 400', async () => {
    const { status, body } = await api.post('{ county(code: "500231") { plan(year: 2147483648) { title } } }');
    expect(status).toBe(400);
    expect(body.errors![0].message).toMatch(/Int cannot represent non 32-bit signed integer value/);
  });
});

describe('credentials', () => {
  it('refuses a token whose sub holds a NUL as UNAUTHENTICATED (401), not DATABASE_UNAVAILABLE', async () => {
    const token = await signToken(TEST_SERVER_SECRET, { sub: 'alice\u0000admin', role: 'ADMIN' as never, counties: ['*'] }, 600);
    const { status, body } = await api.post('{ me { subject } }', undefined, { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
    expect(body.errors).toEqual([
      {
        message: 'Unauthenticated: the token\'s claims are not usable: claim "sub" must not contain control characters',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });
});

describe('a body over 1 MiB', () => {
  const big = JSON.stringify({ query: '{ me { subject } }', variables: { padding: 'x'.repeat(1024 * 1024) } });

  it('answers 413 PAYLOAD_TOO_LARGE, announced by Content-Length or not', async () => {
    for (const body of [big, new Blob([big]).stream()]) {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await api.bearer() },
        body,
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'The request body is larger than 1048576 bytes; send fewer rows per request',
            extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 1048576 },
          },
        ],
      });
    }
  });

  it('leaves a body just under the limit alone', async () => {
    const padding = 'x'.repeat(1024 * 1024 - 200);
    const { status, body } = await api.post('query ($padding: ID!) { county(code: $padding) { name } }', { padding });
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).not.toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('data: null', () => {
  it('means nothing was written: a refused mutation rolls back the others of its request', async () => {
    const { status, body } = await api.post(`mutation {
      first: upsertCounty(input: { code: "500233", name: "丰都县" }) { code }
      second: upsertCounty(input: { code: "5002", name: "坏" }) { code }
    }`);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await countyNamed('500233')).toBeNull();

    // and a request that succeeds commits
    await api.post(`mutation { first: upsertCounty(input: { code: "500233", name: "丰都县" }) { code } }`);
    expect(await countyNamed('500233')).toBe('丰都县');
  });
});
