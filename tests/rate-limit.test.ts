import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { SignJWT } from 'jose';
import { Role } from '../src/auth/principal';
import { lifetimeProblem } from '../src/auth/tokens';
import { apiKeyExpiry } from '../src/auth/api-keys';
import { loadConfig } from '../src/config';
import { memoryBuckets } from '../src/http/rate-limit';
import { startTestServer, TEST_SERVER_SECRET, TestServer } from './support/test-server';

/**
 * A rate limit per credential (issue 17, item 9): a token bucket per API key or token subject, paying 1 a request plus
 * the operation's cost, one per address for failed authentications; in memory, or shared through Redis by several
 * servers. And bounded credentials: JWT_MAX_TTL, API_KEY_MAX_TTL.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
/** 60 points a minute, 30 at most: a handful of cheap requests, then 429 */
const LIMITED = { RATE_LIMIT_POINTS_PER_MINUTE: '60', RATE_LIMIT_BURST: '30', RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '3' };
const ME = 'query Me { me { subject } }'; // cost 2: 3 points a request
const servers: TestServer[] = [];

async function server(env: NodeJS.ProcessEnv, database?: string) {
  const started = await startTestServer(env, {}, {}, database);
  servers.push(started);
  return started;
}
afterAll(async () => {
  for (const started of servers.reverse()) await started.stop();
});

/** a subject no other test (nor an earlier run, through Redis) has used */
const someone = () => ({ sub: `rate-${randomBytes(6).toString('hex')}`, role: Role.VIEWER, counties: ['500231'] });

describe('the token bucket', () => {
  it('lets a burst through, refuses then with the wait until a point is back, and refills with time', async () => {
    let now = 0;
    const store = memoryBuckets(() => now);
    const bucket = { capacity: 5, perSecond: 1 };
    const taken = [];
    for (let i = 0; i < 7; i++) taken.push((await store.take('k', 1, bucket)).allowed);
    expect(taken).toEqual([true, true, true, true, true, false, false]);
    expect(await store.take('k', 1, bucket)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 2000;
    expect((await store.take('k', 1, bucket)).allowed).toBe(true);
    // a costly request is paid in full: the bucket goes below zero and the next ones wait for it
    expect((await store.take('k', 20, bucket)).allowed).toBe(true);
    expect(await store.take('k', 1, bucket)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect((await store.take('other', 1, bucket)).allowed).toBe(true);
  });
});

describe('over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await server(LIMITED);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a credential has spent its budget; another credential is served', async () => {
    const alice = await api.bearer(someone());
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 12; i++) {
      const answer = await api.post(ME, undefined, { authorization: alice });
      statuses.push(answer.status);
      if (answer.status === 429) refused ??= answer;
    }
    // 30 points at 3 a request: 10 served
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused!.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Rate limited: these credentials have spent their request budget.*try again in \d+ s$/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(refused!.headers.get('retry-after')) },
      },
    ]);
    expect((await api.post(ME, undefined, { authorization: await api.bearer(someone()) })).status).toBe(200);
  });

  it('counts the query cost against the budget', async () => {
    const bob = await api.bearer(someone());
    // cost 1 + 10 × 2 = 21, plus 1 for the request: the second one finds the bucket spent
    const costly = '{ counties { code name } }';
    expect((await api.post(costly, undefined, { authorization: bob })).status).toBe(200);
    const second = await api.post(costly, undefined, { authorization: bob });
    expect(second.status).toBe(200);
    const third = await api.post(ME, undefined, { authorization: bob });
    expect(third.status).toBe(429);
    expect(third.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('refuses an address after too many failed authentications, before looking at its credentials', async () => {
    const other = await server(LIMITED);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await other.post(ME, undefined, { authorization: 'Bearer not-a-token' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const valid = await other.post(ME, undefined, { authorization: await other.bearer(someone()) });
    expect(valid.status).toBe(429);
    expect(valid.body.errors![0].message).toMatch(/too many failed authentications from this address/);
  });
});

describe('through Redis', () => {
  it('shares one budget between two servers', async () => {
    const a = await server({ ...LIMITED, REDIS_URL });
    const b = await server({ ...LIMITED, REDIS_URL }, a.databaseUrl.split('/').pop());
    const carol = await a.bearer(someone());
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await (i % 2 ? b : a).post(ME, undefined, { authorization: carol })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);

    const redis = new Redis(REDIS_URL);
    try {
      const key = `hvp:rate:jwt:${JSON.parse(Buffer.from(carol.split('.')[1], 'base64url').toString()).sub}`;
      expect(Number(await redis.hget(key, 'tokens'))).toBeLessThan(1);
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('lets requests through when Redis does not answer', async () => {
    const unreachable = await server({ ...LIMITED, REDIS_URL: 'redis://127.0.0.1:1' });
    const dave = await unreachable.bearer(someone());
    for (let i = 0; i < 12; i++) expect((await unreachable.post(ME, undefined, { authorization: dave })).status).toBe(200);
  });
});

describe('bounded credentials', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await server({ RATE_LIMIT_POINTS_PER_MINUTE: '0' });
  });

  it('reads JWT_MAX_TTL, API_KEY_MAX_TTL and the rate limit settings, with their defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.jwtMaxTtlSeconds).toBe(24 * 3600);
    expect(defaults.apiKeyMaxTtlSeconds).toBe(365 * 86400);
    expect(defaults.rateLimit).toEqual({ pointsPerMinute: 60000, burst: 100000, failedAuthPerMinute: 30, trustForwardedFor: false });
    expect(defaults.redisUrl).toBeNull();
    expect(loadConfig({ JWT_MAX_TTL: '2h', API_KEY_MAX_TTL: '90d' })).toMatchObject({
      jwtMaxTtlSeconds: 7200,
      apiKeyMaxTtlSeconds: 90 * 86400,
    });
    expect(loadConfig({ JWT_MAX_TTL: '600' }).jwtMaxTtlSeconds).toBe(600);
    expect(() => loadConfig({ JWT_MAX_TTL: 'a day' })).toThrow(/JWT_MAX_TTL/);
    expect(() => loadConfig({ REDIS_URL: 'nope' })).toThrow(/REDIS_URL/);
  });

  it('refuses a token that lives longer than JWT_MAX_TTL, or was issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (iat: number | null, exp: number) => {
      const jwt = new SignJWT({ role: 'VIEWER', counties: ['500231'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(someone().sub);
      if (iat !== null) jwt.setIssuedAt(iat);
      return jwt.setExpirationTime(exp).sign(new TextEncoder().encode(TEST_SERVER_SECRET));
    };
    const answer = async (token: string) => api.post(ME, undefined, { authorization: `Bearer ${token}` });
    const thirtyDays = await answer(await sign(now, now + 30 * 86400));
    expect(thirtyDays.status).toBe(401);
    expect(thirtyDays.body.errors![0].message).toMatch(/lives 2592000 s, longer than the 86400 s this server accepts \(JWT_MAX_TTL\)/);
    expect((await answer(await sign(null, now + 2 * 86400))).status).toBe(401);
    const future = await answer(await sign(now + 3600, now + 7200));
    expect(future.status).toBe(401);
    expect(future.body.errors![0].message).toMatch(/issued in the future/);
    expect((await answer(await sign(now, now + 86400))).status).toBe(200);
    expect((await answer(await sign(now + 3, now + 3600))).status).toBe(200);
    expect(lifetimeProblem({ iat: now, exp: now + 86401 }, 86400, now)).toMatch(/JWT_MAX_TTL/);
  });

  it('gives an API key an expiry no later than API_KEY_MAX_TTL, and that one when none is asked for', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const year = 365 * 86400;
    expect(apiKeyExpiry(null, year, now)).toEqual({ ok: true, expiresAt: new Date('2027-01-01T00:00:00Z') });
    expect(apiKeyExpiry(new Date('2026-06-01T00:00:00Z'), year, now)).toEqual({ ok: true, expiresAt: new Date('2026-06-01T00:00:00Z') });
    expect(apiKeyExpiry(new Date('2027-01-02T00:00:00Z'), year, now)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/at most 365 days/),
    });

    await api.post(`mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }`);
    const create = (expiresAt: string | null) =>
      api.post(`mutation ($input: ApiKeyInput!) { createApiKey(input: $input) { apiKey { expiresAt } } }`, {
        input: { name: '县平台', role: 'VIEWER', counties: ['500231'], expiresAt },
      });
    const tooLate = await create(new Date(Date.now() + 400 * 86400_000).toISOString());
    expect(tooLate.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const unbounded = await create(null);
    const expiresAt = new Date(unbounded.body.data.createApiKey.apiKey.expiresAt).getTime();
    expect(Math.abs(expiresAt - (Date.now() + year * 1000))).toBeLessThan(60_000);
  });
});
