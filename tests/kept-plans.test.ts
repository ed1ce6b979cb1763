/**
 * Keyed statements keep one plan (src/db/sql.ts, sql.keys): from its sixth run on a connection, PostgreSQL runs a
 * prepared lookup by keys with its generic plan instead of planning it afresh at every call.
 */
import { givenCounty, givenEnterprise } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  // one connection: what a statement's plans were is known to its connection only
  api = await createTestApi({ poolSize: 1 });
  await givenCounty(api, '500231', '垫江县');
  // enough enterprises that a plan for ten keys costs more than one for a single key
  await api.sql(`BEGIN; SELECT hvp_begin('ADMIN', '*', '');
    INSERT INTO enterprise (credit_code, name, county_code)
      SELECT '9150023199' || lpad(i::text, 7, '0') || 'X', '企业' || i, '500231' FROM generate_series(1, 2000) i;
    COMMIT; ANALYZE enterprise;`);
});
afterAll(() => api.close());

it('runs a lookup by credit code with its generic plan after five custom ones', async () => {
  const code = await givenEnterprise(api, { serial: 1, name: '甲公司' });
  for (let i = 0; i < 8; i++) expect((await api.ok(`{ enterprise(creditCode: "${code}") { name } }`)).enterprise.name).toBe('甲公司');
  const plans: { generic: number; custom: number }[] = await api.dataSource.query(
    `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
      WHERE statement LIKE '%FROM enterprise e WHERE e.credit_code = ANY%'`,
  );
  expect(plans).toHaveLength(1);
  expect(plans[0].custom).toBeLessThanOrEqual(5);
  expect(plans[0].generic).toBeGreaterThanOrEqual(3);
});
