/**
 * The rules of patent status and high value (contract: "Patent status on a day", "High-value invention patents"),
 * evaluated directly on a patent's rows for a day. Status is read this way everywhere (it needs only the patent's own
 * row). High value is kept instead (migration InventionSpans, read through spans.sql.ts): the expressions below are the
 * reference that tests/high-value-spans.test.ts holds the kept spans against, on generated data and every boundary.
 *
 * Each function takes the alias of a `patent` row (sql`p`) and a SQL expression of type date for asOf.
 */
import { sql, Sql } from '../db/sql';
import { plansInForceSql } from '../plan/plan.sql';
import { HighValueReason } from './high-value-reason';

type PatentSql = (p: Sql, asOf: Sql) => Sql;

const yearOf = (asOf: Sql) => sql`extract(year FROM ${asOf})::int`;

/** The first day the term is over: 20 years for inventions, 10 for utility models, 15 for designs filed since 2021-06-01, else 10. */
export const termEndSql = (p: Sql) => sql`(${p}.filing_date + CASE ${p}.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN ${p}.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END)`;

const lapsedSql: PatentSql = (p, asOf) => sql`${p}.lapse_date <= ${asOf}`;
const expiredSql: PatentSql = (p, asOf) => sql`${asOf} >= ${termEndSql(p)}`;
const grantedSql: PatentSql = (p, asOf) => sql`${p}.grant_date <= ${asOf}`;

/** PatentStatus on asOf: LAPSED, then EXPIRED, then VALID, else PENDING. */
export const patentStatusSql: PatentSql = (p, asOf) => sql`CASE
    WHEN ${lapsedSql(p, asOf)} THEN 'LAPSED'
    WHEN ${expiredSql(p, asOf)} THEN 'EXPIRED'
    WHEN ${grantedSql(p, asOf)} THEN 'VALID'
    ELSE 'PENDING' END`;

/** Status VALID on asOf, written as a predicate the planner can use. */
export const patentValidSql: PatentSql = (p, asOf) =>
  sql`(${grantedSql(p, asOf)} AND (${p}.lapse_date IS NULL OR NOT ${lapsedSql(p, asOf)}) AND NOT ${expiredSql(p, asOf)})`;

/** The first day on which the patent `p` has been maintained over 10 years (the day after its 10th anniversary). */
export const maintainedOver10YearsFromSql = (p: Sql) => sql`((${p}.filing_date + interval '10 years')::date + 1)`;

/** Each reason as a predicate, in the enum's order. The sub-queries do not depend on `p`, so PostgreSQL hashes them once per query. */
export const REASON_SQL: Record<HighValueReason, PatentSql> = {
  STRATEGIC_EMERGING_INDUSTRY: (p) => sql`${p}.strategic_industry IS NOT NULL`,
  OVERSEAS_FAMILY: (p, asOf) => sql`${p}.id IN (SELECT og.patent_id FROM patent_overseas_grant og WHERE og.grant_date <= ${asOf})`,
  MAINTAINED_OVER_10_YEARS: (p, asOf) => sql`${asOf} >= ${maintainedOver10YearsFromSql(p)}`,
  // The pledged patent's county is looked up by key (OFFSET 0 keeps the planner from scanning every patent);
  // the thresholds in force are computed once per query, not once per pledge.
  HIGH_PLEDGE_FINANCING: (p, asOf) => sql`${p}.id IN (
      SELECT fp.patent_id FROM pledge_financing_patent fp
        JOIN pledge_financing f ON f.id = fp.pledge_financing_id
        JOIN LATERAL (SELECT pledged.county_code FROM patent pledged WHERE pledged.id = fp.patent_id OFFSET 0) pledged ON true
        JOIN (${plansInForceSql(yearOf(asOf))}) threshold ON threshold.county_code = pledged.county_code
       WHERE f.registered_on <= ${asOf} AND f.amount >= threshold.high_pledge_threshold)`,
  NATIONAL_AWARD: (p, asOf) => sql`${p}.id IN (SELECT pa.patent_id FROM patent_award pa WHERE pa.year <= ${yearOf(asOf)})`,
};

const REASONS = Object.values(HighValueReason);

/** A valid invention patent on asOf: what high value and the indicators' invention counts start from. */
export const validInventionSql: PatentSql = (p, asOf) => sql`(${p}.type = 'INVENTION' AND ${patentValidSql(p, asOf)})`;

/** High-value on asOf: a valid invention patent for which at least one reason holds. */
export const highValueSql: PatentSql = (p, asOf) =>
  sql`(${validInventionSql(p, asOf)} AND (${sql.join(
    REASONS.map((reason) => REASON_SQL[reason](p, asOf)),
    '\n OR ',
  )}))`;

/** The reasons that hold on asOf, in the enum's order; empty unless the patent is a valid invention patent. */
export const highValueReasonsSql: PatentSql = (p, asOf) => sql`CASE WHEN ${validInventionSql(p, asOf)}
    THEN array_remove(ARRAY[${sql.join(
      REASONS.map((reason) => sql`CASE WHEN ${REASON_SQL[reason](p, asOf)} THEN ${sql.literal(reason)} END`),
      ',\n ',
    )}], NULL)
    ELSE '{}'::text[] END`;

/**
 * High-value patents owned (alone or jointly) by the enterprises whose ids `enterpriseIds` selects, on asOf:
 * rows (enterprise_id, high_value). The owners' inventions are gathered first so that the reasons are
 * evaluated on those rows only, not on every invention of the database.
 */
export function ownedHighValueCountsSql(enterpriseIds: Sql, asOf: Sql): Sql {
  return sql`WITH owned_invention AS MATERIALIZED (
      SELECT po.enterprise_id, p.* FROM patent_owner po JOIN patent p ON p.id = po.patent_id
       WHERE po.enterprise_id IN (${enterpriseIds}) AND p.type = 'INVENTION'
    )
    SELECT o.enterprise_id, count(*)::int AS high_value FROM owned_invention o
     WHERE ${highValueSql(sql`o`, asOf)}
     GROUP BY o.enterprise_id`;
}
