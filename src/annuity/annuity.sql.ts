/**
 * Annuities (专利年费) as SQL. Patent year n runs from the filing date's (n − 1)th anniversary (PostgreSQL's
 * `date + interval`, so 29 February plus one year is 28 February, as the contract's term); the annuity of year n is due
 * by that anniversary, and that of the grant year on registration (the grant date, when it is later). What is known is
 * the last patent year paid (`annuity_paid_through`); the first unpaid year is the one after it.
 *
 * The kept spans do not read any of this: validity follows the recorded lapse (contract: "Patent status on a day"). An
 * annuity unpaid past its grace ends the patent from its due date once that lapse is recorded; until then, alerts and
 * outlooks (src/alerts/) count it as lost, from the due date.
 */
import { sql, Sql } from '../db/sql';
import { patentValidSql, termEndSql } from '../high-value/high-value.sql';
import { ANNUITY_FEES, GRACE_MONTHS, SURCHARGE_PERCENT_PER_MONTH } from './annuity-fees';

/** The annuity of patent year `year` (an int expression) for the patent `p`, from the configured schedule; null when none is configured. */
export function annuityFeeSql(p: Sql, year: Sql): Sql {
  const types = Object.entries(ANNUITY_FEES).map(
    ([type, bands]) =>
      sql`WHEN ${sql.literal(type as keyof typeof ANNUITY_FEES)} THEN CASE ${sql.join(
        bands.map(
          (band) => sql`WHEN ${year} BETWEEN ${sql.literal(band.fromYear)} AND ${sql.literal(band.toYear)} THEN ${sql.literal(band.fee)}`,
        ),
        ' ',
      )} END`,
  );
  return sql`(CASE ${p}.type ${sql.join(types, ' ')} END)`;
}

/** The patent year of `p` that contains asOf: 1 from the filing date, n + 1 from its nth anniversary. */
export function patentYearOnSql(p: Sql, asOf: Sql): Sql {
  const years = sql`(extract(year FROM ${asOf})::int - extract(year FROM ${p}.filing_date)::int)`;
  return sql`(${years} + CASE WHEN (${p}.filing_date + make_interval(years => ${years}))::date <= ${asOf} THEN 1 ELSE 0 END)`;
}

const GRACE = sql.raw(`interval '${GRACE_MONTHS} months'`);

/**
 * The annuity that matters on asOf for the patent `p`, one row when the patent is VALID on asOf (none otherwise):
 * columns patent_year (the first unpaid year; the year containing asOf when nothing is known; null when every year of
 * the term is paid), due_date, grace_ends (due date + 6 months, the last day it may be paid), status, surcharge_percent
 * (what paying on asOf costs on top of the fee: null when it can no longer be paid or nothing is known), fee (yuan).
 *
 * status: UNKNOWN (annuity_paid_through not recorded); PAID (asOf before the due date: every annuity owed so far is
 * paid); DUE (from the due date, within its first month: owed, no surcharge yet); IN_GRACE (from one month after the
 * due date to grace_ends: 5% per full month late, 25% in the sixth); PAST_GRACE (unpaid after grace_ends: the patent
 * ends from due_date once that lapse is recorded).
 */
export function annuitySql(p: Sql, asOf: Sql): Sql {
  const surcharge = sql`${sql.literal(SURCHARGE_PERCENT_PER_MONTH)} * (SELECT count(*) FROM generate_series(1, ${sql.literal(GRACE_MONTHS - 1)}) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= ${asOf})::int`;
  return sql`SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR ${asOf} < y.due_date THEN 'PAID'
              WHEN ${asOf} < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN ${asOf} <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND ${asOf} <= y.grace_ends THEN ${surcharge} END AS surcharge_percent,
         ${annuityFeeSql(p, sql`y.patent_year`)} AS fee
    FROM (SELECT CASE WHEN n.due < ${termEndSql(p)} THEN n.patent_year END AS patent_year, n.known,
                 CASE WHEN n.due < ${termEndSql(p)} THEN n.due END AS due_date,
                 CASE WHEN n.due < ${termEndSql(p)} THEN (n.due + ${GRACE})::date END AS grace_ends
            FROM (SELECT k.patent_year, k.known,
                         greatest((${p}.filing_date + make_interval(years => k.patent_year - 1))::date, ${p}.grant_date) AS due
                    FROM (SELECT COALESCE(${p}.annuity_paid_through + 1, ${patentYearOnSql(p, asOf)}) AS patent_year,
                                 ${p}.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE ${patentValidSql(p, asOf)}`;
}

/**
 * Known on asOf to be lost for an unpaid annuity: the patent `p` is VALID on asOf (no lapse recorded yet) and the
 * annuity of its first unpaid year is past its grace. Such a patent ends from that due date once the lapse is recorded.
 */
export function annuityLostSql(p: Sql, asOf: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM (${annuitySql(p, asOf)}) lost WHERE lost.status = 'PAST_GRACE')`;
}
