import { seedDemo } from '../src/seed/seed';
import { givenCounty, givenEnterprise, givenPatent } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

/**
 * 知识产权质押融资贴息: interest paid on pledge financings, and the subsidy the plan in force pays on it per enterprise
 * and calendar year (垫江: 50%).
 */

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500000', '重庆市');
});
afterAll(() => api.close());

const UPSERT_PLAN = `mutation($input: PlanInput!) { upsertPlan(input: $input) { startYear pledgeInterestSubsidyRate } }`;
const RECORD_PLEDGE = `mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) { id } }`;
const RECORD_INTEREST = `mutation($input: PledgeInterestPaymentInput!) {
  recordPledgeInterestPayment(input: $input) { id paidOn amount financing { id registeredOn } } }`;

let serial = 1;

async function givenPlanWithRate(countyCode: string, startYear: number, rate?: number | null) {
  const input: Record<string, unknown> = {
    countyCode,
    title: `Plan ${startYear}`,
    startYear,
    endYear: startYear + 2,
    highPledgeThreshold: '1000000.00',
    breakthroughTargets: [],
  };
  if (rate !== undefined) input.pledgeInterestSubsidyRate = rate;
  return (await api.ok(UPSERT_PLAN, { input })).upsertPlan;
}

/** An enterprise of the county with one pledge financing registered on `registeredOn`; answers the financing id. */
async function givenFinancing(
  countyCode: string,
  registeredOn: string,
  name?: string,
): Promise<{ creditCode: string; financingId: string }> {
  const creditCode = await givenEnterprise(api, { serial: serial++, countyCode, name });
  const patent = await givenPatent(api, { countyCode, owners: [creditCode] });
  const { recordPledgeFinancing } = await api.ok(RECORD_PLEDGE, {
    input: { enterpriseCreditCode: creditCode, lender: '示例银行', amount: '5000000.00', registeredOn, patentApplicationNumbers: [patent] },
  });
  return { creditCode, financingId: recordPledgeFinancing.id };
}

/** Another financing of the same enterprise. */
async function givenAnotherFinancing(countyCode: string, creditCode: string, registeredOn: string): Promise<string> {
  const patent = await givenPatent(api, { countyCode, owners: [creditCode] });
  const { recordPledgeFinancing } = await api.ok(RECORD_PLEDGE, {
    input: { enterpriseCreditCode: creditCode, lender: '示例银行', amount: '3000000.00', registeredOn, patentApplicationNumbers: [patent] },
  });
  return recordPledgeFinancing.id;
}

async function pay(financingId: string, paidOn: string, amount: string) {
  return (await api.ok(RECORD_INTEREST, { input: { financingId, paidOn, amount } })).recordPledgeInterestPayment;
}

async function subsidiesOf(creditCode: string, year?: number) {
  const { enterprise } = await api.ok(
    `query($c: String!, $y: Int) { enterprise(creditCode: $c) { interestSubsidies(year: $y) { year interestPaid rate subsidyDue } } }`,
    { c: creditCode, y: year ?? null },
  );
  return enterprise.interestSubsidies;
}

async function countySubsidies(code: string, year: number) {
  const { county } = await api.ok(
    `query($code: ID!, $y: Int!) { county(code: $code) { interestSubsidies(year: $y) {
      enterprise { name creditCode } year interestPaid rate subsidyDue } } }`,
    { code, y: year },
  );
  return county.interestSubsidies;
}

const paymentCount = async () => (await api.sql(`SELECT count(*)::int AS n FROM pledge_interest_payment`))[0].n;

describe("the plan's subsidy rate", () => {
  beforeAll(() => givenCounty(api, '500101', '甲县', '500000'));

  it('is set, kept when not given, and cleared by null', async () => {
    expect(await givenPlanWithRate('500101', 2022)).toEqual({ startYear: 2022, pledgeInterestSubsidyRate: null });
    expect(await givenPlanWithRate('500101', 2022, 0.5)).toEqual({ startYear: 2022, pledgeInterestSubsidyRate: 0.5 });
    expect(await givenPlanWithRate('500101', 2022)).toEqual({ startYear: 2022, pledgeInterestSubsidyRate: 0.5 });
    expect(await givenPlanWithRate('500101', 2022, 0.3333)).toEqual({ startYear: 2022, pledgeInterestSubsidyRate: 0.3333 });
    expect(await givenPlanWithRate('500101', 2022, null)).toEqual({ startYear: 2022, pledgeInterestSubsidyRate: null });
    const { county } = await api.ok(`{ county(code: "500101") { plan(year: 2023) { pledgeInterestSubsidyRate } } }`);
    expect(county.plan).toEqual({ pledgeInterestSubsidyRate: null });
  });

  it.each([
    ['above 1', 1.5, /from 0 to 1/],
    ['negative', -0.1, /from 0 to 1/],
    ['with more than 4 decimals', 0.12345, /at most 4 decimals/],
  ])('is refused %s', async (_, rate, reason) => {
    const input = {
      countyCode: '500101',
      title: 'x',
      startYear: 2030,
      endYear: 2031,
      highPledgeThreshold: '1.00',
      breakthroughTargets: [],
      pledgeInterestSubsidyRate: rate,
    };
    await expectRefused(api, UPSERT_PLAN, { input }, 'input.pledgeInterestSubsidyRate', reason);
    expect(await api.sql(`SELECT 1 FROM plan WHERE start_year = 2030`)).toEqual([]);
  });
});

describe('recordPledgeInterestPayment', () => {
  let financingId: string;
  beforeAll(async () => {
    await givenCounty(api, '500102', '乙县', '500000');
    ({ financingId } = await givenFinancing('500102', '2022-03-15'));
  });

  it('records payments, from the registration day on, and lists them on the financing oldest first', async () => {
    expect(await pay(financingId, '2022-06-20', '17104.17')).toMatchObject({
      paidOn: '2022-06-20',
      amount: '17104.17',
      financing: { id: financingId, registeredOn: '2022-03-15' },
    });
    await pay(financingId, '2022-03-15', '150.00');
    await pay(` ${financingId} `, '2022-09-20', '18500');
    const { county } = await api.ok(`{ county(code: "500102") { enterprises { edges { node {
      pledgeFinancings { interestPayments { paidOn amount } } } } } } }`);
    expect(county.enterprises.edges[0].node.pledgeFinancings[0].interestPayments).toEqual([
      { paidOn: '2022-03-15', amount: '150.00' },
      { paidOn: '2022-06-20', amount: '17104.17' },
      { paidOn: '2022-09-20', amount: '18500.00' },
    ]);
  });

  it.each([
    [
      'an unknown financing',
      () => ({ financingId: '999999', paidOn: '2022-06-20', amount: '10.00' }),
      'input.financingId',
      /no pledge financing with id 999999/,
    ],
    [
      'a financing id that is no number',
      () => ({ financingId: 'abc', paidOn: '2022-06-20', amount: '10.00' }),
      'input.financingId',
      /no pledge financing with id abc/,
    ],
    [
      'a financing id past int',
      () => ({ financingId: '99999999999', paidOn: '2022-06-20', amount: '10.00' }),
      'input.financingId',
      /no pledge financing/,
    ],
    ['a zero amount', () => ({ financingId, paidOn: '2022-06-20', amount: '0.00' }), 'input.amount', /positive/],
    ['a negative amount', () => ({ financingId, paidOn: '2022-06-20', amount: '-5.00' }), 'input.amount', /positive/],
    [
      'a payment before the registration day',
      () => ({ financingId, paidOn: '2022-03-14', amount: '10.00' }),
      'input.paidOn',
      /registration day 2022-03-15/,
    ],
  ])('refuses %s and writes nothing', async (_, input, field, reason) => {
    const before = await paymentCount();
    await expectRefused(api, RECORD_INTEREST, { input: input() }, field, reason);
    expect(await paymentCount()).toBe(before);
  });

  it('writes nothing of a request when one of its mutations is refused: data is null (issue 17, item 7)', async () => {
    const before = await paymentCount();
    const result = await api.execute(
      `mutation($ok: PledgeInterestPaymentInput!, $bad: PledgeInterestPaymentInput!) {
        a: recordPledgeInterestPayment(input: $ok) { amount } b: recordPledgeInterestPayment(input: $bad) { amount } }`,
      { ok: { financingId, paidOn: '2022-12-20', amount: '1.00' }, bad: { financingId, paidOn: '2021-12-20', amount: '1.00' } },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeNull();
    expect(await paymentCount()).toBe(before);
  });
});

describe('the subsidy of an enterprise', () => {
  let enterprise: { creditCode: string; financingId: string };
  beforeAll(async () => {
    await givenCounty(api, '500103', '丙县', '500000');
    await givenPlanWithRate('500103', 2022, 0.5);
    await givenPlanWithRate('500103', 2024, 0.3);
    enterprise = await givenFinancing('500103', '2021-05-10');
    const second = await givenAnotherFinancing('500103', enterprise.creditCode, '2022-01-04');
    await pay(enterprise.financingId, '2021-12-20', '1000.00'); // before any plan: no subsidy
    await pay(enterprise.financingId, '2022-03-20', '1200.50');
    await pay(second, '2022-03-20', '800.25');
    await pay(second, '2022-12-20', '99.24');
    await pay(enterprise.financingId, '2023-06-20', '4000.00');
    await pay(enterprise.financingId, '2024-05-10', '333.33');
  });

  it("sums the year's interest over all its financings and applies the rate of the plan in force that year", async () => {
    expect(await subsidiesOf(enterprise.creditCode)).toEqual([
      { year: 2022, interestPaid: '2099.99', rate: 0.5, subsidyDue: '1050.00' },
      { year: 2023, interestPaid: '4000.00', rate: 0.5, subsidyDue: '2000.00' },
      { year: 2024, interestPaid: '333.33', rate: 0.3, subsidyDue: '100.00' },
    ]);
    expect(await subsidiesOf(enterprise.creditCode, 2023)).toEqual([
      { year: 2023, interestPaid: '4000.00', rate: 0.5, subsidyDue: '2000.00' },
    ]);
  });

  it('has no row for a year without a plan in force, nor for a year without interest', async () => {
    expect(await subsidiesOf(enterprise.creditCode, 2021)).toEqual([]);
    expect(await subsidiesOf(enterprise.creditCode, 2025)).toEqual([]);
    expect(await countySubsidies('500103', 2021)).toEqual([]);
  });

  it('has no row under a plan that sets no rate, nor in a county without a plan', async () => {
    await givenCounty(api, '500104', '丁县', '500000');
    await givenPlanWithRate('500104', 2022);
    const withoutRate = await givenFinancing('500104', '2022-01-01');
    await pay(withoutRate.financingId, '2022-06-20', '500.00');
    await givenCounty(api, '500105', '戊县', '500000');
    const withoutPlan = await givenFinancing('500105', '2022-01-01');
    await pay(withoutPlan.financingId, '2022-06-20', '500.00');
    expect(await subsidiesOf(withoutRate.creditCode)).toEqual([]);
    expect(await subsidiesOf(withoutPlan.creditCode)).toEqual([]);
    expect(await countySubsidies('500104', 2022)).toEqual([]);
    expect(await countySubsidies('500105', 2022)).toEqual([]);
  });
});

describe('the subsidies of a county', () => {
  beforeAll(async () => {
    await givenCounty(api, '500106', '己县', '500000');
    await givenPlanWithRate('500106', 2022, 0.5);
  });

  it('lists one row per enterprise that paid interest in the year, highest subsidy first, then by name in byte order', async () => {
    const small = await givenFinancing('500106', '2022-01-01', '垫江小企业');
    const alpha = await givenFinancing('500106', '2022-01-01', 'alpha 企业');
    const zeta = await givenFinancing('500106', '2022-01-01', 'Zeta 企业');
    const big = await givenFinancing('500106', '2022-01-01', '垫江大企业');
    await givenFinancing('500106', '2022-01-01', '未付息企业');
    await pay(small.financingId, '2022-06-20', '100.00');
    await pay(alpha.financingId, '2022-06-20', '300.00');
    await pay(zeta.financingId, '2022-03-20', '200.00');
    await pay(zeta.financingId, '2022-09-20', '100.00');
    await pay(big.financingId, '2022-06-20', '9000.00');
    await pay(big.financingId, '2023-06-20', '1.00');
    const rows = await countySubsidies('500106', 2022);
    expect(rows.map((row: { enterprise: { name: string }; subsidyDue: string }) => [row.enterprise.name, row.subsidyDue])).toEqual([
      ['垫江大企业', '4500.00'],
      ['Zeta 企业', '150.00'], // 'Z' (0x5A) sorts before 'a' (0x61) in byte order
      ['alpha 企业', '150.00'],
      ['垫江小企业', '50.00'],
    ]);
    expect(rows[0]).toMatchObject({ enterprise: { creditCode: big.creditCode }, year: 2022, interestPaid: '9000.00', rate: 0.5 });
    expect(await countySubsidies('500106', 2023)).toEqual([
      { enterprise: { name: '垫江大企业', creditCode: big.creditCode }, year: 2023, interestPaid: '1.00', rate: 0.5, subsidyDue: '0.50' },
    ]);
  });

  it('answers an empty list for a county without enterprises', async () => {
    expect(await countySubsidies('500000', 2022)).toEqual([]);
  });
});

describe('rounding', () => {
  beforeAll(async () => {
    await givenCounty(api, '500107', '庚县', '500000');
    await givenPlanWithRate('500107', 2022, 0.5);
    await givenCounty(api, '500108', '辛县', '500000');
    await givenPlanWithRate('500108', 2022, 0.3333);
  });

  it("rounds once, on the year's total, to the fen", async () => {
    const { creditCode, financingId } = await givenFinancing('500107', '2022-01-01');
    await pay(financingId, '2022-03-20', '0.01');
    await pay(financingId, '2022-06-20', '0.01');
    // per payment, 0.005 + 0.005 would round to 0.01 + 0.01; on the total, 0.02 × 0.5 = 0.01
    expect(await subsidiesOf(creditCode, 2022)).toEqual([{ year: 2022, interestPaid: '0.02', rate: 0.5, subsidyDue: '0.01' }]);
  });

  it('rounds half away from zero', async () => {
    const { creditCode, financingId } = await givenFinancing('500107', '2022-01-01');
    await pay(financingId, '2022-03-20', '0.05');
    await pay(financingId, '2023-03-20', '0.07');
    // 0.025 → 0.03 and 0.035 → 0.04 (half-to-even would give 0.02 and 0.04)
    expect((await subsidiesOf(creditCode)).map((row: { subsidyDue: string }) => row.subsidyDue)).toEqual(['0.03', '0.04']);
  });

  it("is exact decimal arithmetic, also beyond a double's precision", async () => {
    const large = await givenFinancing('500107', '2022-01-01');
    await pay(large.financingId, '2022-06-20', '9007199254740.99');
    await pay(large.financingId, '2022-09-20', '0.02');
    expect(await subsidiesOf(large.creditCode, 2022)).toEqual([
      { year: 2022, interestPaid: '9007199254741.01', rate: 0.5, subsidyDue: '4503599627370.51' },
    ]);
    const third = await givenFinancing('500108', '2022-01-01');
    await pay(third.financingId, '2022-06-20', '100.00');
    await pay(third.financingId, '2022-07-20', '0.15');
    // 100.15 × 0.3333 = 33.379995 → 33.38
    expect(await subsidiesOf(third.creditCode, 2022)).toEqual([{ year: 2022, interestPaid: '100.15', rate: 0.3333, subsidyDue: '33.38' }]);
  });
});

describe('statement counts', () => {
  const QUERY = `{ county(code: "500109") {
    interestSubsidies(year: 2022) { enterprise { name } subsidyDue }
    enterprises { edges { node {
      interestSubsidies { year subsidyDue } y2022: interestSubsidies(year: 2022) { subsidyDue }
      pledgeFinancings { interestPayments { paidOn amount financing { id } } }
    } } }
  } }`;

  async function givenPayingEnterprise(index: number) {
    const { financingId } = await givenFinancing('500109', '2021-06-01', `付息企业${index}`);
    await pay(financingId, '2021-12-20', '100.00');
    await pay(financingId, '2022-06-20', `${100 + index}.00`);
  }

  it('are the same for 1 and for 5 enterprises', async () => {
    await givenCounty(api, '500109', '壬县', '500000');
    await givenPlanWithRate('500109', 2021, 0.5);
    await givenPayingEnterprise(0);
    const one = await api.ok(QUERY);
    expect(one.county.interestSubsidies).toHaveLength(1);
    const count1 = await api.countStatements(QUERY);

    for (let i = 1; i < 5; i++) await givenPayingEnterprise(i);
    const five = await api.ok(QUERY);
    expect(five.county.interestSubsidies).toHaveLength(5);
    expect(
      five.county.enterprises.edges.map((edge: { node: { interestSubsidies: unknown[] } }) => edge.node.interestSubsidies.length),
    ).toEqual([2, 2, 2, 2, 2]);
    const count5 = await api.countStatements(QUERY);

    expect(count5).toBe(count1);
    // county, county subsidies, their enterprises, the enterprise page, subsidies (all years, 2022), financings,
    // payments, plus the transaction's own statements
    expect(count1).toBeLessThanOrEqual(11);
  });
});

describe('the demo data', () => {
  beforeAll(() => seedDemo(api.dataSource));

  it("gives Dianjiang's plan the 50% rate of its 支持措施(三) and subsidies on synthetic payments only", async () => {
    const { county } = await api.ok(`{ county(code: "500231") { plan(year: 2023) { pledgeInterestSubsidyRate }
      interestSubsidies(year: 2023) { enterprise { name } interestPaid rate subsidyDue } } }`);
    expect(county.plan).toEqual({ pledgeInterestSubsidyRate: 0.5 });
    expect(county.interestSubsidies.length).toBeGreaterThan(0);
    for (const row of county.interestSubsidies) {
      expect(row.enterprise.name).toContain('合成示例');
      expect(row.rate).toBe(0.5);
    }
    const [check] = await api.sql(`SELECT count(*)::int AS payments,
        count(*) FILTER (WHERE f.lender NOT LIKE '%示例%')::int AS real_lenders,
        count(*) FILTER (WHERE ip.paid_on < f.registered_on)::int AS before_registration
      FROM pledge_interest_payment ip JOIN pledge_financing f ON f.id = ip.pledge_financing_id
      JOIN enterprise e ON e.id = f.enterprise_id WHERE e.county_code = '500231'`);
    expect(check.payments).toBeGreaterThan(0);
    expect(check).toMatchObject({ real_lenders: 0, before_registration: 0 });
  });
});
