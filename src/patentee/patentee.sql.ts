/**
 * Patentees as CNIPA exports them (issue 15): the enterprise owners (patent_owner) and the external patentees
 * (patent_external_patentee, migration ExternalPatentees) of patents, as one ordered list.
 */
import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { Enterprise } from '../enterprise/enterprise';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import { parseCreditCode } from '../identifiers/credit-code';
import { Patent } from '../patent/patent';
import { ExternalPatenteeInput, Patentee, PatenteeKind } from './patentee';

interface PatenteeRow {
  patentId: number;
  position: number;
  name: string;
  kind: PatenteeKind;
  creditCode: string | null;
  region: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  enterpriseCountyCode: string | null;
  enterpriseVersion: number | null;
}

/**
 * The patentees of each patent, first first: each external patentee at its place, the enterprise owners the caller
 * sees in their order in the other places (the k-th owner in the k-th place no external patentee takes); positions are
 * then numbered 1, 2, … One statement per batch.
 */
export function patenteesLoader(ctx: Context) {
  return ctx.loaders.get<number, Patentee[]>('patentees', [], async (patentIds) => {
    const ids = sql`${patentIds}::int[]`;
    const rows = await ctx.db.query<PatenteeRow>(
      sql`WITH o AS (
            SELECT po.patent_id, po.enterprise_id, row_number() OVER (PARTITION BY po.patent_id ORDER BY po.position) AS k
              FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id WHERE po.patent_id = ANY (${ids})),
          x AS (SELECT x.* FROM patent_external_patentee x WHERE x.patent_id = ANY (${ids})),
          size AS (
            SELECT p.id AS patent_id, (SELECT count(*) FROM o WHERE o.patent_id = p.id)
                   + COALESCE((SELECT max(x.position) FROM x WHERE x.patent_id = p.id), 0) AS n
              FROM unnest(${ids}) AS p(id)),
          free AS (
            SELECT s.patent_id, g.slot, row_number() OVER (PARTITION BY s.patent_id ORDER BY g.slot) AS k
              FROM size s CROSS JOIN generate_series(1, s.n::int) AS g(slot)
             WHERE NOT EXISTS (SELECT 1 FROM x WHERE x.patent_id = s.patent_id AND x.position = g.slot)),
          merged AS (
            SELECT o.patent_id, f.slot, o.enterprise_id, NULL::text AS name, NULL::text AS kind, NULL::text AS credit_code, NULL::text AS region
              FROM o JOIN free f ON f.patent_id = o.patent_id AND f.k = o.k
            UNION ALL
            SELECT x.patent_id, x.position, NULL, x.name, x.kind, x.credit_code, x.region FROM x)
          SELECT m.patent_id AS "patentId", row_number() OVER (PARTITION BY m.patent_id ORDER BY m.slot)::int AS position,
                 COALESCE(e.name, m.name) AS name, COALESCE(m.kind, 'ENTERPRISE') AS kind,
                 COALESCE(e.credit_code, m.credit_code) AS "creditCode", COALESCE(e.county_code, m.region) AS region,
                 e.id AS "enterpriseId", e.name AS "enterpriseName", e.county_code AS "enterpriseCountyCode", e.version AS "enterpriseVersion"
            FROM merged m LEFT JOIN enterprise e ON e.id = m.enterprise_id
           ORDER BY m.patent_id, m.slot`,
    );
    return groupByKey(patentIds, rows, (row) => row.patentId, toPatentee);
  });
}

function toPatentee(row: PatenteeRow): Patentee {
  const enterprise: Enterprise | null =
    row.enterpriseId === null
      ? null
      : {
          id: row.enterpriseId,
          name: row.enterpriseName!,
          creditCode: row.creditCode!,
          countyCode: row.enterpriseCountyCode!,
          version: row.enterpriseVersion!,
        };
  return { position: row.position, name: row.name, kind: row.kind, creditCode: row.creditCode, region: row.region, enterprise };
}

/** An external patentee as stored and compared: trimmed, the credit code normalized, blanks as null. */
function normalized(patentee: ExternalPatenteeInput) {
  const code = patentee.creditCode ? parseCreditCode(patentee.creditCode) : null;
  return {
    position: patentee.position,
    name: patentee.name.trim(),
    kind: patentee.kind,
    creditCode: code && code.ok ? code.value : null,
    region: patentee.region?.trim() || null,
  };
}

/**
 * Replaces the external patentees of the patents given a list (`patentees` null: left as they are); writes only
 * the lists that differ from the stored ones (two statements at most for any number of patents) and answers the ids of
 * the patents whose list changed.
 */
export async function replaceExternalPatentees(
  db: RequestDatabase,
  lists: { patentId: number; patentees: ExternalPatenteeInput[] | null | undefined }[],
): Promise<Set<number>> {
  const given = lists.filter((list) => list.patentees);
  if (given.length === 0) return new Set();
  const json = given.map((list) => JSON.stringify([...list.patentees!].map(normalized).sort((a, b) => a.position - b.position)));
  const changed = await db.query<{ patentId: number }>(
    sql`WITH given AS (SELECT g.patent_id, g.list FROM unnest(${given.map((list) => list.patentId)}::int[], ${json}::jsonb[]) AS g(patent_id, list)),
        changed AS (
          SELECT g.* FROM given g
           WHERE g.list IS DISTINCT FROM (
             SELECT COALESCE(jsonb_agg(jsonb_build_object('position', x.position, 'name', x.name, 'kind', x.kind,
                                                          'creditCode', x.credit_code, 'region', x.region) ORDER BY x.position), '[]')
               FROM patent_external_patentee x WHERE x.patent_id = g.patent_id)),
        removed AS (DELETE FROM patent_external_patentee x USING changed c WHERE x.patent_id = c.patent_id)
        SELECT c.patent_id AS "patentId" FROM changed c`,
  );
  const ids = new Set(changed.map((row) => row.patentId));
  const rows = given.flatMap((list) =>
    ids.has(list.patentId) ? list.patentees!.map((p) => ({ patentId: list.patentId, ...normalized(p) })) : [],
  );
  if (rows.length > 0) {
    await db.query(
      sql`INSERT INTO patent_external_patentee (patent_id, position, name, kind, credit_code, region)
          SELECT * FROM unnest(${rows.map((r) => r.patentId)}::int[], ${rows.map((r) => r.position)}::int[], ${rows.map((r) => r.name)}::text[],
                               ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.creditCode)}::text[], ${rows.map((r) => r.region)}::text[])`,
    );
  }
  return ids;
}

/** After upsertPatent: the patent's external patentees replaced when given, and its version as it now stands. */
export async function withExternalPatentees(
  db: RequestDatabase,
  patent: Patent,
  patentees: ExternalPatenteeInput[] | null | undefined,
): Promise<Patent> {
  const changed = await replaceExternalPatentees(db, [{ patentId: patent.id, patentees }]);
  if (!changed.has(patent.id)) return patent;
  const [row] = await db.query<{ version: number }>(sql`SELECT version FROM patent WHERE id = ${patent.id}`);
  return { ...patent, version: row.version };
}
