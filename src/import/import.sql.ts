/** The statements of the bulk import that are its own (the writes go through the domains' functions). */
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { StrategicIndustry } from '../patent/patent-enums';

/** A row's stored state as one JSON text (a query of one column `state`), to compare before and after a write. */
export async function snapshot(db: RequestDatabase, state: Sql): Promise<string | null> {
  const [row] = await db.query<{ state: unknown }>(state);
  return row ? JSON.stringify(row.state) : null;
}

/** The state an enterprise row of a file sets: name, county and memberships. */
export function enterpriseStateSql(creditCode: string): Sql {
  return sql`
  SELECT jsonb_build_object(
           'name', e.name, 'countyCode', e.county_code, 'industryCluster', e.industry_cluster,
           'memberships', COALESCE((SELECT jsonb_agg(jsonb_build_object('category', m.category, 'validFrom', m.valid_from, 'validTo', m.valid_to, 'level', m.level)
                                                     ORDER BY m.category COLLATE "C", m.valid_from)
                                      FROM enterprise_membership m WHERE m.enterprise_id = e.id), '[]')) AS state
    FROM enterprise e WHERE e.credit_code = ${creditCode}`;
}

/** The state a statistics row of a file sets: the county's figures of a year. */
export function statisticsStateSql(countyCode: string, year: number | null | undefined): Sql {
  return sql`SELECT to_jsonb(s) AS state FROM county_statistics s WHERE s.county_code = ${countyCode} AND s.year = ${year}`;
}

export interface KnownEnterprise {
  creditCode: string;
  name: string;
  countyCode: string;
}

const KNOWN_ENTERPRISE_COLUMNS = sql`credit_code AS "creditCode", name, county_code AS "countyCode"`;

/** The enterprises of a county, which an import may name by name. */
export function enterprisesOfCounty(db: RequestDatabase, countyCode: string): Promise<KnownEnterprise[]> {
  return db.query<KnownEnterprise>(sql`SELECT ${KNOWN_ENTERPRISE_COLUMNS} FROM enterprise WHERE county_code = ${countyCode}`);
}

/** The enterprises of the credit codes, of any county (one statement). */
export function enterprisesByCreditCodes(db: RequestDatabase, creditCodes: string[]): Promise<KnownEnterprise[]> {
  return db.query<KnownEnterprise>(sql`SELECT ${KNOWN_ENTERPRISE_COLUMNS} FROM enterprise WHERE credit_code = ANY(${creditCodes})`);
}

/** What a patent row's checks need of a patent stored already. */
export interface StoredPatent {
  applicationNumber: string;
  countyCode: string;
  grantDate: string | null;
  lapseDate: string | null;
  strategicIndustry: StrategicIndustry | null;
}

export function storedPatents(db: RequestDatabase, applicationNumbers: string[]): Promise<StoredPatent[]> {
  return db.query<StoredPatent>(
    sql`SELECT application_number AS "applicationNumber", county_code AS "countyCode", grant_date AS "grantDate",
              lapse_date AS "lapseDate", strategic_industry AS "strategicIndustry"
         FROM patent WHERE application_number = ANY(${applicationNumbers})`,
  );
}

/**
 * From here until `rebuildDeferredEnterpriseCounts`, the transaction queues the owners whose high-value counts its
 * writes change instead of rebuilding them at every batch (migration DeferredEnterpriseCounts): an import rebuilds each
 * owner once. Reads in between see the counts as they were.
 */
export async function deferEnterpriseCounts(db: RequestDatabase): Promise<void> {
  await db.query(sql`SELECT set_config('hvp.defer_enterprise_counts', 'on', true)`);
}

/** The queued owners' counts, rebuilt; the transaction defers no more. */
export async function rebuildDeferredEnterpriseCounts(db: RequestDatabase): Promise<void> {
  await db.query(sql`SELECT hvp_refresh_deferred_enterprise_counts()`);
}
