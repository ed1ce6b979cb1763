import { registerEnumType } from 'type-graphql';
import { parseCreditCode } from '../identifiers/credit-code';

/** What a caller may do (contract: Running; docs/auth-and-tenancy.md: Roles and tenancy). */
export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
  ENTERPRISE = 'ENTERPRISE',
}

export const ROLES = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: '角色: what a caller may do within its counties',
  valuesConfig: {
    ADMIN: { description: '管理员: everything in its counties, including plans, statistics and API keys' },
    EDITOR: { description: '编辑: reads its counties; writes enterprises, patents, financings, innovation platforms and loans there' },
    VIEWER: { description: '查看: reads its counties' },
    ENTERPRISE: { description: '企业: reads only its own enterprise, its patents, financings and target gaps; nothing county-wide' },
  },
});

/** `["*"]` in the claims: every county (provincial or municipal level). */
export const ALL_COUNTIES = '*';

/**
 * The authenticated caller: the claims of a JWT or of an API key, checked. `counties` is either
 * ['*'] or a non-empty list of six-digit codes; `creditCode` is set exactly for ENTERPRISE.
 */
export interface Principal {
  subject: string;
  role: Role;
  counties: string[];
  creditCode: string | null;
  /**
   * EDITOR only, optional: the unit (责任单位 / 配合单位 of the county's plan, e.g. 县科技局) the caller acts for, from the
   * claim `unit`; its task progress reports are then for that unit only (src/task/). Absent: any unit of the task.
   */
  unit?: string | null;
  /** how the caller proved who it is */
  via: 'jwt' | 'apiKey' | 'system';
}

export type ClaimsResult = { ok: true; principal: Principal } | { ok: false; reason: string };

/** Checks the claims `sub`, `role`, `counties` and (for ENTERPRISE) `creditCode`; refuses anything else. */
export function principalFromClaims(claims: Record<string, unknown>, via: Principal['via']): ClaimsResult {
  const { sub, role, counties, creditCode, unit } = claims;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200)
    return { ok: false, reason: 'claim "sub" must be a non-empty string' };
  // it is written to the history (hvp.subject): PostgreSQL's text holds no NUL, and no subject needs control characters
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(sub)) return { ok: false, reason: 'claim "sub" must not contain control characters' };
  if (typeof role !== 'string' || !(ROLES as string[]).includes(role)) {
    return { ok: false, reason: `claim "role" must be one of ${ROLES.join(', ')}` };
  }
  const scope = parseCounties(counties);
  if (!scope.ok) return scope;
  let code: string | null = null;
  if (role === Role.ENTERPRISE) {
    if (typeof creditCode !== 'string') return { ok: false, reason: 'claim "creditCode" is required for role ENTERPRISE' };
    const parsed = parseCreditCode(creditCode);
    if (!parsed.ok) return { ok: false, reason: `claim "creditCode" ${parsed.reason}` };
    code = parsed.value;
  } else if (creditCode !== undefined && creditCode !== null) {
    return { ok: false, reason: 'claim "creditCode" is only for role ENTERPRISE' };
  }
  if (unit !== undefined && unit !== null) {
    if (role !== Role.EDITOR) return { ok: false, reason: 'claim "unit" is only for role EDITOR' };
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (typeof unit !== 'string' || unit.trim() === '' || unit.length > 100 || /[\u0000-\u001f\u007f]/.test(unit)) {
      return { ok: false, reason: 'claim "unit" must be the name of a unit of the plan, e.g. "县科技局" (at most 100 characters)' };
    }
  }
  const principal: Principal = { subject: sub, role: role as Role, counties: scope.value, creditCode: code, via };
  if (typeof unit === 'string') principal.unit = unit.trim();
  return { ok: true, principal };
}

/** `["*"]` or a non-empty list of distinct six-digit county codes, sorted. */
export function parseCounties(counties: unknown): { ok: true; value: string[] } | { ok: false; reason: string } {
  if (!Array.isArray(counties) || counties.length === 0 || counties.length > 1000) {
    return { ok: false, reason: 'claim "counties" must be a non-empty list of county codes, or ["*"]' };
  }
  if (counties.length === 1 && counties[0] === ALL_COUNTIES) return { ok: true, value: [ALL_COUNTIES] };
  const bad = counties.find((code) => typeof code !== 'string' || !/^\d{6}$/.test(code));
  if (bad !== undefined)
    return { ok: false, reason: `claim "counties" holds ${JSON.stringify(bad)}, which is not a six-digit county code (or "*" alone)` };
  return { ok: true, value: [...new Set(counties as string[])].sort() };
}

export const allCounties = (principal: Principal) => principal.counties.length === 1 && principal.counties[0] === ALL_COUNTIES;

/** The server's own work (seeding the demo, the apikey CLI): ADMIN of every county. */
export const SYSTEM_PRINCIPAL: Principal = {
  subject: 'system',
  role: Role.ADMIN,
  counties: [ALL_COUNTIES],
  creditCode: null,
  via: 'system',
};
