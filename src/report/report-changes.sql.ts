/**
 * IndicatorReport.changesSince: a report beside the live figures of the same asOf (the same loaders as County.indicators
 * and County.breakthroughSummary), and the history entries of its county that the report's snapshot did not see
 * (pg_visible_in_snapshot of each entry's transaction against the stored snapshot), grouped by cause and part.
 */
import { Role } from '../auth/principal';
import { breakthroughSummaryLoader } from '../breakthrough/breakthrough.sql';
import { CategoryBreakthrough } from '../breakthrough/breakthrough';
import { sql } from '../db/sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import { PARTS } from '../history/history.sql';
import { IndicatorValue } from '../indicator/indicator';
import { IndicatorKind, INDICATOR_KINDS } from '../indicator/indicator-kind';
import { indicatorsLoader } from '../indicator/indicator.sql';
import { IndicatorReport } from './report';
import { BreakthroughChange, ChangeCause, ChangeCauseKind, IndicatorChange, ReportChanges } from './report-changes';

/** A transaction that ran longer than this across the cut-off is not looked for (the index range starts this much before it). */
const LONGEST_TRANSACTION = '1 hour';

const K = IndicatorKind;
/** The indicators counted from invention patents attributed to the county (their dates, reasons, county). */
const PATENT_KINDS = [
  K.HIGH_VALUE_PATENTS,
  K.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS,
  K.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD,
  K.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP,
  K.SEI_INVENTION_PATENTS,
  K.SEI_INVENTION_PATENT_SHARE,
  K.NEW_HIGH_VALUE_PATENTS,
];

/**
 * Which figures the rows of each audited table feed (src/indicator/indicator.sql.ts measures, the breakthrough SQL):
 * the kinds, and whether the breakthrough summary. A table not listed moves neither.
 */
const MOVES: Record<string, { kinds: IndicatorKind[]; breakthrough: boolean }> = {
  patent: { kinds: PATENT_KINDS, breakthrough: true },
  patent_overseas_grant: { kinds: PATENT_KINDS, breakthrough: true },
  patent_award: { kinds: PATENT_KINDS, breakthrough: true },
  pledge_financing_patent: { kinds: PATENT_KINDS, breakthrough: true },
  pledge_financing: { kinds: [...PATENT_KINDS, K.PLEDGE_FINANCING_AMOUNT], breakthrough: true },
  patent_owner: { kinds: [], breakthrough: true },
  enterprise: {
    kinds: [
      K.HIGH_TECH_ENTERPRISES,
      K.SPECIALIZED_NEW_ENTERPRISES,
      K.INNOVATION_PLATFORMS,
      K.PLEDGE_FINANCING_AMOUNT,
      K.KNOWLEDGE_VALUE_LOANS,
    ],
    breakthrough: true,
  },
  enterprise_membership: { kinds: [K.HIGH_TECH_ENTERPRISES, K.SPECIALIZED_NEW_ENTERPRISES], breakthrough: true },
  innovation_platform: { kinds: [K.INNOVATION_PLATFORMS], breakthrough: false },
  knowledge_value_loan: { kinds: [K.KNOWLEDGE_VALUE_LOANS], breakthrough: false },
  county_statistics: {
    kinds: [
      K.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS,
      K.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD,
      K.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP,
      K.RD_INVESTMENT_GROWTH,
      K.SEI_OUTPUT_VALUE,
      K.IP_SERVICE_AGENCIES,
      K.PATENT_SERVICE_PRACTITIONERS,
    ],
    breakthrough: false,
  },
  plan: { kinds: INDICATOR_KINDS, breakthrough: true },
  plan_indicator_target: { kinds: INDICATOR_KINDS, breakthrough: false },
  plan_breakthrough_target: { kinds: [], breakthrough: true },
};

interface CauseRow {
  reportId: number;
  cause: ChangeCauseKind;
  tableName: string;
  count: number;
  recordKeys: string[];
  firstAt: Date;
  lastAt: Date;
  asOf: string;
}

const WHAT: Record<ChangeCauseKind, string> = {
  LAPSE_RECORDED_RETROACTIVELY: 'lapse(s) recorded after the cut-off with a lapse date on or before',
  IMPORTED_AFTER_CUTOFF: 'row(s) imported after the cut-off',
  ENTERED_AFTER_CUTOFF: 'row(s) entered after the cut-off',
  CHANGED_AFTER_CUTOFF: 'row(s) changed after the cut-off',
  REMOVED_AFTER_CUTOFF: 'item(s) removed after the cut-off',
};

function describe(row: CauseRow, part: string): string {
  const granted = row.tableName === 'patent' && row.cause !== ChangeCauseKind.CHANGED_AFTER_CUTOFF ? ` (granted by ${row.asOf})` : '';
  const head =
    row.cause === ChangeCauseKind.LAPSE_RECORDED_RETROACTIVELY
      ? `${row.count} ${WHAT[row.cause]} ${row.asOf} (retroactive)`
      : `${row.count} ${part} ${WHAT[row.cause]}${granted}`;
  return `${head}: ${row.recordKeys.join(', ')}${row.count > row.recordKeys.length ? ', …' : ''}`;
}

/** The causes of each report: one statement for every report of the request (history: ADMIN callers only). */
function causesLoader(ctx: Context) {
  return ctx.loaders.get<number, ChangeCause[]>('reportCauses', [], async (reportIds) => {
    const rows = await ctx.db.query<CauseRow>(
      sql`SELECT r.id AS "reportId", r.as_of::text AS "asOf", c.cause, c.table_name AS "tableName", count(*)::int AS count,
                 (array_agg(DISTINCT c.record_key ORDER BY c.record_key) FILTER (WHERE c.record_key IS NOT NULL))[1:10] AS "recordKeys",
                 min(c.changed_at) AS "firstAt", max(c.changed_at) AS "lastAt"
            FROM indicator_report r
            CROSS JOIN LATERAL (
              SELECT h.table_name, h.record_key, h.changed_at,
                     CASE WHEN h.table_name = 'patent' AND h.action = 'UPDATED' AND (h.after ->> 'lapse_date')::date <= r.as_of
                               AND ((h.before ->> 'lapse_date') IS NULL OR (h.before ->> 'lapse_date')::date > r.as_of)
                            THEN 'LAPSE_RECORDED_RETROACTIVELY'
                          WHEN h.action = 'CREATED' AND (h.door = 'IMPORT' OR h.operation LIKE 'import%') THEN 'IMPORTED_AFTER_CUTOFF'
                          WHEN h.action = 'CREATED' THEN 'ENTERED_AFTER_CUTOFF'
                          WHEN h.action = 'REMOVED' THEN 'REMOVED_AFTER_CUTOFF'
                          ELSE 'CHANGED_AFTER_CUTOFF' END AS cause
                FROM history h
               WHERE h.county_code = r.county_code AND h.changed_at >= r.data_cutoff - ${LONGEST_TRANSACTION}::interval
                 AND NOT pg_visible_in_snapshot(h.transaction_id, r.data_snapshot)
                 -- a patent created after the cut-off moves the figures of asOf only when granted by then
                 AND NOT (h.table_name = 'patent' AND h.action = 'CREATED'
                          AND ((h.after ->> 'grant_date') IS NULL OR (h.after ->> 'grant_date')::date > r.as_of))
                 -- the items created with their record in the same transaction are the record's
                 AND NOT (h.action = 'CREATED' AND h.table_name NOT IN ('patent', 'enterprise', 'pledge_financing') AND EXISTS (
                          SELECT 1 FROM history p WHERE p.record_type = h.record_type AND p.record_id = h.record_id
                             AND p.transaction_id = h.transaction_id AND p.action = 'CREATED'
                             AND p.table_name IN ('patent', 'enterprise', 'pledge_financing'))))
              c
           WHERE r.id = ANY (${reportIds}::int[])
           GROUP BY r.id, r.as_of, c.cause, c.table_name
           ORDER BY r.id, array_position(${Object.values(ChangeCauseKind)}::text[], c.cause), c.table_name`,
    );
    return groupByKey(
      reportIds,
      rows,
      (row) => row.reportId,
      (row) => {
        const part = PARTS[row.tableName] ?? row.tableName;
        return {
          cause: row.cause,
          part,
          count: row.count,
          recordKeys: row.recordKeys ?? [],
          firstAt: row.firstAt,
          lastAt: row.lastAt,
          description: describe(row, part),
        };
      },
    );
  });
}

const TABLE_OF_PART = Object.fromEntries(Object.entries(PARTS).map(([table, part]) => [part, table]));
const moves = (cause: ChangeCause) => MOVES[TABLE_OF_PART[cause.part] ?? cause.part];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function reportChanges(ctx: Context, report: IndicatorReport): Promise<ReportChanges> {
  const causesShown = ctx.principal.role === Role.ADMIN;
  const [live, liveSummary, causes] = await Promise.all([
    indicatorsLoader(ctx, report.asOf).load(report.countyCode),
    breakthroughSummaryLoader(ctx, report.asOf).load(report.countyCode),
    causesShown ? causesLoader(ctx).load(report.id) : Promise.resolve([] as ChangeCause[]),
  ]);

  const indicators: IndicatorChange[] = [];
  for (const kind of INDICATOR_KINDS) {
    const reported = report.indicators.find((value) => value.kind === kind) ?? null;
    const now: IndicatorValue | null = live.find((value) => value.kind === kind) ?? null;
    if (!reported && !now) continue;
    const moved = !reported || !now || !same([reported.target, reported.actual, reported.met], [now.target, now.actual, now.met]);
    if (!moved) continue;
    const difference = reported?.actual != null && now?.actual != null ? now.actual - reported.actual : null;
    indicators.push({
      kind,
      name: (reported ?? now)!.name,
      reported,
      live: now,
      difference,
      causes: causes.filter((cause) => moves(cause)?.kinds.includes(kind)),
    });
  }

  const breakthrough: BreakthroughChange[] = [];
  for (const category of ENTERPRISE_CATEGORIES) {
    const reported: CategoryBreakthrough | null = report.breakthroughSummary.find((row) => row.category === category) ?? null;
    const now = liveSummary.find((row) => row.category === category) ?? null;
    const figures = (row: CategoryBreakthrough | null) => row && [row.target, row.enterpriseCount, row.metCount, row.totalGap];
    if ((reported || now) && !same(figures(reported), figures(now))) {
      breakthrough.push({ category, reported, live: now, causes: causes.filter((cause) => moves(cause)?.breakthrough) });
    }
  }
  return {
    asOf: report.asOf,
    unchanged: indicators.length === 0 && breakthrough.length === 0,
    indicators,
    breakthrough,
    causes,
    causesShown,
  };
}
