import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A patent's owner counties (patent.owner_county_codes) are gathered by a probe of each patent's ownerships, and the
 * patents written are found by their ids. Joined with the batch of ids, the planner (estimating the batch at ten ids)
 * hashed every ownership, then every patent, of the database at every batch of an import: the upkeep of a 100,000-row
 * import cost the square of its size.
 */
const GATHERED = `
        UPDATE patent p SET owner_county_codes = codes.codes
          FROM (SELECT c.patent_id,
                       (SELECT COALESCE(array_agg(DISTINCT po.enterprise_county_code ORDER BY po.enterprise_county_code)
                                        FILTER (WHERE po.enterprise_county_code IS NOT NULL), '{}')
                          FROM patent_owner po WHERE po.patent_id = c.patent_id) AS codes
                  FROM (SELECT DISTINCT unnest(patent_ids)) AS c(patent_id)) codes
         WHERE p.id = ANY (patent_ids) AND p.id = codes.patent_id AND p.owner_county_codes IS DISTINCT FROM codes.codes`;

const JOINED = `
        UPDATE patent p SET owner_county_codes = codes.codes
          FROM (SELECT c.patent_id,
                       COALESCE(array_agg(DISTINCT po.enterprise_county_code ORDER BY po.enterprise_county_code)
                                FILTER (WHERE po.enterprise_county_code IS NOT NULL), '{}') AS codes
                  FROM unnest(patent_ids) AS c(patent_id)
                  LEFT JOIN patent_owner po ON po.patent_id = c.patent_id
                 GROUP BY c.patent_id) codes
         WHERE p.id = codes.patent_id AND p.owner_county_codes IS DISTINCT FROM codes.codes`;

export class OwnerCountyPlans1764880000000 implements MigrationInterface {
  name = 'OwnerCountyPlans1764880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE OR REPLACE FUNCTION hvp_owner_counties_of(patent_ids int[]) RETURNS void LANGUAGE sql AS $$${GATHERED}\n      $$`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION hvp_owner_counties_of(patent_ids int[]) RETURNS void LANGUAGE sql AS $$${JOINED}\n      $$`);
  }
}
