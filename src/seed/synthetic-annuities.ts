import { patentYearOnSql } from '../annuity/annuity.sql';
import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { patentValidSql } from '../high-value/high-value.sql';
import { seededRandom } from './random';
import { SYNTHETIC_COUNTY } from './synthetic';

/** The day the demo's annuity data describes: what was paid by the end of 2024. */
export const ANNUITIES_KNOWN_ON = '2024-12-31';

/**
 * Synthetic annuity data (专利年费) for the demo's Dianjiang patents in force at the end of 2024: most paid through the
 * patent year running then (the next annuity falls due in 2025), about one in twelve a year behind (due in 2024 and
 * unpaid: in its grace, or past it), and about one in ten unknown. Its own seed, so the rest of the demo stays as it was.
 */
export async function seedSyntheticAnnuities(db: RequestDatabase): Promise<void> {
  const random = seededRandom(20241231);
  const asOf = sql`${ANNUITIES_KNOWN_ON}::date`;
  const patents = await db.query<{ id: number; year: number }>(
    sql`SELECT p.id, ${patentYearOnSql(sql`p`, asOf)} AS year FROM patent p
         WHERE p.county_code = ${SYNTHETIC_COUNTY} AND ${patentValidSql(sql`p`, asOf)} ORDER BY p.id`,
  );
  const paid = patents.map((patent) => {
    const roll = random.next();
    if (roll < 0.1) return null;
    return roll < 0.18 ? Math.max(1, patent.year - 1) : patent.year;
  });
  await db.query(
    sql`UPDATE patent p SET annuity_paid_through = w.paid_through
          FROM unnest(${patents.map((patent) => patent.id)}::int[], ${paid}::int[]) AS w(id, paid_through)
         WHERE p.id = w.id AND w.paid_through IS NOT NULL`,
  );
}
