import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_SUPPORT_MEASURES } from './1764811000000-SupportMeasures';

/** The audited tables as of this migration: support payments are part of their county's history. */
export const AUDITED_SINCE_SUPPORT_PAYMENTS = [
  ...AUDITED_SINCE_SUPPORT_MEASURES,
  {
    table: 'support_payment',
    recordType: 'County',
    recordId: 'r.county_code',
    context: 'SELECT r.county_code, r.county_code, r.version',
    key: ['id'],
  },
];

const visible = '(SELECT hvp_visible())::text[]';
const READ = `(SELECT hvp_all()) OR county_code = ANY (${visible})
  OR ((SELECT hvp_role()) = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id = support_payment.enterprise_id))`;
const WRITE = `(SELECT hvp_writer()) AND ((SELECT hvp_all()) OR county_code = ANY (${visible}))`;

/**
 * What was paid under a support measure (支持措施兑现, issue 14): one payment to one recipient (an enterprise, or an
 * inventor by the key County.supportEligibility gives it) under one measure of the plan in force in the year it pays
 * for, with the day, the amount and the finance office's reference (凭证号, unique in the county). The measure is named
 * by its plan and number, not a foreign key: a plan's measures are replaced as a list, and a payment stays what it was.
 * A record people edit: version and history (the county's).
 */
export class SupportPayments1764812000000 implements MigrationInterface {
  name = 'SupportPayments1764812000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');

      CREATE TABLE support_payment (
        id              serial PRIMARY KEY,
        county_code     text NOT NULL REFERENCES county (code),
        plan_id         int NOT NULL REFERENCES plan (id),
        measure_number  text NOT NULL,
        year            int NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        recipient_kind  text NOT NULL CHECK (recipient_kind IN ('ENTERPRISE', 'INVENTOR')),
        enterprise_id   int REFERENCES enterprise (id),
        recipient_key   text NOT NULL CHECK (btrim(recipient_key) <> ''),
        recipient_name  text NOT NULL CHECK (btrim(recipient_name) <> ''),
        amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
        paid_on         date NOT NULL,
        reference       text NOT NULL CHECK (btrim(reference) <> ''),
        version         int NOT NULL DEFAULT 1 CHECK (version > 0),
        version_xact    xid8 DEFAULT pg_current_xact_id(),
        UNIQUE (county_code, reference),
        CHECK ((recipient_kind = 'ENTERPRISE') = (enterprise_id IS NOT NULL))
      );
      CREATE INDEX support_payment_county_year_idx ON support_payment (county_code, year, paid_on, id);
      CREATE INDEX support_payment_recipient_idx ON support_payment (county_code, year, measure_number, recipient_key);
      CREATE INDEX support_payment_enterprise_idx ON support_payment (enterprise_id);

      ALTER TABLE support_payment ENABLE ROW LEVEL SECURITY;
      ALTER TABLE support_payment FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON support_payment FOR SELECT USING (${READ});
      CREATE POLICY tenant_insert ON support_payment FOR INSERT WITH CHECK (${WRITE});
      CREATE POLICY tenant_update ON support_payment FOR UPDATE USING (${WRITE}) WITH CHECK (${WRITE});
      CREATE POLICY tenant_delete ON support_payment FOR DELETE USING (${WRITE});

      CREATE TRIGGER hvp_version BEFORE UPDATE ON support_payment FOR EACH ROW EXECUTE FUNCTION hvp_version();
      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON support_payment REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON support_payment REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON support_payment REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();

      ${historyFunctionSql(AUDITED_SINCE_SUPPORT_PAYMENTS)}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${historyFunctionSql(AUDITED_SINCE_SUPPORT_MEASURES)}
      DROP TABLE support_payment;
    `);
  }
}
