/**
 * The one home of the rules of patent status and high value (contract: "Patent status on a day",
 * "High-value invention patents"). Every query that needs them, for one patent or for a county of
 * 200,000, embeds these SQL expressions; nothing re-states them in TypeScript.
 *
 * Each function takes the alias of a `patent` row and a SQL expression of type date for asOf.
 */
import { plansInForceSql } from '../plan/plan.sql';
import { HighValueReason } from './high-value-reason';

type PatentSql = (p: string, asOf: string) => string;

const yearOf = (asOf: string) => `extract(year FROM ${asOf})::int`;

/** The first day the term is over: 20 years for inventions, 10 for utility models, 15 for designs filed since 2021-06-01, else 10. */
const termEndSql = (p: string) => `(${p}.filing_date + CASE ${p}.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN ${p}.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END)`;

const lapsedSql: PatentSql = (p, asOf) => `${p}.lapse_date <= ${asOf}`;
const expiredSql: PatentSql = (p, asOf) => `${asOf} >= ${termEndSql(p)}`;
const grantedSql: PatentSql = (p, asOf) => `${p}.grant_date <= ${asOf}`;

/** PatentStatus on asOf: LAPSED, then EXPIRED, then VALID, else PENDING. */
export const patentStatusSql: PatentSql = (p, asOf) => `CASE
    WHEN ${lapsedSql(p, asOf)} THEN 'LAPSED'
    WHEN ${expiredSql(p, asOf)} THEN 'EXPIRED'
    WHEN ${grantedSql(p, asOf)} THEN 'VALID'
    ELSE 'PENDING' END`;

/** Status VALID on asOf, written as a predicate the planner can use. */
export const patentValidSql: PatentSql = (p, asOf) =>
  `(${grantedSql(p, asOf)} AND (${p}.lapse_date IS NULL OR NOT ${lapsedSql(p, asOf)}) AND NOT ${expiredSql(p, asOf)})`;

/** Each reason as a predicate, in the enum's order. The sub-queries do not depend on `p`, so PostgreSQL hashes them once per query. */
export const REASON_SQL: Record<HighValueReason, PatentSql> = {
  STRATEGIC_EMERGING_INDUSTRY: (p) => `${p}.strategic_industry IS NOT NULL`,
  OVERSEAS_FAMILY: (p, asOf) => `${p}.id IN (SELECT og.patent_id FROM patent_overseas_grant og WHERE og.grant_date <= ${asOf})`,
  MAINTAINED_OVER_10_YEARS: (p, asOf) => `${asOf} > ${p}.filing_date + interval '10 years'`,
  // The pledged patent's county is looked up by key (OFFSET 0 keeps the planner from scanning every patent);
  // the thresholds in force are computed once per query, not once per pledge.
  HIGH_PLEDGE_FINANCING: (p, asOf) => `${p}.id IN (
      SELECT fp.patent_id FROM pledge_financing_patent fp
        JOIN pledge_financing f ON f.id = fp.pledge_financing_id
        JOIN LATERAL (SELECT pledged.county_code FROM patent pledged WHERE pledged.id = fp.patent_id OFFSET 0) pledged ON true
        JOIN (${plansInForceSql(yearOf(asOf))}) threshold ON threshold.county_code = pledged.county_code
       WHERE f.registered_on <= ${asOf} AND f.amount >= threshold.high_pledge_threshold)`,
  NATIONAL_AWARD: (p, asOf) => `${p}.id IN (SELECT pa.patent_id FROM patent_award pa WHERE pa.year <= ${yearOf(asOf)})`,
};

const REASONS = Object.values(HighValueReason);

const validInventionSql: PatentSql = (p, asOf) => `(${p}.type = 'INVENTION' AND ${patentValidSql(p, asOf)})`;

/** High-value on asOf: a valid invention patent for which at least one reason holds. */
export const highValueSql: PatentSql = (p, asOf) =>
  `(${validInventionSql(p, asOf)} AND (${REASONS.map((reason) => REASON_SQL[reason](p, asOf)).join('\n OR ')}))`;

/** The reasons that hold on asOf, in the enum's order; empty unless the patent is a valid invention patent. */
export const highValueReasonsSql: PatentSql = (p, asOf) => `CASE WHEN ${validInventionSql(p, asOf)}
    THEN array_remove(ARRAY[${REASONS.map((reason) => `CASE WHEN ${REASON_SQL[reason](p, asOf)} THEN '${reason}' END`).join(',\n ')}], NULL)
    ELSE '{}'::text[] END`;

/**
 * High-value patents owned (alone or jointly) by the enterprises whose ids `enterpriseIds` selects, on asOf:
 * rows (enterprise_id, high_value). The owners' inventions are gathered first so that the reasons are
 * evaluated on those rows only, not on every invention of the database.
 */
export function ownedHighValueCountsSql(enterpriseIds: string, asOf: string): string {
  return `WITH owned_invention AS MATERIALIZED (
      SELECT po.enterprise_id, p.* FROM patent_owner po JOIN patent p ON p.id = po.patent_id
       WHERE po.enterprise_id IN (${enterpriseIds}) AND p.type = 'INVENTION'
    )
    SELECT o.enterprise_id, count(*)::int AS high_value FROM owned_invention o
     WHERE ${highValueSql('o', asOf)}
     GROUP BY o.enterprise_id`;
}
