import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { Principal, principalFromClaims, Role } from '../../src/auth/principal';
import { withClient } from '../../src/db/client';
import { createDataSource } from '../../src/db/data-source';
import { migrate } from '../../src/db/database';
import { withDatabase } from '../../src/db/embedded';
import { ensureAppLoginRole } from '../../src/db/roles';
import { createApolloServer } from '../../src/graphql/apollo';
import { Context, createContext } from '../../src/graphql/context';
import { createLogger } from '../../src/ops/logger';
import { FigureCache } from '../../src/figures/figure-cache';

/** Counts the SQL statements the application sends. */
export class StatementCounter implements Logger {
  statements: string[] = [];

  // a prepared statement reaches the logger as node-postgres's { name, text }
  logQuery(query: string | { text: string }): void {
    this.statements.push(typeof query === 'string' ? query : query.text);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** The claims of a caller (as in a JWT); `sub` defaults to the role. */
export interface Claims {
  role: Role | `${Role}`;
  counties: string[];
  creditCode?: string;
  sub?: string;
  /** EDITOR only: the unit it acts for */
  unit?: string;
}

export function principal(claims: Claims): Principal {
  const checked = principalFromClaims({ sub: claims.sub ?? `test-${claims.role.toLowerCase()}`, ...claims }, 'jwt');
  if (!checked.ok) throw new Error(`bad test claims: ${checked.reason}`);
  return checked.principal;
}

/** Operations run as one caller, through the whole request path (context, transaction under RLS, loaders, plugins). */
export interface Caller {
  principal: Principal;
  execute<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** like execute, but fails the test on any error */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** counts the SQL statements one operation sends */
  countStatements(query: string, variables?: Record<string, unknown>): Promise<number>;
}

/** By default an ADMIN of every county (["*"]); `as(claims)` is another caller. */
export interface TestApi extends Caller {
  /** the application's pool: the login role hvp_test_app, a member of hvp_app_access (not the owner, not a superuser) */
  dataSource: DataSource;
  counter: StatementCounter;
  /** the test database as its owner (a superuser here, so Row Level Security does not apply): for setting up and checking */
  adminUrl: string;
  as(claims: Claims): Caller;
  /** a statement as the owner, outside the application (no Row Level Security) */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** the figures the API keeps between requests (disabled unless `figureCacheMb` was given) */
  figures: FigureCache;
  /** another server over the same database, with a pool and a figure cache of its own (as a second replica of the app) */
  another(options?: TestApiOptions): Promise<TestApi>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** keep county-wide figures between requests, as the server does (FIGURE_CACHE_MB); default: keep none */
  figureCacheMb?: number;
  /** connections of the application pool; default 4 */
  poolSize?: number;
}

/** The login role of the tests' application pools; shared by every test database of the server. */
export const TEST_APP_ROLE = 'hvp_test_app';

/** Creates the test login role if missing (race-safe: test files run in parallel); the URL of `databaseUrl` as it. */
export function testAppUrl(databaseUrl: string): Promise<string> {
  return ensureAppLoginRole(databaseUrl, TEST_APP_ROLE, TEST_APP_ROLE);
}

export function testAdminUrl(): string {
  const adminUrl = process.env.TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_URL is not set: run the tests with jest (tests/support/global-setup.ts)');
  return adminUrl;
}

/** A fresh database with every migration applied (as the owner), for one test file, and the API over it (as the app role). */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const serverUrl = testAdminUrl();
  const name = `hvp_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));

  const adminUrl = withDatabase(serverUrl, name);
  await migrate(adminUrl);
  return apiOver(adminUrl, options, async () => {
    await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
}

async function apiOver(adminUrl: string, options: TestApiOptions, dropDatabase: () => Promise<void>): Promise<TestApi> {
  const figures = new FigureCache((options.figureCacheMb ?? 0) * 1024 * 1024);
  const counter = new StatementCounter();
  const dataSource = createDataSource({ url: await testAppUrl(adminUrl), poolSize: options.poolSize ?? 4, logger: counter });
  await dataSource.initialize();
  const owner = new Pool({ connectionString: adminUrl, max: 2 });
  // an idle connection the server ends (57P01: a fast shutdown, pg_terminate_backend) is dropped by the pool and
  // replaced at the next query; without a listener pg-pool would throw it into whichever test runs at that moment
  owner.on('error', () => undefined);
  // errors only: the warnings of refused writes (row-level security) that tests provoke on purpose stay quiet
  const apollo: ApolloServer<Context> = await createApolloServer({ logger: createLogger('error'), introspection: true });

  const caller = (who: Principal): Caller => {
    const execute = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(dataSource, who, { figures }) });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GraphQLResult<T>;
    };
    return {
      principal: who,
      execute,
      async ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
        const result = await execute<T>(query, variables);
        if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
        return result.data as T;
      },
      async countStatements(query: string, variables?: Record<string, unknown>): Promise<number> {
        const before = counter.statements.length;
        const result = await execute(query, variables);
        if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
        return counter.statements.length - before;
      },
    };
  };

  return {
    ...caller(principal({ role: Role.ADMIN, counties: ['*'], sub: 'test-admin' })),
    dataSource,
    counter,
    adminUrl,
    as: (claims) => caller(principal(claims)),
    sql: async (text, params) => (await owner.query(text, params)).rows,
    figures,
    another: (other = options) => apiOver(adminUrl, other, async () => undefined),
    async close() {
      await apollo.stop();
      await dataSource.destroy();
      await owner.end();
      await dropDatabase();
    },
  };
}
