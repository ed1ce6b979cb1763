import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';
import { AUDITED } from './1764510000000-History';

type Audited = (typeof AUDITED)[number];

/**
 * The history's trigger function without a door for an attacker (issue 17, item 1).
 *
 * hvp_history (migration History) is SECURITY DEFINER — it runs as the tables' owner, so that it may insert into
 * history, which the application may only read — and it ran SQL taken from its trigger arguments, and PUBLIC could
 * execute it. With the application's login one could create a temporary table, attach a trigger calling it with SQL of
 * one's own, and have that SQL run as the owner (a superuser on the embedded start), or forge history rows.
 *
 * Replaced here by a function that:
 * - takes no arguments and runs no dynamic SQL: each audited table's statements are written into its body (generated
 *   below from the same AUDITED list), chosen by the trigger's table;
 * - refuses to run for any table but the audited ones of the schema public (by oid: a temporary table of the same
 *   name, another schema's table, is not ours), and for anything but an AFTER … FOR EACH STATEMENT trigger;
 * - has a pinned search_path (pg_catalog, public, then pg_temp last, so that no temporary object can stand in for a
 *   table or function it names);
 * - may be executed by no one but its owner: EXECUTE is revoked from PUBLIC and from the application's group. The
 *   triggers the owner created keep firing for everyone (PostgreSQL checks EXECUTE when a trigger is created, not
 *   when it fires); creating a trigger on it needs EXECUTE, which the application no longer has.
 *
 * Every other function of the migrations is SECURITY INVOKER (the default: it runs with the caller's rights, under the
 * caller's policies), so what it does with its arguments the caller could do anyway; tests/database-privileges.test.ts
 * fails for any SECURITY DEFINER function of the schema that PUBLIC or the application may execute, or whose search_path
 * is not pinned.
 *
 * `down` leaves the hardened function in place: going back to a function that runs SQL from its arguments would reopen
 * the hole. History's own `down` still removes the triggers and the function by their names.
 */

const SEARCH_PATH = 'pg_catalog, public, pg_temp';

/** The columns of the INSERT into history, and what each gets besides the record's own (the change's door). */
const INSERT_HISTORY = `INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)`;
const DOOR = `nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)`;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The three statements of one audited table (after INSERT, DELETE, UPDATE), over the transition tables. */
function auditedStatements(audited: Audited): string {
  const ignored = `ARRAY[${['version', 'version_xact', ...(audited.derived ?? [])].map(literal).join(', ')}]::text[]`;
  const context = `LEFT JOIN LATERAL (${audited.context}) c(key, county, version) ON true`;
  const select = (action: string, before: string, after: string) =>
    `SELECT ${literal(audited.recordType)}, ${audited.recordId}, c.key, c.county, ${literal(audited.table)}, ${action}, c.version,
                   ${before}, ${after}, ${DOOR}`;
  // a composite IS NULL only when every field is: test a key column (never null) instead
  const oMissing = `o.${ident(audited.key[0])} IS NULL`;
  const nMissing = `n.${ident(audited.key[0])} IS NULL`;
  const pairing = audited.key.map((k) => `o.${ident(k)} = n.${ident(k)}`).join(' AND ');
  return `
          IF TG_OP = 'INSERT' THEN
            ${INSERT_HISTORY}
            ${select(`'CREATED'`, 'NULL', `to_jsonb(r) - ${ignored}`)}
              FROM new_rows r ${context};
          ELSIF TG_OP = 'DELETE' THEN
            ${INSERT_HISTORY}
            ${select(`'REMOVED'`, `to_jsonb(r) - ${ignored}`, 'NULL')}
              FROM old_rows r ${context};
          ELSE
            ${INSERT_HISTORY}
            ${select(
              `CASE WHEN ${oMissing} THEN 'CREATED' WHEN ${nMissing} THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END`,
              `CASE WHEN NOT ${oMissing} THEN to_jsonb(o) - ${ignored} END`,
              `CASE WHEN NOT ${nMissing} THEN to_jsonb(n) - ${ignored} END`,
            )}
              FROM old_rows o FULL JOIN new_rows n ON ${pairing}
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT ${nMissing} UNION ALL SELECT o.* WHERE ${nMissing}) r
                   ${context}
             WHERE ${oMissing} OR ${nMissing} OR (to_jsonb(o) - ${ignored}) IS DISTINCT FROM (to_jsonb(n) - ${ignored});
          END IF;`;
}

/**
 * `CREATE OR REPLACE FUNCTION hvp_history()` for the audited tables: one branch per table, chosen by the trigger's table
 * oid, with its SQL written out (the SQL comes from this repository's list, never from a trigger's arguments). A later
 * migration that audits another table calls this with the longer list.
 */
export function historyFunctionSql(audited: Audited[]): string {
  const branches = audited
    .map(
      (table, i) => `
        ${i === 0 ? 'IF' : 'ELSIF'} TG_RELID = ${literal(`public.${table.table}`)}::regclass THEN${auditedStatements(table)}`,
    )
    .join('');
  return `
    CREATE OR REPLACE FUNCTION hvp_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${SEARCH_PATH} AS $$
    DECLARE
      -- a batch: the row number of each record, by its key (src/db/request-database.ts, describeChange)
      v_rows jsonb := nullif(current_setting('hvp.change_rows', true), '')::jsonb;
    BEGIN
      IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'STATEMENT' THEN
        RAISE EXCEPTION 'hvp_history: runs only as an AFTER … FOR EACH STATEMENT trigger' USING ERRCODE = 'insufficient_privilege';
      END IF;${branches}
      ELSE
        RAISE EXCEPTION 'hvp_history: % is not an audited table', TG_RELID::regclass USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NULL;
    END $$;
    REVOKE ALL ON FUNCTION hvp_history() FROM PUBLIC;
    REVOKE ALL ON FUNCTION hvp_history() FROM ${APP_GROUP_ROLE};`;
}

export class HistoryDefiner1764600000000 implements MigrationInterface {
  name = 'HistoryDefiner1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(historyFunctionSql(AUDITED));
    // the triggers again, without the arguments the function no longer reads
    for (const { table } of AUDITED) {
      await db.query(`
        DROP TRIGGER hvp_2_history_insert ON ${table};
        DROP TRIGGER hvp_2_history_update ON ${table};
        DROP TRIGGER hvp_2_history_delete ON ${table};
        CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
        CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
        CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      `);
    }
  }

  async down(): Promise<void> {
    // irreversible on purpose (see above): the hardened function stays
  }
}
