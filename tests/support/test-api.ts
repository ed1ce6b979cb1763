import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { withDatabase } from '../../src/db/embedded';
import { Context } from '../../src/graphql/context';
import { createApolloServer, createContext } from '../../src/graphql/server';

/** Counts the SQL statements the application sends. */
export class StatementCounter implements Logger {
  statements: string[] = [];

  logQuery(query: string): void {
    this.statements.push(query);
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

export interface TestApi {
  dataSource: DataSource;
  counter: StatementCounter;
  /** runs one operation through the whole request path (context, transaction, loaders, plugins) */
  execute<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** like execute, but fails the test on any error */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** counts the SQL statements one operation sends */
  countStatements(query: string, variables?: Record<string, unknown>): Promise<number>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database with every migration applied, for one test file, and the API over it. */
export async function createTestApi(): Promise<TestApi> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_URL is not set: run the tests with jest (tests/support/global-setup.ts)');
  const name = `hvp_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const counter = new StatementCounter();
  const dataSource = createDataSource({ url: withDatabase(adminUrl, name), poolSize: 4, logger: counter });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const apollo: ApolloServer<Context> = await createApolloServer();

  const execute = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(dataSource) });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GraphQLResult<T>;
  };

  return {
    dataSource,
    counter,
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
    sql: (text, params) => dataSource.query(text, params),
    async close() {
      await apollo.stop();
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
