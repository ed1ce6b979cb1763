/**
 * Export of what officials send upward: the target-gap list and the indicator table of a county as XLSX and CSV with
 * Chinese headers, through the command and GET /export/…, with the API's figures and its scope rules.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAuthenticator } from '../src/auth/authenticate';
import { Role } from '../src/auth/principal';
import { signToken, TokenClaims } from '../src/auth/tokens';
import { RequestDatabase } from '../src/db/request-database';
import { exportTable, ExportTable, GAP_COLUMNS, INDICATOR_COLUMNS, planWithPeriod } from '../src/export/export-tables';
import { toCsv, toXlsx, XLSX_HEADER_ROW } from '../src/export/formats';
import { Context, NO_FIGURE_CACHE } from '../src/graphql/context';
import { chinaTime } from '../src/graphql/dates';
import { Loaders } from '../src/graphql/loaders';
import { createApolloServer } from '../src/graphql/apollo';
import { createHttpHandler } from '../src/http/front';
import { createLogger } from '../src/ops/logger';
import { creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

const AS_OF = '2024-06-30';
/** the real plan's title, which states its period */
const PLAN_TITLE = '垫江县高价值发明专利质量提升行动实施方案(2022—2024年)';
const SECRET = 'export-test-secret-with-at-least-32-characters';

let api: TestApi;
let baseUrl: string;
let server: http.Server;
let apollo: Awaited<ReturnType<typeof createApolloServer>>;
let dir: string;

beforeAll(async () => {
  api = await createTestApi();
  dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-export-test-'));
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
  await givenPlan(api, {
    countyCode: '500231',
    title: PLAN_TITLE,
    startYear: 2022,
    targets: { LISTED_CULTIVATION: 3, HIGH_TECH: 1 },
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 4 },
      { kind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', target: 0.5 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 3 },
    ],
  });
  await api.ok(`mutation { setCountyStatistics(input: { countyCode: "500231", year: 2023, population: 640000 }) { year } }`);
  const a = await givenEnterprise(api, {
    serial: 1,
    name: '甲公司, "示例"',
    memberships: [
      { category: 'HIGH_TECH', validFrom: '2023-01-01' },
      { category: 'LISTED_CULTIVATION', validFrom: '2023-01-01' },
    ],
  });
  const b = await givenEnterprise(api, { serial: 2, name: '乙公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  await givenPatent(api, { owners: [a], strategicIndustry: 'NEW_MATERIALS' });
  await givenPatent(api, { owners: [a, b], strategicIndustry: 'NEW_ENERGY' });
  await givenEnterprise(api, { serial: 3, countyCode: '500232', name: '邻县企业' });

  apollo = await createApolloServer({ logger: createLogger('error') });
  const authenticate = createAuthenticator(
    { jwtSecret: SECRET, jwksUrl: null, jwtIssuer: null, jwtAudience: null } as never,
    api.dataSource,
  );
  server = http.createServer(createHttpHandler({ apollo, dataSource: api.dataSource, authenticate, logger: createLogger('error') }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

async function table(kind: 'gaps' | 'indicators', claims = { role: Role.ADMIN, counties: ['500231'] }): Promise<ExportTable> {
  const who = principal(claims);
  const db = new RequestDatabase(api.dataSource, {}, who);
  const ctx: Context = { db, loaders: new Loaders(), today: '2026-01-01', principal: who, figures: NO_FIGURE_CACHE };
  try {
    return await exportTable(ctx, { countyCode: '500231', kind, asOf: AS_OF });
  } finally {
    await db.finish(false);
  }
}

const GAP_ROWS = [
  [1, '甲公司, "示例"', creditCode(1), '上市重点培育企业', 3, 2, 1, '否'],
  [2, '乙公司', creditCode(2), '高新技术企业', 1, 1, 0, '是'],
  [3, '甲公司, "示例"', creditCode(1), '高新技术企业', 1, 2, 0, '是'],
];

describe('the tables', () => {
  it('the gap list has the rows of targetGaps, in its order, with Chinese headers', async () => {
    const gaps = await table('gaps');
    expect(gaps.columns.map((c) => c.header)).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '企业类别',
      '目标值（件）',
      '高价值发明专利拥有量（件）',
      '差距（件）',
      '是否达标',
    ]);
    expect(gaps.rows).toEqual(GAP_ROWS);
    const api_ = await api.ok(
      `{ targetGaps(countyCode: "500231", asOf: "${AS_OF}") { edges { node { enterprise { creditCode } category current gap } } } }`,
    );
    expect(api_.targetGaps.edges.map((e: any) => [e.node.enterprise.creditCode, e.node.current, e.node.gap])).toEqual(
      GAP_ROWS.map((r) => [r[2], r[5], r[6]]),
    );
    expect(gaps.title).toBe('垫江县企业目标差距清单（截至2024-06-30）');
  });

  it('the indicator table has the values of County.indicators', async () => {
    const indicators = await table('indicators');
    expect(indicators.columns.map((c) => c.header)).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    const { county } = await api.ok(
      `{ county(code: "500231") { indicators(asOf: "${AS_OF}") { name unit target actual progress met statisticsYear kind } } }`,
    );
    expect(indicators.rows.map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[11]])).toEqual(
      county.indicators.map((v: any) => [v.name, v.unit, v.target, v.actual, v.progress, v.met ? '是' : '否', v.statisticsYear, v.kind]),
    );
    expect(indicators.rows.map((r) => r[4])).toEqual([2, 2 / 64, 2]);
  });
});

describe('the 说明 sheet', () => {
  it('names the plan with its period once: after a title that does not state it, not after one that does', () => {
    expect(planWithPeriod({ title: 'Plan 2022', startYear: 2022, endYear: 2024 })).toBe('Plan 2022（2022—2024年）');
    expect(planWithPeriod({ title: PLAN_TITLE, startYear: 2022, endYear: 2024 })).toBe(PLAN_TITLE);
    expect(planWithPeriod({ title: '某县方案（2025-2027年）', startYear: 2025, endYear: 2027 })).toBe('某县方案（2025-2027年）');
  });

  it('dates the export in Beijing time: 20:00 UTC on 30 June is 04:00 on 1 July', () => {
    expect(chinaTime(new Date('2024-06-30T20:00:00Z'))).toBe('2024-07-01T04:00:00+08:00');
  });
});

describe('the files', () => {
  it('XLSX: a sheet with a title, the Chinese header and the rows, numbers as numbers; a 说明 sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(await table('gaps'))) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['目标差距', '说明']);
    const sheet = workbook.getWorksheet('目标差距')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('垫江县企业目标差距清单（截至2024-06-30）');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(XLSX_HEADER_ROW)).toEqual(GAP_COLUMNS.map((c) => c.header));
    expect([3, 4, 5].map(values)).toEqual(GAP_ROWS);
    expect(sheet.rowCount).toBe(5);
    const notes = workbook.getWorksheet('说明')!;
    const noteRows = Object.fromEntries(
      [...Array(notes.rowCount).keys()].map((i) => [notes.getRow(i + 1).getCell(1).value, notes.getRow(i + 1).getCell(2).value]),
    );
    expect(noteRows).toMatchObject({ '县（区）': '垫江县', 行政区划代码: '500231', 截至日期: AS_OF, 规划: PLAN_TITLE });
    // Beijing time with its offset, not UTC
    expect(noteRows['导出时间']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Math.abs(Date.parse(noteRows['导出时间'] as string) - Date.now())).toBeLessThan(60_000);

    const indicators = new ExcelJS.Workbook();
    await indicators.xlsx.load((await toXlsx(await table('indicators'))) as never);
    const row = indicators.getWorksheet('主要指标')!.getRow(XLSX_HEADER_ROW + 2);
    expect(row.getCell(2).value).toBe('万人高价值发明专利拥有量');
    expect(row.getCell(5).value).toBeCloseTo(2 / 64);
    expect(row.getCell(6).value).toBeCloseTo(2 / 64 / 0.5);
    expect(row.getCell(6).numFmt).toBe('0.0%');
  });

  it('CSV: UTF-8 with a BOM, the header first, quoted where needed, percentages readable', async () => {
    const csv = toCsv(await table('gaps'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,企业名称,统一社会信用代码,企业类别,目标值（件）,高价值发明专利拥有量（件）,差距（件）,是否达标');
    expect(lines[1]).toBe(`1,"甲公司, ""示例""",${creditCode(1)},上市重点培育企业,3,2,1,否`);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    const indicators = toCsv(await table('indicators'))
      .toString('utf8')
      .split('\r\n');
    expect(indicators[2]).toMatch(/^2,万人高价值发明专利拥有量,件\/万人,0\.5,0\.03,6\.3%,否,2023,,,,HIGH_VALUE_PATENTS_PER_10K_RESIDENTS$/);
  });
});

describe('GET /export/…', () => {
  const bearer = async (claims: TokenClaims) => `Bearer ${await signToken(SECRET, claims, 3600)}`;
  const get = async (pathAndQuery: string, authorization?: string) =>
    fetch(`${baseUrl}${pathAndQuery}`, { headers: authorization ? { authorization } : {} });
  const ADMIN = { sub: 'official-wang', role: 'ADMIN', counties: ['500231'] } as TokenClaims;

  it('answers the XLSX and CSV files to a caller of the county', async () => {
    const xlsx = await get(`/export/gaps.xlsx?county=500231&asOf=${AS_OF}`, await bearer(ADMIN));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="gaps-500231-2024-06-30.xlsx"');
    expect(xlsx.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('垫江县企业目标差距清单-2024-06-30.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect((workbook.worksheets[0].getRow(3).values as unknown[]).slice(1)).toEqual(GAP_ROWS[0]);
    expect(workbook.getWorksheet('说明')!.getRow(6).getCell(2).value).toBe('official-wang（ADMIN）');

    const viewer = await bearer({ sub: 'v', role: 'VIEWER', counties: ['500231'] } as TokenClaims);
    const csv = await get(`/export/indicators.csv?county=500231&asOf=${AS_OF}`, viewer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF序号,指标,单位,目标值,实际值,完成进度,是否达标')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);

    const unmet = await get(`/export/gaps.csv?county=500231&asOf=${AS_OF}&onlyUnmet=true`, viewer);
    expect(
      Buffer.from(await unmet.arrayBuffer())
        .toString('utf8')
        .split('\r\n'),
    ).toHaveLength(3);
  });

  it('refuses what GraphQL refuses, and reveals nothing of other counties', async () => {
    const noCredentials = await get(`/export/gaps.xlsx?county=500231`);
    expect(noCredentials.status).toBe(401);
    expect(((await noCredentials.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get(`/export/gaps.xlsx?county=500231`, 'Bearer not-a-token')).status).toBe(401);

    const other = await get(`/export/gaps.xlsx?county=500232`, await bearer(ADMIN));
    const unknown = await get(`/export/gaps.xlsx?county=999999`, await bearer(ADMIN));
    expect([other.status, unknown.status]).toEqual([404, 404]);
    const [otherBody, unknownBody] = [(await other.json()) as any, (await unknown.json()) as any];
    expect(otherBody.errors[0].message.replace('500232', 'X')).toBe(unknownBody.errors[0].message.replace('999999', 'X'));

    const enterprise = await bearer({ sub: 'e', role: 'ENTERPRISE', counties: ['500231'], creditCode: creditCode(1) } as TokenClaims);
    const refused = await get(`/export/gaps.csv?county=500231`, enterprise);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');

    const bad = await Promise.all([
      get(`/export/gaps.xlsx?county=5002`, await bearer(ADMIN)),
      get(`/export/gaps.xlsx`, await bearer(ADMIN)),
      get(`/export/gaps.xlsx?county=500231&asOf=2024-02-30`, await bearer(ADMIN)),
    ]);
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400]);
    expect((await get(`/export/patents.pdf?county=500231`, await bearer(ADMIN))).status).toBe(404);
    const post = await fetch(`${baseUrl}/export/gaps.csv?county=500231`, {
      method: 'POST',
      headers: { authorization: await bearer(ADMIN) },
    });
    expect(post.status).toBe(405);
  });
});

describe('npm run export', () => {
  const run = promisify(execFile);
  const root = path.resolve(__dirname, '..');
  const exportCommand = (args: string[]) =>
    run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/export.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: api.adminUrl },
    });

  it('writes the same files as the endpoint, from the owner connection under the policies', async () => {
    const out = path.join(dir, '垫江县目标差距.xlsx');
    const { stdout } = await exportCommand(['--county', '500231', '--what', 'gaps', '--as-of', AS_OF, '--out', out]);
    expect(stdout).toMatch(/3 row\(s\) written/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect([3, 4, 5].map((n) => (workbook.worksheets[0].getRow(n).values as unknown[]).slice(1))).toEqual(GAP_ROWS);

    const csv = path.join(dir, 'indicators.csv');
    await exportCommand(['--county', '500231', '--what', 'indicators', '--as-of', AS_OF, '--out', csv]);
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(csv, 'utf8')).toContain('HIGH_TECH_ENTERPRISES');

    await expect(exportCommand(['--county', '500231', '--what', 'patents', '--out', csv])).rejects.toMatchObject({
      stderr: expect.stringMatching(/--what must be gaps or indicators/),
    });
  }, 60_000);

  it('leaves out deleted records, as every query does', async () => {
    await api.ok(`mutation { deleteEnterprise(creditCode: "${creditCode(2)}") { id } }`);
    try {
      const out = path.join(dir, 'after-delete.csv');
      await exportCommand(['--county', '500231', '--what', 'gaps', '--as-of', AS_OF, '--out', out]);
      const lines = readFileSync(out, 'utf8').split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines.join('\n')).not.toContain('乙公司');
    } finally {
      await api.ok(`mutation { restoreEnterprise(creditCode: "${creditCode(2)}") { id } }`);
    }
  }, 60_000);
});
