import { sql } from '../db/sql';
import { countyFigures } from '../figures/county-figures';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { byKey } from '../graphql/loaders';
import { PatentStatus } from '../patent/patent-enums';
import { HighValueReason } from './high-value-reason';
import { rolledSpanCountsSql, enterpriseHighValueCountsSql, patentEvaluationSql } from './spans.sql';

export interface PatentEvaluation {
  status: PatentStatus;
  /** empty when the patent is not high-value */
  reasons: HighValueReason[];
}

/** Status and high-value reasons of patents on one day, in one statement per batch. */
export function patentEvaluationLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, PatentEvaluation>('patentEvaluation', [asOf], async (patentIds) => {
    const rows = await ctx.db.query<PatentEvaluation & { id: number }>(
      patentEvaluationSql(sql.keys(patentIds, 'int'), sql`${asOf}::date`),
      {
        reusePlan: true,
      },
    );
    return byKey(patentIds, rows, (row) => row.id, { status: PatentStatus.PENDING, reasons: [] });
  });
}

/** Distinct high-value patents attributed to each county, and to the counties below it, on asOf (through the figure cache). */
export function countyHighValueCountLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, number>('countyHighValueCount', [asOf], (countyCodes) =>
    countyFigures(ctx, 'highValuePatentCount', [asOf], countyCodes, async (codes) => {
      const rows = await ctx.db.query<{ countyCode: string; highValue: number }>(
        rolledSpanCountsSql(sql`${codes}::text[]`, sql`${asOf}::date`),
      );
      return byKey(
        codes,
        rows,
        (row) => row.countyCode,
        0,
        (row) => row.highValue,
      );
    }),
  );
}

/** High-value patents each enterprise owns on asOf, alone or jointly, wherever they are attributed. */
export function enterpriseHighValueCountLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, number>('enterpriseHighValueCount', [asOf], async (enterpriseIds) => {
    const rows = await ctx.db.query<{ id: number; highValue: number }>(
      enterpriseHighValueCountsSql(sql.keys(enterpriseIds, 'int'), sql`${asOf}::date`),
      { reusePlan: true },
    );
    return byKey(
      enterpriseIds,
      rows,
      (row) => row.id,
      0,
      (row) => row.highValue,
    );
  });
}
