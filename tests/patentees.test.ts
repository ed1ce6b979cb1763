/**
 * Patentees as CNIPA exports them (issue 15): a co-patentee that is no enterprise of the model — a university, a
 * person, an enterprise of another province — no longer refuses the row; it is kept at its place, shown in
 * Patent.patentees, and counts for nobody's targets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { FileImportSummary, importFile } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { syntheticCreditCode } from '../src/seed/synthetic';
import { applicationNumber, creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
let dir: string;
const AS_OF = '2024-06-30';
const A = creditCode(1);
/** an enterprise of Sichuan (510100), in no county of the model */
const SICHUAN = syntheticCreditCode('510100', 77);
const N = { joint: applicationNumber('INVENTION', 2016), personal: applicationNumber('UTILITY_MODEL', 2020), other: applicationNumber() };

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenPlan(api, { countyCode: '500231', startYear: 2022, targets: { HIGH_TECH: 1 } });
  await givenEnterprise(api, {
    serial: 1,
    name: '重庆垫江甲科技有限公司',
    memberships: [{ category: 'HIGH_TECH', validFrom: '2022-01-01' }],
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-patentees-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

async function importCsv(content: string): Promise<FileImportSummary & { results: RowResult[] }> {
  const file = path.join(dir, `cnipa-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'], sub: 'import-test' }));
  const results: RowResult[] = [];
  try {
    const summary = await importFile(db, file, { countyCode: '500231', kind: 'patents' }, { row: (result) => results.push(result) });
    await db.finish(true);
    return { ...summary, results };
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}

// CNIPA's columns; 专利权人 in the export's order, credit codes in the same order where known
const HEADER = '申请号,发明名称,申请日,授权公告日,申请(专利权)人,专利权人统一社会信用代码,战略性新兴产业,专利类型';
const FILE = [
  HEADER,
  `CN${N.joint},一种示例材料的制备方法,2016-03-01,2019-05-06,重庆垫江甲科技有限公司；重庆大学；四川示例新材料有限公司,；；${SICHUAN},新材料产业,发明`,
  `${N.personal},一种示例晾衣架,2020-05-20,2021-01-12,李四；重庆垫江甲科技有限公司,,,实用新型`,
].join('\n');

const PATENTEES = `query($n: String!) { patent(applicationNumber: $n) { county { code }
  owners { creditCode } patentees { position name kind creditCode region enterprise { creditCode } } } }`;

describe('a CNIPA export with external co-patentees', () => {
  it('imports a row with a university and an enterprise of another province, and says who was matched and who kept', async () => {
    const imported = await importCsv(FILE);
    expect(imported.applied).toBe(true);
    expect(imported.results.map((r) => [r.status, r.problems])).toEqual([
      ['CREATED', []],
      ['CREATED', []],
    ]);
    expect(imported.results.map((r) => r.warnings.map((w) => `${w.column}: ${w.reason}`))).toEqual([
      [
        `申请(专利权)人: 专利权人 patentees: 1 重庆垫江甲科技有限公司 matched (${A}); 2 重庆大学 kept as an external patentee (UNIVERSITY); ` +
          `3 四川示例新材料有限公司 kept as an external patentee (ENTERPRISE, ${SICHUAN}); external patentees count for no enterprise's target`,
      ],
      [
        `申请(专利权)人: 专利权人 patentees: 1 李四 kept as an external patentee (PERSON); 2 重庆垫江甲科技有限公司 matched (${A}); ` +
          "external patentees count for no enterprise's target",
      ],
    ]);
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE name IN ('重庆大学', '李四', '四川示例新材料有限公司')`)).toEqual([]);
  });

  it('shows the patentees in order; owners stay the enterprises of the model', async () => {
    const { patent } = await api.ok(PATENTEES, { n: N.joint });
    expect(patent).toEqual({
      county: { code: '500231' },
      owners: [{ creditCode: A }],
      patentees: [
        { position: 1, name: '重庆垫江甲科技有限公司', kind: 'ENTERPRISE', creditCode: A, region: '500231', enterprise: { creditCode: A } },
        { position: 2, name: '重庆大学', kind: 'UNIVERSITY', creditCode: null, region: null, enterprise: null },
        { position: 3, name: '四川示例新材料有限公司', kind: 'ENTERPRISE', creditCode: SICHUAN, region: '510100', enterprise: null },
      ],
    });
    // an external first patentee: the patent is attributed to the county imported for
    const { patent: personal } = await api.ok(PATENTEES, { n: N.personal });
    expect(personal.county).toEqual({ code: '500231' });
    expect(personal.patentees.map((p: any) => [p.position, p.name, p.kind])).toEqual([
      [1, '李四', 'PERSON'],
      [2, '重庆垫江甲科技有限公司', 'ENTERPRISE'],
    ]);
  });

  it("counts for the enterprise owner's target and the county, never for an external patentee", async () => {
    const { county, targetGaps } = await api.ok(`{ county(code: "500231") { highValuePatentCount(asOf: "${AS_OF}") }
      targetGaps(countyCode: "500231", asOf: "${AS_OF}") { edges { node { enterprise { creditCode } current } } } }`);
    expect(county.highValuePatentCount).toBe(1);
    expect(targetGaps.edges).toEqual([{ node: { enterprise: { creditCode: A }, current: 1 } }]);
  });

  it('is unchanged when imported again, and updated when only an external patentee changes', async () => {
    const again = await importCsv(FILE);
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED']);
    const changed = await importCsv(FILE.replace('重庆大学', '重庆大学城市科技学院'));
    expect(changed.results.map((r) => r.status)).toEqual(['UPDATED', 'UNCHANGED']);
    const { patent } = await api.ok(PATENTEES, { n: N.joint });
    expect(patent.patentees[1]).toMatchObject({ name: '重庆大学城市科技学院', kind: 'UNIVERSITY' });
    // the patent's history holds each list it had
    const history = await api.sql(
      `SELECT action, COALESCE(after, before) ->> 'name' AS name FROM history
        WHERE table_name = 'patent_external_patentee' AND record_key = $1 ORDER BY id`,
      [N.joint],
    );
    // (the rows of one statement in any order)
    expect(history.map((h: any) => `${h.action} ${h.name}`).sort()).toEqual(
      [
        'CREATED 四川示例新材料有限公司',
        'CREATED 重庆大学',
        'REMOVED 重庆大学',
        'REMOVED 四川示例新材料有限公司',
        'CREATED 四川示例新材料有限公司',
        'CREATED 重庆大学城市科技学院',
      ].sort(),
    );
  });
});

describe('upsertPatent with external patentees', () => {
  const UPSERT = `mutation($input: PatentInput!) { upsertPatent(input: $input) { version patentees { position name kind } } }`;
  const input = (externalPatentees: unknown) => ({
    applicationNumber: N.other,
    title: '一种示例',
    type: 'INVENTION',
    countyCode: '500231',
    filingDate: '2020-01-01',
    ownerCreditCodes: [A],
    externalPatentees,
  });

  it('places them among the owners, replaces them when given, and raises the version once', async () => {
    const created = (
      await api.ok(UPSERT, { input: input([{ position: 1, name: '中国科学院重庆绿色智能技术研究院', kind: 'RESEARCH_INSTITUTE' }]) })
    ).upsertPatent;
    expect(created.patentees).toEqual([
      { position: 1, name: '中国科学院重庆绿色智能技术研究院', kind: 'RESEARCH_INSTITUTE' },
      { position: 2, name: '重庆垫江甲科技有限公司', kind: 'ENTERPRISE' },
    ]);
    const replaced = (await api.ok(UPSERT, { input: input([{ position: 2, name: '王五', kind: 'PERSON' }]) })).upsertPatent;
    expect(replaced.version).toBe(created.version + 1);
    expect(replaced.patentees.map((p: any) => p.name)).toEqual(['重庆垫江甲科技有限公司', '王五']);
    const same = (await api.ok(UPSERT, { input: input([{ position: 2, name: '王五', kind: 'PERSON' }]) })).upsertPatent;
    expect(same.version).toBe(replaced.version);
  });

  it('refuses a bad external patentee with BAD_USER_INPUT, writing nothing', async () => {
    const result = await api.execute(UPSERT, {
      input: input([
        { position: 0, name: '甲', kind: 'PERSON' },
        { position: 2, name: ' ', kind: 'OTHER', creditCode: '123' },
      ]),
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/externalPatentees/);
    const { patent } = await api.ok(`{ patent(applicationNumber: "${N.other}") { patentees { name } } }`);
    expect(patent.patentees.map((p: any) => p.name)).toEqual(['重庆垫江甲科技有限公司', '王五']);
  });

  it('reads the patentees of a page of patents in one statement', async () => {
    for (let i = 0; i < 6; i++) await givenPatent(api, { owners: [A] });
    const query = (first: number) =>
      api.countStatements(
        `{ county(code: "500231") { patents(first: ${first}) { edges { node { patentees { name enterprise { name } } } } } } }`,
      );
    expect(await query(9)).toBe(await query(2));
  });
});
