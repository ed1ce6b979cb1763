/**
 * Safe edits (migrations/1764500000000-Versions.ts): expected versions, soft delete and restore. The database keeps
 * versions and hides deleted rows (Row Level Security); these functions turn its answers into the API's errors.
 */
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { badUserInput, conflict } from '../graphql/errors';

/** The description of every `expectedVersion` argument (no GraphQL types here: SQL modules import this one). */
export const EXPECTED_VERSION =
  'the version the caller read (its `version` field): the mutation answers CONFLICT, writing nothing, when the stored record ' +
  'has another version (someone changed it since); 0: the record must not exist yet (create only); omitted: no check';

/** The tables whose rows carry a version that a mutation's expectedVersion checks. */
export type VersionedTable =
  'county_statistics' | 'enterprise' | 'innovation_platform' | 'patent' | 'plan' | 'pledge_financing' | 'task_progress';

export interface VersionCheck {
  /** the record's table, aliased t in `where` */
  table: VersionedTable;
  /** SQL predicate over t finding the one record */
  where: Sql;
  expected: number | null | undefined;
  /** the record in words, e.g. "enterprise 91350200776049653A" */
  what: string;
}

/**
 * Checks an expected version before a write: locks the record (FOR UPDATE, until the transaction ends, so that a
 * concurrent writer waits and then sees the new version) and answers CONFLICT when its version is not the expected
 * one. A deleted record is absent here; the write then answers that it was deleted.
 */
export async function expectVersion(db: RequestDatabase, { table, where, expected, what }: VersionCheck): Promise<void> {
  if (expected === null || expected === undefined) return;
  if (!Number.isInteger(expected) || expected < 0)
    throw badUserInput('expectedVersion', `must be 0 or a positive version, got ${expected}`);
  const [row] = await db.query<{ version: number }>(sql`SELECT t.version FROM ${sql.identifier(table)} t WHERE ${where} FOR UPDATE`);
  if (expected === 0) {
    if (row) throw conflict('expectedVersion', `${what} exists already (version ${row.version}); expectedVersion 0 creates only`);
    return;
  }
  if (!row) throw conflict('expectedVersion', `${what} does not exist, so it is not at version ${expected}`);
  if (row.version !== expected) {
    throw conflict(
      'expectedVersion',
      `${what} is at version ${row.version}, not ${expected}: it was changed since it was read; read it again`,
    );
  }
}

export type SoftDeleted = 'enterprise' | 'patent' | 'pledge_financing' | 'enterprise_membership';

const NAMES: Record<SoftDeleted, { what: string; restore: string }> = {
  enterprise: { what: 'enterprise', restore: 'restoreEnterprise' },
  patent: { what: 'patent', restore: 'restorePatent' },
  pledge_financing: { what: 'pledge financing', restore: 'restorePledgeFinancing' },
  enterprise_membership: { what: 'membership', restore: 'restoreMembership' },
};

const day = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

/**
 * The keys among `keys` (credit codes or application numbers) of records that were deleted, within the caller's
 * counties, with the reason a write of one is refused. One statement.
 */
export async function deletedKeys(db: RequestDatabase, table: 'enterprise' | 'patent', keys: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ key: string; deletedAt: Date }>(
    sql`SELECT key, deleted_at AS "deletedAt" FROM hvp_deleted_keys(${table}, ${wanted})`,
  );
  const { what, restore } = NAMES[table];
  return new Map(
    rows.map((row) => [row.key, `${what} ${row.key} was deleted on ${day(row.deletedAt)}; an ADMIN can restore it (${restore})`]),
  );
}

/** Refuses (CONFLICT) writing a record that was deleted: its key stays taken until an ADMIN restores it. */
export async function assertNotDeleted(db: RequestDatabase, table: 'enterprise' | 'patent', key: string, field: string): Promise<void> {
  const reason = (await deletedKeys(db, table, [key])).get(key);
  if (reason) throw conflict(field, reason);
}

/** A record deleted: its id, key, version after the deletion and when (GraphQL: DeletedRecord, src/history/deleted-record.ts). */
export interface DeletedRecord {
  id: number;
  key: string;
  version: number;
  deletedAt: Date;
}

export interface SetDeletedRequest {
  table: SoftDeleted;
  key: string;
  /** true: delete; false: restore */
  deleted: boolean;
  expectedVersion?: number | null;
  /** the argument naming the record, for errors */
  field: string;
}

/** Deletes or restores one record (one statement); errors name the argument and say why. */
export async function setDeleted(db: RequestDatabase, request: SetDeletedRequest): Promise<DeletedRecord> {
  const { table, key, deleted, expectedVersion, field } = request;
  const { what, restore } = NAMES[table];
  if (expectedVersion !== null && expectedVersion !== undefined && !(Number.isInteger(expectedVersion) && expectedVersion > 0)) {
    throw badUserInput('expectedVersion', `must be a positive version, got ${expectedVersion}`);
  }
  const [result] = await db.query<{ outcome: string; id: number | null; version: number | null; deletedAt: Date | null }>(
    sql`SELECT outcome, id, version, deleted_at AS "deletedAt" FROM hvp_set_deleted(${table}, ${key}, ${deleted}, ${expectedVersion ?? null})`,
  );
  switch (result.outcome) {
    case 'DONE':
      return { id: result.id!, key, version: result.version!, deletedAt: result.deletedAt ?? new Date() };
    case 'NOT_FOUND':
      throw badUserInput(field, `no ${what} ${key}${deleted ? '' : " among the deleted records of the caller's counties"}`);
    case 'ALREADY':
      throw conflict(field, deleted ? `${what} ${key} is already deleted (${restore} brings it back)` : `${what} ${key} is not deleted`);
    case 'CONFLICT':
      throw conflict(
        'expectedVersion',
        `${what} ${key} is at version ${result.version}, not ${expectedVersion}: it was changed since it was read`,
      );
    case 'PARENT_DELETED':
      throw conflict(field, `the enterprise of ${what} ${key} is deleted: restore the enterprise first (restoreEnterprise)`);
    case 'DUPLICATE':
      throw conflict(
        field,
        `${what} ${key} was entered again since it was deleted (same category and validFrom): it cannot be restored beside it`,
      );
    default:
      throw new Error(`hvp_set_deleted answered ${result.outcome}`);
  }
}
