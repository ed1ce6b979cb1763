import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_CONCORDANCE } from './1764831000000-SeiConcordance';

/** The audited tables as of this migration: an enterprise's recognitions are part of its history. */
export const AUDITED_SINCE_TAGS = [
  ...AUDITED_SINCE_CONCORDANCE,
  {
    table: 'enterprise_recognition',
    recordType: 'Enterprise',
    recordId: 'r.enterprise_id::text',
    context: 'SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id',
    key: ['id'],
  },
];

/**
 * Enterprise tags the plans talk about (issue 15):
 *   industry_cluster        a county's industry clusters (垫江 "4+1": 智能装备、新材料、消费品、医药健康、数字产业), in their
 *                           order; published like plans (every signed-in caller reads them), written by the county's ADMIN
 *   enterprise.industry_cluster  the cluster an enterprise belongs to, one of its county's (foreign key)
 *   enterprise_membership.level  for SPECIALIZED_NEW: MUNICIPAL (市级专精特新) or NATIONAL_LITTLE_GIANT (国家级"小巨人")
 *   enterprise_recognition  other recognitions (知识产权示范企业, 知识产权优势企业, …), a list of the enterprise (its version
 *                           and history)
 */
export class EnterpriseTags1764832000000 implements MigrationInterface {
  name = 'EnterpriseTags1764832000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE industry_cluster (
        county_code  text NOT NULL REFERENCES county (code) ON DELETE CASCADE,
        name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 50),
        position     int NOT NULL CHECK (position > 0),
        PRIMARY KEY (county_code, name),
        UNIQUE (county_code, position)
      );
      ALTER TABLE industry_cluster ENABLE ROW LEVEL SECURITY;
      ALTER TABLE industry_cluster FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON industry_cluster FOR SELECT USING ((SELECT hvp_signed_in()));
      CREATE POLICY tenant_insert ON industry_cluster FOR INSERT WITH CHECK (
        (SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_update ON industry_cluster FOR UPDATE
        USING ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])))
        WITH CHECK ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_delete ON industry_cluster FOR DELETE USING (
        (SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));

      ALTER TABLE enterprise ADD COLUMN industry_cluster text,
        ADD CONSTRAINT enterprise_industry_cluster_fkey FOREIGN KEY (county_code, industry_cluster)
          REFERENCES industry_cluster (county_code, name) ON UPDATE CASCADE;
      CREATE INDEX enterprise_county_cluster_idx ON enterprise (county_code, industry_cluster);

      ALTER TABLE enterprise_membership ADD COLUMN level text
        CHECK (level IS NULL OR (category = 'SPECIALIZED_NEW' AND level IN ('MUNICIPAL', 'NATIONAL_LITTLE_GIANT')));

      CREATE TABLE enterprise_recognition (
        id             serial PRIMARY KEY,
        enterprise_id  int NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
        kind           text NOT NULL CHECK (kind IN ('IP_DEMONSTRATION', 'IP_ADVANTAGE', 'OTHER')),
        name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
        level          text NOT NULL CHECK (level IN ('COUNTY', 'MUNICIPAL', 'NATIONAL')),
        recognised_on  date NOT NULL,
        valid_to       date CHECK (valid_to >= recognised_on),
        UNIQUE (enterprise_id, name, recognised_on)
      );
      ALTER TABLE enterprise_recognition ENABLE ROW LEVEL SECURITY;
      ALTER TABLE enterprise_recognition FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON enterprise_recognition FOR SELECT USING (
        (SELECT hvp_all()) OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_recognition.enterprise_id));
      CREATE POLICY tenant_insert ON enterprise_recognition FOR INSERT WITH CHECK ((SELECT hvp_writer()) AND ((SELECT hvp_all())
        OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_recognition.enterprise_id AND e.county_code = ANY ((SELECT hvp_visible())::text[]))));
      CREATE POLICY tenant_update ON enterprise_recognition FOR UPDATE
        USING ((SELECT hvp_writer()) AND ((SELECT hvp_all())
          OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_recognition.enterprise_id AND e.county_code = ANY ((SELECT hvp_visible())::text[]))))
        WITH CHECK ((SELECT hvp_writer()) AND ((SELECT hvp_all())
          OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_recognition.enterprise_id AND e.county_code = ANY ((SELECT hvp_visible())::text[]))));
      CREATE POLICY tenant_delete ON enterprise_recognition FOR DELETE USING ((SELECT hvp_writer()) AND ((SELECT hvp_all())
        OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_recognition.enterprise_id AND e.county_code = ANY ((SELECT hvp_visible())::text[]))));

      CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON enterprise_recognition REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
      CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON enterprise_recognition REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
      CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON enterprise_recognition REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');

      ${historyFunctionSql(AUDITED_SINCE_TAGS)}
      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON enterprise_recognition REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON enterprise_recognition REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON enterprise_recognition REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE enterprise_recognition;
      ALTER TABLE enterprise_membership DROP COLUMN level;
      ALTER TABLE enterprise DROP COLUMN industry_cluster;
      DROP TABLE industry_cluster;
      ${historyFunctionSql(AUDITED_SINCE_CONCORDANCE)}
    `);
  }
}
