/**
 * Key tasks (重点任务), their units and their progress, in SQL. The task board reads each task's latest report with one
 * probe of task_progress_task_day_idx and its indicators from the one statement that evaluates indicators
 * (indicatorRowsSql, src/indicator/indicator.sql.ts), embedded: a board is one statement for any number of plans.
 */
import { Principal } from '../auth/principal';
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput, forbidden } from '../graphql/errors';
import { byKey, groupByKey } from '../graphql/loaders';
import { expectVersion } from '../history/versions';
import { IndicatorValue } from '../indicator/indicator';
import { IndicatorKind, INDICATOR_KINDS } from '../indicator/indicator-kind';
import { indicatorRowsSql, toIndicatorValue } from '../indicator/indicator.sql';
import { PlanTask, PlanUnit, TaskBoardRow, TaskProgress, TaskStatus, TaskUnitRole, UnitTask } from './task';

const KIND_ORDER = sql`${INDICATOR_KINDS}::text[]`;

/** A task's columns (alias t) under the names of PlanTask; `label` is built here once: "(一)1. 聚焦重点产业". */
const taskColumns = (t: Sql) => sql`${t}.id, ${t}.plan_id AS "planId", ${t}.county_code AS "countyCode", ${t}.section,
  ${t}.section_title AS "sectionTitle", ${t}.number, ${t}.title, ${t}.section || ${t}.number || '. ' || ${t}.title AS label,
  ${t}.body AS text, ${t}.indicator_kinds AS "indicatorKinds"`;

/** A progress report's columns (alias pr, its unit u) as one JSON-ready row: the same shape live and in a frozen report. */
const progressColumns = sql`pr.id, pr.task_id AS "taskId", pr.unit_id AS "unitId", u.name AS "unitName", pr.county_code AS "countyCode",
  pr.reported_on AS "reportedOn", pr.status, pr.body AS text, pr.reported_by AS "reportedBy", pr.reported_role AS "reportedRole",
  pr.reporter_unit AS "reporterUnit", pr.reported_at AS "reportedAt", pr.version`;

export interface ProgressRow {
  id: number;
  taskId: number;
  unitId: number;
  unitName: string;
  countyCode: string;
  reportedOn: string;
  status: TaskStatus;
  text: string;
  reportedBy: string;
  reportedRole: string;
  reporterUnit: string | null;
  /** a Date from a live row, ISO text from a frozen one */
  reportedAt: Date | string;
  version: number;
}

export function toTaskProgress({ unitId, unitName, countyCode, reportedAt, ...row }: ProgressRow): TaskProgress {
  return { ...row, unit: { id: unitId, name: unitName, countyCode }, reportedAt: new Date(reportedAt) };
}

export function tasksOfPlanLoader(ctx: Context) {
  return ctx.loaders.get<number, PlanTask[]>('tasksOfPlan', [], async (planIds) => {
    const rows = await ctx.db.query<PlanTask>(
      sql`SELECT ${taskColumns(sql`t`)} FROM plan_task t WHERE t.plan_id = ANY (${planIds}::int[]) ORDER BY t.plan_id, t.number`,
    );
    return groupByKey(planIds, rows, (task) => task.planId);
  });
}

export function taskLoader(ctx: Context) {
  return ctx.loaders.get<number, PlanTask | null>('task', [], async (ids) => {
    const rows = await ctx.db.query<PlanTask>(sql`SELECT ${taskColumns(sql`t`)} FROM plan_task t WHERE t.id = ANY (${ids}::int[])`);
    return byKey(ids, rows, (task) => task.id, null);
  });
}

/** The units of each task in one role, in the plan's order. */
export function taskUnitsLoader(ctx: Context, role: TaskUnitRole) {
  return ctx.loaders.get<number, PlanUnit[]>('taskUnits', [role], async (taskIds) => {
    const rows = await ctx.db.query<PlanUnit & { taskId: number }>(
      sql`SELECT tu.task_id AS "taskId", u.id, u.county_code AS "countyCode", u.name
            FROM plan_task_unit tu JOIN plan_unit u ON u.id = tu.unit_id
           WHERE tu.task_id = ANY (${taskIds}::int[]) AND tu.role = ${role}
           ORDER BY tu.task_id, tu.position`,
    );
    return groupByKey(
      taskIds,
      rows,
      (row) => row.taskId,
      ({ taskId: _, ...unit }) => unit,
    );
  });
}

/** A county's units, in the order its plans first name them. */
export function unitsOfCountyLoader(ctx: Context) {
  return ctx.loaders.get<string, PlanUnit[]>('unitsOfCounty', [], async (countyCodes) => {
    const rows = await ctx.db.query<PlanUnit>(
      sql`SELECT u.id, u.county_code AS "countyCode", u.name FROM plan_unit u
           WHERE u.county_code = ANY (${countyCodes}::text[]) ORDER BY u.county_code, u.id`,
    );
    return groupByKey(countyCodes, rows, (unit) => unit.countyCode);
  });
}

/** The tasks each unit is named for, by plan and task number. */
export function unitTasksLoader(ctx: Context) {
  return ctx.loaders.get<number, UnitTask[]>('unitTasks', [], async (unitIds) => {
    const rows = await ctx.db.query<PlanTask & { unitId: number; role: TaskUnitRole }>(
      sql`SELECT tu.unit_id AS "unitId", tu.role, ${taskColumns(sql`t`)}
            FROM plan_task_unit tu JOIN plan_task t ON t.id = tu.task_id
           WHERE tu.unit_id = ANY (${unitIds}::int[])
           ORDER BY tu.unit_id, t.plan_id, t.number`,
    );
    return groupByKey(
      unitIds,
      rows,
      (row) => row.unitId,
      ({ unitId: _, role, ...task }) => ({ role, task }),
    );
  });
}

/** Every progress report of each task, latest first (reportedOn, then when recorded). */
export function progressOfTaskLoader(ctx: Context) {
  return ctx.loaders.get<number, TaskProgress[]>('progressOfTask', [], async (taskIds) => {
    const rows = await ctx.db.query<ProgressRow>(
      sql`SELECT ${progressColumns} FROM task_progress pr JOIN plan_unit u ON u.id = pr.unit_id
           WHERE pr.task_id = ANY (${taskIds}::int[])
           ORDER BY pr.task_id, pr.reported_on DESC, pr.reported_at DESC, pr.id DESC`,
    );
    return groupByKey(taskIds, rows, (row) => row.taskId, toTaskProgress);
  });
}

/** A board row as SQL gives it (live) and as a frozen report keeps it (its JSON). */
export interface TaskBoardRowData {
  planId: number;
  task: PlanTask;
  latest: ProgressRow | null;
  indicators: Parameters<typeof toIndicatorValue>[0][];
}

export function toTaskBoardRow(row: TaskBoardRowData): TaskBoardRow {
  return {
    task: row.task,
    latest: row.latest ? toTaskProgress(row.latest) : null,
    indicators: row.indicators.map((value) => toIndicatorValue(value) as IndicatorValue),
  };
}

/**
 * The task board of the plans `planIds` (an int[] expression) on `asOf` (a date expression): one row per task, by plan
 * and number — columns "planId", task (its PlanTask fields), latest (the latest report on or before asOf, or null) and
 * indicators (the rows of indicatorRowsSql of the task's kinds in its county on asOf, in the enum's order).
 */
export function taskBoardSql(planIds: Sql, asOf: Sql): Sql {
  return sql`WITH task AS MATERIALIZED (SELECT ${taskColumns(sql`t`)} FROM plan_task t WHERE t.plan_id = ANY (${planIds})),
       indicator AS MATERIALIZED (${indicatorRowsSql({
         counties: sql`SELECT DISTINCT t."countyCode" AS code FROM task t`,
         asOf,
         kinds: sql`NULL::text[]`,
         order: KIND_ORDER,
       })})
     SELECT t."planId", to_jsonb(t) AS task,
            (SELECT to_jsonb(p) FROM (SELECT ${progressColumns} FROM task_progress pr JOIN plan_unit u ON u.id = pr.unit_id
                                       WHERE pr.task_id = t.id AND pr.reported_on <= ${asOf}
                                       ORDER BY pr.reported_on DESC, pr.reported_at DESC, pr.id DESC LIMIT 1) p) AS latest,
            COALESCE((SELECT jsonb_agg(to_jsonb(i) ORDER BY i."kindOrder") FROM indicator i
                       WHERE i."countyCode" = t."countyCode" AND i.kind = ANY (t."indicatorKinds")), '[]'::jsonb) AS indicators
       FROM task t
      ORDER BY t."planId", t.number`;
}

export function taskBoardLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, TaskBoardRow[]>('taskBoard', [asOf], async (planIds) => {
    const rows = await ctx.db.query<TaskBoardRowData>(taskBoardSql(sql`${planIds}::int[]`, sql`${asOf}::date`));
    return groupByKey(planIds, rows, (row) => row.planId, toTaskBoardRow);
  });
}

export interface PlanTasksSpec {
  countyCode: string;
  startYear: number;
  tasks: {
    section: string;
    sectionTitle: string;
    number: number;
    title: string;
    text: string;
    responsible: string[];
    cooperating: string[];
    serves: { kind: IndicatorKind }[];
  }[];
}

/**
 * Sets the tasks of the plan (county, startYear) and their units, creating the county's units they name: a task of
 * the same number is updated, its unit list replaced; tasks not given stay. Four statements; the plan's id.
 */
export async function setPlanTasks(db: RequestDatabase, { countyCode, startYear, tasks }: PlanTasksSpec): Promise<number> {
  const [plan] = await db.query<{ id: number }>(sql`SELECT id FROM plan WHERE county_code = ${countyCode} AND start_year = ${startYear}`);
  if (!plan) throw badUserInput('input.startYear', `no plan of ${countyCode} starting ${startYear}`);
  const unitNames = [...new Set(tasks.flatMap((task) => [...task.responsible, ...task.cooperating]))];
  await db.query(
    sql`INSERT INTO plan_unit (county_code, name) SELECT ${countyCode}, n FROM unnest(${unitNames}::text[]) WITH ORDINALITY AS w(n, i)
        ORDER BY i ON CONFLICT (county_code, name) DO NOTHING`,
  );
  const kinds = tasks.map((task) => INDICATOR_KINDS.filter((kind) => task.serves.some((served) => served.kind === kind)).join(','));
  await db.query(
    sql`INSERT INTO plan_task AS t (plan_id, county_code, section, section_title, number, title, body, indicator_kinds)
        SELECT ${plan.id}, ${countyCode}, w.section, w.section_title, w.number, w.title, w.body, COALESCE(string_to_array(nullif(w.kinds, ''), ','), '{}')
          FROM unnest(${tasks.map((t) => t.section)}::text[], ${tasks.map((t) => t.sectionTitle)}::text[], ${tasks.map((t) => t.number)}::int[],
                      ${tasks.map((t) => t.title)}::text[], ${tasks.map((t) => t.text)}::text[], ${kinds}::text[])
               AS w(section, section_title, number, title, body, kinds)
        ON CONFLICT (plan_id, number) DO UPDATE
          SET section = EXCLUDED.section, section_title = EXCLUDED.section_title, title = EXCLUDED.title, body = EXCLUDED.body,
              indicator_kinds = EXCLUDED.indicator_kinds`,
  );
  const links = tasks.flatMap((task) => [
    ...task.responsible.map((unit, i) => ({ number: task.number, unit, role: TaskUnitRole.RESPONSIBLE, position: i + 1 })),
    ...task.cooperating.map((unit, i) => ({
      number: task.number,
      unit,
      role: TaskUnitRole.COOPERATING,
      position: task.responsible.length + i + 1,
    })),
  ]);
  await db.query(
    sql`WITH removed AS (DELETE FROM plan_task_unit tu USING plan_task t
                          WHERE t.id = tu.task_id AND t.plan_id = ${plan.id} AND t.number = ANY (${tasks.map((t) => t.number)}::int[]))
        INSERT INTO plan_task_unit (task_id, unit_id, county_code, role, position)
        SELECT t.id, u.id, ${countyCode}, w.role, w.position
          FROM unnest(${links.map((l) => l.number)}::int[], ${links.map((l) => l.unit)}::text[], ${links.map((l) => l.role)}::text[],
                      ${links.map((l) => l.position)}::int[]) AS w(number, unit, role, position)
          JOIN plan_task t ON t.plan_id = ${plan.id} AND t.number = w.number
          JOIN plan_unit u ON u.county_code = ${countyCode} AND u.name = w.unit`,
  );
  return plan.id;
}

export interface TaskProgressRequest {
  taskId: string;
  reportedOn: string;
  unit: string;
  status: TaskStatus;
  text: string;
}

/**
 * Records a unit's report on a task (one per task, unit and day: the same day again replaces it). Refused with
 * BAD_USER_INPUT for an unknown task or a unit the task does not name, FORBIDDEN for a task of a county outside the
 * caller's, or a unit other than the one the caller's token acts for.
 */
export async function recordTaskProgress(
  db: RequestDatabase,
  principal: Principal,
  request: TaskProgressRequest,
  expectedVersion: number | null,
  inScope: (countyCode: string) => Promise<void>,
): Promise<TaskProgress> {
  const taskId = /^\d{1,9}$/.test(request.taskId) ? Number(request.taskId) : null;
  const [task] =
    taskId === null
      ? []
      : await db.query<{ countyCode: string; label: string; units: string[] | null; unitId: number | null }>(
          sql`SELECT t.county_code AS "countyCode", t.section || t.number || '. ' || t.title AS label,
                     ARRAY(SELECT u.name FROM plan_task_unit tu JOIN plan_unit u ON u.id = tu.unit_id
                            WHERE tu.task_id = t.id ORDER BY tu.position) AS units,
                     (SELECT u.id FROM plan_task_unit tu JOIN plan_unit u ON u.id = tu.unit_id
                       WHERE tu.task_id = t.id AND u.name = ${request.unit.trim()}) AS "unitId"
                FROM plan_task t WHERE t.id = ${taskId}`,
        );
  if (!task) throw badUserInput('input.taskId', `no key task ${request.taskId}`);
  await inScope(task.countyCode);
  const unit = request.unit.trim();
  if (principal.unit && principal.unit !== unit) {
    throw forbidden(`the caller acts for ${principal.unit} (its token's unit) and may not report for ${unit}`, 'input.unit');
  }
  if (task.unitId === null) {
    throw badUserInput('input.unit', `${unit} is not a unit of task ${task.label}; its units are ${(task.units ?? []).join('、')}`);
  }
  await expectVersion(db, {
    table: 'task_progress',
    where: sql`t.task_id = ${taskId} AND t.unit_id = ${task.unitId} AND t.reported_on = ${request.reportedOn}::date`,
    expected: expectedVersion,
    what: `the report of ${unit} on task ${task.label} for ${request.reportedOn}`,
  });
  const [row] = await db.query<ProgressRow>(
    sql`WITH pr AS (
          INSERT INTO task_progress AS p (task_id, county_code, unit_id, reported_on, status, body, reported_by, reported_role, reporter_unit)
          VALUES (${taskId}, ${task.countyCode}, ${task.unitId}, ${request.reportedOn}::date, ${request.status}, ${request.text.trim()},
                  ${principal.subject}, ${principal.role}, ${principal.unit ?? null})
          ON CONFLICT (task_id, unit_id, reported_on) DO UPDATE
            SET status = EXCLUDED.status, body = EXCLUDED.body, reported_by = EXCLUDED.reported_by,
                reported_role = EXCLUDED.reported_role, reporter_unit = EXCLUDED.reporter_unit, reported_at = clock_timestamp()
          RETURNING *)
        SELECT ${progressColumns} FROM pr JOIN plan_unit u ON u.id = pr.unit_id`,
  );
  return toTaskProgress(row);
}
