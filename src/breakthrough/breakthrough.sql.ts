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
import { Connection, connectionsByOwner, orderBySql, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { ownedHighValueCountsSql } from '../high-value/high-value.sql';
import { planInForceSql } from '../plan/plan.sql';
import { CategoryBreakthrough, TargetGap } from './breakthrough';

interface GapRow {
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
 * Gap rows of the enterprises `e` that match `scope` (a predicate on e), on the date expression `asOf`.
 * `categories` is the SQL expression of the text[] of EnterpriseCategory in the enum's order.
 */
export function gapRowsSql(scope: Sql, asOf: Sql, categories: Sql): Sql {
  return sql`
    WITH member AS (
      SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
             t.category, array_position(${categories}, t.category) AS "categoryOrder",
             t.min_high_value_patents AS target
        FROM enterprise e
        JOIN LATERAL (${planInForceSql(sql`e.county_code`, sql`extract(year FROM ${asOf})::int`, sql`pl.id`)}) pl ON true
        JOIN plan_breakthrough_target t ON t.plan_id = pl.id
       WHERE ${scope}
         AND EXISTS (SELECT 1 FROM enterprise_membership m
                      WHERE m.enterprise_id = e.id AND m.category = t.category AND ${membershipValidSql(sql`m`, asOf)})
    ),
    owned AS (${ownedHighValueCountsSql(sql`SELECT "enterpriseId" FROM member`, asOf)})
    SELECT member.*, COALESCE(owned.high_value, 0) AS current,
           greatest(0, member.target - COALESCE(owned.high_value, 0)) AS gap,
           COALESCE(owned.high_value, 0) >= member.target AS met
      FROM member LEFT JOIN owned ON owned.enterprise_id = member."enterpriseId"`;
}

function toTargetGap(row: GapRow): TargetGap {
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
    const rows = await ctx.db.query<GapRow>(
      sql`${gapRowsSql(sql`e.id = ANY(${enterpriseIds})`, sql`${asOf}::date`, CATEGORIES)} ORDER BY "enterpriseId", "categoryOrder"`,
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

export interface TargetGapQuery {
  countyCode: string;
  category: EnterpriseCategory | null;
  onlyUnmet: boolean;
  asOf: IsoDate;
  first: number | null;
  after: string | null;
}

/** The gap rows of a county (a query with an `owner` column, for pagedSql), filtered. */
export function countyGapRowsSql({ countyCode, category, onlyUnmet, asOf }: Omit<TargetGapQuery, 'first' | 'after'>): Sql {
  return sql`SELECT g."countyCode" AS owner, g.* FROM (${gapRowsSql(sql`e.county_code = ${countyCode}`, sql`${asOf}::date`, CATEGORIES)}) g
            WHERE (${category}::text IS NULL OR g.category = ${category}) AND (NOT ${onlyUnmet} OR NOT g.met)`;
}

/** A county's gap rows, largest gap first, then name (byte order), credit code and category. */
export async function countyTargetGaps(ctx: Context, query: TargetGapQuery): Promise<Connection<TargetGap>> {
  const page = pageRequest(query.first, query.after, TARGET_GAP_ORDER);
  const rows = await ctx.db.query<GapRow & PagedRow>(pagedSql({ rows: countyGapRowsSql(query), sort: TARGET_GAP_ORDER, page }));
  return connectionsByOwner([query.countyCode], rows, TARGET_GAP_ORDER, page.limit, toTargetGap)[0];
}

/**
 * Every gap row of a county on asOf in the order of countyTargetGaps (the export's list: no page limit), optionally
 * only the unmet ones. The same SQL as the paged list, in one statement.
 */
export async function allCountyTargetGaps(ctx: Context, countyCode: string, asOf: IsoDate, onlyUnmet = false): Promise<TargetGap[]> {
  const rows = await ctx.db.query<GapRow>(
    sql`SELECT g.* FROM (${gapRowsSql(sql`e.county_code = ${countyCode}`, sql`${asOf}::date`, CATEGORIES)}) g
         WHERE (NOT ${onlyUnmet} OR NOT g.met) ORDER BY ${orderBySql(TARGET_GAP_ORDER, 'g')}`,
  );
  return rows.map(toTargetGap);
}

/**
 * One row per category the plan in force sets a target for in each county, on asOf, in the enum's order, even when
 * no enterprise is in it: columns "countyCode", category, target, "enterpriseCount", "metCount", "totalGap".
 */
export function breakthroughSummarySql(countyCodes: Sql, asOf: Sql): Sql {
  return sql`WITH gaps AS (${gapRowsSql(sql`e.county_code = ANY(${countyCodes})`, asOf, CATEGORIES)}),
       targets AS (
         SELECT c.code AS "countyCode", t.category, t.min_high_value_patents AS target
           FROM unnest(${countyCodes}) AS c(code)
           JOIN LATERAL (${planInForceSql(sql`c.code`, sql`extract(year FROM ${asOf})::int`, sql`pl.id`)}) pl ON true
           JOIN plan_breakthrough_target t ON t.plan_id = pl.id
       )
       SELECT targets."countyCode", targets.category, targets.target,
              count(gaps."enterpriseId")::int AS "enterpriseCount",
              count(*) FILTER (WHERE gaps.met)::int AS "metCount",
              COALESCE(sum(gaps.gap), 0)::int AS "totalGap"
         FROM targets
         LEFT JOIN gaps ON gaps."countyCode" = targets."countyCode" AND gaps.category = targets.category
        GROUP BY targets."countyCode", targets.category, targets.target
        ORDER BY targets."countyCode", array_position(${CATEGORIES}, targets.category)`;
}

/** One row per category the plan in force sets a target for, in the enum's order, even when no enterprise is in it. */
export function breakthroughSummaryLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, CategoryBreakthrough[]>('breakthroughSummary', [asOf], async (countyCodes) => {
    const rows = await ctx.db.query<CategoryBreakthrough & { countyCode: string }>(
      breakthroughSummarySql(sql`${countyCodes}::text[]`, sql`${asOf}::date`),
    );
    return groupByKey(
      countyCodes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...summary }) => summary,
    );
  });
}
