import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import { Connection, connectionsByOwner, PageArgs, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { SupportEligibility, SupportEvidence } from './support-eligibility';
import { subsidySql } from '../financing/pledge-interest.sql';
import { inventorKeySql } from '../inventor/inventor.sql';
import { planInForceSql } from '../plan/plan.sql';
import { commercialisationEventsSql, commercialisedSql } from '../transaction/transaction.sql';

/**
 * Who qualifies for the computable support measures of the plan in force in a year (支持措施兑现资格), in one
 * statement per county; the rules, with the measure's parameters (plan_support_measure):
 *
 *   CHINA_PATENT_AWARD_REWARD  each patentee (owner) of a patent attributed to the county with an award of the measure's
 *                              award kinds conferred in the year; max amount: Σ over its awards of the amount for the
 *                              award's kind (max_amount_by_award), else max_amount
 *   FOREIGN_GRANT_SUBSIDY      each patentee of an invention patent attributed to the county with a foreign grant in the
 *                              year by one of the measure's routes
 *   TITLE_ELIGIBILITY          each inventor (inventorKeySql: across all the county's patents) — SENIOR: listed on a patent
 *                              with an award of the measure's award kinds conferred in or before the year; ASSOCIATE:
 *                              listed on at least min_chinese_grants invention patents granted by the end of the year, or
 *                              on invention patents (granted in China or not) with at least min_foreign_grants foreign
 *                              grants by then, counting only patents
 *                              commercialised (commercialisedSql) by the end of the year
 *   PLEDGE_INTEREST_SUBSIDY    each enterprise of the county with a subsidy for the year (subsidySql); max amount: the
 *                              subsidy due
 *
 * `county` and `year` are SQL expressions (text, int); `measure` a measure number or null for every measure. Columns:
 * the SupportEligibility fields (evidence as jsonb; "paidAmount": what support_payment holds for the measure, recipient and
 * year) and the sort columns position, "recipientName", key.
 */
export function eligibilityRowsSql(county: Sql, year: Sql, measure: Sql): Sql {
  const yearStart = sql`make_date(${year}, 1, 1)`;
  const yearEnd = sql`make_date(${year}, 12, 31)`;
  const patentees = (kind: 'CHINA_PATENT_AWARD_REWARD' | 'FOREIGN_GRANT_SUBSIDY', facts: Sql, evidence: Sql, amount: Sql) =>
    sql`SELECT m.plan_id, m.number, m.position, m.kind, po.enterprise_id, ${amount} AS max_amount,
               jsonb_agg(${evidence} ORDER BY f.application_number, f.sort) AS evidence
          FROM m CROSS JOIN LATERAL (${facts}) f JOIN patent_owner po ON po.patent_id = f.patent_id
         WHERE m.kind = ${sql.literal(kind)}
         GROUP BY m.plan_id, m.number, m.position, m.kind, po.enterprise_id`;
  const fact = (fields: Sql) => sql`jsonb_strip_nulls(jsonb_build_object(${fields}))`;

  return sql`
    WITH m AS (
      SELECT ms.*, pl.pledge_interest_subsidy_rate AS rate
        FROM (${planInForceSql(county, year, sql`pl.id, pl.pledge_interest_subsidy_rate`)}) pl
        JOIN plan_support_measure ms ON ms.plan_id = pl.id
       WHERE ${measure}::text IS NULL OR ms.number = ${measure}::text
    ),
    awarded AS (${patentees(
      'CHINA_PATENT_AWARD_REWARD',
      sql`SELECT p.id AS patent_id, p.application_number, a.kind AS sort, a.kind, a.year,
                 COALESCE((m.max_amount_by_award ->> a.kind)::numeric, m.max_amount) AS amount
            FROM patent p JOIN patent_award a ON a.patent_id = p.id
           WHERE p.county_code = ${county} AND a.year = ${year} AND a.kind = ANY (m.award_kinds)`,
      fact(sql`'kind', 'AWARD', 'applicationNumber', f.application_number, 'awardKind', f.kind, 'awardYear', f.year`),
      sql`sum(f.amount)`,
    )}),
    granted_abroad AS (${patentees(
      'FOREIGN_GRANT_SUBSIDY',
      sql`SELECT p.id AS patent_id, p.application_number, g.jurisdiction AS sort, g.jurisdiction, g.grant_date, g.route, g.publication_number
            FROM patent p JOIN patent_overseas_grant g ON g.patent_id = p.id
           WHERE p.county_code = ${county} AND p.type = 'INVENTION'
             AND g.grant_date BETWEEN ${yearStart} AND ${yearEnd} AND g.route = ANY (m.routes)`,
      fact(sql`'kind', 'OVERSEAS_GRANT', 'applicationNumber', f.application_number, 'jurisdiction', f.jurisdiction, 'date', f.grant_date,
               'route', f.route, 'publicationNumber', f.publication_number`),
      sql`NULL::numeric`,
    )}),
    listed AS (
      SELECT ${inventorKeySql(sql`i`)} AS inventor_key, i.name, i.identifier, p.id, p.application_number, p.type, p.grant_date
        FROM patent p JOIN patent_inventor i ON i.patent_id = p.id
       WHERE p.county_code = ${county} AND EXISTS (SELECT 1 FROM m WHERE m.kind = 'TITLE_ELIGIBILITY')
    ),
    senior AS (
      SELECT m.plan_id, m.number, m.position, m.kind, x.inventor_key, min(x.name) AS name, max(x.identifier) AS identifier,
             jsonb_agg(${fact(sql`'kind', 'AWARD', 'applicationNumber', x.application_number, 'awardKind', a.kind, 'awardYear', a.year`)}
                       ORDER BY a.year, x.application_number, a.kind) AS evidence
        FROM m JOIN listed x ON true JOIN patent_award a ON a.patent_id = x.id AND a.year <= ${year} AND a.kind = ANY (m.award_kinds)
       WHERE m.kind = 'TITLE_ELIGIBILITY'
       GROUP BY m.plan_id, m.number, m.position, m.kind, x.inventor_key
    ),
    -- the inventions (granted in China or not: a foreign grant counts on its own) commercialised by the end of the year
    commercialised AS (
      SELECT DISTINCT x.inventor_key, x.name, x.identifier, x.id, x.application_number,
             CASE WHEN x.grant_date <= ${yearEnd} THEN x.grant_date END AS grant_date
        FROM listed x WHERE x.type = 'INVENTION' AND ${commercialisedSql(sql`x`, yearEnd)}
    ),
    counted AS (
      SELECT c.inventor_key, min(c.name) AS name, max(c.identifier) AS identifier, count(c.grant_date) AS chinese_grants,
             (SELECT count(*) FROM commercialised c2 JOIN patent_overseas_grant g ON g.patent_id = c2.id AND g.grant_date <= ${yearEnd}
               WHERE c2.inventor_key = c.inventor_key) AS foreign_grants
        FROM commercialised c GROUP BY c.inventor_key
    ),
    associate AS (
      SELECT m.plan_id, m.number, m.position, m.kind, n.inventor_key, n.name, n.identifier,
             (SELECT jsonb_agg(e.item ORDER BY e.application_number, e.sort, e.day)
                FROM commercialised c CROSS JOIN LATERAL (
                       SELECT ${fact(sql`'kind', 'INVENTION_GRANT', 'applicationNumber', c.application_number, 'date', c.grant_date`)} AS item,
                              c.application_number, 0 AS sort, c.grant_date AS day
                        WHERE c.grant_date IS NOT NULL
                       UNION ALL
                       SELECT ${fact(sql`'kind', 'OVERSEAS_GRANT', 'applicationNumber', c.application_number, 'jurisdiction', g.jurisdiction,
                                       'date', g.grant_date, 'route', g.route, 'publicationNumber', g.publication_number`)},
                              c.application_number, 1, g.grant_date
                         FROM patent_overseas_grant g WHERE g.patent_id = c.id AND g.grant_date <= ${yearEnd}
                       UNION ALL
                       SELECT ${fact(sql`'kind', 'COMMERCIALISATION', 'applicationNumber', c.application_number, 'transactionKind', ev.kind,
                                       'date', ev.occurred_on, 'counterparty', nullif(ev.counterparty, '')`)},
                              c.application_number, 2, ev.occurred_on
                         FROM (${commercialisationEventsSql(sql`c.id`)}) ev WHERE ev.occurred_on <= ${yearEnd}) e
               WHERE c.inventor_key = n.inventor_key) AS evidence
        FROM m JOIN counted n ON n.chinese_grants >= m.min_chinese_grants OR n.foreign_grants >= m.min_foreign_grants
       WHERE m.kind = 'TITLE_ELIGIBILITY'
    ),
    subsidised AS (
      SELECT m.plan_id, m.number, m.position, m.kind, s."enterpriseId" AS enterprise_id, s."subsidyDue" AS max_amount,
             jsonb_build_array(${fact(sql`'kind', 'INTEREST_PAID', 'amount', s."interestPaid"::text, 'rate', s.rate`)}) AS evidence
        FROM m JOIN (${subsidySql(sql`e.county_code = ${county} AND extract(year FROM ip.paid_on) = ${year}`)}) s ON true
       WHERE m.kind = 'PLEDGE_INTEREST_SUBSIDY'
    ),
    enterprises AS (
      SELECT * FROM awarded UNION ALL SELECT * FROM granted_abroad UNION ALL SELECT * FROM subsidised
    ),
    eligible AS (
    SELECT r.plan_id AS "planId", r.number AS "measureNumber", r.kind AS "measureKind", ${year} AS year, 'ENTERPRISE' AS "recipientKind",
           r.enterprise_id AS "enterpriseId", e.name AS "recipientName", NULL::text AS "inventorIdentifier", e.credit_code AS "recipientKey",
           NULL::text AS "titleLevel", r.max_amount::numeric(18, 2)::text AS "maxAmount", r.evidence,
           r.position, r.number || ' ' || e.credit_code AS key
      FROM enterprises r JOIN enterprise e ON e.id = r.enterprise_id
    UNION ALL
    SELECT t.plan_id, t.number, t.kind, ${year}, 'INVENTOR', NULL::int, t.name, t.identifier, t.inventor_key, t.level, NULL::text,
           t.evidence, t.position, t.number || ' ' || t.inventor_key || ' ' || t.level
      FROM (SELECT *, 'SENIOR' AS level FROM senior UNION ALL SELECT *, 'ASSOCIATE' FROM associate) t
    )
    SELECT q.*, ${county} AS "countyCode", COALESCE(paid.amount, 0)::numeric(18, 2)::text AS "paidAmount"
      FROM eligible q
      LEFT JOIN LATERAL (SELECT sum(sp.amount) AS amount FROM support_payment sp
                          WHERE sp.county_code = ${county} AND sp.year = ${year} AND sp.measure_number = q."measureNumber"
                            AND sp.recipient_key = q."recipientKey") paid ON true`;
}

/** The sort of an eligibility list: the plan's order of measures, then the recipient's name (byte order), then the key. */
export const ELIGIBILITY_ORDER: SortColumn[] = [
  { column: 'position', type: 'int' },
  { column: 'recipientName', type: 'text', collate: 'C' },
  { column: 'key', type: 'text', collate: 'C' },
];

/** County.supportEligibility(year, measure): Relay pages of each county's rows, one statement for all counties of a request. */
export function countyEligibilityLoader(ctx: Context, year: number, measure: string | null, pageArgs: PageArgs, withTotal: boolean) {
  const page = pageRequest(pageArgs, ELIGIBILITY_ORDER);
  return ctx.loaders.get<string, Connection<SupportEligibility>>(
    'countySupportEligibility',
    [year, measure, page, withTotal],
    async (counties) => {
      const rows = await ctx.db.query<SupportEligibility & PagedRow>(
        pagedSql({
          owners: sql`${counties}::text[]`,
          rowsOf: (county) => eligibilityRowsSql(county, sql`${year}::int`, sql`${measure}::text`),
          sort: ELIGIBILITY_ORDER,
          page,
          withTotal,
        }),
      );
      return connectionsByOwner(counties, rows, ELIGIBILITY_ORDER, page.limit, toEligibility);
    },
  );
}

/** Enterprise.supportEligibility(year): the rows of its county's computation that name it, in the same order. */
export function enterpriseEligibilityLoader(ctx: Context, year: number) {
  return ctx.loaders.get<number, SupportEligibility[]>('enterpriseSupportEligibility', [year], async (enterpriseIds) => {
    const rows = await ctx.db.query<SupportEligibility>(
      sql`SELECT r.* FROM (SELECT DISTINCT e.county_code FROM enterprise e WHERE e.id = ANY(${enterpriseIds})) c
            CROSS JOIN LATERAL (${eligibilityRowsSql(sql`c.county_code`, sql`${year}::int`, sql`NULL::text`)}) r
           WHERE r."enterpriseId" = ANY(${enterpriseIds})
           ORDER BY r."enterpriseId", r.position, r."recipientName" COLLATE "C", r.key COLLATE "C"`,
    );
    return groupByKey(enterpriseIds, rows.map(toEligibility), (row) => row.enterpriseId!);
  });
}

function toEligibility(row: SupportEligibility): SupportEligibility {
  const { pageOwner: _o, pageTotal: _t, pageRow: _r, ...rest } = row as SupportEligibility & Partial<PagedRow>;
  return { ...rest, evidence: rest.evidence.map((item) => ({ ...EMPTY_EVIDENCE, ...item })) };
}

const EMPTY_EVIDENCE: Omit<SupportEvidence, 'kind'> = {
  applicationNumber: null,
  date: null,
  awardKind: null,
  awardYear: null,
  jurisdiction: null,
  route: null,
  publicationNumber: null,
  transactionKind: null,
  counterparty: null,
  amount: null,
  rate: null,
};
