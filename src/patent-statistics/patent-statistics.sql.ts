/**
 * 统计监测 (issue 15): a county's patent flows by period — applications, grants, lapses, expiries, PCT filings, overseas
 * grants — and its stocks on each period's last day, by patent type and by industry cluster, in one statement over the
 * county's patents (and, for a division, its counties'), by the status rules of high-value.sql.ts.
 */
import { countyMembersSql } from '../county/county-members.sql';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { patentValidSql, termEndSql } from '../high-value/high-value.sql';
import { rolledFigureSql } from '../indicator/indicator.sql';
import { PatentType } from '../patent/patent-type';
import { PatentFlow, PatentStatisticsPeriod, StatisticsPeriod } from './patent-statistics';

/** At most this many periods in one answer (40 years by quarter). */
export const MAX_PERIODS = 160;

type Grain = 'total' | 'type' | 'cluster';
type FlowRow = PatentFlow & {
  countyCode: string;
  periodIndex: number;
  /** null for a period without any patent */
  grain: Grain | null;
  label: string;
  start: string;
  end: string;
  validInventions: number;
  validInventionsPer10kResidents: number | null;
  populationYear: number | null;
  grantRate: number | null;
  maintenanceRate: number | null;
  cohort: number;
  maintainedYears: number | null;
};

/** The arguments' checks, before any statement (BAD_USER_INPUT naming the argument). */
export function checkStatisticsRange(from: IsoDate, to: IsoDate, by: StatisticsPeriod, maintenanceYears: number): void {
  if (to < from) throw badUserInput('to', `must not be before from (${to} is before ${from})`);
  if (!Number.isInteger(maintenanceYears) || maintenanceYears < 1 || maintenanceYears > 20) {
    throw badUserInput('maintenanceYears', `must be from 1 to 20, got ${maintenanceYears}`);
  }
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const quarterOf = (day: IsoDate) => Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const periods = by === StatisticsPeriod.YEAR ? years + 1 : years * 4 + quarterOf(to) - quarterOf(from) + 1;
  if (periods > MAX_PERIODS) throw badUserInput('to', `at most ${MAX_PERIODS} periods, the range has ${periods}`);
}

/** The periods of each county from `from` to `to`, in order; one statement per batch of counties. */
export function patentStatisticsLoader(ctx: Context, from: IsoDate, to: IsoDate, by: StatisticsPeriod, maintenanceYears: number) {
  return ctx.loaders.get<string, PatentStatisticsPeriod[]>('patentStatistics', [from, to, by, maintenanceYears], (codes) =>
    statisticsOf(ctx, codes, from, to, by, maintenanceYears),
  );
}

async function statisticsOf(
  ctx: Context,
  codes: readonly string[],
  from: IsoDate,
  to: IsoDate,
  by: StatisticsPeriod,
  maintenanceYears: number,
): Promise<PatentStatisticsPeriod[][]> {
  const unit = by === StatisticsPeriod.YEAR ? sql`'year'` : sql`'quarter'`;
  const step = by === StatisticsPeriod.YEAR ? sql`interval '1 year'` : sql`interval '3 months'`;
  const label = by === StatisticsPeriod.YEAR ? sql`to_char(g, 'YYYY')` : sql`to_char(g, 'YYYY"Q"Q')`;
  const first = sql`${from}::date`;
  const last = sql`${to}::date`;
  const inPeriod = (day: string) => sql`p.${sql.identifier(day)} BETWEEN pe.start AND pe."end"`;
  const validOnEnd = patentValidSql(sql`p`, sql`pe."end"`);
  const types = sql`${Object.values(PatentType)}::text[]`;

  const rows = await ctx.db.query<FlowRow>(
    sql`WITH member AS MATERIALIZED (
          SELECT m.root AS county, m.code, m.leaf FROM (${countyMembersSql(sql`SELECT unnest(${codes}::text[]) AS code`)}) m),
        period AS (
          SELECT row_number() OVER (ORDER BY g)::int AS index, ${label} AS label,
                 greatest(g::date, ${first}) AS start, least((g + ${step} - interval '1 day')::date, ${last}) AS "end"
            FROM generate_series(date_trunc(${unit}, ${first}), ${last}::timestamp, ${step}) AS g),
        p AS MATERIALIZED (
          SELECT mb.county AS root, pt.id, pt.type, pt.filing_date, pt.grant_date, pt.lapse_date, ${termEndSql(sql`pt`)}::date AS term_end,
                 (CASE WHEN length(pt.application_number) = 14 THEN substr(pt.application_number, 5, 1)
                       ELSE substr(pt.application_number, 3, 1) END) IN ('8', '9') AS pct,
                 owner.industry_cluster AS cluster, owner.county_code AS cluster_county
            FROM patent pt
            JOIN member mb ON mb.code = pt.county_code
            LEFT JOIN LATERAL (SELECT e.county_code, e.industry_cluster FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
                                WHERE po.patent_id = pt.id ORDER BY po.position LIMIT 1) owner ON true
           WHERE pt.county_code = ANY (ARRAY(SELECT code FROM member))),
        overseas AS (
          SELECT og.patent_id, og.grant_date FROM patent_overseas_grant og WHERE og.patent_id IN (SELECT DISTINCT p.id FROM p)),
        flow AS (
          SELECT p.root, pe.index, p.type, p.cluster,
                 CASE WHEN GROUPING(p.type) = 0 THEN 'type' WHEN GROUPING(p.cluster) = 0 THEN 'cluster' ELSE 'total' END AS grain,
                 min((SELECT k.position FROM industry_cluster k WHERE k.county_code = p.cluster_county AND k.name = p.cluster)) AS cluster_position,
                 count(*) FILTER (WHERE ${inPeriod('filing_date')})::int AS applications,
                 count(*) FILTER (WHERE ${inPeriod('grant_date')})::int AS grants,
                 count(*) FILTER (WHERE ${inPeriod('lapse_date')})::int AS lapses,
                 count(*) FILTER (WHERE ${inPeriod('term_end')} AND p.grant_date < p.term_end
                                    AND (p.lapse_date IS NULL OR p.lapse_date > p.term_end))::int AS expiries,
                 count(*) FILTER (WHERE ${validOnEnd})::int AS valid,
                 count(*) FILTER (WHERE p.type = 'INVENTION' AND ${validOnEnd})::int AS "validInventions",
                 count(*) FILTER (WHERE p.pct AND ${inPeriod('filing_date')})::int AS "pctFilings",
                 count(*) FILTER (WHERE p.type = 'INVENTION' AND ${inPeriod('filing_date')})::int AS "inventionsFiled",
                 count(*) FILTER (WHERE p.type = 'INVENTION' AND ${inPeriod('filing_date')} AND p.grant_date <= ${last})::int AS "inventionsFiledGranted",
                 count(*) FILTER (WHERE p.type = 'INVENTION'
                                    AND extract(year FROM p.grant_date) = extract(year FROM pe."end") - ${maintenanceYears})::int AS cohort,
                 count(*) FILTER (WHERE p.type = 'INVENTION' AND extract(year FROM p.grant_date) = extract(year FROM pe."end") - ${maintenanceYears}
                                    AND ${validOnEnd})::int AS "cohortValid",
                 (avg(pe."end" - p.filing_date) FILTER (WHERE p.type = 'INVENTION' AND ${validOnEnd}) / 365.25)::float8 AS "maintainedYears"
            FROM period pe CROSS JOIN p
           GROUP BY GROUPING SETS ((p.root, pe.index), (p.root, pe.index, p.type), (p.root, pe.index, p.cluster))),
        overseas_flow AS (
          SELECT q.root, pe.index, q.type, q.cluster,
                 CASE WHEN GROUPING(q.type) = 0 THEN 'type' WHEN GROUPING(q.cluster) = 0 THEN 'cluster' ELSE 'total' END AS grain,
                 count(*)::int AS n
            FROM overseas og JOIN p q ON q.id = og.patent_id JOIN period pe ON og.grant_date BETWEEN pe.start AND pe."end"
           GROUP BY GROUPING SETS ((q.root, pe.index), (q.root, pe.index, q.type), (q.root, pe.index, q.cluster)))
        SELECT r.code AS "countyCode", pe.index AS "periodIndex", pe.label, pe.start, pe."end", f.grain, f.type, f.cluster,
               COALESCE(f.applications, 0) AS applications, COALESCE(f.grants, 0) AS grants, COALESCE(f.lapses, 0) AS lapses,
               COALESCE(f.expiries, 0) AS expiries, COALESCE(f.valid, 0) AS valid, COALESCE(f."validInventions", 0) AS "validInventions",
               COALESCE(f."pctFilings", 0) AS "pctFilings", COALESCE(o.n, 0) AS "overseasGrants", COALESCE(f.cohort, 0) AS cohort,
               (COALESCE(f."validInventions", 0) / NULLIF(pop.value / 10000.0, 0))::float8 AS "validInventionsPer10kResidents",
               CASE WHEN pop.value IS NOT NULL THEN pop.year END AS "populationYear",
               (100.0 * f."inventionsFiledGranted" / NULLIF(f."inventionsFiled", 0))::float8 AS "grantRate",
               (100.0 * f."cohortValid" / NULLIF(f.cohort, 0))::float8 AS "maintenanceRate",
               f."maintainedYears"
          FROM unnest(${codes}::text[]) AS r(code)
          CROSS JOIN period pe
          LEFT JOIN flow f ON f.root = r.code AND f.index = pe.index
          LEFT JOIN overseas_flow o ON o.root = f.root AND o.index = f.index AND o.grain = f.grain
                                   AND o.type IS NOT DISTINCT FROM f.type AND o.cluster IS NOT DISTINCT FROM f.cluster
          LEFT JOIN LATERAL (${rolledFigureSql(sql`r.code`, sql`extract(year FROM pe."end")::int`, 'population')}) pop ON true
         ORDER BY r.code, pe.index, CASE f.grain WHEN 'type' THEN 1 WHEN 'cluster' THEN 2 ELSE 0 END, array_position(${types}, f.type), f.cluster_position NULLS LAST, f.cluster NULLS LAST`,
  );

  const byCounty = new Map<string, Map<number, PatentStatisticsPeriod>>(codes.map((code) => [code, new Map()]));
  const flowOf = (row: FlowRow): PatentFlow => ({
    type: row.grain === 'type' ? row.type : null,
    cluster: row.grain === 'cluster' ? row.cluster : null,
    applications: row.applications,
    grants: row.grants,
    lapses: row.lapses,
    expiries: row.expiries,
    valid: row.valid,
    overseasGrants: row.overseasGrants,
    pctFilings: row.pctFilings,
  });
  for (const row of rows) {
    const result = byCounty.get(row.countyCode)!;
    if (row.grain === 'type') result.get(row.periodIndex)!.byType.push(flowOf(row));
    else if (row.grain === 'cluster') result.get(row.periodIndex)!.byCluster.push(flowOf(row));
    else {
      // the period's totals (a period without any patent has no flow rows: zeros)
      const { label, start, end, validInventions, validInventionsPer10kResidents, populationYear, grantRate, maintenanceRate } = row;
      result.set(row.periodIndex, {
        label,
        start,
        end,
        ...flowOf(row),
        validInventions,
        validInventionsPer10kResidents,
        populationYear,
        grantRate,
        maintenanceRate,
        maintenanceCohort: row.cohort,
        averageMaintainedYears: row.maintainedYears,
        byType: [],
        byCluster: [],
      });
    }
  }
  return codes.map((code) => [...byCounty.get(code)!.values()]);
}
