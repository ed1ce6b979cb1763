/**
 * What the benchmark asks: three GraphQL operations, and hand-written SQL for the first two that answers the
 * same question straight from the tables through `pg`. The SQL is written here from the contract
 * (shared/contract/README.md), independently of the app's SQL builders, so that the two paths can be
 * compared and cross-checked.
 */

import { exampleOperation } from '../src/graphql/operations';

export const CATEGORY_ORDER = `ARRAY['LISTED_CULTIVATION', 'SPECIALIZED_NEW', 'HIGH_TECH']::text[]`;

// ---------------------------------------------------------------- GraphQL (the example operations of schema/operations/)

/** (a) the county's enterprise-level target gaps, largest gap first (its first page of 50) */
export const TARGET_GAPS_QUERY = exampleOperation('TargetGaps');

/** (b) the county's breakthrough summary and high-value patent count */
export const COUNTY_SUMMARY_QUERY = exampleOperation('CountyDashboard');

/** (c) an enterprise profile */
export const ENTERPRISE_PROFILE_QUERY = exampleOperation('EnterpriseProfile');

export interface TargetGapNode {
  enterprise: { name: string; creditCode: string };
  category: string;
  target: number;
  current: number;
  gap: number;
  met: boolean;
}

export interface TargetGapsData {
  targetGaps: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: TargetGapNode }[] };
}

export interface SummaryRow {
  category: string;
  target: number;
  enterpriseCount: number;
  metCount: number;
  totalGap: number;
}

export interface CountySummaryData {
  county: { code: string; name: string; highValuePatentCount: number; breakthroughSummary: SummaryRow[] } | null;
}

export interface EnterpriseProfileData {
  enterprise: {
    creditCode: string;
    categories: string[];
    highValuePatentCount: number;
    targetGaps: { category: string; target: number; current: number; gap: number; met: boolean }[];
    patents: { totalCount: number; edges: { node: { applicationNumber: string; isHighValue: boolean; highValueReasons: string[] } }[] };
  } | null;
}

// ---------------------------------------------------------------- plain SQL ($1 county code, $2 asOf)

/**
 * The facts behind the reasons, as small sets computed once per statement: the pledge threshold of the plan
 * in force in each county in asOf's year, the largest pledge registered on or before asOf of each pledged
 * patent, and the patents with an overseas grant or an award by asOf.
 */
const REASON_CTES = `
  threshold AS (
    SELECT DISTINCT ON (county_code) county_code, high_pledge_threshold
      FROM plan WHERE start_year <= extract(year FROM $2::date)
     ORDER BY county_code, start_year DESC
  ),
  pledge_max AS (
    SELECT fp.patent_id, max(f.amount) AS amount
      FROM pledge_financing f JOIN pledge_financing_patent fp ON fp.pledge_financing_id = f.id
     WHERE f.registered_on <= $2::date
     GROUP BY fp.patent_id
  ),
  overseas AS (SELECT patent_id FROM patent_overseas_grant WHERE grant_date <= $2::date),
  awarded AS (SELECT patent_id FROM patent_award WHERE year <= extract(year FROM $2::date))`;

/** `p` is an invention patent VALID on $2: granted, not lapsed, its 20-year term not over */
const validInvention = (p: string) => `${p}.type = 'INVENTION' AND ${p}.grant_date <= $2::date
     AND (${p}.lapse_date IS NULL OR ${p}.lapse_date > $2::date) AND ${p}.filing_date + interval '20 years' > $2::date`;

/** the high-value ones among the valid inventions `v` (columns id, county_code, strategic_industry, filing_date) */
const highValueOf = (v: string) => `
    SELECT v.id, v.county_code FROM ${v} v
      LEFT JOIN pledge_max pm ON pm.patent_id = v.id
      LEFT JOIN threshold th ON th.county_code = v.county_code
     WHERE v.strategic_industry IS NOT NULL
        OR v.id IN (SELECT patent_id FROM overseas)
        OR v.filing_date + interval '10 years' < $2::date
        OR pm.amount >= th.high_pledge_threshold
        OR v.id IN (SELECT patent_id FROM awarded)`;

/** enterprises of county $1 with a membership valid on $2 of a category the plan in force sets a target for */
const MEMBER_CTES = `
  target AS (
    SELECT t.category, t.min_high_value_patents AS target
      FROM plan_breakthrough_target t
     WHERE t.plan_id = (SELECT id FROM plan WHERE county_code = $1 AND start_year <= extract(year FROM $2::date)
                         ORDER BY start_year DESC LIMIT 1)
  ),
  member AS (
    SELECT e.id, e.name, e.credit_code, t.category, t.target
      FROM target t
      JOIN enterprise_membership m ON m.category = t.category
      JOIN enterprise e ON e.id = m.enterprise_id
     WHERE e.county_code = $1 AND m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to >= $2::date)
     GROUP BY e.id, t.category, t.target
  )`;

/** the gap of every member row, given `high_value` (id) covering at least the patents members own */
const GAP_CTES = `
  owned AS (
    SELECT po.enterprise_id, count(*) AS high_value
      FROM high_value h JOIN patent_owner po ON po.patent_id = h.id
     WHERE po.enterprise_id IN (SELECT id FROM member)
     GROUP BY po.enterprise_id
  ),
  gap AS (
    SELECT m.*, COALESCE(o.high_value, 0)::int AS current,
           greatest(m.target - COALESCE(o.high_value, 0), 0)::int AS gap
      FROM member m LEFT JOIN owned o ON o.enterprise_id = m.id
  )`;

/** (a) the first 50 gap rows of county $1 on $2, with the total number of rows */
export const TARGET_GAPS_SQL = `
WITH ${REASON_CTES}, ${MEMBER_CTES},
  member_invention AS MATERIALIZED (
    SELECT p.id, p.county_code, p.strategic_industry, p.filing_date
      FROM patent p
     WHERE p.id IN (SELECT po.patent_id FROM patent_owner po WHERE po.enterprise_id IN (SELECT id FROM member))
       AND ${validInvention('p')}
  ),
  high_value AS (${highValueOf('member_invention')}),
  ${GAP_CTES}
SELECT name, credit_code AS "creditCode", category, target, current, gap, current >= target AS met,
       count(*) OVER ()::int AS "totalCount"
  FROM gap
 ORDER BY gap DESC, name COLLATE "C", credit_code, array_position(${CATEGORY_ORDER}, category)
 LIMIT 50`;

/** (b) one row per category of the plan in force on $2 in county $1, each with the county's high-value count */
export const COUNTY_SUMMARY_SQL = `
WITH ${REASON_CTES}, ${MEMBER_CTES},
  -- the valid inventions either count needs: those attributed to the county and those its members own
  relevant_invention AS MATERIALIZED (
    SELECT p.id, p.county_code, p.strategic_industry, p.filing_date
      FROM patent p
     WHERE (p.county_code = $1 OR p.id IN (SELECT po.patent_id FROM patent_owner po WHERE po.enterprise_id IN (SELECT id FROM member)))
       AND ${validInvention('p')}
  ),
  high_value AS MATERIALIZED (${highValueOf('relevant_invention')}),
  ${GAP_CTES},
  summary AS (
    SELECT t.category, t.target,
           count(g.id)::int AS "enterpriseCount",
           count(*) FILTER (WHERE g.current >= g.target)::int AS "metCount",
           COALESCE(sum(g.gap), 0)::int AS "totalGap"
      FROM target t LEFT JOIN gap g ON g.category = t.category
     GROUP BY t.category, t.target
  ),
  county_count AS (SELECT count(*)::int AS "highValuePatentCount" FROM high_value WHERE county_code = $1)
SELECT c."highValuePatentCount", s.*
  FROM county_count c LEFT JOIN summary s ON true
 ORDER BY array_position(${CATEGORY_ORDER}, s.category)`;

/** high-value patents an enterprise ($1: its id) owns on $2, for cross-checking (c) */
export const ENTERPRISE_HIGH_VALUE_SQL = `
WITH ${REASON_CTES},
  own_invention AS (
    SELECT p.id, p.county_code, p.strategic_industry, p.filing_date
      FROM patent_owner po JOIN patent p ON p.id = po.patent_id
     WHERE po.enterprise_id = $1 AND ${validInvention('p')}
  )
SELECT count(*)::int AS n FROM (${highValueOf('own_invention')}) h`;

/** how many high-value patents of county $1 each reason covers on $2: proves that every reason occurs */
export const REASON_COVERAGE_SQL = `
WITH ${REASON_CTES}
SELECT count(*) FILTER (WHERE p.strategic_industry IS NOT NULL)::int AS "STRATEGIC_EMERGING_INDUSTRY",
       count(*) FILTER (WHERE p.id IN (SELECT patent_id FROM overseas))::int AS "OVERSEAS_FAMILY",
       count(*) FILTER (WHERE p.filing_date + interval '10 years' < $2::date)::int AS "MAINTAINED_OVER_10_YEARS",
       count(*) FILTER (WHERE pm.amount >= th.high_pledge_threshold)::int AS "HIGH_PLEDGE_FINANCING",
       count(*) FILTER (WHERE p.id IN (SELECT patent_id FROM awarded))::int AS "NATIONAL_AWARD",
       count(*) FILTER (WHERE pm.amount < th.high_pledge_threshold)::int AS "pledged below the threshold",
       count(*)::int AS "valid inventions"
  FROM patent p
  LEFT JOIN pledge_max pm ON pm.patent_id = p.id
  LEFT JOIN threshold th ON th.county_code = p.county_code
 WHERE p.county_code = $1 AND ${validInvention('p')}`;

// ---------------------------------------------------------------- more GraphQL

/** (d) the nested read: a county's first 50 enterprises by name with their total, and each one's first 10 patents */
export const NESTED_READ_QUERY = exampleOperation('CountyEnterprisePatents');

/** (e) the county's plan indicators */
export const INDICATORS_QUERY = `query BenchIndicators($countyCode: ID!, $asOf: Date) {
  county(code: $countyCode) { indicators(asOf: $asOf) { kind target actual progress met statisticsYear missingReason } }
}`;

/** (f) the counties of a city compared on one indicator */
export const COMPARISON_QUERY = `query BenchComparison($parentCode: ID!, $asOf: Date) {
  indicatorComparison(parentCode: $parentCode, kind: HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, asOf: $asOf) {
    rank county { code } value { actual progress }
  }
}`;

export interface NestedReadData {
  county: {
    enterprises: {
      totalCount: number;
      edges: {
        node: { creditCode: string; name: string; patents: { totalCount: number; edges: { node: { applicationNumber: string } }[] } };
      }[];
    };
  } | null;
}

export interface IndicatorsData {
  county: { indicators: { kind: string; actual: number | null }[] } | null;
}

export interface ComparisonData {
  indicatorComparison: { rank: number | null; county: { code: string }; value: { actual: number | null } | null }[];
}

// ---------------------------------------------------------------- more plain SQL

/** the reasons that hold for a valid invention `v` on $2, in the enum's order (with pledge_max pm and threshold th joined) */
const reasonsOf = (v: string) => `array_remove(ARRAY[
    CASE WHEN ${v}.strategic_industry IS NOT NULL THEN 'STRATEGIC_EMERGING_INDUSTRY' END,
    CASE WHEN ${v}.id IN (SELECT patent_id FROM overseas) THEN 'OVERSEAS_FAMILY' END,
    CASE WHEN ${v}.filing_date + interval '10 years' < $2::date THEN 'MAINTAINED_OVER_10_YEARS' END,
    CASE WHEN pm.amount >= th.high_pledge_threshold THEN 'HIGH_PLEDGE_FINANCING' END,
    CASE WHEN ${v}.id IN (SELECT patent_id FROM awarded) THEN 'NATIONAL_AWARD' END], NULL)`;

/** (c) an enterprise ($1: its id) on $2: its high-value count and its first 20 patents with their reasons */
export const ENTERPRISE_PROFILE_SQL = `
WITH ${REASON_CTES},
  own AS (
    SELECT p.id, p.application_number, p.filing_date, p.county_code, p.strategic_industry,
           p.type = 'INVENTION' AND p.grant_date <= $2::date AND (p.lapse_date IS NULL OR p.lapse_date > $2::date)
             AND p.filing_date + interval '20 years' > $2::date AS valid_invention
      FROM patent_owner po JOIN patent p ON p.id = po.patent_id WHERE po.enterprise_id = $1
  ),
  evaluated AS (
    SELECT o.*, CASE WHEN o.valid_invention THEN ${reasonsOf('o')} ELSE '{}'::text[] END AS reasons
      FROM own o LEFT JOIN pledge_max pm ON pm.patent_id = o.id LEFT JOIN threshold th ON th.county_code = o.county_code
  )
SELECT (SELECT count(*) FROM evaluated)::int AS total,
       (SELECT count(*) FROM evaluated WHERE cardinality(reasons) > 0)::int AS "highValue",
       (SELECT json_agg(json_build_object('applicationNumber', application_number, 'highValueReasons', reasons)
                        ORDER BY filing_date DESC, application_number)
          FROM (SELECT * FROM evaluated ORDER BY filing_date DESC, application_number LIMIT 20) page) AS patents`;

/** (d) the nested read in one statement: county $1's first 50 enterprises by name, their total, and 10 patents of each */
export const NESTED_READ_SQL = `
SELECT (SELECT count(*) FROM enterprise WHERE county_code = $1)::int AS "totalCount",
       json_agg(json_build_object('creditCode', e.credit_code, 'name', e.name, 'patentCount', p.total, 'patents', p.page)
                ORDER BY e.name COLLATE "C", e.credit_code) AS enterprises
  FROM (SELECT * FROM enterprise WHERE county_code = $1 ORDER BY name COLLATE "C", credit_code LIMIT 50) e
  CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM patent_owner po WHERE po.enterprise_id = e.id)::int AS total,
           (SELECT json_agg(json_build_object('applicationNumber', x.application_number, 'title', x.title, 'filingDate', x.filing_date)
                            ORDER BY x.filing_date DESC, x.application_number)
              FROM (SELECT p.application_number, p.title, p.filing_date FROM patent_owner po JOIN patent p ON p.id = po.patent_id
                     WHERE po.enterprise_id = e.id ORDER BY p.filing_date DESC, p.application_number LIMIT 10) x) AS page
  ) p`;

/** the valid inventions of the counties `counties` (a query of codes) on $2, and the high-value ones among them */
const COUNTED_INVENTIONS = (counties: string) => `
  valid AS MATERIALIZED (
    SELECT p.id, p.county_code, p.strategic_industry, p.filing_date FROM patent p
     WHERE p.county_code IN (${counties}) AND ${validInvention('p')}
  ),
  high_value AS (${highValueOf('valid')})`;

/** the latest population reported for county `c` in $2's year or before */
const population = (c: string) => `(SELECT s.population FROM county_statistics s
    WHERE s.county_code = ${c} AND s.year <= extract(year FROM $2::date) AND s.population IS NOT NULL ORDER BY s.year DESC LIMIT 1)`;

/** (e) four of county $1's indicators on $2 (the kinds the bench's plan sets targets for) */
export const INDICATORS_SQL = `
WITH ${REASON_CTES}, ${COUNTED_INVENTIONS('$1')}
SELECT (SELECT count(*) FROM high_value)::int AS "HIGH_VALUE_PATENTS",
       (SELECT count(*) FROM high_value) / (${population('$1')} / 10000.0)::float8 AS "HIGH_VALUE_PATENTS_PER_10K_RESIDENTS",
       (SELECT count(*) FROM valid WHERE strategic_industry IS NOT NULL)::int AS "SEI_INVENTION_PATENTS",
       (SELECT count(DISTINCT m.enterprise_id) FROM enterprise_membership m JOIN enterprise e ON e.id = m.enterprise_id
         WHERE e.county_code = $1 AND m.category = 'HIGH_TECH' AND m.valid_from <= $2::date
           AND (m.valid_to IS NULL OR m.valid_to >= $2::date))::int AS "HIGH_TECH_ENTERPRISES"`;

/** (f) the counties under $1 with a density target in their plan in force on $2: their density, highest first */
export const COMPARISON_SQL = `
WITH ${REASON_CTES}, ${COUNTED_INVENTIONS('SELECT code FROM county WHERE parent_code = $1')},
  targeted AS (
    SELECT c.code, t.target FROM county c
      JOIN LATERAL (SELECT id FROM plan WHERE county_code = c.code AND start_year <= extract(year FROM $2::date)
                     ORDER BY start_year DESC LIMIT 1) pl ON true
      JOIN plan_indicator_target t ON t.plan_id = pl.id AND t.kind = 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS'
     WHERE c.parent_code = $1
  )
SELECT code, actual FROM (
  SELECT t.code, t.target,
         (SELECT count(*) FROM high_value h WHERE h.county_code = t.code) / (${population('t.code')} / 10000.0)::float8 AS actual
    FROM targeted t) v
 ORDER BY actual / target DESC NULLS LAST, code`;
