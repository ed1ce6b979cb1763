import { buildSchema, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleOperation, exampleOperations, operationFileName } from '../src/graphql/operations';
import { graphqlSchema } from '../src/graphql/schema';
import { seedDemo } from '../src/seed/seed';
import { createTestApi, TestApi } from './support/test-api';

/**
 * The example operations of schema/operations/ are what client developers start from (GraphQL Code Generator reads
 * them with schema/schema.graphql), what the explorer preloads and what the bench runs: they must stay valid, and
 * answer on the demo data.
 */

const DIANJIANG = '500231';
const AS_OF = '2024-12-31';

describe('the example operations', () => {
  let executable: GraphQLSchema;
  let committed: GraphQLSchema;
  beforeAll(async () => {
    executable = await graphqlSchema();
    committed = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
  });

  it('are the dashboard, the target gaps, the enterprise profile, the indicators and a nested read', () => {
    expect(exampleOperations().map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['CountyDashboard', 'TargetGaps', 'EnterpriseProfile', 'CountyIndicators', 'CountyEnterprisePatents']),
    );
  });

  it.each(exampleOperations().map((operation) => [operation.file, operation] as const))(
    '%s: one named operation, valid against the schema and the committed SDL',
    (file, operation) => {
      const document = parse(operation.document);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.map((d) => d.name?.value)).toEqual([operation.name]);
      expect(file).toBe(operationFileName(operation.name));
      expect(validate(executable, document).map((error) => error.message)).toEqual([]);
      expect(validate(committed, document).map((error) => error.message)).toEqual([]);
    },
  );
});

describe('on the demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedDemo(api.dataSource);
  });
  afterAll(() => api.close());

  it.each(exampleOperations().map((operation) => [operation.name, operation] as const))(
    '%s answers its example variables without an error',
    async (_, operation) => {
      const data = await api.ok(operation.document, operation.variables);
      expect(Object.values(data).every((value) => value !== null)).toBe(true);
    },
  );

  it('the county dashboard names Dianjiang, its plan and one summary row per category', async () => {
    const { county } = await api.ok(exampleOperation('CountyDashboard'), { countyCode: DIANJIANG, asOf: AS_OF });
    expect(county).toMatchObject({
      code: DIANJIANG,
      name: '垫江县',
      plan: { title: '垫江县高价值发明专利质量提升行动实施方案(2022—2024年)' },
    });
    expect(county.highValuePatentCount).toBeGreaterThan(0);
    expect(county.breakthroughSummary.map((row: { category: string }) => row.category)).toEqual([
      'LISTED_CULTIVATION',
      'SPECIALIZED_NEW',
      'HIGH_TECH',
    ]);
  });

  it('the target gaps page on, and lead to an enterprise profile', async () => {
    const first = (await api.ok(exampleOperation('TargetGaps'), { countyCode: DIANJIANG, asOf: AS_OF, onlyUnmet: true, first: 2 }))
      .targetGaps;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (
      await api.ok(exampleOperation('TargetGaps'), { countyCode: DIANJIANG, asOf: AS_OF, onlyUnmet: true, after: first.pageInfo.endCursor })
    ).targetGaps;
    expect(next.edges).toHaveLength(Math.min(50, first.totalCount - 2));

    const creditCode = first.edges[0].node.enterprise.creditCode;
    const { enterprise } = await api.ok(exampleOperation('EnterpriseProfile'), { creditCode, asOf: AS_OF });
    expect(enterprise.creditCode).toBe(creditCode);
    expect(enterprise.targetGaps).toContainEqual(expect.objectContaining({ category: first.edges[0].node.category, met: false }));
  });

  it('the indicators give one row per indicator target of the plan', async () => {
    const { county } = await api.ok(exampleOperation('CountyIndicators'), { countyCode: DIANJIANG, asOf: AS_OF, year: 2024 });
    expect(county.indicators.length).toBe(16);
    expect(county.indicatorSeries.map((series: { kind: string }) => series.kind)).toEqual([
      'HIGH_VALUE_PATENTS',
      'PLEDGE_FINANCING_AMOUNT',
    ]);
    expect(county.plan.consistency.length).toBeGreaterThan(0);
  });

  it('the nested read gives 50 enterprises with the count of all, and up to 10 patents of each, in a few statements', async () => {
    const variables = { countyCode: DIANJIANG };
    const { county } = await api.ok(exampleOperation('CountyEnterprisePatents'), variables);
    expect(county.enterprises.totalCount).toBe(300);
    expect(county.enterprises.edges).toHaveLength(50);
    for (const { node } of county.enterprises.edges)
      expect(node.patents.edges.length).toBeLessThanOrEqual(Math.min(10, node.patents.totalCount));
    expect(county.enterprises.edges.some(({ node }: any) => node.patents.edges.length === 10)).toBe(true);
    // no statement per enterprise or per patent
    expect(await api.countStatements(exampleOperation('CountyEnterprisePatents'), variables)).toBeLessThan(15);
  });
});
