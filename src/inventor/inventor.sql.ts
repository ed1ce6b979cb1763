import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import { InventorInput } from './inventor';
import { Inventor } from './inventor';

/**
 * The key that makes one person of an inventor row `i` across patents: the identifier when the county gave one, else
 * the name (trimmed). An inventor's eligibility for the support measures counts the patents listing that key.
 */
export const inventorKeySql = (i: Sql) => sql`COALESCE('id:' || ${i}.identifier, 'name:' || ${i}.name)`;

export function inventorsLoader(ctx: Context) {
  return ctx.loaders.get<number, Inventor[]>('patentInventors', [], async (patentIds) => {
    const rows = await ctx.db.query<Inventor>(
      sql`SELECT patent_id AS "patentId", position, name, identifier FROM patent_inventor
        WHERE patent_id = ANY(${patentIds}) ORDER BY patent_id, position`,
    );
    return groupByKey(patentIds, rows, (inventor) => inventor.patentId);
  });
}

/** The inventors of a PatentInput as the list the patent upsert compares and writes (jsonb text), or null when not given. */
export function inventorList(inventors: InventorInput[] | null | undefined): string | null {
  if (!inventors) return null;
  return JSON.stringify(inventors.map((inventor, i) => [i + 1, inventor.name.trim(), inventor.identifier?.trim() || null]));
}

/** patent_inventor as a list of the patent upsert (src/patent/patent.sql.ts, PATENT_LISTS). */
export const INVENTOR_LIST = {
  name: 'inventors' as const,
  table: 'patent_inventor' as const,
  stored: sql`SELECT COALESCE(jsonb_agg(jsonb_build_array(t.position, t.name, t.identifier) ORDER BY t.position), '[]')
               FROM patent_inventor t WHERE t.patent_id = w.patent_id`,
  insert: (ids: Sql, lists: Sql) => sql`INSERT INTO patent_inventor (patent_id, position, name, identifier)
             SELECT w.patent_id, (i.item ->> 0)::int, i.item ->> 1, i.item ->> 2
               FROM unnest(${ids}, ${lists}) AS w(patent_id, list), jsonb_array_elements(w.list) AS i(item)`,
};
