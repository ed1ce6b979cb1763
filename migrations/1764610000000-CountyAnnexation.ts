import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counties are placed where their code says (issue 17, item 5). A GB/T 2260 code names its place: 500233's division
 * above it is 500200 (the first four digits) when there is one, else 500000 (the first two). Before, any county's
 * ADMIN could register a code as a child of its own county and so take it into its scope (垫江 500231 annexed 丰都
 * 500233, which the city 500000 then could not see).
 *
 * hvp_natural_parent(code) is that rule, over the public county_label (every division's code, whatever the caller's
 * scope); the application asks it (src/county/county-place.ts) and the write policies of county and county_label hold
 * it: outside an ADMIN of every county ('*'), a county is written only with its natural parent as parent, and only by
 * an ADMIN whose own codes hold that parent (the new county is then in its scope). A county-level code (not ending in
 * 00) is nobody's natural parent, so a county's ADMIN adds no children.
 */
const natural = `parent_code IS NOT DISTINCT FROM hvp_natural_parent(code) AND parent_code = ANY ((SELECT hvp_claim())::text[])`;
const WRITE = `(SELECT hvp_admin()) AND ((SELECT hvp_all()) OR (${natural}))`;
const OLD_WRITE = `(SELECT hvp_admin()) AND ((SELECT hvp_all()) OR parent_code = ANY ((SELECT hvp_claim())::text[]))`;

/** The write policies of county (insert, update, delete) and county_label (insert, update) with the check `write`. */
function writePolicies(write: string): string {
  return ['county', 'county_label']
    .map(
      (table) => `
        DROP POLICY tenant_insert ON ${table};
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK (${write});
        DROP POLICY tenant_update ON ${table};
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING (${write}) WITH CHECK (${write});`,
    )
    .concat(
      `
        DROP POLICY tenant_delete ON county;
        CREATE POLICY tenant_delete ON county FOR DELETE USING (${write});`,
    )
    .join('');
}

export class CountyAnnexation1764610000000 implements MigrationInterface {
  name = 'CountyAnnexation1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the division above a code (GB/T 2260): its prefecture (first four digits, then 00) when there is one, else its
      -- province (first two, then 0000); null for a province, or when neither is registered
      CREATE FUNCTION hvp_natural_parent(p_code text) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT l.code FROM county_label l
         WHERE l.code IN (left(p_code, 4) || '00', left(p_code, 2) || '0000') AND l.code <> p_code
         ORDER BY l.code DESC LIMIT 1
      $$;
      ${writePolicies(WRITE)}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${writePolicies(OLD_WRITE)}
      DROP FUNCTION hvp_natural_parent(text);
    `);
  }
}
