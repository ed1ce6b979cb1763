import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Role } from '../../src/auth/principal';
import { signToken, TokenClaims } from '../../src/auth/tokens';
import { Config, loadConfig } from '../../src/config';
import { withDatabase } from '../../src/db/embedded';
import { createLogger } from '../../src/ops/logger';
import { RunningServer, StartOptions, startServer } from '../../src/server';
import { withClient } from './ops-postgres';
import { testAdminUrl, testAppUrl } from './test-api';

export const TEST_SERVER_SECRET = 'test-server-secret-of-at-least-32-characters';

export interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
}

export interface TestServer {
  server: RunningServer;
  config: Config;
  /** the owner's URL of the server's database */
  databaseUrl: string;
  /** `Bearer <JWT>` of an ADMIN of every county, or of `claims` */
  bearer(claims?: TokenClaims, seconds?: number): Promise<string>;
  /** POST /graphql as an ADMIN of every county unless `authorization` says otherwise */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

/**
 * The server as production runs it (startServer, over HTTP), on a database of its own, configured from environment
 * variables as `loadConfig` reads them (DATABASE_URL set: production defaults), plus `overrides`.
 */
export async function startTestServer(
  env: NodeJS.ProcessEnv = {},
  overrides: Partial<Config> = {},
  options: StartOptions = {},
  existingDatabase?: string,
): Promise<TestServer> {
  const name = existingDatabase ?? `hvp_test_srv_${randomBytes(6).toString('hex')}`;
  const databaseUrl = withDatabase(testAdminUrl(), name);
  if (!existingDatabase) await withClient(testAdminUrl(), (client) => client.query(`CREATE DATABASE ${name}`));
  const config: Config = {
    ...loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: TEST_SERVER_SECRET, ...env }),
    port: 0,
    appDatabaseUrl: await testAppUrl(databaseUrl),
    poolSize: 3,
    logLevel: 'silent',
    ...overrides,
  };
  const server = await startServer(config, { logger: createLogger('silent'), ...options });
  const admin = await signToken(TEST_SERVER_SECRET, { sub: 'test-admin', role: Role.ADMIN, counties: ['*'] }, 3600);
  return {
    server,
    config,
    databaseUrl,
    bearer: async (claims, seconds = 3600) => `Bearer ${claims ? await signToken(TEST_SERVER_SECRET, claims, seconds) : admin}`,
    async post(query, variables, headers = {}) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: Answer['body'];
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { status: response.status, headers: response.headers, body };
    },
    async stop() {
      await server.stop();
      if (!existingDatabase) {
        await withClient(testAdminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    },
  };
}
