import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { setIndustryClusters } from '../enterprise-tags/enterprise-tags.sql';
import { SYNTHETIC_COUNTY } from './synthetic';

/**
 * Real: Dianjiang's "4+1" industry clusters, as its plan names them (shared/plan: "聚力打造智能装备、新材料、消费品、医药健康
 * 和数字产业“4+1”产业集群"). Synthetic (issue 15): the synthetic enterprises' clusters, read from the part of their made-up
 * names; the level of their 专精特新 memberships (every fourth 国家级"小巨人", the others 市级); a few synthetic
 * 知识产权示范企业 / 优势企业 recognitions.
 */
export const DIANJIANG_CLUSTERS = ['智能装备', '新材料', '消费品', '医药健康', '数字产业'];
const NAME_PART_CLUSTER: [string, string][] = [
  ['智能装备', '智能装备'],
  ['新材料', '新材料'],
  ['消费品', '消费品'],
  ['医药健康', '医药健康'],
  ['数字科技', '数字产业'],
];

export async function seedDianjiangTags(db: RequestDatabase): Promise<void> {
  await setIndustryClusters(db, SYNTHETIC_COUNTY, DIANJIANG_CLUSTERS);
  await db.query(
    sql`UPDATE enterprise e SET industry_cluster = c.cluster
          FROM unnest(${NAME_PART_CLUSTER.map(([part]) => part)}::text[], ${NAME_PART_CLUSTER.map(([, cluster]) => cluster)}::text[]) AS c(part, cluster)
         WHERE e.county_code = ${SYNTHETIC_COUNTY} AND e.name LIKE '垫江' || c.part || '%合成示例%'`,
  );
  await db.query(
    sql`UPDATE enterprise_membership m SET level = CASE WHEN m.id % 4 = 0 THEN 'NATIONAL_LITTLE_GIANT' ELSE 'MUNICIPAL' END
         WHERE m.county_code = ${SYNTHETIC_COUNTY} AND m.category = 'SPECIALIZED_NEW'`,
  );
  await db.query(
    sql`INSERT INTO enterprise_recognition (enterprise_id, kind, name, level, recognised_on)
        SELECT e.id, CASE WHEN e.n % 2 = 0 THEN 'IP_DEMONSTRATION' ELSE 'IP_ADVANTAGE' END,
               CASE WHEN e.n % 2 = 0 THEN '重庆市知识产权示范企业（合成示例）' ELSE '重庆市知识产权优势企业（合成示例）' END,
               'MUNICIPAL', make_date((2022 + e.n % 3)::int, 6, 1)
          FROM (SELECT e.id, row_number() OVER (ORDER BY e.credit_code) AS n FROM enterprise e
                 WHERE e.county_code = ${SYNTHETIC_COUNTY} AND e.name LIKE '%合成示例%') e
         WHERE e.n % 30 = 1`,
  );
}
