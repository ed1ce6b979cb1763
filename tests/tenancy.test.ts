import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import {
  creditCode,
  givenChongqingAndDianjiang,
  givenCounty,
  givenEnterprise,
  givenPatent,
  givenPlan,
  givenPledge,
} from './support/builders';
import { principal, createTestApi, TestApi, Caller } from './support/test-api';
import { sql } from '../src/db/sql';

/**
 * Counties as tenants: what each role reads and writes, a city code covering its counties, an ENTERPRISE limited to
 * itself, and Row Level Security holding on its own for a statement that filters nothing.
 *
 * 重庆市 500000 ⊃ 垫江县 500231 (enterprises A1, A2), 武隆区 500232 (enterprise B1); 成都市武侯区 510107 (C1) elsewhere.
 * Patents: PA (500231, A1's), PB (500232, B1's), PJ (attributed to 500232, owned by B1 and A1 jointly), PC (510107).
 */

let api: TestApi;
const A1 = creditCode(1, '500231');
const A2 = creditCode(2, '500231');
const B1 = creditCode(3, '500232');
const C1 = creditCode(4, '510107');
let PA: string, PB: string, PJ: string, PC: string;

const viewerA = () => api.as({ role: Role.VIEWER, counties: ['500231'] });
const editorA = () => api.as({ role: Role.EDITOR, counties: ['500231'] });
const adminA = () => api.as({ role: Role.ADMIN, counties: ['500231'] });
const cityAdmin = () => api.as({ role: Role.ADMIN, counties: ['500000'] });
const enterpriseA1 = () => api.as({ role: Role.ENTERPRISE, counties: ['500231'], creditCode: A1 });

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '武隆区', '500000');
  await givenCounty(api, '510000', '四川省');
  await givenCounty(api, '510107', '武侯区', '510000');
  for (const county of ['500231', '500232']) await givenPlan(api, { countyCode: county, targets: { HIGH_TECH: 1 } });
  const member = [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }];
  await givenEnterprise(api, { serial: 1, countyCode: '500231', name: '甲一', memberships: member });
  await givenEnterprise(api, { serial: 2, countyCode: '500231', name: '甲二', memberships: member });
  await givenEnterprise(api, { serial: 3, countyCode: '500232', name: '乙一', memberships: member });
  await givenEnterprise(api, { serial: 4, countyCode: '510107', name: '丙一', memberships: member });
  PA = await givenPatent(api, { countyCode: '500231', owners: [A1], strategicIndustry: 'NEW_MATERIALS' });
  PB = await givenPatent(api, { countyCode: '500232', owners: [B1], strategicIndustry: 'NEW_MATERIALS' });
  PJ = await givenPatent(api, { countyCode: '500232', owners: [B1, A1], awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2022 }] });
  PC = await givenPatent(api, { countyCode: '510107', owners: [C1], strategicIndustry: 'NEW_MATERIALS' });
  await givenPledge(api, A1, '2000000.00', '2023-03-01', [PA]);
  await givenPledge(api, B1, '3000000.00', '2023-03-01', [PB]);
});
afterAll(() => api.close());

const COUNTY = `query($code: ID!) { county(code: $code) { code name } }`;
const ENTERPRISE = `query($code: String!) { enterprise(creditCode: $code) { name
  patents { edges { node { applicationNumber } } } pledgeFinancings { amount } targetGaps(asOf: "2024-01-01") { category current met } } }`;
const PATENT = `query($number: String!) { patent(applicationNumber: $number) { applicationNumber owners { name } } }`;
const UPSERT_ENTERPRISE = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { creditCode } }`;

async function counties(caller: Caller): Promise<string[]> {
  return (await caller.ok(`{ counties { code } }`)).counties.map((c: { code: string }) => c.code);
}

/** The single error of a refused operation, with its code. */
async function refusedWith(caller: Caller, code: string, query: string, variables?: Record<string, unknown>) {
  const result = await caller.execute(query, variables);
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  return result;
}

describe('Row Level Security alone', () => {
  it('shows a VIEWER of one county only its rows for a statement that filters nothing', async () => {
    const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.VIEWER, counties: ['500231'] }));
    try {
      const patents = await db.query<{ application_number: string; county_code: string }>(
        sql`SELECT * FROM patent ORDER BY application_number`,
      );
      // its county's patent, and the one its enterprise A1 owns jointly (attributed to 500232)
      expect(patents.map((p) => p.application_number).sort()).toEqual([PA, PJ].sort());
      expect((await db.query<{ credit_code: string }>(sql`SELECT * FROM enterprise`)).map((e) => e.credit_code).sort()).toEqual(
        [A1, A2].sort(),
      );
      expect((await db.query<{ code: string }>(sql`SELECT * FROM county ORDER BY code`)).map((c) => c.code)).toEqual(['500231']);
      const pledges = await db.query<{ amount: string }>(sql`SELECT * FROM pledge_financing`);
      expect(pledges.map((p) => p.amount)).toEqual(['2000000.00']);
      expect(
        await db.query(
          sql`SELECT * FROM enterprise_membership m JOIN enterprise e ON e.id = m.enterprise_id WHERE e.county_code <> '500231'`,
        ),
      ).toEqual([]);
      expect(await db.query(sql`SELECT * FROM county_statistics WHERE county_code <> '500231'`)).toEqual([]);
      // aggregates run through the same policies
      expect(await db.query(sql`SELECT count(*)::int AS n FROM patent WHERE county_code = '500232'`)).toEqual([{ n: 1 }]);
      expect(await db.query(sql`SELECT count(*)::int AS n FROM api_key`)).toEqual([{ n: 0 }]);
    } finally {
      await db.finish(false);
    }
  });

  it('refuses a write outside the scope in the database itself, whatever the application checked', async () => {
    const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.EDITOR, counties: ['500231'] }));
    try {
      await expect(
        db.query(sql`INSERT INTO enterprise (credit_code, name, county_code) VALUES (${creditCode(90, '500232')}, 'x', '500232')`),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.finish(false);
    }
    const viewer = new RequestDatabase(api.dataSource, {}, principal({ role: Role.VIEWER, counties: ['500231'] }));
    try {
      // a VIEWER may not write even in its own county; an UPDATE of rows it may not write changes none
      await expect(
        viewer.query(sql`INSERT INTO enterprise (credit_code, name, county_code) VALUES (${creditCode(91)}, 'x', '500231')`),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await viewer.finish(false);
    }
    const editor = new RequestDatabase(api.dataSource, {}, principal({ role: Role.EDITOR, counties: ['500231'] }));
    try {
      expect(await editor.query(sql`UPDATE enterprise SET name = 'renamed' RETURNING credit_code`)).toHaveLength(2);
    } finally {
      await editor.finish(false);
    }
    expect(await api.sql(`SELECT count(*)::int AS n FROM enterprise WHERE name = 'renamed'`)).toEqual([{ n: 0 }]);
  });

  it('shows nothing at all without a scope, and everything to a caller of every county', async () => {
    const none = new RequestDatabase(api.dataSource);
    try {
      for (const table of ['county', 'plan', 'enterprise', 'patent', 'patent_owner', 'pledge_financing', 'api_key']) {
        expect(await none.query(sql`SELECT * FROM ${sql.identifier(table)}`)).toEqual([]);
      }
    } finally {
      await none.finish(false);
    }
    const all = new RequestDatabase(api.dataSource, {}, principal({ role: Role.VIEWER, counties: ['*'] }));
    try {
      expect(await all.query(sql`SELECT count(*)::int AS n FROM patent`)).toEqual([{ n: 4 }]);
    } finally {
      await all.finish(false);
    }
  });

  it('is forced on every table, and the application pool is neither the owner nor a superuser', async () => {
    const tables = await api.sql(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'typeorm_migrations' ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(17);
    expect(tables.filter((t) => !t.enabled || !t.forced)).toEqual([]);
    const [role] = await api.dataSource.query(
      `SELECT r.rolsuper, r.rolbypassrls, pg_has_role(current_user, 'hvp_app_access', 'MEMBER') AS member,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, member: true, owned: 0 });
  });

  it('sets the scope in the same round trip as BEGIN', async () => {
    const before = api.counter.statements.length;
    await viewerA().ok(COUNTY, { code: '500231' });
    const statements = api.counter.statements.slice(before);
    // a query's transaction reads only (it may be answered by a replica, and by the figure cache)
    expect(statements[0]).toMatch(/^START TRANSACTION READ ONLY; .*SELECT hvp_begin\('VIEWER', '500231', ''\)$/);
    expect(statements).toHaveLength(3); // BEGIN with the scope, the county, COMMIT
  });
});

describe('a VIEWER of one county', () => {
  it('reads its county and finds the others absent, with no hint', async () => {
    const viewer = viewerA();
    expect((await viewer.ok(COUNTY, { code: '500231' })).county).toEqual({ code: '500231', name: '垫江县' });
    for (const code of ['500232', '500000', '510107', '999999']) expect((await viewer.ok(COUNTY, { code })).county).toBeNull();
    expect(await counties(viewer)).toEqual(['500231']);
    expect((await viewer.ok(ENTERPRISE, { code: B1 })).enterprise).toBeNull();
    expect((await viewer.ok(PATENT, { number: PB })).patent).toBeNull();
    expect((await viewer.ok(PATENT, { number: PC })).patent).toBeNull();
    const gaps = await viewer.ok(`{ targetGaps(countyCode: "500232", asOf: "2024-01-01") { totalCount edges { node { gap } } } }`);
    expect(gaps.targetGaps).toEqual({ totalCount: 0, edges: [] });
    expect(
      (await viewer.ok(`{ indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS) { county { code } } }`)).indicatorComparison,
    ).toEqual([{ county: { code: '500231' } }]);
  });

  it('sees the patents its enterprises own wherever they are attributed, and their co-owners only inside its counties', async () => {
    const { enterprise } = await viewerA().ok(ENTERPRISE, { code: A1 });
    expect(enterprise.patents.edges.map((e: any) => e.node.applicationNumber).sort()).toEqual([PA, PJ].sort());
    expect(enterprise.targetGaps).toEqual([{ category: 'HIGH_TECH', current: 2, met: true }]);
    expect((await viewerA().ok(PATENT, { number: PJ })).patent.owners).toEqual([{ name: '甲一' }]);
    // the county counts what is attributed to it: PJ counts in 500232, not here
    const counts = await viewerA().ok(`{ county(code: "500231") { highValuePatentCount(asOf: "2024-01-01") patents { totalCount } } }`);
    expect(counts.county).toEqual({ highValuePatentCount: 1, patents: { totalCount: 1 } });
  });

  it('names the county of a patent it sees through ownership, and nothing else of that county', async () => {
    const viewer = viewerA();
    const { enterprise } = await viewer.ok(
      `query($code: String!) { enterprise(creditCode: $code) {
      patents { edges { node { applicationNumber county { code name } } } } } }`,
      { code: A1 },
    );
    const byNumber = Object.fromEntries(enterprise.patents.edges.map((e: any) => [e.node.applicationNumber, e.node.county]));
    expect(byNumber).toEqual({ [PA]: { code: '500231', name: '垫江县' }, [PJ]: { code: '500232', name: '武隆区' } });
    for (const field of [
      'highValuePatentCount',
      'enterprises { totalCount }',
      'patents { totalCount }',
      'statistics(year: 2023) { population }',
      'breakthroughSummary { category }',
    ]) {
      await refusedWith(viewer, 'FORBIDDEN', `{ patent(applicationNumber: "${PJ}") { county { ${field} } } }`);
    }
  });

  it('finds nothing of another county through filters, cursors made from its rows, or nested lists', async () => {
    const city = api.as({ role: Role.VIEWER, counties: ['500000'] });
    const foreign = await city.ok(
      `{ county(code: "500232") { patents(first: 1) { edges { cursor } } enterprises(first: 1) { edges { cursor } } } }`,
    );
    const viewer = viewerA();
    const page = await viewer.ok(
      `query($p: String, $e: String) { county(code: "500231") {
         patents(first: 100, after: $p) { edges { node { county { code } } } }
         enterprises(first: 100, after: $e) { edges { node { county { code } } } }
         byName: enterprises(filter: { nameContains: "乙" }) { totalCount } } }`,
      { p: foreign.county.patents.edges[0].cursor, e: foreign.county.enterprises.edges[0].cursor },
    );
    const codes = [...page.county.patents.edges, ...page.county.enterprises.edges].map((e: any) => e.node.county.code);
    expect(new Set(codes)).toEqual(new Set(['500231']));
    expect(page.county.byName.totalCount).toBe(0);
    const pledged = await viewer.ok(
      `query($code: String!) { enterprise(creditCode: $code) { pledgeFinancings { patents { applicationNumber } } } }`,
      { code: A1 },
    );
    expect(pledged.enterprise.pledgeFinancings.flatMap((f: any) => f.patents.map((p: any) => p.applicationNumber))).toEqual([PA]);
  });

  it('may not write: FORBIDDEN, nothing written', async () => {
    await refusedWith(viewerA(), 'FORBIDDEN', UPSERT_ENTERPRISE, {
      input: { creditCode: creditCode(20), countyCode: '500231', name: '新企业', memberships: [] },
    });
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE credit_code = $1`, [creditCode(20)])).toEqual([]);
  });
});

describe('an EDITOR of one county', () => {
  it('writes enterprises, patents and financings there', async () => {
    const editor = editorA();
    await editor.ok(UPSERT_ENTERPRISE, { input: { creditCode: creditCode(21), countyCode: '500231', name: '编辑企业', memberships: [] } });
    await givenPatent(editor as TestApi, { countyCode: '500231', owners: [creditCode(21)] });
    await givenPledge(editor as TestApi, creditCode(21), '100.00', '2024-01-01', [PA]);
    expect(
      await api.sql(
        `SELECT count(*)::int AS n FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE e.credit_code = $1`,
        [creditCode(21)],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('is FORBIDDEN to write in another county, and writes nothing', async () => {
    const editor = editorA();
    await refusedWith(editor, 'FORBIDDEN', UPSERT_ENTERPRISE, {
      input: { creditCode: creditCode(22, '500232'), countyCode: '500232', name: '越界', memberships: [] },
    });
    // moving B1 into its own county would overwrite another county's enterprise: the database refuses it
    await refusedWith(editor, 'FORBIDDEN', UPSERT_ENTERPRISE, {
      input: { creditCode: B1, countyCode: '500231', name: '夺取', memberships: [] },
    });
    await refusedWith(editor, 'FORBIDDEN', `mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
      input: { applicationNumber: PB, title: '改写', type: 'INVENTION', countyCode: '500231', filingDate: '2020-01-01' },
    });
    // another county's enterprise is unknown, exactly as one that does not exist
    const pledge = `mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) { id } }`;
    const foreign = await editor.execute(pledge, {
      input: { enterpriseCreditCode: B1, lender: '银行', amount: '1.00', registeredOn: '2024-01-01', patentApplicationNumbers: [PA] },
    });
    const missing = await editor.execute(pledge, {
      input: {
        enterpriseCreditCode: creditCode(99),
        lender: '银行',
        amount: '1.00',
        registeredOn: '2024-01-01',
        patentApplicationNumbers: [PA],
      },
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0].message.replace(B1, 'X')).toBe(missing.errors?.[0].message.replace(creditCode(99), 'X'));
    expect(
      await api.sql(`SELECT credit_code, name, county_code FROM enterprise WHERE credit_code = ANY($1)`, [[B1, creditCode(22, '500232')]]),
    ).toEqual([{ credit_code: B1, name: '乙一', county_code: '500232' }]);
    expect(await api.sql(`SELECT title FROM patent WHERE application_number = $1`, [PB])).toEqual([{ title: `专利 ${PB}` }]);
  });

  it('may not write plans, statistics, counties or keys', async () => {
    const editor = editorA();
    await refusedWith(
      editor,
      'FORBIDDEN',
      `mutation { setCountyStatistics(input: { countyCode: "500231", year: 2024, population: 1 }) { year } }`,
    );
    await refusedWith(
      editor,
      'FORBIDDEN',
      `mutation { upsertCounty(input: { code: "500231", name: "改名", parentCode: "500000" }) { code } }`,
    );
    await refusedWith(editor, 'FORBIDDEN', `{ apiKeys { id } }`);
    const plan = `mutation { upsertPlan(input: { countyCode: "500231", title: "x", startYear: 2025, endYear: 2026, highPledgeThreshold: "1.00", breakthroughTargets: [] }) { id } }`;
    await refusedWith(editor, 'FORBIDDEN', plan);
    expect(await api.sql(`SELECT count(*)::int AS n FROM plan WHERE start_year = 2025`)).toEqual([{ n: 0 }]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM county_statistics`)).toEqual([{ n: 0 }]);
  });
});

describe('an ADMIN of one county', () => {
  it('writes its plans and statistics, and nothing of another county', async () => {
    const admin = adminA();
    await admin.ok(`mutation { setCountyStatistics(input: { countyCode: "500231", year: 2023, population: 650000 }) { year } }`);
    await givenPlan(admin as TestApi, { countyCode: '500231', startYear: 2025, targets: { HIGH_TECH: 2 } });
    await refusedWith(
      admin,
      'FORBIDDEN',
      `mutation { setCountyStatistics(input: { countyCode: "500232", year: 2023, population: 1 }) { year } }`,
    );
    await refusedWith(
      admin,
      'FORBIDDEN',
      `mutation { upsertPlan(input: { countyCode: "500232", title: "x", startYear: 2026, endYear: 2027, highPledgeThreshold: "1.00", breakthroughTargets: [] }) { id } }`,
    );
    // a county ADMIN does not rename its own county: that changes the scope of everyone under it
    await refusedWith(
      admin,
      'FORBIDDEN',
      `mutation { upsertCounty(input: { code: "500231", name: "改名", parentCode: "500000" }) { code } }`,
    );
    expect(await api.sql(`SELECT county_code, year FROM county_statistics ORDER BY 1`)).toEqual([{ county_code: '500231', year: 2023 }]);
    expect(await api.sql(`SELECT county_code FROM plan WHERE start_year >= 2025`)).toEqual([{ county_code: '500231' }]);
    expect(await api.sql(`SELECT name FROM county WHERE code = '500231'`)).toEqual([{ name: '垫江县' }]);
  });
});

describe('a city-level caller (a parent code)', () => {
  it('covers every county whose parentCode is its code, and nothing else', async () => {
    const city = api.as({ role: Role.VIEWER, counties: ['500000'] });
    expect(await counties(city)).toEqual(['500000', '500231', '500232']);
    expect((await city.ok(ENTERPRISE, { code: B1 })).enterprise.name).toBe('乙一');
    expect((await city.ok(ENTERPRISE, { code: C1 })).enterprise).toBeNull();
    expect((await city.ok(PATENT, { number: PJ })).patent.owners).toEqual([{ name: '乙一' }, { name: '甲一' }]);
    expect((await city.ok(PATENT, { number: PC })).patent).toBeNull();
    const comparison = await city.ok(`{ indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS) { county { code } } }`);
    expect(comparison.indicatorComparison.map((r: any) => r.county.code)).toEqual(['500231', '500232']);
  });

  it('as ADMIN adds a county under its code and writes there in the same request', async () => {
    const code = creditCode(30, '500233');
    await cityAdmin().ok(
      `mutation($e: EnterpriseInput!) { upsertCounty(input: { code: "500233", name: "丰都县", parentCode: "500000" }) { code }
                                        upsertEnterprise(input: $e) { creditCode } }`,
      { e: { creditCode: code, countyCode: '500233', name: '丰都企业', memberships: [] } },
    );
    expect(await api.sql(`SELECT county_code FROM enterprise WHERE credit_code = $1`, [code])).toEqual([{ county_code: '500233' }]);
    await refusedWith(
      cityAdmin(),
      'FORBIDDEN',
      `mutation { upsertCounty(input: { code: "510108", name: "成华区", parentCode: "510000" }) { code } }`,
    );
    await refusedWith(
      cityAdmin(),
      'FORBIDDEN',
      `mutation { upsertCounty(input: { code: "500000", name: "重庆", parentCode: null }) { code } }`,
    );
    expect(await api.sql(`SELECT code, name FROM county WHERE code IN ('510108', '500000')`)).toEqual([{ code: '500000', name: '重庆市' }]);
  });
});

describe('an ENTERPRISE caller', () => {
  it('reads its own enterprise, its patents, financings and gaps', async () => {
    const { enterprise } = await enterpriseA1().ok(ENTERPRISE, { code: A1 });
    expect(enterprise.name).toBe('甲一');
    expect(enterprise.patents.edges.map((e: any) => e.node.applicationNumber).sort()).toEqual([PA, PJ].sort());
    expect(enterprise.pledgeFinancings).toEqual([{ amount: '2000000.00' }]);
    expect(enterprise.targetGaps).toEqual([{ category: 'HIGH_TECH', current: 2, met: true }]);
    expect((await enterpriseA1().ok(`{ me { role counties creditCode } }`)).me).toEqual({
      role: 'ENTERPRISE',
      counties: ['500231'],
      creditCode: A1,
    });
  });

  it('sees no other enterprise, nothing county-wide, and may not write', async () => {
    const caller = enterpriseA1();
    expect((await caller.ok(ENTERPRISE, { code: A2 })).enterprise).toBeNull();
    expect((await caller.ok(PATENT, { number: PB })).patent).toBeNull();
    for (const query of [
      `{ county(code: "500231") { highValuePatentCount } }`,
      `{ county(code: "500231") { enterprises { totalCount } } }`,
      `{ county(code: "500231") { patents { totalCount } } }`,
      `{ county(code: "500231") { breakthroughSummary { category } } }`,
      `{ county(code: "500231") { indicators { kind } } }`,
      `{ targetGaps(countyCode: "500231") { totalCount } }`,
    ]) {
      await refusedWith(caller, 'FORBIDDEN', query);
    }
    await refusedWith(caller, 'FORBIDDEN', UPSERT_ENTERPRISE, {
      input: { creditCode: A1, countyCode: '500231', name: '改名', memberships: [] },
    });
    const db = new RequestDatabase(api.dataSource, {}, caller.principal);
    try {
      expect((await db.query<{ credit_code: string }>(sql`SELECT * FROM enterprise`)).map((e) => e.credit_code)).toEqual([A1]);
      expect(await db.query(sql`SELECT * FROM county_statistics`)).toEqual([]);
    } finally {
      await db.finish(false);
    }
  });

  it('with counties that do not hold its enterprise sees nothing of it', async () => {
    const stray = api.as({ role: Role.ENTERPRISE, counties: ['500232'], creditCode: A1 });
    expect((await stray.ok(ENTERPRISE, { code: A1 })).enterprise).toBeNull();
  });
});

describe("the counties of a patent's owners", () => {
  it('follow owners replaced and enterprises moved, so visibility through ownership stays right', async () => {
    const city = cityAdmin();
    const M = creditCode(40, '500231');
    await city.ok(UPSERT_ENTERPRISE, { input: { creditCode: M, countyCode: '500231', name: '迁移企业', memberships: [] } });
    const PX = await givenPatent(city as TestApi, { countyCode: '500232', owners: [B1, M] });
    const codes = async () =>
      (await api.sql(`SELECT owner_county_codes FROM patent WHERE application_number = $1`, [PX]))[0].owner_county_codes;
    const seenByA = async () => (await viewerA().ok(PATENT, { number: PX })).patent !== null;
    expect(await codes()).toEqual(['500231', '500232']);
    expect(await seenByA()).toBe(true);

    await city.ok(UPSERT_ENTERPRISE, { input: { creditCode: M, countyCode: '500232', name: '迁移企业', memberships: [] } });
    expect(await codes()).toEqual(['500232']);
    expect(await seenByA()).toBe(false);

    await givenPatent(city as TestApi, { applicationNumber: PX, countyCode: '500232', owners: [B1, A2] });
    expect(await codes()).toEqual(['500231', '500232']);
    expect(await seenByA()).toBe(true);
    await givenPatent(city as TestApi, { applicationNumber: PX, countyCode: '500232', owners: [B1] });
    expect(await codes()).toEqual(['500232']);
    expect(await seenByA()).toBe(false);
  });
});
