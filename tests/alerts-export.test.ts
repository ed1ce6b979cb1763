/**
 * The alert list (预警清单) and the candidate list (高价值专利培育清单) as export tables, XLSX and CSV, through
 * exportTable and GET /export/…, with the figures of County.alerts and County.highValueCandidates.
 */
import ExcelJS from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createAuthenticator } from '../src/auth/authenticate';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { RequestDatabase } from '../src/db/request-database';
import { ALERT_COLUMNS, CANDIDATE_COLUMNS } from '../src/alerts/alerts-export';
import { exportTable, ExportTable } from '../src/export/export-tables';
import { toCsv, toXlsx, XLSX_HEADER_ROW } from '../src/export/formats';
import { createApolloServer } from '../src/graphql/apollo';
import { Context, NO_FIGURE_CACHE } from '../src/graphql/context';
import { Loaders } from '../src/graphql/loaders';
import { createHttpHandler } from '../src/http/front';
import { createLogger } from '../src/ops/logger';
import { creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPatent, givenPlan, givenPledge } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

const AS_OF = '2024-06-30';
const SECRET = 'alerts-export-test-secret-with-at-least-32-characters';
let api: TestApi;
let server: http.Server;
let apollo: Awaited<ReturnType<typeof createApolloServer>>;
let baseUrl: string;
const n: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { HIGH_TECH: 1 },
    indicatorTargets: [{ kind: 'HIGH_TECH_ENTERPRISES', target: 3 }],
  });
  const a = await givenEnterprise(api, { serial: 1, name: '甲公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2021-09-29' }] });
  n.p1 = await givenPatent(api, {
    filingDate: '2015-08-15',
    grantDate: '2017-03-01',
    strategicIndustry: 'NEW_MATERIALS',
    owners: [a],
    title: '一种材料',
  });
  await api.ok(`mutation($n: String!) { setAnnuityPaidThrough(applicationNumber: $n, paidThrough: 9) { id } }`, { n: n.p1 });
  n.ten = await givenPatent(api, { filingDate: '2014-09-01', grantDate: '2017-01-01', owners: [a], title: '一种装置' });
  n.pledged = await givenPatent(api, { filingDate: '2020-01-01', grantDate: '2021-06-01', owners: [a], title: '一种方法' });
  await givenPledge(api, a, '750000.00', '2024-03-01', [n.pledged]);

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
  await api.close();
});

async function table(kind: 'alerts' | 'candidates', days: number | null = null): Promise<ExportTable> {
  const who = principal({ role: Role.VIEWER, counties: ['500231'] });
  const db = new RequestDatabase(api.dataSource, {}, who);
  const ctx: Context = { db, loaders: new Loaders(), today: '2026-01-01', principal: who, figures: NO_FIGURE_CACHE };
  try {
    return await exportTable(ctx, { countyCode: '500231', kind, asOf: AS_OF, days });
  } finally {
    await db.finish(false);
  }
}

describe('预警清单', () => {
  it('has a row per alert of County.alerts, in its order, with the effect in words', async () => {
    const alerts = await table('alerts');
    expect(alerts.title).toBe('垫江县预警清单（截至2024-06-30，90天内）');
    expect(alerts.columns).toBe(ALERT_COLUMNS);
    expect(alerts.rows).toEqual([
      [
        1,
        '年费到期',
        '2024-08-15',
        null,
        null,
        n.p1,
        '一种材料',
        null,
        '高价值发明专利拥有量',
        -1,
        null,
        null,
        null,
        '甲公司：高新技术企业 1→0（缺口打开）',
        null,
        null,
      ],
      [
        2,
        '证书到期',
        '2024-09-28',
        '甲公司',
        creditCode(1),
        null,
        null,
        '高新技术企业',
        '有效期内高新技术企业',
        -1,
        3,
        1,
        0,
        '甲公司：高新技术企业 退出该类别',
        null,
        null,
      ],
    ]);
    // HIGH_VALUE_PATENTS has no target in this plan: no target, actual or after for the patent's alert
    const { county } = await api.ok(
      `{ county(code: "500231") { alerts(asOf: "${AS_OF}") { edges { node { kind effect { indicator before } } } } } }`,
    );
    expect(county.alerts.edges.map((e: any) => e.node.kind)).toEqual(['ANNUITY_DUE', 'CERTIFICATE_EXPIRING']);
    expect((await table('alerts', 60)).rows).toHaveLength(1);
  });
});

describe('高价值专利培育清单', () => {
  it('has a row per candidate of County.highValueCandidates, with the owners and the shortfall', async () => {
    const candidates = await table('candidates');
    expect(candidates.title).toBe('垫江县高价值专利培育清单（截至2024-06-30）');
    expect(candidates.columns).toBe(CANDIDATE_COLUMNS);
    expect(candidates.rows).toEqual([
      [1, n.pledged, '一种方法', '2020-01-01', '甲公司', '较高质押融资金额', null, 250000],
      [2, n.ten, '一种装置', '2014-09-01', '甲公司', '维持年限超过10年', '2024-09-02', null],
    ]);
    const csv = toCsv(candidates).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF序号,申请号,专利名称,申请日,专利权人,培育方向,预计满足日期,质押融资缺口（元）');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(candidates)) as never);
    expect(
      workbook
        .getWorksheet('培育清单')!
        .getRow(XLSX_HEADER_ROW + 1)
        .getCell(8).value,
    ).toBe(250000);
  });
});

describe('GET /export/alerts and /export/candidates', () => {
  const bearer = async (role: Role) => `Bearer ${await signToken(SECRET, { sub: 'export-test', role, counties: ['500231'] }, 600)}`;

  it('answers the files, reads withinDays and horizonDays, and refuses a bad one', async () => {
    const alerts = await fetch(`${baseUrl}/export/alerts.csv?county=500231&asOf=${AS_OF}&withinDays=60`, {
      headers: { authorization: await bearer(Role.VIEWER) },
    });
    expect(alerts.status).toBe(200);
    expect((await alerts.text()).trim().split('\r\n')).toHaveLength(2);
    const candidates = await fetch(`${baseUrl}/export/candidates.xlsx?county=500231&asOf=${AS_OF}&horizonDays=0`, {
      headers: { authorization: await bearer(Role.VIEWER) },
    });
    expect(candidates.status).toBe(200);
    expect(candidates.headers.get('content-disposition')).toContain('candidates-500231-2024-06-30.xlsx');
    const bad = await fetch(`${baseUrl}/export/alerts.csv?county=500231&withinDays=soon`, {
      headers: { authorization: await bearer(Role.VIEWER) },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toContain('withinDays');
    const tooFar = await fetch(`${baseUrl}/export/candidates.csv?county=500231&horizonDays=9999`, {
      headers: { authorization: await bearer(Role.VIEWER) },
    });
    expect(tooFar.status).toBe(400);
  });
});
