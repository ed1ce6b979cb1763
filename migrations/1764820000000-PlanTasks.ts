import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';
import { AUDITED_SINCE_SUPPORT_PAYMENTS } from './1764812000000-SupportPayments';

/**
 * The plan as work (issue 16, part 1): a plan's key tasks (重点任务), the units (责任单位 / 配合单位) of a county that
 * carry them, and the progress the units report.
 *
 *   plan_unit       a county's unit as the plan names it (县市场监管局, 县科技局, …): per county, by name
 *   plan_task       a task of a plan: its section ((一) … (五)), number (1 … 13), title, text, and the indicator kinds it serves
 *   plan_task_unit  a task's units: RESPONSIBLE (责任单位) or COOPERATING (配合单位), in the plan's order
 *   task_progress   a unit's report on a task on a day (status and text), with who reported; one per (task, unit, day),
 *                   versioned, every change kept in history (record type County, the task's county)
 *
 * Units and tasks are the plan's text: read by every signed-in caller like the plan, written by an ADMIN of the county.
 * Progress is the county's: read by its staff, written by its ADMIN and EDITOR callers.
 */
export const AUDITED_SINCE_TASKS = [
  ...AUDITED_SINCE_SUPPORT_PAYMENTS,
  {
    table: 'task_progress',
    recordType: 'County',
    recordId: 'r.county_code',
    context: 'SELECT r.county_code, r.county_code, r.version',
    key: ['id'],
  },
];

const all = '(SELECT hvp_all())';
const visible = '(SELECT hvp_visible())::text[]';
const admin = '(SELECT hvp_admin())';
const writer = '(SELECT hvp_writer())';

const POLICIES: Record<string, { read: string; write: string }> = {
  plan_unit: {
    read: '(SELECT hvp_signed_in())',
    write: `${admin} AND (${all} OR county_code = ANY (${visible}))`,
  },
  plan_task: {
    read: '(SELECT hvp_signed_in())',
    write: `${admin} AND (${all} OR county_code = ANY (${visible}))`,
  },
  plan_task_unit: {
    read: '(SELECT hvp_signed_in())',
    write: `${admin} AND (${all} OR county_code = ANY (${visible}))`,
  },
  task_progress: {
    read: `(SELECT hvp_role()) IN ('ADMIN', 'EDITOR', 'VIEWER') AND (${all} OR county_code = ANY (${visible}))`,
    write: `${writer} AND (${all} OR county_code = ANY (${visible}))`,
  },
};

export class PlanTasks1764820000000 implements MigrationInterface {
  name = 'PlanTasks1764820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plan_unit (
        id           serial PRIMARY KEY,
        county_code  text NOT NULL REFERENCES county (code) ON UPDATE CASCADE,
        name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
        UNIQUE (county_code, name)
      );

      -- the plan's county is carried (kept with the plan by the foreign key) so that the policies compare a column
      ALTER TABLE plan ADD CONSTRAINT plan_id_county_key UNIQUE (id, county_code);
      CREATE TABLE plan_task (
        id             serial PRIMARY KEY,
        plan_id        int NOT NULL,
        county_code    text NOT NULL,
        section        text NOT NULL CHECK (section ~ '^\\([一二三四五六七八九十]+\\)$'),
        section_title  text NOT NULL CHECK (btrim(section_title) <> ''),
        number         int NOT NULL CHECK (number > 0),
        title          text NOT NULL CHECK (btrim(title) <> ''),
        body           text NOT NULL CHECK (btrim(body) <> ''),
        indicator_kinds text[] NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, number),
        UNIQUE (id, county_code),
        FOREIGN KEY (plan_id, county_code) REFERENCES plan (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE
      );

      CREATE TABLE plan_task_unit (
        task_id      int NOT NULL,
        unit_id      int NOT NULL,
        county_code  text NOT NULL,
        role         text NOT NULL CHECK (role IN ('RESPONSIBLE', 'COOPERATING')),
        position     int NOT NULL,
        PRIMARY KEY (task_id, unit_id),
        FOREIGN KEY (task_id, county_code) REFERENCES plan_task (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE,
        FOREIGN KEY (unit_id) REFERENCES plan_unit (id)
      );
      CREATE INDEX plan_task_unit_unit_idx ON plan_task_unit (unit_id, task_id);

      CREATE TABLE task_progress (
        id            serial PRIMARY KEY,
        task_id       int NOT NULL,
        county_code   text NOT NULL,
        unit_id       int NOT NULL REFERENCES plan_unit (id),
        reported_on   date NOT NULL,
        status        text NOT NULL CHECK (status IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'DONE')),
        body          text NOT NULL CHECK (btrim(body) <> ''),
        reported_by   text NOT NULL,
        reported_role text NOT NULL,
        reporter_unit text,
        reported_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        version       int NOT NULL DEFAULT 1 CHECK (version > 0),
        version_xact  xid8 DEFAULT pg_current_xact_id(),
        UNIQUE (task_id, unit_id, reported_on),
        FOREIGN KEY (task_id, county_code) REFERENCES plan_task (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE
      );
      -- a task's latest status on a day: one probe of this index
      CREATE INDEX task_progress_task_day_idx ON task_progress (task_id, reported_on DESC, reported_at DESC, id DESC);
      CREATE INDEX task_progress_county_idx ON task_progress (county_code, reported_on);
      CREATE TRIGGER hvp_version BEFORE UPDATE ON task_progress FOR EACH ROW EXECUTE FUNCTION hvp_version();
      CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON task_progress REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON task_progress REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON task_progress REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
      ${historyFunctionSql(AUDITED_SINCE_TASKS)}
    `);
    for (const [table, policy] of Object.entries(POLICIES)) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_read ON ${table} FOR SELECT USING (${policy.read});
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK (${policy.write});
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING (${policy.write}) WITH CHECK (${policy.write});
        CREATE POLICY tenant_delete ON ${table} FOR DELETE USING (${policy.write});
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE task_progress, plan_task_unit, plan_task, plan_unit;
      ALTER TABLE plan DROP CONSTRAINT plan_id_county_key;
      ${historyFunctionSql(AUDITED_SINCE_SUPPORT_PAYMENTS)}
    `);
  }
}
