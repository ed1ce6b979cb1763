import { INDICATOR_KINDS } from '../src/indicator/indicator-kind';
import { seedDemo } from '../src/seed/seed';
import { createTestApi, TestApi } from './support/test-api';

/** The indicators of the real Dianjiang plan over the demo data (real plan and statistics, synthetic enterprises). */

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await seedDemo(api.dataSource);
});
afterAll(() => api.close());

describe('the demo data', () => {
  it('gives Dianjiang a value or a missing reason for each of its sixteen targets', async () => {
    const data = await api.ok(`{ county(code: "500231") { indicators(asOf: "2024-12-31") {
      kind target actual progress met denominator statisticsYear missingReason } } }`);
    const values = data.county.indicators;
    expect(values.map((value: { kind: string }) => value.kind)).toEqual(INDICATOR_KINDS);
    const byKind = Object.fromEntries(values.map((value: { kind: string }) => [value.kind, value]));
    expect(byKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS).toMatchObject({ denominator: 64.99, statisticsYear: 2021, missingReason: null });
    expect(byKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP).toMatchObject({ denominator: 502.6, statisticsYear: 2021 });
    expect(byKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD).toMatchObject({ actual: null, met: null });
    expect(byKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD.missingReason).toContain('研发经费投入');
    expect(byKind.RD_INVESTMENT_GROWTH.missingReason).toContain('2021');
    expect(byKind.SEI_OUTPUT_VALUE.missingReason).toContain('战略性新兴产业总产值');
    expect(byKind.INNOVATION_PLATFORMS.actual).toBeGreaterThan(0);
    expect(byKind.KNOWLEDGE_VALUE_LOANS.actual).toBeGreaterThan(0);
    expect(byKind.PLEDGE_FINANCING_AMOUNT.actual).toBeGreaterThan(0);
    for (const value of values) {
      if (value.actual === null) expect(value.missingReason).toBeTruthy();
      else expect(value.met).toBe(value.actual >= value.target);
    }
  });

  it('labels the platforms and loans as synthetic', async () => {
    const rows = await api.sql(`SELECT (SELECT count(*) FROM innovation_platform WHERE name NOT LIKE '%合成示例%')::int AS platforms,
                                       (SELECT count(*) FROM knowledge_value_loan WHERE lender NOT LIKE '%示例%')::int AS loans`);
    expect(rows[0]).toEqual({ platforms: 0, loans: 0 });
  });

  it('finds the GDP-density target of the real plan inconsistent with its total target', async () => {
    const data = await api.ok(`{ county(code: "500231") { plan(year: 2024) { consistency {
      ratioKind impliedTotal totalTarget consistent bindingKind explanation } } } }`);
    const checks = data.county.plan.consistency;
    expect(checks.map((check: { ratioKind: string }) => check.ratioKind)).toEqual([
      'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS',
      'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD',
      'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
      'SEI_INVENTION_PATENT_SHARE',
    ]);
    expect(checks[0]).toMatchObject({ totalTarget: 80, consistent: true });
    expect(checks[0].impliedTotal).toBeCloseTo(77.988, 9);
    expect(checks[2]).toMatchObject({ totalTarget: 80, consistent: false, bindingKind: 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP' });
    expect(checks[2].impliedTotal).toBeCloseTo(251.3, 9);
    expect(checks[2].explanation).toContain('251.3');
  });

  it('ranks Dianjiang among the counties of Chongqing', async () => {
    const data = await api.ok(`{ indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS, asOf: "2024-12-31") {
      rank county { code name } value { progress } } }`);
    // the synthetic 500298 (issue 15) is the second county of the demo's city
    expect(data.indicatorComparison).toHaveLength(2);
    expect(data.indicatorComparison[0]).toMatchObject({ rank: 1, county: { code: '500231', name: '垫江县' } });
    expect(data.indicatorComparison[1]).toMatchObject({ rank: 2, county: { code: '500298' } });
  });

  it('has a yearly series for the plan period', async () => {
    const data = await api.ok(
      `{ county(code: "500231") { indicatorSeries(kinds: [HIGH_VALUE_PATENTS, NEW_HIGH_VALUE_PATENTS]) { kind values { asOf actual } } } }`,
    );
    const series = data.county.indicatorSeries;
    expect(series.map((s: { kind: string }) => s.kind)).toEqual(['HIGH_VALUE_PATENTS', 'NEW_HIGH_VALUE_PATENTS']);
    expect(series[0].values.map((v: { asOf: string }) => v.asOf)).toEqual(['2022-12-31', '2023-12-31', '2024-12-31']);
    // the new ones are the count minus the count at the end of 2021
    const [count, added] = series;
    const deltas = count.values.map((v: { actual: number }, i: number) => v.actual - added.values[i].actual);
    expect(new Set(deltas).size).toBe(1);
  });
});
