import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { SupportPaymentInput } from '../support/support-payment';
import { recordSupportPayment } from '../support/support-payment.sql';
import { seededRandom } from './random';
import { SYNTHETIC_COUNTY } from './synthetic';

/**
 * What the support measures read, on the synthetic Dianjiang set (合成示例 synthetic; fixed seed, after the other
 * synthetic data, which it leaves as it is):
 *
 * - inventors (发明人): each enterprise has a team of three (示例 names); its patents list one to three of them, the
 *   team's lead first more often than not; the leads carry an identifier (DJRC-…: the county's talent register);
 * - routes of the foreign grants, in a fixed rotation of PCT, 巴黎公约, PPH and other routes, with a number abroad;
 * - transactions (转让, 许可, 开放许可, 作价入股, 自行实施) on about a third of the granted inventions, dated after the grant;
 * - one 2024 China Patent Gold Award (中国专利金奖) on an invention that is high-value anyway (a strategic-industry one), so
 *   that (五) has a recipient in 2024 and the county's high-value figures stay as they were;
 * - one payment of (五) for 2024, so that the eligibility list shows a paid and a not yet paid row.
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '霞', '平', '刚', '丽', '强'];
const ROUTES = ['PCT', 'PARIS', 'PCT', 'PPH', 'PARIS', 'OTHER'];
const SUFFIX: Record<string, string> = { US: 'B2', EP: 'B1', JP: 'B2', KR: 'B1', DE: 'B4' };
const KINDS = ['ASSIGNMENT', 'LICENSE', 'LICENSE', 'OPEN_LICENSE', 'EQUITY_CONTRIBUTION', 'OWN_IMPLEMENTATION'];
const COUNTERPARTIES = ['重庆示例制造有限公司', '四川示例科技有限公司', '垫江示例产业投资有限公司', '示例高校技术转移中心'];

/** The award that gives (五) a recipient in 2024. */
export const DEMO_AWARD = { kind: 'CHINA_PATENT_GOLD', year: 2024 } as const;
export const DEMO_PAYMENT_REFERENCE = '垫财支〔2025〕0001号（示例）';

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export async function seedSyntheticSupport(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20221114);
  const patents = await db.query<{ id: number; type: string; grantDate: string | null; enterpriseId: number; serial: number }>(
    sql`SELECT p.id, p.type, p.grant_date AS "grantDate", po.enterprise_id AS "enterpriseId",
               dense_rank() OVER (ORDER BY po.enterprise_id)::int AS serial
          FROM patent p JOIN patent_owner po ON po.patent_id = p.id AND po.position = 1
         WHERE p.county_code = ${SYNTHETIC_COUNTY} ORDER BY p.id`,
  );

  const teams = new Map<number, { name: string; identifier: string | null }[]>();
  const used = new Set<string>();
  // one person per name: a name already given is drawn again
  const newName = (): string => {
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.pick(GIVEN)}（示例）`;
    return used.has(name) ? newName() : (used.add(name), name);
  };
  const teamOf = (enterpriseId: number, serial: number) => {
    let team = teams.get(enterpriseId);
    if (!team) {
      team = [0, 1, 2].map((k) => ({ name: newName(), identifier: k === 0 ? `DJRC-${String(serial).padStart(4, '0')}` : null }));
      teams.set(enterpriseId, team);
    }
    return team;
  };
  const inventors: { patentId: number; position: number; name: string; identifier: string | null }[] = [];
  for (const patent of patents) {
    const team = teamOf(patent.enterpriseId, patent.serial);
    const listed = random.chance(0.7) ? [team[0]] : [];
    for (const member of team.slice(1)) if (random.chance(0.5)) listed.push(member);
    if (listed.length === 0) listed.push(random.pick(team));
    listed.forEach((member, i) => inventors.push({ patentId: patent.id, position: i + 1, ...member }));
  }
  await db.query(
    sql`INSERT INTO patent_inventor (patent_id, position, name, identifier)
        SELECT * FROM unnest(${inventors.map((i) => i.patentId)}::int[], ${inventors.map((i) => i.position)}::int[],
                             ${inventors.map((i) => i.name)}::text[], ${inventors.map((i) => i.identifier)}::text[])`,
  );

  await db.query(
    sql`UPDATE patent_overseas_grant g
           SET route = (${ROUTES}::text[])[1 + (o.n - 1) % ${ROUTES.length}],
               publication_number = g.jurisdiction || (11000000 + o.n * 7919)::text || (${JSON.stringify(SUFFIX)}::jsonb ->> g.jurisdiction)
          FROM (SELECT g2.patent_id, g2.jurisdiction, row_number() OVER (ORDER BY g2.grant_date, g2.patent_id, g2.jurisdiction)::int AS n
                  FROM patent_overseas_grant g2 JOIN patent p ON p.id = g2.patent_id WHERE p.county_code = ${SYNTHETIC_COUNTY}) o
         WHERE g.patent_id = o.patent_id AND g.jurisdiction = o.jurisdiction`,
  );

  const transactions: { patentId: number; kind: string; occurredOn: string; counterparty: string }[] = [];
  for (const patent of patents) {
    if (patent.type !== 'INVENTION' || !patent.grantDate || !random.chance(0.35)) continue;
    const year = Math.min(Number(patent.grantDate.slice(0, 4)) + random.int(0, 3), 2026);
    const day = iso(year, random.int(1, 12), random.int(1, 28));
    const kind = random.pick(KINDS);
    transactions.push({
      patentId: patent.id,
      kind,
      occurredOn: day < patent.grantDate ? patent.grantDate : day > '2026-06-30' ? '2026-06-30' : day,
      counterparty: kind === 'OWN_IMPLEMENTATION' ? '' : `${random.pick(COUNTERPARTIES)}（合成示例 synthetic）`,
    });
  }
  await db.query(
    sql`INSERT INTO patent_transaction (patent_id, kind, occurred_on, counterparty)
        SELECT * FROM unnest(${transactions.map((t) => t.patentId)}::int[], ${transactions.map((t) => t.kind)}::text[],
                             ${transactions.map((t) => t.occurredOn)}::date[], ${transactions.map((t) => t.counterparty)}::text[])
        ON CONFLICT DO NOTHING`,
  );

  const [awarded] = await db.query<{ id: number }>(
    sql`SELECT p.id FROM patent p
         WHERE p.county_code = ${SYNTHETIC_COUNTY} AND p.type = 'INVENTION' AND p.strategic_industry IS NOT NULL
           AND p.grant_date < '2023-01-01' AND p.filing_date > '2010-01-01' AND p.lapse_date IS NULL
           AND NOT EXISTS (SELECT 1 FROM patent_award a WHERE a.patent_id = p.id)
           AND EXISTS (SELECT 1 FROM patent_inventor i WHERE i.patent_id = p.id AND i.identifier IS NOT NULL)
         ORDER BY p.application_number LIMIT 1`,
  );
  await db.query(sql`INSERT INTO patent_award (patent_id, kind, year) VALUES (${awarded.id}, ${DEMO_AWARD.kind}, ${DEMO_AWARD.year})`);

  const [owner] = await db.query<{ creditCode: string }>(
    sql`SELECT e.credit_code AS "creditCode" FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
         WHERE po.patent_id = ${awarded.id} ORDER BY po.position LIMIT 1`,
  );
  await recordSupportPayment(
    db,
    Object.assign(new SupportPaymentInput(), {
      countyCode: SYNTHETIC_COUNTY,
      year: 2024,
      measure: '(五)',
      recipient: owner.creditCode,
      amount: '300000.00',
      paidOn: '2025-03-18',
      reference: DEMO_PAYMENT_REFERENCE,
    }),
  );
}
