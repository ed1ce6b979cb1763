/**
 * Who qualifies for Dianjiang's support measures in a year (issue 14, part 3), on small built data, at each rule's
 * boundary: an award of the year (not the year before), a PCT grant vs a PPH one, 2 vs 3 commercialised grants, a
 * transaction the day after the year ends; and the statements of a page, constant in its size.
 */
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { sql } from '../src/db/sql';
import { exportTable } from '../src/export/export-tables';
import { toCsv } from '../src/export/formats';
import { Context, NO_FIGURE_CACHE } from '../src/graphql/context';
import { Loaders } from '../src/graphql/loaders';
import { REAL_PLANS } from '../src/seed/real-plans';
import { applicationNumber, creditCode, givenChongqingAndDianjiang, givenEnterprise, givenPledge } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;

interface Spec {
  owners: string[];
  inventors: (string | { name: string; identifier: string })[];
  grantDate?: string;
  type?: 'INVENTION' | 'UTILITY_MODEL';
  awards?: { kind: string; year: number }[];
  overseasGrants?: { jurisdiction: string; grantDate: string; route: string }[];
  transactions?: { kind: string; occurredOn: string; counterparty?: string }[];
}

async function patent(spec: Spec): Promise<string> {
  const type = spec.type ?? 'INVENTION';
  const number = applicationNumber(type, 2018);
  await api.ok(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
    input: {
      applicationNumber: number,
      title: `专利 ${number}`,
      type,
      countyCode: '500231',
      filingDate: '2018-03-01',
      grantDate: spec.grantDate === undefined ? '2020-06-01' : spec.grantDate,
      ownerCreditCodes: spec.owners,
      inventors: spec.inventors.map((i) => (typeof i === 'string' ? { name: i } : i)),
      awards: spec.awards ?? [],
      overseasGrants: spec.overseasGrants ?? [],
      transactions: spec.transactions ?? [],
    },
  });
  return number;
}

const sold = (occurredOn: string) => [{ kind: 'ASSIGNMENT', occurredOn, counterparty: '受让示例公司' }];
const E1 = creditCode(1);
const E2 = creditCode(2);
let gold: string, pct: string, pph: string;

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await api.ok(`mutation($input: PlanInput!) { upsertPlan(input: $input) { id } }`, { input: REAL_PLANS[0] });
  await givenEnterprise(api, { serial: 1, name: '甲企业' });
  await givenEnterprise(api, { serial: 2, name: '乙企业' });
  // (五) and 正高级: a gold award of 2024 (E1 and E2 jointly), a silver one of 2023, a national S&T award of 2024
  gold = await patent({ owners: [E1, E2], inventors: ['金发明', '合作者'], awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2024 }] });
  await patent({ owners: [E1], inventors: ['银发明'], awards: [{ kind: 'CHINA_PATENT_SILVER', year: 2023 }] });
  await patent({ owners: [E2], inventors: ['科技奖'], awards: [{ kind: 'NATIONAL_SCIENCE_TECHNOLOGY', year: 2024 }] });
  // (七): a PCT grant of 2024 (E1), a PPH grant of 2024 (E2), a Paris grant of 2025 (E2)
  pct = await patent({
    owners: [E1],
    inventors: ['海外'],
    overseasGrants: [{ jurisdiction: 'US', grantDate: '2024-05-07', route: 'PCT' }],
  });
  pph = await patent({
    owners: [E2],
    inventors: ['海外'],
    overseasGrants: [{ jurisdiction: 'JP', grantDate: '2024-06-01', route: 'PPH' }],
  });
  await patent({ owners: [E2], inventors: ['巴黎'], overseasGrants: [{ jurisdiction: 'EP', grantDate: '2025-01-02', route: 'PARIS' }] });
  // 副高级: 三项 on three commercialised inventions; 两项 on two (the third a utility model); 跨年 on three, the third
  // commercialised on 2025-01-01; 海外 (two foreign grants above) commercialised through a pledge in 2024
  for (const day of ['2021-01-01', '2023-05-05', '2024-12-31'])
    await patent({ owners: [E1], inventors: ['三项'], transactions: sold(day) });
  for (const day of ['2021-01-01', '2023-05-05']) await patent({ owners: [E1], inventors: ['两项'], transactions: sold(day) });
  await patent({ owners: [E1], inventors: ['两项'], type: 'UTILITY_MODEL', transactions: sold('2022-01-01') });
  for (const day of ['2021-01-01', '2023-05-05', '2025-01-01'])
    await patent({ owners: [E1], inventors: ['跨年'], transactions: sold(day) });
  // 待授权: two foreign grants of an invention not granted in China, licensed in 2024
  await patent({
    owners: [E1],
    inventors: ['待授权'],
    grantDate: null as unknown as string,
    overseasGrants: [
      { jurisdiction: 'US', grantDate: '2023-02-01', route: 'PCT' },
      { jurisdiction: 'EP', grantDate: '2023-03-01', route: 'PCT' },
    ],
    transactions: [{ kind: 'LICENSE', occurredOn: '2024-06-01', counterparty: '被许可示例公司' }],
  });
  await givenPledge(api, E1, '500000.00', '2024-03-01', [pct]);
  await givenPledge(api, E2, '500000.00', '2024-03-01', [pph]);
  // (三): interest paid in 2024 on E1's pledge
  const [{ id }] = await api.sql(
    `SELECT f.id FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE e.credit_code = $1`,
    [E1],
  );
  await api.ok(`mutation($input: PledgeInterestPaymentInput!) { recordPledgeInterestPayment(input: $input) { id } }`, {
    input: { financingId: String(id), paidOn: '2024-09-20', amount: '12345.67' },
  });
});
afterAll(() => api.close());

const ELIGIBILITY = `query($year: Int!, $measure: String, $first: Int) { county(code: "500231") {
  supportEligibility(year: $year, measure: $measure, first: $first) { totalCount edges { node {
    measureNumber measureKind recipientKind recipientName recipientKey titleLevel maxAmount
    measure { number text } enterprise { creditCode }
    evidence { kind applicationNumber date awardKind awardYear jurisdiction route transactionKind counterparty amount rate patent { title } }
  } } } } }`;

async function eligible(year: number, measure?: string) {
  const data = await api.ok(ELIGIBILITY, { year, measure: measure ?? null, first: 100 });
  return data.county.supportEligibility.edges.map((e: { node: Record<string, unknown> }) => e.node);
}
const brief = (rows: Record<string, unknown>[]) =>
  rows.map((r) => `${r.measureNumber} ${r.recipientName}${r.titleLevel ? ` ${r.titleLevel}` : ''}${r.maxAmount ? ` ${r.maxAmount}` : ''}`);

describe('County.supportEligibility', () => {
  it('(五): the patentees of a China Patent Award of the year, each at most 30万元 per award; not an award of the year before', async () => {
    const rows = await eligible(2024, '(五)');
    expect(brief(rows)).toEqual(['(五) 乙企业 300000.00', '(五) 甲企业 300000.00']);
    expect(rows[1].evidence).toEqual([
      expect.objectContaining({ kind: 'AWARD', applicationNumber: gold, awardKind: 'CHINA_PATENT_GOLD', awardYear: 2024 }),
    ]);
    expect(rows[1].measure).toEqual({ number: '(五)', text: '对获得中国专利奖的专利权人，给予最高30万元奖励。' });
    expect(brief(await eligible(2023, '五'))).toEqual(['(五) 甲企业 300000.00']);
  });

  it('(七): a PCT (or Paris) grant of the year qualifies, a PPH grant does not, a grant of the next year not yet', async () => {
    const rows = await eligible(2024, '(七)');
    expect(brief(rows)).toEqual(['(七) 甲企业']);
    expect(rows[0].evidence).toEqual([
      expect.objectContaining({ kind: 'OVERSEAS_GRANT', applicationNumber: pct, jurisdiction: 'US', route: 'PCT', date: '2024-05-07' }),
    ]);
    expect(brief(await eligible(2025, '(七)'))).toEqual(['(七) 乙企业']);
  });

  it('(八) 正高级: an inventor of a gold (or excellence) award up to the year; not silver, not before the award', async () => {
    const senior = (rows: Record<string, unknown>[]) => brief(rows.filter((r) => r.titleLevel === 'SENIOR'));
    expect(senior(await eligible(2024, '(八)'))).toEqual(['(八) 合作者 SENIOR', '(八) 金发明 SENIOR']);
    expect(senior(await eligible(2025, '(八)'))).toEqual(['(八) 合作者 SENIOR', '(八) 金发明 SENIOR']);
    expect(senior(await eligible(2023, '(八)'))).toEqual([]);
  });

  it('(八) 副高级: 3 commercialised Chinese invention grants qualify, 2 do not; a transaction the day after the year ends counts the next year', async () => {
    const associate = (rows: Record<string, unknown>[]) => brief(rows.filter((r) => r.titleLevel === 'ASSOCIATE'));
    const rows2024 = await eligible(2024, '(八)');
    // 海外: two foreign grants (US PCT, JP PPH: any route) of patents pledged in 2024; 待授权: two foreign grants of an
    // invention not (yet) granted in China, licensed in 2024
    expect(associate(rows2024)).toEqual(['(八) 三项 ASSOCIATE', '(八) 待授权 ASSOCIATE', '(八) 海外 ASSOCIATE']);
    expect(associate(await eligible(2025, '(八)'))).toEqual([
      '(八) 三项 ASSOCIATE',
      '(八) 待授权 ASSOCIATE',
      '(八) 海外 ASSOCIATE',
      '(八) 跨年 ASSOCIATE',
    ]);
    expect(associate(await eligible(2023, '(八)'))).toEqual([]);
    const three = rows2024.find((r: Record<string, unknown>) => r.recipientName === '三项');
    expect(three.recipientKey).toBe('name:三项');
    expect((three.evidence as { kind: string; date: string }[]).map((e) => `${e.kind} ${e.date}`)).toEqual([
      'INVENTION_GRANT 2020-06-01',
      'COMMERCIALISATION 2021-01-01',
      'INVENTION_GRANT 2020-06-01',
      'COMMERCIALISATION 2023-05-05',
      'INVENTION_GRANT 2020-06-01',
      'COMMERCIALISATION 2024-12-31',
    ]);
  });

  it("(三): the pledge interest subsidy of the year, at the plan's 50%", async () => {
    const rows = await eligible(2024, '(三)');
    expect(brief(rows)).toEqual(['(三) 甲企业 6172.84']);
    expect(rows[0].evidence).toEqual([expect.objectContaining({ kind: 'INTEREST_PAID', amount: '12345.67', rate: 0.5 })]);
  });

  it("lists every computable measure in the plan's order, and none for a year without a plan in force", async () => {
    expect(brief(await eligible(2024)).map((row) => row.split(' ')[0])).toEqual([
      '(三)',
      '(五)',
      '(五)',
      '(七)',
      '(八)',
      '(八)',
      '(八)',
      '(八)',
      '(八)',
    ]);
    expect(await eligible(2021)).toEqual([]);
  });

  it('refuses a measure that is not a number', async () => {
    const result = await api.execute(ELIGIBILITY, { year: 2024, measure: '5', first: 10 });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'measure' });
  });

  it('pages in as many statements for 2 rows as for 9', async () => {
    const two = await api.countStatements(ELIGIBILITY, { year: 2024, measure: null, first: 2 });
    const all = await api.countStatements(ELIGIBILITY, { year: 2024, measure: null, first: 100 });
    expect(all).toBe(two);
  });
});

describe('Enterprise.supportEligibility', () => {
  it('shows an enterprise its own rows', async () => {
    const caller = api.as({ role: 'ENTERPRISE' as never, counties: ['500231'], creditCode: E1 });
    const data = await caller.ok(
      `query($code: String!) { enterprise(creditCode: $code) { supportEligibility(year: 2024) {
      measureNumber recipientName maxAmount evidence { kind applicationNumber } } } }`,
      { code: E1 },
    );
    expect(
      data.enterprise.supportEligibility.map((r: Record<string, unknown>) => `${r.measureNumber} ${r.recipientName} ${r.maxAmount}`),
    ).toEqual(['(三) 甲企业 6172.84', '(五) 甲企业 300000.00', '(七) 甲企业 null']);
  });
});

describe('recordSupportPayment and County.supportPayments', () => {
  const RECORD = `mutation($input: SupportPaymentInput!) { recordSupportPayment(input: $input) {
    id measureNumber year recipientKind recipientKey recipientName amount paidOn reference version enterprise { creditCode } measure { kind } } }`;
  const pay = (input: Record<string, unknown>) =>
    api.execute(RECORD, { input: { countyCode: '500231', year: 2024, paidOn: '2025-03-01', ...input } });
  const PAYMENTS = `query($first: Int) { county(code: "500231") { supportPayments(year: 2024, first: $first) { totalCount edges { node {
    measureNumber recipientName amount reference measure { number } enterprise { name } } } } } }`;
  const paymentCount = async () => (await api.sql(`SELECT count(*)::int AS n FROM support_payment`))[0].n;

  it('records a payment to a recipient that qualifies, and the eligibility row shows it paid', async () => {
    const result = await pay({ measure: '(五)', recipient: E1.toLowerCase(), amount: '200000', reference: 'DJ-2025-001' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordSupportPayment).toMatchObject({
      measureNumber: '(五)',
      recipientKind: 'ENTERPRISE',
      recipientKey: E1,
      recipientName: '甲企业',
      amount: '200000.00',
      version: 1,
      enterprise: { creditCode: E1 },
      measure: { kind: 'CHINA_PATENT_AWARD_REWARD' },
    });
    const rows = await api.ok(`{ county(code: "500231") { supportEligibility(year: 2024, measure: "(五)") { edges { node {
      recipientName paid paidAmount payments { reference amount } } } } } }`);
    expect(rows.county.supportEligibility.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { recipientName: '乙企业', paid: false, paidAmount: '0.00', payments: [] },
      { recipientName: '甲企业', paid: true, paidAmount: '200000.00', payments: [{ reference: 'DJ-2025-001', amount: '200000.00' }] },
    ]);
    const history = await api.sql(`SELECT action, record_type, record_id FROM history WHERE table_name = 'support_payment'`);
    expect(history).toEqual([{ action: 'CREATED', record_type: 'County', record_id: '500231' }]);
  });

  it('records the (三) subsidy as a payment too', async () => {
    expect((await pay({ measure: '(三)', recipient: E1, amount: '6172.84', reference: 'DJ-2025-002' })).errors).toBeUndefined();
  });

  it.each([
    [
      { measure: '(五)', recipient: E1, amount: '100000.01', reference: 'X1' },
      'input.amount',
      'would exceed the most (五) pays 甲企业 for 2024: 300000.00',
    ],
    [{ measure: '(七)', recipient: E2, amount: '1000', reference: 'X2' }, 'input.recipient', 'does not qualify for (七) in 2024'],
    [{ measure: '(二)', recipient: E1, amount: '1000', reference: 'X3' }, 'input.measure', 'GENERIC'],
    [{ measure: '(八)', recipient: 'name:三项', amount: '1000', reference: 'X4' }, 'input.measure', 'pays no money'],
    [{ measure: '(九)', recipient: E1, amount: '1000', reference: 'X5' }, 'input.measure', 'has no measure (九)'],
    [{ measure: '(五)', recipient: E2, amount: '1000', reference: 'DJ-2025-001' }, 'input.reference', 'already recorded'],
    [{ measure: '(五)', recipient: E2, amount: '1000', reference: 'X6', paidOn: '2023-12-31' }, 'input.paidOn', 'before the year'],
    [{ measure: '(五)', recipient: E2, amount: '0', reference: 'X7' }, 'input.amount', 'must be positive'],
  ])('refuses %j, writing nothing', async (input, field, reason) => {
    const before = await paymentCount();
    const result = await pay(input);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].message).toContain(reason);
    expect(await paymentCount()).toBe(before);
  });

  it('is for writers of the county', async () => {
    const viewer = api.as({ role: 'VIEWER' as never, counties: ['500231'] });
    const result = await viewer.execute(RECORD, {
      input: { countyCode: '500231', year: 2024, paidOn: '2025-03-01', measure: '(五)', recipient: E2, amount: '1', reference: 'V1' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the payments of the year, in as many statements for one row as for all', async () => {
    const data = await api.ok(PAYMENTS, { first: 10 });
    expect(data.county.supportPayments.totalCount).toBe(2);
    expect(
      data.county.supportPayments.edges.map((e: { node: Record<string, unknown> }) => `${e.node.measureNumber} ${e.node.amount}`),
    ).toEqual(['(五) 200000.00', '(三) 6172.84']);
    expect(await api.countStatements(PAYMENTS, { first: 1 })).toBe(await api.countStatements(PAYMENTS, { first: 100 }));
  });
});

describe('the export 支持措施兑现清单', () => {
  async function exported(measure: string | null) {
    const who = principal({ role: Role.VIEWER, counties: ['500231'] });
    const db = new RequestDatabase(api.dataSource, {}, who);
    const ctx: Context = { db, loaders: new Loaders(), today: '2026-01-01', principal: who, figures: NO_FIGURE_CACHE };
    try {
      return await exportTable(ctx, { countyCode: '500231', kind: 'support', year: 2024, measure });
    } finally {
      await db.finish(false);
    }
  }

  it('writes every row of the year with Chinese headers, the evidence and what was paid', async () => {
    const table = await exported('(五)');
    expect(table.title).toBe('垫江县支持措施兑现清单（2024年度，措施(五)）');
    expect(toCsv(table).toString('utf8').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF序号,措施,措施类型,兑现对象,统一社会信用代码/人员标识,职称级别,最高金额（元）,已兑现金额（元）,是否已兑现,依据',
      `1,(五),中国专利奖奖励,乙企业,${E2},,300000,0,否,${gold} 中国专利金奖（2024年）`,
      `2,(五),中国专利奖奖励,甲企业,${E1},,300000,200000,是,${gold} 中国专利金奖（2024年）`,
    ]);
    const all = await exported(null);
    expect(all.rows.map((row) => `${row[1]} ${row[3]} ${row[5] ?? ''}`.trim())).toEqual([
      '(三) 甲企业',
      '(五) 乙企业',
      '(五) 甲企业',
      '(七) 甲企业',
      '(八) 三项 副高级',
      '(八) 合作者 正高级',
      '(八) 待授权 副高级',
      '(八) 海外 副高级',
      '(八) 金发明 正高级',
    ]);
    expect(all.rows[3][9]).toBe(`${pct} 国外授权 US 2024-05-07 PCT途径`);
  });
});

describe('tenancy', () => {
  it('shows another county nothing of the support data, even to a statement that filters nothing', async () => {
    await api.ok(`mutation { upsertCounty(input: { code: "500232", name: "武隆区", parentCode: "500000" }) { code } }`);
    const other = principal({ role: Role.VIEWER, counties: ['500232'] });
    const db = new RequestDatabase(api.dataSource, {}, other);
    try {
      const [counts] = await db.query<Record<string, number>>(
        sql`SELECT (SELECT count(*)::int FROM support_payment) AS payments, (SELECT count(*)::int FROM patent_inventor) AS inventors,
                   (SELECT count(*)::int FROM patent_transaction) AS transactions`,
      );
      expect(counts).toEqual({ payments: 0, inventors: 0, transactions: 0 });
    } finally {
      await db.finish(false);
    }
    const viewer = api.as({ role: Role.VIEWER, counties: ['500232'] });
    const result = await viewer.execute(`{ county(code: "500231") { supportPayments(year: 2024) { totalCount } } }`);
    expect(result.data?.county ?? null).toBeNull();
    const write = await api
      .as({ role: Role.EDITOR, counties: ['500232'] })
      .execute(`mutation($input: SupportPaymentInput!) { recordSupportPayment(input: $input) { id } }`, {
        input: { countyCode: '500231', year: 2024, measure: '(五)', recipient: E2, amount: '1', paidOn: '2025-01-02', reference: 'T1' },
      });
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
