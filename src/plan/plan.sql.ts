import { Context } from '../graphql/context';
import { byKey, groupByKey } from '../graphql/loaders';
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { expectVersion } from '../history/versions';
import { BreakthroughTarget, IndicatorTarget, Plan } from './plan';
import { PlanInput } from './plan.inputs';
import { assertCountyExists } from '../county/county.sql';
import { ENTERPRISE_CATEGORIES } from '../enterprise/enterprise-category';
import { INDICATOR_KINDS } from '../indicator/indicator-kind';
import { replaceSupportMeasures } from '../support/support-measure.sql';

/**
 * The plan in force in a year: the county's plan with the latest start year not after that year.
 * A query of one row per county that has one, with the plan's columns, for the SQL expression `year`.
 */
export function plansInForceSql(year: Sql): Sql {
  return sql`SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= ${year}
           ORDER BY pl.county_code, pl.start_year DESC`;
}

/** The same rule for one county: at most one row of `columns` (alias pl), for SQL expressions `countyCode` and `year`. */
export function planInForceSql(countyCode: Sql, year: Sql, columns: Sql = sql`pl.*`): Sql {
  return sql`SELECT ${columns} FROM (${plansInForceSql(year)}) pl WHERE pl.county_code = ${countyCode}`;
}

const PLAN_COLUMNS = sql`p.id, p.county_code AS "countyCode", p.title, p.start_year AS "startYear", p.end_year AS "endYear",
  p.high_pledge_threshold AS "highPledgeThreshold", p.pledge_interest_subsidy_rate::float8 AS "pledgeInterestSubsidyRate", p.version`;

export function planInForceLoader(ctx: Context, year: number) {
  return ctx.loaders.get<string, Plan | null>('planInForce', [year], async (countyCodes) => {
    const rows = await ctx.db.query<Plan>(
      sql`SELECT DISTINCT ON (p.county_code) ${PLAN_COLUMNS} FROM plan p
        WHERE p.county_code = ANY(${countyCodes}) AND p.start_year <= ${year} ORDER BY p.county_code, p.start_year DESC`,
    );
    return byKey(countyCodes, rows, (plan) => plan.countyCode, null);
  });
}

export function plansOfCountyLoader(ctx: Context) {
  return ctx.loaders.get<string, Plan[]>('plansOfCounty', [], async (countyCodes) => {
    const rows = await ctx.db.query<Plan>(
      sql`SELECT ${PLAN_COLUMNS} FROM plan p WHERE p.county_code = ANY(${countyCodes}) ORDER BY p.county_code, p.start_year`,
    );
    return groupByKey(countyCodes, rows, (plan) => plan.countyCode);
  });
}

export function breakthroughTargetsLoader(ctx: Context) {
  return ctx.loaders.get<number, BreakthroughTarget[]>('breakthroughTargets', [], async (planIds) => {
    const rows = await ctx.db.query<BreakthroughTarget>(
      sql`SELECT plan_id AS "planId", category, min_high_value_patents AS "minHighValuePatents"
         FROM plan_breakthrough_target WHERE plan_id = ANY(${planIds})
        ORDER BY plan_id, array_position(${ENTERPRISE_CATEGORIES}::text[], category)`,
    );
    return groupByKey(planIds, rows, (target) => target.planId);
  });
}

export function indicatorTargetsLoader(ctx: Context) {
  return ctx.loaders.get<number, IndicatorTarget[]>('indicatorTargets', [], async (planIds) => {
    const rows = await ctx.db.query<IndicatorTarget>(
      sql`SELECT plan_id AS "planId", kind, target FROM plan_indicator_target WHERE plan_id = ANY(${planIds})
        ORDER BY plan_id, array_position(${INDICATOR_KINDS}::text[], kind)`,
    );
    return groupByKey(planIds, rows, (target) => target.planId);
  });
}

/**
 * Creates or replaces the plan of (county, startYear), with its targets, in one transaction step; a target list equal
 * to the stored one is not rewritten (the version stays when nothing changed). A pledgeInterestSubsidyRate left
 * undefined keeps the stored rate; null clears it. With `expectedVersion`, CONFLICT when the stored version differs.
 */
export async function upsertPlan(db: RequestDatabase, input: PlanInput, expectedVersion?: number | null): Promise<Plan> {
  await assertCountyExists(db, input.countyCode, 'input.countyCode');
  await expectVersion(db, {
    table: 'plan',
    where: sql`t.county_code = ${input.countyCode} AND t.start_year = ${input.startYear}`,
    expected: expectedVersion,
    what: `the plan of ${input.countyCode} starting ${input.startYear}`,
  });
  const [plan] = await db.query<Plan>(
    sql`INSERT INTO plan AS p (county_code, title, start_year, end_year, high_pledge_threshold, pledge_interest_subsidy_rate)
     VALUES (${input.countyCode}, ${input.title.trim()}, ${input.startYear}, ${input.endYear}, ${input.highPledgeThreshold},
             ${input.pledgeInterestSubsidyRate ?? null})
     ON CONFLICT (county_code, start_year) DO UPDATE
       SET title = EXCLUDED.title, end_year = EXCLUDED.end_year, high_pledge_threshold = EXCLUDED.high_pledge_threshold,
           pledge_interest_subsidy_rate =
             CASE WHEN ${input.pledgeInterestSubsidyRate !== undefined} THEN EXCLUDED.pledge_interest_subsidy_rate
                  ELSE p.pledge_interest_subsidy_rate END
     RETURNING ${PLAN_COLUMNS}`,
  );
  let changed = await replaceTargets(db, {
    table: 'plan_breakthrough_target',
    columns: ['category', 'min_high_value_patents'],
    types: ['text', 'int'],
    planId: plan.id,
    values: [input.breakthroughTargets.map((t) => t.category), input.breakthroughTargets.map((t) => t.minHighValuePatents)],
  });
  if (input.indicatorTargets) {
    changed =
      (await replaceTargets(db, {
        table: 'plan_indicator_target',
        columns: ['kind', 'target'],
        types: ['text', 'float8'],
        planId: plan.id,
        values: [input.indicatorTargets.map((t) => t.kind), input.indicatorTargets.map((t) => t.target)],
      })) || changed;
  }
  if (input.supportMeasures) changed = (await replaceSupportMeasures(db, plan.id, input.supportMeasures)) || changed;
  if (!changed) return plan;
  // the new targets raised the version (unless the row's own change did already)
  const [{ version }] = await db.query<{ version: number }>(sql`SELECT version FROM plan WHERE id = ${plan.id}`);
  return { ...plan, version };
}

interface TargetList {
  table: 'plan_breakthrough_target' | 'plan_indicator_target';
  columns: [string, string];
  types: ['text', 'int' | 'float8'];
  planId: number;
  values: [unknown[], unknown[]];
}

/** Replaces a plan's target list when it differs from the stored one (one statement, two when it does); true when it did. */
async function replaceTargets(db: RequestDatabase, { table, columns: [a, b], types, planId, values }: TargetList): Promise<boolean> {
  const wanted = sql`SELECT w.a, w.b FROM unnest(${values[0]}::${sql.raw(types[0])}[], ${values[1]}::${sql.raw(types[1])}[]) AS w(a, b)`;
  const id = sql`${planId}::int`;
  const targets = sql.identifier(table);
  const [{ changed }] = await db.query<{ changed: boolean }>(
    sql`WITH wanted AS (${wanted}),
          stored AS (SELECT t.${sql.identifier(a)} AS a, t.${sql.identifier(b)} AS b FROM ${targets} t WHERE t.plan_id = ${id}),
          diff AS (SELECT EXISTS (SELECT * FROM wanted EXCEPT SELECT * FROM stored)
                       OR EXISTS (SELECT * FROM stored EXCEPT SELECT * FROM wanted) AS changed),
          removed AS (DELETE FROM ${targets} t WHERE t.plan_id = ${id} AND (SELECT changed FROM diff))
     SELECT changed FROM diff`,
  );
  if (changed) {
    await db.query(
      sql`INSERT INTO ${targets} (plan_id, ${sql.identifier(a)}, ${sql.identifier(b)}) SELECT ${id}, w.a, w.b FROM (${wanted}) w`,
    );
  }
  return changed;
}
