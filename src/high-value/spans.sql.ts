/**
 * Reading the kept spans (migration InventionSpans): a patent's reasons, a county's counts and an enterprise's count on
 * a day are index lookups of one patent, one county or one enterprise. What a span holds is derived in the database
 * (hvp_invention_spans) from the contract's rules; the direct evaluation of the same rules (high-value.sql.ts) is the
 * reference that tests/high-value-spans.test.ts holds the spans against.
 */
import { sql, Sql } from '../db/sql';
import { countyMembersSql } from '../county/county-members.sql';
import { patentStatusSql } from './high-value.sql';

/** The span or step `s` (invention_span, enterprise_high_value: days [starts, ends)) holds on asOf. */
export const spanHoldsSql = (s: Sql, asOf: Sql) => sql`(${s}.starts <= ${asOf} AND ${asOf} < ${s}.ends)`;

/** The high-value reasons of the patent `p` on asOf, in the enum's order; empty unless it is a valid invention patent. */
export const keptReasonsSql = (p: Sql, asOf: Sql) =>
  sql`COALESCE((SELECT s.reasons FROM invention_span s WHERE s.patent_id = ${p}.id AND ${spanHoldsSql(sql`s`, asOf)}), '{}'::text[])`;

/** The patent `p` is high-value on asOf. */
export const keptHighValueSql = (p: Sql, asOf: Sql) =>
  sql`EXISTS (SELECT 1 FROM invention_span s WHERE s.patent_id = ${p}.id AND s.high_value AND ${spanHoldsSql(sql`s`, asOf)})`;

/**
 * The high-value patents (alone or jointly owned) of the enterprise whose id is `enterpriseId`, on asOf: its latest
 * step starting on or before asOf, unless that step has ended (one index probe).
 */
export const enterpriseHighValueSql = (enterpriseId: Sql, asOf: Sql) => sql`COALESCE((
    SELECT CASE WHEN h.ends > ${asOf} THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = ${enterpriseId} AND h.starts <= ${asOf} ORDER BY h.starts DESC LIMIT 1), 0)`;

/**
 * Per county of `countyCodes` (a text[]) that has any, on asOf: its valid invention patents, the high-value ones and the
 * strategic-emerging-industry ones — rows ("countyCode", valid, "highValue", strategic), read from one index.
 */
export function countySpanCountsSql(countyCodes: Sql, asOf: Sql): Sql {
  return sql`SELECT s.county_code AS "countyCode", count(*)::int AS valid,
                    count(*) FILTER (WHERE s.high_value)::int AS "highValue", count(*) FILTER (WHERE s.strategic)::int AS strategic
               FROM invention_span s
              WHERE s.county_code = ANY (${countyCodes}) AND ${spanHoldsSql(sql`s`, asOf)}
              GROUP BY s.county_code`;
}

/**
 * The same counts rolled up (issue 15): for each county of `countyCodes` (a text[]), over itself and every county below
 * it — rows ("countyCode", valid, "highValue", strategic). A patent counts once, in the county it is attributed to; the
 * spans are read from the same index, one range per member county.
 */
export function rolledSpanCountsSql(countyCodes: Sql, asOf: Sql): Sql {
  return sql`WITH member AS MATERIALIZED (${countyMembersSql(sql`SELECT unnest(${countyCodes}) AS code`)}),
       counted AS (${countySpanCountsSql(sql`ARRAY(SELECT DISTINCT m.code FROM member m)`, asOf)})
       SELECT m.root AS "countyCode", sum(c.valid)::int AS valid, sum(c."highValue")::int AS "highValue",
              sum(c.strategic)::int AS strategic
         FROM member m JOIN counted c ON c."countyCode" = m.code
        GROUP BY m.root`;
}

/** Status (from the patent's row) and kept reasons of the patents `patentIds` (an int[]) on asOf: rows (id, status, reasons). */
export function patentEvaluationSql(patentIds: Sql, asOf: Sql): Sql {
  return sql`SELECT p.id, ${patentStatusSql(sql`p`, asOf)} AS status, ${keptReasonsSql(sql`p`, asOf)} AS reasons
               FROM patent p WHERE p.id = ANY (${patentIds})`;
}

/** The high-value patents of each enterprise of `enterpriseIds` (an int[]) on asOf: rows (id, "highValue"). */
export function enterpriseHighValueCountsSql(enterpriseIds: Sql, asOf: Sql): Sql {
  return sql`SELECT e.id, ${enterpriseHighValueSql(sql`e.id`, asOf)} AS "highValue" FROM unnest(${enterpriseIds}) AS e(id)`;
}
