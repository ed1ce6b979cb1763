import { ApolloServer } from '@apollo/server';
import { Role } from '../src/auth/principal';
import { createApolloServer } from '../src/graphql/apollo';
import { Context, createContext } from '../src/graphql/context';
import { exampleOperations } from '../src/graphql/operations';
import { createLogger } from '../src/ops/logger';
import { seedDemo } from '../src/seed/seed';
import { createTestApi, principal, TestApi } from './support/test-api';

/**
 * Operations run compiled by graphql-jit (src/graphql/compiled-execution.ts); graphql-js's execution is the reference:
 * on the demo data, every answer — data, errors with their codes, paths and locations — is the same by both.
 */

let api: TestApi;
let compiled: ApolloServer<Context>;
let interpreted: ApolloServer<Context>;

const ADMIN = principal({ role: Role.ADMIN, counties: ['*'], sub: 'compiled-admin' });
const VIEWER = principal({ role: Role.VIEWER, counties: ['500231'], sub: 'compiled-viewer' });

beforeAll(async () => {
  api = await createTestApi();
  await seedDemo(api.dataSource);
  const logger = createLogger('error');
  compiled = await createApolloServer({ logger, introspection: true });
  interpreted = await createApolloServer({ logger, introspection: true, interpreted: true });
});
afterAll(async () => {
  await compiled.stop();
  await interpreted.stop();
  await api.close();
});

async function answer(server: ApolloServer<Context>, who: typeof ADMIN, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue: createContext(api.dataSource, who) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult;
}

async function expectSameAnswers(query: string, variables?: Record<string, unknown>, who = ADMIN) {
  const reference = await answer(interpreted, who, query, variables);
  expect(await answer(compiled, who, query, variables)).toEqual(reference);
  return reference;
}

it.each(exampleOperations().map((operation) => [operation.name, operation] as const))(
  '%s answers its example variables as graphql-js does, to an ADMIN and to a VIEWER',
  async (_, operation) => {
    const reference = await expectSameAnswers(operation.document, operation.variables);
    expect(reference.errors).toBeUndefined();
    await expectSameAnswers(operation.document, operation.variables, VIEWER);
  },
);

const SKIPPING = `query($skip: Boolean!, $include: Boolean!) {
  county(code: "500231") {
    name
    ...parent @skip(if: $skip)
    code @include(if: $include)
    ... on County @include(if: $include) { plan { title } }
    enterprises(first: 2) { edges { node { ...names @skip(if: $skip) } } }
  }
}
fragment parent on County { parentCode }
fragment names on Enterprise { name creditCode }`;

it.each([
  [true, true],
  [true, false],
  [false, true],
  [false, false],
])('applies @skip(if: %s) and @include(if: %s) on fields, fragments and spreads as graphql-js does', async (skip, include) => {
  await expectSameAnswers(SKIPPING, { skip, include });
});

it('answers aliases of one field with other arguments, and __typename', async () => {
  const reference = await expectSameAnswers(`{
    a: county(code: "500231") { __typename enterprises(first: 1) { totalCount edges { node { name } } } }
    b: county(code: "500231") { enterprises(first: 3) { pageInfo { hasNextPage } edges { cursor node { __typename creditCode } } } }
    none: county(code: "999999") { name }
  }`);
  expect(reference.data?.none).toBeNull();
});

it('answers a field error (a bad cursor) with its code, path and locations, and the rest of the data', async () => {
  const reference = await expectSameAnswers(
    `{ county(code: "500231") { name enterprises(first: 2, after: "not a cursor") { totalCount } } }`,
  );
  expect(reference.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, path: ['county', 'enterprises'] });
});

it('refuses a bad variable with the scalar\u2019s reason, and applies a variable\u2019s default', async () => {
  const DASHBOARD = `query($code: ID! = "500231", $asOf: Date) { county(code: $code) { highValuePatentCount(asOf: $asOf) } }`;
  const refused = await expectSameAnswers(DASHBOARD, { asOf: '2023-02-29' });
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  const defaulted = await expectSameAnswers(DASHBOARD, { asOf: '2024-12-31' });
  expect(defaulted.errors).toBeUndefined();
});

it('refuses a mutation outside the caller\u2019s role as graphql-js does, writing nothing', async () => {
  const reference = await expectSameAnswers(
    `mutation { setCountyStatistics(input: { countyCode: "500231", year: 2031, population: 5 }) { year } }`,
    undefined,
    VIEWER,
  );
  expect(reference.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
});

it('answers introspection as graphql-js does', async () => {
  await expectSameAnswers(`{ __type(name: "BreakthroughTarget") { name fields { name type { kind name ofType { name } } } } }`);
});
