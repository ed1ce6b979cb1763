/**
 * The rules of category memberships as SQL (contract: "Plans and breakthrough targets"): when one is valid, and how
 * long one given without validTo lasts. No GraphQL here: the seed and the tests' builders import it too.
 */
import { sql, Sql } from '../db/sql';
import { THREE_YEAR_CATEGORIES } from './enterprise-category';

/** A membership row `m` is valid on `asOf` (inclusive at both ends; open-ended when valid_to is null). */
export function membershipValidSql(m: Sql, asOf: Sql): Sql {
  return sql`(${m}.valid_from <= ${asOf} AND (${m}.valid_to IS NULL OR ${asOf} <= ${m}.valid_to))`;
}

/**
 * The last day of a membership `m` (columns category, valid_from, valid_to) as stored: its valid_to, or when none is
 * given, three years for the categories recognised for three years (validFrom + 3 years − 1 day), else open-ended.
 */
export function membershipValidToSql(m: Sql): Sql {
  const threeYears = sql.join(THREE_YEAR_CATEGORIES.map((category) => sql.literal(category)));
  return sql`COALESCE(${m}.valid_to, CASE WHEN ${m}.category IN (${threeYears})
                                      THEN (${m}.valid_from + interval '3 years' - interval '1 day')::date END)`;
}
