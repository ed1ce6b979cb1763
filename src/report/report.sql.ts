/**
 * Published reports (指标报送): frozen in one statement from the same SQL as the live figures — indicatorRowsSql,
 * breakthroughSummarySql, countyGapRowsSql and taskBoardSql, each aggregated to jsonb in its own order — and read back
 * through the same row mappings (toIndicatorValue, toTargetGap, toTaskBoardRow), so a report and the live answer of its
 * day have one shape and one set of rules.
 */
import { Principal } from '../auth/principal';
import { breakthroughSummarySql, countyGapRowsSql, GapRow, TARGET_GAP_ORDER, toTargetGap } from '../breakthrough/breakthrough.sql';
import { CategoryBreakthrough } from '../breakthrough/breakthrough';
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput, conflict } from '../graphql/errors';
import { byKey, groupByKey } from '../graphql/loaders';
import { orderBySql } from '../graphql/pagination';
import { INDICATOR_KINDS } from '../indicator/indicator-kind';
import { indicatorRowsSql, toIndicatorValue } from '../indicator/indicator.sql';
import { planInForceSql } from '../plan/plan.sql';
import { taskBoardSql, TaskBoardRowData, toTaskBoardRow } from '../task/task.sql';
import { IndicatorReport } from './report';

export interface Period {
  period: string;
  start: IsoDate;
  end: IsoDate;
}

/** "2024Q3" (a quarter) or "2024" (a year); null when it is neither. */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})(?:Q([1-4]))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1949 || year > 2200) return null;
  if (!match[2]) return { period: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
  const quarter = Number(match[2]);
  const endMonth = quarter * 3;
  const endDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    period: `${year}Q${quarter}`,
    start: `${year}-${pad(endMonth - 2)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(endDay)}`,
  };
}

const REPORT_COLUMNS = sql`r.id, r.county_code AS "countyCode", r.period, r.period_start AS "periodStart", r.period_end AS "periodEnd",
  r.as_of AS "asOf", r.plan_id AS "planId", r.data_cutoff AS "dataCutoff", r.published_at AS "publishedAt",
  r.published_by AS "publishedBy", r.published_role AS "publishedRole", r.withdrawn_at AS "withdrawnAt",
  r.withdrawn_by AS "withdrawnBy", r.withdrawal_reason AS "withdrawalReason", r.indicators,
  r.breakthrough_summary AS "breakthroughSummary", r.target_gaps AS "targetGaps", r.task_board AS "taskBoard"`;

interface ReportRow extends Omit<IndicatorReport, 'indicators' | 'breakthroughSummary' | 'targetGaps' | 'taskBoard'> {
  indicators: Parameters<typeof toIndicatorValue>[0][];
  breakthroughSummary: (CategoryBreakthrough & { countyCode: string })[];
  targetGaps: GapRow[];
  taskBoard: TaskBoardRowData[];
}

function toReport(row: ReportRow): IndicatorReport {
  return {
    ...row,
    indicators: row.indicators.map(toIndicatorValue),
    breakthroughSummary: row.breakthroughSummary.map(({ countyCode: _, ...summary }) => summary),
    targetGaps: row.targetGaps.map(toTargetGap),
    taskBoard: row.taskBoard.map(toTaskBoardRow),
  };
}

/** Each county's reports, withdrawn ones included, latest period first (then the latest published). */
export function reportsOfCountyLoader(ctx: Context) {
  return ctx.loaders.get<string, IndicatorReport[]>('reportsOfCounty', [], async (countyCodes) => {
    const rows = await ctx.db.query<ReportRow>(
      sql`SELECT ${REPORT_COLUMNS} FROM indicator_report r WHERE r.county_code = ANY (${countyCodes}::text[])
           ORDER BY r.county_code, r.period_end DESC, r.id DESC`,
    );
    return groupByKey(countyCodes, rows, (row) => row.countyCode, toReport);
  });
}

export function reportLoader(ctx: Context) {
  return ctx.loaders.get<number, IndicatorReport | null>('report', [], async (ids) => {
    const rows = await ctx.db.query<ReportRow>(sql`SELECT ${REPORT_COLUMNS} FROM indicator_report r WHERE r.id = ANY (${ids}::int[])`);
    return byKey(ids, rows, (row) => row.id, null, toReport);
  });
}

/** The statement that freezes the figures of `county` on `asOf` into a new report (jsonb of the live SQL's rows). */
export function publishSql(county: string, period: Period, asOf: IsoDate, principal: Pick<Principal, 'subject' | 'role'>): Sql {
  const day = sql`${asOf}::date`;
  const code = sql`${county}::text`;
  const plan = planInForceSql(code, sql`extract(year FROM ${day})::int`, sql`pl.id`);
  const indicators = indicatorRowsSql({
    counties: sql`SELECT ${code} AS code`,
    asOf: day,
    kinds: sql`NULL::text[]`,
    order: sql`${INDICATOR_KINDS}::text[]`,
  });
  const summary = breakthroughSummarySql(sql`ARRAY[${code}]`, day);
  const gaps = countyGapRowsSql({ countyCode: county, category: null, onlyUnmet: false, asOf });
  const board = taskBoardSql(sql`ARRAY(${plan})`, day);
  return sql`INSERT INTO indicator_report (county_code, period, period_start, period_end, as_of, plan_id, data_cutoff, data_snapshot,
                                         published_by, published_role, indicators, breakthrough_summary, target_gaps, task_board)
    SELECT ${code}, ${period.period}, ${period.start}::date, ${period.end}::date, ${day}, (${plan}), statement_timestamp(),
           pg_current_snapshot(), ${principal.subject}, ${principal.role},
           COALESCE((SELECT jsonb_agg(to_jsonb(i) ORDER BY i."kindOrder") FROM (${indicators}) i), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(s) ORDER BY array_position(${ENTERPRISE_CATEGORIES}::text[], s.category))
                       FROM (${summary}) s), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(g) ORDER BY ${orderBySql(TARGET_GAP_ORDER, 'g')}) FROM (${gaps}) g), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(b) ORDER BY (b.task ->> 'number')::int) FROM (${board}) b), '[]'::jsonb)
    ON CONFLICT (county_code, period) WHERE withdrawn_at IS NULL DO NOTHING
    RETURNING id`;
}

export interface PublishRequest {
  countyCode: string;
  period: string;
  asOf: IsoDate | null;
}

/**
 * Publishes a county's report for a period (the caller's scope checked before). asOf defaults to the period's last day,
 * or today while the period runs; it must lie within the period and not after today. BAD_USER_INPUT for a bad period or
 * day; CONFLICT while a report of the same county and period is in force (an ADMIN may withdraw it first).
 */
export async function publishIndicatorReport(
  db: RequestDatabase,
  principal: Principal,
  request: PublishRequest,
  today: IsoDate,
): Promise<number> {
  const period = parsePeriod(request.period);
  if (!period) throw badUserInput('period', `must be a quarter such as 2024Q3 or a year such as 2024, got "${request.period}"`);
  if (period.start > today) throw badUserInput('period', `${period.period} has not begun (today is ${today})`);
  const asOf = request.asOf ?? (period.end < today ? period.end : today);
  if (asOf < period.start || asOf > period.end) {
    throw badUserInput('asOf', `must lie within ${period.period} (${period.start} to ${period.end}), got ${asOf}`);
  }
  if (asOf > today) throw badUserInput('asOf', `must not be after today (${today}), got ${asOf}`);
  const [published] = await db.query<{ id: number }>(publishSql(request.countyCode, period, asOf, principal));
  if (published) return published.id;
  // one in force (the unique index): the insert wrote nothing, after waiting for a concurrent publication to commit;
  // this statement (READ COMMITTED) sees it
  const [live] = await db.query<{ id: number; publishedAt: Date }>(
    sql`SELECT id, published_at AS "publishedAt" FROM indicator_report
         WHERE county_code = ${request.countyCode} AND period = ${period.period} AND withdrawn_at IS NULL`,
  );
  const inForce = live
    ? `report ${live.id} of ${request.countyCode} for ${period.period} is in force (published ${live.publishedAt.toISOString()})`
    : `a report of ${request.countyCode} for ${period.period} is in force`;
  throw conflict('period', `${inForce}; an ADMIN may withdraw it (withdrawIndicatorReport) before another is published`);
}

/** An ADMIN withdraws a report in force, with a reason; it stays readable. */
export async function withdrawIndicatorReport(db: RequestDatabase, principal: Principal, id: number, reason: string): Promise<void> {
  const [report] = await db.query<{ withdrawnAt: Date | null }>(
    sql`SELECT withdrawn_at AS "withdrawnAt" FROM indicator_report WHERE id = ${id} FOR UPDATE`,
  );
  if (!report) throw badUserInput('id', `no report ${id} among the caller's counties`);
  if (report.withdrawnAt) throw conflict('id', `report ${id} was withdrawn already (${report.withdrawnAt.toISOString()})`);
  await db.query(
    sql`UPDATE indicator_report SET withdrawn_at = clock_timestamp(), withdrawn_by = ${principal.subject}, withdrawal_reason = ${reason.trim()}
         WHERE id = ${id}`,
  );
}
