import { creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPatent, givenPlan, givenPledge } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
const AS_OF = '2024-06-30';
const SET = `mutation($number: String!, $paidThrough: Int) { setAnnuityPaidThrough(applicationNumber: $number, paidThrough: $paidThrough) { id } }`;
const n: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { SPECIALIZED_NEW: 2, HIGH_TECH: 1 },
    highPledgeThreshold: '1000000.00',
  });
  // 甲 (专精特新, target 2) owns one high-value patent and two that are not yet
  const a = await givenEnterprise(api, { serial: 1, name: '甲', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
  // 乙 (高新, target 1) owns nothing high-value: one patent reaches its 10-year mark after the horizon, one is pledged below the threshold
  const b = await givenEnterprise(api, { serial: 2, name: '乙', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  n.hv = await givenPatent(api, { filingDate: '2019-01-01', grantDate: '2021-01-01', strategicIndustry: 'NEW_MATERIALS', owners: [a] });
  // 10-year mark: asOf > 2014-09-01 + 10 years from 2024-09-02
  n.tenA = await givenPatent(api, { filingDate: '2014-09-01', grantDate: '2017-01-01', owners: [a] });
  // exactly at the horizon's end (365 days from 2024-06-30 is 2025-06-30): filed 2015-06-29, the reason holds from 2025-06-30
  n.edge = await givenPatent(api, { filingDate: '2015-06-29', grantDate: '2017-01-01', owners: [a] });
  n.beyond = await givenPatent(api, { filingDate: '2015-06-30', grantDate: '2017-01-01', owners: [b] });
  // lapses before its 10-year mark: no candidate
  await givenPatent(api, { filingDate: '2014-10-01', grantDate: '2017-01-01', lapseDate: '2024-05-01', owners: [b] });
  await givenPatent(api, { filingDate: '2014-10-01', grantDate: '2017-01-01', lapseDate: '2024-09-30', owners: [b] });
  // annuity unpaid past its grace on asOf (year 10 due 2023-11-01): lost from the due date, no candidate
  const lost = await givenPatent(api, { filingDate: '2014-11-01', grantDate: '2017-01-01', owners: [b] });
  await api.ok(SET, { number: lost, paidThrough: 9 });
  n.pledged = await givenPatent(api, { filingDate: '2020-01-01', grantDate: '2021-06-01', owners: [b] });
  await givenPledge(api, b, '600000.00', '2023-03-01', [n.pledged]);
  await givenPledge(api, b, '750000.00', '2024-03-01', [n.pledged]);
  // registered after asOf: not known on asOf
  n.later = await givenPatent(api, { filingDate: '2020-02-01', grantDate: '2021-06-01', owners: [b] });
  await givenPledge(api, b, '500000.00', '2024-07-01', [n.later]);
});
afterAll(() => api.close());

const CANDIDATES = `query($asOf: Date, $horizon: Int, $first: Int, $after: String) { county(code: "500231") {
  highValueCandidates(asOf: $asOf, horizonDays: $horizon, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { reason expectedOn shortfall patent { applicationNumber } } } } } }`;
const rows = (connection: any) =>
  connection.edges.map((e: any) => [e.node.patent.applicationNumber, e.node.reason, e.node.expectedOn, e.node.shortfall]);

describe('highValueCandidates', () => {
  it('lists the 10-year marks within the horizon (the last day included) and the pledges below the threshold, with the shortfall', async () => {
    const { highValueCandidates } = (await api.ok(CANDIDATES, { asOf: AS_OF, horizon: 365 })).county;
    expect(rows(highValueCandidates)).toEqual([
      [n.pledged, 'HIGH_PLEDGE_FINANCING', null, '250000.00'],
      [n.tenA, 'MAINTAINED_OVER_10_YEARS', '2024-09-02', null],
      [n.edge, 'MAINTAINED_OVER_10_YEARS', '2025-06-30', null],
    ]);
    expect(highValueCandidates.totalCount).toBe(3);
  });

  it('moves with asOf and the horizon', async () => {
    const next = rows((await api.ok(CANDIDATES, { asOf: '2024-07-01', horizon: 365 })).county.highValueCandidates);
    // a pledge registered on 2024-07-01 is known from that day; one more 10-year mark comes within the horizon
    expect(next).toEqual([
      [n.pledged, 'HIGH_PLEDGE_FINANCING', null, '250000.00'],
      [n.later, 'HIGH_PLEDGE_FINANCING', null, '500000.00'],
      [n.tenA, 'MAINTAINED_OVER_10_YEARS', '2024-09-02', null],
      [n.edge, 'MAINTAINED_OVER_10_YEARS', '2025-06-30', null],
      [n.beyond, 'MAINTAINED_OVER_10_YEARS', '2025-07-01', null],
    ]);
    const none = rows((await api.ok(CANDIDATES, { asOf: AS_OF, horizon: 0 })).county.highValueCandidates);
    expect(none).toEqual([[n.pledged, 'HIGH_PLEDGE_FINANCING', null, '250000.00']]);
  });

  it("lists an enterprise's own candidates, and pages with cursors", async () => {
    const own = `query($code: String!) { enterprise(creditCode: $code) { highValueCandidates(asOf: "${AS_OF}") {
      edges { node { reason patent { applicationNumber } } } } } }`;
    const a = (await api.ok(own, { code: creditCode(1) })).enterprise.highValueCandidates.edges.map(
      (e: any) => e.node.patent.applicationNumber,
    );
    expect(a).toEqual([n.tenA, n.edge]);
    const first = (await api.ok(CANDIDATES, { asOf: AS_OF, first: 2 })).county.highValueCandidates;
    const second = (await api.ok(CANDIDATES, { asOf: AS_OF, first: 2, after: first.pageInfo.endCursor })).county.highValueCandidates;
    expect([...rows(first), ...rows(second)]).toEqual(rows((await api.ok(CANDIDATES, { asOf: AS_OF })).county.highValueCandidates));
  });

  it('refuses a horizon outside 0 to 3660 days', async () => {
    await expectRefused(api, CANDIDATES, { asOf: AS_OF, horizon: 4000 }, 'horizonDays');
  });

  it('costs as many statements for 100 enterprises as for 2', async () => {
    const query = `query($first: Int) { county(code: "500231") { highValueCandidates(asOf: "${AS_OF}", first: $first) { edges { node { patent { title owners { name } } } } }
      enterprises(first: $first) { edges { node { highValueCandidates(asOf: "${AS_OF}", first: 10) { totalCount edges { node { reason patent { title } } } } } } } } }`;
    expect(await api.countStatements(query, { first: 100 })).toBe(await api.countStatements(query, { first: 1 }));
  });
});

describe('Enterprise.pathToTarget', () => {
  const PATH = `query($code: String!, $horizon: Int) { enterprise(creditCode: $code) { pathToTarget(asOf: "${AS_OF}", horizonDays: $horizon) {
    category target current gap met closesOn closable candidates { reason expectedOn shortfall patent { applicationNumber } } } } }`;

  it('names the candidates that close a gap of one, and the day the first 10-year mark does', async () => {
    expect((await api.ok(PATH, { code: creditCode(1), horizon: 365 })).enterprise.pathToTarget).toEqual([
      {
        category: 'SPECIALIZED_NEW',
        target: 2,
        current: 1,
        gap: 1,
        met: false,
        closesOn: '2024-09-02',
        closable: true,
        candidates: [
          { reason: 'MAINTAINED_OVER_10_YEARS', expectedOn: '2024-09-02', shortfall: null, patent: { applicationNumber: n.tenA } },
          { reason: 'MAINTAINED_OVER_10_YEARS', expectedOn: '2025-06-30', shortfall: null, patent: { applicationNumber: n.edge } },
        ],
      },
    ]);
  });

  it('has no date when only a larger pledge closes the gap, and one when the horizon reaches a 10-year mark', async () => {
    const [year] = (await api.ok(PATH, { code: creditCode(2), horizon: 365 })).enterprise.pathToTarget;
    expect(year).toMatchObject({ category: 'HIGH_TECH', gap: 1, closesOn: null, closable: true });
    expect(year.candidates.map((c: any) => [c.reason, c.shortfall])).toEqual([['HIGH_PLEDGE_FINANCING', '250000.00']]);
    const [longer] = (await api.ok(PATH, { code: creditCode(2), horizon: 366 })).enterprise.pathToTarget;
    expect(longer).toMatchObject({ closesOn: '2025-07-01', closable: true });
  });
});

describe('County.gapOutlook', () => {
  const OUTLOOK = `query($asOf: Date, $horizon: Int) { county(code: "500231") { gapOutlook(asOf: $asOf, horizonDays: $horizon) {
    category target enterpriseCount metFromKnownDates metIfCandidatesRealised moreIfCandidatesRealised } } }`;

  it('counts who meets on the horizon from known dates (an annuity past grace lost), and how many more with every candidate', async () => {
    expect((await api.ok(OUTLOOK, { asOf: AS_OF, horizon: 365 })).county.gapOutlook).toEqual([
      {
        category: 'SPECIALIZED_NEW',
        target: 2,
        enterpriseCount: 1,
        metFromKnownDates: 1,
        metIfCandidatesRealised: 1,
        moreIfCandidatesRealised: 0,
      },
      {
        category: 'HIGH_TECH',
        target: 1,
        enterpriseCount: 1,
        metFromKnownDates: 0,
        metIfCandidatesRealised: 1,
        moreIfCandidatesRealised: 1,
      },
    ]);
    // on asOf itself: 甲 has 1 of 2, 乙 none of 1; 乙's pledge would close its gap
    expect((await api.ok(OUTLOOK, { asOf: AS_OF, horizon: 0 })).county.gapOutlook).toEqual([
      {
        category: 'SPECIALIZED_NEW',
        target: 2,
        enterpriseCount: 1,
        metFromKnownDates: 0,
        metIfCandidatesRealised: 0,
        moreIfCandidatesRealised: 0,
      },
      {
        category: 'HIGH_TECH',
        target: 1,
        enterpriseCount: 1,
        metFromKnownDates: 0,
        metIfCandidatesRealised: 1,
        moreIfCandidatesRealised: 1,
      },
    ]);
  });

  it('costs one statement for every enterprise of a page', async () => {
    const query = `query($first: Int) { county(code: "500231") { gapOutlook(asOf: "${AS_OF}") { category }
      enterprises(first: $first) { edges { node { pathToTarget(asOf: "${AS_OF}") { gap candidates { patent { title } } } } } } } }`;
    expect(await api.countStatements(query, { first: 100 })).toBe(await api.countStatements(query, { first: 1 }));
  });
});
