import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { groupByKey } from '../graphql/loaders';
import { planInForceSql } from '../plan/plan.sql';
import { InterestSubsidy, PledgeInterestPayment, PledgeInterestPaymentInput } from './pledge-interest';

/**
 * 知识产权质押融资贴息: interest payments on pledge financings and the subsidy due on them.
 *
 * The subsidy of an enterprise for a calendar year is
 *   round(Σ interest it paid that year on all its pledge financings × rate, 2)
 * where rate is the pledgeInterestSubsidyRate of the plan in force that year (planInForceSql) in the enterprise's
 * county. Everything is PostgreSQL numeric: the sum and the product are exact, and round(…, 2) rounds once, on the
 * year's total, to the fen, half away from zero (0.005 → 0.01). No plan in force that year, or a plan without a rate:
 * no subsidy row for that year. A year without interest paid: no row either.
 */

const PAYMENT_COLUMNS = sql`ip.id, ip.pledge_financing_id AS "financingId", ip.paid_on AS "paidOn", ip.amount`;

/** The subsidy rows of the enterprises `e` that `where` (over e and the payment ip) keeps, grouped by enterprise and year. */
export function subsidySql(where: Sql, extraColumns: Sql = sql.empty): Sql {
  return sql`
    WITH paid AS (
      SELECT f.enterprise_id, extract(year FROM ip.paid_on)::int AS year, sum(ip.amount) AS interest_paid
        FROM enterprise e
        JOIN pledge_financing f ON f.enterprise_id = e.id
        JOIN pledge_interest_payment ip ON ip.pledge_financing_id = f.id
       WHERE ${where}
       GROUP BY f.enterprise_id, extract(year FROM ip.paid_on)
    )
    SELECT paid.enterprise_id AS "enterpriseId", paid.year, paid.interest_paid AS "interestPaid",
           plan.rate::float8 AS rate, round(paid.interest_paid * plan.rate, 2) AS "subsidyDue"${extraColumns}
      FROM paid
      JOIN enterprise e ON e.id = paid.enterprise_id
      JOIN LATERAL (${planInForceSql(sql`e.county_code`, sql`paid.year`, sql`pl.pledge_interest_subsidy_rate AS rate`)}) plan
        ON plan.rate IS NOT NULL`;
}

/** Enterprise.interestSubsidies(year): per enterprise, oldest year first; every year when `year` is null. */
export function enterpriseInterestSubsidiesLoader(ctx: Context, year: number | null) {
  return ctx.loaders.get<number, InterestSubsidy[]>('enterpriseInterestSubsidies', [year], async (enterpriseIds) => {
    const paidIn = sql`${year}::int`;
    const rows = await ctx.db.query<InterestSubsidy>(
      sql`${subsidySql(sql`e.id = ANY(${enterpriseIds}) AND (${paidIn} IS NULL OR extract(year FROM ip.paid_on) = ${paidIn})`)}
       ORDER BY paid.enterprise_id, paid.year`,
    );
    return groupByKey(enterpriseIds, rows, (subsidy) => subsidy.enterpriseId);
  });
}

/**
 * County.interestSubsidies(year): one row per enterprise of the county that paid pledge interest in the year, highest
 * subsidyDue first, then by enterprise name in byte order, then credit code.
 */
export function countyInterestSubsidiesLoader(ctx: Context, year: number) {
  return ctx.loaders.get<string, InterestSubsidy[]>('countyInterestSubsidies', [year], async (countyCodes) => {
    const rows = await ctx.db.query<InterestSubsidy & { countyCode: string }>(
      sql`${subsidySql(sql`e.county_code = ANY(${countyCodes}) AND extract(year FROM ip.paid_on) = ${year}::int`, sql`, e.county_code AS "countyCode"`)}
       ORDER BY e.county_code, round(paid.interest_paid * plan.rate, 2) DESC, e.name COLLATE "C", e.credit_code`,
    );
    return groupByKey(
      countyCodes,
      rows,
      (row) => row.countyCode,
      ({ countyCode: _, ...subsidy }) => subsidy,
    );
  });
}

export function interestPaymentsLoader(ctx: Context) {
  return ctx.loaders.get<number, PledgeInterestPayment[]>('pledgeInterestPayments', [], async (financingIds) => {
    const rows = await ctx.db.query<PledgeInterestPayment>(
      sql`SELECT ${PAYMENT_COLUMNS} FROM pledge_interest_payment ip WHERE ip.pledge_financing_id = ANY(${financingIds})
        ORDER BY ip.pledge_financing_id, ip.paid_on, ip.id`,
    );
    return groupByKey(financingIds, rows, (payment) => payment.financingId);
  });
}

/** An ID as a financing id: digits that fit a PostgreSQL int, else null (which no financing has). */
function financingIdOf(id: string): number | null {
  const trimmed = id.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 2147483647 ? value : null;
}

export async function recordPledgeInterestPayment(db: RequestDatabase, input: PledgeInterestPaymentInput): Promise<PledgeInterestPayment> {
  const id = financingIdOf(input.financingId);
  const [financing] =
    id === null
      ? []
      : await db.query<{ id: number; registeredOn: string }>(
          sql`SELECT id, registered_on AS "registeredOn" FROM pledge_financing WHERE id = ${id}`,
        );
  if (!financing) throw badUserInput('input.financingId', `no pledge financing with id ${input.financingId}`);
  if (input.paidOn < financing.registeredOn) {
    throw badUserInput(
      'input.paidOn',
      `must not be before the financing's registration day ${financing.registeredOn}, got ${input.paidOn}`,
    );
  }
  const [payment] = await db.query<PledgeInterestPayment>(
    sql`INSERT INTO pledge_interest_payment AS ip (pledge_financing_id, paid_on, amount) VALUES (${financing.id}, ${input.paidOn}, ${input.amount})
     RETURNING ${PAYMENT_COLUMNS}`,
  );
  return payment;
}
