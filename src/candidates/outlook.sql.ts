/**
 * The path to each target and the county's outlook, in SQL: the breakthrough module's gap rows (gapRowsSql), the
 * candidates (candidatesOfSql) and the kept counts of the horizon's day.
 */
import { annuityLostSql } from '../annuity/annuity.sql';
import { gapRowsSql, targetsSql } from '../breakthrough/breakthrough.sql';
import { sql, Sql } from '../db/sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { groupByKey } from '../graphql/loaders';
import { patentValidSql } from '../high-value/high-value.sql';
import { HighValueReason } from '../high-value/high-value-reason';
import { keptHighValueSql } from '../high-value/spans.sql';
import { HighValueCandidate } from './candidate';
import { candidatesOfSql, notHighValueSql } from './candidates.sql';
import { CategoryOutlook, TargetPath } from './outlook';

interface PathRow extends Omit<TargetPath, 'candidates'> {
  enterpriseId: number;
  candidates: HighValueCandidate[];
}

/**
 * Each enterprise's gap rows on asOf with, for the unmet ones, the enterprise's candidates within the horizon, the day
 * the dated ones close the gap, and whether all of them would: columns "enterpriseId", category, target, current, gap,
 * met, candidates (json), "closesOn", closable.
 */
export function targetPathsSql(enterpriseIds: Sql, asOf: Sql, until: Sql): Sql {
  const ten = sql.literal(HighValueReason.MAINTAINED_OVER_10_YEARS);
  return sql`WITH candidate AS MATERIALIZED (
      SELECT e.id AS enterprise_id, c.* FROM unnest(${enterpriseIds}) AS e(id)
       CROSS JOIN LATERAL (${candidatesOfSql(notHighValueSql('enterprise', sql`e.id`, asOf), asOf, until)}) c)
    SELECT g."enterpriseId", g.category, g.target, g.current, g.gap, g.met,
           CASE WHEN g.met THEN '[]'::json ELSE (
             SELECT COALESCE(json_agg(json_build_object('patentId', c."patentId", 'reason', c.reason, 'expectedOn', c."expectedOn",
                                                        'shortfall', c.shortfall) ORDER BY c."sortDate", c."applicationNumber" COLLATE "C", c."reasonOrder"), '[]')
               FROM candidate c WHERE c.enterprise_id = g."enterpriseId") END AS candidates,
           CASE WHEN g.met THEN ${asOf} ELSE (
             SELECT d.day FROM (SELECT min(c."expectedOn") AS day FROM candidate c
                                 WHERE c.enterprise_id = g."enterpriseId" AND c.reason = ${ten} GROUP BY c."patentId") d
              ORDER BY d.day OFFSET g.gap - 1 LIMIT 1) END AS "closesOn",
           g.met OR (SELECT count(DISTINCT c."patentId") FROM candidate c WHERE c.enterprise_id = g."enterpriseId") >= g.gap AS closable
      FROM (${gapRowsSql(sql`SELECT DISTINCT e.county_code AS code FROM enterprise e WHERE e.id = ANY (${enterpriseIds})`, asOf, enterpriseIds)}) g
     ORDER BY g."enterpriseId", g."categoryOrder"`;
}

export function targetPathsLoader(ctx: Context, asOf: IsoDate, horizonDays: number) {
  return ctx.loaders.get<number, TargetPath[]>('targetPaths', [asOf, horizonDays], async (ids) => {
    const rows = await ctx.db.query<PathRow>(
      targetPathsSql(sql`${ids}::int[]`, sql`${asOf}::date`, sql`(${asOf}::date + ${horizonDays}::int)`),
    );
    return groupByKey(
      ids,
      rows,
      (row) => row.enterpriseId,
      ({ enterpriseId: _, ...path }) => path,
    );
  });
}

const CATEGORIES = sql`${ENTERPRISE_CATEGORIES}::text[]`;

/**
 * Per county of `countyCodes` and category of the plan in force on the horizon's day `until`: the members that day,
 * those that meet the target from the dates known (the kept count of that day less patents lost to an annuity unpaid
 * past its grace on asOf), and those that would with every candidate realised (the pledge candidates still in force
 * that day added; the 10-year marks are in the kept count already). Columns "countyCode", category, target,
 * "enterpriseCount", "metFromKnownDates", "metIfCandidatesRealised", "moreIfCandidatesRealised".
 */
export function gapOutlookSql(countyCodes: Sql, asOf: Sql, until: Sql): Sql {
  const pledge = sql.literal(HighValueReason.HIGH_PLEDGE_FINANCING);
  const lost = sql`(SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
                     WHERE po.enterprise_id = g."enterpriseId" AND p.annuity_paid_through IS NOT NULL
                       AND ${keptHighValueSql(sql`p`, until)} AND ${annuityLostSql(sql`p`, asOf)})`;
  const realisable = sql`(SELECT count(DISTINCT c."patentId") FROM (${candidatesOfSql(notHighValueSql('enterprise', sql`g."enterpriseId"`, asOf), asOf, until)}) c
                           JOIN patent p ON p.id = c."patentId"
                          WHERE c.reason = ${pledge} AND ${patentValidSql(sql`p`, until)} AND NOT ${keptHighValueSql(sql`p`, until)})`;
  const counties = sql`SELECT unnest(${countyCodes}) AS code`;
  return sql`WITH target AS MATERIALIZED (${targetsSql(counties, until)}),
    member AS MATERIALIZED (
      SELECT g."countyCode", g.category, g.target, g.current - ${lost} AS known, g.current - ${lost} + ${realisable} AS realised
        FROM (${gapRowsSql(counties, until)}) g)
    SELECT t.county_code AS "countyCode", t.category, t.target, count(m.known)::int AS "enterpriseCount",
           count(*) FILTER (WHERE m.known >= m.target)::int AS "metFromKnownDates",
           count(*) FILTER (WHERE m.realised >= m.target)::int AS "metIfCandidatesRealised",
           (count(*) FILTER (WHERE m.realised >= m.target) - count(*) FILTER (WHERE m.known >= m.target))::int AS "moreIfCandidatesRealised"
      FROM target t LEFT JOIN member m ON m."countyCode" = t.county_code AND m.category = t.category
     GROUP BY t.county_code, t.category, t.target
     ORDER BY t.county_code, array_position(${CATEGORIES}, t.category)`;
}

export function gapOutlookLoader(ctx: Context, asOf: IsoDate, horizonDays: number) {
  return ctx.loaders.get<string, CategoryOutlook[]>('gapOutlook', [asOf, horizonDays], async (codes) => {
    const rows = await ctx.db.query<CategoryOutlook & { countyCode: string }>(
      gapOutlookSql(sql`${codes}::text[]`, sql`${asOf}::date`, sql`(${asOf}::date + ${horizonDays}::int)`),
    );
    return groupByKey(
      codes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...outlook }) => outlook,
    );
  });
}
