/**
 * Enterprise tags the plans talk about (issue 15): a county's industry clusters and an enterprise's, the level of a
 * 专精特新 recognition ("小巨人"), other recognitions, and the breakdowns by cluster.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { importFile } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { creditCode, givenChongqingAndDianjiang, givenPatent, givenPlan } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
let dir: string;
const AS_OF = '2024-06-30';
const A = creditCode(1);
const B = creditCode(2);
const C = creditCode(3);

const UPSERT = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { version industryCluster
  recognitions { kind name level recognisedOn } } }`;
const enterprise = (code: string, name: string, extra: Record<string, unknown>) => ({
  input: { creditCode: code, countyCode: '500231', name, memberships: [], ...extra },
});

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenPlan(api, { countyCode: '500231', startYear: 2022, targets: { SPECIALIZED_NEW: 2, HIGH_TECH: 1 } });
  dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-tags-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

describe('industry clusters and levels', () => {
  it("sets the county's clusters in order", async () => {
    const { setIndustryClusters } = await api.ok(
      `mutation { setIndustryClusters(countyCode: "500231", names: ["智能装备", "新材料", "医药健康"]) { name position } }`,
    );
    expect(setIndustryClusters).toEqual([
      { name: '智能装备', position: 1 },
      { name: '新材料', position: 2 },
      { name: '医药健康', position: 3 },
    ]);
  });

  it('tags an enterprise with a cluster, a 小巨人 membership and recognitions; keeps the cluster when not given', async () => {
    const created = (
      await api.ok(
        UPSERT,
        enterprise(A, '甲公司', {
          industryCluster: '新材料',
          memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01', level: 'NATIONAL_LITTLE_GIANT' }],
          recognitions: [{ kind: 'IP_DEMONSTRATION', name: '国家知识产权示范企业', level: 'NATIONAL', recognisedOn: '2023-05-01' }],
        }),
      )
    ).upsertEnterprise;
    expect(created).toMatchObject({
      industryCluster: '新材料',
      recognitions: [{ kind: 'IP_DEMONSTRATION', name: '国家知识产权示范企业', level: 'NATIONAL', recognisedOn: '2023-05-01' }],
    });
    const kept = (
      await api.ok(
        UPSERT,
        enterprise(A, '甲公司', {
          memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01', level: 'NATIONAL_LITTLE_GIANT' }],
        }),
      )
    ).upsertEnterprise;
    expect(kept.industryCluster).toBe('新材料');
    expect(kept.version).toBe(created.version);
    const { enterprise: read } = await api.ok(`{ enterprise(creditCode: "${A}") { memberships { category level } } }`);
    expect(read.memberships).toEqual([{ category: 'SPECIALIZED_NEW', level: 'NATIONAL_LITTLE_GIANT' }]);
  });

  it('refuses a cluster the county does not have, a level for another category, and leaving out a cluster in use', async () => {
    const unknown = await api.execute(UPSERT, enterprise(B, '乙公司', { industryCluster: '航天' }));
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(unknown.errors?.[0].message).toMatch(/industryCluster/);
    const level = await api.execute(
      UPSERT,
      enterprise(B, '乙公司', { memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01', level: 'MUNICIPAL' }] }),
    );
    expect(level.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(level.errors?.[0].message).toMatch(/level/);
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE credit_code = $1`, [B])).toEqual([]);
    const inUse = await api.execute(`mutation { setIndustryClusters(countyCode: "500231", names: ["智能装备"]) { name } }`);
    expect(inUse.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(inUse.errors?.[0].message).toMatch(/新材料/);
  });

  it('imports 专精特新"小巨人" as the national level, and a cluster column', async () => {
    const file = path.join(dir, 'specialized.csv');
    writeFileSync(
      file,
      `统一社会信用代码,企业名称,类别,认定日期,产业集群\n${B},乙公司,专精特新"小巨人"企业,2023-03-01,智能装备\n${C},丙公司,市级专精特新中小企业,2023-03-01,\n`,
    );
    const importOnce = async () => {
      const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'], sub: 'import-test' }));
      const results: RowResult[] = [];
      await importFile(db, file, { countyCode: '500231', kind: 'enterprises' }, { row: (r) => results.push(r) });
      await db.finish(true);
      return results.map((r) => r.status);
    };
    expect(await importOnce()).toEqual(['CREATED', 'CREATED']);
    expect(await importOnce()).toEqual(['UNCHANGED', 'UNCHANGED']);
    const rows = await api.sql(
      `SELECT e.name, e.industry_cluster AS cluster, m.level FROM enterprise e JOIN enterprise_membership m ON m.enterprise_id = e.id
        WHERE e.credit_code = ANY ($1) ORDER BY e.credit_code`,
      [[B, C]],
    );
    expect(rows).toEqual([
      { name: '乙公司', cluster: '智能装备', level: 'NATIONAL_LITTLE_GIANT' },
      { name: '丙公司', cluster: null, level: 'MUNICIPAL' },
    ]);
  });
});

describe('breakdowns by cluster', () => {
  beforeAll(async () => {
    // 甲 (新材料, 专精特新, target 2) owns 2 high-value patents, one of them first; 乙 (智能装备, 专精特新) owns 1, first
    await givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners: [A] });
    await givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners: [B, A] });
    await givenPatent(api, { owners: [C] }); // valid, not high-value: 丙 has no cluster
  });

  it('breaks the breakthrough summary down by cluster, clusters in order, no cluster last', async () => {
    const { county } = await api.ok(`{ county(code: "500231") { breakthroughByCluster(asOf: "${AS_OF}") {
      cluster category lowestTarget enterpriseCount metCount totalGap } } }`);
    expect(county.breakthroughByCluster).toEqual([
      { cluster: '智能装备', category: 'SPECIALIZED_NEW', lowestTarget: 2, enterpriseCount: 1, metCount: 0, totalGap: 1 },
      { cluster: '新材料', category: 'SPECIALIZED_NEW', lowestTarget: 2, enterpriseCount: 1, metCount: 1, totalGap: 0 },
      { cluster: null, category: 'SPECIALIZED_NEW', lowestTarget: 2, enterpriseCount: 1, metCount: 0, totalGap: 2 },
    ]);
  });

  it('filters target gaps by cluster', async () => {
    const { targetGaps } = await api.ok(`{ targetGaps(countyCode: "500231", asOf: "${AS_OF}", cluster: "新材料") {
      totalCount edges { node { enterprise { name industryCluster } current } } } }`);
    expect(targetGaps).toEqual({
      totalCount: 1,
      edges: [{ node: { enterprise: { name: '甲公司', industryCluster: '新材料' }, current: 2 } }],
    });
  });

  it('counts patents in the cluster of their first enterprise patentee, enterprises in theirs', async () => {
    const { county } = await api.ok(`{ county(code: "500231") { indicatorsByCluster(asOf: "${AS_OF}") { cluster kind value } } }`);
    expect(county.indicatorsByCluster).toEqual([
      { cluster: '智能装备', kind: 'HIGH_VALUE_PATENTS', value: 1 },
      { cluster: '智能装备', kind: 'SEI_INVENTION_PATENTS', value: 1 },
      { cluster: '智能装备', kind: 'SPECIALIZED_NEW_ENTERPRISES', value: 1 },
      { cluster: '新材料', kind: 'HIGH_VALUE_PATENTS', value: 1 },
      { cluster: '新材料', kind: 'SEI_INVENTION_PATENTS', value: 1 },
      { cluster: '新材料', kind: 'SPECIALIZED_NEW_ENTERPRISES', value: 1 },
      { cluster: null, kind: 'SPECIALIZED_NEW_ENTERPRISES', value: 1 },
    ]);
  });

  it('keeps the recognitions in the history of their enterprise', async () => {
    const rows = await api.sql(`SELECT record_type, action FROM history WHERE table_name = 'enterprise_recognition'`);
    expect(rows).toEqual([{ record_type: 'Enterprise', action: 'CREATED' }]);
  });
});

describe('statements (no N+1)', () => {
  it("reads a page of enterprises' clusters and recognitions in as many statements for 1 as for all", async () => {
    const page = (first: number) =>
      api.countStatements(`{ county(code: "500231") { enterprises(first: ${first}) { edges { node {
        industryCluster recognitions { name } memberships { level } } } } } }`);
    expect(await page(3)).toBe(await page(1));
  });

  it('answers the breakdowns of several counties in the statements of one', async () => {
    const fields = `breakthroughByCluster(asOf: "${AS_OF}") { cluster } indicatorsByCluster(asOf: "${AS_OF}") { kind }`;
    const one = await api.countStatements(`{ county(code: "500231") { ${fields} } }`);
    expect(await api.countStatements(`{ a: county(code: "500231") { ${fields} } b: county(code: "500000") { ${fields} } }`)).toBe(one);
  });
});
