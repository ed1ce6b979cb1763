import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { InnovationPlatformKind, InnovationPlatformLevel } from '../indicator/innovation-platform';
import { seededRandom } from './random';
import { SYNTHETIC_COUNTY } from './synthetic';

/**
 * Synthetic innovation platforms (创新平台) and knowledge-value credit loans (知识价值信用贷款) of the synthetic
 * Dianjiang enterprises, so that INNOVATION_PLATFORMS and KNOWLEDGE_VALUE_LOANS have something to count. Names and
 * lenders say 合成示例 / 示例 (synthetic). Fixed seed; runs after seedSyntheticDianjiang and leaves its data as it was.
 */
const PLATFORMS = 36;
const LOANS = 90;

const PLATFORM_NAMES: Record<InnovationPlatformKind, string> = {
  ENTERPRISE_TECHNOLOGY_CENTER: '企业技术中心',
  ENGINEERING_TECHNOLOGY_CENTER: '工程技术研究中心',
  KEY_LABORATORY: '重点实验室',
  OTHER: '新型研发机构',
};

const LEVEL_NAMES: Record<InnovationPlatformLevel, string> = { COUNTY: '县级', MUNICIPAL: '市级', NATIONAL: '国家级' };

const LENDERS = [
  '重庆农村商业银行垫江支行（示例）',
  '中国建设银行垫江支行（示例）',
  '中国工商银行垫江支行（示例）',
  '重庆银行垫江支行（示例）',
];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export async function seedSyntheticIndicators(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20241231);
  const enterprises = await db.query<{ id: number }>(
    sql`SELECT id FROM enterprise WHERE county_code = ${SYNTHETIC_COUNTY} AND name LIKE '%合成示例%' ORDER BY credit_code`,
  );
  if (enterprises.length === 0) return;

  const kinds = Object.values(InnovationPlatformKind);
  const platforms = Array.from({ length: PLATFORMS }, (_, i) => {
    const kind = random.chance(0.55) ? InnovationPlatformKind.ENTERPRISE_TECHNOLOGY_CENTER : random.pick(kinds);
    const roll = random.next();
    const level =
      roll < 0.5 ? InnovationPlatformLevel.COUNTY : roll < 0.92 ? InnovationPlatformLevel.MUNICIPAL : InnovationPlatformLevel.NATIONAL;
    const recognisedYear = random.int(2017, 2026);
    // about one in eight was revoked or not re-evaluated a few years after recognition
    const validTo = random.chance(0.12) ? iso(Math.min(recognisedYear + random.int(1, 4), 2026), 12, 31) : null;
    return {
      enterpriseId: enterprises[(i * 7) % enterprises.length].id,
      name: `垫江${LEVEL_NAMES[level]}${PLATFORM_NAMES[kind]}${String(i + 1).padStart(2, '0')}（合成示例 synthetic）`,
      kind,
      level,
      recognisedOn: iso(recognisedYear, random.int(1, 12), random.int(1, 28)),
      validTo,
    };
  });
  await db.query(
    sql`INSERT INTO innovation_platform (enterprise_id, name, kind, level, recognised_on, valid_to)
        SELECT * FROM unnest(${platforms.map((p) => p.enterpriseId)}::int[], ${platforms.map((p) => p.name)}::text[],
                             ${platforms.map((p) => p.kind)}::text[], ${platforms.map((p) => p.level)}::text[],
                             ${platforms.map((p) => p.recognisedOn)}::date[], ${platforms.map((p) => p.validTo)}::date[])`,
  );

  const loans = Array.from({ length: LOANS }, () => ({
    enterpriseId: random.pick(enterprises).id,
    lender: random.pick(LENDERS),
    amount: (random.int(10, 300) * 10000).toFixed(2),
    grantedOn: iso(random.int(2020, 2026), random.int(1, 10), random.int(1, 28)),
  }));
  await db.query(
    sql`INSERT INTO knowledge_value_loan (enterprise_id, lender, amount, granted_on)
        SELECT * FROM unnest(${loans.map((l) => l.enterpriseId)}::int[], ${loans.map((l) => l.lender)}::text[],
                             ${loans.map((l) => l.amount)}::numeric[], ${loans.map((l) => l.grantedOn)}::date[])`,
  );
}
