import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal, principalFromClaims } from './principal';
import { InvalidCredentials } from './tokens';

/**
 * API keys for integrations (`Authorization: ApiKey <key>`): 32 random bytes, base64url, after the prefix `hvp_`
 * (so secret scanners can spot one). Only the SHA-256 of a key is stored: a key has 256 bits of entropy, so a
 * fast hash is enough (no password-style stretching needed); the key itself is shown once, when created.
 */

export const API_KEY_PREFIX = 'hvp_';
/** the start of a key kept in clear to tell keys apart in lists: the prefix and 8 of its 43 random characters */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN_LENGTH) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** API_KEY_MAX_TTL's default: a key lives at most a year. */
export const DEFAULT_API_KEY_MAX_TTL_SECONDS = 365 * 86400;

/**
 * The expiry a new key gets: the one asked for, which must lie in the future and no later than `maxSeconds` from now,
 * or, when none is asked for, the latest allowed (a key is a credential: none lives for ever).
 */
export function apiKeyExpiry(
  requested: Date | null | undefined,
  maxSeconds: number,
  now = new Date(),
): { ok: true; expiresAt: Date } | { ok: false; reason: string } {
  const latest = new Date(now.getTime() + maxSeconds * 1000);
  if (!requested) return { ok: true, expiresAt: latest };
  if (requested.getTime() <= now.getTime()) return { ok: false, reason: 'must be in the future' };
  if (requested.getTime() > latest.getTime()) {
    return {
      ok: false,
      reason: `must be at most ${Math.floor(maxSeconds / 86400)} days from now (API_KEY_MAX_TTL), i.e. by ${latest.toISOString()}`,
    };
  }
  return { ok: true, expiresAt: requested };
}

interface KeyRow {
  id: number;
  name: string;
  role: string;
  counties: string[];
  credit_code: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/**
 * The claims an API key stands for. One statement as the application role: the api_key row is visible only to
 * whoever presents the hash of its key (migrations/1764300000000-Tenancy.ts, hvp_api_key).
 */
export async function principalOfApiKey(dataSource: DataSource, key: string, now = new Date()): Promise<Principal> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw new InvalidCredentials('the API key is not valid');
  const [row] = (await dataSource.query(`SELECT * FROM hvp_api_key($1)`, [hashApiKey(key)])) as KeyRow[];
  if (!row) throw new InvalidCredentials('the API key is not valid');
  if (row.revoked_at) throw new InvalidCredentials('the API key has been revoked');
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) throw new InvalidCredentials('the API key has expired');
  const checked = principalFromClaims(
    { sub: `apikey:${row.id}`, role: row.role, counties: row.counties, creditCode: row.credit_code ?? undefined },
    'apiKey',
  );
  if (!checked.ok) throw new InvalidCredentials('the API key is not valid');
  return checked.principal;
}
