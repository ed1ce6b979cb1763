import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';

/**
 * Reports that stay as sent (issue 16, part 2). `indicator_report` holds what a county reported for a period: the
 * indicators, the breakthrough summary, the target-gap list and the task board as computed at publication (jsonb, made
 * by the same SQL as the live figures), with the day they were evaluated on (as_of), the data cut-off (the statement's
 * time and its snapshot: which transactions' writes it saw), and who published.
 *
 * A published report is immutable, in the database: a row trigger refuses every DELETE and every UPDATE except one, an
 * ADMIN's withdrawal (withdrawn_at, withdrawn_by and a reason set once, nothing else changed); TRUNCATE is refused by a
 * statement trigger, and the application's role holds neither DELETE nor TRUNCATE on the table. A withdrawn report
 * stays readable. One report per county and period is live (not withdrawn) at a time.
 *
 * What moved since a report (IndicatorReport.changesSince) is read from history: the county's entries of transactions
 * the report's snapshot did not see, found through a new index of history by county and time.
 */
export class IndicatorReports1764821000000 implements MigrationInterface {
  name = 'IndicatorReports1764821000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_report (
        id                    serial PRIMARY KEY,
        county_code           text NOT NULL REFERENCES county (code),
        period                text NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4])?$'),
        period_start          date NOT NULL,
        period_end            date NOT NULL,
        as_of                 date NOT NULL CHECK (as_of BETWEEN period_start AND period_end),
        plan_id               int REFERENCES plan (id),
        data_cutoff           timestamptz NOT NULL,
        data_snapshot         pg_snapshot NOT NULL,
        published_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_by          text NOT NULL,
        published_role        text NOT NULL,
        indicators            jsonb NOT NULL,
        breakthrough_summary  jsonb NOT NULL,
        target_gaps           jsonb NOT NULL,
        task_board            jsonb NOT NULL,
        withdrawn_at          timestamptz,
        withdrawn_by          text,
        withdrawal_reason     text CHECK (btrim(withdrawal_reason) <> ''),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      );
      CREATE UNIQUE INDEX indicator_report_live_key ON indicator_report (county_code, period) WHERE withdrawn_at IS NULL;
      CREATE INDEX indicator_report_county_idx ON indicator_report (county_code, period_end, id);

      CREATE FUNCTION hvp_report_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        withdrawal text[] := ARRAY['withdrawn_at', 'withdrawn_by', 'withdrawal_reason'];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'indicator_report holds published reports: they cannot be truncated' USING ERRCODE = 'insufficient_privilege';
        ELSIF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'indicator report % is published: it cannot be deleted (an ADMIN may withdraw it)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        ELSIF OLD.withdrawn_at IS NOT NULL THEN
          RAISE EXCEPTION 'indicator report % was withdrawn: it cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
        ELSIF NEW.withdrawn_at IS NULL OR (to_jsonb(NEW) - withdrawal) IS DISTINCT FROM (to_jsonb(OLD) - withdrawal) THEN
          RAISE EXCEPTION 'indicator report % is published: it cannot be changed (an ADMIN may only withdraw it, with a reason)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        ELSIF NOT hvp_admin() THEN
          RAISE EXCEPTION 'indicator report %: only an ADMIN may withdraw a report', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER hvp_report_immutable BEFORE UPDATE OR DELETE ON indicator_report
        FOR EACH ROW EXECUTE FUNCTION hvp_report_immutable();
      CREATE TRIGGER hvp_report_not_truncated BEFORE TRUNCATE ON indicator_report
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_report_immutable();

      ALTER TABLE indicator_report ENABLE ROW LEVEL SECURITY;
      ALTER TABLE indicator_report FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON indicator_report FOR SELECT USING (
        (SELECT hvp_role()) IN ('ADMIN', 'EDITOR', 'VIEWER')
        AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_insert ON indicator_report FOR INSERT WITH CHECK (
        (SELECT hvp_writer()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_update ON indicator_report FOR UPDATE
        USING ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])))
        WITH CHECK ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      CREATE POLICY tenant_delete ON indicator_report FOR DELETE USING (false);
      REVOKE DELETE, TRUNCATE ON indicator_report FROM ${APP_GROUP_ROLE};

      -- IndicatorReport.changesSince: a county's changes since a report's cut-off are one range of this index
      CREATE INDEX history_county_changed_idx ON history (county_code, changed_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX history_county_changed_idx;
      DROP TABLE indicator_report;
      DROP FUNCTION hvp_report_immutable();
    `);
  }
}
