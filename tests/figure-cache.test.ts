/**
 * County-wide figures kept between requests (src/figures/): answered from memory while the county's data version
 * stands, asked anew after any write to what they read — by this server or another one over the same database.
 */
import { FigureCache } from '../src/figures/figure-cache';
import { applicationNumber, creditCode, givenCounty, givenEnterprise, givenPatent, givenPlan, givenPledge } from './support/builders';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
/** the same database, nothing kept: what every answer must equal */
let truth: TestApi;
const AS_OF = '2024-06-30';

beforeAll(async () => {
  api = await createTestApi({ figureCacheMb: 4 });
  truth = await api.another({ figureCacheMb: 0 });
  await givenCounty(api, '500000', '重庆市');
  await givenCounty(api, '500231', '垫江县', '500000');
  await givenCounty(api, '500232', '丰都县', '500000');
  await givenPlan(api, {
    countyCode: '500231',
    startYear: 2022,
    targets: { LISTED_CULTIVATION: 3, SPECIALIZED_NEW: 2, HIGH_TECH: 1 },
    highPledgeThreshold: '1000000.00',
    indicatorTargets: [
      { kind: 'HIGH_VALUE_PATENTS', target: 80 },
      { kind: 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', target: 1.2 },
      { kind: 'HIGH_TECH_ENTERPRISES', target: 60 },
    ],
  });
  await givenPlan(api, { countyCode: '500232', startYear: 2022, indicatorTargets: [{ kind: 'HIGH_VALUE_PATENTS', target: 50 }] });
  await givenEnterprise(api, { serial: 1, name: '甲公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] });
  await givenEnterprise(api, { serial: 2, name: '乙公司', memberships: [{ category: 'SPECIALIZED_NEW', validFrom: '2023-01-01' }] });
});
afterAll(async () => {
  await truth.close();
  await api.close();
});

const FIGURES = `query($asOf: Date) {
  county(code: "500231") {
    highValuePatentCount(asOf: $asOf)
    breakthroughSummary(asOf: $asOf) { category target enterpriseCount metCount totalGap }
    indicators(asOf: $asOf) { kind actual met }
  }
  targetGaps(countyCode: "500231", asOf: $asOf) { totalCount edges { node { enterprise { name } category current gap } } }
  indicatorComparison(parentCode: "500000", kind: HIGH_VALUE_PATENTS, asOf: $asOf) { rank county { code } value { actual } }
}`;

const A = creditCode(1);
const B = creditCode(2);

describe('the figure cache', () => {
  it('answers a repeated request from memory: the second reads only the data versions', async () => {
    const first = await api.countStatements(FIGURES, { asOf: AS_OF });
    const hits = api.figures.hits;
    const second = await api.countStatements(FIGURES, { asOf: AS_OF });
    expect(api.figures.hits - hits).toBe(5);
    // BEGIN with the scope, the county, two reads of versions (per county, and the compared counties), COMMIT
    expect(second).toBe(5);
    expect(first).toBeGreaterThan(second);
    expect(await api.ok(FIGURES, { asOf: AS_OF })).toEqual(await truth.ok(FIGURES, { asOf: AS_OF }));
  });

  it('never answers with a figure older than the last write, whatever the write', async () => {
    let patent = '';
    const writes: [string, () => Promise<unknown>][] = [
      ['a high-value patent of 甲', async () => (patent = await givenPatent(api, { strategicIndustry: 'NEW_MATERIALS', owners: [A] }))],
      ['乙 becomes a co-owner', () => givenPatent(api, { applicationNumber: patent, strategicIndustry: 'NEW_MATERIALS', owners: [A, B] })],
      [
        'the patent lapses',
        () => givenPatent(api, { applicationNumber: patent, strategicIndustry: 'NEW_MATERIALS', lapseDate: '2024-01-01', owners: [A, B] }),
      ],
      [
        'it lapses later instead',
        () => givenPatent(api, { applicationNumber: patent, strategicIndustry: 'NEW_MATERIALS', lapseDate: '2025-01-01', owners: [A, B] }),
      ],
      [
        'a pledge at the threshold of a plain invention',
        async () => givenPledge(api, A, '1000000.00', '2023-03-01', [await givenPatent(api, { owners: [A] })]),
      ],
      ['the threshold rises above it', () => givenPlan(api, { countyCode: '500231', startYear: 2022, highPledgeThreshold: '2000000.00' })],
      [
        '甲 is renamed',
        () => givenEnterprise(api, { serial: 1, name: '甲股份公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }] }),
      ],
      ['乙 loses its membership', () => givenEnterprise(api, { serial: 2, name: '乙公司' })],
      [
        'the population is reported',
        () => api.ok(`mutation { setCountyStatistics(input: { countyCode: "500231", year: 2024, population: 810000 }) { year } }`),
      ],
      ['the patent is deleted', () => api.ok(`mutation($n: String!) { deletePatent(applicationNumber: $n) { deletedAt } }`, { n: patent })],
      ['and restored', () => api.ok(`mutation($n: String!) { restorePatent(applicationNumber: $n) { id } }`, { n: patent })],
      [
        'a neighbour county gains a high-value patent',
        () => givenPatent(api, { countyCode: '500232', strategicIndustry: 'BIOTECHNOLOGY' }),
      ],
    ];
    let previous = await api.ok(FIGURES, { asOf: AS_OF });
    for (const [what, write] of writes) {
      await write();
      const seen = await api.ok(FIGURES, { asOf: AS_OF });
      expect({ after: what, seen }).toEqual({ after: what, seen: await truth.ok(FIGURES, { asOf: AS_OF }) });
      expect({ after: what, changed: JSON.stringify(seen) !== JSON.stringify(previous) }).toEqual({ after: what, changed: true });
      previous = seen;
    }
  });

  it('lets another server over the same database see a write this one made', async () => {
    const other = await api.another();
    try {
      const before = await other.ok(FIGURES, { asOf: AS_OF });
      await givenPatent(api, { strategicIndustry: 'NEW_ENERGY', owners: [B] });
      const after = await other.ok(FIGURES, { asOf: AS_OF });
      expect(after.county.highValuePatentCount).toBe(before.county.highValuePatentCount + 1);
      expect(after).toEqual(await truth.ok(FIGURES, { asOf: AS_OF }));
    } finally {
      await other.close();
    }
  });

  it('keeps nothing a mutation reads: its own writes are not yet published', async () => {
    await api.ok(FIGURES, { asOf: AS_OF });
    const number = applicationNumber('INVENTION', 2017);
    const { county } = await api.ok(
      `mutation($input: PatentInput!) {
         upsertPatent(input: $input) { id }
         county: upsertCounty(input: { code: "500231", name: "垫江县", parentCode: "500000" }) { highValuePatentCount(asOf: "2024-06-30") }
       }`,
      {
        input: {
          applicationNumber: number,
          title: '一种合成材料',
          type: 'INVENTION',
          countyCode: '500231',
          filingDate: '2017-01-01',
          grantDate: '2018-01-01',
          strategicIndustry: 'NEW_MATERIALS',
        },
      },
    );
    const fresh = await truth.ok(FIGURES, { asOf: AS_OF });
    expect(county.highValuePatentCount).toBe(fresh.county.highValuePatentCount);
    expect(await api.ok(FIGURES, { asOf: AS_OF })).toEqual(fresh);
  });

  it("keeps a county's enterprise counts, and counts anew after any change to its enterprises or memberships", async () => {
    const COUNTS = `{ county(code: "500231") {
      all: enterprises(first: 1) { totalCount edges { node { name } } }
      highTech: enterprises(first: 0, filter: { category: HIGH_TECH, asOf: "2024-06-30" }) { totalCount }
      named: enterprises(first: 0, filter: { nameContains: "丙" }) { totalCount }
    } }`;
    await api.ok(COUNTS);
    const hits = api.figures.hits;
    // BEGIN with the scope, the county, the versions, the three pages (the counts kept), COMMIT
    expect(await api.countStatements(COUNTS)).toBe(7);
    expect(api.figures.hits - hits).toBe(3);
    const C = creditCode(3);
    const writes: [string, () => Promise<unknown>][] = [
      ['丙 is added', () => givenEnterprise(api, { serial: 3, name: '丙公司' })],
      [
        '丙 becomes high-tech',
        () => givenEnterprise(api, { serial: 3, name: '丙公司', memberships: [{ category: 'HIGH_TECH', validFrom: '2024-01-01' }] }),
      ],
      ['丙 is deleted', () => api.ok(`mutation($c: String!) { deleteEnterprise(creditCode: $c) { deletedAt } }`, { c: C })],
      ['and restored', () => api.ok(`mutation($c: String!) { restoreEnterprise(creditCode: $c) { id } }`, { c: C })],
      [
        '丙 moves away',
        () =>
          api.ok(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
            input: { creditCode: C, countyCode: '500232', name: '丙公司', memberships: [] },
          }),
      ],
    ];
    let previous = await api.ok(COUNTS);
    for (const [what, write] of writes) {
      await write();
      const seen = await api.ok(COUNTS);
      expect({ after: what, seen }).toEqual({ after: what, seen: await truth.ok(COUNTS) });
      expect({ after: what, changed: JSON.stringify(seen) !== JSON.stringify(previous) }).toEqual({ after: what, changed: true });
      previous = seen;
    }
  });

  it('answers a caller outside the county as if nothing were kept', async () => {
    await api.ok(FIGURES, { asOf: AS_OF });
    const outsider = api.as({ role: 'VIEWER', counties: ['500232'] });
    const { targetGaps, indicatorComparison } = await outsider.ok(FIGURES, { asOf: AS_OF });
    expect(targetGaps).toEqual({ totalCount: 0, edges: [] });
    expect(indicatorComparison.map((row: any) => row.county.code)).toEqual(['500232']);
  });
});

describe('FigureCache', () => {
  it('evicts the least recently used entries beyond its budget, and keeps what it hands out frozen', () => {
    const cache = new FigureCache(2500);
    const value = (n: number) => ({ rows: Array.from({ length: 20 }, (_, i) => ({ n, i })) });
    for (const [key, n] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ] as const)
      cache.set(key, value(n));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('e', value(5));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.value).toEqual(value(1));
    expect(cache.size).toEqual({ entries: 4, bytes: expect.any(Number) });
    expect(cache.size.bytes).toBeLessThanOrEqual(2500);
    expect(Object.isFrozen((cache.get('e')!.value as { rows: object[] }).rows[0])).toBe(true);
    expect(new FigureCache(0).enabled).toBe(false);
  });
});
