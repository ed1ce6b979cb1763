/**
 * The filters that make alerts and candidates usable (issue 13), added to the existing list fields as optional
 * arguments: patents by status on a day, by filing date and by high-value reason; enterprises by the last day (validTo)
 * of a membership. Each is a predicate over the list's row, built from the rule homes (patentStatusSql, keptReasonsSql).
 */
import { sql, Sql } from '../db/sql';
import { patentStatusSql } from '../high-value/high-value.sql';
import { HighValueReason } from '../high-value/high-value-reason';
import { keptReasonsSql } from '../high-value/spans.sql';
import { PatentStatus } from '../patent/patent-enums';

export interface PatentListFilter {
  status?: PatentStatus | null;
  filedFrom?: string | null;
  filedUntil?: string | null;
  highValueReason?: HighValueReason | null;
}

/** The filter's values, as the key of a list's DataLoader. */
export const patentListFilterKey = (filter: PatentListFilter | null | undefined) => [
  filter?.status ?? null,
  filter?.filedFrom ?? null,
  filter?.filedUntil ?? null,
  filter?.highValueReason ?? null,
];

/**
 * The conditions the patent row `p` must meet for the filter on asOf (status and reason judged on asOf; filing dates
 * inclusive); none without a filter, so that a list's statement has only what it asks for.
 */
export function patentListConditions(p: Sql, asOf: Sql, filter: PatentListFilter | null | undefined): Sql[] {
  const [status, filedFrom, filedUntil, reason] = patentListFilterKey(filter);
  const conditions: Sql[] = [];
  if (status) conditions.push(sql`${patentStatusSql(p, asOf)} = ${status}::text`);
  if (filedFrom) conditions.push(sql`${p}.filing_date >= ${filedFrom}::date`);
  if (filedUntil) conditions.push(sql`${p}.filing_date <= ${filedUntil}::date`);
  if (reason) conditions.push(sql`${reason}::text = ANY (${keptReasonsSql(p, asOf)})`);
  return conditions;
}

export interface MembershipListFilter {
  validToFrom?: string | null;
  validToUntil?: string | null;
}

/** ` AND …`, nothing without a range: the membership row `m`'s validTo lies in the range (inclusive). */
export function membershipValidToRangeSql(m: Sql, filter: MembershipListFilter | null | undefined): Sql {
  const from = filter?.validToFrom ?? null;
  const until = filter?.validToUntil ?? null;
  if (!from && !until) return sql.empty;
  return sql` AND ${m}.valid_to >= COALESCE(${from}::date, '-infinity') AND ${m}.valid_to <= COALESCE(${until}::date, 'infinity')`;
}

/**
 * The condition, when the filter names a range, that the enterprise `e` has a membership (of `category` when given)
 * whose validTo lies in it (inclusive); a membership without validTo (open-ended) has none.
 */
export function membershipValidToConditions(e: Sql, category: string | null, filter: MembershipListFilter | null | undefined): Sql[] {
  if (!filter?.validToFrom && !filter?.validToUntil) return [];
  return [
    sql`EXISTS (SELECT 1 FROM enterprise_membership vm WHERE vm.enterprise_id = ${e}.id
                   ${category ? sql`AND vm.category = ${category}::text` : sql.empty}${membershipValidToRangeSql(sql`vm`, filter)})`,
  ];
}
