/**
 * Who may pledge what (知识产权质押): only a patentee pledges a patent, only a granted patent in force on the
 * registration day can be pledged, and a pledge of a patent attributed to another county — which raises that county's
 * high-value count — is written only by a caller whose counties cover it. The same rules through the API and the import.
 */
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { sql } from '../src/db/sql';
import { givenCounty, givenEnterprise, givenPatent, givenPlan } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
let pledgor: string;
let partner: string;
let own: string;
let shared: string;
let partners: string;
let late: string;
let pending: string;
let lapsed: string;
let expired: string;

beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500231', '垫江县');
  await givenPlan(api, { countyCode: '500231', targets: { HIGH_TECH: 1 } });
  pledgor = await givenEnterprise(api, { serial: 1, name: '出质企业' });
  partner = await givenEnterprise(api, { serial: 2, name: '合作企业' });
  own = await givenPatent(api, { owners: [pledgor], filingDate: '2020-01-01', grantDate: '2021-06-01' });
  shared = await givenPatent(api, { owners: [partner, pledgor], filingDate: '2020-01-01', grantDate: '2021-06-01' });
  partners = await givenPatent(api, { owners: [partner], filingDate: '2020-01-01', grantDate: '2021-06-01' });
  late = await givenPatent(api, { owners: [pledgor], filingDate: '2020-01-01', grantDate: '2023-06-01' });
  pending = await givenPatent(api, { owners: [pledgor], filingDate: '2022-01-01', grantDate: null });
  lapsed = await givenPatent(api, { owners: [pledgor], filingDate: '2018-01-01', grantDate: '2019-06-01', lapseDate: '2023-01-01' });
  expired = await givenPatent(api, { owners: [pledgor], filingDate: '2003-03-01', grantDate: '2006-06-01' });
});
afterAll(() => api.close());

const RECORD = `mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: PledgeFinancingInput!) { updatePledgeFinancing(id: $id, input: $input) { id amount } }`;
const pledge = (patents: string[], registeredOn = '2024-03-01', enterprise = pledgor) => ({
  input: { enterpriseCreditCode: enterprise, lender: '示例银行', amount: '2000000.00', registeredOn, patentApplicationNumbers: patents },
});
const financings = async () => (await api.sql(`SELECT count(*)::int AS n FROM pledge_financing`))[0].n;

async function refused(query: string, variables: Record<string, unknown>, code: string, field: string, reason: RegExp) {
  const before = await financings();
  const result = await api.execute(query, variables);
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(result.errors![0].message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
  expect(result.errors![0].message).toMatch(reason);
  expect(await financings()).toBe(before);
}

describe('recordPledgeFinancing', () => {
  it('takes patents the pledgor owns, alone or jointly, valid on the registration day', async () => {
    await api.ok(RECORD, pledge([own, shared]));
    const { patent } = await api.ok(`{ patent(applicationNumber: "${shared}") { highValueReasons(asOf: "2024-03-01") } }`);
    expect(patent.highValueReasons).toEqual(['HIGH_PLEDGE_FINANCING']);
  });

  it('refuses a patent the pledgor does not own, naming it', async () => {
    await refused(
      RECORD,
      pledge([own, partners]),
      'BAD_USER_INPUT',
      'input.patentApplicationNumbers[1]',
      new RegExp(`patent ${partners} is not owned by the pledging enterprise ${pledgor}`),
    );
  });

  it.each([
    ['a pending application', () => pending, '2024-03-01', 'PENDING'],
    ['a patent before its grant', () => late, '2023-05-31', 'PENDING'],
    ['a lapsed patent', () => lapsed, '2024-03-01', 'LAPSED'],
    ['a patent whose term has ended', () => expired, '2024-03-01', 'EXPIRED'],
  ])('refuses %s, naming it and its status on the registration day', async (_what, number, day, status) => {
    await refused(
      RECORD,
      pledge([shared, number()], day),
      'BAD_USER_INPUT',
      'input.patentApplicationNumbers[1]',
      new RegExp(`patent ${number().replace('.', '\\.')} is ${status} on the registration day ${day}`),
    );
  });
});

describe('updatePledgeFinancing', () => {
  it('holds the same rules for the patents and the day it is changed to', async () => {
    const { recordPledgeFinancing } = await api.ok(RECORD, pledge([own], '2024-05-01'));
    const id = recordPledgeFinancing.id;
    await refused(UPDATE, { id, ...pledge([partners], '2024-05-01') }, 'BAD_USER_INPUT', 'input.patentApplicationNumbers[0]', /not owned/);
    await refused(UPDATE, { id, ...pledge([own], '2021-01-01') }, 'BAD_USER_INPUT', 'input.patentApplicationNumbers[0]', /is PENDING/);
    // the partner owns shared too: moving the registration to the partner keeps a patentee as pledgor
    expect((await api.ok(UPDATE, { id, ...pledge([shared], '2024-05-01', partner) })).updatePledgeFinancing.id).toBe(id);
  });
});

describe('the pledge import', () => {
  const IMPORT = `mutation($rows: [PledgeFinancingImportRow!]!) { importPledgeFinancings(countyCode: "500231", rows: $rows) {
    applied rows { status problems { field reason } } } }`;
  const row = (patents: string[], registeredOn = '2024-06-01') => ({
    enterpriseCreditCode: pledgor,
    lender: '示例农商行',
    amount: '300万元',
    registeredOn,
    patents,
  });

  it('refuses the row with the reason the API gives', async () => {
    const before = await financings();
    const { importPledgeFinancings } = await api.ok(IMPORT, {
      rows: [row([own, partners]), row([pending], '2024-06-02'), row([own], '2024-06-03')],
    });
    expect(importPledgeFinancings.applied).toBe(false);
    expect(importPledgeFinancings.rows).toEqual([
      {
        status: 'REFUSED',
        problems: [{ field: 'patents', reason: expect.stringMatching(`patent ${partners} is not owned by the pledging`) }],
      },
      {
        status: 'REFUSED',
        problems: [{ field: 'patents', reason: expect.stringMatching(/is PENDING on the registration day 2024-06-02/) }],
      },
      { status: 'CREATED', problems: [] },
    ]);
    expect(await financings()).toBe(before);
  });
});

describe('a pledge of a patent attributed to another county', () => {
  let foreign: string;
  const dianjiangEditor = () => api.as({ role: Role.EDITOR, counties: ['500231'] });
  const city = () => api.as({ role: Role.ADMIN, counties: ['500000'] });

  beforeAll(async () => {
    await givenCounty(api, '500000', '重庆市');
    await api.ok(`mutation { upsertCounty(input: { code: "500231", name: "垫江县", parentCode: "500000" }) { code } }`);
    await givenCounty(api, '500233', '丰都县', '500000');
    const fengdu = await givenEnterprise(api, { serial: 3, countyCode: '500233', name: '丰都企业' });
    // a 丰都 patent co-owned by a 垫江 enterprise: the 垫江 EDITOR sees it, through its enterprise
    foreign = await givenPatent(api, {
      countyCode: '500233',
      owners: [fengdu, pledgor],
      filingDate: '2020-01-01',
      grantDate: '2021-06-01',
    });
    await givenPlan(api, { countyCode: '500233', targets: { HIGH_TECH: 1 } });
  });

  const fengduCount = async () =>
    (await api.ok(`{ county(code: "500233") { highValuePatentCount(asOf: "2024-12-31") } }`)).county.highValuePatentCount;

  it('is FORBIDDEN to an EDITOR of the pledgor county only, and changes nothing of the other county', async () => {
    const before = await fengduCount();
    const result = await dianjiangEditor().execute(RECORD, {
      input: { ...pledge([foreign]).input, amount: '9999999.00' },
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(result.errors![0].message).not.toMatch(/500233|丰都/);
    expect(await fengduCount()).toBe(before);
    // the database refuses the link too, whatever the application checked
    const db = new RequestDatabase(api.dataSource, {}, dianjiangEditor().principal);
    try {
      const [financing] = await db.query<{ id: number }>(
        sql`INSERT INTO pledge_financing (enterprise_id, lender, amount, registered_on)
            SELECT id, '示例银行', 9999999, '2024-03-01' FROM enterprise WHERE credit_code = ${pledgor} RETURNING id`,
      );
      await expect(
        db.query(
          sql`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id)
              SELECT ${financing.id}, id FROM patent WHERE application_number = ${foreign}`,
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.finish(false);
    }
  });

  it('is written by a caller whose counties cover both, and then not changed, deleted or restored by the county alone', async () => {
    const { recordPledgeFinancing } = await city().ok(RECORD, pledge([foreign, own], '2024-07-01'));
    const id = recordPledgeFinancing.id;
    const editor = dianjiangEditor();
    const update = await editor.execute(UPDATE, { id, ...pledge([own], '2024-07-01') });
    expect(update.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const remove = await editor.execute(`mutation($id: ID!) { deletePledgeFinancing(id: $id) { id } }`, { id });
    expect(remove.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await api.sql(`SELECT amount, deleted_at FROM pledge_financing WHERE id = $1`, [id])).toEqual([
      { amount: '2000000.00', deleted_at: null },
    ]);
    await city().ok(`mutation($id: ID!) { deletePledgeFinancing(id: $id) { id } }`, { id });
    const restore = await api
      .as({ role: Role.ADMIN, counties: ['500231'] })
      .execute(`mutation($id: ID!) { restorePledgeFinancing(id: $id) { id } }`, { id });
    expect(restore.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('is refused as a row in the import of the pledgor county', async () => {
    const { importPledgeFinancings } = await dianjiangEditor().ok(
      `mutation($rows: [PledgeFinancingImportRow!]!) { importPledgeFinancings(countyCode: "500231", rows: $rows) {
        rows { status problems { field reason } } } }`,
      { rows: [{ enterpriseCreditCode: pledgor, lender: '示例银行', amount: '999万元', registeredOn: '2024-08-01', patents: [foreign] }] },
    );
    expect(importPledgeFinancings.rows).toEqual([
      { status: 'REFUSED', problems: [{ field: 'patents', reason: expect.stringMatching(/outside the caller's counties/) }] },
    ]);
  });
});
