import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { byKey } from '../graphql/loaders';
import { PatentStatus } from '../patent/patent-enums';
import { HighValueReason } from './high-value-reason';
import { highValueReasonsSql, highValueSql, ownedHighValueCountsSql, patentStatusSql } from './high-value.sql';

export interface PatentEvaluation {
  status: PatentStatus;
  /** empty when the patent is not high-value */
  reasons: HighValueReason[];
}

/** Status and high-value reasons of patents on one day, in one statement per batch. */
export function patentEvaluationLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, PatentEvaluation>('patentEvaluation', [asOf], async (patentIds) => {
    const rows = await ctx.db.query<PatentEvaluation & { id: number }>(
      `SELECT p.id, ${patentStatusSql('p', '$2::date')} AS status, ${highValueReasonsSql('p', '$2::date')} AS reasons
         FROM patent p WHERE p.id = ANY($1)`,
      [patentIds, asOf],
    );
    return byKey(patentIds, rows, (row) => row.id, { status: PatentStatus.PENDING, reasons: [] });
  });
}

/** Distinct high-value patents attributed to each county on asOf. */
export function countyHighValueCountLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<string, number>('countyHighValueCount', [asOf], async (countyCodes) => {
    const rows = await ctx.db.query<{ countyCode: string; count: number }>(
      `SELECT p.county_code AS "countyCode", count(*)::int AS count FROM patent p
        WHERE p.county_code = ANY($1) AND ${highValueSql('p', '$2::date')}
        GROUP BY p.county_code`,
      [countyCodes, asOf],
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
      ownedHighValueCountsSql('SELECT unnest($1::int[])', '$2::date'),
      [enterpriseIds, asOf],
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
