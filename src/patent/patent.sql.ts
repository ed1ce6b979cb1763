import { RequestDatabase } from '../db/request-database';
import { assertCountyExists } from '../county/county.sql';
import { Enterprise } from '../enterprise/enterprise';
import { ENTERPRISE_COLUMNS } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { byKey, groupByKey } from '../graphql/loaders';
import { Connection, connectionsByOwner, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { highValueSql } from '../high-value/high-value.sql';
import { parseApplicationNumber } from '../identifiers/application-number';
import { OverseasGrant, Patent, PatentAward } from './patent';
import { PatentFilter, PatentInput } from './patent.inputs';

export const PATENT_COLUMNS = `p.id, p.application_number AS "applicationNumber", p.title, p.type, p.county_code AS "countyCode",
  p.filing_date AS "filingDate", p.grant_date AS "grantDate", p.lapse_date AS "lapseDate", p.ipc_codes AS "ipcCodes",
  p.strategic_industry AS "strategicIndustry"`;

export function patentLoader(ctx: Context) {
  return ctx.loaders.get<number, Patent | null>('patent', [], async (ids) => {
    const rows = await ctx.db.query<Patent>(`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ANY($1)`, [ids]);
    return byKey(ids, rows, (patent) => patent.id, null);
  });
}

export function patentByNumberLoader(ctx: Context) {
  return ctx.loaders.get<string, Patent | null>('patentByNumber', [], async (numbers) => {
    const rows = await ctx.db.query<Patent>(
      `SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.application_number = ANY($1)`,
      [numbers],
    );
    return byKey(numbers, rows, (patent) => patent.applicationNumber, null);
  });
}

/** Looks a patent up by an application number in any accepted spelling; an invalid number finds nothing. */
export async function findPatent(ctx: Context, applicationNumber: string): Promise<Patent | null> {
  const parsed = parseApplicationNumber(applicationNumber);
  return parsed.ok ? patentByNumberLoader(ctx).load(parsed.value) : null;
}

export function overseasGrantsLoader(ctx: Context) {
  return ctx.loaders.get<number, OverseasGrant[]>('overseasGrants', [], async (patentIds) => {
    const rows = await ctx.db.query<OverseasGrant>(
      `SELECT patent_id AS "patentId", jurisdiction, grant_date AS "grantDate" FROM patent_overseas_grant
        WHERE patent_id = ANY($1) ORDER BY patent_id, grant_date, jurisdiction`,
      [patentIds],
    );
    return groupByKey(patentIds, rows, (grant) => grant.patentId);
  });
}

export function awardsLoader(ctx: Context) {
  return ctx.loaders.get<number, PatentAward[]>('awards', [], async (patentIds) => {
    const rows = await ctx.db.query<PatentAward>(
      `SELECT patent_id AS "patentId", kind, year FROM patent_award WHERE patent_id = ANY($1) ORDER BY patent_id, year, kind`,
      [patentIds],
    );
    return groupByKey(patentIds, rows, (award) => award.patentId);
  });
}

export function ownersLoader(ctx: Context) {
  return ctx.loaders.get<number, Enterprise[]>('patentOwners', [], async (patentIds) => {
    const rows = await ctx.db.query<Enterprise & { patentId: number }>(
      `SELECT po.patent_id AS "patentId", ${ENTERPRISE_COLUMNS}
         FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
        WHERE po.patent_id = ANY($1) ORDER BY po.patent_id, po.position`,
      [patentIds],
    );
    return groupByKey(patentIds, rows, (row) => row.patentId, ({ patentId: _, ...enterprise }) => enterprise);
  });
}

export const PATENT_ORDER: SortColumn[] = [
  { column: 'filingDate', type: 'date', descending: true },
  { column: 'applicationNumber', type: 'text' },
];

type PatentOwnerKind = 'enterprise' | 'county';

/**
 * Patent lists of enterprises (the patents they own, alone or jointly) or of counties (the patents
 * attributed to them), by filing date descending, then application number.
 */
export function patentListLoader(
  ctx: Context,
  of: PatentOwnerKind,
  filter: PatentFilter | null,
  first: number | null,
  after: string | null,
) {
  const page = pageRequest(first, after, PATENT_ORDER.length);
  const asOf = filter?.asOf ?? ctx.today;
  const highValueOnly = filter?.highValueOnly ?? false;
  return ctx.loaders.get<number | string, Connection<Patent>>(
    'patentList',
    [of, filter?.type ?? null, highValueOnly, asOf, page],
    async (owners) => {
      const source =
        of === 'enterprise'
          ? `SELECT po.enterprise_id AS owner, ${PATENT_COLUMNS} FROM patent_owner po JOIN patent p ON p.id = po.patent_id
              WHERE po.enterprise_id = ANY($1::int[])`
          : `SELECT p.county_code AS owner, ${PATENT_COLUMNS} FROM patent p WHERE p.county_code = ANY($1::text[])`;
      const { sql, params } = pagedSql({
        rows: `${source} AND ($2::text IS NULL OR p.type = $2) AND (NOT $3 OR ${highValueSql('p', '$4::date')})`,
        params: [owners, filter?.type ?? null, highValueOnly, asOf],
        sort: PATENT_ORDER,
        page,
      });
      const rows = await ctx.db.query<Patent & { owner: unknown; pageOwner: unknown; pageTotal: number; page_row: number | null }>(sql, params);
      return connectionsByOwner(owners, rows, PATENT_ORDER, page.limit, toPatent);
    },
  );
}

function toPatent(row: Patent): Patent {
  const { id, applicationNumber, title, type, countyCode, filingDate, grantDate, lapseDate, ipcCodes, strategicIndustry } = row;
  return { id, applicationNumber, title, type, countyCode, filingDate, grantDate, lapseDate, ipcCodes, strategicIndustry };
}

/** Ids of the enterprises of the given credit codes; refuses the whole list when one is unknown. */
export async function enterpriseIdsByCreditCode(db: RequestDatabase, creditCodes: string[], field: string): Promise<number[]> {
  const codes = creditCodes.map((code) => code.trim().toUpperCase());
  const rows = await db.query<{ id: number; creditCode: string }>(
    `SELECT id, credit_code AS "creditCode" FROM enterprise WHERE credit_code = ANY($1)`,
    [codes],
  );
  const ids = new Map(rows.map((row) => [row.creditCode, row.id]));
  const unknown = codes.findIndex((code) => !ids.has(code));
  if (unknown >= 0) throw badUserInput(`${field}[${unknown}]`, `no enterprise with credit code ${codes[unknown]}`);
  return codes.map((code) => ids.get(code)!);
}

/** Creates or replaces the patent of an application number; lists not given stay as they were. */
export async function upsertPatent(db: RequestDatabase, input: PatentInput): Promise<Patent> {
  const parsed = parseApplicationNumber(input.applicationNumber);
  if (!parsed.ok) throw badUserInput('input.applicationNumber', parsed.reason);
  await assertCountyExists(db, input.countyCode, 'input.countyCode');
  const ownerIds = input.ownerCreditCodes
    ? await enterpriseIdsByCreditCode(db, input.ownerCreditCodes, 'input.ownerCreditCodes')
    : null;
  const ipcCodes = input.ipcCodes?.map((code) => code.trim().toUpperCase()) ?? null;
  const [patent] = await db.query<Patent>(
    `INSERT INTO patent AS p (application_number, title, type, county_code, filing_date, grant_date, lapse_date, ipc_codes, strategic_industry)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::text[], '{}'), $9)
     ON CONFLICT (application_number) DO UPDATE SET
       title = EXCLUDED.title, type = EXCLUDED.type, county_code = EXCLUDED.county_code,
       filing_date = EXCLUDED.filing_date, grant_date = EXCLUDED.grant_date, lapse_date = EXCLUDED.lapse_date,
       ipc_codes = COALESCE($8::text[], p.ipc_codes), strategic_industry = EXCLUDED.strategic_industry
     RETURNING ${PATENT_COLUMNS}`,
    [
      parsed.value,
      input.title.trim(),
      input.type,
      input.countyCode,
      input.filingDate,
      input.grantDate ?? null,
      input.lapseDate ?? null,
      ipcCodes,
      input.strategicIndustry ?? null,
    ],
  );
  if (input.overseasGrants) {
    const grants = input.overseasGrants;
    await db.query(`DELETE FROM patent_overseas_grant WHERE patent_id = $1`, [patent.id]);
    await db.query(
      `INSERT INTO patent_overseas_grant (patent_id, jurisdiction, grant_date)
       SELECT $1, g.jurisdiction, g.grant_date FROM unnest($2::text[], $3::date[]) AS g(jurisdiction, grant_date)`,
      [patent.id, grants.map((g) => g.jurisdiction), grants.map((g) => g.grantDate)],
    );
  }
  if (input.awards) {
    const awards = input.awards;
    await db.query(`DELETE FROM patent_award WHERE patent_id = $1`, [patent.id]);
    await db.query(
      `INSERT INTO patent_award (patent_id, kind, year) SELECT $1, a.kind, a.year FROM unnest($2::text[], $3::int[]) AS a(kind, year)`,
      [patent.id, awards.map((a) => a.kind), awards.map((a) => a.year)],
    );
  }
  if (ownerIds) {
    await db.query(`DELETE FROM patent_owner WHERE patent_id = $1`, [patent.id]);
    await db.query(
      `INSERT INTO patent_owner (patent_id, enterprise_id, position)
       SELECT $1, o.enterprise_id, o.position FROM unnest($2::int[]) WITH ORDINALITY AS o(enterprise_id, position)`,
      [patent.id, ownerIds],
    );
  }
  return patent;
}
