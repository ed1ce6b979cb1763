import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { ApiKey } from './api-key';
import { generateApiKey } from './api-keys';
import { Role } from './principal';

const API_KEY_COLUMNS = sql`k.id, k.name, k.key_prefix AS prefix, k.role, k.counties, k.credit_code AS "creditCode",
  k.expires_at AS "expiresAt", k.created_at AS "createdAt", k.created_by AS "createdBy", k.revoked_at AS "revokedAt"`;

export interface NewApiKey {
  name: string;
  role: Role;
  counties: string[];
  creditCode: string | null;
  expiresAt: Date | null;
  createdBy: string;
}

/** Stores the hash of a fresh key and returns the key (shown once) with its row. */
export async function insertApiKey(db: RequestDatabase, spec: NewApiKey): Promise<{ key: string; apiKey: ApiKey }> {
  const { key, hash, prefix } = generateApiKey();
  const [apiKey] = await db.query<ApiKey>(
    sql`INSERT INTO api_key AS k (key_hash, key_prefix, name, role, counties, credit_code, expires_at, created_by)
     VALUES (${hash}, ${prefix}, ${spec.name.trim()}, ${spec.role}, ${spec.counties}, ${spec.creditCode}, ${spec.expiresAt}, ${spec.createdBy})
     RETURNING ${API_KEY_COLUMNS}`,
  );
  return { key, apiKey };
}

/** The keys the caller may manage (Row Level Security: an ADMIN's keys within its counties), newest first. */
export function listApiKeys(db: RequestDatabase, includeRevoked: boolean): Promise<ApiKey[]> {
  return db.query<ApiKey>(
    sql`SELECT ${API_KEY_COLUMNS} FROM api_key k WHERE ${includeRevoked} OR k.revoked_at IS NULL ORDER BY k.created_at DESC, k.id DESC`,
  );
}

/** Revokes a key the caller may manage; null when there is none (or none it may see). Revoking twice keeps the first time. */
export async function revokeApiKey(db: RequestDatabase, id: number): Promise<ApiKey | null> {
  const [apiKey] = await db.query<ApiKey>(
    sql`UPDATE api_key k SET revoked_at = COALESCE(k.revoked_at, now()) WHERE k.id = ${id} RETURNING ${API_KEY_COLUMNS}`,
  );
  return apiKey ?? null;
}

/** Whether any key is active (not revoked, not expired): a server without a JWT secret or key set needs one to start. */
export async function hasActiveApiKey(db: RequestDatabase): Promise<boolean> {
  const rows = await db.query(sql`SELECT 1 FROM api_key WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`);
  return rows.length > 0;
}
