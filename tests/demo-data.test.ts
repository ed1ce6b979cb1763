import { seedDemo } from '../src/seed/seed';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  expect(await seedDemo(api.dataSource)).toBe(true);
});
afterAll(() => api.close());

describe('the demo data', () => {
  it('holds the real Dianjiang plan and 2021 statistics, R&D investment unreported', async () => {
    const { county } = await api.ok(`{ county(code: "500231") { name parentCode
      statistics(year: 2021) { population gdp rdInvestment }
      plan(year: 2023) { title startYear endYear highPledgeThreshold breakthroughTargets { category minHighValuePatents } } } }`);
    expect(county).toEqual({
      name: '垫江县',
      parentCode: '500000',
      statistics: { population: 649900, gdp: '50260000000.00', rdInvestment: null },
      plan: {
        title: '垫江县高价值发明专利质量提升行动实施方案(2022—2024年)',
        startYear: 2022,
        endYear: 2024,
        highPledgeThreshold: '1000000.00',
        breakthroughTargets: [
          { category: 'LISTED_CULTIVATION', minHighValuePatents: 3 },
          { category: 'SPECIALIZED_NEW', minHighValuePatents: 2 },
          { category: 'HIGH_TECH', minHighValuePatents: 1 },
        ],
      },
    });
  });

  it.each(['2022-12-31', '2024-06-30', '2026-06-30'])(
    "gives 重庆市 on %s the sum of its counties' high-value counts (垫江 and the synthetic 500298)",
    async (asOf) => {
      const { city, dianjiang, neighbour } = await api.ok(
        `query($d: Date) { city: county(code: "500000") { highValuePatentCount(asOf: $d) }
          dianjiang: county(code: "500231") { highValuePatentCount(asOf: $d) }
          neighbour: county(code: "500298") { name parentCode highValuePatentCount(asOf: $d) } }`,
        { d: asOf },
      );
      expect(neighbour.name).toContain('合成示例');
      expect(neighbour.parentCode).toBe('500000');
      expect(neighbour.highValuePatentCount).toBeGreaterThan(0);
      expect(city.highValuePatentCount).toBe(dianjiang.highValuePatentCount + neighbour.highValuePatentCount);
    },
  );

  it('has external co-patentees (a synthetic university and person) that are no enterprise', async () => {
    const [row] = await api.sql(
      `SELECT count(*) FILTER (WHERE kind = 'UNIVERSITY')::int AS universities, count(*) FILTER (WHERE kind = 'PERSON')::int AS persons,
              count(*) FILTER (WHERE position = 1)::int AS first FROM patent_external_patentee`,
    );
    expect(row.universities).toBeGreaterThan(0);
    expect(row.persons).toBeGreaterThan(0);
    expect(row.first).toBe(row.persons);
  });

  it('has a synthetic concordance that suggests industries and fills the review list', async () => {
    const { county } = await api.ok(`{ county(code: "500231") { strategicIndustryReview(asOf: "2024-12-31", first: 1) { totalCount } } }`);
    expect(county.strategicIndustryReview.totalCount).toBeGreaterThan(0);
    const [concordance] = await api.sql(`SELECT version, synthetic, title FROM sei_concordance`);
    expect(concordance).toMatchObject({ synthetic: true, title: expect.stringContaining('SYNTHETIC') });
  });

  it("has Dianjiang's real 4+1 clusters; by cluster, each high-value patent counts once", async () => {
    const { county } = await api.ok(`{ county(code: "500231") { highValuePatentCount(asOf: "2024-12-31")
      industryClusters { name } indicatorsByCluster(asOf: "2024-12-31") { kind value } } }`);
    expect(county.industryClusters.map((c: { name: string }) => c.name)).toEqual(['智能装备', '新材料', '消费品', '医药健康', '数字产业']);
    const byCluster = county.indicatorsByCluster
      .filter((row: { kind: string }) => row.kind === 'HIGH_VALUE_PATENTS')
      .reduce((sum: number, row: { value: number }) => sum + row.value, 0);
    expect(byCluster).toBe(county.highValuePatentCount);
  });

  it('answers patentStatistics by quarter for 2022–2024, its stock of valid inventions that of the indicators', async () => {
    const { county } = await api.ok(`{ county(code: "500231") {
      patentStatistics(from: "2022-01-01", to: "2024-12-31", by: QUARTER) { label applications validInventions byType { applications } }
      indicators(asOf: "2024-12-31") { kind denominator } } }`);
    const periods = county.patentStatistics;
    expect(periods.map((p: { label: string }) => p.label)).toEqual(
      [2022, 2023, 2024].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}Q${quarter}`)),
    );
    for (const period of periods) {
      expect(period.byType.reduce((sum: number, row: { applications: number }) => sum + row.applications, 0)).toBe(period.applications);
    }
    const share = county.indicators.find((row: { kind: string }) => row.kind === 'SEI_INVENTION_PATENT_SHARE');
    expect(periods[11].validInventions).toBe(share.denominator);
  });

  it('is seeded once', async () => {
    expect(await seedDemo(api.dataSource)).toBe(false);
  });

  it('represents every category and every high-value reason', async () => {
    const [row] = await api.sql(`SELECT array_agg(DISTINCT category ORDER BY category) AS categories FROM enterprise_membership`);
    expect(row.categories).toEqual(['HIGH_TECH', 'LISTED_CULTIVATION', 'SPECIALIZED_NEW']);
    const reasons = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = (
        await api.ok(
          `query($after: String) { county(code: "500231") {
        patents(first: 100, after: $after, filter: { highValueOnly: true, asOf: "2026-06-30" }) {
          pageInfo { hasNextPage endCursor } edges { node { highValueReasons(asOf: "2026-06-30") } } } } }`,
          { after },
        )
      ).county.patents;
      page.edges.forEach((e: any) => e.node.highValueReasons.forEach((r: string) => reasons.add(r)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect([...reasons].sort()).toEqual([
      'HIGH_PLEDGE_FINANCING',
      'MAINTAINED_OVER_10_YEARS',
      'NATIONAL_AWARD',
      'OVERSEAS_FAMILY',
      'STRATEGIC_EMERGING_INDUSTRY',
    ]);
  });

  it.each(['2022-12-31', '2024-06-30', '2026-06-30'])(
    'agrees with itself on %s: the county count, the high-value filter, the per-patent flag and the enterprise counts',
    async (asOf) => {
      const { county } = await api.ok(
        `query($d: Date) { county(code: "500231") { highValuePatentCount(asOf: $d)
        hv: patents(first: 0, filter: { highValueOnly: true, asOf: $d }) { totalCount } } }`,
        { d: asOf },
      );
      expect(county.hv.totalCount).toBe(county.highValuePatentCount);

      let flagged = 0;
      let after: string | null = null;
      do {
        const page: any = (
          await api.ok(
            `query($after: String, $d: Date) { county(code: "500231") {
          patents(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { isHighValue(asOf: $d) } } } } }`,
            { after, d: asOf },
          )
        ).county.patents;
        flagged += page.edges.filter((e: any) => e.node.isHighValue).length;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(flagged).toBe(county.highValuePatentCount);

      const gaps: any = (
        await api.ok(
          `query($d: Date) { targetGaps(countyCode: "500231", asOf: $d, first: 100) { totalCount edges { node { current enterprise { highValuePatentCount(asOf: $d) } } } } }`,
          { d: asOf },
        )
      ).targetGaps;
      for (const edge of gaps.edges) expect(edge.node.current).toBe(edge.node.enterprise.highValuePatentCount);
    },
  );

  it('pledges only patents the pledgor owns, each VALID on its registration day (the rule recordPledgeFinancing holds)', async () => {
    const pledges: { pledgor: string; day: string; patent: { owners: { creditCode: string }[]; status: string } }[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await api.ok(
          `query($after: String) { county(code: "500231") { enterprises(first: 100, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { creditCode pledgeFinancings { registeredOn patents { applicationNumber } } } } } } }`,
          { after },
        )
      ).county.enterprises;
      for (const { node } of page.edges) {
        for (const financing of node.pledgeFinancings) {
          for (const patent of financing.patents) {
            const { patent: onTheDay } = await api.ok(
              `query($n: String!, $d: Date) { patent(applicationNumber: $n) { status(asOf: $d) owners { creditCode } } }`,
              {
                n: patent.applicationNumber,
                d: financing.registeredOn,
              },
            );
            pledges.push({
              pledgor: node.creditCode,
              day: financing.registeredOn,
              patent: onTheDay,
            });
          }
        }
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pledges.length).toBeGreaterThan(24);
    expect(pledges.filter((p) => !p.patent.owners.some((o) => o.creditCode === p.pledgor))).toEqual([]);
    expect(pledges.filter((p) => p.patent.status !== 'VALID')).toEqual([]);
  });

  it('lists enterprises by name in byte order, every one exactly once across pages', async () => {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await api.ok(
          `query($after: String) { county(code: "500231") { enterprises(first: 70, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } }`,
          { after },
        )
      ).county.enterprises;
      expect(page.totalCount).toBe(300);
      names.push(...page.edges.map((e: any) => e.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(names).toHaveLength(300);
    expect(new Set(names).size).toBe(300);
    expect([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(names);
  });

  it('filters enterprises by a category valid on asOf and by part of the name', async () => {
    const { county } = await api.ok(`{ county(code: "500231") {
      listed: enterprises(filter: { category: LISTED_CULTIVATION, asOf: "2024-06-30" }, first: 100) { totalCount edges { node { categories(asOf: "2024-06-30") } } }
      named: enterprises(filter: { nameContains: "示例企业00" }) { totalCount } } }`);
    expect(county.listed.totalCount).toBeGreaterThan(0);
    expect(county.listed.edges.every((e: any) => e.node.categories.includes('LISTED_CULTIVATION'))).toBe(true);
    expect(county.named.totalCount).toBe(9);
  });

  it("holds Dianjiang's 13 key tasks with their units and some synthetic progress (issue 16)", async () => {
    const { county } = await api.ok(`{ county(code: "500231") { units { name }
      plan(year: 2024) { tasks { number responsibleUnits { name } progress { status text } } } } }`);
    expect(county.plan.tasks.map((task: any) => task.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(county.units).toHaveLength(16);
    const reported = county.plan.tasks.filter((task: any) => task.progress.length > 0);
    expect(reported.map((task: any) => task.number)).toEqual([1, 2, 3, 4, 5, 8, 10]);
    expect(reported.flatMap((task: any) => task.progress).every((p: any) => p.text.includes('合成示例'))).toBe(true);
  });
});
