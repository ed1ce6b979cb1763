import { ApolloServer } from '@apollo/server';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, GenerateKeyPairResult, SignJWT } from 'jose';
import { createAuthenticator } from '../src/auth/authenticate';
import { Role } from '../src/auth/principal';
import { signToken, TokenClaims } from '../src/auth/tokens';
import { Context } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/apollo';
import { createHttpHandler } from '../src/http/front';
import { createLogger } from '../src/ops/logger';
import { creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

/** Authentication over HTTP: JWTs (HS256, RS256/ES256 from a JWKS), API keys, the token and apikey commands. */

const SECRET = 'auth-test-secret-with-at-least-32-characters';
let api: TestApi;
let apollo: ApolloServer<Context>;
let graphqlUrl: string;
const servers: http.Server[] = [];
let rsa: GenerateKeyPairResult;
let ec: GenerateKeyPairResult;
let strangerRsa: GenerateKeyPairResult;

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '武隆区', '500000');
  await givenEnterprise(api, { serial: 1, countyCode: '500231', name: '甲一' });

  rsa = await generateKeyPair('RS256');
  ec = await generateKeyPair('ES256');
  strangerRsa = await generateKeyPair('RS256');
  const jwks = JSON.stringify({
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'county-rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'county-ec', alg: 'ES256', use: 'sig' },
    ],
  });
  const jwksUrl = `${await listen((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks))}/jwks.json`;

  apollo = await createApolloServer({ logger: createLogger('error') });
  const authenticate = createAuthenticator({ jwtSecret: SECRET, jwksUrl, jwtIssuer: null, jwtAudience: null }, api.dataSource);
  graphqlUrl = `${await listen(createHttpHandler({ apollo, dataSource: api.dataSource, authenticate, logger: createLogger('error') }))}/graphql`;
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await apollo?.stop();
  await api?.close();
});

async function post(query: string, authorization?: string, variables?: Record<string, unknown>) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
}

const token = (claims: TokenClaims, seconds = 3600, secret = SECRET) => signToken(secret, claims, seconds);
const bearer = async (claims: TokenClaims, seconds = 3600, secret = SECRET) => `Bearer ${await token(claims, seconds, secret)}`;
const ADMIN_ALL: TokenClaims = { sub: 'admin', role: Role.ADMIN, counties: ['*'] };
const ADMIN_A: TokenClaims = { sub: 'admin-a', role: Role.ADMIN, counties: ['500231'] };
const ME = `{ me { subject role counties creditCode } }`;
const ADD_COUNTY = `mutation { upsertCounty(input: { code: "500233", name: "丰都县", parentCode: "500000" }) { code } }`;

async function expectUnauthenticated(authorization: string | undefined, reason: RegExp) {
  for (const query of [ME, ADD_COUNTY, '{ __typename }', 'not even GraphQL']) {
    const { status, body } = await post(query, authorization);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }]);
  }
  expect(await api.sql(`SELECT 1 FROM county WHERE code = '500233'`)).toEqual([]);
}

function rawToken(header: object, payload: object, signature = ''): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

describe('JSON Web Tokens', () => {
  it('accepts an HS256 token signed with JWT_SECRET and takes its claims as the caller', async () => {
    const { status, body } = await post(ME, await bearer({ sub: 'alice', role: Role.VIEWER, counties: ['500231'] }));
    expect(status).toBe(200);
    expect(body.data.me).toEqual({ subject: 'alice', role: 'VIEWER', counties: ['500231'], creditCode: null });
  });

  it('accepts RS256 and ES256 tokens whose key is in JWKS_URL', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [alg, kid, key] of [
      ['RS256', 'county-rsa', rsa.privateKey],
      ['ES256', 'county-ec', ec.privateKey],
    ] as const) {
      const jwt = await new SignJWT({ role: 'EDITOR', counties: ['500231'] })
        .setProtectedHeader({ alg, kid })
        .setSubject(`idp-${alg}`)
        .setExpirationTime(now + 600)
        .sign(key);
      const { body } = await post(ME, `Bearer ${jwt}`);
      expect(body.data.me).toEqual({ subject: `idp-${alg}`, role: 'EDITOR', counties: ['500231'], creditCode: null });
    }
  });

  it('answers UNAUTHENTICATED to every operation without credentials or with a scheme it does not know', async () => {
    await expectUnauthenticated(undefined, /credentials are required/);
    await expectUnauthenticated('Basic YWRtaW46YWRtaW4=', /Bearer <JWT>.*ApiKey <key>/);
    await expectUnauthenticated('Bearer not-a-jwt', /not a JWT/);
  });

  it('refuses a bad signature, an expired token, another algorithm, an unsigned token and unusable claims', async () => {
    await expectUnauthenticated(await bearer(ADMIN_ALL, 3600, 'another-secret-of-at-least-32-characters!'), /signature is invalid/);
    const tampered = (await token({ ...ADMIN_ALL, counties: ['500231'] })).split('.');
    tampered[1] = Buffer.from(JSON.stringify({ sub: 'admin', role: 'ADMIN', counties: ['*'], exp: 4102444800 })).toString('base64url');
    await expectUnauthenticated(`Bearer ${tampered.join('.')}`, /signature is invalid/);
    await expectUnauthenticated(await bearer(ADMIN_ALL, -3600), /expired/);
    const hs512 = await new SignJWT({ role: 'ADMIN', counties: ['*'] })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('admin')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expectUnauthenticated(`Bearer ${hs512}`, /"HS512" are not accepted/);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    await expectUnauthenticated(
      `Bearer ${rawToken({ alg: 'none', typ: 'JWT' }, { sub: 'admin', role: 'ADMIN', counties: ['*'], exp })}`,
      /"none" are not accepted/,
    );
    const noExp = await new SignJWT({ role: 'ADMIN', counties: ['*'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .sign(new TextEncoder().encode(SECRET));
    await expectUnauthenticated(`Bearer ${noExp}`, /"exp" claim/);
    await expectUnauthenticated(await bearer({ sub: 'x', role: 'ROOT' as Role, counties: ['*'] }), /claim "role"/);
    await expectUnauthenticated(await bearer({ sub: 'x', role: Role.VIEWER, counties: [] }), /claim "counties"/);
    await expectUnauthenticated(await bearer({ sub: 'x', role: Role.ENTERPRISE, counties: ['500231'] }), /creditCode/);
    const stranger = await new SignJWT({ role: 'ADMIN', counties: ['*'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'county-rsa' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(strangerRsa.privateKey);
    await expectUnauthenticated(`Bearer ${stranger}`, /signature is invalid/);
  });
});

describe('API keys', () => {
  const CREATE = `mutation($input: ApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix role counties creditCode expiresAt revokedAt createdBy } } }`;

  async function createKey(authorization: string, input: Record<string, unknown>) {
    const { body } = await post(CREATE, authorization, { input });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.createApiKey as { key: string; apiKey: { id: string; prefix: string; createdBy: string } };
  }

  it('are created by an ADMIN within its counties, shown once, stored only as a hash, and stand for their scope', async () => {
    const admin = await bearer(ADMIN_A);
    const { key, apiKey } = await createKey(admin, { name: '县数据平台', role: 'VIEWER', counties: ['500231'] });
    expect(key).toMatch(/^hvp_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: '县数据平台',
      role: 'VIEWER',
      counties: ['500231'],
      prefix: key.slice(0, 12),
      createdBy: 'admin-a',
      revokedAt: null,
    });
    const [row] = await api.sql(`SELECT * FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(key.slice(12));

    const { body } = await post(
      `{ me { subject role counties } county(code: "500231") { name } other: county(code: "500232") { name } }`,
      `ApiKey ${key}`,
    );
    expect(body.data).toEqual({
      me: { subject: `apikey:${apiKey.id}`, role: 'VIEWER', counties: ['500231'] },
      county: { name: '垫江县' },
      other: null,
    });
    const viewerWrites = await post(ADD_COUNTY, `ApiKey ${key}`);
    expect(viewerWrites.body.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const listed = await post(`{ apiKeys { id name } }`, admin);
    expect(listed.body.data.apiKeys).toEqual([{ id: apiKey.id, name: '县数据平台' }]);
    const listedText = JSON.stringify(listed.body);
    expect(listedText).not.toContain(key.slice(12));
  });

  it("stay within the creator's counties and role", async () => {
    const admin = await bearer(ADMIN_A);
    for (const [input, code] of [
      [{ name: 'x', role: 'VIEWER', counties: ['500232'] }, 'FORBIDDEN'],
      [{ name: 'x', role: 'VIEWER', counties: ['*'] }, 'FORBIDDEN'],
      [{ name: 'x', role: 'ENTERPRISE', counties: ['500231'] }, 'BAD_USER_INPUT'],
      [{ name: 'x', role: 'VIEWER', counties: ['500231'], creditCode: creditCode(1) }, 'BAD_USER_INPUT'],
      [{ name: 'x', role: 'VIEWER', counties: ['5002'] }, 'BAD_USER_INPUT'],
      [{ name: 'x', role: 'VIEWER', counties: ['500231'], expiresAt: '2001-01-01T00:00:00Z' }, 'BAD_USER_INPUT'],
    ] as const) {
      const { body } = await post(CREATE, admin, { input });
      expect([JSON.stringify(input), body.errors?.[0].extensions.code]).toEqual([JSON.stringify(input), code]);
    }
    const editor = await bearer({ sub: 'e', role: Role.EDITOR, counties: ['500231'] });
    expect(
      (await post(CREATE, editor, { input: { name: 'x', role: 'VIEWER', counties: ['500231'] } })).body.errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await post(`{ apiKeys { id } }`, editor)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await api.sql(`SELECT count(*)::int AS n FROM api_key WHERE name = 'x'`)).toEqual([{ n: 0 }]);

    // an ENTERPRISE key names its enterprise; a city ADMIN's key may cover the city
    const { key } = await createKey(admin, {
      name: '甲一 ERP',
      role: 'ENTERPRISE',
      counties: ['500231'],
      creditCode: creditCode(1).toLowerCase(),
    });
    expect(
      (await post(`{ me { role creditCode } enterprise(creditCode: "${creditCode(1)}") { name } }`, `ApiKey ${key}`)).body.data,
    ).toEqual({ me: { role: 'ENTERPRISE', creditCode: creditCode(1) }, enterprise: { name: '甲一' } });
    const city = await createKey(await bearer({ sub: 'city', role: Role.ADMIN, counties: ['500000'] }), {
      name: 'city',
      role: 'VIEWER',
      counties: ['500000', '500232'],
    });
    expect((await post(`{ counties { code } }`, `ApiKey ${city.key}`)).body.data.counties.map((c: any) => c.code)).toEqual([
      '500000',
      '500231',
      '500232',
    ]);
    // the county ADMIN does not see the city's key
    expect((await post(`{ apiKeys { name } }`, admin)).body.data.apiKeys.map((k: any) => k.name)).not.toContain('city');
  });

  it('are refused once expired or revoked, and only an ADMIN of their counties revokes them', async () => {
    const admin = await bearer(ADMIN_A);
    const expiring = await createKey(admin, {
      name: 'expiring',
      role: 'VIEWER',
      counties: ['500231'],
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect((await post(ME, `ApiKey ${expiring.key}`)).status).toBe(200);
    await api.sql(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.apiKey.id]);
    await expectUnauthenticated(`ApiKey ${expiring.key}`, /expired/);

    const revoked = await createKey(admin, { name: 'revoked', role: 'EDITOR', counties: ['500231'] });
    expect((await post(ME, `ApiKey ${revoked.key}`)).status).toBe(200);
    const otherAdmin = await bearer({ sub: 'b', role: Role.ADMIN, counties: ['500232'] });
    const foreign = await post(`mutation { revokeApiKey(id: "${revoked.apiKey.id}") { id } }`, otherAdmin);
    expect(foreign.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const done = await post(`mutation { revokeApiKey(id: "${revoked.apiKey.id}") { revokedAt } }`, admin);
    expect(done.body.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    await expectUnauthenticated(`ApiKey ${revoked.key}`, /revoked/);
    await expectUnauthenticated(`ApiKey ${revoked.key.slice(0, -1)}${revoked.key.endsWith('A') ? 'B' : 'A'}`, /API key is not valid/);
    await expectUnauthenticated('ApiKey not-a-key', /API key is not valid/);
    const active = await post(`{ apiKeys { name } all: apiKeys(includeRevoked: true) { name } }`, admin);
    expect(active.body.data.apiKeys.map((k: any) => k.name)).not.toContain('revoked');
    expect(active.body.data.all.map((k: any) => k.name)).toContain('revoked');
  });
});

describe('the commands', () => {
  const run = promisify(execFile);
  const root = path.resolve(__dirname, '..');
  const script = (name: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, ['-r', 'ts-node/register/transpile-only', `scripts/${name}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });

  it('npm run token prints a token signed with JWT_SECRET', async () => {
    const { stdout } = await script('token', ['--role', 'VIEWER', '--county', '500231', '--expires', '1h'], { JWT_SECRET: SECRET });
    const { body } = await post(ME, `Bearer ${stdout.trim()}`);
    expect(body.data.me).toEqual({ subject: 'dev-viewer', role: 'VIEWER', counties: ['500231'], creditCode: null });
    await expect(script('token', ['--role', 'VIEWER'], { JWT_SECRET: SECRET })).rejects.toMatchObject({
      stderr: expect.stringMatching(/counties/),
    });
  });

  it('npm run apikey creates, lists and revokes keys in the database', async () => {
    const env = { DATABASE_URL: api.adminUrl };
    const created = await script('apikey', ['create', '--name', '省平台', '--role', 'VIEWER', '--county', '*', '--expires', '30d'], env);
    const key = created.stdout.trim();
    expect(key).toMatch(/^hvp_/);
    expect((await post(`{ me { role counties } }`, `ApiKey ${key}`)).body.data.me).toEqual({ role: 'VIEWER', counties: ['*'] });
    const listed = await script('apikey', ['list'], env);
    const line = listed.stdout.split('\n').find((l) => l.includes('省平台'))!;
    expect(line).toContain('VIEWER');
    expect(line).not.toContain(key.slice(12));
    await script('apikey', ['revoke', line.trim().split(/\s+/)[0]], env);
    await expectUnauthenticated(`ApiKey ${key}`, /revoked/);
  });
});
