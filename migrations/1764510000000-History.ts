import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';

/**
 * History (issue 6): every change to a record — its row or one of its lists — is kept in `history`: who (the subject
 * of the credentials), when, through which door (API with the mutation and the request's operation name, IMPORT with
 * the file and its row number, SYSTEM for the server's own work; SQL for anything written outside the application),
 * and the row before and after (jsonb). Replaced lists (memberships, owners, overseas grants, awards, pledged patents,
 * plan targets) are removed rows here, so they are recoverable; deletes of records are soft (migration Versions).
 *
 * Statement triggers with transition tables, one generic function: a 1,000-row import batch is one INSERT … SELECT
 * into history per statement. The door comes from transaction-local settings the application sets
 * (src/db/request-database.ts, describeChange):
 *   hvp.subject            the caller's `sub`
 *   hvp.change_door        API, IMPORT or SYSTEM
 *   hvp.change_operation   the GraphQL mutation (root fields) or "import <kind>"
 *   hvp.change_request     the GraphQL request's operationName
 *   hvp.change_file        the imported file's name
 *   hvp.change_row         the row being written (file row number; 1-based position in a GraphQL import call)
 *   hvp.change_rows        a batch: JSON object from a record's key (the application number) to its row number
 *
 * The table belongs to the owner; the application role may only read it, and only an ADMIN, within its counties
 * (a RESTRICTIVE-free read policy like the other tables'). The trigger function is SECURITY DEFINER so that it may
 * insert. Nothing in the application updates or deletes history.
 */

interface Audited {
  table: string;
  /** Enterprise, Patent, PledgeFinancing or County: whose history the row is part of */
  recordType: string;
  /** SQL over the changed row `r` (old or new): the record's id (text) */
  recordId: string;
  /** SQL of one row (key, county, version) for the changed row `r`: the record's natural key, its county, its version */
  context: string;
  /** columns pairing an old row with its new row */
  key: string[];
  /** derived and bookkeeping columns left out of before/after */
  derived?: string[];
}

const enterpriseContext = (column: string) => `SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.${column}`;
const patentContext = (column: string) => `SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.${column}`;
const financingContext = (column: string) =>
  `SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.${column}`;
const planContext = `SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id`;

export const AUDITED: Audited[] = [
  { table: 'county', recordType: 'County', recordId: 'r.code', context: 'SELECT r.code, r.code, NULL::int', key: ['code'] },
  {
    table: 'county_statistics',
    recordType: 'County',
    recordId: 'r.county_code',
    context: 'SELECT r.county_code, r.county_code, r.version',
    key: ['county_code', 'year'],
  },
  {
    table: 'plan',
    recordType: 'County',
    recordId: 'r.county_code',
    context: 'SELECT r.county_code, r.county_code, r.version',
    key: ['id'],
  },
  { table: 'plan_breakthrough_target', recordType: 'County', recordId: 'c.county', context: planContext, key: ['plan_id', 'category'] },
  { table: 'plan_indicator_target', recordType: 'County', recordId: 'c.county', context: planContext, key: ['plan_id', 'kind'] },
  {
    table: 'enterprise',
    recordType: 'Enterprise',
    recordId: 'r.id::text',
    context: 'SELECT r.credit_code, r.county_code, r.version',
    key: ['id'],
  },
  {
    table: 'enterprise_membership',
    recordType: 'Enterprise',
    recordId: 'r.enterprise_id::text',
    context: enterpriseContext('enterprise_id'),
    key: ['id'],
  },
  {
    table: 'innovation_platform',
    recordType: 'Enterprise',
    recordId: 'r.enterprise_id::text',
    context: enterpriseContext('enterprise_id'),
    key: ['id'],
  },
  {
    table: 'knowledge_value_loan',
    recordType: 'Enterprise',
    recordId: 'r.enterprise_id::text',
    context: enterpriseContext('enterprise_id'),
    key: ['id'],
  },
  {
    table: 'patent',
    recordType: 'Patent',
    recordId: 'r.id::text',
    context: 'SELECT r.application_number, r.county_code, r.version',
    key: ['id'],
    derived: ['owner_county_codes'],
  },
  {
    table: 'patent_owner',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: patentContext('patent_id'),
    key: ['patent_id', 'enterprise_id'],
    derived: ['patent_county_code', 'enterprise_county_code'],
  },
  {
    table: 'patent_overseas_grant',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: patentContext('patent_id'),
    key: ['patent_id', 'jurisdiction'],
  },
  {
    table: 'patent_award',
    recordType: 'Patent',
    recordId: 'r.patent_id::text',
    context: patentContext('patent_id'),
    key: ['patent_id', 'kind', 'year'],
  },
  {
    table: 'pledge_financing',
    recordType: 'PledgeFinancing',
    recordId: 'r.id::text',
    context: `SELECT r.id::text, e.county_code, r.version FROM enterprise e WHERE e.id = r.enterprise_id`,
    key: ['id'],
  },
  {
    table: 'pledge_financing_patent',
    recordType: 'PledgeFinancing',
    recordId: 'r.pledge_financing_id::text',
    context: financingContext('pledge_financing_id'),
    key: ['pledge_financing_id', 'patent_id'],
  },
  {
    table: 'pledge_interest_payment',
    recordType: 'PledgeFinancing',
    recordId: 'r.pledge_financing_id::text',
    context: financingContext('pledge_financing_id'),
    key: ['id'],
  },
];

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export class History1764510000000 implements MigrationInterface {
  name = 'History1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE history (
        id              bigserial PRIMARY KEY,
        record_type     text NOT NULL CHECK (record_type IN ('County', 'Enterprise', 'Patent', 'PledgeFinancing')),
        record_id       text NOT NULL,
        record_key      text,
        county_code     text,
        table_name      text NOT NULL,
        action          text NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'REMOVED', 'DELETED', 'RESTORED')),
        version         int,
        before          jsonb,
        after           jsonb,
        changed_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        actor           text,
        actor_role      text,
        door            text NOT NULL CHECK (door IN ('API', 'IMPORT', 'SYSTEM', 'SQL')),
        operation       text,
        request         text,
        file            text,
        row_number      int
      );
      CREATE INDEX history_record_idx ON history (record_type, record_id, id DESC);
      CREATE INDEX history_deleted_idx ON history (county_code, id DESC) WHERE action = 'DELETED';

      ALTER TABLE history ENABLE ROW LEVEL SECURITY;
      ALTER TABLE history FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON history FOR SELECT
        USING ((SELECT hvp_admin()) AND ((SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])));
      -- only the trigger function (SECURITY DEFINER, as the owner) inserts: the application role has no INSERT privilege
      CREATE POLICY tenant_insert ON history FOR INSERT WITH CHECK (true);
      REVOKE ALL ON history FROM ${APP_GROUP_ROLE};
      GRANT SELECT ON history TO ${APP_GROUP_ROLE};
      REVOKE ALL ON SEQUENCE history_id_seq FROM ${APP_GROUP_ROLE};

      -- TG_ARGV: record type, record id SQL, context SQL, key columns (comma-separated), derived columns (comma-separated).
      CREATE FUNCTION hvp_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        record_type text := TG_ARGV[0];
        record_id text := TG_ARGV[1];
        context text := TG_ARGV[2];
        key_columns text[] := string_to_array(TG_ARGV[3], ',');
        ignored text[] := ARRAY['version', 'version_xact'] || coalesce(string_to_array(nullif(TG_ARGV[4], ''), ','), '{}');
        rows_map jsonb := nullif(current_setting('hvp.change_rows', true), '')::jsonb;
        insert_sql text := format(
          'INSERT INTO history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                actor, actor_role, door, operation, request, file, row_number)
           SELECT %L, %s, c.key, c.county, %L, %%s, c.version, %%s, %%s,
                  nullif(current_setting(''hvp.subject'', true), ''''), nullif(current_setting(''hvp.role'', true), ''''),
                  coalesce(nullif(current_setting(''hvp.change_door'', true), ''''), ''SQL''),
                  nullif(current_setting(''hvp.change_operation'', true), ''''), nullif(current_setting(''hvp.change_request'', true), ''''),
                  nullif(current_setting(''hvp.change_file'', true), ''''),
                  coalesce(($1 ->> c.key)::int, nullif(current_setting(''hvp.change_row'', true), '''')::int)',
          record_type, record_id, TG_TABLE_NAME);
        lateral_sql text := format('LEFT JOIN LATERAL (%s) c(key, county, version) ON true', context);
        pairing text;
        -- a composite IS NULL only when every field is: test a key column (never null) instead
        o_missing text := format('o.%I IS NULL', key_columns[1]);
        n_missing text := format('n.%I IS NULL', key_columns[1]);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format(insert_sql, '''CREATED''', 'NULL', 'to_jsonb(r) - $2') || format(' FROM new_rows r %s', lateral_sql)
            USING rows_map, ignored;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format(insert_sql, '''REMOVED''', 'to_jsonb(r) - $2', 'NULL') || format(' FROM old_rows r %s', lateral_sql)
            USING rows_map, ignored;
        ELSE
          SELECT string_agg(format('o.%1$I = n.%1$I', k), ' AND ') INTO pairing FROM unnest(key_columns) AS k;
          EXECUTE format(insert_sql,
              format('CASE WHEN %1$s THEN ''CREATED'' WHEN %2$s THEN ''REMOVED''
                    WHEN (to_jsonb(o) ->> ''deleted_at'') IS NULL AND (to_jsonb(n) ->> ''deleted_at'') IS NOT NULL THEN ''DELETED''
                    WHEN (to_jsonb(o) ->> ''deleted_at'') IS NOT NULL AND (to_jsonb(n) ->> ''deleted_at'') IS NULL THEN ''RESTORED''
                    ELSE ''UPDATED'' END', o_missing, n_missing),
              format('CASE WHEN NOT %s THEN to_jsonb(o) - $2 END', o_missing),
              format('CASE WHEN NOT %s THEN to_jsonb(n) - $2 END', n_missing))
            || format(' FROM old_rows o FULL JOIN new_rows n ON %1$s
                        CROSS JOIN LATERAL (SELECT n.* WHERE NOT %2$s UNION ALL SELECT o.* WHERE %2$s) r %3$s
                       WHERE %4$s OR %2$s OR (to_jsonb(o) - $2) IS DISTINCT FROM (to_jsonb(n) - $2)',
                      pairing, n_missing, lateral_sql, o_missing)
            USING rows_map, ignored;
        END IF;
        RETURN NULL;
      END $$;
    `);

    for (const audited of AUDITED) {
      const args = [audited.recordType, audited.recordId, audited.context, audited.key.join(','), (audited.derived ?? []).join(',')]
        .map(literal)
        .join(', ');
      await db.query(`
        CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON ${audited.table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history(${args});
        CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON ${audited.table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history(${args});
        CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON ${audited.table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history(${args});
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const audited of AUDITED) {
      await db.query(`
        DROP TRIGGER hvp_2_history_insert ON ${audited.table};
        DROP TRIGGER hvp_2_history_update ON ${audited.table};
        DROP TRIGGER hvp_2_history_delete ON ${audited.table};
      `);
    }
    await db.query(`
      DROP FUNCTION hvp_history();
      DROP TABLE history;
    `);
  }
}
