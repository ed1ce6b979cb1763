import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper patent visibility. A patent is visible in a county's scope when it is attributed to the county or owned by
 * one of its enterprises (migration Tenancy). The ownership arm was a sub-query per patent row, run for every row
 * outside the caller's counties that a statement scanned: a county VIEWER's target gaps took twice as long as an
 * ADMIN of all counties' on the benchmark's 200,000-patent county. Now each patent carries the counties of its
 * owners (patent.owner_county_codes, kept from patent_owner by triggers) and the staff arms of the policies compare
 * columns only; the sub-query remains for ENTERPRISE callers, who look at their own few patents.
 *
 * patent_owner.enterprise_county_code is the owner's county, set on insert and kept by an ON UPDATE CASCADE foreign
 * key when an enterprise moves (the cascade, like every foreign-key action, is not subject to the policies).
 */
export class OwnerCounties1764320000000 implements MigrationInterface {
  name = 'OwnerCounties1764320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the owner is under the policies too (unless a superuser): act as an ADMIN of every county
      SELECT hvp_begin('ADMIN', '*', '');

      ALTER TABLE enterprise ADD CONSTRAINT enterprise_id_county_key UNIQUE (id, county_code);
      ALTER TABLE patent_owner ADD COLUMN enterprise_county_code text;
      UPDATE patent_owner po SET enterprise_county_code = e.county_code FROM enterprise e WHERE e.id = po.enterprise_id;
      ALTER TABLE patent_owner ALTER COLUMN enterprise_county_code SET NOT NULL,
        ADD CONSTRAINT patent_owner_enterprise_county_fkey FOREIGN KEY (enterprise_id, enterprise_county_code)
          REFERENCES enterprise (id, county_code) ON UPDATE CASCADE;

      CREATE OR REPLACE FUNCTION hvp_patent_owner_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        NEW.enterprise_county_code := (SELECT e.county_code FROM enterprise e WHERE e.id = NEW.enterprise_id);
        RETURN NEW;
      END $$;

      ALTER TABLE patent ADD COLUMN owner_county_codes text[] NOT NULL DEFAULT '{}';
      UPDATE patent p SET owner_county_codes = o.codes
        FROM (SELECT patent_id, array_agg(DISTINCT enterprise_county_code ORDER BY enterprise_county_code) AS codes
                FROM patent_owner GROUP BY patent_id) o
       WHERE o.patent_id = p.id;

    `);
    // Transition tables name the changed rows; one function per event, as a trigger may name only its own.
    await db.query(`
      -- Recomputes owner_county_codes of the given patents, set-based, once per statement (bulk loads stay fast).
      CREATE FUNCTION hvp_owner_counties_of(patent_ids int[]) RETURNS void LANGUAGE sql AS $$
        UPDATE patent p SET owner_county_codes = codes.codes
          FROM (SELECT c.patent_id,
                       COALESCE(array_agg(DISTINCT po.enterprise_county_code ORDER BY po.enterprise_county_code)
                                FILTER (WHERE po.enterprise_county_code IS NOT NULL), '{}') AS codes
                  FROM unnest(patent_ids) AS c(patent_id)
                  LEFT JOIN patent_owner po ON po.patent_id = c.patent_id
                 GROUP BY c.patent_id) codes
         WHERE p.id = codes.patent_id AND p.owner_county_codes IS DISTINCT FROM codes.codes
      $$;
      CREATE FUNCTION hvp_owner_counties_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT DISTINCT patent_id FROM inserted));
        RETURN NULL;
      END $$;
      CREATE FUNCTION hvp_owner_counties_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT DISTINCT patent_id FROM deleted));
        RETURN NULL;
      END $$;
      CREATE FUNCTION hvp_owner_counties_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT patent_id FROM inserted UNION SELECT patent_id FROM deleted));
        RETURN NULL;
      END $$;
      CREATE TRIGGER patent_owner_counties_insert AFTER INSERT ON patent_owner
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_inserted();
      CREATE TRIGGER patent_owner_counties_delete AFTER DELETE ON patent_owner
        REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_deleted();
      CREATE TRIGGER patent_owner_counties_update AFTER UPDATE ON patent_owner
        REFERENCING NEW TABLE AS inserted OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_updated();

      -- the high-value scans read this index only: the policy's new column must be in it
      DROP INDEX patent_invention_county_idx;
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type, owner_county_codes)
        WHERE type = 'INVENTION';

      DROP POLICY tenant_read ON patent;
      CREATE POLICY tenant_read ON patent FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])
        OR owner_county_codes && (SELECT hvp_visible())::text[]
        OR ((SELECT hvp_role()) = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM patent_owner po WHERE po.patent_id = patent.id)));

      DROP POLICY tenant_read ON patent_owner;
      CREATE POLICY tenant_read ON patent_owner FOR SELECT USING (
        (SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])
        OR enterprise_county_code = ANY ((SELECT hvp_visible())::text[])
        OR ((SELECT hvp_role()) = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id = patent_owner.enterprise_id)));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY tenant_read ON patent_owner;
      CREATE POLICY tenant_read ON patent_owner FOR SELECT USING (
        (SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])
        OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = patent_owner.enterprise_id));
      DROP POLICY tenant_read ON patent;
      CREATE POLICY tenant_read ON patent FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])
        OR EXISTS (SELECT 1 FROM patent_owner po WHERE po.patent_id = patent.id));
      DROP INDEX patent_invention_county_idx;
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type) WHERE type = 'INVENTION';
      DROP TRIGGER patent_owner_counties_insert ON patent_owner;
      DROP TRIGGER patent_owner_counties_delete ON patent_owner;
      DROP TRIGGER patent_owner_counties_update ON patent_owner;
      DROP FUNCTION hvp_owner_counties_inserted(); DROP FUNCTION hvp_owner_counties_deleted();
      DROP FUNCTION hvp_owner_counties_updated(); DROP FUNCTION hvp_owner_counties_of(int[]);
      ALTER TABLE patent DROP COLUMN owner_county_codes;
      CREATE OR REPLACE FUNCTION hvp_patent_owner_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $$;
      ALTER TABLE patent_owner DROP COLUMN enterprise_county_code;
      ALTER TABLE enterprise DROP CONSTRAINT enterprise_id_county_key;
    `);
  }
}
