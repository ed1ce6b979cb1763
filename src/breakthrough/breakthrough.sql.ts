/**
 * Breakthrough targets (两个突破): for each category the plan in force sets a target for, each enterprise
 * with a membership of that category valid on asOf has one gap row. All of it is computed in SQL.
 */
import { sql, Sql } from '../db/sql';
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory, ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { membershipValidSql } from '../enterprise/membership.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { groupByKey } from '../graphql/loaders';
import {
  afterSql,
  Connection,
  connectionsByOwner,
  orderBySql,
  PageArgs,
  PagedRow,
  PageRequest,
  pageRequest,
  SortColumn,
} from '../graphql/pagination';
import { countyFigures } from '../figures/county-figures';
import { enterpriseHighValueSql } from '../high-value/spans.sql';
import { planInForceSql } from '../plan/plan.sql';
import { CategoryBreakthrough, TargetGap } from './breakthrough';
import { Yardstick } from './yardstick';
import { countyMembersSql } from '../county/county-members.sql';

export interface GapRow {
  enterpriseId: number;
  name: string;
  creditCode: string;
  countyCode: string;
  version: number;
  category: EnterpriseCategory;
  categoryOrder: number;
  target: number;
  current: number;
  gap: number;
  met: boolean;
}

/** The categories in the enum's order, as the text[] that gapRowsSql and the summary order by. */
const CATEGORIES = sql`${ENTERPRISE_CATEGORIES}::text[]`;

/**
 * The breakthrough targets of the plan in force on asOf in each county of `counties` (a query with a column `code`):
 * rows (county_code, category, target). Each county's plan is one probe of its (county_code, start_year) key.
 */
export function targetsSql(counties: Sql, asOf: Sql): Sql {
  return sql`SELECT c.code AS county_code, t.category, t.min_high_value_patents AS target
               FROM (${counties}) c
               CROSS JOIN LATERAL (${planInForceSql(sql`c.code`, sql`extract(year FROM ${asOf})::int`, sql`pl.id`)}) pl
               JOIN plan_breakthrough_target t ON t.plan_id = pl.id`;
}

/**
 * The targets on asOf that apply in each root of `roots` (a query with a column `code`) and in every county below it
 * (src/county/county-members.sql.ts): rows (root, county_code, category, target). OWN_PLAN: each county's own plan in
 * force; PARENT_PLAN: one plan for all of them, the root's own when it has counties below it, else its parent's.
 */
export function rolledTargetsSql(roots: Sql, asOf: Sql, yardstick: Yardstick = Yardstick.OWN_PLAN): Sql {
  const planOf = (county: Sql) => planInForceSql(county, sql`extract(year FROM ${asOf})::int`, sql`pl.id`);
  const plan =
    yardstick === Yardstick.OWN_PLAN
      ? sql`CROSS JOIN LATERAL (${planOf(sql`m.code`)}) pl`
      : sql`JOIN member r ON r.root = m.root AND r.code = m.root
            JOIN county rc ON rc.code = m.root
            CROSS JOIN LATERAL (${planOf(sql`CASE WHEN r.leaf THEN rc.parent_code ELSE rc.code END`)}) pl`;
  return sql`WITH member AS MATERIALIZED (${countyMembersSql(roots)})
    SELECT m.root, m.code AS county_code, t.category, t.min_high_value_patents AS target
      FROM member m ${plan}
      JOIN plan_breakthrough_target t ON t.plan_id = pl.id`;
}

/**
 * The members of the targets `targets` (rows county_code, category, target) on asOf: each enterprise of the county with
 * a membership of the category valid on asOf, once (one range of enterprise_membership_county_idx per category), with
 * its count of high-value patents (one probe of its steps) — rows (county_code, enterprise_id, category, target,
 * current). `enterpriseIds`, when given, keeps those enterprises only.
 */
export function membersSql(targets: Sql, asOf: Sql, enterpriseIds: Sql | null): Sql {
  return sql`SELECT m.*, ${enterpriseHighValueSql(sql`m.enterprise_id`, asOf)} AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (${targets}) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE ${membershipValidSql(sql`m`, asOf)} ${enterpriseIds ? sql`AND m.enterprise_id = ANY (${enterpriseIds})` : sql.empty}) m`;
}

/**
 * Gap rows on asOf (columns "enterpriseId", name, "creditCode", "countyCode", version, category, "categoryOrder",
 * target, current, gap, met) of the members in the counties `counties` (a query with a column `code`), or only of the
 * enterprises `enterpriseIds` (an int[]; `counties` then their counties); `targets` (rows county_code, category,
 * target) instead of the counties' own plans when given.
 */
export function gapRowsSql(counties: Sql, asOf: Sql, enterpriseIds: Sql | null = null, targets: Sql | null = null): Sql {
  return sql`
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position(${CATEGORIES}, m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (${membersSql(targets ?? targetsSql(counties, asOf), asOf, enterpriseIds)}) m
      JOIN enterprise e ON e.id = m.enterprise_id`;
}

export function toTargetGap(row: GapRow): TargetGap {
  const enterprise: Enterprise = {
    id: row.enterpriseId,
    name: row.name,
    creditCode: row.creditCode,
    countyCode: row.countyCode,
    version: row.version,
  };
  return { enterprise, category: row.category, target: row.target, current: row.current, gap: row.gap, met: row.met };
}

/** Gap rows of each enterprise on asOf, in the enum's order of categories. */
export function enterpriseTargetGapsLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, TargetGap[]>('enterpriseTargetGaps', [asOf], async (enterpriseIds) => {
    const ids = sql.keys(enterpriseIds, 'int');
    const rows = await ctx.db.query<GapRow>(
      sql`${gapRowsSql(sql`SELECT DISTINCT e.county_code AS code FROM enterprise e WHERE e.id = ANY (${ids})`, sql`${asOf}::date`, ids)}
          ORDER BY "enterpriseId", "categoryOrder"`,
      { reusePlan: true },
    );
    return groupByKey(enterpriseIds, rows, (row) => row.enterpriseId, toTargetGap);
  });
}

export const TARGET_GAP_ORDER: SortColumn[] = [
  { column: 'gap', type: 'int', descending: true },
  { column: 'name', type: 'text', collate: 'C' },
  { column: 'creditCode', type: 'text' },
  { column: 'categoryOrder', type: 'int' },
];

export interface TargetGapQuery extends PageArgs {
  countyCode: string;
  /** default OWN_PLAN */
  yardstick?: Yardstick;
  /** only the enterprises of this industry cluster (issue 15) */
  cluster?: string | null;
  category: EnterpriseCategory | null;
  onlyUnmet: boolean;
  asOf: IsoDate;
}

/** The gap rows of a county, and of the counties below it, on asOf that the filter keeps. */
export function countyGapRowsSql(query: Omit<TargetGapQuery, 'first' | 'after'>): Sql {
  const { countyCode, category: only, onlyUnmet, asOf, yardstick, cluster } = query;
  const conditions: Sql[] = [];
  if (only) conditions.push(sql`g.category = ${only}::text`);
  if (onlyUnmet) conditions.push(sql`NOT g.met`);
  if (cluster) conditions.push(sql`g."industryCluster" = ${cluster}`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, ' AND ')}` : sql.empty;
  const county = sql`SELECT ${countyCode}::text AS code`;
  const day = sql`${asOf}::date`;
  return sql`SELECT g.* FROM (${gapRowsSql(county, day, null, rolledTargetsSql(county, day, yardstick))}) g ${where}`;
}

/**
 * The statement of countyTargetGaps: a page of a county's gap rows, largest gap first, then name (byte order), credit
 * code and category. Every row is computed (the order is by gap), once, then counted when `withTotal` and cut after
 * the cursor.
 */
export function countyTargetGapsSql(query: Omit<TargetGapQuery, 'first' | 'after'>, page: PageRequest, withTotal: boolean): Sql {
  return sql`WITH g AS MATERIALIZED (${countyGapRowsSql(query)})
    SELECT ${query.countyCode}::text AS "pageOwner", ${withTotal ? sql`(SELECT count(*)::int FROM g)` : sql`NULL::int`} AS "pageTotal",
           r.* FROM (SELECT true AS "pageRow", g.* FROM g) r
     WHERE ${page.after ? afterSql(TARGET_GAP_ORDER, page.after, 'r') : sql`true`}
     ORDER BY ${orderBySql(TARGET_GAP_ORDER, 'r')} LIMIT ${page.limit + 1}`;
}

/** A county's gap rows as a connection, through the figure cache (the same answer for every caller who may ask). */
export async function countyTargetGaps(ctx: Context, query: TargetGapQuery, withTotal: boolean): Promise<Connection<TargetGap>> {
  const page = pageRequest(query, TARGET_GAP_ORDER);
  const { countyCode, category, onlyUnmet, asOf, yardstick, cluster } = query;
  const [connection] = await countyFigures(
    ctx,
    'targetGaps',
    [asOf, category, onlyUnmet, page, withTotal, yardstick ?? null, cluster ?? null],
    [countyCode],
    async () => {
      const rows = await ctx.db.query<GapRow & PagedRow>(countyTargetGapsSql(query, page, withTotal));
      return connectionsByOwner([countyCode], rows, TARGET_GAP_ORDER, page.limit, toTargetGap);
    },
  );
  return connection;
}

/**
 * Every gap row of a county on asOf in the order of countyTargetGaps (the export's list: no page limit), optionally
 * only the unmet ones. The same SQL as the paged list, in one statement.
 */
export async function allCountyTargetGaps(ctx: Context, countyCode: string, asOf: IsoDate, onlyUnmet = false): Promise<TargetGap[]> {
  const rows = await ctx.db.query<GapRow>(
    sql`SELECT g.* FROM (${countyGapRowsSql({ countyCode, category: null, onlyUnmet, asOf })}) g ORDER BY ${orderBySql(TARGET_GAP_ORDER, 'g')}`,
  );
  return rows.map(toTargetGap);
}

/**
 * One row per category that a plan applied in each county sets a target for, on asOf, in the enum's order, even when
 * no enterprise is in it: columns "countyCode", category, target, "lowestTarget", "highestTarget", "enterpriseCount",
 * "metCount", "totalGap". A county with counties below it sums its own enterprises and theirs, each enterprise against
 * the target `yardstick` applies to it (rolledTargetsSql); `target` is then the county's own plan's target for the
 * category when it sets one, else the highest applied. Counted from the members and their counts alone (no enterprise
 * row is read).
 */
export function breakthroughSummarySql(countyCodes: Sql, asOf: Sql, yardstick: Yardstick = Yardstick.OWN_PLAN): Sql {
  const targets = rolledTargetsSql(sql`SELECT unnest(${countyCodes}) AS code`, asOf, yardstick);
  return sql`WITH target AS MATERIALIZED (${targets}),
       member AS (${membersSql(sql`SELECT DISTINCT t.county_code, t.category, t.target FROM target t`, asOf, null)})
       SELECT t.root AS "countyCode", t.category,
              COALESCE(max(t.target) FILTER (WHERE t.county_code = t.root), max(t.target))::int AS target,
              min(t.target)::int AS "lowestTarget", max(t.target)::int AS "highestTarget",
              count(m.enterprise_id)::int AS "enterpriseCount",
              count(*) FILTER (WHERE m.current >= m.target)::int AS "metCount",
              COALESCE(sum(greatest(0, m.target - m.current)), 0)::int AS "totalGap"
         FROM target t
         LEFT JOIN member m ON m.county_code = t.county_code AND m.category = t.category AND m.target = t.target
        GROUP BY t.root, t.category
        ORDER BY t.root, array_position(${CATEGORIES}, t.category)`;
}

/** One row per category a plan applied sets a target for, in the enum's order, even when no enterprise is in it. */
export function breakthroughSummaryLoader(ctx: Context, asOf: IsoDate, yardstick: Yardstick = Yardstick.OWN_PLAN) {
  return ctx.loaders.get<string, CategoryBreakthrough[]>('breakthroughSummary', [asOf, yardstick], (countyCodes) =>
    countyFigures(ctx, 'breakthroughSummary', [asOf, yardstick], countyCodes, async (codes) => {
      const rows = await ctx.db.query<CategoryBreakthrough & { countyCode: string }>(
        breakthroughSummarySql(sql`${codes}::text[]`, sql`${asOf}::date`, yardstick),
      );
      return groupByKey(
        codes,
        rows,
        (row) => row.countyCode,
        ({ countyCode: _, ...summary }) => summary,
      );
    }),
  );
}
