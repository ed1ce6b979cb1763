import { County } from '../county/county';
import { countyVisible } from '../county/county.sql';
import { Context } from '../graphql/context';
import { forbidden } from '../graphql/errors';
import { allCounties, Role } from './principal';

/**
 * The application's own checks, before anything is written (defence in depth: Row Level Security refuses the same
 * writes, and hides the same rows, even where a check is missing). Refusals are FORBIDDEN and say nothing about any
 * other county's data.
 */

const WRITERS = [Role.ADMIN, Role.EDITOR];

export function requireRole(ctx: Context, roles: Role[], action: string): void {
  if (!roles.includes(ctx.principal.role)) {
    throw forbidden(`${action} needs the role ${roles.join(' or ')}; the caller is ${ctx.principal.role}`);
  }
}

/** Enterprises, patents, financings, innovation platforms, loans: ADMIN or EDITOR. */
export const requireWriter = (ctx: Context, action: string) => requireRole(ctx, WRITERS, action);

/** Plans, statistics, counties, API keys: ADMIN. */
export const requireAdmin = (ctx: Context, action: string) => requireRole(ctx, [Role.ADMIN], action);

/**
 * The county is within the caller's counties: one of its codes, or a county whose parentCode is one of them.
 * For a code outside them the answer is FORBIDDEN whether or not such a county exists.
 */
export async function requireCountyInScope(ctx: Context, countyCode: string, field: string): Promise<void> {
  const { principal } = ctx;
  if (allCounties(principal) || principal.counties.includes(countyCode)) return;
  // Row Level Security shows a staff caller exactly the counties of its scope
  const visible = await countyVisible(ctx.db, countyCode);
  if (!visible || principal.role === Role.ENTERPRISE) throw forbidden(`${field}: county ${countyCode} is outside the caller's counties`);
}

/**
 * County-wide figures and lists are not for an ENTERPRISE caller, which sees only its own enterprise, nor for a county
 * outside the caller's counties that it reached as the county of a patent its enterprises own (src/county/county-label.ts).
 */
export function requireCountyWide(ctx: Context, what: string, county?: Pick<County, 'outsideScope' | 'code'>): void {
  if (ctx.principal.role === Role.ENTERPRISE) throw forbidden(`${what} is county-wide; an ENTERPRISE caller sees only its own enterprise`);
  if (county?.outsideScope) throw forbidden(`${what}: county ${county.code} is outside the caller's counties`);
}
