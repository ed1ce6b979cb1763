/**
 * Enterprise tags (issue 15): industry clusters, recognitions, and the breakdowns by cluster of a county's (or a
 * division's) breakthrough summary and indicator counts, in SQL over the rule homes (membersSql, membershipValidSql,
 * platformValidSql, spanHoldsSql).
 */
import { membersSql, rolledTargetsSql } from '../breakthrough/breakthrough.sql';
import { Yardstick } from '../breakthrough/yardstick';
import { countyMembersSql } from '../county/county-members.sql';
import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { membershipValidSql } from '../enterprise/membership.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { byKey, groupByKey } from '../graphql/loaders';
import { spanHoldsSql } from '../high-value/spans.sql';
import { IndicatorKind } from '../indicator/indicator-kind';
import { platformValidSql } from '../indicator/indicator.sql';
import { ClusterBreakthrough, ClusterIndicatorValue, EnterpriseRecognition, IndustryCluster } from './enterprise-tags';

export function industryClustersLoader(ctx: Context) {
  return ctx.loaders.get<string, IndustryCluster[]>('industryClusters', [], async (codes) => {
    const rows = await ctx.db.query<IndustryCluster & { countyCode: string }>(
      sql`SELECT c.county_code AS "countyCode", c.name, c.position FROM industry_cluster c WHERE c.county_code = ANY (${codes}::text[])
           ORDER BY c.county_code, c.position`,
    );
    return groupByKey(
      codes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...cluster }) => cluster,
    );
  });
}

export function enterpriseClusterLoader(ctx: Context) {
  return ctx.loaders.get<number, string | null>('enterpriseCluster', [], async (ids) => {
    const rows = await ctx.db.query<{ id: number; cluster: string | null }>(
      sql`SELECT e.id, e.industry_cluster AS cluster FROM enterprise e WHERE e.id = ANY (${ids}::int[])`,
    );
    return byKey(
      ids,
      rows,
      (row) => row.id,
      null,
      (row) => row.cluster,
    );
  });
}

export function recognitionsLoader(ctx: Context) {
  return ctx.loaders.get<number, EnterpriseRecognition[]>('enterpriseRecognitions', [], async (ids) => {
    const rows = await ctx.db.query<EnterpriseRecognition>(
      sql`SELECT r.enterprise_id AS "enterpriseId", r.kind, r.name, r.level, r.recognised_on AS "recognisedOn", r.valid_to AS "validTo"
            FROM enterprise_recognition r WHERE r.enterprise_id = ANY (${ids}::int[]) ORDER BY r.enterprise_id, r.recognised_on, r.name`,
    );
    return groupByKey(ids, rows, (row) => row.enterpriseId);
  });
}

export function countyClusters(db: RequestDatabase, countyCode: string): Promise<IndustryCluster[]> {
  return db.query<IndustryCluster>(
    sql`SELECT c.name, c.position FROM industry_cluster c WHERE c.county_code = ${countyCode} ORDER BY c.position`,
  );
}

/** Replaces a county's clusters (in the order given); a cluster an enterprise still belongs to cannot be left out. */
export async function setIndustryClusters(db: RequestDatabase, countyCode: string, names: string[]): Promise<void> {
  const wanted = names.map((name) => name.trim());
  const [inUse] = await db.query<{ name: string; enterprises: number }>(
    sql`SELECT e.industry_cluster AS name, count(*)::int AS enterprises FROM enterprise e
         WHERE e.county_code = ${countyCode} AND e.industry_cluster IS NOT NULL AND NOT e.industry_cluster = ANY (${wanted}::text[])
         GROUP BY e.industry_cluster ORDER BY e.industry_cluster LIMIT 1`,
  );
  if (inUse) throw badUserInput('names', `${inUse.enterprises} enterprise(s) of ${countyCode} belong to ${inUse.name}: move them first`);
  await db.query(sql`DELETE FROM industry_cluster c WHERE c.county_code = ${countyCode} AND NOT c.name = ANY (${wanted}::text[])`);
  // positions through a negative step first: (county, position) is unique at every row
  await db.query(sql`UPDATE industry_cluster c SET position = -c.position WHERE c.county_code = ${countyCode}`);
  await db.query(
    sql`INSERT INTO industry_cluster AS c (county_code, name, position)
        SELECT ${countyCode}, w.name, w.position FROM unnest(${wanted}::text[]) WITH ORDINALITY AS w(name, position)
        ON CONFLICT (county_code, name) DO UPDATE SET position = EXCLUDED.position`,
  );
}

const CATEGORIES = sql`${ENTERPRISE_CATEGORIES}::text[]`;

/**
 * The breakthrough summary of each county (and the counties below it) by cluster on asOf: one row per cluster and
 * category that has members, each member against the target `yardstick` applies to it; one statement per batch.
 */
export function breakthroughByClusterLoader(ctx: Context, asOf: IsoDate, yardstick: Yardstick) {
  return ctx.loaders.get<string, ClusterBreakthrough[]>('breakthroughByCluster', [asOf, yardstick], async (codes) => {
    const day = sql`${asOf}::date`;
    const rows = await ctx.db.query<ClusterBreakthrough & { countyCode: string }>(
      sql`WITH target AS MATERIALIZED (${rolledTargetsSql(sql`SELECT unnest(${codes}::text[]) AS code`, day, yardstick)}),
           member AS (${membersSql(sql`SELECT DISTINCT t.county_code, t.category, t.target FROM target t`, day, null)})
           SELECT t.root AS "countyCode", e.industry_cluster AS cluster, m.category, min(m.target)::int AS "lowestTarget",
                  max(m.target)::int AS "highestTarget", count(*)::int AS "enterpriseCount",
                  count(*) FILTER (WHERE m.current >= m.target)::int AS "metCount", sum(greatest(0, m.target - m.current))::int AS "totalGap"
             FROM target t
             JOIN member m ON m.county_code = t.county_code AND m.category = t.category AND m.target = t.target
             JOIN enterprise e ON e.id = m.enterprise_id
            GROUP BY t.root, e.industry_cluster, m.category
            ORDER BY t.root, min((SELECT k.position FROM industry_cluster k WHERE k.county_code = e.county_code AND k.name = e.industry_cluster)) NULLS LAST,
                     e.industry_cluster NULLS LAST, array_position(${CATEGORIES}, m.category)`,
    );
    return groupByKey(
      codes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...row }) => row,
    );
  });
}

/**
 * The counts of each county (and the counties below it) by cluster on asOf: high-value and SEI invention patents (in
 * the cluster of their first enterprise patentee the caller sees), high-tech and specialized-new enterprises,
 * innovation platforms — each by the same rule as County.indicators. Rows (cluster, kind, value), clusters in order,
 * kinds in the enum's order; a cluster with nothing of a kind has no row of it. One statement per batch.
 */
export function indicatorsByClusterLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, ClusterIndicatorValue[]>('indicatorsByCluster', [asOf], async (codes) => {
    const day = sql`${asOf}::date`;
    const kind = (k: IndicatorKind) => sql`${sql.literal(k)}::text`;
    const rows = await ctx.db.query<ClusterIndicatorValue & { countyCode: string }>(
      sql`WITH member AS MATERIALIZED (SELECT m.root, m.code FROM (${countyMembersSql(sql`SELECT unnest(${codes}::text[]) AS code`)}) m),
           patent_cluster AS (
             SELECT mb.root, s.high_value, s.strategic, owner.county_code, owner.industry_cluster AS cluster
               FROM invention_span s
               JOIN member mb ON mb.code = s.county_code
               LEFT JOIN LATERAL (SELECT e.county_code, e.industry_cluster FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
                                   WHERE po.patent_id = s.patent_id ORDER BY po.position LIMIT 1) owner ON true
              WHERE s.county_code = ANY (ARRAY(SELECT DISTINCT code FROM member)) AND ${spanHoldsSql(sql`s`, day)}),
           enterprise_of AS (
             SELECT mb.root, e.id, e.county_code, e.industry_cluster AS cluster
               FROM enterprise e JOIN member mb ON mb.code = e.county_code
              WHERE e.county_code = ANY (ARRAY(SELECT DISTINCT code FROM member))),
           counted AS (
             SELECT p.root, p.county_code, p.cluster, ${kind(IndicatorKind.HIGH_VALUE_PATENTS)} AS kind, count(*) FILTER (WHERE p.high_value) AS value
               FROM patent_cluster p GROUP BY p.root, p.county_code, p.cluster
             UNION ALL
             SELECT p.root, p.county_code, p.cluster, ${kind(IndicatorKind.SEI_INVENTION_PATENTS)}, count(*) FILTER (WHERE p.strategic)
               FROM patent_cluster p GROUP BY p.root, p.county_code, p.cluster
             UNION ALL
             SELECT e.root, e.county_code, e.cluster, ${kind(IndicatorKind.HIGH_TECH_ENTERPRISES)},
                    count(DISTINCT e.id) FILTER (WHERE m.category = 'HIGH_TECH' AND ${membershipValidSql(sql`m`, day)})
               FROM enterprise_of e JOIN enterprise_membership m ON m.enterprise_id = e.id GROUP BY e.root, e.county_code, e.cluster
             UNION ALL
             SELECT e.root, e.county_code, e.cluster, ${kind(IndicatorKind.SPECIALIZED_NEW_ENTERPRISES)},
                    count(DISTINCT e.id) FILTER (WHERE m.category = 'SPECIALIZED_NEW' AND m.valid_from <= ${day})
               FROM enterprise_of e JOIN enterprise_membership m ON m.enterprise_id = e.id GROUP BY e.root, e.county_code, e.cluster
             UNION ALL
             SELECT e.root, e.county_code, e.cluster, ${kind(IndicatorKind.INNOVATION_PLATFORMS)}, count(*)
               FROM enterprise_of e JOIN innovation_platform ip ON ip.enterprise_id = e.id
              WHERE ${platformValidSql(sql`ip`, day)} GROUP BY e.root, e.county_code, e.cluster)
           SELECT c.root AS "countyCode", c.cluster, c.kind, sum(c.value)::float8 AS value
             FROM counted c WHERE c.value > 0
            GROUP BY c.root, c.cluster, c.kind
            ORDER BY c.root, min((SELECT k.position FROM industry_cluster k WHERE k.county_code = c.county_code AND k.name = c.cluster)) NULLS LAST,
                     c.cluster NULLS LAST, array_position(${sql`${Object.values(IndicatorKind)}::text[]`}, c.kind)`,
    );
    return groupByKey(
      codes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...row }) => row,
    );
  });
}
