import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import { DEFAULT_AWARD_KINDS, measureNumber, SupportMeasure, SupportMeasureInput, SupportMeasureKind } from './support-measure';

export const MEASURE_COLUMNS = sql`m.plan_id AS "planId", m.number, m.position, m.text, m.responsible_units AS "responsibleUnits", m.kind,
  m.max_amount AS "maxAmount",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('awardKind', a.key, 'maxAmount', a.value #>> '{}') ORDER BY a.key COLLATE "C")
              FROM jsonb_each(m.max_amount_by_award) a), '[]') AS "maxAmountsByAward",
  COALESCE(m.award_kinds, '{}') AS "awardKinds", COALESCE(m.routes, '{}') AS routes,
  m.min_chinese_grants AS "minChineseGrants", m.min_foreign_grants AS "minForeignGrants",
  CASE WHEN m.kind = 'PLEDGE_INTEREST_SUBSIDY' THEN pl.pledge_interest_subsidy_rate::float8 END AS rate`;

/** Plan.supportMeasures: in the plan's order. */
export function supportMeasuresLoader(ctx: Context) {
  return ctx.loaders.get<number, SupportMeasure[]>('supportMeasures', [], async (planIds) => {
    const rows = await ctx.db.query<SupportMeasure>(
      sql`SELECT ${MEASURE_COLUMNS} FROM plan_support_measure m JOIN plan pl ON pl.id = m.plan_id
           WHERE m.plan_id = ANY(${planIds}) ORDER BY m.plan_id, m.position`,
    );
    return groupByKey(planIds, rows, (measure) => measure.planId);
  });
}

/** The stored row of one input: the number normalized, the kind's defaults filled in. */
function measureRow(input: SupportMeasureInput, position: number) {
  const title = input.kind === SupportMeasureKind.TITLE_ELIGIBILITY;
  return {
    number: measureNumber(input.number),
    position,
    text: input.text.trim(),
    responsible_units: input.responsibleUnits?.trim() || null,
    kind: input.kind,
    max_amount: input.maxAmount ?? null,
    max_amount_by_award: input.maxAmountsByAward?.length
      ? Object.fromEntries(input.maxAmountsByAward.map((a) => [a.awardKind, Number(a.maxAmount).toFixed(2)]))
      : null,
    award_kinds: input.awardKinds ?? DEFAULT_AWARD_KINDS[input.kind] ?? null,
    routes: input.routes ?? null,
    min_chinese_grants: title ? (input.minChineseGrants ?? 3) : null,
    min_foreign_grants: title ? (input.minForeignGrants ?? 2) : null,
  };
}

/**
 * Replaces a plan's support measures, in the given order, when they differ from the stored ones (one statement, two
 * when they do); true when they did.
 */
export async function replaceSupportMeasures(db: RequestDatabase, planId: number, inputs: SupportMeasureInput[]): Promise<boolean> {
  const rows = JSON.stringify(inputs.map((input, i) => measureRow(input, i + 1)));
  const wanted = sql`SELECT w.number, w.position, w.text, w.responsible_units, w.kind, w.max_amount::numeric(18, 2) AS max_amount,
                            w.max_amount_by_award, w.award_kinds, w.routes, w.min_chinese_grants, w.min_foreign_grants
                       FROM jsonb_to_recordset(${rows}::jsonb) AS w(number text, position int, text text, responsible_units text, kind text,
                            max_amount numeric, max_amount_by_award jsonb, award_kinds text[], routes text[], min_chinese_grants int,
                            min_foreign_grants int)`;
  const id = sql`${planId}::int`;
  const [{ changed }] = await db.query<{ changed: boolean }>(
    sql`WITH wanted AS (${wanted}),
          stored AS (SELECT number, position, text, responsible_units, kind, max_amount, max_amount_by_award, award_kinds, routes,
                            min_chinese_grants, min_foreign_grants FROM plan_support_measure WHERE plan_id = ${id}),
          diff AS (SELECT EXISTS (SELECT * FROM wanted EXCEPT SELECT * FROM stored)
                       OR EXISTS (SELECT * FROM stored EXCEPT SELECT * FROM wanted) AS changed),
          removed AS (DELETE FROM plan_support_measure t WHERE t.plan_id = ${id} AND (SELECT changed FROM diff))
     SELECT changed FROM diff`,
  );
  if (changed) {
    await db.query(
      sql`INSERT INTO plan_support_measure (plan_id, number, position, text, responsible_units, kind, max_amount, max_amount_by_award,
                                            award_kinds, routes, min_chinese_grants, min_foreign_grants)
          SELECT ${id}, w.* FROM (${wanted}) w`,
    );
  }
  return changed;
}
