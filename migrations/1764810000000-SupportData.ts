import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_SPANS } from './1764700000000-InventionSpans';

const patentContext = `SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id`;

/**
 * The audited tables as of this migration: the spans' list and a patent's inventors and transactions (part of the
 * patent's history). A later migration that audits another table extends this list.
 */
export const AUDITED_SINCE_SUPPORT_DATA = [
  ...AUDITED_SINCE_SPANS,
  {
    table: 'patent_inventor',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: patentContext,
    key: ['patent_id', 'position'],
  },
  {
    table: 'patent_transaction',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: patentContext,
    key: ['patent_id', 'kind', 'occurred_on', 'counterparty'],
  },
];

const visible = '(SELECT hvp_visible())::text[]';
const READ = (table: string) => `(SELECT hvp_all()) OR EXISTS (SELECT 1 FROM patent p WHERE p.id = ${table}.patent_id)`;
const WRITE = (table: string) =>
  `(SELECT hvp_writer()) AND ((SELECT hvp_all()) OR EXISTS (SELECT 1 FROM patent p WHERE p.id = ${table}.patent_id AND p.county_code = ANY (${visible})))`;

/**
 * The data the support measures read (issue 14, 支持措施):
 *
 *   patent_inventor     a patent's inventors (发明人), in the order of the CNIPA record, with an optional identifier the
 *                       county gives a person (so that two inventors of one name are told apart)
 *   patent_overseas_grant.route / publication_number
 *                       how a foreign grant was obtained (PCT, PARIS 巴黎公约, PPH, OTHER; null: not recorded) and its
 *                       publication or patent number abroad
 *   patent_transaction  转化运营 events declared or recorded for a patent: 转让 ASSIGNMENT, 许可 LICENSE, 开放许可
 *                       OPEN_LICENSE, 作价入股 EQUITY_CONTRIBUTION, 自行实施 OWN_IMPLEMENTATION; pledges (质押) are the
 *                       pledge financings already recorded and are not repeated here
 *
 * Both lists belong to the patent: a change raises its version and is kept in its history. Neither feeds a cached
 * county-wide figure (the support eligibility is computed on each request), so they note no county.
 */
export class SupportData1764810000000 implements MigrationInterface {
  name = 'SupportData1764810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');

      CREATE TABLE patent_inventor (
        patent_id   int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        position    int NOT NULL CHECK (position > 0),
        name        text NOT NULL CHECK (btrim(name) <> ''),
        identifier  text CHECK (btrim(identifier) <> ''),
        PRIMARY KEY (patent_id, position)
      );

      ALTER TABLE patent_overseas_grant
        ADD COLUMN route text CHECK (route IN ('PCT', 'PARIS', 'PPH', 'OTHER')),
        ADD COLUMN publication_number text CHECK (btrim(publication_number) <> '');

      CREATE TABLE patent_transaction (
        patent_id      int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        kind           text NOT NULL CHECK (kind IN ('ASSIGNMENT', 'LICENSE', 'OPEN_LICENSE', 'EQUITY_CONTRIBUTION', 'OWN_IMPLEMENTATION')),
        occurred_on    date NOT NULL,
        counterparty   text NOT NULL DEFAULT '',
        record_number  text CHECK (btrim(record_number) <> ''),
        PRIMARY KEY (patent_id, kind, occurred_on, counterparty),
        CHECK (kind = 'OWN_IMPLEMENTATION' OR btrim(counterparty) <> '')
      );
      CREATE INDEX patent_transaction_day_idx ON patent_transaction (patent_id, occurred_on);
    `);
    for (const table of ['patent_inventor', 'patent_transaction']) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_read ON ${table} FOR SELECT USING (${READ(table)});
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK (${WRITE(table)});
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING (${WRITE(table)}) WITH CHECK (${WRITE(table)});
        CREATE POLICY tenant_delete ON ${table} FOR DELETE USING (${WRITE(table)});

        CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
        CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
        CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');

        CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
        CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
        CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      `);
    }
    await db.query(historyFunctionSql(AUDITED_SINCE_SUPPORT_DATA));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${historyFunctionSql(AUDITED_SINCE_SPANS)}
      DROP TABLE patent_transaction;
      DROP TABLE patent_inventor;
      ALTER TABLE patent_overseas_grant DROP COLUMN route, DROP COLUMN publication_number;
    `);
  }
}
