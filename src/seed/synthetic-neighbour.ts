import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { membershipValidToSql } from '../enterprise/membership.sql';
import { IndicatorKind } from '../indicator/indicator-kind';
import { StrategicIndustry } from '../patent/patent-enums';
import { seededRandom } from './random';
import { syntheticApplicationNumber, syntheticCreditCode } from './synthetic';

/**
 * A second, wholly synthetic county under 重庆市 (issue 15), so that the city's view has two counties to roll up and
 * to compare: 500298 示例县（合成示例 synthetic）, with a plan of its own, made-up statistics, and a small set of
 * enterprises and patents, some with external co-patentees (names say 合成示例 / synthetic). Fixed seed, independent of the Dianjiang set's.
 */
export const SYNTHETIC_NEIGHBOUR = { code: '500298', name: '示例县（合成示例 synthetic）', parentCode: '500000' };
export const SYNTHETIC_NEIGHBOUR_STATISTICS = [
  { countyCode: SYNTHETIC_NEIGHBOUR.code, year: 2021, population: 300000, gdp: '20000000000.00' },
];
export const SYNTHETIC_NEIGHBOUR_PLAN = {
  countyCode: SYNTHETIC_NEIGHBOUR.code,
  title: '示例县高价值发明专利行动方案(2022—2024年)（合成示例 synthetic）',
  startYear: 2022,
  endYear: 2024,
  highPledgeThreshold: '1000000.00',
  breakthroughTargets: [
    { category: EnterpriseCategory.SPECIALIZED_NEW, minHighValuePatents: 2 },
    { category: EnterpriseCategory.HIGH_TECH, minHighValuePatents: 2 },
  ],
  indicatorTargets: [
    { kind: IndicatorKind.HIGH_VALUE_PATENTS, target: 40 },
    { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, target: 0.3 },
  ],
};

const ENTERPRISES = 40;
const PATENTS = 400;
const IPC = ['G06F 16/00', 'H01M 10/052', 'C08L 23/06', 'A61K 36/00', 'B25J 9/16'];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export async function seedSyntheticNeighbour(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20251130);
  const county = SYNTHETIC_NEIGHBOUR.code;
  const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => ({
    creditCode: syntheticCreditCode(county, 80000000 + i),
    name: `示例县示例企业${String(i + 1).padStart(3, '0')}（合成示例 synthetic）`,
  }));
  const enterpriseIds = (
    await db.query<{ id: number }>(
      sql`INSERT INTO enterprise (credit_code, name, county_code)
          SELECT code, name, ${county} FROM unnest(${enterprises.map((e) => e.creditCode)}::text[], ${enterprises.map((e) => e.name)}::text[]) AS e(code, name)
          RETURNING id`,
    )
  ).map((row) => row.id);

  const memberships = enterpriseIds.flatMap((enterpriseId, i) => [
    ...(i % 4 === 0
      ? [{ enterpriseId, category: EnterpriseCategory.SPECIALIZED_NEW, validFrom: iso(random.int(2021, 2024), random.int(1, 12), 1) }]
      : []),
    ...(i % 3 === 0
      ? [{ enterpriseId, category: EnterpriseCategory.HIGH_TECH, validFrom: iso(random.int(2021, 2024), random.int(1, 12), 1) }]
      : []),
  ]);
  await db.query(
    sql`INSERT INTO enterprise_membership (enterprise_id, category, valid_from, valid_to)
        SELECT m.enterprise_id, m.category, m.valid_from, ${membershipValidToSql(sql`m`)}
          FROM unnest(${memberships.map((m) => m.enterpriseId)}::int[], ${memberships.map((m) => m.category)}::text[],
                      ${memberships.map((m) => m.validFrom)}::date[], ${memberships.map(() => null)}::date[])
               AS m(enterprise_id, category, valid_from, valid_to)`,
  );

  const industries = Object.values(StrategicIndustry);
  const patents = Array.from({ length: PATENTS }, (_, i) => {
    const invention = random.chance(0.7);
    const year = random.int(2010, 2025);
    const granted = random.chance(invention ? 0.7 : 0.95);
    const grantDate = granted ? iso(Math.min(year + random.int(1, 3), 2026), random.int(1, 12), random.int(1, 28)) : null;
    return {
      applicationNumber: syntheticApplicationNumber(year, invention ? 1 : 2, 8000000 + i),
      title: `示例县相关技术方案${i + 1}（合成示例 synthetic）`,
      type: invention ? 'INVENTION' : 'UTILITY_MODEL',
      filingDate: iso(year, random.int(1, 12), random.int(1, 28)),
      grantDate,
      ipc: random.pick(IPC),
      industry: invention && random.chance(0.35) ? random.pick(industries) : null,
      owner: random.pick(enterpriseIds),
    };
  });
  const patentIds = (
    await db.query<{ id: number }>(
      sql`INSERT INTO patent (application_number, title, type, county_code, filing_date, grant_date, ipc_codes, strategic_industry)
          SELECT p.number, p.title, p.type, ${county}, p.filing, p.grant_date, ARRAY[p.ipc], p.industry
            FROM unnest(${patents.map((p) => p.applicationNumber)}::text[], ${patents.map((p) => p.title)}::text[],
                        ${patents.map((p) => p.type)}::text[], ${patents.map((p) => p.filingDate)}::date[],
                        ${patents.map((p) => p.grantDate)}::date[], ${patents.map((p) => p.ipc)}::text[], ${patents.map((p) => p.industry)}::text[])
                 AS p(number, title, type, filing, grant_date, ipc, industry)
          RETURNING id`,
    )
  ).map((row) => row.id);
  await db.query(
    sql`INSERT INTO patent_owner (patent_id, enterprise_id, position)
        SELECT p, e, 1 FROM unnest(${patentIds}::int[], ${patents.map((p) => p.owner)}::int[]) AS o(p, e)`,
  );

  // one synthetic inventor each (issue 14's inventors: every demo patent has them)
  await db.query(
    sql`INSERT INTO patent_inventor (patent_id, position, name, identifier)
        SELECT p, 1, '示例县发明人' || (1 + p % 12) || '（合成示例）', NULL FROM unnest(${patentIds}::int[]) AS p`,
  );
  // external co-patentees (issue 15): a synthetic university second on every tenth patent, a synthetic person first on
  // every 40th (attributed to the county all the same); they count for nobody's targets
  const externals = patentIds.flatMap((patentId, i) => [
    ...(i % 10 === 0 ? [{ patentId, position: 2, name: '重庆示例大学（合成示例 synthetic）', kind: 'UNIVERSITY' }] : []),
    ...(i % 40 === 5 ? [{ patentId, position: 1, name: '示例个人（合成示例 synthetic）', kind: 'PERSON' }] : []),
  ]);
  await db.query(
    sql`INSERT INTO patent_external_patentee (patent_id, position, name, kind)
        SELECT * FROM unnest(${externals.map((x) => x.patentId)}::int[], ${externals.map((x) => x.position)}::int[],
                             ${externals.map((x) => x.name)}::text[], ${externals.map((x) => x.kind)}::text[])`,
  );
}
