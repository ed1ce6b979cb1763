import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_PATENTEES } from './1764830000000-ExternalPatentees';

const INDUSTRIES = [
  'NEXT_GENERATION_IT',
  'HIGH_END_EQUIPMENT',
  'NEW_MATERIALS',
  'BIOTECHNOLOGY',
  'NEW_ENERGY_VEHICLES',
  'NEW_ENERGY',
  'ENERGY_SAVING_ENVIRONMENTAL',
  'DIGITAL_CREATIVE',
  'RELATED_SERVICES',
]
  .map((industry) => `'${industry}'`)
  .join(', ');

/** The audited tables as of this migration: the decisions on strategic-industry suggestions, in their patent's history. */
export const AUDITED_SINCE_CONCORDANCE = [
  ...AUDITED_SINCE_PATENTEES,
  {
    table: 'sei_review_decision',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: 'SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id',
    key: ['patent_id', 'industry'],
    derived: ['patent_county_code'],
  },
];

/**
 * Strategic emerging industries from IPC codes (issue 15): the concordance 战略性新兴产业分类与国际专利分类参照关系表,
 * versioned (a version and the day it takes effect; the version in force on a day is the latest effective on or before
 * it), imported by the bureau from the table it holds (npm run import -- --kind sei-concordance). Its entries map an
 * IPC code or prefix (stored without spaces, e.g. H01M10/05) and, where the table has them, title keywords to a
 * category of one of the nine industries. Suggestions are computed from a patent's IPC codes and title; only a
 * confirmed flag (patent.strategic_industry) counts as the reason. The bureau's decisions (CONFIRMED, REJECTED) are
 * kept per patent and industry, with history. Concordances are national reference data: every signed-in caller reads
 * them, an ADMIN writes them. Decisions follow their patent's county like patent_owner.
 */
export class SeiConcordance1764831000000 implements MigrationInterface {
  name = 'SeiConcordance1764831000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sei_concordance (
        id              serial PRIMARY KEY,
        version         text NOT NULL UNIQUE CHECK (btrim(version) <> '' AND length(version) <= 100),
        effective_from  date NOT NULL,
        title           text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
        synthetic       boolean NOT NULL DEFAULT false
      );
      CREATE INDEX sei_concordance_effective_idx ON sei_concordance (effective_from);

      CREATE TABLE sei_concordance_entry (
        concordance_id  int NOT NULL REFERENCES sei_concordance (id) ON DELETE CASCADE,
        category_code   text NOT NULL CHECK (category_code ~ '^[1-9](\\.[0-9]+)*$'),
        ipc_prefix      text NOT NULL CHECK (ipc_prefix ~ '^[A-H]([0-9]{2}([A-Z]([0-9]{1,4}(/[0-9]{0,6})?)?)?)?$'),
        industry        text NOT NULL CHECK (industry IN (${INDUSTRIES})),
        category_name   text NOT NULL CHECK (btrim(category_name) <> ''),
        field           text,
        keywords        text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (concordance_id, category_code, ipc_prefix)
      );
      -- a patent's IPC code probes the entries of one concordance by each of its prefixes
      CREATE INDEX sei_concordance_entry_ipc_idx ON sei_concordance_entry (concordance_id, ipc_prefix);

      CREATE TABLE sei_review_decision (
        patent_id           int NOT NULL,
        patent_county_code  text NOT NULL,
        industry            text NOT NULL CHECK (industry IN (${INDUSTRIES})),
        decision            text NOT NULL CHECK (decision IN ('CONFIRMED', 'REJECTED')),
        decided_on          date NOT NULL,
        PRIMARY KEY (patent_id, industry),
        FOREIGN KEY (patent_id, patent_county_code) REFERENCES patent (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE
      );
      CREATE INDEX sei_review_decision_county_idx ON sei_review_decision (patent_county_code);
      CREATE FUNCTION hvp_sei_review_decision_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER sei_review_decision_county BEFORE INSERT ON sei_review_decision
        FOR EACH ROW EXECUTE FUNCTION hvp_sei_review_decision_county();
    `);
    for (const table of ['sei_concordance', 'sei_concordance_entry']) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_read ON ${table} FOR SELECT USING ((SELECT hvp_signed_in()));
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK ((SELECT hvp_admin()));
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING ((SELECT hvp_admin())) WITH CHECK ((SELECT hvp_admin()));
        CREATE POLICY tenant_delete ON ${table} FOR DELETE USING ((SELECT hvp_admin()));
      `);
    }
    const write = `(SELECT hvp_writer()) AND ((SELECT hvp_all()) OR patent_county_code = ANY ((SELECT hvp_visible())::text[]))`;
    await db.query(`
      ALTER TABLE sei_review_decision ENABLE ROW LEVEL SECURITY;
      ALTER TABLE sei_review_decision FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON sei_review_decision FOR SELECT USING (
        (SELECT hvp_all()) OR EXISTS (SELECT 1 FROM patent p WHERE p.id = sei_review_decision.patent_id));
      CREATE POLICY tenant_insert ON sei_review_decision FOR INSERT WITH CHECK (${write});
      CREATE POLICY tenant_update ON sei_review_decision FOR UPDATE USING (${write}) WITH CHECK (${write});
      CREATE POLICY tenant_delete ON sei_review_decision FOR DELETE USING (${write});

      CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON sei_review_decision REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
      CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON sei_review_decision REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
      CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON sei_review_decision REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');

      ${historyFunctionSql(AUDITED_SINCE_CONCORDANCE)}
      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON sei_review_decision REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON sei_review_decision REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON sei_review_decision REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE sei_review_decision, sei_concordance_entry, sei_concordance;
      DROP FUNCTION hvp_sei_review_decision_county();
      ${historyFunctionSql(AUDITED_SINCE_PATENTEES)}
    `);
  }
}
