/**
 * Bounds on what an input may hold: lists of at most 100 items, names and titles of printable text on one line, and no
 * day in the future where none can be (a grant, a lapse, an overseas grant, a registration, a payment, an award year) —
 * through the API and through the import alike, each refused with BAD_USER_INPUT naming the field, writing nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { todayInChina } from '../src/graphql/dates';
import { importFile } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { applicationNumber, creditCode, givenCounty, givenEnterprise, givenPatent, givenPledge } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
let owner: string;
let patent: string;

/** The day after today in China, and next year: what no grant, lapse or registration can be yet. */
const today = todayInChina();
const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const nextYear = Number(today.slice(0, 4)) + 1;

beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500231', '垫江县');
  owner = await givenEnterprise(api, { serial: 1, name: '甲公司' });
  patent = await givenPatent(api, { owners: [owner], filingDate: '2020-01-01', grantDate: '2021-06-01' });
  await givenPledge(api, owner, '1000000.00', '2022-01-01', [patent]);
});
afterAll(() => api.close());

const UPSERT_PATENT = `mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`;
const UPSERT_ENTERPRISE = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`;
const RECORD_PLEDGE = `mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) { id } }`;

const patentInput = (fields: Record<string, unknown> = {}) => ({
  applicationNumber: applicationNumber('INVENTION', 2020),
  title: '一种示例方法',
  type: 'INVENTION',
  countyCode: '500231',
  filingDate: '2020-01-01',
  grantDate: '2021-06-01',
  ...fields,
});

/** Refused with BAD_USER_INPUT naming `field`, with a reason matching `reason`. */
async function refused(query: string, variables: Record<string, unknown>, field: string, reason: RegExp) {
  const result = await api.execute(query, variables);
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  const problems: { field: string; reason: string }[] = result.errors![0].extensions!.problems ?? [result.errors![0].extensions];
  expect(problems.map((p) => ({ field: p.field, reason: p.reason }))).toContainEqual({ field, reason: expect.stringMatching(reason) });
}

const counts = () =>
  api.sql(`SELECT (SELECT count(*) FROM patent)::int AS patents, (SELECT count(*) FROM enterprise)::int AS enterprises,
                  (SELECT count(*) FROM pledge_financing)::int AS pledges`);

describe('lists', () => {
  const many = (n: number, item: (i: number) => unknown) => Array.from({ length: n }, (_, i) => item(i));

  it('take at most 100 items: owners, IPC codes, overseas grants, awards, memberships, pledged patents', async () => {
    const before = await counts();
    const atMost = /at most 100 items, got 101/;
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ ownerCreditCodes: many(101, (i) => creditCode(100 + i)) }) },
      'input.ownerCreditCodes',
      atMost,
    );
    await refused(UPSERT_PATENT, { input: patentInput({ ipcCodes: many(101, (i) => `H01M ${i + 1}/052`) }) }, 'input.ipcCodes', atMost);
    const jurisdictions = many(101, (i) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ overseasGrants: jurisdictions.map((jurisdiction) => ({ jurisdiction, grantDate: '2022-01-01' })) }) },
      'input.overseasGrants',
      atMost,
    );
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ awards: many(101, (i) => ({ kind: 'CHINA_PATENT_GOLD', year: 1950 + i })) }) },
      'input.awards',
      atMost,
    );
    await refused(
      UPSERT_ENTERPRISE,
      {
        input: {
          creditCode: creditCode(2),
          countyCode: '500231',
          name: '乙公司',
          memberships: many(101, (i) => ({ category: 'HIGH_TECH', validFrom: `${1950 + i}-01-01` })),
        },
      },
      'input.memberships',
      atMost,
    );
    await refused(
      RECORD_PLEDGE,
      {
        input: {
          enterpriseCreditCode: owner,
          lender: '银行',
          amount: '1.00',
          registeredOn: '2022-01-01',
          patentApplicationNumbers: many(101, () => applicationNumber('INVENTION', 2019)),
        },
      },
      'input.patentApplicationNumbers',
      atMost,
    );
    expect(await counts()).toEqual(before);
  });

  it('of 100 items are taken', async () => {
    const ipcCodes = Array.from({ length: 100 }, (_, i) => `H01M ${i + 1}/052`);
    await api.ok(UPSERT_PATENT, { input: patentInput({ ipcCodes }) });
  });
});

describe('names and titles', () => {
  // U+202E RIGHT-TO-LEFT OVERRIDE: "甲公司\u202E司公乙" reads otherwise than it is stored; U+2066 an isolate; line feed, tab, C1 NEL
  const BAD = [
    ['U+202E', '\u202E'],
    ['U+2066', '\u2066'],
    ['U+000A', '\n'],
    ['U+0009', '\t'],
    ['U+0085', '\u0085'],
  ];

  it.each(BAD)('refuse %s in enterprise names, patent titles, lenders, county names and plan titles', async (code, char) => {
    const reason = new RegExp(`control characters or bidirectional overrides, found ${code.replace('+', '\\+')} at position 4`);
    const name = `示例企${char}业`;
    await refused(
      UPSERT_ENTERPRISE,
      { input: { creditCode: creditCode(3), countyCode: '500231', name, memberships: [] } },
      'input.name',
      reason,
    );
    await refused(UPSERT_PATENT, { input: patentInput({ title: name }) }, 'input.title', reason);
    await refused(
      RECORD_PLEDGE,
      {
        input: {
          enterpriseCreditCode: owner,
          lender: name,
          amount: '1.00',
          registeredOn: '2022-01-01',
          patentApplicationNumbers: [patent],
        },
      },
      'input.lender',
      reason,
    );
    await refused(
      `mutation($input: CountyInput!) { upsertCounty(input: $input) { code } }`,
      { input: { code: '500232', name } },
      'input.name',
      reason,
    );
    await refused(
      `mutation($input: PlanInput!) { upsertPlan(input: $input) { id } }`,
      {
        input: { countyCode: '500231', title: name, startYear: 2025, endYear: 2027, highPledgeThreshold: '1.00', breakthroughTargets: [] },
      },
      'input.title',
      reason,
    );
  });

  it('take Chinese, full-width punctuation, spaces and other printable text', async () => {
    await api.ok(UPSERT_ENTERPRISE, {
      input: { creditCode: creditCode(4), countyCode: '500231', name: '重庆·垫江（示例）有限公司 A&B "新材料"', memberships: [] },
    });
  });
});

describe('days that cannot lie ahead', () => {
  it('refuse a grant, lapse or overseas grant after today, and an award after this year', async () => {
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ grantDate: tomorrow }) },
      'input.grantDate',
      new RegExp(`after today \\(${today}\\)`),
    );
    await refused(UPSERT_PATENT, { input: patentInput({ lapseDate: tomorrow }) }, 'input.lapseDate', /must not be after today/);
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ overseasGrants: [{ jurisdiction: 'US', grantDate: tomorrow }] }) },
      'input.overseasGrants[0].grantDate',
      /must not be after today/,
    );
    await refused(
      UPSERT_PATENT,
      { input: patentInput({ awards: [{ kind: 'CHINA_PATENT_GOLD', year: nextYear }] }) },
      'input.awards[0].year',
      /must not be after the current year/,
    );
    // today itself is fine, and a filing date ahead is a matter of asOf (PENDING), not refused here
    await api.ok(UPSERT_PATENT, { input: patentInput({ grantDate: today, awards: [{ kind: 'CHINA_PATENT_GOLD', year: nextYear - 1 }] }) });
  });

  it('refuse a pledge registered, interest paid or a loan granted after today', async () => {
    const before = await counts();
    await refused(
      RECORD_PLEDGE,
      {
        input: { enterpriseCreditCode: owner, lender: '银行', amount: '1.00', registeredOn: tomorrow, patentApplicationNumbers: [patent] },
      },
      'input.registeredOn',
      /must not be after today/,
    );
    const [{ id }] = await api.sql(`SELECT id::text FROM pledge_financing LIMIT 1`);
    await refused(
      `mutation($input: PledgeInterestPaymentInput!) { recordPledgeInterestPayment(input: $input) { id } }`,
      { input: { financingId: id, paidOn: tomorrow, amount: '1.00' } },
      'input.paidOn',
      /must not be after today/,
    );
    await refused(
      `mutation($input: KnowledgeValueLoanInput!) { recordKnowledgeValueLoan(input: $input) { id } }`,
      { input: { enterpriseCreditCode: owner, lender: '银行', amount: '1.00', grantedOn: tomorrow } },
      'input.grantedOn',
      /must not be after today/,
    );
    expect(await counts()).toEqual(before);
  });
});

describe('the import', () => {
  const IMPORT_PATENTS = `mutation($rows: [PatentImportRow!]!) { importPatents(countyCode: "500231", rows: $rows) {
    applied rows { status problems { field reason } } } }`;

  it('refuses the same rows through GraphQL: a future grant, a future registration, a control character, too many owners', async () => {
    const before = await counts();
    const { importPatents } = await api.ok(IMPORT_PATENTS, {
      rows: [
        {
          applicationNumber: applicationNumber('INVENTION', 2020),
          title: '一种方法',
          filingDate: '2020-01-01',
          grantDate: tomorrow,
          owners: [owner],
        },
        { applicationNumber: applicationNumber('INVENTION', 2020), title: '一种\u202E方法', filingDate: '2020-01-01', owners: [owner] },
        {
          applicationNumber: applicationNumber('INVENTION', 2020),
          title: '一种方法',
          filingDate: '2020-01-01',
          owners: [owner],
          ownerCreditCodes: Array.from({ length: 101 }, () => owner),
        },
      ],
    });
    expect(importPatents.applied).toBe(false);
    expect(importPatents.rows.map((r: any) => [r.status, r.problems.map((p: any) => p.field)])).toEqual([
      ['REFUSED', ['grantDate']],
      ['REFUSED', ['title']],
      ['REFUSED', expect.arrayContaining(['owners'])],
    ]);
    expect(importPatents.rows[0].problems[0].reason).toMatch(/must not be after today/);
    const { importPledgeFinancings } = await api.ok(
      `mutation($rows: [PledgeFinancingImportRow!]!) { importPledgeFinancings(countyCode: "500231", rows: $rows) {
        rows { status problems { field reason } } } }`,
      { rows: [{ enterpriseCreditCode: owner, lender: '银行', amount: '500万元', registeredOn: tomorrow, patents: [patent] }] },
    );
    expect(importPledgeFinancings.rows).toEqual([
      { status: 'REFUSED', problems: [{ field: 'registeredOn', reason: expect.stringMatching(/must not be after today/) }] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses them in a file too, against the day the import runs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-limits-'));
    try {
      const file = path.join(dir, 'patents.csv');
      writeFileSync(
        file,
        `申请号,发明名称,申请日,授权公告日,专利权人\n${applicationNumber('INVENTION', 2020)},一种方法,2020-01-01,${tomorrow},${owner}\n`,
      );
      const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'] }));
      const results: RowResult[] = [];
      try {
        await importFile(db, file, { countyCode: '500231', kind: 'patents' }, { row: (row) => results.push(row) });
      } finally {
        await db.finish(false);
      }
      expect(results.map((r) => [r.status, r.problems.map((p) => [p.field, p.column])])).toEqual([
        ['REFUSED', [['grantDate', '授权公告日']]],
      ]);
      // the day the import is run for, when given, is the day it checks against
      const later = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'] }));
      const accepted: RowResult[] = [];
      try {
        await importFile(
          later,
          file,
          { countyCode: '500231', kind: 'patents', dryRun: true, today: tomorrow },
          { row: (row) => accepted.push(row) },
        );
      } finally {
        await later.finish(false);
      }
      expect(accepted.map((r) => r.status)).toEqual(['CREATED']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
