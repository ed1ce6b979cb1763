import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';

/**
 * Writes annuity_paid_through of the patents `ids` where `wanted` gives a value (undefined: left as it is; null:
 * cleared), in one statement; answers the patents it changed. The values passed PatentInput's validation.
 */
export async function writeAnnuitiesPaidThrough(
  db: RequestDatabase,
  ids: number[],
  wanted: (number | null | undefined)[],
): Promise<Set<number>> {
  const given = ids.map((id, k) => ({ id, value: wanted[k] })).filter((entry) => entry.value !== undefined);
  if (given.length === 0) return new Set();
  const changed = await db.query<{ id: number }>(
    sql`UPDATE patent p SET annuity_paid_through = w.paid_through
          FROM unnest(${given.map((entry) => entry.id)}::int[], ${given.map((entry) => entry.value)}::int[]) AS w(id, paid_through)
         WHERE p.id = w.id AND p.annuity_paid_through IS DISTINCT FROM w.paid_through
        RETURNING p.id`,
  );
  return new Set(changed.map((row) => row.id));
}
