import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { badUserInput } from '../graphql/errors';
import { EnterpriseRecognitionInput } from './enterprise-tags';

/**
 * Within upsertEnterprise: the cluster (when given: a name of the county's clusters, or null) and the recognitions
 * (when given, replacing them) of the enterprise. BAD_USER_INPUT names a cluster the county does not have. Answers
 * whether anything changed.
 */
export async function setEnterpriseTags(
  db: RequestDatabase,
  enterprise: { id: number; countyCode: string },
  cluster: string | null | undefined,
  recognitions: EnterpriseRecognitionInput[] | null | undefined,
): Promise<boolean> {
  let changed = false;
  if (cluster !== undefined) {
    const name = cluster?.trim() || null;
    if (name) {
      const [known] = await db.query(
        sql`SELECT 1 FROM industry_cluster c WHERE c.county_code = ${enterprise.countyCode} AND c.name = ${name}`,
      );
      if (!known)
        throw badUserInput('input.industryCluster', `${enterprise.countyCode} has no industry cluster ${name} (setIndustryClusters)`);
    }
    const moved = await db.query(
      sql`UPDATE enterprise e SET industry_cluster = ${name} WHERE e.id = ${enterprise.id} AND e.industry_cluster IS DISTINCT FROM ${name} RETURNING 1`,
    );
    changed = moved.length > 0;
  }
  if (recognitions) {
    const json = JSON.stringify(
      recognitions
        .map((r) => ({ kind: r.kind, name: r.name.trim(), level: r.level, recognisedOn: r.recognisedOn, validTo: r.validTo ?? null }))
        .sort((a, b) => (a.recognisedOn + a.name < b.recognisedOn + b.name ? -1 : 1)),
    );
    const [{ differs }] = await db.query<{ differs: boolean }>(
      sql`SELECT ${json}::jsonb IS DISTINCT FROM (
            SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', r.kind, 'name', r.name, 'level', r.level,
                                                         'recognisedOn', r.recognised_on, 'validTo', r.valid_to) ORDER BY r.recognised_on, r.name), '[]')
              FROM enterprise_recognition r WHERE r.enterprise_id = ${enterprise.id}) AS differs`,
    );
    if (differs) {
      changed = true;
      await db.query(sql`DELETE FROM enterprise_recognition r WHERE r.enterprise_id = ${enterprise.id}`);
      await db.query(
        sql`INSERT INTO enterprise_recognition (enterprise_id, kind, name, level, recognised_on, valid_to)
            SELECT ${enterprise.id}, x.kind, x.name, x.level, x."recognisedOn", x."validTo"
              FROM jsonb_to_recordset(${json}::jsonb) AS x(kind text, name text, level text, "recognisedOn" date, "validTo" date)`,
      );
    }
  }
  return changed;
}
