import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';

/**
 * An import's enterprise counts, once per import instead of once per batch. Each batch of an import changes the spans
 * of a thousand patents, whose owners' counts (enterprise_high_value) were rebuilt from all their patents at every
 * batch: an enterprise in every batch was rebuilt a hundred times, and a 100,000-row import cost the square of its
 * size. A transaction that sets `hvp.defer_enterprise_counts` queues the owners instead (enterprise_count_change) and
 * rebuilds them once: when it calls hvp_refresh_deferred_enterprise_counts(), as the import does at its end, or at the
 * latest at its commit (a deferred trigger, as county_change's), so a transaction never commits stale counts.
 */
export class DeferredEnterpriseCounts1764850000000 implements MigrationInterface {
  name = 'DeferredEnterpriseCounts1764850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');

      -- the enterprises whose counts a deferring transaction owes, until it rebuilds them
      CREATE UNLOGGED TABLE enterprise_count_change (
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        enterprise_id   int NOT NULL,
        PRIMARY KEY (transaction_id, enterprise_id)
      );
      ALTER TABLE enterprise_count_change ENABLE ROW LEVEL SECURITY;
      ALTER TABLE enterprise_count_change FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON enterprise_count_change FOR SELECT USING ((SELECT hvp_maintaining()));
      CREATE POLICY tenant_insert ON enterprise_count_change FOR INSERT WITH CHECK ((SELECT hvp_maintaining()));
      CREATE POLICY tenant_update ON enterprise_count_change FOR UPDATE USING ((SELECT hvp_maintaining())) WITH CHECK ((SELECT hvp_maintaining()));
      CREATE POLICY tenant_delete ON enterprise_count_change FOR DELETE USING ((SELECT hvp_maintaining()));

      -- the rebuild itself keeps its body; every caller (triggers, hvp_refresh_invention_spans) calls the name below
      ALTER FUNCTION hvp_refresh_enterprise_high_value(int[]) RENAME TO hvp_rebuild_enterprise_high_value;

      CREATE FUNCTION hvp_refresh_enterprise_high_value(enterprise_ids int[]) RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
      BEGIN
        IF enterprise_ids IS NULL OR cardinality(enterprise_ids) = 0 THEN RETURN; END IF;
        IF coalesce(current_setting('hvp.defer_enterprise_counts', true), '') <> 'on' THEN
          PERFORM hvp_rebuild_enterprise_high_value(enterprise_ids);
          RETURN;
        END IF;
        saved := hvp_maintenance_begin();
        INSERT INTO enterprise_count_change (enterprise_id)
        SELECT DISTINCT e FROM unnest(enterprise_ids) AS e WHERE e IS NOT NULL ORDER BY 1
        ON CONFLICT DO NOTHING;
        PERFORM hvp_maintenance_end(saved);
      END $$;

      -- The counts this transaction owes, now; it defers no more.
      CREATE FUNCTION hvp_refresh_deferred_enterprise_counts() RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[] := hvp_maintenance_begin();
        owed int[];
      BEGIN
        PERFORM set_config('hvp.defer_enterprise_counts', '', true);
        WITH taken AS (DELETE FROM enterprise_count_change c WHERE c.transaction_id = pg_current_xact_id() RETURNING c.enterprise_id)
        SELECT array_agg(t.enterprise_id ORDER BY t.enterprise_id) INTO owed FROM taken t;
        PERFORM hvp_rebuild_enterprise_high_value(owed);
        PERFORM hvp_maintenance_end(saved);
      END $$;

      -- At commit, whatever is still owed (the later firings of the same commit find nothing left).
      CREATE FUNCTION hvp_rebuild_owed_enterprise_counts() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM hvp_refresh_deferred_enterprise_counts();
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER enterprise_count_change_rebuild AFTER INSERT ON enterprise_count_change DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION hvp_rebuild_owed_enterprise_counts();

      REVOKE EXECUTE ON FUNCTION hvp_refresh_enterprise_high_value(int[]), hvp_refresh_deferred_enterprise_counts(),
        hvp_rebuild_owed_enterprise_counts() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION hvp_refresh_enterprise_high_value(int[]), hvp_refresh_deferred_enterprise_counts()
        TO ${APP_GROUP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE enterprise_count_change;
      DROP FUNCTION hvp_rebuild_owed_enterprise_counts(), hvp_refresh_deferred_enterprise_counts(), hvp_refresh_enterprise_high_value(int[]);
      ALTER FUNCTION hvp_rebuild_enterprise_high_value(int[]) RENAME TO hvp_refresh_enterprise_high_value;
    `);
  }
}
