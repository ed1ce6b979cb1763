import { givenChongqingAndDianjiang, givenCounty, givenPatent } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
});
afterAll(() => api.close());

const SET = `mutation($number: String!, $paidThrough: Int, $expectedVersion: Int) {
  setAnnuityPaidThrough(applicationNumber: $number, paidThrough: $paidThrough, expectedVersion: $expectedVersion) { version annuityPaidThrough } }`;
const ANNUITY = `query($number: String!, $asOf: Date) { patent(applicationNumber: $number) {
  annuityPaidThrough annuity(asOf: $asOf) { patentYear dueDate graceEnds status surchargePercent fee } } }`;

const annuityOn = async (number: string, asOf: string) => (await api.ok(ANNUITY, { number, asOf })).patent.annuity;

describe('Patent.annuity', () => {
  let leap: string;
  beforeAll(async () => {
    // filed on 29 February: its anniversaries fall on 28 February, and on 29 February in leap years
    leap = await givenPatent(api, { filingDate: '2016-02-29', grantDate: '2018-05-10' });
    await api.ok(SET, { number: leap, paidThrough: 8 });
  });

  it('names the first unpaid year, due on the anniversary that starts it, and its fee', async () => {
    // year 9 starts on 2016-02-29 + 8 years = 2024-02-29; grace ends 6 months later
    expect(await annuityOn(leap, '2024-02-28')).toEqual({
      patentYear: 9,
      dueDate: '2024-02-29',
      graceEnds: '2024-08-29',
      status: 'PAID',
      surchargePercent: 0,
      fee: 2000,
    });
    expect((await annuityOn(leap, '2024-02-29')).status).toBe('DUE');
  });

  it('puts the anniversary of 29 February on 28 February in a common year', async () => {
    await api.ok(SET, { number: leap, paidThrough: 9 });
    expect(await annuityOn(leap, '2025-02-27')).toMatchObject({ patentYear: 10, dueDate: '2025-02-28', status: 'PAID', fee: 4000 });
    expect(await annuityOn(leap, '2025-02-28')).toMatchObject({ status: 'DUE', surchargePercent: 0 });
    // + 6 months of 2025-02-28 is 2025-08-28
    expect((await annuityOn(leap, '2025-02-28')).graceEnds).toBe('2025-08-28');
  });

  it('charges nothing in the first month, 5% from one full month late, 25% in the sixth, until the grace ends on the day', async () => {
    const surcharge = async (asOf: string) => {
      const annuity = await annuityOn(leap, asOf);
      return [annuity.status, annuity.surchargePercent];
    };
    expect(await surcharge('2025-03-27')).toEqual(['DUE', 0]);
    expect(await surcharge('2025-03-28')).toEqual(['IN_GRACE', 5]);
    expect(await surcharge('2025-04-27')).toEqual(['IN_GRACE', 5]);
    expect(await surcharge('2025-04-28')).toEqual(['IN_GRACE', 10]);
    expect(await surcharge('2025-07-27')).toEqual(['IN_GRACE', 20]);
    expect(await surcharge('2025-07-28')).toEqual(['IN_GRACE', 25]);
    expect(await surcharge('2025-08-28')).toEqual(['IN_GRACE', 25]);
    expect(await surcharge('2025-08-29')).toEqual(['PAST_GRACE', null]);
  });

  it('leaves the status to the recorded lapse: past grace, the patent stays VALID until the lapse is recorded, which reaches back to the due date', async () => {
    const status = `query($number: String!) { patent(applicationNumber: $number) { before: status(asOf: "2025-02-27") due: status(asOf: "2025-02-28")
      later: status(asOf: "2025-09-01") annuity(asOf: "2025-09-01") { status } } }`;
    expect((await api.ok(status, { number: leap })).patent).toEqual({
      before: 'VALID',
      due: 'VALID',
      later: 'VALID',
      annuity: { status: 'PAST_GRACE' },
    });
    await api.ok(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
      input: {
        applicationNumber: leap,
        title: '专利',
        type: 'INVENTION',
        countyCode: '500231',
        filingDate: '2016-02-29',
        grantDate: '2018-05-10',
        lapseDate: '2025-02-28',
      },
    });
    expect((await api.ok(status, { number: leap })).patent).toEqual({ before: 'VALID', due: 'LAPSED', later: 'LAPSED', annuity: null });
  });

  it('answers UNKNOWN with the year containing asOf when nothing is recorded, and null for a patent not in force', async () => {
    const unknown = await givenPatent(api, { filingDate: '2015-06-10', grantDate: '2017-01-05' });
    expect(await annuityOn(unknown, '2024-06-09')).toEqual({
      patentYear: 9,
      dueDate: '2023-06-10',
      graceEnds: '2023-12-10',
      status: 'UNKNOWN',
      surchargePercent: null,
      fee: 2000,
    });
    expect((await annuityOn(unknown, '2024-06-10')).patentYear).toBe(10);
    const pending = await givenPatent(api, { filingDate: '2023-06-10', grantDate: null });
    expect(await annuityOn(pending, '2024-06-10')).toBeNull();
  });

  it('has no annuity left once the last year of the term is paid, and the utility model schedule for utility models', async () => {
    const paidUp = await givenPatent(api, { filingDate: '2006-03-01', grantDate: '2008-01-01' });
    await api.ok(SET, { number: paidUp, paidThrough: 20 });
    expect(await annuityOn(paidUp, '2025-06-01')).toEqual({
      patentYear: null,
      dueDate: null,
      graceEnds: null,
      status: 'PAID',
      surchargePercent: 0,
      fee: null,
    });
    const model = await givenPatent(api, { type: 'UTILITY_MODEL', filingDate: '2019-04-01', grantDate: '2019-12-01' });
    await api.ok(SET, { number: model, paidThrough: 6 });
    expect(await annuityOn(model, '2025-01-01')).toMatchObject({ patentYear: 7, dueDate: '2025-04-01', status: 'PAID', fee: 1200 });
  });

  it('dates the grant year annuity on the grant day when that is after the anniversary', async () => {
    const late = await givenPatent(api, { filingDate: '2020-03-01', grantDate: '2022-07-15' });
    await api.ok(SET, { number: late, paidThrough: 2 });
    // year 3 runs from 2022-03-01; its annuity is paid on registration, i.e. due on the grant date
    expect(await annuityOn(late, '2022-07-15')).toMatchObject({ patentYear: 3, dueDate: '2022-07-15', status: 'DUE', fee: 900 });
  });
});

describe('recording annuityPaidThrough', () => {
  it('is set by upsertPatent when given, kept when not, cleared by null', async () => {
    const number = await givenPatent(api, { filingDate: '2018-01-01' });
    const upsert = `mutation($input: PatentInput!) { upsertPatent(input: $input) { annuityPaidThrough version } }`;
    const input = {
      applicationNumber: number,
      title: '专利',
      type: 'INVENTION',
      countyCode: '500231',
      filingDate: '2018-01-01',
      grantDate: '2021-01-01',
    };
    const set = (await api.ok(upsert, { input: { ...input, annuityPaidThrough: 7 } })).upsertPatent;
    expect(set.annuityPaidThrough).toBe(7);
    const kept = (await api.ok(upsert, { input })).upsertPatent;
    expect(kept).toEqual(set);
    expect((await api.ok(upsert, { input: { ...input, annuityPaidThrough: null } })).upsertPatent).toEqual({
      annuityPaidThrough: null,
      version: set.version + 1,
    });
    await expectRefused(api, upsert, { input: { ...input, annuityPaidThrough: 21 } }, 'annuityPaidThrough', /1 to 20/);
  });

  it('refuses a year outside the term, an unknown patent, and a caller of another county, writing nothing', async () => {
    const model = await givenPatent(api, { type: 'UTILITY_MODEL', filingDate: '2019-04-01', grantDate: '2019-12-01' });
    await expectRefused(api, SET, { number: model, paidThrough: 11 }, 'paidThrough', /1 to 10/);
    await expectRefused(api, SET, { number: '201811564288.X', paidThrough: 3 }, 'applicationNumber', /no patent/);
    const other = api.as({ role: 'EDITOR', counties: ['500232'] });
    const hidden = await other.execute(SET, { number: model, paidThrough: 3 });
    expect(hidden.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const viewer = api.as({ role: 'VIEWER', counties: ['500231'] });
    expect((await viewer.execute(SET, { number: model, paidThrough: 3 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.ok(ANNUITY, { number: model, asOf: '2025-01-01' })).patent.annuityPaidThrough).toBeNull();
  });

  it('refuses an outdated expectedVersion with CONFLICT', async () => {
    const number = await givenPatent(api, { filingDate: '2018-01-01' });
    const { version } = (await api.ok(SET, { number, paidThrough: 5 })).setAnnuityPaidThrough;
    const stale = await api.execute(SET, { number, paidThrough: 6, expectedVersion: version - 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await api.ok(SET, { number, paidThrough: 6, expectedVersion: version })).setAnnuityPaidThrough).toEqual({
      version: version + 1,
      annuityPaidThrough: 6,
    });
  });
});

describe('importing 年费 columns', () => {
  const IMPORT = `mutation($rows: [PatentImportRow!]!) { importPatents(countyCode: "500231", rows: $rows, partial: true) {
    applied rows { status problems { field reason } } } }`;
  const row = (number: string, extra: Record<string, unknown>) => ({
    applicationNumber: number,
    title: '导入专利',
    filingDate: '2017-05-02',
    grantDate: '2019-03-01',
    ...extra,
  });

  it('reads 8, 第8年 and 第8年度, keeps the stored year when the column is absent, and refuses a year outside the term', async () => {
    const a = await givenPatent(api, { filingDate: '2017-05-02', grantDate: '2019-03-01' });
    const b = await givenPatent(api, { filingDate: '2017-05-02', grantDate: '2019-03-01' });
    const c = await givenPatent(api, { filingDate: '2017-05-02', grantDate: '2019-03-01' });
    const report = (
      await api.ok(IMPORT, {
        rows: [row(a, { annuityPaidThrough: '8' }), row(b, { annuityPaidThrough: '第7年' }), row(c, { annuityPaidThrough: '第30年度' })],
      })
    ).importPatents;
    expect(report.rows.map((r: any) => r.status)).toEqual(['UPDATED', 'UPDATED', 'REFUSED']);
    expect(report.rows[2].problems[0]).toMatchObject({ field: 'annuityPaidThrough' });
    const paid = async (number: string) => (await api.ok(ANNUITY, { number, asOf: '2025-01-01' })).patent.annuityPaidThrough;
    expect([await paid(a), await paid(b), await paid(c)]).toEqual([8, 7, null]);
    await api.ok(IMPORT, { rows: [row(a, { title: '改名' })] });
    expect(await paid(a)).toBe(8);
  });
});

describe('statements per request', () => {
  it('reads the annuities of a page of patents in as many statements for 1 as for 100', async () => {
    for (let i = 0; i < 12; i++) await givenPatent(api, { filingDate: `2012-0${(i % 9) + 1}-15`, grantDate: '2014-01-01' });
    const query = `query($first: Int) { county(code: "500231") { patents(first: $first) { edges { node {
      annuityPaidThrough annuity(asOf: "2024-12-31") { status dueDate } } } } } }`;
    expect(await api.countStatements(query, { first: 100 })).toBe(await api.countStatements(query, { first: 1 }));
  });
});
