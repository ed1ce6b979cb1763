import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { byKey } from '../graphql/loaders';
import { PatentStatus } from '../patent/patent-enums';
import { HighValueReason } from './high-value-reason';
import { countyHighValueCountsSql, ownedHighValueCountsSql, patentEvaluationSql } from './high-value.sql';

export interface PatentEvaluation {
  status: PatentStatus;
  /** empty when the patent is not high-value */
  reasons: HighValueReason[];
}

/** Status and high-value reasons of patents on one day, in one statement per batch. */
export function patentEvaluationLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, PatentEvaluation>('patentEvaluation', [asOf], async (patentIds) => {
    const rows = await ctx.db.query<PatentEvaluation & { id: number }>(patentEvaluationSql(sql`${patentIds}::int[]`, sql`${asOf}::date`));
    return byKey(patentIds, rows, (row) => row.id, { status: PatentStatus.PENDING, reasons: [] });
  });
}

/** Distinct high-value patents attributed to each county on asOf. */
export function countyHighValueCountLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, number>('countyHighValueCount', [asOf], async (countyCodes) => {
    const rows = await ctx.db.query<{ countyCode: string; count: number }>(
      countyHighValueCountsSql(sql`${countyCodes}::text[]`, sql`${asOf}::date`),
    );
    return byKey(
      countyCodes,
      rows,
      (row) => row.countyCode,
      0,
      (row) => row.count,
    );
  });
}

/** High-value patents each enterprise owns on asOf, alone or jointly, wherever they are attributed. */
export function enterpriseHighValueCountLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, number>('enterpriseHighValueCount', [asOf], async (enterpriseIds) => {
    const rows = await ctx.db.query<{ enterprise_id: number; high_value: number }>(
      ownedHighValueCountsSql(sql`SELECT unnest(${enterpriseIds}::int[])`, sql`${asOf}::date`),
    );
    return byKey(
      enterpriseIds,
      rows,
      (row) => row.enterprise_id,
      0,
      (row) => row.high_value,
    );
  });
}
