/**
 * Support measures as data of the plan (issue 14, part 2): Dianjiang's eight measures seeded from the plan's own text
 * (tests/fixtures/plan: the plan file of shared/plan), each with its kind and parameters; upsertPlan replaces them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIANJIANG_SUPPORT_MEASURES, REAL_PLANS } from '../src/seed/real-plans';
import { givenChongqingAndDianjiang } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

const PLAN_FILE = path.join(__dirname, 'fixtures', 'plan', 'dianjiang-2022-2024.txt');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the seeded measures', () => {
  const plan = readFileSync(PLAN_FILE, 'utf8');
  const section = squeeze(plan.slice(plan.indexOf('三、支持措施'), plan.indexOf('四、保障措施')));

  it("are the plan's measures, in its order, each with its text and responsible units as the plan states them", () => {
    const numbers = [...section.matchAll(/\(([一二三四五六七八九十]+)\)/g)].map((m) => `(${m[1]})`);
    expect(DIANJIANG_SUPPORT_MEASURES.map((m) => m.number)).toEqual(numbers);
    let rest = section;
    for (const measure of DIANJIANG_SUPPORT_MEASURES) {
      const stated = squeeze(`${measure.number}${measure.text}(责任单位：${measure.responsibleUnits})`);
      expect(rest).toContain(stated);
      rest = rest.slice(rest.indexOf(stated) + stated.length);
    }
  });

  it('take their parameters from the text: 30万元 in (五), 巴黎公约 and PCT in (七), 3 and 2 grants in (八), 50% in (三)', () => {
    const byNumber = Object.fromEntries(DIANJIANG_SUPPORT_MEASURES.map((m) => [m.number, m]));
    expect(byNumber['(五)'].text).toContain('最高30万元');
    expect(Number(byNumber['(五)'].maxAmount)).toBe(30 * 10000);
    expect(byNumber['(七)'].text).toMatch(/巴黎公约或PCT/);
    expect(byNumber['(七)'].routes).toEqual(['PARIS', 'PCT']);
    expect(byNumber['(八)'].text).toMatch(/获得3项中国发明专利授权或2项国外发明专利授权/);
    expect([byNumber['(八)'].minChineseGrants, byNumber['(八)'].minForeignGrants]).toEqual([3, 2]);
    expect(byNumber['(八)'].text).toMatch(/中国专利金奖或中国专利优秀奖/);
    expect(byNumber['(八)'].awardKinds).toEqual(['CHINA_PATENT_GOLD', 'CHINA_PATENT_EXCELLENCE']);
    expect(byNumber['(三)'].text).toContain('50%的贴息补助');
    expect(REAL_PLANS[0].pledgeInterestSubsidyRate).toBe(0.5);
  });
});

describe('Plan.supportMeasures', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await givenChongqingAndDianjiang(api);
  });
  afterAll(() => api.close());

  const UPSERT = `mutation($input: PlanInput!) { upsertPlan(input: $input) { version } }`;
  const MEASURES = `{ county(code: "500231") { plan(year: 2024) { version supportMeasures {
    number position text responsibleUnits kind maxAmount maxAmountsByAward { awardKind maxAmount } awardKinds routes
    minChineseGrants minForeignGrants rate } } } }`;
  const dianjiang = () => ({ ...REAL_PLANS[0] });

  it('reads back the eight measures of the seed with their parameters, and keeps the version when written again', async () => {
    await api.ok(UPSERT, { input: dianjiang() });
    const { plan } = (await api.ok(MEASURES)).county;
    expect(plan.supportMeasures.map((m: { number: string; kind: string }) => `${m.number} ${m.kind}`)).toEqual([
      '(一) GENERIC',
      '(二) GENERIC',
      '(三) PLEDGE_INTEREST_SUBSIDY',
      '(四) GENERIC',
      '(五) CHINA_PATENT_AWARD_REWARD',
      '(六) GENERIC',
      '(七) FOREIGN_GRANT_SUBSIDY',
      '(八) TITLE_ELIGIBILITY',
    ]);
    expect(plan.supportMeasures[2]).toMatchObject({ rate: 0.5, maxAmount: null });
    expect(plan.supportMeasures[4]).toMatchObject({
      maxAmount: '300000.00',
      maxAmountsByAward: [],
      awardKinds: ['CHINA_PATENT_GOLD', 'CHINA_PATENT_SILVER', 'CHINA_PATENT_EXCELLENCE'],
      rate: null,
    });
    expect(plan.supportMeasures[6]).toMatchObject({ routes: ['PARIS', 'PCT'] });
    expect(plan.supportMeasures[7]).toMatchObject({ minChineseGrants: 3, minForeignGrants: 2, responsibleUnits: '县人力社保局' });

    await api.ok(UPSERT, { input: dianjiang() });
    expect((await api.ok(MEASURES)).county.plan.version).toBe(plan.version);
  });

  it('takes amounts by award kind where a county differentiates them, and raises the version', async () => {
    const before = (await api.ok(MEASURES)).county.plan;
    const measures = DIANJIANG_SUPPORT_MEASURES.map((m) =>
      m.number === '(五)'
        ? {
            ...m,
            maxAmountsByAward: [
              { awardKind: 'CHINA_PATENT_GOLD', maxAmount: '300000' },
              { awardKind: 'CHINA_PATENT_EXCELLENCE', maxAmount: '100000' },
            ],
          }
        : m,
    );
    await api.ok(UPSERT, { input: { ...dianjiang(), supportMeasures: measures } });
    const after = (await api.ok(MEASURES)).county.plan;
    expect(after.version).toBe(before.version + 1);
    expect(after.supportMeasures[4].maxAmountsByAward).toEqual([
      { awardKind: 'CHINA_PATENT_EXCELLENCE', maxAmount: '100000.00' },
      { awardKind: 'CHINA_PATENT_GOLD', maxAmount: '300000.00' },
    ]);
    await api.ok(UPSERT, { input: dianjiang() });
  });

  it.each([
    [{ number: '(七)', text: '资助', kind: 'FOREIGN_GRANT_SUBSIDY' }, 'input.supportMeasures[0].kind', 'needs routes'],
    [{ number: '(二)', text: '资助', kind: 'GENERIC', maxAmount: '1000' }, 'input.supportMeasures[0].kind', 'GENERIC takes no maxAmount'],
    [{ number: '(5)', text: '奖励', kind: 'GENERIC' }, 'input.supportMeasures[0].number', 'Chinese ordinal'],
  ])('refuses %j, writing nothing', async (measure, field, reason) => {
    const before = (await api.ok(MEASURES)).county.plan;
    const result = await api.execute(UPSERT, { input: { ...dianjiang(), supportMeasures: [measure] } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].message).toContain(reason);
    expect((await api.ok(MEASURES)).county.plan).toEqual(before);
  });
});
