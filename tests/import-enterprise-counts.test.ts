/**
 * An import rebuilds each owner's high-value count once, at its end (migration DeferredEnterpriseCounts), not at every
 * batch; the counts it leaves are those of the rules, and a transaction that defers and commits owes nothing.
 */
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { sql } from '../src/db/sql';
import { deferEnterpriseCounts } from '../src/import/import.sql';
import { syntheticApplicationNumber } from '../src/seed/synthetic';
import { creditCode, givenChongqingAndDianjiang, givenEnterprise } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenEnterprise(api, { serial: 1, name: '重庆垫江甲科技有限公司' });
  await givenEnterprise(api, { serial: 2, name: '重庆垫江乙材料有限公司' });
});
afterAll(() => api.close());

const IMPORT_PATENTS = `mutation($rows: [PatentImportRow!]!) {
  importPatents(countyCode: "500231", rows: $rows) { totals { created } } }`;
const COUNTS = `{ a: enterprise(creditCode: "${creditCode(1)}") { highValuePatentCount(asOf: "2024-12-31") }
                  b: enterprise(creditCode: "${creditCode(2)}") { highValuePatentCount(asOf: "2024-12-31") } }`;
/** granted inventions filed in 2010: high-value (maintained over 10 years) on 2024-12-31 */
const row = (serial: number, owners: string[]) => ({
  applicationNumber: syntheticApplicationNumber(2010, 1, 7_000_000 + serial),
  title: `一种示例方法${serial}`,
  filingDate: '2010-03-01',
  grantDate: '2012-05-01',
  owners,
});
const owed = async () => (await api.sql(`SELECT count(*)::int AS n FROM enterprise_count_change`))[0].n;

it('leaves every owner counted once the import ends, across batches, with nothing owed', async () => {
  // the GraphQL import writes in batches of its own; 1,000 rows are many statements of spans and one rebuild
  const rows = Array.from({ length: 300 }, (_, i) => row(i, i % 3 === 0 ? [creditCode(1), creditCode(2)] : [creditCode(1)]));
  const { importPatents } = await api.ok(IMPORT_PATENTS, { rows });
  expect(importPatents.totals.created).toBe(300);
  expect(await api.ok(COUNTS)).toEqual({ a: { highValuePatentCount: 300 }, b: { highValuePatentCount: 100 } });
  expect(await owed()).toBe(0);
});

it('rebuilds at commit what a deferring transaction still owes', async () => {
  const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'] }));
  await deferEnterpriseCounts(db);
  const [{ id }] = await db.query<{ id: number }>(sql`SELECT id FROM enterprise WHERE credit_code = ${creditCode(2)}`);
  // b becomes a co-owner of one more of a's patents; its count is owed until the commit
  await db.query(sql`INSERT INTO patent_owner (patent_id, enterprise_id, position)
                     SELECT p.id, ${id}, (SELECT max(o.position) + 1 FROM patent_owner o WHERE o.patent_id = p.id) FROM patent p
                      WHERE NOT EXISTS (SELECT 1 FROM patent_owner o WHERE o.patent_id = p.id AND o.enterprise_id = ${id})
                      ORDER BY p.id LIMIT 1`);
  await db.finish(true);
  expect(await api.ok(COUNTS)).toEqual({ a: { highValuePatentCount: 300 }, b: { highValuePatentCount: 101 } });
  expect(await owed()).toBe(0);
});
