import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_TASKS } from './1764820000000-PlanTasks';

/** The patentee kinds a CNIPA export's 专利权人 can be, besides an enterprise of the model (issue 15). */
export const PATENTEE_KINDS = ['PERSON', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'ENTERPRISE', 'OTHER'];

/** The audited tables as of this migration: the plan tasks' list and the external patentees, part of their patent's history. */
export const AUDITED_SINCE_PATENTEES = [
  ...AUDITED_SINCE_TASKS,
  {
    table: 'patent_external_patentee',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: 'SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id',
    key: ['patent_id', 'position'],
    derived: ['patent_county_code'],
  },
];

/**
 * Patentees as CNIPA exports them (issue 15): a patent's 专利权人 are its enterprise owners (patent_owner, which count
 * for their targets) and, in the same ordered list, patentees that are no enterprise of the model — a person, a
 * university, a research institute, an enterprise of another province. Those are kept here, at their place in the
 * list (`position`, 1-based, among all the patentees); they count for nobody's targets, so they feed no kept figure.
 * The row carries its patent's county (kept like patent_owner's, by a trigger and an ON UPDATE CASCADE foreign key), so its policies compare a column. A change raises the patent's version and is in its history.
 */
export class ExternalPatentees1764830000000 implements MigrationInterface {
  name = 'ExternalPatentees1764830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE patent_external_patentee (
        patent_id           int NOT NULL,
        patent_county_code  text NOT NULL,
        position            int NOT NULL CHECK (position > 0),
        name                text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
        kind                text NOT NULL CHECK (kind IN (${PATENTEE_KINDS.map((kind) => `'${kind}'`).join(', ')})),
        credit_code         text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        region              text CHECK (length(region) <= 100),
        PRIMARY KEY (patent_id, position),
        FOREIGN KEY (patent_id, patent_county_code) REFERENCES patent (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE
      );
      CREATE INDEX patent_external_patentee_county_idx ON patent_external_patentee (patent_county_code);
      CREATE FUNCTION hvp_patent_external_patentee_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER patent_external_patentee_county BEFORE INSERT ON patent_external_patentee
        FOR EACH ROW EXECUTE FUNCTION hvp_patent_external_patentee_county();

      ALTER TABLE patent_external_patentee ENABLE ROW LEVEL SECURITY;
      ALTER TABLE patent_external_patentee FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON patent_external_patentee FOR SELECT USING (
        (SELECT hvp_all()) OR EXISTS (SELECT 1 FROM patent p WHERE p.id = patent_external_patentee.patent_id));
      CREATE POLICY tenant_insert ON patent_external_patentee FOR INSERT WITH CHECK (
        (SELECT hvp_writer()) AND ((SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_update ON patent_external_patentee FOR UPDATE
        USING ((SELECT hvp_writer()) AND ((SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])))
        WITH CHECK ((SELECT hvp_writer()) AND ((SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_delete ON patent_external_patentee FOR DELETE USING (
        (SELECT hvp_writer()) AND ((SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[])));

      CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON patent_external_patentee REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
      CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON patent_external_patentee REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
      CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON patent_external_patentee REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');

      ${historyFunctionSql(AUDITED_SINCE_PATENTEES)}
      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON patent_external_patentee REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON patent_external_patentee REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON patent_external_patentee REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE patent_external_patentee;
      DROP FUNCTION hvp_patent_external_patentee_county();
      ${historyFunctionSql(AUDITED_SINCE_TASKS)}
    `);
  }
}
