/**
 * Breakthrough targets (两个突破): for each category the plan in force sets a target for, each enterprise
 * with a membership of that category valid on asOf has one gap row. All of it is computed in SQL.
 */
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory, ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { membershipValidSql } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { groupByKey } from '../graphql/loaders';
import { Connection, connectionsByOwner, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
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

/**
 * Gap rows of the enterprises `e` that match `scope` (a predicate on e), on the date expression `asOf`.
 * `categories` is the SQL expression of the text[] of EnterpriseCategory in the enum's order.
 */
function gapRowsSql(scope: string, asOf: string, categories: string): string {
  return `
    WITH member AS (
      SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
             t.category, array_position(${categories}, t.category) AS "categoryOrder",
             t.min_high_value_patents AS target
        FROM enterprise e
        JOIN LATERAL (${planInForceSql('e.county_code', `extract(year FROM ${asOf})::int`, 'pl.id')}) pl ON true
        JOIN plan_breakthrough_target t ON t.plan_id = pl.id
       WHERE ${scope}
         AND EXISTS (SELECT 1 FROM enterprise_membership m
                      WHERE m.enterprise_id = e.id AND m.category = t.category AND ${membershipValidSql('m', asOf)})
    ),
    owned AS (${ownedHighValueCountsSql('SELECT "enterpriseId" FROM member', asOf)})
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
      `${gapRowsSql('e.id = ANY($1)', '$2::date', '$3::text[]')} ORDER BY "enterpriseId", "categoryOrder"`,
      [enterpriseIds, asOf, ENTERPRISE_CATEGORIES],
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

/** A county's gap rows, largest gap first, then name (byte order), credit code and category. */
export async function countyTargetGaps(ctx: Context, query: TargetGapQuery): Promise<Connection<TargetGap>> {
  const page = pageRequest(query.first, query.after, TARGET_GAP_ORDER.length);
  const { sql, params } = pagedSql({
    rows: `SELECT g."countyCode" AS owner, g.* FROM (${gapRowsSql('e.county_code = $1', '$2::date', '$3::text[]')}) g
            WHERE ($4::text IS NULL OR g.category = $4) AND (NOT $5 OR NOT g.met)`,
    params: [query.countyCode, query.asOf, ENTERPRISE_CATEGORIES, query.category, query.onlyUnmet],
    sort: TARGET_GAP_ORDER,
    page,
  });
  const rows = await ctx.db.query<GapRow & { pageOwner: string; pageTotal: number; page_row: number | null }>(sql, params);
  return connectionsByOwner([query.countyCode], rows, TARGET_GAP_ORDER, page.limit, toTargetGap)[0];
}

/**
 * Every gap row of a county on asOf in the order of countyTargetGaps (the export's list: no page limit), optionally
 * only the unmet ones. The same SQL as the paged list, in one statement.
 */
export async function allCountyTargetGaps(ctx: Context, countyCode: string, asOf: IsoDate, onlyUnmet = false): Promise<TargetGap[]> {
  const order = TARGET_GAP_ORDER.map(
    (s) => `g."${s.column}"${s.collate ? ` COLLATE "${s.collate}"` : ''}${s.descending ? ' DESC' : ''}`,
  ).join(', ');
  const rows = await ctx.db.query<GapRow>(
    `SELECT g.* FROM (${gapRowsSql('e.county_code = $1', '$2::date', '$3::text[]')}) g WHERE (NOT $4 OR NOT g.met) ORDER BY ${order}`,
    [countyCode, asOf, ENTERPRISE_CATEGORIES, onlyUnmet],
  );
  return rows.map(toTargetGap);
}

/** One row per category the plan in force sets a target for, in the enum's order, even when no enterprise is in it. */
export function breakthroughSummaryLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, CategoryBreakthrough[]>('breakthroughSummary', [asOf], async (countyCodes) => {
    const rows = await ctx.db.query<CategoryBreakthrough & { countyCode: string }>(
      `WITH gaps AS (${gapRowsSql('e.county_code = ANY($1)', '$2::date', '$3::text[]')}),
       targets AS (
         SELECT c.code AS "countyCode", t.category, t.min_high_value_patents AS target
           FROM unnest($1::text[]) AS c(code)
           JOIN LATERAL (${planInForceSql('c.code', 'extract(year FROM $2::date)::int', 'pl.id')}) pl ON true
           JOIN plan_breakthrough_target t ON t.plan_id = pl.id
       )
       SELECT targets."countyCode", targets.category, targets.target,
              count(gaps."enterpriseId")::int AS "enterpriseCount",
              count(*) FILTER (WHERE gaps.met)::int AS "metCount",
              COALESCE(sum(gaps.gap), 0)::int AS "totalGap"
         FROM targets
         LEFT JOIN gaps ON gaps."countyCode" = targets."countyCode" AND gaps.category = targets.category
        GROUP BY targets."countyCode", targets.category, targets.target
        ORDER BY targets."countyCode", array_position($3::text[], targets.category)`,
      [countyCodes, asOf, ENTERPRISE_CATEGORIES],
    );
    return groupByKey(
      countyCodes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...summary }) => summary,
    );
  });
}
