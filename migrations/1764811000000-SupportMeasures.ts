import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_SUPPORT_DATA } from './1764810000000-SupportData';

/** The audited tables as of this migration: a plan's support measures are part of its county's history, like its targets. */
export const AUDITED_SINCE_SUPPORT_MEASURES = [
  ...AUDITED_SINCE_SUPPORT_DATA,
  {
    table: 'plan_support_measure',
    recordType: 'County',
    recordId: 'c.county',
    context: 'SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id',
    key: ['plan_id', 'number'],
  },
];

const visible = '(SELECT hvp_visible())::text[]';
const WRITE = `(SELECT hvp_admin()) AND ((SELECT hvp_all())
  OR EXISTS (SELECT 1 FROM plan pl WHERE pl.id = plan_support_measure.plan_id AND pl.county_code = ANY (${visible})))`;

/**
 * A plan's support measures (支持措施) as data of the plan (issue 14): each with its number in the plan ("(五)"), its
 * text and responsible units, its kind, and the parameters its kind reads:
 *
 *   CHINA_PATENT_AWARD_REWARD  award_kinds: the awards that count (中国专利奖: gold, silver, excellence); max_amount: the
 *                              most per award; max_amount_by_award: per award kind, where the county differentiates
 *   FOREIGN_GRANT_SUBSIDY      routes: the routes of a foreign grant that qualify (PARIS, PCT)
 *   TITLE_ELIGIBILITY          award_kinds: the awards that support 正高级 (gold, excellence); min_chinese_grants and
 *                              min_foreign_grants: the commercialised invention grants that support 副高级 (3, 2)
 *   PLEDGE_INTEREST_SUBSIDY    the rate is the plan's pledge_interest_subsidy_rate (not repeated here)
 *   GENERIC                    shown, not computed
 *
 * Read like the plan's targets (every signed-in caller: a published document), written by an ADMIN of the county with
 * the plan. A change raises the plan's version and is kept in the county's history.
 */
export class SupportMeasures1764811000000 implements MigrationInterface {
  name = 'SupportMeasures1764811000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');

      CREATE TABLE plan_support_measure (
        plan_id              int NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        number               text NOT NULL CHECK (number ~ '^\\([一二三四五六七八九十]+\\)$'),
        position             int NOT NULL CHECK (position > 0),
        text                 text NOT NULL CHECK (btrim(text) <> ''),
        responsible_units    text CHECK (btrim(responsible_units) <> ''),
        kind                 text NOT NULL CHECK (kind IN (
          'CHINA_PATENT_AWARD_REWARD', 'FOREIGN_GRANT_SUBSIDY', 'TITLE_ELIGIBILITY', 'PLEDGE_INTEREST_SUBSIDY', 'GENERIC')),
        max_amount           numeric(18, 2) CHECK (max_amount > 0),
        max_amount_by_award  jsonb,
        award_kinds          text[],
        routes               text[],
        min_chinese_grants   int CHECK (min_chinese_grants > 0),
        min_foreign_grants   int CHECK (min_foreign_grants > 0),
        PRIMARY KEY (plan_id, number),
        UNIQUE (plan_id, position)
      );

      ALTER TABLE plan_support_measure ENABLE ROW LEVEL SECURITY;
      ALTER TABLE plan_support_measure FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON plan_support_measure FOR SELECT USING ((SELECT hvp_signed_in()));
      CREATE POLICY tenant_insert ON plan_support_measure FOR INSERT WITH CHECK (${WRITE});
      CREATE POLICY tenant_update ON plan_support_measure FOR UPDATE USING (${WRITE}) WITH CHECK (${WRITE});
      CREATE POLICY tenant_delete ON plan_support_measure FOR DELETE USING (${WRITE});

      CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON plan_support_measure REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
      CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON plan_support_measure REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
      CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON plan_support_measure REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');

      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON plan_support_measure REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON plan_support_measure REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON plan_support_measure REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();

      ${historyFunctionSql(AUDITED_SINCE_SUPPORT_MEASURES)}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${historyFunctionSql(AUDITED_SINCE_SUPPORT_DATA)}
      DROP TABLE plan_support_measure;
    `);
  }
}
