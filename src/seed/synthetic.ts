import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { membershipValidToSql } from '../enterprise/membership.sql';
import { applicationNumberCheckCharacter } from '../identifiers/application-number';
import { creditCodeCheckCharacter } from '../identifiers/credit-code';
import { AwardKind, StrategicIndustry } from '../patent/patent-enums';
import { seededRandom } from './random';

/**
 * A clearly synthetic set of Dianjiang enterprises and patents (names say 合成示例 / synthetic), large
 * enough that every category and every high-value reason occurs. Fixed seed: the same data everywhere.
 */
export const SYNTHETIC_COUNTY = '500231';
const ENTERPRISES = 300;
const PATENTS = 3000;

const NAME_PARTS = ['智能装备', '新材料', '医药健康', '数字科技', '消费品', '能源', '环保', '精密机械', '生物', '电子'];
const IPC = ['G06F 16/00', 'H01M 10/052', 'B23K 26/00', 'C08L 23/06', 'A61K 36/00', 'F16H 57/00', 'B65G 47/00', 'H04L 9/40'];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function syntheticCreditCode(county: string, serial: number): string {
  const first17 = `91${county}${String(serial).padStart(8, '0')}M`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function syntheticApplicationNumber(year: number, typeDigit: number, serial: number): string {
  const digits = `${year}${typeDigit}${String(serial).padStart(7, '0')}`;
  return `${digits}.${applicationNumberCheckCharacter(digits)}`;
}

export async function seedSyntheticDianjiang(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20220907);

  const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => ({
    creditCode: syntheticCreditCode(SYNTHETIC_COUNTY, 90000000 + i),
    name: `垫江${random.pick(NAME_PARTS)}示例企业${String(i + 1).padStart(3, '0')}（合成示例 synthetic）`,
  }));
  const inserted = await db.query<{ id: number }>(
    sql`INSERT INTO enterprise (credit_code, name, county_code)
        SELECT code, name, ${SYNTHETIC_COUNTY}
          FROM unnest(${enterprises.map((e) => e.creditCode)}::text[], ${enterprises.map((e) => e.name)}::text[]) AS e(code, name)
        RETURNING id`,
  );
  const enterpriseIds = inserted.map((row) => row.id);

  const memberships: { enterpriseId: number; category: EnterpriseCategory; validFrom: string; validTo: string | null }[] = [];
  enterpriseIds.forEach((enterpriseId, i) => {
    if (i < 25)
      memberships.push({
        enterpriseId,
        category: EnterpriseCategory.LISTED_CULTIVATION,
        validFrom: iso(random.int(2020, 2023), random.int(1, 12), 1),
        validTo: null,
      });
    if (i % 5 === 0 || i < 10) {
      const from = random.int(2019, 2025);
      memberships.push({
        enterpriseId,
        category: EnterpriseCategory.SPECIALIZED_NEW,
        validFrom: iso(from, random.int(1, 12), random.int(1, 28)),
        validTo: null,
      });
    }
    if (i % 3 === 0) {
      const from = random.int(2020, 2025);
      memberships.push({
        enterpriseId,
        category: EnterpriseCategory.HIGH_TECH,
        validFrom: iso(from, random.int(1, 12), random.int(1, 28)),
        validTo: null,
      });
    }
  });
  await db.query(
    sql`INSERT INTO enterprise_membership (enterprise_id, category, valid_from, valid_to)
        SELECT m.enterprise_id, m.category, m.valid_from, ${membershipValidToSql(sql`m`)}
          FROM unnest(${memberships.map((m) => m.enterpriseId)}::int[], ${memberships.map((m) => m.category)}::text[],
                      ${memberships.map((m) => m.validFrom)}::date[], ${memberships.map((m) => m.validTo)}::date[])
               AS m(enterprise_id, category, valid_from, valid_to)`,
  );

  const industries = Object.values(StrategicIndustry);
  const patents = Array.from({ length: PATENTS }, (_, i) => {
    const roll = random.next();
    const type = roll < 0.6 ? 'INVENTION' : roll < 0.9 ? 'UTILITY_MODEL' : 'DESIGN';
    const year = random.int(2008, 2025);
    const filingDate = iso(year, random.int(1, 12), random.int(1, 28));
    const granted = type === 'INVENTION' ? random.chance(0.7) : random.chance(0.95);
    const grantYear = Math.min(year + (type === 'INVENTION' ? random.int(1, 4) : 1), 2026);
    const grantDate = granted ? iso(grantYear, random.int(1, 12), random.int(1, 28)) : null;
    const lapseDate =
      grantDate && random.chance(0.12) ? iso(Math.min(grantYear + random.int(1, 8), 2026), random.int(1, 12), random.int(1, 28)) : null;
    const typeDigit = type === 'INVENTION' ? 1 : type === 'UTILITY_MODEL' ? 2 : 3;
    return {
      applicationNumber: syntheticApplicationNumber(year, typeDigit, 9000000 + i),
      title: `${random.pick(NAME_PARTS)}相关技术方案${i + 1}（合成示例 synthetic）`,
      type,
      filingDate,
      grantDate: grantDate && lapseDate && lapseDate < grantDate ? null : grantDate,
      lapseDate: grantDate && lapseDate && lapseDate >= grantDate ? lapseDate : null,
      ipc: [random.pick(IPC)],
      industry: type === 'INVENTION' && random.chance(0.3) ? random.pick(industries) : null,
      owners: random.chance(0.08) ? [random.pick(enterpriseIds), random.pick(enterpriseIds)] : [random.pick(enterpriseIds)],
    };
  });
  const patentRows = await db.query<{ id: number }>(
    sql`INSERT INTO patent (application_number, title, type, county_code, filing_date, grant_date, lapse_date, ipc_codes, strategic_industry)
        SELECT p.number, p.title, p.type, ${SYNTHETIC_COUNTY}, p.filing, p.grant_date, p.lapse, ARRAY[p.ipc], p.industry
          FROM unnest(${patents.map((p) => p.applicationNumber)}::text[], ${patents.map((p) => p.title)}::text[],
                      ${patents.map((p) => p.type)}::text[], ${patents.map((p) => p.filingDate)}::date[],
                      ${patents.map((p) => p.grantDate)}::date[], ${patents.map((p) => p.lapseDate)}::date[],
                      ${patents.map((p) => p.ipc[0])}::text[], ${patents.map((p) => p.industry)}::text[])
               AS p(number, title, type, filing, grant_date, lapse, ipc, industry)
        RETURNING id`,
  );
  const patentIds = patentRows.map((row) => row.id);
  const owners = patents.flatMap((p, i) =>
    [...new Set(p.owners)].map((enterpriseId, position) => ({ patentId: patentIds[i], enterpriseId, position: position + 1 })),
  );
  await db.query(
    sql`INSERT INTO patent_owner (patent_id, enterprise_id, position)
        SELECT * FROM unnest(${owners.map((o) => o.patentId)}::int[], ${owners.map((o) => o.enterpriseId)}::int[],
                             ${owners.map((o) => o.position)}::int[])`,
  );

  const inventions = patents.map((p, i) => ({ ...p, id: patentIds[i] })).filter((p) => p.type === 'INVENTION' && p.grantDate);
  const overseas = inventions
    .filter(() => random.chance(0.04))
    .map((p) => ({
      patentId: p.id,
      jurisdiction: random.pick(['US', 'EP', 'JP', 'KR', 'DE']),
      grantDate: iso(Number(p.grantDate!.slice(0, 4)) + random.int(0, 2), random.int(1, 12), random.int(1, 28)),
    }));
  await db.query(
    sql`INSERT INTO patent_overseas_grant (patent_id, jurisdiction, grant_date)
        SELECT * FROM unnest(${overseas.map((g) => g.patentId)}::int[], ${overseas.map((g) => g.jurisdiction)}::text[],
                             ${overseas.map((g) => g.grantDate)}::date[])`,
  );
  const awarded = inventions.filter(() => random.chance(0.01));
  await db.query(
    sql`INSERT INTO patent_award (patent_id, kind, year)
        SELECT * FROM unnest(${awarded.map((p) => p.id)}::int[], ${awarded.map(() => random.pick(Object.values(AwardKind)))}::text[],
                             ${awarded.map((p) => Number(p.grantDate!.slice(0, 4)) + 1)}::int[])`,
  );

  // Pledges: some above the 1,000,000-yuan default threshold, some below it.
  for (let i = 0; i < 24; i++) {
    const pledged = [random.pick(inventions), random.pick(inventions)].filter((p, j, all) => all.findIndex((q) => q.id === p.id) === j);
    const pledgor = pledged[0].owners[0];
    const amount = random.chance(0.6) ? random.int(100, 2000) * 10000 : random.int(10, 99) * 10000;
    const lender = random.pick(['中国银行垫江支行（示例）', '重庆农村商业银行垫江支行（示例）', '中国建设银行垫江支行（示例）']);
    const registeredOn = iso(random.int(2021, 2026), random.int(1, 10), random.int(1, 28));
    const [financing] = await db.query<{ id: number }>(
      sql`INSERT INTO pledge_financing (enterprise_id, lender, amount, registered_on)
          VALUES (${pledgor}, ${lender}, ${amount.toFixed(2)}, ${registeredOn}) RETURNING id`,
    );
    await db.query(
      sql`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT ${financing.id}, unnest(${pledged.map((p) => p.id)}::int[])`,
    );
  }
}
