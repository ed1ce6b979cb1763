/**
 * High-value candidates (高价值专利培育): valid invention patents not high-value on asOf, and the reason each could
 * become so. The rule homes are reused: the kept spans say what holds on asOf, the patent's own dates what will hold
 * (patentValidSql), the plan in force the pledge threshold (planInForceSql), the annuity what is known to be lost.
 */
import { annuityLostSql } from '../annuity/annuity.sql';
import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Connection, connectionsByOwner, orderBySql, PageArgs, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { maintainedOver10YearsFromSql, patentValidSql } from '../high-value/high-value.sql';
import { HighValueReason } from '../high-value/high-value-reason';
import { spanHoldsSql } from '../high-value/spans.sql';
import { planInForceSql } from '../plan/plan.sql';
import { HighValueCandidate } from './candidate';

const REASON_ORDER = sql`${Object.values(HighValueReason)}::text[]`;

/**
 * The reasons within reach of the patent `p` (a valid invention, not high-value on asOf) by the day `until`: rows
 * (reason, expected_on, shortfall). MAINTAINED_OVER_10_YEARS on the first day after its 10th anniversary, when it is in
 * force that day on the dates known; HIGH_PLEDGE_FINANCING when its largest pledge registered by asOf is below the
 * threshold of the plan in force in its county on asOf.
 */
export function candidateReasonsSql(p: Sql, asOf: Sql, until: Sql): Sql {
  const tenYears = maintainedOver10YearsFromSql(p);
  return sql`SELECT ${sql.literal(HighValueReason.MAINTAINED_OVER_10_YEARS)}::text AS reason, ${tenYears} AS expected_on, NULL::numeric AS shortfall
      WHERE ${tenYears} <= ${until} AND ${patentValidSql(p, tenYears)}
    UNION ALL
    SELECT ${sql.literal(HighValueReason.HIGH_PLEDGE_FINANCING)}::text, NULL::date, t.threshold - pledged.amount
      FROM (SELECT max(f.amount) AS amount FROM pledge_financing_patent fp
              -- each financing looked up by key (OFFSET 0: not a scan of every financing hashed once per patent)
              CROSS JOIN LATERAL (SELECT f.amount FROM pledge_financing f
                                   WHERE f.id = fp.pledge_financing_id AND f.registered_on <= ${asOf} OFFSET 0) f
             WHERE fp.patent_id = ${p}.id) pledged
      JOIN (${planInForceSql(sql`${p}.county_code`, sql`extract(year FROM ${asOf})::int`, sql`pl.high_pledge_threshold AS threshold`)}) t ON true
     WHERE pledged.amount < t.threshold`;
}

/**
 * The candidates among the patents `patents` (a query of patent rows, alias-free, that are valid inventions not
 * high-value on asOf): columns "patentId", reason, "reasonOrder", "expectedOn", shortfall, "sortDate" (expectedOn, or
 * asOf for a pledge), "applicationNumber".
 */
export function candidatesOfSql(patents: Sql, asOf: Sql, until: Sql): Sql {
  return sql`SELECT p.id AS "patentId", c.reason, array_position(${REASON_ORDER}, c.reason) AS "reasonOrder", c.expected_on AS "expectedOn",
                    c.shortfall::text AS shortfall, COALESCE(c.expected_on, ${asOf}) AS "sortDate", p.application_number AS "applicationNumber"
               FROM (${patents}) p CROSS JOIN LATERAL (${candidateReasonsSql(sql`p`, asOf, until)}) c
              WHERE NOT (p.annuity_paid_through IS NOT NULL AND ${annuityLostSql(sql`p`, asOf)})`;
}

/** The valid invention patents not high-value on asOf of a county (its kept spans) or of an enterprise (those it owns). */
export function notHighValueSql(of: 'county' | 'enterprise', owner: Sql, asOf: Sql): Sql {
  return of === 'county'
    ? sql`SELECT p.* FROM invention_span s JOIN patent p ON p.id = s.patent_id
           WHERE s.county_code = ${owner} AND NOT s.high_value AND ${spanHoldsSql(sql`s`, asOf)}`
    : sql`SELECT p.* FROM patent_owner po JOIN invention_span s ON s.patent_id = po.patent_id JOIN patent p ON p.id = po.patent_id
           WHERE po.enterprise_id = ${owner} AND NOT s.high_value AND ${spanHoldsSql(sql`s`, asOf)}`;
}

export const CANDIDATE_ORDER: SortColumn[] = [
  { column: 'sortDate', type: 'date' },
  { column: 'applicationNumber', type: 'text', collate: 'C' },
  { column: 'reasonOrder', type: 'int' },
];

export interface CandidateQuery extends PageArgs {
  asOf: IsoDate;
  horizonDays: number;
}

/** The candidates of counties or enterprises, a page each, in one statement per batch. */
export function candidatesLoader(ctx: Context, of: 'county' | 'enterprise', query: CandidateQuery, withTotal: boolean) {
  const page = pageRequest(query, CANDIDATE_ORDER);
  const { asOf, horizonDays } = query;
  return ctx.loaders.get<string | number, Connection<HighValueCandidate>>(
    'highValueCandidates',
    [of, asOf, horizonDays, page, withTotal],
    async (owners) => {
      const day = sql`${asOf}::date`;
      const until = sql`(${asOf}::date + ${horizonDays}::int)`;
      const rows = await ctx.db.query<HighValueCandidate & PagedRow>(
        pagedSql({
          owners: of === 'county' ? sql`${owners}::text[]` : sql`${owners}::int[]`,
          rowsOf: (owner) => candidatesOfSql(notHighValueSql(of, owner, day), day, until),
          sort: CANDIDATE_ORDER,
          page,
          withTotal,
        }),
      );
      return connectionsByOwner(owners, rows, CANDIDATE_ORDER, page.limit, toCandidate);
    },
  );
}

function toCandidate(row: HighValueCandidate): HighValueCandidate {
  const { patentId, reason, expectedOn, shortfall } = row;
  return { patentId, reason, expectedOn, shortfall } as HighValueCandidate;
}

export interface CandidateListRow extends HighValueCandidate {
  applicationNumber: string;
  title: string;
  filingDate: string;
  owners: string | null;
}

/**
 * Every candidate of a county in the list's order (the export: no page limit), with the patent's number, title,
 * filing date and owners (first patentee first), in one statement.
 */
export async function allCountyCandidates(
  ctx: Context,
  countyCode: string,
  asOf: IsoDate,
  horizonDays: number,
): Promise<CandidateListRow[]> {
  const day = sql`${asOf}::date`;
  const until = sql`(${asOf}::date + ${horizonDays}::int)`;
  return ctx.db.query<CandidateListRow>(
    sql`SELECT c.*, p.title, p.filing_date AS "filingDate",
               (SELECT string_agg(e.name, '；' ORDER BY po.position) FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
                 WHERE po.patent_id = p.id) AS owners
          FROM (${candidatesOfSql(notHighValueSql('county', sql`${countyCode}::text`, day), day, until)}) c
          JOIN patent p ON p.id = c."patentId"
         ORDER BY ${orderBySql(CANDIDATE_ORDER, 'c')}`,
  );
}
