import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safe edits (issue 6): versions and soft delete.
 *
 * Versions. Every editable record has `version` (1 when created), raised by one for each transaction that changes it:
 * a BEFORE UPDATE trigger compares the row with its old state (bookkeeping and derived columns aside) and raises the
 * version the first time in a transaction (`version_xact` remembers which transaction last raised it), so an upsert
 * that changes nothing keeps the version, and one that changes the row and its lists raises it once. A record's lists
 * are part of it: a statement that changes memberships, owners, overseas grants, awards, pledged patents or plan targets
 * raises the version of their record (statement triggers with transition tables, set-based: a 1,000-row batch is one
 * UPDATE). Mutations compare the version a client read (`expectedVersion`) and answer CONFLICT when it moved on.
 *
 * Soft delete. Enterprises, memberships, patents, pledge financings (and, with their enterprise, innovation platforms
 * and knowledge-value loans) carry `deleted_at`. The one place that hides deleted rows is a RESTRICTIVE read policy per
 * table, `deleted_at IS NULL`, ANDed with the tenancy policies for every caller, ADMIN included: every query, count,
 * gap, indicator and lookup of the application runs under Row Level Security, so none of them sees a deleted row and
 * none had to change. Deleted rows are reached only through hvp_set_deleted (delete, restore) and hvp_deleted_keys (to
 * say "deleted, an ADMIN may restore it" instead of "unknown"), which switch `hvp.with_deleted` on for their own
 * statements only; another RESTRICTIVE policy lets only an ADMIN update a deleted row (restore), in the database too.
 * Deleting an enterprise deletes its memberships, pledge financings, innovation platforms and loans with it
 * (`deleted_with = 'enterprise'`); restoring it restores exactly those. Its patents stay: a patent is its county's record,
 * and a deleted owner simply drops out of `owners` (every owner list joins the enterprise table).
 *
 * A membership's (enterprise, category, validFrom) is unique among the live memberships only, so that a deleted one
 * does not block entering it again; restoring one that was entered again since answers CONFLICT.
 */

/** Tables with a version, and their derived columns (kept by triggers: not a change of the record). */
export const VERSIONED: Record<string, string[]> = {
  county_statistics: [],
  plan: [],
  enterprise: [],
  enterprise_membership: [],
  innovation_platform: [],
  knowledge_value_loan: [],
  patent: ['owner_county_codes'],
  pledge_financing: [],
};

/** Tables with deleted_at. */
export const SOFT_DELETED = [
  'enterprise',
  'enterprise_membership',
  'patent',
  'pledge_financing',
  'innovation_platform',
  'knowledge_value_loan',
];

/** Lists that belong to a record: a change to one raises the version of the record. */
export const LISTS: { table: string; parent: string; column: string; derived: string[] }[] = [
  { table: 'enterprise_membership', parent: 'enterprise', column: 'enterprise_id', derived: [] },
  { table: 'patent_owner', parent: 'patent', column: 'patent_id', derived: ['patent_county_code', 'enterprise_county_code'] },
  { table: 'patent_overseas_grant', parent: 'patent', column: 'patent_id', derived: [] },
  { table: 'patent_award', parent: 'patent', column: 'patent_id', derived: [] },
  { table: 'pledge_financing_patent', parent: 'pledge_financing', column: 'pledge_financing_id', derived: [] },
  { table: 'plan_breakthrough_target', parent: 'plan', column: 'plan_id', derived: [] },
  { table: 'plan_indicator_target', parent: 'plan', column: 'plan_id', derived: [] },
];

const quoteList = (items: string[]) => items.map((item) => `'${item}'`).join(', ');

export class Versions1764500000000 implements MigrationInterface {
  name = 'Versions1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the owner is under the policies too (unless a superuser)
      SELECT hvp_begin('ADMIN', '*', '');

      CREATE FUNCTION hvp_with_deleted() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT coalesce(current_setting('hvp.with_deleted', true), '') = 'on' $$;

      -- Raises NEW.version once per transaction when the row changed (TG_ARGV: derived columns to ignore), or when a
      -- list of the record changed (hvp_touch_record set version = version + 1: only the transaction is recorded).
      CREATE FUNCTION hvp_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ignored text[] := ARRAY['version', 'version_xact'] || TG_ARGV;
        xact xid8 := pg_current_xact_id();
      BEGIN
        IF NEW.version IS DISTINCT FROM OLD.version THEN
          NEW.version_xact := xact;
        ELSIF OLD.version_xact IS DISTINCT FROM xact AND (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
          NEW.version := OLD.version + 1;
          NEW.version_xact := xact;
        END IF;
        RETURN NEW;
      END $$;

      -- After a statement on a list (TG_ARGV: the record's table, the list's column naming it, derived columns): raises
      -- the version of each record whose list changed, unless this transaction raised it already.
      CREATE FUNCTION hvp_touch_record() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent text := TG_ARGV[0];
        fk text := TG_ARGV[1];
        ignored text[] := ARRAY['version', 'version_xact'] || TG_ARGV[2:];
        ids int[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT array_agg(DISTINCT n.%I) FROM new_rows n', fk) INTO ids;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT array_agg(DISTINCT o.%I) FROM old_rows o', fk) INTO ids;
        ELSE
          EXECUTE format(
            'SELECT array_agg(DISTINCT d.k) FROM (
               (SELECT n.%1$I AS k, to_jsonb(n) - $1 AS j FROM new_rows n EXCEPT ALL SELECT o.%1$I, to_jsonb(o) - $1 FROM old_rows o)
               UNION ALL
               (SELECT o.%1$I, to_jsonb(o) - $1 FROM old_rows o EXCEPT ALL SELECT n.%1$I, to_jsonb(n) - $1 FROM new_rows n)) d', fk)
            INTO ids USING ignored;
        END IF;
        IF ids IS NOT NULL THEN
          EXECUTE format('UPDATE %I SET version = version + 1 WHERE id = ANY ($1) AND version_xact IS DISTINCT FROM pg_current_xact_id()', parent)
            USING ids;
        END IF;
        RETURN NULL;
      END $$;
    `);

    for (const [table, derived] of Object.entries(VERSIONED)) {
      await db.query(`
        ALTER TABLE ${table} ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version > 0), ADD COLUMN version_xact xid8;
        ALTER TABLE ${table} ALTER COLUMN version_xact SET DEFAULT pg_current_xact_id();
        CREATE TRIGGER hvp_version BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION hvp_version(${quoteList(derived)});
      `);
    }

    for (const list of LISTS) {
      const args = quoteList([list.parent, list.column, ...list.derived]);
      await db.query(`
        CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON ${list.table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record(${args});
        CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON ${list.table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record(${args});
        CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON ${list.table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record(${args});
      `);
    }

    for (const table of SOFT_DELETED) {
      await db.query(`
        ALTER TABLE ${table} ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_with text;
        CREATE POLICY live_read ON ${table} AS RESTRICTIVE FOR SELECT
          USING (deleted_at IS NULL OR (SELECT hvp_with_deleted()));
        CREATE POLICY live_update ON ${table} AS RESTRICTIVE FOR UPDATE
          USING (deleted_at IS NULL OR (SELECT hvp_admin())) WITH CHECK (true);
      `);
    }

    await db.query(`
      -- the high-value scans read this index only: the live policy's column must be in it
      DROP INDEX patent_invention_county_idx;
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type, owner_county_codes, deleted_at)
        WHERE type = 'INVENTION';

      ALTER TABLE enterprise_membership DROP CONSTRAINT enterprise_membership_enterprise_id_category_valid_from_key;
      CREATE UNIQUE INDEX enterprise_membership_live_key ON enterprise_membership (enterprise_id, category, valid_from)
        WHERE deleted_at IS NULL;
      -- the live policy (deleted_at IS NULL OR …) does not imply the partial index's predicate: queries need a full one
      CREATE INDEX enterprise_membership_enterprise_idx ON enterprise_membership (enterprise_id, category, valid_from);

      -- Deletes (p_delete) or restores one record of p_table found by p_key (credit code, application number or id),
      -- under the caller's policies, deleted rows included. Outcomes: DONE, NOT_FOUND, ALREADY (already deleted, or not
      -- deleted), CONFLICT (p_expected differs from the stored version), PARENT_DELETED (restoring a membership or
      -- financing of a deleted enterprise), DUPLICATE (a restored membership was entered again since); with the
      -- record's id, version and deleted_at (as they are after the change, or as found).
      CREATE FUNCTION hvp_set_deleted(p_table text, p_key text, p_delete boolean, p_expected int)
        RETURNS TABLE (outcome text, id int, version int, deleted_at timestamptz) LANGUAGE plpgsql AS $$
      DECLARE
        key_sql text := CASE p_table
          WHEN 'enterprise' THEN 't.credit_code = $1'
          WHEN 'patent' THEN 't.application_number = $1'
          WHEN 'pledge_financing' THEN 't.id = $1::int'
          WHEN 'enterprise_membership' THEN 't.id = $1::int' END;
        found_id int;
        found_version int;
        found_deleted timestamptz;
        parent_deleted boolean := false;
      BEGIN
        IF key_sql IS NULL THEN RAISE EXCEPTION 'hvp_set_deleted: % has no soft delete', p_table; END IF;
        IF p_table IN ('pledge_financing', 'enterprise_membership') AND p_key !~ '^[0-9]{1,9}$' THEN
          RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::int, NULL::int, NULL::timestamptz;
          RETURN;
        END IF;
        PERFORM set_config('hvp.with_deleted', 'on', true);
        EXECUTE format('SELECT t.id, t.deleted_at FROM %I t WHERE %s', p_table, key_sql) INTO found_id, found_deleted USING p_key;
        IF found_id IS NOT NULL AND p_delete <> (found_deleted IS NOT NULL) THEN
          -- locked until the transaction ends (a concurrent writer waits, then sees the new version); only an ADMIN may
          -- lock a deleted row (the live_update policy)
          EXECUTE format('SELECT t.version, t.deleted_at FROM %I t WHERE t.id = $1 FOR UPDATE', p_table)
            INTO found_version, found_deleted USING found_id;
          IF found_version IS NULL THEN found_id := NULL; END IF;
        END IF;
        IF found_id IS NULL THEN
          outcome := 'NOT_FOUND';
        ELSIF p_delete = (found_deleted IS NOT NULL) THEN
          outcome := 'ALREADY';
        ELSIF p_expected IS NOT NULL AND p_expected <> found_version THEN
          outcome := 'CONFLICT';
        ELSE
          IF NOT p_delete AND p_table IN ('pledge_financing', 'enterprise_membership') THEN
            EXECUTE format('SELECT e.deleted_at IS NOT NULL FROM %I t JOIN enterprise e ON e.id = t.enterprise_id WHERE t.id = $1', p_table)
              INTO parent_deleted USING found_id;
          END IF;
          IF parent_deleted THEN
            outcome := 'PARENT_DELETED';
          ELSE
            BEGIN
              EXECUTE format('UPDATE %I t SET deleted_at = %s, deleted_with = NULL WHERE t.id = $1 RETURNING t.version',
                             p_table, CASE WHEN p_delete THEN 'now()' ELSE 'NULL' END)
                INTO found_version USING found_id;
              IF p_table = 'enterprise' THEN
                IF p_delete THEN
                  UPDATE enterprise_membership c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE pledge_financing c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE innovation_platform c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE knowledge_value_loan c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                ELSE
                  UPDATE enterprise_membership c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE pledge_financing c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE innovation_platform c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE knowledge_value_loan c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                END IF;
              ELSIF p_table = 'patent' AND NOT p_delete THEN
                -- its owners' counties may have moved while it was deleted
                PERFORM hvp_owner_counties_of(ARRAY[found_id]);
              END IF;
              EXECUTE format('SELECT t.version, t.deleted_at FROM %I t WHERE t.id = $1', p_table) INTO found_version, found_deleted USING found_id;
              outcome := 'DONE';
            EXCEPTION WHEN unique_violation THEN
              outcome := 'DUPLICATE';
            END;
          END IF;
        END IF;
        PERFORM set_config('hvp.with_deleted', '', true);
        RETURN QUERY SELECT outcome, found_id, found_version, found_deleted;
      END $$;

      -- The keys among p_keys of deleted records the caller's scope holds (credit codes or application numbers), with
      -- the day they were deleted: so that writing one answers "deleted, an ADMIN may restore it".
      CREATE FUNCTION hvp_deleted_keys(p_table text, p_keys text[]) RETURNS TABLE (key text, deleted_at timestamptz)
        LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('hvp.with_deleted', 'on', true);
        IF p_table = 'enterprise' THEN
          RETURN QUERY SELECT t.credit_code, t.deleted_at FROM enterprise t WHERE t.credit_code = ANY (p_keys) AND t.deleted_at IS NOT NULL;
        ELSIF p_table = 'patent' THEN
          RETURN QUERY SELECT t.application_number, t.deleted_at FROM patent t WHERE t.application_number = ANY (p_keys) AND t.deleted_at IS NOT NULL;
        ELSE
          RAISE EXCEPTION 'hvp_deleted_keys: % has no soft delete', p_table;
        END IF;
        PERFORM set_config('hvp.with_deleted', '', true);
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');
      DROP FUNCTION hvp_deleted_keys(text, text[]);
      DROP FUNCTION hvp_set_deleted(text, text, boolean, int);
      DROP INDEX enterprise_membership_live_key;
      DROP INDEX enterprise_membership_enterprise_idx;
      ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_enterprise_id_category_valid_from_key
        UNIQUE (enterprise_id, category, valid_from);
      DROP INDEX patent_invention_county_idx;
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type, owner_county_codes) WHERE type = 'INVENTION';
    `);
    for (const table of SOFT_DELETED) {
      await db.query(`
        DROP POLICY live_read ON ${table};
        DROP POLICY live_update ON ${table};
        ALTER TABLE ${table} DROP COLUMN deleted_at, DROP COLUMN deleted_with;
      `);
    }
    for (const list of LISTS) {
      await db.query(`
        DROP TRIGGER hvp_1_touch_insert ON ${list.table};
        DROP TRIGGER hvp_1_touch_update ON ${list.table};
        DROP TRIGGER hvp_1_touch_delete ON ${list.table};
      `);
    }
    for (const table of Object.keys(VERSIONED)) {
      await db.query(`
        DROP TRIGGER hvp_version ON ${table};
        ALTER TABLE ${table} DROP COLUMN version, DROP COLUMN version_xact;
      `);
    }
    await db.query(`
      DROP FUNCTION hvp_touch_record();
      DROP FUNCTION hvp_version();
      DROP FUNCTION hvp_with_deleted();
    `);
  }
}
