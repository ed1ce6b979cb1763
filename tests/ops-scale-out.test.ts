import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { Config, loadConfig } from '../src/config';
import { withDatabase } from '../src/db/embedded';
import { RunningServer, startServer } from '../src/server';
import { createLogger } from '../src/ops/logger';
import { withClient } from './support/ops-postgres';
import { testAdminUrl, testAppUrl } from './support/test-api';

/**
 * Scale-out: the server keeps nothing of its own between requests (no session, no cache of callers, keys or data, no
 * rate-limit bucket), so replicas behind a load balancer are interchangeable. Two servers over one database: whatever
 * one of them is told is at once true for the other, whichever answers next.
 */

const JWT_SECRET = 'scale-out-test-secret-of-at-least-32-characters';
const databaseName = `hvp_test_scale_${randomBytes(6).toString('hex')}`;
const databaseUrl = withDatabase(testAdminUrl(), databaseName);
const servers: RunningServer[] = [];
let token: string;

beforeAll(async () => {
  await withClient(testAdminUrl(), (client) => client.query(`CREATE DATABASE ${databaseName}`));
  token = await signToken(JWT_SECRET, { sub: 'scale-out', role: Role.ADMIN, counties: ['*'] }, 3600);
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    databaseUrl,
    appDatabaseUrl: await testAppUrl(databaseUrl),
    jwtSecret: JWT_SECRET,
    poolSize: 2,
    logLevel: 'silent',
  };
  for (let i = 0; i < 2; i++) servers.push(await startServer(config, { logger: createLogger('silent') }));
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await withClient(testAdminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

async function graphql(server: RunningServer, query: string, authorization = `Bearer ${token}`) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

it('two servers over one database answer the same caller interchangeably: writes, API keys and their revocation', async () => {
  const [a, b] = servers;
  expect((await graphql(a, 'mutation { upsertCounty(input: { code: "500231", name: "垫江县" }) { code } }')).status).toBe(200);
  expect((await graphql(b, '{ county(code: "500231") { name } }')).body.data).toEqual({ county: { name: '垫江县' } });
  expect((await graphql(b, 'mutation { upsertCounty(input: { code: "500231", name: "垫江" }) { code } }')).status).toBe(200);
  expect((await graphql(a, '{ county(code: "500231") { name } }')).body.data).toEqual({ county: { name: '垫江' } });

  // an API key made through one server works on both, and revoking it through the other refuses it on both at once
  const created = await graphql(
    a,
    'mutation { createApiKey(input: { name: "integration", role: VIEWER, counties: ["500231"] }) { key apiKey { id } } }',
  );
  const { key, apiKey } = created.body.data.createApiKey;
  for (const server of servers)
    expect((await graphql(server, '{ counties { code } }', `ApiKey ${key}`)).body.data).toEqual({ counties: [{ code: '500231' }] });
  expect((await graphql(b, `mutation { revokeApiKey(id: "${apiKey.id}") { revokedAt } }`)).body.data.revokeApiKey.revokedAt).toEqual(
    expect.any(String),
  );
  for (const server of servers) {
    const refused = await graphql(server, '{ counties { code } }', `ApiKey ${key}`);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  }
});
