/**
 * Plan indicators (主要指标), computed in SQL: one statement evaluates every indicator target of the plans in
 * force of many counties on one day. Valid, high-value and strategic-emerging-industry invention patents are counted
 * from the kept spans (spans.sql.ts: one index range of each county), memberships from their county's index range;
 * membership validity and the plan in force come from their one home each (membershipValidSql, planInForceSql).
 */
import { County } from '../county/county';
import { sql, Sql } from '../db/sql';
import { membershipValidSql } from '../enterprise/membership.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { groupByKey } from '../graphql/loaders';
import { countyFigures, groupFigure } from '../figures/county-figures';
import { countyMembersSql } from '../county/county-members.sql';
import { countySpanCountsSql, spanHoldsSql } from '../high-value/spans.sql';
import { planInForceSql } from '../plan/plan.sql';
import { CountyIndicatorRank, INDICATOR_DEFINITIONS, IndicatorValue, PlanConsistencyCheck } from './indicator';
import { IndicatorKind, INDICATOR_KINDS } from './indicator-kind';
import { ComparisonBasis } from './comparison-basis';
import { Yardstick } from '../breakthrough/yardstick';

/** An innovation platform row `ip` counts on `asOf`: recognised on or before it and, when validTo is set, not after validTo. */
export function platformValidSql(ip: Sql, asOf: Sql): Sql {
  return sql`(${ip}.recognised_on <= ${asOf} AND (${ip}.valid_to IS NULL OR ${asOf} <= ${ip}.valid_to))`;
}

/** The reported figures of county_statistics that indicators use, with the name a missingReason gives them. */
const FIGURES = {
  population: '常住人口 population',
  gdp: '地区生产总值 GDP',
  rd_investment: '研发经费投入 R&D investment',
  sei_output_value: '战略性新兴产业总产值 SEI output value',
  ip_service_agencies: '知识产权综合服务机构数 IP service agencies',
  patent_service_practitioners: '专利综合服务从业人员数 patent service practitioners',
} as const;
export type Figure = keyof typeof FIGURES;
const FIGURE_NAMES = Object.keys(FIGURES) as Figure[];

/** The latest report of a figure for `county` in `year` or an earlier year: a lateral sub-query of (year, value). */
function latestFigureSql(county: Sql, year: Sql, figure: Figure): Sql {
  const column = sql`st.${sql.identifier(figure)}`;
  return sql`SELECT st.year, ${column}::numeric AS value FROM county_statistics st
           WHERE st.county_code = ${county} AND st.year <= ${year} AND ${column} IS NOT NULL
           ORDER BY st.year DESC LIMIT 1`;
}

function missingFigureSql(figure: Figure, value: Sql, year: Sql, missingIn: Sql = sql`NULL::text`): Sql {
  return sql`CASE WHEN ${value} IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', ${sql.literal(FIGURES[figure])}, ${year})
    || CASE WHEN ${missingIn} IS NOT NULL THEN format(' by %s (the division reports none of its own)', ${missingIn}) ELSE '' END END`;
}

/**
 * A figure of `county` (the root of the members `member`: rows county, code, leaf) for `year`, as a lateral sub-query of
 * (year, value, missing_in): the county's own latest report (latestFigureSql) when it has one; else, for a division with
 * counties below it, the sum of the latest reports of its leaf counties, the earliest of their years as the year, null
 * when any of them reports none — missing_in then names them ("500232 丰都县, …").
 */
export function rolledFigureSql(county: Sql, year: Sql, figure: Figure): Sql {
  return sql`SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (${latestFigureSql(county, year, figure)}) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (${latestFigureSql(sql`lf.code`, year, figure)}) f ON true
                  WHERE lf.county = ${county} AND lf.leaf AND lf.code <> ${county}
                 HAVING count(*) > 0) below ON true`;
}

/** A column of the facts row `f` (see indicatorRowsSql). */
const fact = (column: string) => sql`f.${sql.identifier(column)}`;

/** Per-county facts that one or more kinds need; each is computed only for the counties whose plan has such a kind. */
type Fact = 'inventions' | 'baselineHighValue' | 'enterprises' | 'platforms' | 'pledges' | 'loans';

/** How one kind is measured, as SQL over a row `f` of the facts (see indicatorRowsSql). */
interface Measure {
  needs: Fact[];
  numerator: Sql;
  denominator?: Sql;
  actual: Sql;
  statisticsYear?: Sql;
  baseline?: Sql;
  baselineYear?: Sql;
  missingReason?: Sql;
}

/** A count divided by (figure ÷ divisor), the figure reported in the year of asOf or the latest earlier year. */
const perFigure = (figure: Figure, divisor: number): Measure => ({
  needs: ['inventions'],
  numerator: sql`f.high_value`,
  denominator: sql`${fact(figure)} / ${sql.literal(divisor)}.0`,
  actual: sql`f.high_value / NULLIF(${fact(figure)} / ${sql.literal(divisor)}.0, 0)`,
  statisticsYear: fact(`${figure}_year`),
  missingReason: missingFigureSql(figure, fact(figure), sql`f.year`, fact(`${figure}_missing`)),
});

const count = (needs: Fact, column: string): Measure => ({ needs: [needs], numerator: fact(column), actual: fact(column) });

const reported = (figure: Figure): Measure => ({
  needs: [],
  numerator: fact(figure),
  actual: fact(figure),
  statisticsYear: fact(`${figure}_year`),
  missingReason: missingFigureSql(figure, fact(figure), sql`f.year`, fact(`${figure}_missing`)),
});

/**
 * The R&D investment of `county` in exactly `year` (the growth's base): its own report, else, for a division, the sum
 * of its leaf counties' reports of that year, null when any of them has none (missing_in names them).
 */
function rolledBaseSql(county: Sql, year: Sql): Sql {
  return sql`SELECT COALESCE(own.rd_investment, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.rd_investment IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN county_statistics own ON own.county_code = ${county} AND own.year = ${year} AND own.rd_investment IS NOT NULL
               LEFT JOIN LATERAL (
                 SELECT sum(st.rd_investment) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE st.rd_investment IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN county_statistics st ON st.county_code = lf.code AND st.year = ${year}
                  WHERE lf.county = ${county} AND lf.leaf AND lf.code <> ${county}
                 HAVING count(*) > 0) below ON true`;
}

/** R&D growth runs from the base year (startYear − 1) to the latest later year reporting R&D investment. */
const RD_GROWTH_YEARS = sql`(f.rd_investment_year - (f.start_year - 1))`;
const RD_GROWTH_DEFINED = sql`(${RD_GROWTH_YEARS} > 0 AND f.rd_base > 0)`;

function measures(asOf: Sql): Record<IndicatorKind, Measure> {
  return {
    HIGH_VALUE_PATENTS: count('inventions', 'high_value'),
    HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: perFigure('population', 10_000),
    HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: perFigure('rd_investment', 100_000_000),
    HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: perFigure('gdp', 100_000_000),
    SEI_INVENTION_PATENTS: count('inventions', 'sei_inventions'),
    SEI_INVENTION_PATENT_SHARE: {
      needs: ['inventions'],
      numerator: sql`f.sei_inventions`,
      denominator: sql`f.valid_inventions`,
      actual: sql`100.0 * f.sei_inventions / NULLIF(f.valid_inventions, 0)`,
      missingReason: sql`CASE WHEN f.valid_inventions = 0 THEN format(
        '有效发明专利 valid invention patents: 无 none attributed to the county on %s, so the share is undefined', ${asOf}) END`,
    },
    HIGH_TECH_ENTERPRISES: count('enterprises', 'high_tech'),
    SPECIALIZED_NEW_ENTERPRISES: count('enterprises', 'specialized_new'),
    INNOVATION_PLATFORMS: count('platforms', 'platforms'),
    NEW_HIGH_VALUE_PATENTS: {
      needs: ['inventions', 'baselineHighValue'],
      numerator: sql`f.high_value`,
      actual: sql`f.high_value - f.baseline_high_value`,
      baseline: sql`f.baseline_high_value`,
      baselineYear: sql`f.start_year - 1`,
    },
    PLEDGE_FINANCING_AMOUNT: count('pledges', 'pledge_amount'),
    KNOWLEDGE_VALUE_LOANS: count('loans', 'loan_amount'),
    RD_INVESTMENT_GROWTH: {
      needs: [],
      numerator: sql`CASE WHEN ${RD_GROWTH_DEFINED} THEN f.rd_investment END`,
      denominator: sql`f.rd_base`,
      actual: sql`CASE WHEN ${RD_GROWTH_DEFINED}
                 THEN 100 * (power((f.rd_investment / f.rd_base)::float8, 1.0 / ${RD_GROWTH_YEARS}) - 1) END`,
      statisticsYear: sql`CASE WHEN ${RD_GROWTH_DEFINED} THEN f.rd_investment_year END`,
      baseline: sql`f.rd_base`,
      baselineYear: sql`f.start_year - 1`,
      missingReason: sql`CASE
        WHEN f.rd_base IS NULL THEN format('%s: 未报送 not reported for %s, the year before the plan started', ${sql.literal(FIGURES.rd_investment)}, f.start_year - 1)
          || CASE WHEN f.rd_base_missing IS NOT NULL THEN format(' by %s (the division reports none of its own)', f.rd_base_missing) ELSE '' END
        WHEN NOT ${RD_GROWTH_DEFINED} OR f.rd_investment IS NULL
          THEN format('%s: 未报送 not reported for any year from %s to %s', ${sql.literal(FIGURES.rd_investment)}, f.start_year, f.year) END`,
    },
    SEI_OUTPUT_VALUE: reported('sei_output_value'),
    IP_SERVICE_AGENCIES: reported('ip_service_agencies'),
    PATENT_SERVICE_PRACTITIONERS: reported('patent_service_practitioners'),
  };
}

export interface IndicatorRowsQuery {
  /** SQL of the counties to evaluate: a query with a text column `code` */
  counties: Sql;
  /** SQL date expression of asOf */
  asOf: Sql;
  /** SQL text[] expression of the kinds to evaluate, or NULL for every kind */
  kinds: Sql;
  /** SQL text[] expression of IndicatorKind in the enum's order */
  order: Sql;
  /**
   * SQL of the targets instead of each county's plan in force: rows (county, start_year, kind, target, kind_order); a
   * null target is evaluated too (its progress and met are null)
   */
  targets?: Sql;
}

const kindList = (kinds: IndicatorKind[]) => sql.join(kinds.map((kind) => sql.literal(kind)));

/**
 * One row per indicator target of the plan in force on asOf of each county: columns "countyCode", kind,
 * "kindOrder", target, numerator, denominator, actual, progress, met, "statisticsYear", baseline,
 * "baselineYear", "missingReason", "asOf". Unordered.
 */
export function indicatorRowsSql({ counties, asOf, kinds, order, targets }: IndicatorRowsQuery): Sql {
  const byKind = measures(asOf);
  const needing = (needs: Fact) => {
    const kindsNeeding = INDICATOR_KINDS.filter((kind) => byKind[kind].needs.includes(needs));
    return sql`SELECT t.county FROM target t WHERE t.kind IN (${kindList(kindsNeeding)})`;
  };
  const figureColumns = sql.join(
    FIGURE_NAMES.map(
      (figure) =>
        sql`${sql.identifier(figure)}.year AS ${sql.identifier(`${figure}_year`)}, ${sql.identifier(figure)}.value AS ${sql.identifier(figure)},
           ${sql.identifier(figure)}.missing_in AS ${sql.identifier(`${figure}_missing`)}`,
    ),
    ',\n           ',
  );
  const figureJoins = sql.join(
    FIGURE_NAMES.map(
      (figure) => sql`LEFT JOIN LATERAL (${rolledFigureSql(sql`s.county`, sql`s.year`, figure)}) ${sql.identifier(figure)} ON true`,
    ),
    '\n      ',
  );
  const NULL = sql`NULL`;
  const measureRows = sql.join(
    INDICATOR_KINDS.map((kind) => {
      const m = byKind[kind];
      return sql`SELECT f.county, ${sql.literal(kind)}::text AS kind, (${m.numerator})::float8 AS numerator,
              (${m.denominator ?? NULL})::float8 AS denominator, (${m.actual})::float8 AS actual,
              (${m.statisticsYear ?? NULL})::int AS statistics_year, (${m.baseline ?? NULL})::float8 AS baseline,
              (${m.baselineYear ?? NULL})::int AS baseline_year, (${m.missingReason ?? NULL})::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = ${sql.literal(kind)})`;
    }),
    '\n      UNION ALL\n      ',
  );
  const year = sql`extract(year FROM ${asOf})::int`;

  return sql`
    WITH target AS (${
      targets ??
      sql`SELECT c.code AS county, pl.start_year, t.kind, t.target, array_position(${order}, t.kind) AS kind_order
        FROM (${counties}) c
        JOIN LATERAL (${planInForceSql(sql`c.code`, year, sql`pl.id, pl.start_year`)}) pl ON true
        JOIN plan_indicator_target t ON t.plan_id = pl.id
       WHERE ${kinds} IS NULL OR t.kind = ANY(${kinds})`
    }),
    scope AS (
      SELECT DISTINCT t.county, t.start_year, ${year} AS year,
             make_date(t.start_year, 1, 1) AS period_start, make_date(t.start_year - 1, 12, 31) AS baseline_day
        FROM target t
    ),
    -- each county and every county below it (a division's figures are its own and theirs)
    member AS MATERIALIZED (
      SELECT m.root AS county, m.code, m.leaf FROM (${countyMembersSql(sql`SELECT DISTINCT sc.county AS code FROM scope sc`)}) m
    ),
    invention AS (
      SELECT mb.county AS "countyCode", sum(c.valid)::int AS valid, sum(c."highValue")::int AS "highValue", sum(c.strategic)::int AS strategic
        FROM member mb
        JOIN (${countySpanCountsSql(sql`ARRAY(SELECT mb.code FROM member mb WHERE mb.county IN (${needing('inventions')}))`, asOf)}) c
          ON c."countyCode" = mb.code
       WHERE mb.county IN (${needing('inventions')})
       GROUP BY mb.county
    ),
    baseline_high_value AS (
      SELECT sc.county, b.n FROM scope sc
        CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM invention_span s
                             WHERE s.county_code = ANY (ARRAY(SELECT mb.code FROM member mb WHERE mb.county = sc.county))
                               AND s.high_value AND ${spanHoldsSql(sql`s`, sql`sc.baseline_day`)}) b
       WHERE sc.county IN (${needing('baselineHighValue')})
    ),
    enterprise_count AS (
      SELECT mb.county,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'HIGH_TECH' AND ${membershipValidSql(sql`m`, asOf)})::int AS high_tech,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'SPECIALIZED_NEW')::int AS specialized_new
        FROM member mb JOIN enterprise_membership m ON m.county_code = mb.code
       WHERE mb.county IN (${needing('enterprises')}) AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND m.valid_from <= ${asOf}
       GROUP BY mb.county
    ),
    platform AS (
      SELECT mb.county, count(*)::int AS n
        FROM member mb JOIN enterprise e ON e.county_code = mb.code JOIN innovation_platform ip ON ip.enterprise_id = e.id
       WHERE mb.county IN (${needing('platforms')}) AND ${platformValidSql(sql`ip`, asOf)}
       GROUP BY mb.county
    ),
    pledge AS (
      SELECT s.county, sum(f.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN pledge_financing f ON f.enterprise_id = e.id
       WHERE s.county IN (${needing('pledges')}) AND f.registered_on BETWEEN s.period_start AND ${asOf}
       GROUP BY s.county
    ),
    loan AS (
      SELECT s.county, sum(l.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN knowledge_value_loan l ON l.enterprise_id = e.id
       WHERE s.county IN (${needing('loans')}) AND l.granted_on BETWEEN s.period_start AND ${asOf}
       GROUP BY s.county
    ),
    facts AS (
      SELECT s.county, s.start_year, s.year,
             COALESCE(vi."highValue", 0) AS high_value, COALESCE(bhv.n, 0) AS baseline_high_value,
             COALESCE(vi.valid, 0) AS valid_inventions, COALESCE(vi.strategic, 0) AS sei_inventions,
             COALESCE(ec.high_tech, 0) AS high_tech, COALESCE(ec.specialized_new, 0) AS specialized_new,
             COALESCE(pf.n, 0) AS platforms, COALESCE(pg.amount, 0) AS pledge_amount, COALESCE(ln.amount, 0) AS loan_amount,
             ${figureColumns},
             rd_base.value AS rd_base, rd_base.missing_in AS rd_base_missing
        FROM scope s
        LEFT JOIN baseline_high_value bhv ON bhv.county = s.county
        LEFT JOIN invention vi ON vi."countyCode" = s.county
        LEFT JOIN enterprise_count ec ON ec.county = s.county
        LEFT JOIN platform pf ON pf.county = s.county
        LEFT JOIN pledge pg ON pg.county = s.county
        LEFT JOIN loan ln ON ln.county = s.county
        ${figureJoins}
        LEFT JOIN LATERAL (${rolledBaseSql(sql`s.county`, sql`s.start_year - 1`)}) rd_base ON true
    ),
    measure AS (
      ${measureRows}
    )
    SELECT t.county AS "countyCode", t.kind, t.kind_order AS "kindOrder", t.target,
           m.numerator, m.denominator, m.actual,
           CASE WHEN t.target > 0 THEN m.actual / t.target END AS progress,
           m.actual >= t.target AS met,
           m.statistics_year AS "statisticsYear", m.baseline, m.baseline_year AS "baselineYear",
           m.missing_reason AS "missingReason", ${asOf} AS "asOf"
      FROM target t JOIN measure m ON m.county = t.county AND m.kind = t.kind`;
}

/** IndicatorKind in the enum's order, as a text[]. */
const KIND_ORDER = sql`${INDICATOR_KINDS}::text[]`;

type IndicatorRow = Omit<IndicatorValue, 'name' | 'unit' | 'definition'> & { countyCode: string; kindOrder: number };

export function toIndicatorValue({ countyCode: _, kindOrder: __, ...row }: IndicatorRow): IndicatorValue {
  const { name, unit, definition } = INDICATOR_DEFINITIONS[row.kind];
  return { ...row, name, unit, definition };
}

/** The statement of indicatorsLoader: every indicator row of the counties on asOf, by county and kind. */
export function indicatorsSql(countyCodes: readonly string[], asOf: IsoDate): Sql {
  return sql`${indicatorRowsSql({
    counties: sql`SELECT unnest(${countyCodes}::text[]) AS code`,
    asOf: sql`${asOf}::date`,
    kinds: sql`NULL::text[]`,
    order: KIND_ORDER,
  })}
       ORDER BY "countyCode", "kindOrder"`;
}

/** Every indicator of the plan in force on asOf of each county, in the enum's order; one statement per batch (through the figure cache). */
export function indicatorsLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, IndicatorValue[]>('indicators', [asOf], (countyCodes) =>
    countyFigures(ctx, 'indicators', [asOf], countyCodes, async (codes) => {
      const rows = await ctx.db.query<IndicatorRow>(indicatorsSql(codes, asOf));
      return groupByKey(codes, rows, (row) => row.countyCode, toIndicatorValue);
    }),
  );
}

/**
 * The counties whose parent is `parentCode`, each evaluated over itself and the counties below it, ranked on asOf by one
 * indicator: by its progress (PROGRESS) or by its actual value (ACTUAL), highest first; unranked (null) last; ties share
 * a rank (SQL's rank()) and are listed, like the unranked, by county code. The target is each county's own plan's
 * (OWN_PLAN) or the parent's plan's (PARENT_PLAN), whose start year then also starts the period of the period-bound kinds.
 */
export async function indicatorComparison(
  ctx: Context,
  parentCode: string,
  kind: IndicatorKind,
  asOf: IsoDate,
  by: ComparisonBasis = ComparisonBasis.PROGRESS,
  yardstick: Yardstick = Yardstick.OWN_PLAN,
): Promise<CountyIndicatorRank[]> {
  const parent = sql`${parentCode}::text`;
  const counties = sql`SELECT m.code FROM (${countyMembersSql(sql`SELECT ${parent} AS code`)}) m`;
  return groupFigure(ctx, 'indicatorComparison', [parentCode, kind, asOf, by, yardstick], counties, () =>
    compareCounties(ctx, parent, kind, asOf, by, yardstick),
  );
}

type ComparedRow = IndicatorRow & { code: string; name: string; parentCode: string | null; rank: number | null };

async function compareCounties(
  ctx: Context,
  parent: Sql,
  kind: IndicatorKind,
  asOf: IsoDate,
  by: ComparisonBasis,
  yardstick: Yardstick,
): Promise<CountyIndicatorRank[]> {
  const day = sql`${asOf}::date`;
  const year = sql`extract(year FROM ${day})::int`;
  const planCounty = yardstick === Yardstick.PARENT_PLAN ? parent : sql`c.code`;
  // a county's value is evaluated without a target of the kind only when ranked by the value itself
  const targetJoin = by === ComparisonBasis.ACTUAL ? sql`LEFT JOIN` : sql`JOIN`;
  const targets = sql`SELECT c.code AS county, pl.start_year, ${kind}::text AS kind, t.target, 1 AS kind_order
      FROM county c
      JOIN LATERAL (${planInForceSql(planCounty, year, sql`pl.id, pl.start_year`)}) pl ON true
      ${targetJoin} plan_indicator_target t ON t.plan_id = pl.id AND t.kind = ${kind}
     WHERE c.parent_code = ${parent}`;
  const basis = by === ComparisonBasis.ACTUAL ? sql`v.actual` : sql`v.progress`;
  const rows = await ctx.db.query<ComparedRow>(
    sql`WITH value AS (${indicatorRowsSql({
      counties: sql`SELECT code FROM county WHERE parent_code = ${parent}`,
      asOf: day,
      kinds: sql`ARRAY[${kind}]::text[]`,
      order: KIND_ORDER,
      targets,
    })})
     SELECT c.code, c.name, c.parent_code AS "parentCode", v.*,
            CASE WHEN ${basis} IS NOT NULL THEN rank() OVER (ORDER BY ${basis} DESC NULLS LAST)::int END AS rank
       FROM county c LEFT JOIN value v ON v."countyCode" = c.code
      WHERE c.parent_code = ${parent}
      ORDER BY ${basis} DESC NULLS LAST, c.code`,
  );
  return rows.map(({ code, name, parentCode: parentOf, rank, ...row }) => {
    const county: County = { code, name, parentCode: parentOf };
    const value = row.kind && row.target !== null ? toIndicatorValue({ ...row, countyCode: code }) : null;
    return {
      rank,
      county,
      value,
      actual: row.kind ? row.actual : null,
      target: row.kind ? row.target : null,
      progress: row.kind ? row.progress : null,
      statisticsYear: row.kind ? row.statisticsYear : null,
      missingReason: row.kind ? row.missingReason : null,
    };
  });
}

/** Ratio targets and the total targets they imply a number for (Plan.consistency). */
const CONSISTENCY_BASES: { ratioKind: IndicatorKind; totalKind: IndicatorKind; figure: Figure | null; divisor: number }[] = [
  {
    ratioKind: IndicatorKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS,
    totalKind: IndicatorKind.HIGH_VALUE_PATENTS,
    figure: 'population',
    divisor: 10_000,
  },
  {
    ratioKind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD,
    totalKind: IndicatorKind.HIGH_VALUE_PATENTS,
    figure: 'rd_investment',
    divisor: 100_000_000,
  },
  {
    ratioKind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP,
    totalKind: IndicatorKind.HIGH_VALUE_PATENTS,
    figure: 'gdp',
    divisor: 100_000_000,
  },
  { ratioKind: IndicatorKind.SEI_INVENTION_PATENT_SHARE, totalKind: IndicatorKind.SEI_INVENTION_PATENTS, figure: null, divisor: 100 },
];

/** The implied total may differ from the total target by this share of the total target and still be consistent. */
export const CONSISTENCY_TOLERANCE = 0.1;

type ConsistencyRow = Omit<PlanConsistencyCheck, 'explanation'> & { planId: number };

/**
 * The consistency checks of plans: one row per ratio target the plan sets, in the enum's order. `asOf` null:
 * the end of each plan's period or today, whichever is earlier.
 */
export function planConsistencyLoader(ctx: Context, asOf: IsoDate | null) {
  return ctx.loaders.get<number, PlanConsistencyCheck[]>('planConsistency', [asOf], async (planIds) => {
    const planYear = sql`extract(year FROM pl.as_of)::int`;
    const bases = CONSISTENCY_BASES.map(({ ratioKind, totalKind, figure, divisor }) => {
      if (!figure) {
        return sql`SELECT pl.plan_id, ${sql.literal(ratioKind)}::text, ${sql.literal(totalKind)}::text,
                  (SELECT count(*) FROM invention_span s WHERE s.county_code = pl.county
                      AND ${spanHoldsSql(sql`s`, sql`pl.as_of`)}) / ${sql.literal(divisor)}.0::float8,
                  NULL::int, NULL::text
             FROM pl WHERE EXISTS (SELECT 1 FROM plan_indicator_target r WHERE r.plan_id = pl.plan_id AND r.kind = ${sql.literal(ratioKind)})`;
      }
      const reported = sql.identifier(figure);
      return sql`SELECT pl.plan_id, ${sql.literal(ratioKind)}::text AS ratio_kind, ${sql.literal(totalKind)}::text AS total_kind,
                  (${reported}.value / ${sql.literal(divisor)}.0)::float8 AS denominator, ${reported}.year AS statistics_year,
                  ${missingFigureSql(figure, sql`${reported}.value`, planYear)} AS missing
             FROM pl LEFT JOIN LATERAL (${latestFigureSql(sql`pl.county`, planYear, figure)}) ${reported} ON true`;
    });
    const rows = await ctx.db.query<ConsistencyRow>(
      sql`WITH pl AS (
         SELECT p.id AS plan_id, p.county_code AS county,
                COALESCE(${asOf}::date, least(${ctx.today}::date, make_date(p.end_year, 12, 31))) AS as_of
           FROM plan p WHERE p.id = ANY(${planIds})
       ),
       basis AS (${sql.join(bases, '\n UNION ALL\n')}),
       checked AS (
         SELECT pl.plan_id, pl.as_of, r.kind AS ratio_kind, r.target AS ratio_target, b.total_kind, t.target AS total_target,
                b.denominator, b.statistics_year, b.missing, r.target * b.denominator AS implied
           FROM pl
           JOIN plan_indicator_target r ON r.plan_id = pl.plan_id
           JOIN basis b ON b.plan_id = pl.plan_id AND b.ratio_kind = r.kind
           LEFT JOIN plan_indicator_target t ON t.plan_id = pl.plan_id AND t.kind = b.total_kind
       )
       SELECT plan_id AS "planId", ratio_kind AS "ratioKind", ratio_target AS "ratioTarget", total_kind AS "totalKind",
              total_target AS "totalTarget", as_of AS "asOf", denominator, statistics_year AS "statisticsYear",
              implied AS "impliedTotal", implied - total_target AS difference,
              (implied - total_target) / NULLIF(total_target, 0) AS "relativeDifference",
              abs(implied - total_target) <= ${CONSISTENCY_TOLERANCE} * total_target AS consistent,
              CASE WHEN implied > total_target THEN ratio_kind WHEN implied <= total_target THEN total_kind END AS "bindingKind",
              COALESCE(missing, CASE WHEN total_target IS NULL THEN format('the plan sets no %s target (总量目标 not set)', total_kind) END)
                AS "missingReason"
         FROM checked
        ORDER BY plan_id, array_position(${KIND_ORDER}, ratio_kind)`,
    );
    return groupByKey(
      planIds,
      rows,
      (row) => row.planId,
      ({ planId: _, ...check }) => ({ ...check, explanation: explain(check) }),
    );
  });
}

const number = (n: number, digits = 2) => Number(n.toFixed(digits)).toString();

function explain(check: Omit<ConsistencyRow, 'planId'>): string {
  const ratio = INDICATOR_DEFINITIONS[check.ratioKind];
  const total = INDICATOR_DEFINITIONS[check.totalKind];
  const head = `${ratio.name} ${number(check.ratioTarget)} ${ratio.unit}`;
  if (check.impliedTotal === null || check.denominator === null) return `${head}: ${check.missingReason}`;
  const base =
    check.ratioKind === IndicatorKind.SEI_INVENTION_PATENT_SHARE
      ? `${number(check.denominator * 100, 0)} 件有效发明专利 valid invention patents on ${check.asOf}`
      : `${number(check.denominator)} ${check.ratioKind === IndicatorKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS ? '万人' : '亿元'} (${check.statisticsYear})`;
  const implied = `${head} × ${base} = ${check.impliedTotal.toFixed(1)} 件`;
  if (check.totalTarget === null) return `${implied}; ${check.missingReason}`;
  const verdict = check.consistent
    ? `within ${CONSISTENCY_TOLERANCE * 100}%: consistent 一致`
    : `beyond ${CONSISTENCY_TOLERANCE * 100}%: inconsistent 不一致, ${check.bindingKind === check.ratioKind ? ratio.name : total.name} is the more demanding target`;
  const relative =
    check.relativeDifference === null ? '' : ` (${check.relativeDifference >= 0 ? '+' : ''}${number(check.relativeDifference * 100, 0)}%)`;
  return `${implied} against the ${total.name} target of ${number(check.totalTarget)} 件${relative}, ${verdict}`;
}
