/**
 * Reports that stay as sent: publishIndicatorReport freezes what the live fields answered at that moment; later
 * imports and retroactive lapses change the live figures, never the report; the database refuses to change it.
 */
import ExcelJS from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createAuthenticator } from '../src/auth/authenticate';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { createApolloServer } from '../src/graphql/apollo';
import { createHttpHandler } from '../src/http/front';
import { createLogger } from '../src/ops/logger';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { sql } from '../src/db/sql';
import { exportTable } from '../src/export/export-tables';
import { toCsv, toXlsx } from '../src/export/formats';
import { createContext } from '../src/graphql/context';
import { exportReportTable } from '../src/report/report-export';
import { parsePeriod, publishIndicatorReport } from '../src/report/report.sql';
import { seriesPeriods, SeriesInterval } from '../src/indicator/series-periods';
import { DIANJIANG_PLAN_TASKS } from '../src/seed/real-plan-tasks';
import { setPlanTasks } from '../src/task/task.sql';
import { applicationNumber, givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
let enterprise: string;
let lapsing: string;

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { HIGH_TECH: 2 },
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 4 },
      { kind: 'SEI_INVENTION_PATENTS', target: 3 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 2 },
    ],
  });
  enterprise = await givenEnterprise(api, { serial: 1, name: '甲公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  await givenEnterprise(api, { serial: 2, name: '乙公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-06-01' }] });
  lapsing = await givenPatent(api, { owners: [enterprise], strategicIndustry: 'NEW_MATERIALS', grantDate: '2023-01-01' });
  await givenPatent(api, { owners: [enterprise], strategicIndustry: 'NEW_ENERGY', grantDate: '2023-05-01' });
  const db = new RequestDatabase(api.dataSource, {}, SYSTEM_PRINCIPAL);
  await setPlanTasks(db, { countyCode: '500231', startYear: 2022, tasks: DIANJIANG_PLAN_TASKS });
  await db.finish(true);
  const [{ id }] = await api.sql(`SELECT id FROM plan_task WHERE number = 1`);
  await api.ok(`mutation($input: TaskProgressInput!) { recordTaskProgress(input: $input) { id } }`, {
    input: { taskId: String(id), reportedOn: '2024-12-20', unit: '县市场监管局', status: 'ON_TRACK', text: '按计划推进' },
  });
});
afterAll(() => api.close());

const editor = () => api.as({ role: 'EDITOR', counties: ['500231'], sub: 'editor-wang' });

const FIGURES = `indicators { kind target actual progress met numerator denominator statisticsYear baseline baselineYear missingReason asOf name unit }
  breakthroughSummary { category target enterpriseCount metCount totalGap }
  targetGaps { enterprise { name creditCode } category target current gap met }
  taskBoard { task { number label } latest { reportedOn status text unit { name } reportedBy } indicators { kind actual met } }`;

const LIVE = `{ county(code: "500231") {
  indicators(asOf: "2024-12-31") { kind target actual progress met numerator denominator statisticsYear baseline baselineYear missingReason asOf name unit }
  breakthroughSummary(asOf: "2024-12-31") { category target enterpriseCount metCount totalGap }
  plan(year: 2024) { taskBoard(asOf: "2024-12-31") { task { number label } latest { reportedOn status text unit { name } reportedBy } indicators { kind actual met } } } }
  targetGaps(countyCode: "500231", asOf: "2024-12-31", first: 100) { edges { node { enterprise { name creditCode } category target current gap met } } } }`;

const PUBLISH = `mutation($period: String!, $asOf: Date) { publishIndicatorReport(countyCode: "500231", period: $period, asOf: $asOf) {
  id period periodStart periodEnd asOf publishedBy publishedRole dataCutoff publishedAt withdrawnAt ${FIGURES} } }`;

const REPORT = `query($id: ID!) { indicatorReport(id: $id) { id period asOf publishedBy withdrawnAt withdrawnBy withdrawalReason ${FIGURES} } }`;

async function live() {
  const data = await api.ok(LIVE);
  return {
    indicators: data.county.indicators,
    breakthroughSummary: data.county.breakthroughSummary,
    targetGaps: data.targetGaps.edges.map((edge: any) => edge.node),
    taskBoard: data.county.plan.taskBoard,
  };
}

const figuresOf = ({ indicators, breakthroughSummary, targetGaps, taskBoard }: any) => ({
  indicators,
  breakthroughSummary,
  targetGaps,
  taskBoard,
});

describe('parsePeriod', () => {
  it('reads quarters and years', () => {
    expect(parsePeriod('2024Q4')).toEqual({ period: '2024Q4', start: '2024-10-01', end: '2024-12-31' });
    expect(parsePeriod('2024Q1')).toEqual({ period: '2024Q1', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024')).toEqual({ period: '2024', start: '2024-01-01', end: '2024-12-31' });
    for (const bad of ['2024Q5', '24Q1', '2024-Q1', '']) expect(parsePeriod(bad)).toBeNull();
  });
});

describe('a published report', () => {
  let report: any;
  let before: any;
  let liveCsv: Buffer;

  beforeAll(async () => {
    before = await live();
    const ctx = createContext(api.dataSource, principal({ role: 'VIEWER', counties: ['500231'] }));
    liveCsv = toCsv(await exportTable(ctx, { countyCode: '500231', kind: 'indicators', asOf: '2024-12-31' }));
    await ctx.db.finish(true);
    report = (await editor().ok(PUBLISH, { period: '2024Q4' })).publishIndicatorReport;
  });

  it('holds what the live fields answered at publication, with who published and when', async () => {
    expect(report).toMatchObject({
      period: '2024Q4',
      periodStart: '2024-10-01',
      periodEnd: '2024-12-31',
      asOf: '2024-12-31',
      publishedBy: 'editor-wang',
      publishedRole: 'EDITOR',
      withdrawnAt: null,
    });
    expect(new Date(report.dataCutoff).getTime()).toBeLessThanOrEqual(new Date(report.publishedAt).getTime());
    expect(figuresOf(report)).toEqual(before);
    expect(report.indicators.map((value: any) => [value.kind, value.actual])).toEqual([
      ['HIGH_VALUE_PATENTS', 2],
      ['SEI_INVENTION_PATENTS', 2],
      ['HIGH_TECH_ENTERPRISES', 2],
    ]);
    expect(report.taskBoard[0].latest).toMatchObject({ reportedOn: '2024-12-20', status: 'ON_TRACK', unit: { name: '县市场监管局' } });
    expect(report.targetGaps).toHaveLength(2);
    const { indicatorReport } = await api.ok(
      `query($id: ID!) { indicatorReport(id: $id) { changesSince { unchanged causes { part } indicators { kind } } } }`,
      {
        id: report.id,
      },
    );
    expect(indicatorReport.changesSince).toEqual({ unchanged: true, causes: [], indicators: [] });
  });

  it('reads back unchanged after a later import and a retroactive lapse change the live figures', async () => {
    const imported = await api.ok(
      `mutation($rows: [PatentImportRow!]!) { importPatents(countyCode: "500231", rows: $rows) { totals { created } } }`,
      {
        rows: [
          {
            applicationNumber: applicationNumber('INVENTION', 2021),
            title: '迟报的授权专利',
            filingDate: '2021-03-01',
            grantDate: '2024-11-15',
            owners: ['乙公司'],
            strategicIndustry: 'NEW_MATERIALS',
          },
          {
            applicationNumber: applicationNumber('INVENTION', 2021),
            title: '迟报的授权专利二',
            filingDate: '2021-04-01',
            grantDate: '2024-12-02',
            owners: ['乙公司'],
            strategicIndustry: 'NEW_MATERIALS',
          },
          {
            applicationNumber: applicationNumber('INVENTION', 2021),
            title: '2025年授权的专利',
            filingDate: '2021-05-01',
            grantDate: '2025-02-01',
            owners: ['乙公司'],
            strategicIndustry: 'NEW_MATERIALS',
          },
        ],
      },
    );
    expect(imported.importPatents.totals.created).toBe(3);
    await givenPatent(api, {
      applicationNumber: lapsing,
      owners: [enterprise],
      strategicIndustry: 'NEW_MATERIALS',
      grantDate: '2023-01-01',
      lapseDate: '2024-10-01',
    });
    const after = await live();
    expect(after).not.toEqual(before);
    expect(after.targetGaps).not.toEqual(before.targetGaps);

    const { indicatorReport } = await api.ok(REPORT, { id: report.id });
    expect(figuresOf(indicatorReport)).toEqual(before);
    const { county } = await api.ok(`{ county(code: "500231") { reports { id period ${FIGURES} } } }`);
    expect(county.reports).toHaveLength(1);
    expect(figuresOf(county.reports[0])).toEqual(before);

    // the export of the report is the live export of its moment, byte for byte (CSV), with its publication on 说明
    const ctx = createContext(api.dataSource, principal({ role: 'VIEWER', counties: ['500231'], sub: 'viewer-zhao' }));
    const table = await exportReportTable(ctx, String(report.id), 'indicators');
    const nowCsv = toCsv(await exportTable(ctx, { countyCode: '500231', kind: 'indicators', asOf: '2024-12-31' }));
    await ctx.db.finish(true);
    expect(toCsv(table).equals(liveCsv)).toBe(true);
    expect(nowCsv.equals(liveCsv)).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as never);
    const notes = Object.fromEntries(
      workbook
        .getWorksheet('说明')!
        .getSheetValues()
        .filter(Boolean)
        .map((row: any) => [row[1], row[2]]),
    );
    expect(notes).toMatchObject({
      报送编号: String(report.id),
      报送期: '2024Q4（2024-10-01至2024-12-31）',
      截至日期: '2024-12-31',
      发布人: 'editor-wang（EDITOR）',
      状态: '有效（发布后不可更改）',
      导出人: 'viewer-zhao（VIEWER）',
    });
    expect(notes.数据截止时间).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('changesSince names what moved and why: the rows imported after the cut-off and the retroactive lapse', async () => {
    const CHANGES = `query($id: ID!) { indicatorReport(id: $id) { changesSince { asOf unchanged causesShown
      causes { cause part count recordKeys description }
      indicators { kind reported { actual } live { actual } difference causes { cause part } }
      breakthrough { category reported { metCount totalGap } live { metCount totalGap } causes { cause } } } } }`;
    const { indicatorReport } = await api.ok(CHANGES, { id: report.id });
    const changes = indicatorReport.changesSince;
    expect(changes).toMatchObject({ asOf: '2024-12-31', unchanged: false, causesShown: true });
    const imported = changes.causes.find((c: any) => c.cause === 'IMPORTED_AFTER_CUTOFF' && c.part === 'patent');
    expect(imported.count).toBe(2); // the one granted in 2025 does not move the figures of 2024-12-31
    expect(imported.description).toMatch(/^2 patent row\(s\) imported after the cut-off \(granted by 2024-12-31\): /);
    const lapse = changes.causes.find((c: any) => c.cause === 'LAPSE_RECORDED_RETROACTIVELY');
    expect(lapse).toMatchObject({ part: 'patent', count: 1, recordKeys: [lapsing] });
    expect(lapse.description).toBe(
      `1 lapse(s) recorded after the cut-off with a lapse date on or before 2024-12-31 (retroactive): ${lapsing}`,
    );
    // the imported patents' owners came with them: not a cause of their own
    expect(changes.causes.filter((c: any) => c.part === 'owner')).toEqual([]);
    const highValue = changes.indicators.find((c: any) => c.kind === 'HIGH_VALUE_PATENTS');
    expect(highValue).toMatchObject({ reported: { actual: 2 }, live: { actual: 3 }, difference: 1 });
    expect(highValue.causes.map((c: any) => c.cause)).toEqual(['LAPSE_RECORDED_RETROACTIVELY', 'IMPORTED_AFTER_CUTOFF']);
    expect(changes.indicators.map((c: any) => c.kind)).toEqual(['HIGH_VALUE_PATENTS', 'SEI_INVENTION_PATENTS']);
    expect(changes.breakthrough).toEqual([
      {
        category: 'HIGH_TECH',
        reported: { metCount: 1, totalGap: 2 },
        live: { metCount: 1, totalGap: 1 },
        causes: [{ cause: 'LAPSE_RECORDED_RETROACTIVELY' }, { cause: 'IMPORTED_AFTER_CUTOFF' }],
      },
    ]);

    // a VIEWER sees what moved, not why: the history is an ADMIN's
    const viewer = await api.as({ role: 'VIEWER', counties: ['500231'] }).ok(CHANGES, { id: report.id });
    expect(viewer.indicatorReport.changesSince).toMatchObject({ causesShown: false, causes: [], unchanged: false });
  });

  it('is refused by the database: no UPDATE, DELETE or TRUNCATE, as the owner or as the application', async () => {
    await expect(api.sql(`UPDATE indicator_report SET indicators = '[]' WHERE id = $1`, [report.id])).rejects.toThrow(/cannot be changed/);
    await expect(api.sql(`DELETE FROM indicator_report WHERE id = $1`, [report.id])).rejects.toThrow(/cannot be deleted/);
    await expect(api.sql(`TRUNCATE indicator_report`)).rejects.toThrow(/cannot be truncated/);
    const db = new RequestDatabase(api.dataSource, {}, SYSTEM_PRINCIPAL);
    try {
      await expect(db.query(sql`UPDATE indicator_report SET as_of = as_of - 1 WHERE id = ${report.id}`)).rejects.toThrow(
        /cannot be changed/,
      );
    } finally {
      await db.finish(false);
    }
    const app = new RequestDatabase(api.dataSource, {}, SYSTEM_PRINCIPAL);
    try {
      await expect(app.query(sql`DELETE FROM indicator_report WHERE id = ${report.id}`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.finish(false);
    }
    const [{ n }] = await api.sql(`SELECT jsonb_array_length(indicators) AS n FROM indicator_report WHERE id = $1`, [report.id]);
    expect(n).toBe(3);
  });

  it('cannot be replaced while in force; an EDITOR may not withdraw it; an ADMIN withdraws it with a reason and it stays readable', async () => {
    const again = await editor().execute(PUBLISH, { period: '2024Q4' });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/is in force/);

    const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawIndicatorReport(id: $id, reason: $reason) {
      withdrawnAt withdrawnBy withdrawalReason ${FIGURES} } }`;
    expect((await editor().execute(WITHDRAW, { id: report.id, reason: '数据有误' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.execute(WITHDRAW, { id: report.id, reason: '  ' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const withdrawn = (await api.ok(WITHDRAW, { id: report.id, reason: '补录第四季度授权专利后重报' })).withdrawIndicatorReport;
    expect(withdrawn).toMatchObject({ withdrawnBy: 'test-admin', withdrawalReason: '补录第四季度授权专利后重报' });
    expect(figuresOf(withdrawn)).toEqual(before);
    expect((await api.execute(WITHDRAW, { id: report.id, reason: '再次' })).errors?.[0].extensions?.code).toBe('CONFLICT');
    await expect(api.sql(`UPDATE indicator_report SET withdrawal_reason = 'changed' WHERE id = $1`, [report.id])).rejects.toThrow(
      /was withdrawn/,
    );

    // withdrawn: the period may be reported again, with today's figures
    const second = (await editor().ok(PUBLISH, { period: '2024Q4' })).publishIndicatorReport;
    expect(figuresOf(second)).toEqual(await live());
    const { county } = await api.ok(`{ county(code: "500231") { reports { id withdrawnAt } } }`);
    expect(county.reports.map((r: any) => [r.id, r.withdrawnAt !== null])).toEqual([
      [second.id, false],
      [report.id, true],
    ]);
  });
});

describe('changesSince after a retroactive lapse alone', () => {
  it('names the lapse recorded after the cut-off and the indicator it moved', async () => {
    const patent = await givenPatent(api, { owners: [enterprise], grantDate: '2024-03-01', filingDate: '2010-01-01' });
    const q3 = (await editor().ok(PUBLISH, { period: '2024Q3' })).publishIndicatorReport;
    await givenPatent(api, {
      applicationNumber: patent,
      owners: [enterprise],
      grantDate: '2024-03-01',
      filingDate: '2010-01-01',
      lapseDate: '2024-08-01',
    });
    const { indicatorReport } = await api.ok(
      `query($id: ID!) { indicatorReport(id: $id) { changesSince { causes { cause part recordKeys } indicators { kind difference causes { cause } } } } }`,
      { id: q3.id },
    );
    expect(indicatorReport.changesSince).toEqual({
      causes: [{ cause: 'LAPSE_RECORDED_RETROACTIVELY', part: 'patent', recordKeys: [patent] }],
      indicators: [{ kind: 'HIGH_VALUE_PATENTS', difference: -1, causes: [{ cause: 'LAPSE_RECORDED_RETROACTIVELY' }] }],
    });
  });
});

describe('County.reports and the series points', () => {
  it('cost the same statements for one county with reports and for three', async () => {
    const query = `{ counties { code reports { id county { name } indicators { kind actual } targetGaps { enterprise { name } gap } taskBoard { task { number } } }
      indicatorSeries(from: "2024-01-01", every: QUARTER) { kind points { period value { actual } report { id } } } } }`;
    const one = await api.countStatements(query);
    for (const code of ['500233', '500234']) {
      await givenCounty(api, code, `县${code}`, '500000');
      await givenPlan(api, { countyCode: code, startYear: 2022, indicatorTargets: [{ kind: 'HIGH_VALUE_PATENTS', target: 1 }] });
      await api.ok(`mutation { publishIndicatorReport(countyCode: "${code}", period: "2024Q2") { id } }`);
    }
    expect(await api.countStatements(query)).toBe(one);
    const { counties } = await api.ok(query);
    expect(counties.filter((c: any) => c.reports.length > 0).map((c: any) => c.code)).toEqual(['500231', '500233', '500234']);
    const points = counties.find((c: any) => c.code === '500233').indicatorSeries[0].points;
    expect(points.map((p: any) => [p.period, p.report !== null])).toEqual([
      ['2024Q1', false],
      ['2024Q2', true],
      ['2024Q3', false],
      ['2024Q4', false],
    ]);
  });
});

describe('indicatorSeries by quarter', () => {
  const SERIES = (args: string) => `{ county(code: "500231") { indicatorSeries(kinds: [HIGH_VALUE_PATENTS]${args}) {
    kind values { asOf actual } points { period asOf value { actual } report { id period withdrawnAt } } } } }`;

  it('has a point per quarter of the range, each with the report in force for its period', async () => {
    const { county } = await api.ok(SERIES(', from: "2024-01-01", to: "2024-12-31", every: QUARTER'));
    const [series] = county.indicatorSeries;
    expect(series.points.map((p: any) => [p.period, p.asOf])).toEqual([
      ['2024Q1', '2024-03-31'],
      ['2024Q2', '2024-06-30'],
      ['2024Q3', '2024-09-30'],
      ['2024Q4', '2024-12-31'],
    ]);
    expect(series.values).toEqual(series.points.map((p: any) => ({ asOf: p.asOf, actual: p.value.actual })));
    for (const point of series.points) {
      const live = await api.ok(`{ county(code: "500231") { indicators(asOf: "${point.asOf}") { kind actual } } }`);
      expect(point.value.actual).toBe(live.county.indicators.find((v: any) => v.kind === 'HIGH_VALUE_PATENTS').actual);
    }
    const [{ id: q4 }] = await api.sql(
      `SELECT id::text FROM indicator_report WHERE county_code = '500231' AND period = '2024Q4' AND withdrawn_at IS NULL`,
    );
    const [{ id: q3 }] = await api.sql(`SELECT id::text FROM indicator_report WHERE county_code = '500231' AND period = '2024Q3'`);
    expect(series.points.map((p: any) => p.report)).toEqual([
      null,
      null,
      { id: q3, period: '2024Q3', withdrawnAt: null },
      { id: q4, period: '2024Q4', withdrawnAt: null },
    ]);
  });

  it('cuts the periods at the range, and keeps the yearly series of the plan period by default', async () => {
    const part = await api.ok(SERIES(', from: "2024-02-15", to: "2024-08-10", every: QUARTER'));
    expect(part.county.indicatorSeries[0].points.map((p: any) => [p.period, p.asOf])).toEqual([
      ['2024Q1', '2024-03-31'],
      ['2024Q2', '2024-06-30'],
      ['2024Q3', '2024-08-10'],
    ]);
    const yearly = await api.ok(SERIES(''));
    expect(yearly.county.indicatorSeries[0].points.map((p: any) => [p.period, p.asOf, p.report])).toEqual([
      ['2022', '2022-12-31', null],
      ['2023', '2023-12-31', null],
      ['2024', '2024-12-31', null],
    ]);
    const explicit = await api.ok(SERIES(', every: YEAR'));
    expect(explicit).toEqual(yearly);
  });

  it('refuses a range before the plan, a reversed one and one of too many points', async () => {
    const early = await api.execute(SERIES(', from: "2021-12-31"'));
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0].message).toMatch(/^from: must not be before the first day of the plan in force \(2022-01-01\)/);
    const reversed = await api.execute(SERIES(', from: "2024-06-01", to: "2024-01-01"'));
    expect(reversed.errors?.[0].message).toMatch(/^to: must not be before from/);
    expect(() => seriesPeriods({ from: '2000-01-01', to: '2026-01-01', every: SeriesInterval.QUARTER })).toThrow(/more than 40/);
  });
});

describe('GET /export/…?report=', () => {
  it("answers the report as a file, and NOT_FOUND for a report outside the caller's counties", async () => {
    const secret = 'report-export-test-secret-of-32-characters!';
    const apollo = await createApolloServer({ logger: createLogger('error') });
    const authenticate = createAuthenticator(
      { jwtSecret: secret, jwksUrl: null, jwtIssuer: null, jwtAudience: null } as never,
      api.dataSource,
    );
    const server = http.createServer(
      createHttpHandler({ apollo, dataSource: api.dataSource, authenticate, logger: createLogger('error') }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const [{ id }] = await api.sql(`SELECT id FROM indicator_report WHERE withdrawn_at IS NULL ORDER BY id LIMIT 1`);
      const get = async (counties: string[], query: string) =>
        fetch(`${base}/export/gaps.csv?${query}`, {
          headers: { authorization: `Bearer ${await signToken(secret, { sub: 'viewer', role: Role.VIEWER, counties }, 600)}` },
        });
      const answer = await get(['500231'], `report=${id}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-disposition')).toContain(`gaps-500231-2024Q4-report-${id}.csv`);
      expect((await answer.text()).split('\r\n')[0]).toContain('企业名称');
      expect((await get(['500232'], `report=${id}`)).status).toBe(404);
      expect((await get(['500231'], 'report=x')).status).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    }
  });
});

describe('publishing', () => {
  it('refuses a bad period or day, and writes nothing', async () => {
    const refused = async (variables: Record<string, unknown>, field: string, reason: RegExp) => {
      const result = await editor().execute(PUBLISH, variables);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(field);
      expect(result.errors?.[0].message).toMatch(reason);
    };
    const [{ n: before }] = await api.sql(`SELECT count(*)::int AS n FROM indicator_report`);
    await refused({ period: '2024Q5' }, 'period', /quarter such as 2024Q3/);
    await refused({ period: '2024Q3', asOf: '2024-10-01' }, 'asOf', /within 2024Q3 \(2024-07-01 to 2024-09-30\)/);
    await refused({ period: '2100' }, 'period', /has not begun/);
    const [{ n: after }] = await api.sql(`SELECT count(*)::int AS n FROM indicator_report`);
    expect(after).toBe(before);
  });

  it('answers CONFLICT, writing nothing, when the same period is published at the same time', async () => {
    // a publication of 2023 holds its new row uncommitted while the EDITOR's passes its check and waits at its insert
    const admin = principal({ role: 'ADMIN', counties: ['500231'], sub: 'admin-li' });
    const first = new RequestDatabase(api.dataSource, {}, admin);
    let committed = false;
    try {
      const id = await publishIndicatorReport(first, admin, { countyCode: '500231', period: '2023', asOf: null }, '2026-12-03');
      const second = editor().execute(PUBLISH, { period: '2023' });
      for (let waited = 0; ; waited += 20) {
        const [{ n }] = await api.sql(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (n > 0) break;
        if (waited > 10_000) throw new Error('the second publication never waited for the first');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await first.finish(true);
      committed = true;
      const refused = await second;
      expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toContain(`report ${id} of 500231 for 2023 is in force`);
    } finally {
      if (!committed) await first.finish(false);
    }
    const rows = await api.sql(`SELECT published_by FROM indicator_report WHERE county_code = '500231' AND period = '2023'`);
    expect(rows).toEqual([{ published_by: 'admin-li' }]);
  });

  it('is for ADMIN and EDITOR callers of the county; reports are not for ENTERPRISE callers', async () => {
    const viewer = await api.as({ role: 'VIEWER', counties: ['500231'] }).execute(PUBLISH, { period: '2024Q3' });
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await api.as({ role: 'EDITOR', counties: ['500232'] }).execute(PUBLISH, { period: '2024Q3' });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await api
      .as({ role: 'VIEWER', counties: ['500232'] })
      .ok(`{ county(code: "500231") { code } indicatorReport(id: "1") { id } }`);
    expect(outsider).toEqual({ county: null, indicatorReport: null });
    const mine = await api
      .as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: enterprise })
      .execute(`{ indicatorReport(id: "1") { id } }`);
    expect(mine.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
