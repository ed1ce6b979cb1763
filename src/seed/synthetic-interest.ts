import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { seededRandom } from './random';
import { SYNTHETIC_COUNTY } from './synthetic';

/**
 * Synthetic interest payments (质押贷款付息, 合成示例 synthetic) on the synthetic pledge financings of Dianjiang (those
 * whose lender says 示例), so that Enterprise.interestSubsidies and County.interestSubsidies have something to show.
 * Each financing is a one-year loan at a fixed annual rate near the loan prime rate; interest is settled on the
 * 20th of the last month of each quarter (结息日) and at maturity, actual days / 360, and no payment is dated after
 * SETTLED_UNTIL (a fixed day, so the data does not depend on the clock). Fixed seed; runs after seedSyntheticDianjiang.
 */
const SETTLED_UNTIL = '2026-09-20';
const ANNUAL_RATES = [0.0345, 0.0365, 0.0385, 0.0415];
const DAY_MS = 24 * 3600 * 1000;

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The quarterly settlement days after `from` up to and including `to`, then `to` itself (maturity). */
function settlementDays(from: string, to: string): string[] {
  const days: string[] = [];
  const year = Number(from.slice(0, 4));
  for (let y = year; y <= year + 1; y++) {
    for (const month of ['03', '06', '09', '12']) {
      const day = `${y}-${month}-20`;
      if (day > from && day < to) days.push(day);
    }
  }
  return [...days, to];
}

export async function seedSyntheticInterestPayments(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20220046);
  const financings = await db.query<{ id: number; amount: string; registeredOn: string }>(
    sql`SELECT f.id, f.amount, f.registered_on AS "registeredOn"
          FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id
         WHERE e.county_code = ${SYNTHETIC_COUNTY} AND f.lender LIKE '%示例%' ORDER BY f.id`,
  );
  const payments: { financingId: number; paidOn: string; amount: string }[] = [];
  for (const financing of financings) {
    const rate = random.pick(ANNUAL_RATES);
    const start = utc(financing.registeredOn);
    const maturity = new Date(start);
    maturity.setUTCFullYear(maturity.getUTCFullYear() + 1);
    let previous = start;
    for (const day of settlementDays(financing.registeredOn, isoOf(maturity.getTime()))) {
      if (day > SETTLED_UNTIL) break;
      const days = (utc(day) - previous) / DAY_MS;
      const interest = Math.round(((Number(financing.amount) * rate * days) / 360) * 100) / 100;
      if (interest > 0) payments.push({ financingId: financing.id, paidOn: day, amount: interest.toFixed(2) });
      previous = utc(day);
    }
  }
  await db.query(
    sql`INSERT INTO pledge_interest_payment (pledge_financing_id, paid_on, amount)
        SELECT * FROM unnest(${payments.map((p) => p.financingId)}::int[], ${payments.map((p) => p.paidOn)}::date[],
                             ${payments.map((p) => p.amount)}::numeric[])`,
  );
}
