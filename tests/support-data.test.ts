/**
 * The data the support measures read (issue 14): inventors, overseas routes and numbers, transactions, and
 * "commercialised" (已转化运营) on a day — through upsertPatent and through the import of a CNIPA-style export and a
 * 专利交易/许可备案 list (tests/fixtures/import).
 */
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { FileImportSummary, importFile, ImportOptions } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { ENTERPRISES as E, NUMBERS as N } from './fixtures/import/make-fixtures';
import { givenChongqingAndDianjiang, givenEnterprise, givenPatent, givenPledge, creditCode } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'import', name);

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  for (const [i, e] of [E.equipment, E.materials, E.biotech, E.electronics].entries()) {
    await api.ok(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
      input: { creditCode: e.code, name: e.name, countyCode: '500231', memberships: [] },
    });
    void i;
  }
});
afterAll(() => api.close());

async function importAs(
  file: string,
  options: Pick<ImportOptions, 'kind'> & Partial<ImportOptions>,
): Promise<FileImportSummary & { results: RowResult[] }> {
  const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'], sub: 'support-test' }));
  const results: RowResult[] = [];
  try {
    const summary = await importFile(db, file, { countyCode: '500231', ...options }, { row: (result) => results.push(result) });
    await db.finish(true);
    return { ...summary, results };
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}

const PATENT = `query($number: String!, $asOf: Date) { patent(applicationNumber: $number) {
  version inventors { position name identifier }
  overseasGrants { jurisdiction grantDate route publicationNumber }
  transactions { kind occurredOn counterparty recordNumber financingId }
  commercialised(asOf: $asOf) } }`;
const patent = async (number: string, asOf?: string) => (await api.ok(PATENT, { number, asOf })).patent;

describe('the CNIPA export and the transactions list', () => {
  it('reads 发明人 into the ordered inventors, and a 专利交易/许可备案 list into transactions', async () => {
    const imported = await importAs(fixture('cnipa-patents.xlsx'), { kind: 'patents', partial: true });
    expect(imported.results.filter((r) => r.status === 'CREATED').map((r) => r.key)).toEqual([
      N.battery,
      N.conveyor,
      N.box,
      N.catalyst,
      N.sensor,
      N.personal, // 张三's own patent: an external first patentee (issue 15)
    ]);
    expect((await patent(N.battery)).inventors).toEqual([
      { position: 1, name: '李四', identifier: null },
      { position: 2, name: '王五', identifier: null },
    ]);
    expect((await patent(N.catalyst)).inventors).toEqual([{ position: 1, name: '孙八', identifier: null }]);
    // the same file again changes nothing
    const again = await importAs(fixture('cnipa-patents.xlsx'), { kind: 'patents', partial: true });
    expect(again.results.filter((r) => r.status !== 'REFUSED').every((r) => r.status === 'UNCHANGED')).toBe(true);

    const transactions = await importAs(fixture('patent-transactions.csv'), { kind: 'patentTransactions', partial: true });
    expect(transactions.results.map((r) => [r.rowNumber, r.status, r.problems.map((p) => `${p.column}: ${p.reason}`)])).toEqual([
      [2, 'CREATED', []],
      [3, 'CREATED', []],
      [4, 'CREATED', []],
      [5, 'REFUSED', ['备案类型: PLEDGE is not entered here: a pledge is recorded as a pledge financing (recordPledgeFinancing)']],
      [6, 'REFUSED', ['专利号: no patent 201810004242.6 is recorded: import the patent first']],
    ]);
    expect((await patent(N.battery)).transactions).toEqual([
      {
        kind: 'LICENSE',
        occurredOn: '2024-03-15',
        counterparty: '重庆示例电池科技有限公司',
        recordNumber: '2024500000123',
        financingId: null,
      },
    ]);
    expect((await patent(N.conveyor)).transactions).toEqual([
      { kind: 'OWN_IMPLEMENTATION', occurredOn: '2020-05-01', counterparty: '', recordNumber: null, financingId: null },
    ]);
    const repeated = await importAs(fixture('patent-transactions.csv'), { kind: 'patentTransactions', partial: true });
    expect(repeated.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'REFUSED', 'REFUSED']);
  });

  it('reads a list of foreign grants with their route and number', async () => {
    const grants = await importAs(fixture('overseas-grants.csv'), { kind: 'overseasGrants', partial: true });
    expect(grants.results.map((r) => [r.status, r.key, r.problems.map((p) => `${p.column}: ${p.reason}`)])).toEqual([
      ['CREATED', `${N.battery} US`, []],
      ['CREATED', `${N.battery} JP`, []],
      ['CREATED', `${N.catalyst} EP`, []],
      ['REFUSED', `${N.catalyst} CN`, ['国家/地区: must be a two-letter WIPO ST.3 code other than CN, got "CN"']],
    ]);
    expect((await patent(N.battery)).overseasGrants).toEqual([
      { jurisdiction: 'US', grantDate: '2024-05-07', route: 'PCT', publicationNumber: 'US11990001B2' },
      { jurisdiction: 'JP', grantDate: '2024-08-01', route: 'PPH', publicationNumber: 'JP7500001B2' },
    ]);
    const again = await importAs(fixture('overseas-grants.csv'), { kind: 'overseasGrants', partial: true });
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'REFUSED']);
  });

  it('commercialised: from the first event on, inclusive; a pledge financing counts as 质押', async () => {
    expect((await patent(N.battery, '2024-03-14')).commercialised).toBe(false);
    expect((await patent(N.battery, '2024-03-15')).commercialised).toBe(true);
    expect((await patent(N.sensor, '2026-01-01')).commercialised).toBe(false);
    await givenEnterprise(api, { serial: 9, countyCode: '500231', name: '质押示例' });
    const pledged = await givenPatent(api, { owners: [creditCode(9)], filingDate: '2019-02-01', grantDate: '2020-02-01' });
    await givenPledge(api, creditCode(9), '500000.00', '2023-12-31', [pledged]);
    const { transactions } = await patent(pledged);
    expect(transactions).toEqual([
      { kind: 'PLEDGE', occurredOn: '2023-12-31', counterparty: '示例银行', recordNumber: null, financingId: expect.any(String) },
    ]);
    expect((await patent(pledged, '2023-12-30')).commercialised).toBe(false);
    expect((await patent(pledged, '2023-12-31')).commercialised).toBe(true);
  });
});

describe('importPatentTransactions (GraphQL)', () => {
  it('adds rows as the file import does, all or nothing by default', async () => {
    const IMPORT = `mutation($rows: [PatentTransactionImportRow!]!, $partial: Boolean) {
      importPatentTransactions(countyCode: "500231", rows: $rows, partial: $partial) { applied totals { created unchanged refused } rows { status problems { field reason } } } }`;
    const rows = [
      { applicationNumber: N.sensor, kind: '作价入股', occurredOn: '2024年7月1日', counterparty: '垫江示例投资有限公司' },
      { applicationNumber: N.sensor, kind: 'BARTER', occurredOn: '2024-07-02', counterparty: '某' },
    ];
    const refused = (await api.ok(IMPORT, { rows })).importPatentTransactions;
    expect(refused).toMatchObject({ applied: false, totals: { created: 1, refused: 1 } });
    expect(refused.rows[1].problems).toEqual([
      { field: 'kind', reason: '"BARTER" is not a kind: 转让, 许可, 开放许可, 作价入股 or 自行实施' },
    ]);
    expect((await patent(N.sensor)).transactions).toEqual([]);
    const written = (await api.ok(IMPORT, { rows, partial: true })).importPatentTransactions;
    expect(written).toMatchObject({ applied: true, totals: { created: 1, refused: 1 } });
    expect((await patent(N.sensor)).transactions).toEqual([
      {
        kind: 'EQUITY_CONTRIBUTION',
        occurredOn: '2024-07-01',
        counterparty: '垫江示例投资有限公司',
        recordNumber: null,
        financingId: null,
      },
    ]);
  });
});

describe('upsertPatent', () => {
  const UPSERT = `mutation($input: PatentInput!) { upsertPatent(input: $input) { version } }`;
  const base = {
    applicationNumber: '201510958772.0',
    title: '一种复合催化剂及其制备方法（示例）',
    type: 'INVENTION',
    countyCode: '500231',
    filingDate: '2015-12-01',
    grantDate: '2018-05-04',
  };

  it('replaces inventors, transactions and overseas grants with route and number when given, and keeps them when not', async () => {
    const before = await patent(base.applicationNumber);
    await api.ok(UPSERT, {
      input: {
        ...base,
        inventors: [{ name: '孙八', identifier: 'DJ-001' }, { name: '周九' }],
        transactions: [
          { kind: 'ASSIGNMENT', occurredOn: '2023-06-01', counterparty: '重庆示例化工有限公司' },
          { kind: 'OPEN_LICENSE', occurredOn: '2024-02-01', counterparty: '开放许可被许可人（示例）', recordNumber: 'KF2024001' },
        ],
        overseasGrants: [{ jurisdiction: 'US', grantDate: '2020-03-03', route: 'PCT', publicationNumber: 'us11223344b2' }],
      },
    });
    const after = await patent(base.applicationNumber);
    expect(after.version).toBe(before.version + 1);
    expect(after.inventors).toEqual([
      { position: 1, name: '孙八', identifier: 'DJ-001' },
      { position: 2, name: '周九', identifier: null },
    ]);
    expect(after.transactions.map((t: { kind: string }) => t.kind)).toEqual(['ASSIGNMENT', 'OPEN_LICENSE']);
    expect(after.overseasGrants).toEqual([
      { jurisdiction: 'US', grantDate: '2020-03-03', route: 'PCT', publicationNumber: 'US11223344B2' },
    ]);

    // the same lists again, or none: nothing changes
    await api.ok(UPSERT, { input: { ...base } });
    const unchanged = await patent(base.applicationNumber);
    expect(unchanged).toEqual(after);
  });

  it('keeps the inventors in the history of the patent', async () => {
    const rows = await api.sql(
      `SELECT action, after ->> 'name' AS name FROM history WHERE table_name = 'patent_inventor' AND after ->> 'identifier' = 'DJ-001'`,
    );
    expect(rows).toEqual([{ action: 'CREATED', name: '孙八' }]);
  });

  it.each([
    [{ kind: 'PLEDGE', occurredOn: '2023-01-01', counterparty: '银行' }, 'input.transactions[0].kind', 'PLEDGE is not entered here'],
    [{ kind: 'LICENSE', occurredOn: '2023-01-01' }, 'input.transactions[0].kind', 'LICENSE needs a counterparty'],
    [{ kind: 'LICENSE', occurredOn: '2999-01-01', counterparty: '某' }, 'input.transactions[0].occurredOn', 'after today'],
  ])('refuses a bad transaction %j and writes nothing', async (transaction, field, reason) => {
    const before = await patent(base.applicationNumber);
    const result = await api.execute(UPSERT, { input: { ...base, transactions: [transaction] } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].message).toContain(reason);
    expect(await patent(base.applicationNumber)).toEqual(before);
  });

  it('refuses a blank inventor name', async () => {
    const result = await api.execute(UPSERT, { input: { ...base, inventors: [{ name: '  ' }] } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inventors[0].name' });
  });
});
