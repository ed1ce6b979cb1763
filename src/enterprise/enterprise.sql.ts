import { RequestDatabase } from '../db/request-database';
import { assertCountyExists } from '../county/county.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { byKey, groupByKey } from '../graphql/loaders';
import { Connection, connectionsByOwner, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { badUserInput } from '../graphql/errors';
import { assertNotDeleted, DeletedRecord, expectVersion, setDeleted } from '../history/versions';
import { parseCreditCode } from '../identifiers/credit-code';
import { CategoryMembership, Enterprise } from './enterprise';
import { EnterpriseCategory, ENTERPRISE_CATEGORIES } from './enterprise-category';
import { EnterpriseFilter, EnterpriseInput } from './enterprise.inputs';

export const ENTERPRISE_COLUMNS = `e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version`;
export const MEMBERSHIP_COLUMNS = `m.id, m.enterprise_id AS "enterpriseId", m.category, m.valid_from AS "validFrom", m.valid_to AS "validTo", m.version`;

/** A membership row `m` is valid on `asOf` (inclusive at both ends; open-ended when valid_to is null). */
export function membershipValidSql(m: string, asOf: string): string {
  return `(${m}.valid_from <= ${asOf} AND (${m}.valid_to IS NULL OR ${asOf} <= ${m}.valid_to))`;
}

export function enterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, Enterprise | null>('enterprise', [], async (ids) => {
    const rows = await ctx.db.query<Enterprise>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ANY($1)`, [ids]);
    return byKey(ids, rows, (enterprise) => enterprise.id, null);
  });
}

export function enterpriseByCreditCodeLoader(ctx: Context) {
  return ctx.loaders.get<string, Enterprise | null>('enterpriseByCreditCode', [], async (codes) => {
    const rows = await ctx.db.query<Enterprise>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.credit_code = ANY($1)`, [codes]);
    return byKey(codes, rows, (enterprise) => enterprise.creditCode, null);
  });
}

/** Looks an enterprise up by a credit code as a user typed it; an invalid code finds nothing. */
export async function findEnterprise(ctx: Context, creditCode: string): Promise<Enterprise | null> {
  const parsed = parseCreditCode(creditCode);
  return parsed.ok ? enterpriseByCreditCodeLoader(ctx).load(parsed.value) : null;
}

export function membershipsLoader(ctx: Context) {
  return ctx.loaders.get<number, CategoryMembership[]>('memberships', [], async (enterpriseIds) => {
    const rows = await ctx.db.query<CategoryMembership>(
      `SELECT ${MEMBERSHIP_COLUMNS}
         FROM enterprise_membership m WHERE m.enterprise_id = ANY($1)
        ORDER BY m.enterprise_id, m.valid_from, array_position($2::text[], m.category)`,
      [enterpriseIds, ENTERPRISE_CATEGORIES],
    );
    return groupByKey(enterpriseIds, rows, (membership) => membership.enterpriseId);
  });
}

export function categoriesLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, EnterpriseCategory[]>('categories', [asOf], async (enterpriseIds) => {
    const rows = await ctx.db.query<{ enterpriseId: number; category: EnterpriseCategory }>(
      `SELECT DISTINCT m.enterprise_id AS "enterpriseId", m.category, array_position($3::text[], m.category)
         FROM enterprise_membership m
        WHERE m.enterprise_id = ANY($1) AND ${membershipValidSql('m', '$2::date')}
        ORDER BY 1, 3`,
      [enterpriseIds, asOf, ENTERPRISE_CATEGORIES],
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

/** Enterprise lists of counties, ordered by name (byte order), then credit code. */
export function countyEnterprisesLoader(ctx: Context, filter: EnterpriseFilter | null, first: number | null, after: string | null) {
  const page = pageRequest(first, after, ENTERPRISE_ORDER.length);
  const asOf = filter?.asOf ?? ctx.today;
  return ctx.loaders.get<string, Connection<Enterprise>>(
    'countyEnterprises',
    [filter?.category ?? null, filter?.nameContains ?? null, asOf, page],
    async (countyCodes) => {
      const { sql, params } = pagedSql({
        rows: `SELECT e.county_code AS owner, ${ENTERPRISE_COLUMNS} FROM enterprise e
                WHERE e.county_code = ANY($1)
                  AND ($2::text IS NULL OR EXISTS (
                        SELECT 1 FROM enterprise_membership m
                         WHERE m.enterprise_id = e.id AND m.category = $2 AND ${membershipValidSql('m', '$3::date')}))
                  AND ($4::text IS NULL OR strpos(lower(e.name), lower($4)) > 0)`,
        params: [countyCodes, filter?.category ?? null, asOf, filter?.nameContains ?? null],
        sort: ENTERPRISE_ORDER,
        page,
      });
      const rows = await ctx.db.query<Enterprise & { owner: string; pageOwner: string; pageTotal: number; page_row: number | null }>(
        sql,
        params,
      );
      return connectionsByOwner(countyCodes, rows, ENTERPRISE_ORDER, page.limit, stripPaging);
    },
  );
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
  const creditCode = input.creditCode.trim().toUpperCase();
  await assertNotDeleted(db, 'enterprise', creditCode, 'input.creditCode');
  await expectVersion(db, {
    table: 'enterprise',
    where: 't.credit_code = $1',
    params: [creditCode],
    expected: expectedVersion,
    what: `enterprise ${creditCode}`,
  });
  const [enterprise] = await db.query<Enterprise>(
    `INSERT INTO enterprise AS e (credit_code, name, county_code) VALUES ($1, $2, $3)
     ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code
     RETURNING ${ENTERPRISE_COLUMNS}`,
    [creditCode, input.name.trim(), input.countyCode],
  );
  const memberships = input.memberships;
  const params = [
    enterprise.id,
    memberships.map((m) => m.category),
    memberships.map((m) => m.validFrom),
    memberships.map((m) => m.validTo ?? null),
  ];
  const wanted = `SELECT m.category, m.valid_from,
            COALESCE(m.valid_to, CASE WHEN m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW')
                                      THEN (m.valid_from + interval '3 years' - interval '1 day')::date END) AS valid_to
       FROM unnest($2::text[], $3::date[], $4::date[]) AS m(category, valid_from, valid_to)`;
  // only the memberships that differ are removed and added: the others keep their ids (and write no history)
  const same = (a: string, b: string) =>
    `${a}.category = ${b}.category AND ${a}.valid_from = ${b}.valid_from AND ${a}.valid_to IS NOT DISTINCT FROM ${b}.valid_to`;
  const [{ removed, missing }] = await db.query<{ removed: number; missing: boolean }>(
    `WITH wanted AS (${wanted}),
          removed AS (DELETE FROM enterprise_membership m
                       WHERE m.enterprise_id = $1 AND NOT EXISTS (SELECT 1 FROM wanted w WHERE ${same('w', 'm')}) RETURNING 1)
     SELECT (SELECT count(*) FROM removed)::int AS removed,
            EXISTS (SELECT 1 FROM wanted w WHERE NOT EXISTS (
              SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = $1 AND ${same('w', 'm')})) AS missing`,
    params,
  );
  if (!removed && !missing) return enterprise;
  if (missing) {
    await db.query(
      `INSERT INTO enterprise_membership (enterprise_id, category, valid_from, valid_to)
       SELECT $1, w.* FROM (${wanted}) w
        WHERE NOT EXISTS (SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = $1 AND ${same('w', 'm')})`,
      params,
    );
  }
  // the new list raised the version (unless the row's own change did already)
  const [{ version }] = await db.query<{ version: number }>(`SELECT version FROM enterprise WHERE id = $1`, [enterprise.id]);
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
  const [enterprise] = await db.query<Enterprise>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = $1`, [restored.id]);
  return enterprise;
}

export function deleteMembership(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<DeletedRecord> {
  return setDeleted(db, { table: 'enterprise_membership', key: id, deleted: true, expectedVersion, field: 'id' });
}

export async function restoreMembership(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<CategoryMembership> {
  const restored = await setDeleted(db, { table: 'enterprise_membership', key: id, deleted: false, expectedVersion, field: 'id' });
  const [membership] = await db.query<CategoryMembership>(`SELECT ${MEMBERSHIP_COLUMNS} FROM enterprise_membership m WHERE m.id = $1`, [
    restored.id,
  ]);
  return membership;
}

function normalizedCreditCode(creditCode: string): string {
  const parsed = parseCreditCode(creditCode);
  if (!parsed.ok) throw badUserInput('creditCode', parsed.reason);
  return parsed.value;
}
