import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { Connection, connectionsByOwner, PageArgs, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { planInForceSql } from '../plan/plan.sql';
import { SupportEligibility } from './support-eligibility';
import { eligibilityRowsSql } from './support-eligibility.sql';
import { measureNumber } from './support-measure';
import { SupportPayment, SupportPaymentInput } from './support-payment';

const PAYMENT_COLUMNS = sql`sp.id, sp.plan_id AS "planId", sp.enterprise_id AS "enterpriseId", sp.county_code AS "countyCode",
  sp.measure_number AS "measureNumber", sp.year, sp.recipient_kind AS "recipientKind", sp.recipient_key AS "recipientKey",
  sp.recipient_name AS "recipientName", sp.amount, sp.paid_on AS "paidOn", sp.reference, sp.version`;

export const PAYMENT_ORDER: SortColumn[] = [
  { column: 'paidOn', type: 'date' },
  { column: 'id', type: 'int' },
];

/** County.supportPayments(year): the payments for the year's eligibility, oldest first (support_payment_county_year_idx). */
export function countyPaymentsLoader(ctx: Context, year: number, pageArgs: PageArgs, withTotal: boolean) {
  const page = pageRequest(pageArgs, PAYMENT_ORDER);
  return ctx.loaders.get<string, Connection<SupportPayment>>('countySupportPayments', [year, page, withTotal], async (counties) => {
    const rows = await ctx.db.query<SupportPayment & PagedRow>(
      pagedSql({
        owners: sql`${counties}::text[]`,
        rowsOf: (county) =>
          sql`SELECT ${PAYMENT_COLUMNS} FROM support_payment sp WHERE sp.county_code = ${county} AND sp.year = ${year}::int`,
        sort: PAYMENT_ORDER,
        page,
        withTotal,
      }),
    );
    return connectionsByOwner(counties, rows, PAYMENT_ORDER, page.limit, (row) => {
      const { pageOwner: _o, pageTotal: _t, pageRow: _r, ...payment } = row as SupportPayment & PagedRow;
      return payment;
    });
  });
}

/** SupportEligibility.payments: the payments of a row (its measure, recipient and year). */
export function eligibilityPaymentsLoader(ctx: Context) {
  return ctx.loaders.get<string, SupportPayment[]>('eligibilityPayments', [], async (keys) => {
    const parts = keys.map((key) => JSON.parse(key) as [string, number, string, string]);
    const rows = await ctx.db.query<SupportPayment & { rowKey: string }>(
      sql`SELECT w.key AS "rowKey", ${PAYMENT_COLUMNS}
            FROM unnest(${keys}::text[], ${parts.map((p) => p[0])}::text[], ${parts.map((p) => p[1])}::int[],
                        ${parts.map((p) => p[2])}::text[], ${parts.map((p) => p[3])}::text[]) AS w(key, county, year, measure, recipient)
            JOIN support_payment sp ON sp.county_code = w.county AND sp.year = w.year AND sp.measure_number = w.measure
                                   AND sp.recipient_key = w.recipient
           ORDER BY sp.paid_on, sp.id`,
    );
    return keys.map((key) => rows.filter((row) => row.rowKey === key).map(({ rowKey: _, ...payment }) => payment));
  });
}

export const eligibilityRowKey = (countyCode: string, row: SupportEligibility) =>
  JSON.stringify([countyCode, row.year, row.measureNumber, row.recipientKey]);

/**
 * Records a payment: the measure must be a computable one of the plan in force in the year, the recipient must qualify
 * for it that year (the same SQL as County.supportEligibility), the amount with what was paid before must stay within
 * the row's maxAmount where it names one, the day must not be before the year, the reference new in the county.
 */
export async function recordSupportPayment(db: RequestDatabase, input: SupportPaymentInput): Promise<SupportPayment> {
  const number = measureNumber(input.measure);
  if (!number) throw badUserInput('input.measure', `must be a measure number such as "(五)", got "${input.measure}"`);
  const [measure] = await db.query<{ planId: number; kind: string }>(
    sql`SELECT ms.plan_id AS "planId", ms.kind
          FROM (${planInForceSql(sql`${input.countyCode}::text`, sql`${input.year}::int`, sql`pl.id`)}) pl
          JOIN plan_support_measure ms ON ms.plan_id = pl.id AND ms.number = ${number}`,
  );
  if (!measure)
    throw badUserInput('input.measure', `the plan in force in ${input.year} in county ${input.countyCode} has no measure ${number}`);
  if (measure.kind === 'GENERIC') {
    throw badUserInput(
      'input.measure',
      `${number} is a GENERIC measure (按有关政策给予资助): its eligibility is not computed, so no payment is recorded here`,
    );
  }
  if (measure.kind === 'TITLE_ELIGIBILITY') {
    throw badUserInput('input.measure', `${number} supports title applications (职称评定): it pays no money`);
  }
  if (input.paidOn < `${input.year}-01-01`) {
    throw badUserInput('input.paidOn', `must not be before the year it pays for (${input.year}), got ${input.paidOn}`);
  }
  const recipient = input.recipient.trim();
  const key = /^(id|name):/.test(recipient) ? recipient : recipient.toUpperCase();
  // two payments to one recipient under one measure and year, at once, are checked against the maximum one after the other
  await db.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`support ${input.countyCode} ${input.year} ${number} ${key}`}, 0))`);
  const [row] = await db.query<SupportEligibility>(
    sql`SELECT r.* FROM (${eligibilityRowsSql(sql`${input.countyCode}::text`, sql`${input.year}::int`, sql`${number}::text`)}) r
         WHERE r."recipientKey" = ${key} ORDER BY r."titleLevel" LIMIT 1`,
  );
  if (!row) throw badUserInput('input.recipient', `${key} does not qualify for ${number} in ${input.year} (see County.supportEligibility)`);
  if (row.maxAmount !== null) {
    const [{ over }] = await db.query<{ over: boolean }>(
      sql`SELECT ${row.paidAmount}::numeric + ${input.amount}::numeric > ${row.maxAmount}::numeric AS over`,
    );
    if (over) {
      throw badUserInput(
        'input.amount',
        `with ${row.paidAmount} paid before, ${input.amount} would exceed the most ${number} pays ${row.recipientName} for ${input.year}: ${row.maxAmount}`,
      );
    }
  }
  const reference = input.reference.trim();
  const taken = await db.query(sql`SELECT 1 FROM support_payment WHERE county_code = ${input.countyCode} AND reference = ${reference}`);
  if (taken.length > 0) throw badUserInput('input.reference', `${reference} is already recorded in county ${input.countyCode}`);
  const [payment] = await db.query<SupportPayment>(
    sql`INSERT INTO support_payment AS sp (county_code, plan_id, measure_number, year, recipient_kind, enterprise_id, recipient_key,
                                           recipient_name, amount, paid_on, reference)
        VALUES (${input.countyCode}, ${measure.planId}, ${number}, ${input.year}, ${row.recipientKind}, ${row.enterpriseId}, ${key},
                ${row.recipientName}, ${input.amount}, ${input.paidOn}, ${reference})
        RETURNING ${PAYMENT_COLUMNS}`,
  );
  return payment;
}
