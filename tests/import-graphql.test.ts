/** The GraphQL door of the import: the same service, rows in batches, one report per call. */
import { syntheticApplicationNumber } from '../src/seed/synthetic';
import { creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '武隆区', '500000');
  await givenEnterprise(api, { serial: 1, name: '重庆垫江甲科技有限公司' });
  await givenEnterprise(api, { serial: 2, name: '重庆垫江乙材料有限公司（垫江）' });
});
afterAll(() => api.close());

const REPORT = `applied dryRun partial countyCode totals { rows created updated unchanged refused }
  rows { index rowNumber status key problems { field column reason } warnings { field column reason } }`;
const IMPORT_ENTERPRISES = `mutation($rows: [EnterpriseImportRow!]!, $dryRun: Boolean, $partial: Boolean, $county: ID! = "500231") {
  importEnterprises(countyCode: $county, rows: $rows, dryRun: $dryRun, partial: $partial) { ${REPORT} } }`;
const IMPORT_PATENTS = `mutation($rows: [PatentImportRow!]!, $dryRun: Boolean, $partial: Boolean, $county: ID! = "500231") {
  importPatents(countyCode: $county, rows: $rows, dryRun: $dryRun, partial: $partial) { ${REPORT} } }`;
const IMPORT_PLEDGES = `mutation($rows: [PledgeFinancingImportRow!]!) { importPledgeFinancings(countyCode: "500231", rows: $rows) { ${REPORT} } }`;
const IMPORT_STATISTICS = `mutation($rows: [CountyStatisticsImportRow!]!, $county: ID! = "500231") {
  importCountyStatistics(countyCode: $county, rows: $rows) { ${REPORT} } }`;

const number = (serial: number, type = 1) => syntheticApplicationNumber(2020, type, 5_000_000 + serial);
const enterpriseCount = async () => (await api.sql(`SELECT count(*)::int AS n FROM enterprise`))[0].n;

describe('importEnterprises', () => {
  const rows = [
    { creditCode: creditCode(10).toLowerCase(), name: '重庆垫江丙企业', category: '高新技术企业', validFrom: '2022/9/7' },
    { creditCode: creditCode(11), name: '重庆垫江丁企业', category: 'SPECIALIZED_NEW', validFrom: '20230101', validTo: '2022.12.31' },
    { creditCode: creditCode(12).slice(0, 17) + '0', name: ' ', category: '龙头企业', validFrom: '44811' },
  ];

  it('answers every row with its status, key and every problem, and writes nothing when one is refused', async () => {
    const before = await enterpriseCount();
    const { importEnterprises } = await api.ok(IMPORT_ENTERPRISES, { rows });
    expect(importEnterprises).toEqual({
      applied: false,
      dryRun: false,
      partial: false,
      countyCode: '500231',
      totals: { rows: 3, created: 1, updated: 0, unchanged: 0, refused: 2 },
      rows: [
        { index: 0, rowNumber: null, status: 'CREATED', key: `${creditCode(10)} HIGH_TECH 2022-09-07`, problems: [], warnings: [] },
        {
          index: 1,
          rowNumber: null,
          status: 'REFUSED',
          key: `${creditCode(11)} SPECIALIZED_NEW 2023-01-01`,
          problems: [
            { field: 'validTo', column: null, reason: 'validTo must not be before validFrom (2022-12-31 is before validFrom 2023-01-01)' },
          ],
          warnings: [],
        },
        {
          index: 2,
          rowNumber: null,
          status: 'REFUSED',
          key: null,
          problems: [
            { field: 'name', column: null, reason: 'is required' },
            { field: 'category', column: null, reason: expect.stringContaining('"龙头企业" is not a category') },
            { field: 'creditCode', column: null, reason: expect.stringContaining('bad check character') },
          ],
          warnings: [],
        },
      ],
    });
    expect(await enterpriseCount()).toBe(before);
  });

  it('writes the good rows with partial, checks only with dryRun, and changes nothing the second time', async () => {
    const dry = (await api.ok(IMPORT_ENTERPRISES, { rows: rows.slice(0, 1), dryRun: true })).importEnterprises;
    expect(dry).toMatchObject({ applied: false, dryRun: true, totals: { created: 1 } });
    expect(await api.ok(`{ enterprise(creditCode: "${creditCode(10)}") { name } }`)).toEqual({ enterprise: null });

    const partial = (await api.ok(IMPORT_ENTERPRISES, { rows, partial: true })).importEnterprises;
    expect(partial).toMatchObject({ applied: true, partial: true, totals: { rows: 3, created: 1, refused: 2 } });
    const { enterprise } = await api.ok(
      `{ enterprise(creditCode: "${creditCode(10)}") { name memberships { category validFrom validTo } } }`,
    );
    expect(enterprise).toEqual({
      name: '重庆垫江丙企业',
      memberships: [{ category: 'HIGH_TECH', validFrom: '2022-09-07', validTo: '2025-09-06' }],
    });

    const again = (await api.ok(IMPORT_ENTERPRISES, { rows: rows.slice(0, 1) })).importEnterprises;
    expect(again).toMatchObject({ applied: true, totals: { rows: 1, unchanged: 1 } });
  });
});

describe('importPatents', () => {
  it('matches patentees by exact name within the county or by credit code, and keeps the others as external', async () => {
    const rows = [
      {
        applicationNumber: `CN${number(1)}`,
        title: '一种示例方法',
        filingDate: '2020年1月2日',
        grantDate: '2021.3.4',
        owners: ['重庆垫江甲科技有限公司', '重庆垫江乙材料有限公司(垫江)'],
        mainIpc: 'h01m 10/052',
        ipcCodes: ['H01M 10/052', 'G06F 16/00'],
        strategicIndustry: '新材料产业',
        legalStatus: '有效',
      },
      { applicationNumber: number(2, 2), title: '一种示例装置', filingDate: '20200102', owners: ['张三'], type: '实用新型' },
      { applicationNumber: number(3), title: '一种示例系统', filingDate: '2020-01-02', owners: [creditCode(2)], ownerCreditCodes: [] },
    ];
    const { importPatents } = await api.ok(IMPORT_PATENTS, { rows, partial: true });
    expect(importPatents.totals).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, refused: 0 });
    // 张三 is no enterprise of the county: kept as an external patentee, and the row says so (issue 15)
    expect(importPatents.rows[1]).toEqual({
      index: 1,
      rowNumber: null,
      status: 'CREATED',
      key: number(2, 2),
      problems: [],
      warnings: [
        {
          field: 'owners',
          column: null,
          reason: "专利权人 patentees: 1 张三 kept as an external patentee (PERSON); external patentees count for no enterprise's target",
        },
      ],
    });
    const { patent } = await api.ok(
      `{ patent(applicationNumber: "${number(1)}") { type grantDate ipcCodes strategicIndustry owners { creditCode } } }`,
    );
    expect(patent).toEqual({
      type: 'INVENTION',
      grantDate: '2021-03-04',
      ipcCodes: ['H01M 10/052', 'G06F 16/00'],
      strategicIndustry: 'NEW_MATERIALS',
      owners: [{ creditCode: creditCode(1) }, { creditCode: creditCode(2) }],
    });

    // fields left out keep their stored values: grantDate, strategicIndustry, owners and IPC codes stay
    const again = await api.ok(IMPORT_PATENTS, {
      rows: [{ applicationNumber: number(1), title: '一种示例方法', filingDate: '2020-01-02' }],
    });
    expect(again.importPatents.rows[0].status).toBe('UNCHANGED');
    const changed = await api.ok(IMPORT_PATENTS, {
      rows: [{ applicationNumber: number(1), title: '一种示例方法', filingDate: '2020-01-02', grantDate: null }],
    });
    expect(changed.importPatents.rows[0].status).toBe('UPDATED');
  });
});

describe('importPledgeFinancings and importCountyStatistics', () => {
  it('record a pledge once and statistics by year', async () => {
    // granted again (the test above cleared the grant date): a pending application cannot be pledged
    await api.ok(IMPORT_PATENTS, {
      rows: [{ applicationNumber: number(1), title: '一种示例方法', filingDate: '2020-01-02', grantDate: '2021.3.4' }],
    });
    const rows = [
      {
        enterpriseName: '重庆垫江甲科技有限公司',
        lender: '示例银行',
        amount: '500万元',
        registeredOn: '2024/3/1',
        patents: [`ZL${number(1)}`],
      },
    ];
    const first = (await api.ok(IMPORT_PLEDGES, { rows })).importPledgeFinancings;
    expect(first.rows[0]).toMatchObject({ status: 'CREATED', key: `${creditCode(1)} 2024-03-01 5000000 示例银行` });
    expect((await api.ok(IMPORT_PLEDGES, { rows })).importPledgeFinancings.rows[0].status).toBe('UNCHANGED');

    const statistics = (await api.ok(IMPORT_STATISTICS, { rows: [{ year: '2023年', population: '64.5万', gdp: '5.2e10' }] }))
      .importCountyStatistics;
    expect(statistics.rows[0]).toMatchObject({
      status: 'REFUSED',
      problems: [{ field: 'gdp', column: null, reason: '"5.2e10" is not a number' }],
    });
    const ok = (await api.ok(IMPORT_STATISTICS, { rows: [{ year: '2023', population: '645000', gdp: '52,000,000,000' }] }))
      .importCountyStatistics;
    expect(ok).toMatchObject({ applied: true, rows: [{ status: 'CREATED', key: '2023' }] });
  });
});

describe('who may import', () => {
  const row = { creditCode: creditCode(20), name: '重庆垫江戊企业', category: 'HIGH_TECH', validFrom: '2024-01-01' };

  it('an EDITOR or ADMIN of the county; statistics only an ADMIN', async () => {
    const editor = api.as({ role: 'EDITOR', counties: ['500231'] });
    expect((await editor.ok(IMPORT_ENTERPRISES, { rows: [row], dryRun: true })).importEnterprises.totals.created).toBe(1);
    const wulongEditor = api.as({ role: 'EDITOR', counties: ['500232'] });
    const outside = await wulongEditor.execute(IMPORT_ENTERPRISES, { rows: [row] });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const viewer = await api.as({ role: 'VIEWER', counties: ['500231'] }).execute(IMPORT_ENTERPRISES, { rows: [row] });
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const statistics = await editor.execute(IMPORT_STATISTICS, { rows: [{ year: '2024', population: '1' }] });
    expect(statistics.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const enterprise = await api
      .as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: creditCode(1) })
      .execute(IMPORT_PATENTS, { rows: [] });
    expect(enterprise.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE credit_code = $1`, [creditCode(20)])).toEqual([]);
  });

  it('takes at most 1,000 rows per call, and refuses an unknown county', async () => {
    const many = await api.execute(IMPORT_ENTERPRISES, { rows: Array.from({ length: 1001 }, () => row) });
    expect(many.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'rows' } });
    const unknown = await api.execute(IMPORT_ENTERPRISES, { rows: [row], county: '500299' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'countyCode' } });
  });
});
