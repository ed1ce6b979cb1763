/**
 * The file door: importFile as `npm run import` runs it (one transaction as an ADMIN of the county), over the sample
 * files of tests/fixtures/import and files written here.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { FileImportSummary, ImportFileError, importFile, ImportOptions } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { syntheticApplicationNumber } from '../src/seed/synthetic';
import { ENTERPRISES as E, NUMBERS as N } from './fixtures/import/make-fixtures';
import { creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

const FIXTURES = path.join(__dirname, 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '武隆区', '500000');
  dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-import-test-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

interface Imported extends FileImportSummary {
  results: RowResult[];
}

/** Imports a file as the CLI does: one transaction, committed at the end, as an ADMIN of the county. */
async function importAs(file: string, options: Partial<ImportOptions> & Pick<ImportOptions, 'kind'>): Promise<Imported> {
  const countyCode = options.countyCode ?? '500231';
  const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: [countyCode], sub: 'import-test' }));
  const results: RowResult[] = [];
  try {
    const summary = await importFile(db, file, { countyCode, ...options }, { row: (result) => results.push(result) });
    await db.finish(true);
    return { ...summary, results };
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** status and key of each row, and its problems as "field: reason" */
const brief = (results: RowResult[]) =>
  results.map((r) => ({
    row: r.rowNumber,
    status: r.status,
    key: r.key,
    problems: r.problems.map((p) => `${p.column ?? p.field}: ${p.reason}`),
  }));

const memberships = async (code: string) =>
  api.sql(
    `SELECT m.category, m.valid_from::text AS "validFrom", m.valid_to::text AS "validTo" FROM enterprise_membership m
       JOIN enterprise e ON e.id = m.enterprise_id WHERE e.credit_code = $1 ORDER BY m.category, m.valid_from`,
    [code],
  );

const tableCounts = async () =>
  (
    await api.sql(`SELECT (SELECT count(*)::int FROM enterprise) AS enterprises, (SELECT count(*)::int FROM enterprise_membership) AS memberships,
      (SELECT count(*)::int FROM patent) AS patents, (SELECT count(*)::int FROM patent_owner) AS owners,
      (SELECT count(*)::int FROM pledge_financing) AS pledges, (SELECT count(*)::int FROM pledge_financing_patent) AS pledged,
      (SELECT count(*)::int FROM county_statistics) AS statistics`)
  )[0];

/** The physical row versions of the tables an import writes: equal before and after means nothing at all was written. */
const rowVersions = async () =>
  api.sql(`SELECT 'e' || id || ':' || xmin AS v FROM enterprise UNION ALL SELECT 'm' || id || ':' || xmin FROM enterprise_membership
      UNION ALL SELECT 'p' || id || ':' || xmin FROM patent UNION ALL SELECT 'o' || patent_id || '-' || enterprise_id || ':' || xmin FROM patent_owner
      UNION ALL SELECT 'f' || id || ':' || xmin FROM pledge_financing UNION ALL SELECT 's' || year || ':' || xmin FROM county_statistics ORDER BY 1`);

describe('the three enterprise lists', () => {
  it('imports the 高新技术企业 list (CSV, UTF-8 with BOM, title line, category of the whole list)', async () => {
    const imported = await importAs(fixture('high-tech-enterprises.csv'), { kind: 'enterprises', category: 'HIGH_TECH' as never });
    expect(imported).toMatchObject({ format: 'csv', encoding: 'utf8', applied: true, header: { rowNumber: 2 } });
    expect(imported.header.mapping.ignored).toEqual(['序号', '证书编号']);
    expect(brief(imported.results)).toEqual([
      { row: 3, status: 'CREATED', key: `${E.equipment.code} HIGH_TECH 2022-12-14`, problems: [] },
      { row: 4, status: 'CREATED', key: `${E.materials.code} HIGH_TECH 2021-11-30`, problems: [] },
      { row: 5, status: 'CREATED', key: `${E.biotech.code} HIGH_TECH 2023-12-08`, problems: [] },
    ]);
    expect(imported.totals).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, refused: 0 });
    expect(await memberships(E.materials.code)).toEqual([{ category: 'HIGH_TECH', validFrom: '2021-11-30', validTo: '2024-11-29' }]);
  });

  it('imports the 专精特新 list (XLSX: merged title row, Excel date cells) and keeps the other categories', async () => {
    const imported = await importAs(fixture('specialized-new-enterprises.xlsx'), { kind: 'enterprises' });
    expect(imported).toMatchObject({ format: 'xlsx', encoding: null, header: { rowNumber: 2, sheet: 1 } });
    expect(brief(imported.results)).toEqual([
      { row: 3, status: 'UPDATED', key: `${E.equipment.code} SPECIALIZED_NEW 2023-06-30`, problems: [] },
      { row: 4, status: 'CREATED', key: `${E.electronics.code} SPECIALIZED_NEW 2024-07-15`, problems: [] },
    ]);
    expect(await memberships(E.equipment.code)).toEqual([
      { category: 'HIGH_TECH', validFrom: '2022-12-14', validTo: '2025-12-13' },
      { category: 'SPECIALIZED_NEW', validFrom: '2023-06-30', validTo: '2026-06-29' },
    ]);
    expect(await memberships(E.electronics.code)).toEqual([
      { category: 'SPECIALIZED_NEW', validFrom: '2024-07-15', validTo: '2027-07-14' },
    ]);
  });

  it('imports the listing-reserve list (English headers, 2023.03.01 and 20240101)', async () => {
    const imported = await importAs(fixture('listing-reserve-enterprises.csv'), { kind: 'enterprises' });
    expect(brief(imported.results)).toEqual([
      { row: 2, status: 'UPDATED', key: `${E.materials.code} LISTED_CULTIVATION 2023-03-01`, problems: [] },
      { row: 3, status: 'CREATED', key: `${E.energy.code} LISTED_CULTIVATION 2024-01-01`, problems: [] },
    ]);
    expect(await memberships(E.materials.code)).toEqual([
      { category: 'HIGH_TECH', validFrom: '2021-11-30', validTo: '2024-11-29' },
      { category: 'LISTED_CULTIVATION', validFrom: '2023-03-01', validTo: null },
    ]);
    expect(await memberships(E.energy.code)).toEqual([{ category: 'LISTED_CULTIVATION', validFrom: '2024-01-01', validTo: '2026-12-31' }]);
  });

  it('changes nothing when a list is imported again: every row UNCHANGED, not a row version written', async () => {
    const before = await rowVersions();
    for (const [file, category] of [
      ['high-tech-enterprises.csv', 'HIGH_TECH'],
      ['specialized-new-enterprises.xlsx', null],
      ['listing-reserve-enterprises.csv', null],
    ]) {
      const imported = await importAs(fixture(file!), { kind: 'enterprises', category: category as never });
      expect(imported.results.every((r) => r.status === 'UNCHANGED')).toBe(true);
      expect(imported.applied).toBe(true);
    }
    expect(await rowVersions()).toEqual(before);
  });

  it('reads the same list saved as GB18030/GBK (as Excel in China saves CSV): every row UNCHANGED', async () => {
    const text = readFileSync(fixture('high-tech-enterprises.csv'), 'utf8').replace(/^\uFEFF/, '');
    const gbk = write('高新技术企业-gbk.csv', iconv.encode(text, 'gb18030'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(gbk))).toThrow();
    const imported = await importAs(gbk, { kind: 'enterprises', category: 'HIGH_TECH' as never });
    expect(imported.encoding).toBe('gb18030');
    expect(brief(imported.results).map((r) => [r.status, r.key])).toEqual([
      ['UNCHANGED', `${E.equipment.code} HIGH_TECH 2022-12-14`],
      ['UNCHANGED', `${E.materials.code} HIGH_TECH 2021-11-30`],
      ['UNCHANGED', `${E.biotech.code} HIGH_TECH 2023-12-08`],
    ]);
  });

  it("refuses a list without a category (neither column nor --category), and a row of another county's enterprise", async () => {
    await givenEnterprise(api, { serial: 900, countyCode: '500232', name: '武隆示例企业' });
    const file = write(
      'no-category.csv',
      `企业名称,统一社会信用代码,认定日期\n示例甲,${creditCode(901)},2024-01-02\n武隆示例企业,${creditCode(900, '500232')},2024-01-02\n`,
    );
    const imported = await importAs(file, { kind: 'enterprises' });
    expect(brief(imported.results)[0].problems).toEqual([expect.stringMatching(/^category: is required/)]);
    const withCategory = await importAs(file, { kind: 'enterprises', category: 'HIGH_TECH' as never });
    expect(brief(withCategory.results)).toEqual([
      { row: 2, status: 'CREATED', key: `${creditCode(901)} HIGH_TECH 2024-01-02`, problems: [] },
      {
        row: 3,
        status: 'REFUSED',
        key: `${creditCode(900, '500232')} HIGH_TECH 2024-01-02`,
        problems: ["统一社会信用代码: not allowed: the write is outside the caller's counties or role"],
      },
    ]);
    expect(withCategory.applied).toBe(false);
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE credit_code = $1`, [creditCode(901)])).toEqual([]);
  });
});

describe('a CNIPA-style patent export', () => {
  it('reports every row exactly; a patentee that is no enterprise is kept as an external one, never created as an enterprise', async () => {
    const imported = await importAs(fixture('cnipa-patents.xlsx'), { kind: 'patents' });
    expect(imported.applied).toBe(true);
    expect(brief(imported.results)).toEqual([
      { row: 2, status: 'CREATED', key: N.battery, problems: [] },
      { row: 3, status: 'CREATED', key: N.conveyor, problems: [] },
      { row: 4, status: 'CREATED', key: N.box, problems: [] },
      { row: 5, status: 'CREATED', key: N.catalyst, problems: [] },
      { row: 6, status: 'CREATED', key: N.sensor, problems: [] },
      // a person's patent (issue 15): 张三 is its external first patentee; the patent is attributed to --county
      { row: 7, status: 'CREATED', key: N.personal, problems: [] },
    ]);
    expect(imported.results.map((r) => r.warnings.map((w) => `${w.column}: ${w.reason}`))).toEqual([
      [],
      ['法律状态: 法律状态 says "未缴年费专利权终止" but no lapse date (失效日) is given: the patent counts as VALID from its grant date'],
      ['主分类号: 09-03: a Locarno class (designs), not an IPC code; not stored'],
      [],
      [],
      [
        "申请(专利权)人: 专利权人 patentees: 1 张三 kept as an external patentee (PERSON); external patentees count for no enterprise's target",
      ],
    ]);
    expect(imported.header.mapping.ignored).toEqual(['序号', '公开(公告)号', '公开(公告)日']);
    expect(await api.sql(`SELECT 1 FROM enterprise WHERE name = '张三'`)).toEqual([]);

    const patents = await api.sql(
      `SELECT p.application_number AS number, p.type, p.filing_date::text AS filed, p.grant_date::text AS granted, p.ipc_codes AS ipc,
              ARRAY(SELECT e.credit_code FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
                     WHERE po.patent_id = p.id ORDER BY po.position) AS owners
         FROM patent p ORDER BY p.filing_date`,
    );
    expect(patents).toEqual([
      {
        number: N.catalyst,
        type: 'INVENTION',
        filed: '2015-12-01',
        granted: '2018-05-04',
        ipc: ['C08L 23/06'],
        owners: [E.materials.code],
      },
      {
        number: N.conveyor,
        type: 'UTILITY_MODEL',
        filed: '2019-01-05',
        granted: '2019-08-20',
        ipc: ['B65G 47/00'],
        owners: [E.equipment.code],
      },
      { number: N.personal, type: 'UTILITY_MODEL', filed: '2020-05-20', granted: '2021-01-12', ipc: ['D06F 57/00'], owners: [] },
      { number: N.box, type: 'DESIGN', filed: '2021-03-05', granted: '2021-09-07', ipc: [], owners: [E.biotech.code] },
      {
        number: N.battery,
        type: 'INVENTION',
        filed: '2022-03-07',
        granted: '2023-09-07',
        ipc: ['H01M 4/04', 'H01M10/052'],
        owners: [E.materials.code, E.equipment.code],
      },
      // "(垫江分公司)" in the export, "（垫江分公司）" in the list: the same name
      { number: N.sensor, type: 'INVENTION', filed: '2023-01-03', granted: null, ipc: ['G01K 7/00'], owners: [E.electronics.code] },
    ]);
    expect(await api.sql(`SELECT position, name, kind FROM patent_external_patentee`)).toEqual([
      { position: 1, name: '张三', kind: 'PERSON' },
    ]);
  });

  it('changes nothing when imported again (all UNCHANGED, the external patentee too; not a row version written)', async () => {
    const before = await rowVersions();
    const again = await importAs(fixture('cnipa-patents.xlsx'), { kind: 'patents', partial: true });
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(await rowVersions()).toEqual(before);
  });

  it('keeps what a file does not have columns for, and clears what its blank cells say', async () => {
    await api.ok(`mutation { upsertPatent(input: { applicationNumber: "${N.battery}", title: "t", type: INVENTION, countyCode: "500231",
      filingDate: "2022-03-07", strategicIndustry: NEW_ENERGY, lapseDate: null }) { id } }`);
    const file = write(
      'patent-update.csv',
      `申请号,发明名称,申请日,授权公告日\n${N.battery},一种锂电池极片的制备方法（修订）,2022-03-07,\n`,
    );
    const imported = await importAs(file, { kind: 'patents' });
    expect(brief(imported.results)).toEqual([{ row: 2, status: 'UPDATED', key: N.battery, problems: [] }]);
    const [patent] = await api.sql(
      `SELECT title, grant_date, strategic_industry AS industry, ipc_codes AS ipc, (SELECT count(*)::int FROM patent_owner po WHERE po.patent_id = p.id) AS owners
         FROM patent p WHERE application_number = $1`,
      [N.battery],
    );
    // the grant date column is blank: cleared; no industry, IPC or patentee column: kept
    expect(patent).toEqual({
      title: '一种锂电池极片的制备方法（修订）',
      grant_date: null,
      industry: 'NEW_ENERGY',
      ipc: ['H01M 4/04', 'H01M10/052'],
      owners: 2,
    });
  });
});

describe('patent files', () => {
  const number = (serial: number, type = 1, year = 2020) => syntheticApplicationNumber(year, type, 4_000_000 + serial);

  it('reads every date spelling, application numbers in any accepted spelling, English headers, owners by credit code', async () => {
    const spellings = ['2020-09-07', '2020/9/7', '2020.09.07', '20200907', '44081', '2020年9月7日'];
    const lines = spellings.map((date, i) => {
      const spelled = [
        `CN${number(i)}`,
        `ZL ${number(i).replace('.', '')}`,
        number(i),
        `cn ${number(i)}`,
        number(i).replace('.', ' '),
        number(i),
      ][i];
      return `${spelled},Patent ${i},${date},${date},${E.energy.code},Invention`;
    });
    const file = write('spellings.csv', `Application number,Title,Filing date,Grant date,Patentees,Type\n${lines.join('\n')}\n`);
    const imported = await importAs(file, { kind: 'patents' });
    expect(imported.totals).toEqual({ rows: 6, created: 6, updated: 0, unchanged: 0, refused: 0 });
    const stored = await api.sql(
      `SELECT application_number AS number, filing_date::text AS filed, grant_date::text AS granted FROM patent
        WHERE application_number = ANY($1) ORDER BY application_number`,
      [spellings.map((_, i) => number(i))],
    );
    expect(stored).toEqual(spellings.map((_, i) => ({ number: number(i), filed: '2020-09-07', granted: '2020-09-07' })));
  });

  it('reads an XLSX whose numbers are number cells (Excel dropped the check character 0) and whose dates are serials', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['申请号', '发明名称', '申请日', '专利权人']);
    // a number whose check character is 0
    const zero = Array.from({ length: 20 }, (_, i) => syntheticApplicationNumber(2016, 1, 7_000_000 + i)).find((n) => n.endsWith('.0'))!;
    sheet.addRow([Number(zero), '数字单元格', 42736, E.energy.name]);
    const file = path.join(dir, 'numbers.xlsx');
    await workbook.xlsx.writeFile(file);
    const imported = await importAs(file, { kind: 'patents' });
    expect(brief(imported.results)).toEqual([{ row: 2, status: 'CREATED', key: zero, problems: [] }]);
    expect(await api.sql(`SELECT filing_date::text AS filed FROM patent WHERE application_number = $1`, [zero])).toEqual([
      { filed: '2017-01-01' },
    ]);
  });

  it('reports every bad row of a file with its column and reason, and writes nothing (not even the good rows)', async () => {
    const good = number(100);
    const rows = [
      `${good},好的专利,2020-01-02,2021-01-02,${E.energy.name},发明`,
      `${number(101).slice(0, -1)}9,校验位错误,2020-01-02,,${E.energy.name},`,
      `${number(102)},授权早于申请,2020-01-02,2019-12-31,${E.energy.name},`,
      `${number(103)},,2020-13-02,,${E.energy.name},`,
      `${number(104)},未知专利权人,2020-01-02,,重庆不存在的公司;${E.energy.name},`,
      `${number(105, 2)},类型不符,2020-01-02,,${E.energy.name},发明`,
      `${good},重复的行,2020-01-02,2021-01-02,${E.energy.name},发明`,
    ];
    const file = write('bad-rows.csv', `申请号,发明名称,申请日,授权公告日,专利权人,专利类型\n${rows.join('\n')}\n`);
    const counts = await tableCounts();
    const imported = await importAs(file, { kind: 'patents' });
    expect(imported.applied).toBe(false);
    expect(imported.totals).toEqual({ rows: 7, created: 2, updated: 0, unchanged: 0, refused: 5 });
    expect(brief(imported.results)).toEqual([
      { row: 2, status: 'CREATED', key: good, problems: [] },
      {
        row: 3,
        status: 'REFUSED',
        key: null,
        problems: [expect.stringMatching(/^申请号: is not a valid 申请号 \(application number\): bad check character "9"/)],
      },
      {
        row: 4,
        status: 'REFUSED',
        key: number(102),
        problems: [`授权公告日: grantDate must not be before filingDate (2019-12-31 is before filingDate 2020-01-02)`],
      },
      { row: 5, status: 'REFUSED', key: number(103), problems: ['发明名称: is required', '申请日: "2020-13-02" is not a calendar date'] },
      // an enterprise of no county of the model: an external first patentee (issue 15)
      { row: 6, status: 'CREATED', key: number(104), problems: [] },
      { row: 7, status: 'REFUSED', key: number(105, 2), problems: ['申请号: type digit 2 does not denote INVENTION (expected 1 or 8)'] },
      { row: 8, status: 'REFUSED', key: good, problems: [`申请号: the same patent twice: ${good} is already in row 2 of this import`] },
    ]);
    expect(await tableCounts()).toEqual(counts);
  });

  it('--partial writes the good rows and reports the bad ones; a dry run writes nothing and reports what it would do', async () => {
    const ok1 = number(200);
    const ok2 = number(201);
    const file = write(
      'partial.csv',
      `申请号,发明名称,申请日,专利权人\n${ok1},甲,2020-01-02,${E.energy.name}\n${number(202)},乙,2020-13-02,无名氏\n${ok2},丙,2020/1/2,${E.energy.code}\n`,
    );
    const counts = await tableCounts();
    const dry = await importAs(file, { kind: 'patents', partial: true, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, totals: { rows: 3, created: 2, refused: 1 } });
    expect(await tableCounts()).toEqual(counts);

    const partial = await importAs(file, { kind: 'patents', partial: true });
    expect(partial).toMatchObject({ partial: true, applied: true, totals: { rows: 3, created: 2, refused: 1 } });
    expect(partial.results.map((r) => r.status)).toEqual(['CREATED', 'REFUSED', 'CREATED']);
    expect(
      await api.sql(`SELECT application_number AS n FROM patent WHERE application_number = ANY($1) ORDER BY 1`, [[ok1, ok2, number(202)]]),
    ).toEqual([{ n: ok1 }, { n: ok2 }]);
  });

  it('refuses a patent attributed to another county, and a first patentee of another county', async () => {
    const other = await givenEnterprise(api, { serial: 950, countyCode: '500232', name: '武隆专利权人' });
    const wulong = number(300);
    await api.ok(
      `mutation { upsertPatent(input: { applicationNumber: "${wulong}", title: "武隆", type: INVENTION, countyCode: "500232", filingDate: "2020-01-01" }) { id } }`,
    );
    const file = write(
      'other-county.csv',
      `申请号,发明名称,申请日,专利权人\n${wulong},武隆的专利,2020-01-01,${E.energy.name}\n${number(301)},武隆第一专利权人,2020-01-01,${other};${E.energy.name}\n`,
    );
    const imported = await importAs(file, { kind: 'patents', countyCode: '500231' });
    // as an ADMIN of 500231 the Wulong patent and enterprise are not even visible (Row Level Security)
    expect(imported.results.map((r) => r.status)).toEqual(['REFUSED', 'REFUSED']);
    expect(imported.results[1].problems[0].reason).toMatch(/patentee 1/);
  });
});

describe('pledge financings and statistics', () => {
  it('imports pledges by enterprise name with amounts in 万元, idempotently, and replaces the patents of a registration', async () => {
    // granted again (a test above cleared its grant date): a pending application cannot be pledged
    await importAs(
      write(
        'battery-granted.csv',
        `申请号,发明名称,申请日,授权公告日\n${N.battery},一种锂电池极片的制备方法（修订）,2022-03-07,2023-09-07\n`,
      ),
      {
        kind: 'patents',
      },
    );
    const imported = await importAs(fixture('pledge-financings.csv'), { kind: 'pledgeFinancings' });
    expect(brief(imported.results)).toEqual([
      { row: 2, status: 'CREATED', key: `${E.materials.code} 2023-10-16 5000000 示例农村商业银行垫江支行`, problems: [] },
      { row: 3, status: 'CREATED', key: `${E.equipment.code} 2024-03-01 1205000 示例银行重庆分行`, problems: [] },
    ]);
    const pledged = () =>
      api.sql(`SELECT f.amount, f.registered_on::text AS day, ARRAY(SELECT p.application_number FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
                 WHERE fp.pledge_financing_id = f.id ORDER BY 1) AS patents FROM pledge_financing f ORDER BY f.registered_on`);
    expect(await pledged()).toEqual([
      { amount: '5000000.00', day: '2023-10-16', patents: [N.catalyst, N.battery].sort() },
      { amount: '1205000.00', day: '2024-03-01', patents: [N.conveyor] },
    ]);
    const again = await importAs(fixture('pledge-financings.csv'), { kind: 'pledgeFinancings' });
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED']);

    const corrected = write(
      'pledge-corrected.csv',
      `出质人统一社会信用代码,质权人,登记金额,登记日期,质押专利\n${E.materials.code},示例农村商业银行垫江支行,"5,000,000.00",2023.10.16,${N.battery}\n`,
    );
    const updated = await importAs(corrected, { kind: 'pledgeFinancings' });
    expect(updated.results.map((r) => r.status)).toEqual(['UPDATED']);
    expect((await pledged())[0]).toEqual({ amount: '5000000.00', day: '2023-10-16', patents: [N.battery] });
    expect(await api.sql(`SELECT count(*)::int AS n FROM pledge_financing`)).toEqual([{ n: 2 }]);
  });

  it('refuses pledges of unknown enterprises and patents, and a registration twice in one file', async () => {
    const file = write(
      'pledge-bad.csv',
      `出质人,质权人,质押金额(万元),登记日期,质押专利\n无名企业,银行,10,2024-01-01,${N.battery}\n${E.equipment.name},银行,10,2024-01-01,${number(999)}\n${E.equipment.name},银行,0,2024-01-01,${N.conveyor}\n` +
        `${E.equipment.name},银行,20,2024-01-01,${N.conveyor}\n${E.equipment.name},银行,20,2024/1/1,${N.conveyor}\n`,
    );
    function number(serial: number) {
      return syntheticApplicationNumber(2020, 1, 4_000_000 + serial);
    }
    const counts = await tableCounts();
    const imported = await importAs(file, { kind: 'pledgeFinancings' });
    expect(brief(imported.results)).toEqual([
      {
        row: 2,
        status: 'REFUSED',
        key: null,
        problems: [expect.stringMatching(/^出质人: no enterprise named "无名企业" in county 500231/)],
      },
      { row: 3, status: 'REFUSED', key: expect.any(String), problems: [`质押专利: no patent with application number ${number(999)}`] },
      { row: 4, status: 'REFUSED', key: `${E.equipment.code} 2024-01-01 0 银行`, problems: ['质押金额(万元): must be positive, got 0'] },
      { row: 5, status: 'CREATED', key: `${E.equipment.code} 2024-01-01 200000 银行`, problems: [] },
      {
        row: 6,
        status: 'REFUSED',
        key: `${E.equipment.code} 2024-01-01 200000 银行`,
        problems: [expect.stringMatching(/^登记日期: the same registration twice .* is already in row 5/)],
      },
    ]);
    expect(await tableCounts()).toEqual(counts);
  });

  it('imports statistics in the units of the yearbook; a blank figure keeps the stored one', async () => {
    await api.ok(`mutation { setCountyStatistics(input: { countyCode: "500231", year: 2021, rdInvestment: "123456789.12" }) { year } }`);
    const imported = await importAs(fixture('county-statistics.csv'), { kind: 'countyStatistics' });
    expect(brief(imported.results)).toEqual([
      { row: 2, status: 'UPDATED', key: '2021', problems: [] },
      { row: 3, status: 'CREATED', key: '2022', problems: [] },
    ]);
    expect(
      await api.sql(`SELECT year, population, gdp, rd_investment AS rd, sei_output_value AS sei, ip_service_agencies AS agencies,
                            patent_service_practitioners AS practitioners FROM county_statistics WHERE county_code = '500231' ORDER BY year`),
    ).toEqual([
      { year: 2021, population: 649900, gdp: '50260000000.00', rd: '123456789.12', sei: null, agencies: null, practitioners: null },
      { year: 2022, population: 646200, gdp: '51613000000.00', rd: '987654300.00', sei: '6120000000.00', agencies: 3, practitioners: 25 },
    ]);
    const again = await importAs(fixture('county-statistics.csv'), { kind: 'countyStatistics' });
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED']);
  });
});

describe('files that cannot be imported', () => {
  it('names the missing columns, an old .xls workbook and a file without a header', async () => {
    const noFilingDate = write('no-date.csv', '申请号,发明名称\n202210123456.1,x\n');
    await expect(importAs(noFilingDate, { kind: 'patents' })).rejects.toThrow(
      new ImportFileError(
        'the header (row 1) has no column for 申请日 (filingDate); a patents file needs 申请号 (applicationNumber), 发明名称 (title), 申请日 (filingDate)',
      ),
    );
    const xls = write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(importAs(xls, { kind: 'patents' })).rejects.toThrow(/old Excel 97–2003 \(\.xls\) workbook: save it as \.xlsx/);
    const noHeader = write('no-header.csv', 'a,b\n1,2\n');
    await expect(importAs(noHeader, { kind: 'enterprises' })).rejects.toThrow(/no header row found in the first 20 rows/);
  });

  it('refuses an unknown county before reading a row', async () => {
    await expect(importAs(fixture('county-statistics.csv'), { kind: 'countyStatistics', countyCode: '500299' })).rejects.toThrow(
      /countyCode: no county with code 500299/,
    );
  });
});
