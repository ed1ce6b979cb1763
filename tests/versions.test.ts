import { RequestDatabase } from '../src/db/request-database';
import {
  applicationNumber,
  creditCode,
  givenChongqingAndDianjiang,
  givenCounty,
  givenEnterprise,
  givenPatent,
  givenPlan,
  givenPledge,
} from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';
import { sql } from '../src/db/sql';

/** Safe edits: versions, expectedVersion and CONFLICT; soft delete and restore, and what a deletion hides. */

let api: TestApi;
const AS_OF = '2024-06-30';

const editor = () => api.as({ role: 'EDITOR', counties: ['500231'] });
const viewer = () => api.as({ role: 'VIEWER', counties: ['500231'] });
const otherEditor = () => api.as({ role: 'EDITOR', counties: ['500232'] });
const countyAdmin = () => api.as({ role: 'ADMIN', counties: ['500231'] });

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { HIGH_TECH: 1, SPECIALIZED_NEW: 2 },
    highPledgeThreshold: '1000000.00',
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 10 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 5 },
      { kind: 'PLEDGE_FINANCING_AMOUNT', target: 10000000 },
    ],
  });
});
afterAll(() => api.close());

const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

const UPSERT_ENTERPRISE = `mutation($input: EnterpriseInput!, $v: Int) { upsertEnterprise(input: $input, expectedVersion: $v) {
  version name memberships { id category version } } }`;
const enterpriseInput = (code: string, name: string, memberships: { category: string; validFrom: string }[] = []) => ({
  creditCode: code,
  countyCode: '500231',
  name,
  memberships,
});

describe('versions', () => {
  it('start at 1, stay when nothing changes, and rise once per change of the record or its memberships', async () => {
    const code = creditCode(101);
    const first = (await api.ok(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '版本企业') })).upsertEnterprise;
    expect(first.version).toBe(1);
    const same = (await api.ok(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '版本企业') })).upsertEnterprise;
    expect(same.version).toBe(1);
    const renamed = (await api.ok(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '版本企业（更名）') })).upsertEnterprise;
    expect(renamed.version).toBe(2);
    // a change of the memberships only
    const member = await api.ok(UPSERT_ENTERPRISE, {
      input: enterpriseInput(code, '版本企业（更名）', [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }]),
    });
    expect(member.upsertEnterprise.version).toBe(3);
    // both in one mutation: still one step
    const both = await api.ok(UPSERT_ENTERPRISE, {
      input: enterpriseInput(code, '版本企业', [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }]),
    });
    expect(both.upsertEnterprise.version).toBe(4);
    const read = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { version } }`, { c: code });
    expect(read.enterprise.version).toBe(4);
  });

  it('answer CONFLICT for a stale expectedVersion and write nothing', async () => {
    const code = creditCode(102);
    await api.ok(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '甲'), v: 0 });
    // two editors read version 1; the first writes, the second is refused
    const a = await editor().ok(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '甲（甲改）'), v: 1 });
    expect(a.upsertEnterprise.version).toBe(2);
    const b = await editor().execute(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '甲（乙改）'), v: 1 });
    expect(codeOf(b)).toBe('CONFLICT');
    expect(b.errors![0].message).toMatch(/version 2, not 1/);
    const read = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { name version } }`, { c: code });
    expect(read.enterprise).toEqual({ name: '甲（甲改）', version: 2 });
    // 0: create only
    expect(codeOf(await api.execute(UPSERT_ENTERPRISE, { input: enterpriseInput(code, '甲'), v: 0 }))).toBe('CONFLICT');
    expect(codeOf(await api.execute(UPSERT_ENTERPRISE, { input: enterpriseInput(creditCode(103), '新'), v: 5 }))).toBe('CONFLICT');
  });

  it('cover patents and their lists, statistics, plans and pledge financings', async () => {
    const owner = await givenEnterprise(api, { serial: 104, name: '专利权人甲' });
    const coOwner = await givenEnterprise(api, { serial: 105, name: '专利权人乙' });
    const number = await givenPatent(api, { owners: [owner] });
    const PATENT = `mutation($input: PatentInput!, $v: Int) { upsertPatent(input: $input, expectedVersion: $v) { version owners { name } } }`;
    const input = (owners: string[], title = `专利 ${number}`) => ({
      applicationNumber: number,
      title,
      type: 'INVENTION',
      countyCode: '500231',
      filingDate: '2020-01-01',
      grantDate: '2021-01-01',
      ownerCreditCodes: owners,
    });
    expect((await api.ok(PATENT, { input: input([owner]), v: 1 })).upsertPatent.version).toBe(1);
    // the owners replaced: a new version
    expect((await api.ok(PATENT, { input: input([owner, coOwner]), v: 1 })).upsertPatent).toEqual({
      version: 2,
      owners: [{ name: '专利权人甲' }, { name: '专利权人乙' }],
    });
    expect(codeOf(await api.execute(PATENT, { input: input([owner], '旧版本'), v: 1 }))).toBe('CONFLICT');

    const STATISTICS = `mutation($input: CountyStatisticsInput!, $v: Int) { setCountyStatistics(input: $input, expectedVersion: $v) { version population } }`;
    expect(
      (await api.ok(STATISTICS, { input: { countyCode: '500231', year: 2023, population: 800000 } })).setCountyStatistics.version,
    ).toBe(1);
    expect(
      (await api.ok(STATISTICS, { input: { countyCode: '500231', year: 2023, population: 810000 }, v: 1 })).setCountyStatistics.version,
    ).toBe(2);
    expect(codeOf(await api.execute(STATISTICS, { input: { countyCode: '500231', year: 2023, population: 1 }, v: 1 }))).toBe('CONFLICT');

    const PLAN = `mutation($input: PlanInput!, $v: Int) { upsertPlan(input: $input, expectedVersion: $v) { version } }`;
    const plan = (title: string, highTech: number) => ({
      countyCode: '500232',
      title,
      startYear: 2022,
      endYear: 2024,
      highPledgeThreshold: '1000000.00',
      breakthroughTargets: [{ category: 'HIGH_TECH', minHighValuePatents: highTech }],
    });
    expect((await api.ok(PLAN, { input: plan('规划', 1) })).upsertPlan.version).toBe(1);
    expect((await api.ok(PLAN, { input: plan('规划', 1) })).upsertPlan.version).toBe(1);
    expect((await api.ok(PLAN, { input: plan('规划', 2), v: 1 })).upsertPlan.version).toBe(2);
    expect(codeOf(await api.execute(PLAN, { input: plan('规划', 3), v: 1 }))).toBe('CONFLICT');

    await givenPledge(api, owner, '2000000.00', '2023-03-01', [number]);
    const { enterprise } = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { pledgeFinancings { id version } } }`, {
      c: owner,
    });
    const [financing] = enterprise.pledgeFinancings;
    expect(financing.version).toBe(1);
    const UPDATE = `mutation($id: ID!, $input: PledgeFinancingInput!, $v: Int) { updatePledgeFinancing(id: $id, input: $input, expectedVersion: $v) {
      version amount patents { applicationNumber } } }`;
    const pledge = (amount: string) => ({
      enterpriseCreditCode: owner,
      lender: '示例银行',
      amount,
      registeredOn: '2023-03-01',
      patentApplicationNumbers: [number],
    });
    expect((await api.ok(UPDATE, { id: financing.id, input: pledge('2500000.00'), v: 1 })).updatePledgeFinancing).toEqual({
      version: 2,
      amount: '2500000.00',
      patents: [{ applicationNumber: number }],
    });
    const stale = await api.execute(UPDATE, { id: financing.id, input: pledge('1.00'), v: 1 });
    expect(codeOf(stale)).toBe('CONFLICT');
  });
});

const COUNTS = `query($asOf: Date) { county(code: "500231") {
  highValuePatentCount(asOf: $asOf)
  enterprises(first: 100) { totalCount }
  patents(first: 0) { totalCount }
  breakthroughSummary(asOf: $asOf) { category enterpriseCount }
  indicators(asOf: $asOf) { kind actual }
} targetGaps(countyCode: "500231", asOf: $asOf, first: 100) { totalCount } }`;

interface Counts {
  highValue: number;
  enterprises: number;
  patents: number;
  highTechMembers: number;
  gaps: number;
  indicators: Record<string, number>;
}

async function counts(caller: { ok: TestApi['ok'] } = api): Promise<Counts> {
  const data = await caller.ok(COUNTS, { asOf: AS_OF });
  return {
    highValue: data.county.highValuePatentCount,
    enterprises: data.county.enterprises.totalCount,
    patents: data.county.patents.totalCount,
    highTechMembers: data.county.breakthroughSummary.find((row: any) => row.category === 'HIGH_TECH').enterpriseCount,
    gaps: data.targetGaps.totalCount,
    indicators: Object.fromEntries(data.county.indicators.map((row: any) => [row.kind, row.actual])),
  };
}

describe('delete and restore', () => {
  let owner: string;
  let sei: string;
  let pledged: string;

  beforeAll(async () => {
    owner = await givenEnterprise(api, {
      serial: 201,
      name: '删除测试企业',
      memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }],
    });
    // high-value through its industry
    sei = await givenPatent(api, { owners: [owner], strategicIndustry: 'NEW_MATERIALS' });
    // high-value only through a pledge of 2,000,000 (threshold 1,000,000)
    pledged = await givenPatent(api, { owners: [owner] });
    await givenPledge(api, owner, '2000000.00', '2023-05-01', [pledged]);
  });

  it('a patent: its counts drop for every caller and come back when an ADMIN restores it', async () => {
    const before = await counts();
    const deleted = await editor().ok(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key version deletedAt } }`, {
      n: sei,
    });
    expect(deleted.deletePatent.key).toBe(sei);
    // the deletion is a change: a new version
    expect(deleted.deletePatent.version).toBe(2);
    const after = await counts();
    expect(after.highValue).toBe(before.highValue - 1);
    expect(after.patents).toBe(before.patents - 1);
    expect(after.indicators.HIGH_VALUE_PATENTS).toBe(before.indicators.HIGH_VALUE_PATENTS - 1);
    expect(await counts(viewer())).toEqual(after);
    expect((await api.ok(`query($n: String!) { patent(applicationNumber: $n) { title } }`, { n: sei })).patent).toBeNull();
    const { enterprise } = await api.ok(
      `query($c: String!) { enterprise(creditCode: $c) { highValuePatentCount(asOf: "${AS_OF}") patents { totalCount } } }`,
      { c: owner },
    );
    expect(enterprise).toEqual({ highValuePatentCount: 1, patents: { totalCount: 1 } });

    // an EDITOR may not restore; deleting it again is a conflict
    expect(codeOf(await editor().execute(`mutation($n: String!) { restorePatent(applicationNumber: $n) { title } }`, { n: sei }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await editor().execute(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key } }`, { n: sei }))).toBe(
      'CONFLICT',
    );
    // writing it again is refused: its number stays taken until it is restored
    const rewrite = await api.execute(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
      input: { applicationNumber: sei, title: '重新录入', type: 'INVENTION', countyCode: '500231', filingDate: '2020-01-01' },
    });
    expect(codeOf(rewrite)).toBe('CONFLICT');
    expect(rewrite.errors![0].message).toMatch(/was deleted on .*restorePatent/);

    const restored = await countyAdmin().ok(
      `mutation($n: String!) { restorePatent(applicationNumber: $n) { applicationNumber version owners { name } } }`,
      { n: sei },
    );
    expect(restored.restorePatent).toEqual({ applicationNumber: sei, version: 3, owners: [{ name: '删除测试企业' }] });
    expect(await counts()).toEqual(before);
  });

  it('a pledge financing: the patents it made high-value and the pledged amount drop, and come back', async () => {
    const before = await counts();
    const { enterprise } = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { pledgeFinancings { id version } } }`, {
      c: owner,
    });
    const [financing] = enterprise.pledgeFinancings;
    // a stale version is refused before anything is deleted
    expect(
      codeOf(
        await editor().execute(`mutation($id: ID!) { deletePledgeFinancing(id: $id, expectedVersion: 7) { id } }`, { id: financing.id }),
      ),
    ).toBe('CONFLICT');
    await editor().ok(`mutation($id: ID!, $v: Int) { deletePledgeFinancing(id: $id, expectedVersion: $v) { id } }`, {
      id: financing.id,
      v: financing.version,
    });
    const after = await counts();
    expect(after.highValue).toBe(before.highValue - 1);
    expect(after.indicators.PLEDGE_FINANCING_AMOUNT).toBe(before.indicators.PLEDGE_FINANCING_AMOUNT - 2000000);
    const reasons = await api.ok(`query($n: String!) { patent(applicationNumber: $n) { highValueReasons(asOf: "${AS_OF}") } }`, {
      n: pledged,
    });
    expect(reasons.patent.highValueReasons).toEqual([]);
    const listed = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { pledgeFinancings { id } } }`, { c: owner });
    expect(listed.enterprise.pledgeFinancings).toEqual([]);

    await api.ok(`mutation($id: ID!) { restorePledgeFinancing(id: $id) { id } }`, { id: financing.id });
    expect(await counts()).toEqual(before);
  });

  it('a membership: the category, its gap row and the indicator drop, and come back', async () => {
    const before = await counts();
    const { enterprise } = await api.ok(`query($c: String!) { enterprise(creditCode: $c) { version memberships { id category } } }`, {
      c: owner,
    });
    const [membership] = enterprise.memberships;
    await editor().ok(`mutation($id: ID!) { deleteMembership(id: $id) { id version } }`, { id: membership.id });
    const after = await counts();
    expect(after.gaps).toBe(before.gaps - 1);
    expect(after.highTechMembers).toBe(before.highTechMembers - 1);
    expect(after.indicators.HIGH_TECH_ENTERPRISES).toBe(before.indicators.HIGH_TECH_ENTERPRISES - 1);
    const read = await api.ok(
      `query($c: String!) { enterprise(creditCode: $c) { version memberships { id } categories(asOf: "${AS_OF}") } }`,
      { c: owner },
    );
    expect(read.enterprise).toEqual({ version: enterprise.version + 1, memberships: [], categories: [] });

    const restored = await api.ok(`mutation($id: ID!) { restoreMembership(id: $id) { id category version } }`, { id: membership.id });
    expect(restored.restoreMembership).toEqual({ id: membership.id, category: 'HIGH_TECH', version: 3 });
    expect(await counts()).toEqual(before);
  });

  it('an enterprise: it, its memberships and financings drop out of every list and count, and come back together', async () => {
    const before = await counts();
    const del = await editor().ok(`mutation($c: String!) { deleteEnterprise(creditCode: $c) { id key } }`, { c: owner.toLowerCase() });
    expect(del.deleteEnterprise.key).toBe(owner);
    const after = await counts();
    expect(after.enterprises).toBe(before.enterprises - 1);
    expect(after.gaps).toBe(before.gaps - 1);
    expect(after.highTechMembers).toBe(before.highTechMembers - 1);
    expect(after.indicators.HIGH_TECH_ENTERPRISES).toBe(before.indicators.HIGH_TECH_ENTERPRISES - 1);
    // its financing went with it: the pledged patent is no longer high-value; its patents stay (the county's records)
    expect(after.highValue).toBe(before.highValue - 1);
    expect(after.indicators.PLEDGE_FINANCING_AMOUNT).toBe(before.indicators.PLEDGE_FINANCING_AMOUNT - 2000000);
    expect(after.patents).toBe(before.patents);
    expect((await api.ok(`query($c: String!) { enterprise(creditCode: $c) { name } }`, { c: owner })).enterprise).toBeNull();
    const patent = await api.ok(`query($n: String!) { patent(applicationNumber: $n) { owners { name } } }`, { n: sei });
    expect(patent.patent.owners).toEqual([]);

    // its credit code is taken until it is restored: the API and the import both say so
    const rewrite = await editor().execute(UPSERT_ENTERPRISE, { input: enterpriseInput(owner, '另一家') });
    expect(codeOf(rewrite)).toBe('CONFLICT');
    const imported = await editor().ok(
      `mutation($rows: [EnterpriseImportRow!]!) { importEnterprises(countyCode: "500231", rows: $rows) { applied rows { status problems { field reason } } } }`,
      { rows: [{ creditCode: owner, name: '另一家', category: 'HIGH_TECH', validFrom: '2023-01-01' }] },
    );
    expect(imported.importEnterprises.applied).toBe(false);
    expect(imported.importEnterprises.rows[0].status).toBe('REFUSED');
    expect(imported.importEnterprises.rows[0].problems[0].reason).toMatch(/was deleted on .*restoreEnterprise/);

    // what was deleted with it cannot come back alone
    const rows = await api.sql(`SELECT id FROM pledge_financing f WHERE f.deleted_with = 'enterprise'`);
    expect(rows).toHaveLength(1);
    expect(codeOf(await api.execute(`mutation($id: ID!) { restorePledgeFinancing(id: $id) { id } }`, { id: String(rows[0].id) }))).toBe(
      'CONFLICT',
    );

    expect(codeOf(await editor().execute(`mutation($c: String!) { restoreEnterprise(creditCode: $c) { name } }`, { c: owner }))).toBe(
      'FORBIDDEN',
    );
    const restored = await countyAdmin().ok(
      `mutation($c: String!) { restoreEnterprise(creditCode: $c) { name memberships { category } pledgeFinancings { amount } } }`,
      { c: owner },
    );
    expect(restored.restoreEnterprise).toEqual({
      name: '删除测试企业',
      memberships: [{ category: 'HIGH_TECH' }],
      pledgeFinancings: [{ amount: '2000000.00' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('is for writers of the county only, and reveals nothing of another county', async () => {
    expect(codeOf(await viewer().execute(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key } }`, { n: sei }))).toBe(
      'FORBIDDEN',
    );
    const other = await otherEditor().execute(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key } }`, { n: sei });
    expect(codeOf(other)).toBe('BAD_USER_INPUT');
    expect(other.errors![0].message).toMatch(/no patent/);
    expect(codeOf(await otherEditor().execute(`mutation($c: String!) { deleteEnterprise(creditCode: $c) { key } }`, { c: owner }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await api.execute(`mutation { deletePatent(applicationNumber: "${applicationNumber()}") { key } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await api.execute(`mutation { deletePatent(applicationNumber: "12345") { key } }`))).toBe('BAD_USER_INPUT');
  });

  it('is enforced by Row Level Security: even an ADMIN of every county reads no deleted row in plain SQL', async () => {
    const number = await givenPatent(api, { strategicIndustry: 'NEW_ENERGY' });
    await api.ok(`mutation($n: String!) { deletePatent(applicationNumber: $n) { key } }`, { n: number });
    const db = new RequestDatabase(api.dataSource, {}, principal({ role: 'ADMIN', counties: ['*'] }));
    try {
      expect(await db.query(sql`SELECT count(*)::int AS n FROM patent WHERE application_number = ${number}`)).toEqual([{ n: 0 }]);
      // updating it is not possible either (the row is out of sight)
      expect(await db.query(sql`UPDATE patent SET title = 'x' WHERE application_number = ${number} RETURNING id`)).toEqual([]);
    } finally {
      await db.finish(false);
    }
    const [stored] = await api.sql(`SELECT deleted_at IS NOT NULL AS deleted, title FROM patent WHERE application_number = $1`, [number]);
    expect(stored).toEqual({ deleted: true, title: `专利 ${number}` });
  });
});
