import { creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
const AS_OF = '2024-06-30';
const SET = `mutation($number: String!, $paidThrough: Int) { setAnnuityPaidThrough(applicationNumber: $number, paidThrough: $paidThrough) { id } }`;
const numbers: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { LISTED_CULTIVATION: 3, SPECIALIZED_NEW: 2, HIGH_TECH: 1 },
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 10 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 5 },
    ],
  });
  const sei = 'NEW_MATERIALS';
  // 甲: high-tech certificate from 2021-09-29, so its last day is 2024-09-28 = asOf + 90 days; owns P1, due 2024-08-15
  const a = await givenEnterprise(api, { serial: 1, name: '甲', memberships: [{ category: 'HIGH_TECH', validFrom: '2021-09-29' }] });
  // 乙: its certificate's last day is asOf + 91 days; owns nothing
  await givenEnterprise(api, { serial: 2, name: '乙', memberships: [{ category: 'HIGH_TECH', validFrom: '2021-09-30' }] });
  // 丙: its certificate ends on 2024-07-31 and is renewed from the next day: no alert
  await givenEnterprise(api, {
    serial: 3,
    name: '丙',
    memberships: [
      { category: 'HIGH_TECH', validFrom: '2021-08-01' },
      { category: 'HIGH_TECH', validFrom: '2024-08-01' },
    ],
  });
  // 丁: one high-value patent, whose 20-year term ends on 2024-08-01 (last day 2024-07-31)
  const d = await givenEnterprise(api, { serial: 4, name: '丁', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  // 戊: 专精特新 with two high-value patents, one of whose annuities is unpaid past its grace (due 2023-01-10)
  const e = await givenEnterprise(api, { serial: 5, name: '戊', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
  const f = await givenEnterprise(api, { serial: 6, name: '己' });

  numbers.p1 = await givenPatent(api, { filingDate: '2015-08-15', grantDate: '2017-03-01', strategicIndustry: sei, owners: [a] });
  await api.ok(SET, { number: numbers.p1, paidThrough: 9 });
  numbers.p2 = await givenPatent(api, { filingDate: '2016-04-10', grantDate: '2018-03-01', strategicIndustry: sei, owners: [f] });
  await api.ok(SET, { number: numbers.p2, paidThrough: 8 });
  numbers.p3 = await givenPatent(api, { filingDate: '2004-08-01', grantDate: '2006-03-01', strategicIndustry: sei, owners: [d] });
  numbers.e1 = await givenPatent(api, { filingDate: '2019-02-01', grantDate: '2021-03-01', strategicIndustry: sei, owners: [e] });
  numbers.e2 = await givenPatent(api, { filingDate: '2015-01-10', grantDate: '2017-03-01', strategicIndustry: sei, owners: [e] });
  await api.ok(SET, { number: numbers.e2, paidThrough: 8 });
});
afterAll(() => api.close());

const ALERTS = `query($asOf: Date, $within: Int, $kinds: [AlertKind!], $first: Int, $after: String) { county(code: "500231") {
  alerts(asOf: $asOf, withinDays: $within, kinds: $kinds, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { kind date category enterprise { name } patent { applicationNumber }
      effect { indicator change target before after unmetEnterprises totalGap
               gaps { enterprise { name } category target current after met opens leavesCategory } } } } } } }`;

const subject = (node: any) => node.enterprise?.name ?? node.patent?.applicationNumber ?? node.category;
const listed = (alerts: any) => alerts.edges.map((edge: any) => [edge.node.kind, edge.node.date, subject(edge.node)]);

describe('County.alerts', () => {
  it('lists every kind in the window by date, then kind, with a certificate whose last day is exactly asOf + withinDays', async () => {
    const { alerts } = (await api.ok(ALERTS, { asOf: AS_OF, within: 90 })).county;
    expect(listed(alerts)).toEqual([
      // known lost from its due date, whatever the window: the lapse reaches back
      ['ANNUITY_PAST_GRACE', '2023-01-10', numbers.e2],
      ['WILL_DROP_BELOW_TARGET', '2024-06-30', '戊'],
      ['TERM_ENDING', '2024-07-31', numbers.p3],
      ['WILL_DROP_BELOW_TARGET', '2024-07-31', '丁'],
      ['ANNUITY_DUE', '2024-08-15', numbers.p1],
      ['CERTIFICATE_EXPIRING', '2024-09-28', '甲'],
      ['ANNUITY_IN_GRACE', '2024-10-10', numbers.p2],
      ['PLAN_ENDING', '2024-12-31', 'HIGH_TECH'],
    ]);
    expect(alerts.totalCount).toBe(8);
  });

  it('leaves out a certificate whose last day is one day beyond the window', async () => {
    const narrow = (await api.ok(ALERTS, { asOf: AS_OF, within: 89, kinds: ['CERTIFICATE_EXPIRING'] })).county.alerts;
    expect(listed(narrow)).toEqual([]);
    const wide = (await api.ok(ALERTS, { asOf: AS_OF, within: 91, kinds: ['CERTIFICATE_EXPIRING'] })).county.alerts;
    expect(listed(wide)).toEqual([
      ['CERTIFICATE_EXPIRING', '2024-09-28', '甲'],
      ['CERTIFICATE_EXPIRING', '2024-09-29', '乙'],
    ]);
  });

  it('says what each alert does: the indicator before and after, and whose gap opens', async () => {
    const nodes = (await api.ok(ALERTS, { asOf: AS_OF, within: 90 })).county.alerts.edges.map((edge: any) => edge.node);
    const byKind = (kind: string, name?: string) => nodes.find((n: any) => n.kind === kind && (!name || subject(n) === name)).effect;
    expect(byKind('CERTIFICATE_EXPIRING')).toEqual({
      indicator: 'HIGH_TECH_ENTERPRISES',
      change: -1,
      target: 5,
      before: 4,
      after: 3,
      unmetEnterprises: null,
      totalGap: null,
      gaps: [
        {
          enterprise: { name: '甲' },
          category: 'HIGH_TECH',
          target: 1,
          current: 1,
          after: null,
          met: true,
          opens: false,
          leavesCategory: true,
        },
      ],
    });
    expect(byKind('TERM_ENDING')).toMatchObject({
      indicator: 'HIGH_VALUE_PATENTS',
      change: -1,
      target: 10,
      before: 5,
      after: 3,
      gaps: [{ enterprise: { name: '丁' }, category: 'HIGH_TECH', current: 1, after: 0, met: true, opens: true, leavesCategory: false }],
    });
    // the running after counts every earlier patent alert of the list
    expect(byKind('ANNUITY_PAST_GRACE')).toMatchObject({
      before: 5,
      after: 4,
      gaps: [{ enterprise: { name: '戊' }, category: 'SPECIALIZED_NEW', current: 2, after: 1, opens: true }],
    });
    expect(byKind('ANNUITY_DUE')).toMatchObject({
      before: 5,
      after: 2,
      gaps: [{ enterprise: { name: '甲' }, current: 1, after: 0, opens: true }],
    });
    expect(byKind('ANNUITY_IN_GRACE')).toMatchObject({ after: 1, gaps: [] });
    expect(byKind('WILL_DROP_BELOW_TARGET', '戊')).toMatchObject({
      indicator: null,
      gaps: [{ enterprise: { name: '戊' }, category: 'SPECIALIZED_NEW', target: 2, current: 2, after: 1, met: true, opens: true }],
    });
    expect(byKind('PLAN_ENDING')).toMatchObject({ unmetEnterprises: 2, totalGap: 2, gaps: [] });
  });

  it('has no PLAN_ENDING before the last year of the plan begins within the window, nor once its period is over', async () => {
    const kinds = ['PLAN_ENDING'];
    expect(listed((await api.ok(ALERTS, { asOf: '2023-10-02', within: 90, kinds })).county.alerts)).toEqual([]);
    expect(listed((await api.ok(ALERTS, { asOf: '2023-10-03', within: 90, kinds })).county.alerts)).toEqual([
      ['PLAN_ENDING', '2024-12-31', 'HIGH_TECH'],
    ]);
    expect(listed((await api.ok(ALERTS, { asOf: '2025-01-01', within: 90, kinds })).county.alerts)).toEqual([]);
  });

  it('pages with cursors: each alert once, in order, totalCount on every page', async () => {
    const seen: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await api.ok(ALERTS, { asOf: AS_OF, within: 90, first: 2, after })).county.alerts;
      expect(page.totalCount).toBe(8);
      seen.push(...listed(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(listed((await api.ok(ALERTS, { asOf: AS_OF, within: 90 })).county.alerts));
  });

  it('refuses a window outside 0 to 3660 days, and is county-wide (not for an ENTERPRISE caller)', async () => {
    await expectRefused(api, ALERTS, { asOf: AS_OF, within: -1 }, 'withinDays');
    await expectRefused(api, ALERTS, { asOf: AS_OF, within: 3661 }, 'withinDays');
    const enterprise = api.as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: creditCode(1) });
    const result = await enterprise.execute(ALERTS, { asOf: AS_OF, within: 90 });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Enterprise.alerts', () => {
  const OWN = `query($code: String!, $asOf: Date, $within: Int) { enterprise(creditCode: $code) { alerts(asOf: $asOf, withinDays: $within) {
    totalCount edges { node { kind date category enterprise { name } patent { applicationNumber }
      effect { indicator change before gaps { enterprise { name } category current after opens } } } } } } }`;

  it("lists the enterprise's own alerts, its gaps only, without county figures", async () => {
    const { alerts } = (await api.ok(OWN, { code: creditCode(4), asOf: AS_OF, within: 90 })).enterprise;
    expect(listed(alerts)).toEqual([
      ['TERM_ENDING', '2024-07-31', numbers.p3],
      ['WILL_DROP_BELOW_TARGET', '2024-07-31', '丁'],
    ]);
    expect(alerts.edges[0].node.effect).toEqual({
      indicator: null,
      change: null,
      before: null,
      gaps: [{ enterprise: { name: '丁' }, category: 'HIGH_TECH', current: 1, after: 0, opens: true }],
    });
  });

  it('answers an ENTERPRISE caller about its own enterprise, PLAN_ENDING for its unmet gap', async () => {
    const own = api.as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: creditCode(2) });
    const { alerts } = (await own.ok(OWN, { code: creditCode(2), asOf: AS_OF, within: 91 })).enterprise;
    expect(listed(alerts)).toEqual([
      ['CERTIFICATE_EXPIRING', '2024-09-29', '乙'],
      ['PLAN_ENDING', '2024-12-31', '乙'],
    ]);
  });
});

describe('WILL_DROP_BELOW_TARGET', () => {
  it('is about the end of the window: a drop made good by a 10-year mark before it is no alert', async () => {
    await givenCounty(api, '500232', '邻县', '500000');
    await givenPlan(api, { countyCode: '500232', startYear: 2022, targets: { HIGH_TECH: 1 } });
    const g = await givenEnterprise(api, {
      serial: 7,
      countyCode: '500232',
      name: '庚',
      memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }],
    });
    // the term of the one high-value patent ends on 2024-08-05; another passes its 10-year mark on 2024-08-21
    const old = await givenPatent(api, {
      countyCode: '500232',
      filingDate: '2004-08-05',
      grantDate: '2006-01-01',
      strategicIndustry: 'NEW_MATERIALS',
      owners: [g],
    });
    await givenPatent(api, { countyCode: '500232', filingDate: '2014-08-20', grantDate: '2016-01-01', owners: [g] });
    const OWN = `query($code: String!, $within: Int) { enterprise(creditCode: $code) { alerts(asOf: "${AS_OF}", withinDays: $within) {
      edges { node { kind date enterprise { name } patent { applicationNumber } } } } } }`;
    const code = creditCode(7, '500232');
    expect(listed((await api.ok(OWN, { code, within: 90 })).enterprise.alerts)).toEqual([['TERM_ENDING', '2024-08-04', old]]);
    // a window that ends before the 10-year mark: below the target at its end
    expect(listed((await api.ok(OWN, { code, within: 45 })).enterprise.alerts)).toEqual([
      ['TERM_ENDING', '2024-08-04', old],
      ['WILL_DROP_BELOW_TARGET', '2024-08-04', '庚'],
    ]);
  });
});

describe('statements per request', () => {
  it('pages alerts with their subjects and gap enterprises in as many statements for 2 rows as for 100', async () => {
    const query = `query($first: Int) { county(code: "500231") { alerts(asOf: "${AS_OF}", withinDays: 120, first: $first) {
      totalCount edges { node { kind enterprise { name } patent { applicationNumber owners { name } } effect { gaps { enterprise { name } } } } } } } }`;
    const two = await api.countStatements(query, { first: 2 });
    expect(await api.countStatements(query, { first: 100 })).toBe(two);
    // BEGIN, county, alerts, patents, enterprises, owners, COMMIT
    expect(two).toBeLessThanOrEqual(7);
  });

  it("batches every enterprise's alerts of a page into one statement", async () => {
    const query = `query($first: Int) { county(code: "500231") { enterprises(first: $first) { edges { node {
      alerts(asOf: "${AS_OF}", first: 5) { edges { node { kind patent { title } } } } } } } } }`;
    expect(await api.countStatements(query, { first: 100 })).toBe(await api.countStatements(query, { first: 1 }));
  });
});

describe('list filters', () => {
  const PATENTS = `query($filter: PatentFilter) { county(code: "500231") { patents(filter: $filter) { totalCount edges { node { applicationNumber } } } } }`;
  const patents = async (filter: Record<string, unknown>) =>
    (await api.ok(PATENTS, { filter })).county.patents.edges.map((e: any) => e.node.applicationNumber).sort();

  it('keeps patents by status on a day, by filing date range and by high-value reason', async () => {
    expect(await patents({ status: 'EXPIRED', asOf: '2024-08-01' })).toEqual([numbers.p3]);
    expect(await patents({ status: 'VALID', asOf: '2024-07-31' })).toHaveLength(5);
    expect(await patents({ filedFrom: '2015-01-10', filedUntil: '2015-08-15' })).toEqual([numbers.e2, numbers.p1].sort());
    expect(await patents({ filedFrom: '2015-01-11', filedUntil: '2015-08-14' })).toEqual([]);
    expect(await patents({ highValueReason: 'MAINTAINED_OVER_10_YEARS', asOf: AS_OF })).toEqual([numbers.p3]);
    // e2 passes its 10-year mark on 2025-01-11 (its unpaid annuity does not change its status); p3's term is over
    expect(await patents({ highValueReason: 'MAINTAINED_OVER_10_YEARS', asOf: '2025-01-11' })).toEqual([numbers.e2]);
    await expectRefused(api, PATENTS, { filter: { filedFrom: '2015-02-01', filedUntil: '2015-01-01' } }, 'filedUntil');
  });

  it('keeps enterprises by the validTo of a membership, of a category when given', async () => {
    const ENTERPRISES = `query($filter: EnterpriseFilter) { county(code: "500231") { enterprises(filter: $filter) { edges { node { name } } } } }`;
    const names = async (filter: Record<string, unknown>) =>
      (await api.ok(ENTERPRISES, { filter })).county.enterprises.edges.map((e: any) => e.node.name);
    expect(await names({ validToFrom: '2024-09-28', validToUntil: '2024-09-29' })).toEqual(['乙', '甲']);
    expect(await names({ validToUntil: '2024-07-31' })).toEqual(['丙']);
    expect(await names({ validToFrom: '2024-09-01', validToUntil: '2024-09-30', category: 'SPECIALIZED_NEW', asOf: AS_OF })).toEqual([]);
    await expectRefused(api, ENTERPRISES, { filter: { validToFrom: '2024-09-02', validToUntil: '2024-09-01' } }, 'validToUntil');
  });

  it("keeps an enterprise's memberships by validTo", async () => {
    const MEMBERSHIPS = `query($code: String!, $from: Date, $until: Date) { enterprise(creditCode: $code) {
      memberships(validToFrom: $from, validToUntil: $until) { validFrom validTo } } }`;
    const of = async (from: string | null, until: string | null) =>
      (await api.ok(MEMBERSHIPS, { code: creditCode(3), from, until })).enterprise.memberships;
    expect(await of(null, null)).toEqual([
      { validFrom: '2021-08-01', validTo: '2024-07-31' },
      { validFrom: '2024-08-01', validTo: '2027-07-31' },
    ]);
    expect(await of('2024-07-31', '2024-07-31')).toEqual([{ validFrom: '2021-08-01', validTo: '2024-07-31' }]);
    expect(await of('2024-08-01', null)).toEqual([{ validFrom: '2024-08-01', validTo: '2027-07-31' }]);
    await expectRefused(api, MEMBERSHIPS, { code: creditCode(3), from: '2024-08-01', until: '2024-07-01' }, 'validToUntil');
  });
});
