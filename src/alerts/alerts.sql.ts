/**
 * Alerts (预警): what is about to change, each with its effect on the figures, computed in one statement per page:
 * every kind is a query over the county's (or the enterprise's) own rows — memberships by the county's membership
 * index, high-value patents by the county's kept spans (or the enterprise's owned patents), target gaps by the
 * breakthrough fragments — united, ordered, paged; the effects (indicator before and after, the gaps that change) are
 * computed for the rows of the page only.
 */
import { annuityLostSql, annuitySql } from '../annuity/annuity.sql';
import { gapRowsSql } from '../breakthrough/breakthrough.sql';
import { sql, Sql } from '../db/sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { membershipValidSql } from '../enterprise/membership.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
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
import { termEndSql } from '../high-value/high-value.sql';
import { enterpriseHighValueSql, keptHighValueSql, spanHoldsSql } from '../high-value/spans.sql';
import { IndicatorKind, INDICATOR_KINDS } from '../indicator/indicator-kind';
import { indicatorRowsSql } from '../indicator/indicator.sql';
import { planInForceSql } from '../plan/plan.sql';
import { Alert, AlertEffect, AlertGapChange, AlertKind, ALERT_KINDS } from './alert';

/** Whose alerts: counties' (by code), or enterprises' (by id; each in its own county). */
export type AlertOwners = { of: 'county'; codes: readonly string[] } | { of: 'enterprise'; ids: readonly number[] };

export interface AlertQuery extends PageArgs {
  asOf: IsoDate;
  withinDays: number;
  kinds: AlertKind[] | null;
}

const KINDS = sql`${ALERT_KINDS}::text[]`;
const CATEGORIES = sql`${ENTERPRISE_CATEGORIES}::text[]`;
const CERTIFICATE_INDICATOR = sql`CASE m.category WHEN 'HIGH_TECH' THEN ${sql.literal(IndicatorKind.HIGH_TECH_ENTERPRISES)}
                                  ELSE ${sql.literal(IndicatorKind.SPECIALIZED_NEW_ENTERPRISES)} END`;
// 专精特新企业 counts every enterprise ever recognised (累计): an expiring certificate does not lower it
const CERTIFICATE_CHANGE = sql`CASE m.category WHEN 'HIGH_TECH' THEN -1 ELSE 0 END`;

/** The columns every kind answers, in this order. */
const row = (parts: {
  kind: AlertKind;
  date: Sql;
  enterprise?: Sql;
  patent?: Sql;
  category?: Sql;
  indicator?: Sql;
  change?: Sql;
  unmet?: Sql;
  totalGap?: Sql;
  dropTo?: Sql;
}) => sql`${sql.literal(parts.kind)}::text AS kind, (${parts.date})::date AS date, (${parts.enterprise ?? sql`NULL`})::int AS enterprise_id,
  (${parts.patent ?? sql`NULL`})::int AS patent_id, (${parts.category ?? sql`NULL`})::text AS category,
  (${parts.indicator ?? sql`NULL`})::text AS indicator, (${parts.change ?? sql`NULL`})::int AS change,
  (${parts.unmet ?? sql`NULL`})::int AS unmet, (${parts.totalGap ?? sql`NULL`})::int AS total_gap, (${parts.dropTo ?? sql`NULL`})::int AS drop_to`;

/**
 * The alert rows of one owner on asOf for the window asOf … until (both inclusive), before their effects: columns kind,
 * date, enterprise_id, patent_id, category, indicator, change, unmet, total_gap, drop_to. `county` is the county's
 * code (an SQL expression), `enterprise` the enterprise's id for an enterprise's alerts (null for a county's).
 */
function alertRowsSql(county: Sql, enterprise: Sql | null, asOf: Sql, until: Sql): Sql {
  const memberships = enterprise
    ? sql`enterprise_membership m WHERE m.enterprise_id = ${enterprise}`
    : sql`enterprise_membership m WHERE m.county_code = ${county}`;
  const certificates = sql`SELECT DISTINCT ${row({
    kind: AlertKind.CERTIFICATE_EXPIRING,
    date: sql`m.valid_to`,
    enterprise: sql`m.enterprise_id`,
    category: sql`m.category`,
    indicator: enterprise ? undefined : CERTIFICATE_INDICATOR,
    change: enterprise ? undefined : CERTIFICATE_CHANGE,
  })}
      FROM ${memberships} AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND ${membershipValidSql(sql`m`, asOf)}
       AND m.valid_to <= ${until}
       AND NOT EXISTS (SELECT 1 FROM enterprise_membership n WHERE n.enterprise_id = m.enterprise_id AND n.category = m.category
                          AND ${membershipValidSql(sql`n`, sql`(m.valid_to + 1)`)})`;

  // the scope's patents that are high-value on asOf: the county's kept spans, or the enterprise's owned patents
  const highValue = enterprise
    ? sql`SELECT p.* FROM patent_owner po JOIN patent p ON p.id = po.patent_id
           WHERE po.enterprise_id = ${enterprise} AND ${keptHighValueSql(sql`p`, asOf)}`
    : sql`SELECT p.* FROM invention_span s JOIN patent p ON p.id = s.patent_id
           WHERE s.county_code = ${county} AND s.high_value AND ${spanHoldsSql(sql`s`, asOf)}`;
  const patentIndicator = enterprise ? undefined : sql.literal(IndicatorKind.HIGH_VALUE_PATENTS);
  const patentChange = enterprise ? undefined : sql`-1`;
  const annuities = sql`SELECT ${row({
    kind: AlertKind.ANNUITY_DUE,
    date: sql`a.due_date`,
    patent: sql`a.id`,
    indicator: patentIndicator,
    change: patentChange,
  })} FROM annuity a WHERE a.status IN ('PAID', 'DUE') AND a.due_date <= ${until}
    UNION ALL
    SELECT ${row({
      kind: AlertKind.ANNUITY_IN_GRACE,
      date: sql`a.grace_ends`,
      patent: sql`a.id`,
      indicator: patentIndicator,
      change: patentChange,
    })} FROM annuity a WHERE a.status = 'IN_GRACE'
    UNION ALL
    SELECT ${row({
      kind: AlertKind.ANNUITY_PAST_GRACE,
      date: sql`a.due_date`,
      patent: sql`a.id`,
      indicator: patentIndicator,
      change: patentChange,
    })} FROM annuity a WHERE a.status = 'PAST_GRACE'`;
  const lastDay = sql`(${termEndSql(sql`p`)} - interval '1 day')::date`;
  const terms = sql`SELECT ${row({
    kind: AlertKind.TERM_ENDING,
    date: lastDay,
    patent: sql`p.id`,
    indicator: patentIndicator,
    change: patentChange,
  })} FROM hv p WHERE ${lastDay} <= ${until}`;

  // the enterprise's high-value patents on a day `day`, less those known on asOf to be lost to an unpaid annuity
  const knownCount = (day: Sql) => sql`(${enterpriseHighValueSql(sql`g."enterpriseId"`, day)}
      - (SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
          WHERE po.enterprise_id = g."enterpriseId" AND p.annuity_paid_through IS NOT NULL
            AND ${keptHighValueSql(sql`p`, day)} AND ${annuityLostSql(sql`p`, asOf)}))::int`;
  const drops = sql`SELECT ${row({
    kind: AlertKind.WILL_DROP_BELOW_TARGET,
    date: sql`d.day - 1`,
    enterprise: sql`g."enterpriseId"`,
    category: sql`g.category`,
    dropTo: sql`d.count`,
  })}
      FROM gap g
      CROSS JOIN LATERAL (
        SELECT c.day, ${knownCount(sql`c.day`)} AS count
          FROM (SELECT ${asOf} + 1 AS day
                UNION SELECT h.starts FROM enterprise_high_value h
                       WHERE h.enterprise_id = g."enterpriseId" AND h.starts > ${asOf} AND h.starts <= ${until}
                UNION SELECT h.ends FROM enterprise_high_value h
                       WHERE h.enterprise_id = g."enterpriseId" AND h.ends > ${asOf} AND h.ends <= ${until}) c
         WHERE c.day <= ${until} AND ${knownCount(sql`c.day`)} < g.target
         ORDER BY c.day LIMIT 1) d
     WHERE g.met AND ${knownCount(until)} < g.target
       AND EXISTS (SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = g."enterpriseId" AND m.category = g.category
                      AND ${membershipValidSql(sql`m`, until)})`;

  const plan = sql`(${planInForceSql(county, sql`extract(year FROM ${asOf})::int`, sql`pl.end_year`)})`;
  const planOpen = sql`make_date(pl.end_year, 1, 1) <= ${until} AND ${asOf} <= make_date(pl.end_year, 12, 31)`;
  const planEnding = enterprise
    ? sql`SELECT ${row({
        kind: AlertKind.PLAN_ENDING,
        date: sql`make_date(pl.end_year, 12, 31)`,
        enterprise: sql`g."enterpriseId"`,
        category: sql`g.category`,
      })} FROM ${plan} pl JOIN gap g ON NOT g.met WHERE ${planOpen}`
    : sql`SELECT ${row({
        kind: AlertKind.PLAN_ENDING,
        date: sql`make_date(pl.end_year, 12, 31)`,
        category: sql`g.category`,
        unmet: sql`count(*)`,
        totalGap: sql`sum(g.gap)`,
      })} FROM ${plan} pl JOIN gap g ON NOT g.met WHERE ${planOpen} GROUP BY pl.end_year, g.category`;

  const gaps = gapRowsSql(sql`SELECT ${county} AS code`, asOf, enterprise ? sql`ARRAY[${enterprise}]` : null);
  return sql`WITH hv AS MATERIALIZED (${highValue}), gap AS MATERIALIZED (${gaps}),
      annuity AS MATERIALIZED (SELECT p.id, a.* FROM hv p CROSS JOIN LATERAL (${annuitySql(sql`p`, asOf)}) a WHERE p.annuity_paid_through IS NOT NULL)
    ${certificates}
    UNION ALL ${annuities}
    UNION ALL ${terms}
    UNION ALL ${drops}
    UNION ALL ${planEnding}`;
}

export const ALERT_ORDER: SortColumn[] = [
  { column: 'date', type: 'date' },
  { column: 'kindOrder', type: 'int' },
  { column: 'creditCode', type: 'text', collate: 'C' },
  { column: 'applicationNumber', type: 'text', collate: 'C' },
  { column: 'categoryOrder', type: 'int' },
];

interface AlertRow {
  kind: AlertKind;
  date: string;
  enterpriseId: number | null;
  patentId: number | null;
  category: Alert['category'];
  indicator: IndicatorKind | null;
  change: number | null;
  target: number | null;
  before: number | null;
  after: number | null;
  unmet: number | null;
  totalGap: number | null;
  gaps: (Omit<AlertGapChange, 'enterprise'> & { name: string; creditCode: string; countyCode: string; version: number })[];
}

/**
 * The statement of one page of alerts of each owner (counties or enterprises): the rows of the kinds asked for in the
 * window, ordered by date, then kind (the enum's order), the enterprise's credit code, the patent's application number
 * and the category; for a county, the indicators' actual on asOf and the running `after`; for the page's rows, their
 * gap changes. Rows as pagedSql's ("pageOwner", "pageTotal", "pageRow", then the alert's columns).
 */
export function alertsPageSql(
  owners: AlertOwners,
  query: Omit<AlertQuery, 'first' | 'after'>,
  page: PageRequest | null,
  withTotal: boolean,
): Sql {
  const asOf = sql`${query.asOf}::date`;
  const until = sql`(${query.asOf}::date + ${query.withinDays}::int)`;
  const ofCounty = owners.of === 'county';
  const owner = ofCounty
    ? sql`SELECT o.code AS owner, o.code AS county_code, NULL::int AS enterprise_id, o.ord
            FROM unnest(${owners.codes}::text[]) WITH ORDINALITY AS o(code, ord)`
    : sql`SELECT o.id::text AS owner, e.county_code, o.id AS enterprise_id, o.ord
            FROM unnest(${owners.ids}::int[]) WITH ORDINALITY AS o(id, ord) JOIN enterprise e ON e.id = o.id`;
  const kinds = sql`${query.kinds}::text[]`;
  const indicators = ofCounty
    ? indicatorRowsSql({
        counties: sql`SELECT o.county_code AS code FROM o`,
        asOf,
        kinds: sql`${[IndicatorKind.HIGH_VALUE_PATENTS, IndicatorKind.HIGH_TECH_ENTERPRISES, IndicatorKind.SPECIALIZED_NEW_ENTERPRISES]}::text[]`,
        order: sql`${INDICATOR_KINDS}::text[]`,
      })
    : sql`SELECT NULL::text AS "countyCode", NULL::text AS kind, NULL::float8 AS target, NULL::float8 AS actual WHERE false`;
  const gapJson = sql`json_build_object('enterpriseId', g."enterpriseId", 'name', g.name, 'creditCode', g."creditCode",
        'countyCode', g."countyCode", 'version', g.version, 'category', g.category, 'target', g.target, 'current', g.current,
        'after', CASE WHEN pg.kind = 'CERTIFICATE_EXPIRING' THEN NULL WHEN pg.kind = 'WILL_DROP_BELOW_TARGET' THEN pg.drop_to
                      WHEN pg.patent_id IS NOT NULL THEN g.current - 1 ELSE g.current END,
        'met', g.met,
        'opens', g.met AND CASE WHEN pg.kind = 'WILL_DROP_BELOW_TARGET' THEN true WHEN pg.patent_id IS NOT NULL THEN g.current - 1 < g.target ELSE false END,
        'leavesCategory', pg.kind = 'CERTIFICATE_EXPIRING')`;
  // a patent's alert changes the gaps of its owners (of the county; of an enterprise's alerts, the enterprise's own)
  const gapsOf = sql`(SELECT COALESCE(json_agg(${gapJson} ORDER BY g."categoryOrder", g.name COLLATE "C", g."creditCode"), '[]')
       FROM page_gap g
      WHERE g."countyCode" = pg.county_code AND (pg.scope_enterprise IS NULL OR g."enterpriseId" = pg.scope_enterprise)
        AND CASE WHEN pg.patent_id IS NOT NULL
                 THEN g."enterpriseId" IN (SELECT po.enterprise_id FROM patent_owner po WHERE po.patent_id = pg.patent_id)
                 ELSE g."enterpriseId" = pg.enterprise_id AND g.category = pg.category END)`;
  const pageEnterprises = sql`(SELECT array_agg(DISTINCT x.id) FROM (SELECT pg.enterprise_id AS id FROM page pg
                        UNION SELECT po.enterprise_id FROM page pg
                              CROSS JOIN LATERAL (SELECT po.enterprise_id FROM patent_owner po WHERE po.patent_id = pg.patent_id OFFSET 0) po) x)::int[]`;
  return sql`WITH o AS MATERIALIZED (${owner}),
    alert AS MATERIALIZED (
      SELECT o.owner, o.county_code, o.enterprise_id AS scope_enterprise, a.*
        FROM o CROSS JOIN LATERAL (${alertRowsSql(sql`o.county_code`, ofCounty ? null : sql`o.enterprise_id`, asOf, until)}) a
       WHERE ${kinds} IS NULL OR a.kind = ANY (${kinds})),
    keyed AS (SELECT a.*, array_position(${KINDS}, a.kind) AS "kindOrder", COALESCE(e.credit_code, '') AS "creditCode",
                     COALESCE(p.application_number, '') AS "applicationNumber", COALESCE(array_position(${CATEGORIES}, a.category), 0) AS "categoryOrder"
                FROM alert a LEFT JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN patent p ON p.id = a.patent_id),
    indicator AS (${indicators}),
    r AS MATERIALIZED (
      SELECT k.*, i.target, i.actual AS before,
             i.actual + sum(k.change) OVER (PARTITION BY k.owner, k.indicator ORDER BY ${orderBySql(ALERT_ORDER, 'k')}) AS after
        FROM keyed k LEFT JOIN indicator i ON i."countyCode" = k.county_code AND i.kind = k.indicator),
    page AS MATERIALIZED (
      SELECT x.* FROM (SELECT r.*, row_number() OVER (PARTITION BY r.owner ORDER BY ${orderBySql(ALERT_ORDER, 'r')}) AS rank
                         FROM r WHERE ${page?.after ? afterSql(ALERT_ORDER, page.after, 'r') : sql`true`}) x
       WHERE ${page ? sql`x.rank <= ${page.limit + 1}` : sql`true`}),
    page_gap AS MATERIALIZED (
      ${gapRowsSql(sql`SELECT DISTINCT pg.county_code AS code FROM page pg`, asOf, pageEnterprises)})
    SELECT o.owner AS "pageOwner", ${withTotal ? sql`(SELECT count(*)::int FROM r WHERE r.owner = o.owner)` : sql`NULL::int`} AS "pageTotal",
           pg."pageRow", pg.kind, pg.date, pg.enterprise_id AS "enterpriseId", pg.patent_id AS "patentId", pg.category, pg.indicator,
           pg.change, pg.target, pg.before, pg.after, pg.unmet, pg.total_gap AS "totalGap", pg."kindOrder", pg."creditCode",
           pg."applicationNumber", pg."categoryOrder", CASE WHEN pg."pageRow" THEN ${gapsOf} END AS gaps
      FROM o LEFT JOIN (SELECT true AS "pageRow", page.* FROM page) pg ON pg.owner = o.owner
     ORDER BY o.ord, ${orderBySql(ALERT_ORDER, 'pg')}`;
}

function toAlert(row: AlertRow): Alert {
  const effect: AlertEffect = {
    indicator: row.indicator,
    change: row.change,
    target: row.target,
    before: row.before,
    after: row.after,
    unmetEnterprises: row.unmet,
    totalGap: row.totalGap,
    gaps: row.gaps.map(({ name, creditCode, countyCode, version, ...change }) => ({
      ...change,
      enterprise: { id: change.enterpriseId, name, creditCode, countyCode, version },
    })),
  };
  return { kind: row.kind, date: row.date, enterpriseId: row.enterpriseId, patentId: row.patentId, category: row.category, effect };
}

/** A page of the alerts of each county, or of each enterprise, of one request: one statement per batch (DataLoader). */
export function alertsLoader(ctx: Context, of: AlertOwners['of'], query: AlertQuery, withTotal: boolean) {
  const page = pageRequest(query, ALERT_ORDER);
  const { asOf, withinDays, kinds } = query;
  return ctx.loaders.get<string | number, Connection<Alert>>('alerts', [of, asOf, withinDays, kinds, page, withTotal], async (keys) => {
    const owners: AlertOwners = of === 'county' ? { of, codes: keys as string[] } : { of, ids: keys as number[] };
    const rows = await ctx.db.query<AlertRow & PagedRow>(alertsPageSql(owners, { asOf, withinDays, kinds }, page, withTotal));
    return connectionsByOwner(keys, rows, ALERT_ORDER, page.limit, toAlert);
  });
}

/** Every alert of a county in the window, in the list's order (the export: no page limit), in one statement. */
export async function allCountyAlerts(ctx: Context, countyCode: string, query: Omit<AlertQuery, 'first' | 'after'>): Promise<Alert[]> {
  const rows = await ctx.db.query<AlertRow & PagedRow>(alertsPageSql({ of: 'county', codes: [countyCode] }, query, null, false));
  return rows.filter((row) => row.pageRow).map(toAlert);
}
