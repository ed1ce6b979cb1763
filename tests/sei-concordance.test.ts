/**
 * Strategic emerging industries from IPC codes (issue 15): a versioned concordance imported from a file, the
 * suggestions it makes, the county's review list, and the decisions — only a confirmed flag counts as the reason.
 */
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { importFile } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { applicationNumber, givenChongqingAndDianjiang, givenEnterprise } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
const EXAMPLE = path.join(__dirname, '..', 'examples', 'sei-concordance-SYNTHETIC.csv');
const AS_OF = '2024-06-30';

async function importConcordance(version: string, effectiveFrom: string) {
  const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'], sub: 'import-test' }));
  const results: RowResult[] = [];
  try {
    const summary = await importFile(
      db,
      EXAMPLE,
      {
        countyCode: '500231',
        kind: 'seiConcordance',
        concordance: { version, effectiveFrom, title: `合成示例 ${version}`, synthetic: true },
      },
      { row: (result) => results.push(result) },
    );
    await db.finish(true);
    return { ...summary, results };
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}

const UPSERT = `mutation($input: PatentInput!) { upsertPatent(input: $input) { applicationNumber } }`;
async function patent(title: string, ipcCodes: string[], strategicIndustry: string | null = null): Promise<string> {
  const number = applicationNumber('INVENTION', 2019);
  await api.ok(UPSERT, {
    input: {
      applicationNumber: number,
      title,
      type: 'INVENTION',
      countyCode: '500231',
      filingDate: '2019-01-01',
      grantDate: '2020-01-01',
      ipcCodes,
      strategicIndustry,
    },
  });
  return number;
}

const P: Record<string, string> = {};
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenEnterprise(api, { serial: 1 });
  P.data = await patent('一种数据处理方法', ['G06F 16/27']);
  P.plastic = await patent('一种塑料', ['C08L 23/06'], 'NEW_MATERIALS');
  P.material = await patent('一种复合材料', ['C08L 23/06'], 'NEW_MATERIALS');
  P.group161 = await patent('一种装置', ['G06F 161/00']);
  P.battery = await patent('一种电池', ['H01M 10/052', 'G06F 16/00']);
});
afterAll(() => api.close());

const SUGGESTIONS = `query($n: String!, $d: Date) { patent(applicationNumber: $n) {
  strategicIndustry highValueReasons(asOf: $d)
  strategicIndustrySuggestions(asOf: $d) { industry concordanceVersion matchedIpcCodes decision entries { categoryCode ipc keywords } } } }`;
const suggestions = async (n: string, d = AS_OF) => (await api.ok(SUGGESTIONS, { n, d })).patent.strategicIndustrySuggestions;

const REVIEW = `query($d: Date) { county(code: "500231") { strategicIndustryReview(asOf: $d, first: 10) {
  totalCount edges { node { patent { applicationNumber } reason suggestedIndustries confirmedIndustry } } } } }`;
const review = async (d = AS_OF) =>
  (await api.ok(REVIEW, { d })).county.strategicIndustryReview.edges.map((e: any) => [
    e.node.patent.applicationNumber,
    e.node.reason,
    e.node.suggestedIndustries,
    e.node.confirmedIndustry,
  ]);

describe('the concordance', () => {
  it('imports the synthetic example file as a version with an effective day, and again unchanged', async () => {
    const first = await importConcordance('SYNTHETIC-A', '2024-01-01');
    expect(first.applied).toBe(true);
    expect(first.results.map((r) => [r.status, r.key])).toEqual([
      ['CREATED', '1.9.9 G06F16'],
      ['CREATED', '1.9.8 H04L9'],
      ['CREATED', '2.9.9 B25J9'],
      ['CREATED', '3.9.9 C08L'],
      ['CREATED', '4.9.9 A61K36'],
      ['CREATED', '6.9.9 H01M10/05'],
    ]);
    const again = await importConcordance('SYNTHETIC-A', '2024-01-01');
    expect(again.results.every((r) => r.status === 'UNCHANGED')).toBe(true);
    expect(await api.sql(`SELECT version, effective_from::text AS "from", synthetic FROM sei_concordance`)).toEqual([
      { version: 'SYNTHETIC-A', from: '2024-01-01', synthetic: true },
    ]);
  });

  it('suggests from IPC prefixes at group boundaries and title keywords, only while the version is in force', async () => {
    expect(await suggestions(P.data)).toEqual([
      {
        industry: 'NEXT_GENERATION_IT',
        concordanceVersion: 'SYNTHETIC-A',
        matchedIpcCodes: ['G06F 16/27'],
        decision: null,
        entries: [{ categoryCode: '1.9.9', ipc: 'G06F16', keywords: [] }],
      },
    ]);
    expect(await suggestions(P.plastic)).toEqual([]); // C08L needs 材料 in the title
    expect((await suggestions(P.material)).map((s: any) => s.industry)).toEqual(['NEW_MATERIALS']);
    expect(await suggestions(P.group161)).toEqual([]); // G06F16 is not G06F161
    expect((await suggestions(P.battery)).map((s: any) => [s.industry, s.matchedIpcCodes])).toEqual([
      ['NEXT_GENERATION_IT', ['G06F 16/00']],
      ['NEW_ENERGY', ['H01M 10/052']],
    ]);
    expect(await suggestions(P.data, '2023-12-31')).toEqual([]);
  });

  it("lists the county's suggestions without a confirmed flag and flags no suggestion supports", async () => {
    const { county } = await api.ok(REVIEW, { d: AS_OF });
    expect(county.strategicIndustryReview.totalCount).toBe(3);
    expect(await review()).toEqual(
      expect.arrayContaining([
        [P.data, 'UNCONFIRMED_SUGGESTION', ['NEXT_GENERATION_IT'], null],
        [P.plastic, 'UNSUPPORTED_FLAG', [], 'NEW_MATERIALS'],
        [P.battery, 'UNCONFIRMED_SUGGESTION', ['NEXT_GENERATION_IT', 'NEW_ENERGY'], null],
      ]),
    );
  });
});

describe('decisions', () => {
  const CONFIRM = `mutation($n: String!, $i: StrategicIndustry!) { confirmStrategicIndustry(applicationNumber: $n, industry: $i) { strategicIndustry version } }`;
  const REJECT = `mutation($n: String!, $i: StrategicIndustry!) { rejectStrategicIndustrySuggestion(applicationNumber: $n, industry: $i) { strategicIndustry } }`;

  it('counts a confirmed flag as the reason, and only then; the decision is in the history', async () => {
    expect((await api.ok(SUGGESTIONS, { n: P.data, d: AS_OF })).patent.highValueReasons).toEqual([]);
    const confirmed = (await api.ok(CONFIRM, { n: P.data, i: 'NEXT_GENERATION_IT' })).confirmStrategicIndustry;
    expect(confirmed.strategicIndustry).toBe('NEXT_GENERATION_IT');
    const after = (await api.ok(SUGGESTIONS, { n: P.data, d: AS_OF })).patent;
    expect(after.highValueReasons).toEqual(['STRATEGIC_EMERGING_INDUSTRY']);
    expect(after.strategicIndustrySuggestions[0].decision).toBe('CONFIRMED');
    expect(await api.sql(`SELECT action, after ->> 'decision' AS decision FROM history WHERE table_name = 'sei_review_decision'`)).toEqual([
      { action: 'CREATED', decision: 'CONFIRMED' },
    ]);
    expect((await review()).map((row: any[]) => row[0])).not.toContain(P.data);
  });

  it('rejects a suggestion: the patent leaves the list for it; refused for the flagged industry', async () => {
    await api.ok(REJECT, { n: P.battery, i: 'NEW_ENERGY' });
    expect(await review()).toContainEqual([P.battery, 'UNCONFIRMED_SUGGESTION', ['NEXT_GENERATION_IT'], null]);
    await api.ok(REJECT, { n: P.battery, i: 'NEXT_GENERATION_IT' });
    expect((await review()).map((row: any[]) => row[0])).not.toContain(P.battery);

    const refused = await api.execute(REJECT, { n: P.data, i: 'NEXT_GENERATION_IT' });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/industry/);
  });

  it('is for writers of the county only', async () => {
    const viewer = await api.as({ role: 'VIEWER', counties: ['500231'] }).execute(CONFIRM, { n: P.plastic, i: 'NEW_ENERGY' });
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await api.as({ role: 'EDITOR', counties: ['500232'] }).execute(CONFIRM, { n: P.plastic, i: 'NEW_ENERGY' });
    expect(other.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    expect((await api.ok(SUGGESTIONS, { n: P.plastic, d: AS_OF })).patent.strategicIndustry).toBe('NEW_MATERIALS');
  });

  it('reads the suggestions of a page of patents, and a review page, in statements independent of the page size', async () => {
    const list = (first: number) =>
      api.countStatements(
        `{ county(code: "500231") { patents(first: ${first}) { edges { node { strategicIndustrySuggestions(asOf: "${AS_OF}") { industry } } } } } }`,
      );
    expect(await list(5)).toBe(await list(1));
    const page = (first: number) =>
      api.countStatements(
        `{ county(code: "500231") { strategicIndustryReview(asOf: "${AS_OF}", first: ${first}) { edges { node { patent { title } } } } } }`,
      );
    expect(await page(5)).toBe(await page(1));
    const review = `strategicIndustryReview(asOf: "${AS_OF}", first: 2) { totalCount edges { node { reason } } }`;
    const one = await api.countStatements(`{ county(code: "500231") { ${review} } }`);
    expect(await api.countStatements(`{ a: county(code: "500231") { ${review} } b: county(code: "500000") { ${review} } }`)).toBe(one);
  });
});
