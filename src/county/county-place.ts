import { allCounties } from '../auth/principal';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { badUserInput, forbidden } from '../graphql/errors';
import { CountyInput } from './county.inputs';

/**
 * Where a county may be placed, and by whom (GB/T 2260: a code names its place). The division above a code — its
 * natural parent — is its prefecture (the first four digits, then 00) when one is registered, else its province (the
 * first two, then 0000): migrations/1764610000000-CountyAnnexation.ts, hvp_natural_parent, whose write policies
 * refuse the same writes.
 */

/** The natural parent of a code among the registered divisions (public: county_label), or null. */
export async function naturalParent(ctx: Context, code: string): Promise<string | null> {
  const [row] = await ctx.db.query<{ parent: string | null }>(sql`SELECT hvp_natural_parent(${code}) AS parent`);
  return row.parent;
}

/**
 * An ADMIN of every county places a county anywhere (under an existing parent). Any other ADMIN writes a county only
 * when one of its own codes is the county's natural parent (so a county's own ADMIN adds no children and renames not
 * its own county), and only with that parent: FORBIDDEN otherwise, naming nothing of other counties;
 * BAD_USER_INPUT for a parent that is not the natural one.
 */
export async function requireCountyPlacement(ctx: Context, input: CountyInput): Promise<void> {
  if (allCounties(ctx.principal)) return;
  const parent = await naturalParent(ctx, input.code);
  if (parent === null || !ctx.principal.counties.includes(parent)) {
    throw forbidden(
      `input.code: county ${input.code} can be added or changed only by an ADMIN of the division above it (GB/T 2260) or of every county`,
    );
  }
  if ((input.parentCode ?? null) !== parent) {
    throw badUserInput(
      'input.parentCode',
      `must be ${parent}, the division above ${input.code} under GB/T 2260 (its first four digits, else its first two), got ${input.parentCode ?? 'null'}`,
    );
  }
}
