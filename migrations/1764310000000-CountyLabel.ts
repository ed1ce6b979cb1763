import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';

/**
 * The code, name and parent of every county, readable by every signed-in caller (administrative divisions are public,
 * GB/T 2260). A patent can be visible without its county (it is owned by an enterprise of the caller's counties but
 * attributed to another): `Patent.county` then names that county from here, and the county's own data stays hidden.
 * A trigger on county keeps it; the county table itself stays visible only within the caller's scope.
 */
export class CountyLabel1764310000000 implements MigrationInterface {
  name = 'CountyLabel1764310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE county_label (
        code        text PRIMARY KEY REFERENCES county (code) ON DELETE CASCADE,
        name        text NOT NULL,
        parent_code text
      );
      ALTER TABLE county_label ENABLE ROW LEVEL SECURITY;
      ALTER TABLE county_label FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON county_label FOR SELECT USING ((SELECT hvp_signed_in()));
      CREATE POLICY tenant_insert ON county_label FOR INSERT
        WITH CHECK ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR parent_code = ANY ((SELECT hvp_claim())::text[])));
      CREATE POLICY tenant_update ON county_label FOR UPDATE
        USING ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR parent_code = ANY ((SELECT hvp_claim())::text[])))
        WITH CHECK ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR parent_code = ANY ((SELECT hvp_claim())::text[])));
      GRANT SELECT, INSERT, UPDATE ON county_label TO ${APP_GROUP_ROLE};

      CREATE FUNCTION hvp_county_label() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO county_label (code, name, parent_code) VALUES (NEW.code, NEW.name, NEW.parent_code)
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code;
        RETURN NULL;
      END $$;
      CREATE TRIGGER county_label AFTER INSERT OR UPDATE ON county FOR EACH ROW EXECUTE FUNCTION hvp_county_label();

      -- the owner is under Row Level Security too (unless a superuser): read every county as an ADMIN of all
      SELECT hvp_begin('ADMIN', '*', '');
      INSERT INTO county_label (code, name, parent_code) SELECT code, name, parent_code FROM county;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER county_label ON county;
      DROP FUNCTION hvp_county_label();
      DROP TABLE county_label;
    `);
  }
}
