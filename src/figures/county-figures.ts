import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { byKey } from '../graphql/loaders';
import { countyMembersSql } from '../county/county-members.sql';

/**
 * A county-wide figure of many counties through the figure cache (src/figures/figure-cache.ts): the counties' data
 * versions are read in one statement, the figures kept under them answer at once, and the others are computed together
 * by `compute` (in the order of the codes it is given) and kept. `args` are whatever else changes the answer (asOf, a
 * filter, a page). Requests that may write, and counties the caller reads no version of, go straight to `compute`.
 */
export async function countyFigures<V>(
  ctx: Context,
  figure: string,
  args: readonly unknown[],
  codes: readonly string[],
  compute: (codes: readonly string[]) => Promise<V[]>,
): Promise<V[]> {
  const cache = ctx.figures;
  if (!figuresKept(ctx)) return compute(codes);
  const versions = await dataVersionLoader(ctx).loadMany(codes);
  const keyOf = (i: number) => JSON.stringify([figure, codes[i], versions[i], ...args]);
  const kept = codes.map((_, i) => (typeof versions[i] === 'string' ? cache.get(keyOf(i)) : undefined));
  const missing = codes.map((_, i) => i).filter((i) => kept[i] === undefined);
  if (missing.length === 0) return kept.map((entry) => entry!.value as V);
  const computed = await compute(missing.map((i) => codes[i]));
  missing.forEach((i, k) => {
    if (typeof versions[i] === 'string') cache.set(keyOf(i), computed[k]);
  });
  let next = 0;
  return kept.map((entry) => (entry ? (entry.value as V) : computed[next++]));
}

/** Whether this request reads figures through the cache: it has one, and the request writes nothing. */
export function figuresKept(ctx: Context): boolean {
  return ctx.figures.enabled && ctx.db.readOnly;
}

/**
 * The data version of a county, a probe by its key (OFFSET 0): joined, the planner read every county's version and ran
 * the read policy on each, a comparison with each code of the caller's scope (a city's 39, at national scale 0.5 ms).
 */
const versionOf = (code: Sql) => sql`SELECT v.version FROM county_data_version v WHERE v.county_code = ${code} OFFSET 0`;

/**
 * The data version of each county, read once per request for all its figures (one statement per batch); null for a
 * county the caller cannot see. A county with children answers its figures over itself and its descendants
 * (src/county/county-members.sql.ts), so its version is the versions of all of them ("code:version,…" in code order):
 * a change in any descendant, or a county added below it, asks for its figures anew. Reading it again later in the
 * request could only find a newer one: keeping the first is as safe, since an entry kept under a version never holds a
 * figure older than that version.
 */
function dataVersionLoader(ctx: Context) {
  return ctx.loaders.get<string, string | null>('countyDataVersion', [], async (codes) => {
    const rows = await ctx.db.query<{ code: string; version: string | null }>(
      sql`SELECT m.root AS code,
                 CASE WHEN bool_or(m.code = m.root AND v.version IS NOT NULL)
                      THEN string_agg(m.code || ':' || COALESCE(v.version::text, '-'), ',' ORDER BY m.code) END AS version
            FROM (${countyMembersSql(sql`SELECT unnest(${sql.keys(codes, 'text')}) AS code`)}) m
            LEFT JOIN LATERAL (${versionOf(sql`m.code`)}) v ON true
           GROUP BY m.root`,
      // read by every request for a kept figure: parsed and planned once per connection
      { reusePlan: true },
    );
    return byKey(
      codes,
      rows,
      (row) => row.code,
      null,
      (row) => row.version,
    );
  });
}

/**
 * A figure over several counties (e.g. a parent's counties compared) through the figure cache: one entry, under the
 * data versions of every county `counties` (a query with a column `code`) names that the caller can read — so any
 * change to any of them, or a county added under a parent (which raises the parent's version), asks for it anew.
 */
export async function groupFigure<V>(
  ctx: Context,
  figure: string,
  args: readonly unknown[],
  counties: Sql,
  compute: () => Promise<V>,
): Promise<V> {
  const cache = ctx.figures;
  if (!figuresKept(ctx)) return compute();
  const rows = await ctx.db.query<{ code: string; version: string }>(
    sql`SELECT c.code, v.version::text AS version FROM (SELECT DISTINCT code FROM (${counties}) c) c
          CROSS JOIN LATERAL (${versionOf(sql`c.code`)}) v ORDER BY c.code`,
    { reusePlan: true },
  );
  const key = JSON.stringify([figure, rows.map((row) => `${row.code}:${row.version}`), ...args]);
  const kept = cache.get(key);
  if (kept) return kept.value as V;
  const value = await compute();
  cache.set(key, value);
  return value;
}
