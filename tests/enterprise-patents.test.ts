import { givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent } from './support/builders';
import { GraphQLObjectType } from 'graphql';
import { graphqlSchema } from '../src/graphql/schema';
import { PATENT_LIST_FIELDS } from '../src/patent/patent.sql';
import { Caller, createTestApi, TestApi } from './support/test-api';

/**
 * An enterprise's patents are read in the order of its ownerships (migration OwnershipOrder: each carries its patent's
 * filing date, application number and deletion) and counted from them alone: the order follows a patent's changes,
 * and the count is the list's as each caller sees it.
 */

let api: TestApi;
let owner: string;
let partner: string;
const numbers: Record<string, string> = {};

const LIST = `query($c: String!, $after: String) { enterprise(creditCode: $c) {
  patents(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { applicationNumber filingDate } } } } }`;

interface PatentPage {
  patents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { applicationNumber: string } }[] };
}

/** The whole list, page by page (2 a page), as the caller sees it, and the totalCount of each page. */
async function list(caller: Caller = api, creditCode = owner): Promise<{ numbers: string[]; totals: number[] }> {
  const seen: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (;;) {
    const { enterprise }: { enterprise: PatentPage } = await caller.ok(LIST, { c: creditCode, after });
    seen.push(...enterprise.patents.edges.map((edge) => edge.node.applicationNumber));
    totals.push(enterprise.patents.totalCount);
    if (!enterprise.patents.pageInfo.hasNextPage) return { numbers: seen, totals };
    after = enterprise.patents.pageInfo.endCursor;
  }
}

const upsert = (applicationNumber: string, filingDate: string, countyCode = '500231', owners = [owner]) =>
  api.ok(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
    input: { applicationNumber, title: `专利 ${applicationNumber}`, type: 'INVENTION', countyCode, filingDate, ownerCreditCodes: owners },
  });

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
  owner = await givenEnterprise(api, { serial: 301, name: '排序测试企业' });
  partner = await givenEnterprise(api, { serial: 302, name: '邻县合作企业', countyCode: '500232' });
  numbers.a = await givenPatent(api, { owners: [owner], filingDate: '2019-03-01', grantDate: null });
  numbers.b = await givenPatent(api, { owners: [owner], filingDate: '2021-07-15', grantDate: null });
  numbers.c = await givenPatent(api, { owners: [owner], filingDate: '2020-11-30', grantDate: null });
  // attributed to the other county, owned with its enterprise
  numbers.d = await givenPatent(api, { owners: [partner, owner], filingDate: '2022-02-02', grantDate: null, countyCode: '500232' });
  numbers.e = await givenPatent(api, { owners: [partner], filingDate: '2023-01-01', grantDate: null, countyCode: '500232' });
});
afterAll(() => api.close());

it('are by filing date descending across pages, and each page counts the whole list', async () => {
  expect(await list()).toEqual({ numbers: [numbers.d, numbers.b, numbers.c, numbers.a], totals: [4, 4] });
});

it('follow a change of filing date, and a deletion and restore', async () => {
  await upsert(numbers.a, '2024-01-01');
  expect((await list()).numbers).toEqual([numbers.a, numbers.d, numbers.b, numbers.c]);
  await api.ok(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key } }`, { n: numbers.b });
  expect(await list()).toEqual({ numbers: [numbers.a, numbers.d, numbers.c], totals: [3, 3] });
  await api.ok(`mutation($n: String!) { restorePatent(applicationNumber: $n) { applicationNumber } }`, { n: numbers.b });
  expect(await list()).toEqual({ numbers: [numbers.a, numbers.d, numbers.b, numbers.c], totals: [4, 4] });
});

it('count what each caller sees: a VIEWER sees its enterprise’s patents of another county, not the other enterprise’s alone', async () => {
  const viewer = api.as({ role: 'VIEWER', counties: ['500231'] });
  expect(await list(viewer)).toEqual({ numbers: [numbers.a, numbers.d, numbers.b, numbers.c], totals: [4, 4] });
  // the other county's enterprise: only its patents the caller may see (owned with one of its county's enterprises)
  const neighbour = api.as({ role: 'VIEWER', counties: ['500232'] });
  expect(await list(neighbour, partner)).toEqual({ numbers: [numbers.e, numbers.d], totals: [2] });
  expect((await neighbour.ok(LIST, { c: owner, after: null })).enterprise).toBeNull();
});

it('with a filter, count the patents the filter keeps', async () => {
  const { enterprise } = await api.ok(
    `query($c: String!) { enterprise(creditCode: $c) { patents(first: 1, filter: { filedFrom: "2021-01-01", filedUntil: "2022-12-31" }) {
      totalCount edges { node { applicationNumber } } } } }`,
    { c: owner },
  );
  expect(enterprise.patents).toEqual({ totalCount: 2, edges: [{ node: { applicationNumber: numbers.d } }] });
});

it('read the fields the query selects, however it selects them: aliases, fragments, and the fields other resolvers need', async () => {
  const holder = await givenEnterprise(api, { serial: 303, name: '字段测试企业' });
  const number = '201610000009.1';
  await api.ok(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
    input: {
      applicationNumber: number,
      title: '字段测试',
      type: 'INVENTION',
      countyCode: '500231',
      filingDate: '2016-05-05',
      grantDate: '2018-08-08',
      lapseDate: '2025-09-09',
      strategicIndustry: 'NEW_MATERIALS',
      ipcCodes: ['C08K 3/04', 'B82Y 30/00'],
      ownerCreditCodes: [holder],
    },
  });
  const fields = 'applicationNumber title type filingDate grantDate lapseDate ipcCodes strategicIndustry version county { code }';
  const { patent } = await api.ok(`query($n: String!) { patent(applicationNumber: $n) { ${fields} isHighValue(asOf: "2024-01-01") } }`, {
    n: number,
  });
  expect(patent).toMatchObject({ ipcCodes: ['C08K 3/04', 'B82Y 30/00'], strategicIndustry: 'NEW_MATERIALS', isHighValue: true });
  const { enterprise } = await api.ok(
    `query($c: String!) { enterprise(creditCode: $c) {
      titles: patents(first: 1) { edges { node { name: title } } }
      patents(first: 1) { edges { node { ...Dates ... on Patent { ipcCodes strategicIndustry version } applicationNumber title type
        county { code } isHighValue(asOf: "2024-01-01") } } }
    } }
    fragment Dates on Patent { filingDate grantDate lapseDate }`,
    { c: holder },
  );
  expect(enterprise.patents.edges[0].node).toEqual(patent);
  expect(enterprise.titles.edges[0].node).toEqual({ name: '字段测试' });
});

it('have a column for every Patent field that no field resolver answers (a field added to Patent must be added to the list)', async () => {
  const patent = (await graphqlSchema()).getType('Patent') as GraphQLObjectType;
  const plain = Object.values(patent.getFields()).filter((field) => field.resolve === undefined);
  expect(plain.length).toBeGreaterThan(0);
  expect(plain.map((field) => field.name).filter((name) => !PATENT_LIST_FIELDS.includes(name))).toEqual([]);
});
