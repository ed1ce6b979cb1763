import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { Principal, principalFromClaims, Role } from './principal';

/**
 * JSON Web Tokens with the `jose` package: HS256 with JWT_SECRET, RS256 and ES256 with the keys of JWKS_URL
 * (fetched and cached by jose, refreshed when a token names an unknown key id). Every token needs `exp`.
 */

export interface JwtConfig {
  jwtSecret: string | null;
  jwksUrl: string | null;
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** JWT_MAX_TTL (default 24 h): the longest lifetime a token may claim */
  jwtMaxTtlSeconds?: number;
}

export const DEFAULT_JWT_MAX_TTL_SECONDS = 24 * 3600;

/** A token refused, with the reason a client may see (nothing about any tenant). */
export class InvalidCredentials extends Error {}

export const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'];
/** leeway for clocks that disagree a little */
const CLOCK_TOLERANCE_SECONDS = 5;

export type JwtVerifier = (token: string) => Promise<Principal>;

export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : null;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  const options = {
    issuer: config.jwtIssuer ?? undefined,
    audience: config.jwtAudience ?? undefined,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };

  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidCredentials('the bearer token is not a JWT');
    }
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }));
      } else if (alg && ASYMMETRIC_ALGORITHMS.includes(alg) && jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC_ALGORITHMS }));
      } else {
        throw new InvalidCredentials(`tokens signed with "${alg}" are not accepted here`);
      }
    } catch (error) {
      throw describe(error);
    }
    const lifetime = lifetimeProblem(payload, config.jwtMaxTtlSeconds ?? DEFAULT_JWT_MAX_TTL_SECONDS);
    if (lifetime) throw new InvalidCredentials(lifetime);
    const checked = principalFromClaims(payload as Record<string, unknown>, 'jwt');
    if (!checked.ok) throw new InvalidCredentials(`the token's claims are not usable: ${checked.reason}`);
    return checked.principal;
  };
}

/**
 * A token may live at most `maxSeconds`: `exp` − `iat` (or, without `iat`, `exp` − now) beyond it, or an `iat` in the
 * future beyond the clock tolerance, is refused. So a stolen token is worth a day at most, whoever issued it.
 */
export function lifetimeProblem(payload: JWTPayload, maxSeconds: number, now = Math.floor(Date.now() / 1000)): string | null {
  const { exp, iat } = payload;
  if (typeof exp !== 'number') return null;
  if (iat !== undefined && typeof iat !== 'number') return 'the token\'s "iat" claim must be a number';
  if (typeof iat === 'number' && iat > now + CLOCK_TOLERANCE_SECONDS) return 'the token was issued in the future ("iat")';
  const lifetime = exp - (iat ?? now);
  if (lifetime > maxSeconds) {
    return `the token lives ${lifetime} s, longer than the ${maxSeconds} s this server accepts (JWT_MAX_TTL): ask for a shorter-lived one`;
  }
  return null;
}

function describe(error: unknown): InvalidCredentials {
  if (error instanceof InvalidCredentials) return error;
  if (error instanceof errors.JWTExpired) return new InvalidCredentials('the token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidCredentials('the token signature is invalid');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new InvalidCredentials(`the token's "${error.claim}" claim is not acceptable (${error.reason})`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidCredentials('the token algorithm is not accepted here');
  if (error instanceof errors.JWKSNoMatchingKey) return new InvalidCredentials('no key of JWKS_URL verifies the token');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return new InvalidCredentials('the keys of JWKS_URL cannot be fetched now');
  if (error instanceof errors.JOSEError) return new InvalidCredentials('the token is malformed');
  // fetching JWKS_URL failed (network)
  return new InvalidCredentials('the token cannot be verified now (the keys of JWKS_URL are unreachable)');
}

export interface TokenClaims {
  sub: string;
  role: Role;
  counties: string[];
  creditCode?: string | null;
  /** EDITOR only: the unit it acts for (src/auth/principal.ts) */
  unit?: string | null;
}

/** An HS256 token with these claims (npm run token, the demo token, tests). */
export function signToken(secret: string, claims: TokenClaims, expiresInSeconds: number): Promise<string> {
  const { sub, ...rest } = claims;
  const payload: Record<string, unknown> = { role: rest.role, counties: rest.counties };
  if (rest.creditCode) payload.creditCode = rest.creditCode;
  if (rest.unit) payload.unit = rest.unit;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}
