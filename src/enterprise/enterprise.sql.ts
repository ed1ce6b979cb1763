import { setEnterpriseTags } from '../enterprise-tags/enterprise-tags.write';
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { assertCountyExists } from '../county/county.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { byKey, groupByKey } from '../graphql/loaders';
import { asOfOrToday } from '../graphql/arguments';
import { Connection, connectionsByOwner, countsSql, PageArgs, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { countyFigures, figuresKept } from '../figures/county-figures';
import { badUserInput } from '../graphql/errors';
import { assertNotDeleted, DeletedRecord, expectVersion, setDeleted } from '../history/versions';
import { normalizeCreditCode, parseCreditCode } from '../identifiers/credit-code';
import { CategoryMembership, Enterprise } from './enterprise';
import { EnterpriseCategory, ENTERPRISE_CATEGORIES } from './enterprise-category';
import { membershipValidSql, membershipValidToSql } from './membership.sql';
import { MembershipListFilter, membershipValidToConditions, membershipValidToRangeSql } from '../alerts/list-filters';
import { EnterpriseFilter, EnterpriseInput } from './enterprise.inputs';

export const ENTERPRISE_COLUMNS = sql`e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version`;
export const MEMBERSHIP_COLUMNS = sql`m.id, m.enterprise_id AS "enterpriseId", m.category, m.valid_from AS "validFrom", m.valid_to AS "validTo", m.level, m.version`;

export function enterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, Enterprise | null>('enterprise', [], async (ids) => {
    const rows = await ctx.db.query<Enterprise>(
      sql`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ANY(${sql.keys(ids, 'int')})`,
      {
        reusePlan: true,
      },
    );
    return byKey(ids, rows, (enterprise) => enterprise.id, null);
  });
}

export function enterpriseByCreditCodeLoader(ctx: Context) {
  return ctx.loaders.get<string, Enterprise | null>('enterpriseByCreditCode', [], async (codes) => {
    const rows = await ctx.db.query<Enterprise>(
      sql`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.credit_code = ANY(${sql.keys(codes, 'text')})`,
      {
        reusePlan: true,
      },
    );
    return byKey(codes, rows, (enterprise) => enterprise.creditCode, null);
  });
}

/** The id of the enterprise of a credit code (trimmed, upper-cased); BAD_USER_INPUT on `field` when there is none. */
export async function enterpriseIdOf(db: RequestDatabase, creditCode: string, field: string): Promise<number> {
  const code = normalizeCreditCode(creditCode);
  const [enterprise] = await db.query<{ id: number }>(sql`SELECT id FROM enterprise WHERE credit_code = ${code}`);
  if (!enterprise) throw badUserInput(field, `no enterprise with credit code ${code}`);
  return enterprise.id;
}

/** Looks an enterprise up by a credit code as a user typed it; an invalid code finds nothing. */
export async function findEnterprise(ctx: Context, creditCode: string): Promise<Enterprise | null> {
  const parsed = parseCreditCode(creditCode);
  return parsed.ok ? enterpriseByCreditCodeLoader(ctx).load(parsed.value) : null;
}

export function membershipsLoader(ctx: Context, validTo: MembershipListFilter | null = null) {
  const range = [validTo?.validToFrom ?? null, validTo?.validToUntil ?? null];
  return ctx.loaders.get<number, CategoryMembership[]>('memberships', range, async (enterpriseIds) => {
    const rows = await ctx.db.query<CategoryMembership>(
      sql`SELECT ${MEMBERSHIP_COLUMNS}
         FROM enterprise_membership m WHERE m.enterprise_id = ANY(${enterpriseIds})${membershipValidToRangeSql(sql`m`, validTo)}
        ORDER BY m.enterprise_id, m.valid_from, array_position(${ENTERPRISE_CATEGORIES}::text[], m.category)`,
    );
    return groupByKey(enterpriseIds, rows, (membership) => membership.enterpriseId);
  });
}

export function categoriesLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, EnterpriseCategory[]>('categories', [asOf], async (enterpriseIds) => {
    const rows = await ctx.db.query<{ enterpriseId: number; category: EnterpriseCategory }>(
      sql`SELECT DISTINCT m.enterprise_id AS "enterpriseId", m.category, array_position(${ENTERPRISE_CATEGORIES}::text[], m.category)
         FROM enterprise_membership m
        WHERE m.enterprise_id = ANY(${sql.keys(enterpriseIds, 'int')}) AND ${membershipValidSql(sql`m`, sql`${asOf}::date`)}
        ORDER BY 1, 3`,
      { reusePlan: true },
    );
    return groupByKey(
      enterpriseIds,
      rows,
      (row) => row.enterpriseId,
      (row) => row.category,
    );
  });
}

export const ENTERPRISE_ORDER: SortColumn[] = [
  { column: 'name', type: 'text', collate: 'C' },
  { column: 'creditCode', type: 'text' },
];

/**
 * The enterprises of the county `countyCode` that the filter keeps (a page of them reads enterprise_county_name_idx).
 * A filter not given is not in the statement: each shape is planned for what it asks.
 */
export function countyEnterpriseRowsSql(countyCode: Sql, filter: Omit<EnterpriseFilter, 'asOf'>, asOf: IsoDate): Sql {
  const conditions = [sql`e.county_code = ${countyCode}`];
  if (filter.category)
    conditions.push(sql`EXISTS (SELECT 1 FROM enterprise_membership m
                         WHERE m.enterprise_id = e.id AND m.category = ${filter.category}::text
                           AND ${membershipValidSql(sql`m`, sql`${asOf}::date`)})`);
  if (filter.nameContains) conditions.push(sql`strpos(lower(e.name), lower(${filter.nameContains}::text)) > 0`);
  conditions.push(...membershipValidToConditions(sql`e`, filter.category ?? null, filter));
  return sql`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE ${sql.join(conditions, ' AND ')}`;
}

/**
 * Enterprise lists of counties, ordered by name (byte order), then credit code. A list's totalCount is a county-wide
 * figure (the list is asked only by staff who see every enterprise of the county: requireCountyWide), kept under the
 * county's data version, which every change to an enterprise or a membership raises: counting a big county's
 * enterprises under Row Level Security costs a filter per row, a page costs its size.
 */
export function countyEnterprisesLoader(ctx: Context, filter: EnterpriseFilter | null, pageArgs: PageArgs, withTotal: boolean) {
  const page = pageRequest(pageArgs, ENTERPRISE_ORDER);
  const asOf = asOfOrToday(ctx, filter?.asOf);
  const kept = [
    filter?.category ?? null,
    filter?.nameContains ?? null,
    filter?.validToFrom ?? null,
    filter?.validToUntil ?? null,
    // the day matters only to a category's memberships
    filter?.category ? asOf : null,
  ];
  const rowsOf = (county: Sql) => countyEnterpriseRowsSql(county, filter ?? {}, asOf);
  return ctx.loaders.get<string, Connection<Enterprise>>('countyEnterprises', [...kept, asOf, page, withTotal], async (countyCodes) => {
    const totals =
      withTotal && figuresKept(ctx)
        ? await countyFigures(ctx, 'enterpriseCount', kept, countyCodes, async (codes) =>
            (await ctx.db.query<{ total: number }>(countsSql(sql`${codes}::text[]`, rowsOf))).map((row) => row.total),
          )
        : null;
    const rows = await ctx.db.query<Enterprise & PagedRow>(
      pagedSql({ owners: sql.keys(countyCodes, 'text'), rowsOf, sort: ENTERPRISE_ORDER, page, withTotal: withTotal && !totals }),
      // a page of a county's list in index order: the same plan for a small county as for a big one
      { reusePlan: true },
    );
    const connections = connectionsByOwner(countyCodes, rows, ENTERPRISE_ORDER, page.limit, stripPaging);
    return totals ? connections.map((connection, i) => ({ ...connection, totalCount: totals[i] })) : connections;
  });
}

function stripPaging<T extends Enterprise>({ id, creditCode, name, countyCode, version }: T): Enterprise {
  return { id, creditCode, name, countyCode, version };
}

/**
 * Creates or updates the enterprise of a credit code and replaces its memberships: those not given are removed, those
 * new are added, the others stay as they are (with their ids), so an upsert that changes nothing keeps the version and
 * writes no history. With `expectedVersion`, CONFLICT when the stored
 * version differs; a deleted enterprise's credit code answers CONFLICT (an ADMIN may restore it).
 */
export async function upsertEnterprise(db: RequestDatabase, input: EnterpriseInput, expectedVersion?: number | null): Promise<Enterprise> {
  await assertCountyExists(db, input.countyCode, 'input.countyCode');
  const creditCode = normalizeCreditCode(input.creditCode);
  await assertNotDeleted(db, 'enterprise', creditCode, 'input.creditCode');
  await expectVersion(db, {
    table: 'enterprise',
    where: sql`t.credit_code = ${creditCode}`,
    expected: expectedVersion,
    what: `enterprise ${creditCode}`,
  });
  const [enterprise] = await db.query<Enterprise>(
    sql`INSERT INTO enterprise AS e (credit_code, name, county_code) VALUES (${creditCode}, ${input.name.trim()}, ${input.countyCode})
     ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code,
       -- a cluster is its county's: an enterprise that moves leaves it
       industry_cluster = CASE WHEN e.county_code = EXCLUDED.county_code THEN e.industry_cluster END
     RETURNING ${ENTERPRISE_COLUMNS}`,
  );
  const tagged = await setEnterpriseTags(db, enterprise, input.industryCluster, input.recognitions);
  const memberships = input.memberships;
  const id = sql`${enterprise.id}::int`;
  const wanted = sql`SELECT m.category, m.valid_from, ${membershipValidToSql(sql`m`)} AS valid_to, m.level
       FROM unnest(${memberships.map((m) => m.category)}::text[], ${memberships.map((m) => m.validFrom)}::date[],
                   ${memberships.map((m) => m.validTo ?? null)}::date[], ${memberships.map((m) => m.level ?? null)}::text[])
            AS m(category, valid_from, valid_to, level)`;
  // only the memberships that differ are removed and added: the others keep their ids (and write no history)
  const same = (a: Sql, b: Sql) =>
    sql`${a}.category = ${b}.category AND ${a}.valid_from = ${b}.valid_from AND ${a}.valid_to IS NOT DISTINCT FROM ${b}.valid_to
        AND ${a}.level IS NOT DISTINCT FROM ${b}.level`;
  const [{ removed, missing }] = await db.query<{ removed: number; missing: boolean }>(
    sql`WITH wanted AS (${wanted}),
          removed AS (DELETE FROM enterprise_membership m
                       WHERE m.enterprise_id = ${id} AND NOT EXISTS (SELECT 1 FROM wanted w WHERE ${same(sql`w`, sql`m`)}) RETURNING 1)
     SELECT (SELECT count(*) FROM removed)::int AS removed,
            EXISTS (SELECT 1 FROM wanted w WHERE NOT EXISTS (
              SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = ${id} AND ${same(sql`w`, sql`m`)})) AS missing`,
  );
  if (!removed && !missing && !tagged) return enterprise;
  if (missing) {
    await db.query(
      sql`INSERT INTO enterprise_membership (enterprise_id, category, valid_from, valid_to, level)
       SELECT ${id}, w.* FROM (${wanted}) w
        WHERE NOT EXISTS (SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = ${id} AND ${same(sql`w`, sql`m`)})`,
    );
  }
  // the new list or tags raised the version (unless the row's own change did already)
  const [{ version }] = await db.query<{ version: number }>(sql`SELECT version FROM enterprise WHERE id = ${enterprise.id}`);
  return { ...enterprise, version };
}

/** Deletes an enterprise softly, with its memberships, pledge financings, innovation platforms and loans. */
export function deleteEnterprise(db: RequestDatabase, creditCode: string, expectedVersion: number | null): Promise<DeletedRecord> {
  return setDeleted(db, {
    table: 'enterprise',
    key: normalizedCreditCode(creditCode),
    deleted: true,
    expectedVersion,
    field: 'creditCode',
  });
}

/** Restores a deleted enterprise and what was deleted with it (not what was deleted before it). */
export async function restoreEnterprise(db: RequestDatabase, creditCode: string, expectedVersion: number | null): Promise<Enterprise> {
  const restored = await setDeleted(db, {
    table: 'enterprise',
    key: normalizedCreditCode(creditCode),
    deleted: false,
    expectedVersion,
    field: 'creditCode',
  });
  const [enterprise] = await db.query<Enterprise>(sql`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ${restored.id}`);
  return enterprise;
}

export function deleteMembership(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<DeletedRecord> {
  return setDeleted(db, { table: 'enterprise_membership', key: id, deleted: true, expectedVersion, field: 'id' });
}

export async function restoreMembership(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<CategoryMembership> {
  const restored = await setDeleted(db, { table: 'enterprise_membership', key: id, deleted: false, expectedVersion, field: 'id' });
  const [membership] = await db.query<CategoryMembership>(
    sql`SELECT ${MEMBERSHIP_COLUMNS} FROM enterprise_membership m WHERE m.id = ${restored.id}`,
  );
  return membership;
}

function normalizedCreditCode(creditCode: string): string {
  const parsed = parseCreditCode(creditCode);
  if (!parsed.ok) throw badUserInput('creditCode', parsed.reason);
  return parsed.value;
}
