import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { missingCounties, noCountyReason } from '../county/county.sql';
import { Enterprise } from '../enterprise/enterprise';
import { ENTERPRISE_COLUMNS } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { badUserInput, conflict } from '../graphql/errors';
import { DeletedRecord, deletedKeys, expectVersion, setDeleted } from '../history/versions';
import { byKey, groupByKey } from '../graphql/loaders';
import { asOfOrToday } from '../graphql/arguments';
import { Connection, connectionsByOwner, PageArgs, PagedRow, pagedSql, PageRequest, pageRequest, SortColumn } from '../graphql/pagination';
import { keptHighValueSql } from '../high-value/spans.sql';
import { parseApplicationNumber } from '../identifiers/application-number';
import { normalizeCreditCode } from '../identifiers/credit-code';
import { OverseasGrant, Patent, PatentAward } from './patent';
import { PatentFilter, PatentInput } from './patent.inputs';
import { PatentType } from './patent-type';
import { IsoDate } from '../graphql/dates';
import { writeAnnuitiesPaidThrough } from '../annuity/annuity.write';
import { patentListConditions, patentListFilterKey, PatentListFilter } from '../alerts/list-filters';
import { INVENTOR_LIST, inventorList } from '../inventor/inventor.sql';
import { TRANSACTION_LIST, transactionList } from '../transaction/transaction.sql';

/** The Patent fields of the patent `p` that a list reads only when the query selects them. */
const LIST_FIELD_COLUMNS = {
  title: sql`p.title`,
  type: sql`p.type`,
  grantDate: sql`p.grant_date AS "grantDate"`,
  lapseDate: sql`p.lapse_date AS "lapseDate"`,
  ipcCodes: sql`p.ipc_codes AS "ipcCodes"`,
  strategicIndustry: sql`p.strategic_industry AS "strategicIndustry"`,
  version: sql`p.version`,
};
export type ListField = keyof typeof LIST_FIELD_COLUMNS;
const ALL_LIST_FIELDS = Object.keys(LIST_FIELD_COLUMNS) as ListField[];

/** The Patent fields a list can answer without a field resolver: those it always reads, and the others when asked. */
export const PATENT_LIST_FIELDS: readonly string[] = ['id', 'applicationNumber', 'filingDate', ...ALL_LIST_FIELDS];

/**
 * A Patent's columns of the patent `p`, its filing date and application number read from the given copies: the key,
 * the sort columns and the county (what the patent's field resolvers read) always, the other fields of `fields`.
 */
const patentColumns = (filingDate: Sql, applicationNumber: Sql, fields: readonly ListField[] = ALL_LIST_FIELDS) =>
  sql.join([
    sql`p.id, ${applicationNumber} AS "applicationNumber", p.county_code AS "countyCode", ${filingDate} AS "filingDate"`,
    ...fields.map((field) => LIST_FIELD_COLUMNS[field]),
  ]);

export const PATENT_COLUMNS = patentColumns(sql`p.filing_date`, sql`p.application_number`);

export function patentLoader(ctx: Context) {
  return ctx.loaders.get<number, Patent | null>('patent', [], async (ids) => {
    const rows = await ctx.db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ANY(${sql.keys(ids, 'int')})`, {
      reusePlan: true,
    });
    return byKey(ids, rows, (patent) => patent.id, null);
  });
}

export function patentByNumberLoader(ctx: Context) {
  return ctx.loaders.get<string, Patent | null>('patentByNumber', [], async (numbers) => {
    const rows = await ctx.db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.application_number = ANY(${numbers})`);
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
      sql`SELECT patent_id AS "patentId", jurisdiction, grant_date AS "grantDate", route, publication_number AS "publicationNumber"
         FROM patent_overseas_grant
        WHERE patent_id = ANY(${patentIds}) ORDER BY patent_id, grant_date, jurisdiction`,
    );
    return groupByKey(patentIds, rows, (grant) => grant.patentId);
  });
}

export function awardsLoader(ctx: Context) {
  return ctx.loaders.get<number, PatentAward[]>('awards', [], async (patentIds) => {
    const rows = await ctx.db.query<PatentAward>(
      sql`SELECT patent_id AS "patentId", kind, year FROM patent_award WHERE patent_id = ANY(${patentIds}) ORDER BY patent_id, year, kind`,
    );
    return groupByKey(patentIds, rows, (award) => award.patentId);
  });
}

export function ownersLoader(ctx: Context) {
  return ctx.loaders.get<number, Enterprise[]>('patentOwners', [], async (patentIds) => {
    const rows = await ctx.db.query<Enterprise & { patentId: number }>(
      sql`SELECT po.patent_id AS "patentId", ${ENTERPRISE_COLUMNS}
         FROM patent_owner po JOIN enterprise e ON e.id = po.enterprise_id
        WHERE po.patent_id = ANY(${patentIds}) ORDER BY po.patent_id, po.position`,
    );
    return groupByKey(
      patentIds,
      rows,
      (row) => row.patentId,
      ({ patentId: _, ...enterprise }) => enterprise,
    );
  });
}

export const PATENT_ORDER: SortColumn[] = [
  { column: 'filingDate', type: 'date', descending: true },
  { column: 'applicationNumber', type: 'text' },
];

export type PatentOwnerKind = 'enterprise' | 'county';

export interface PatentListFilterOf {
  type: PatentType | null;
  highValueOnly: boolean;
  asOf: IsoDate;
  more?: PatentListFilter | null;
}

/** The conditions on the patent `p` of a list's filter; a filter not given is not in the statement: each shape is planned for what it asks. */
function patentConditions(filter: PatentListFilterOf): Sql[] {
  const conditions: Sql[] = [];
  if (filter.type) conditions.push(sql`p.type = ${filter.type}::text`);
  if (filter.highValueOnly) conditions.push(keptHighValueSql(sql`p`, sql`${filter.asOf}::date`));
  conditions.push(...patentListConditions(sql`p`, sql`${filter.asOf}::date`, filter.more));
  return conditions;
}

/**
 * The patents of an enterprise (its id) or a county (its code) that the filter keeps: an enterprise's are those it
 * owns, alone or jointly (a page of them reads patent_owner_enterprise_idx); a county's are those attributed to it (a
 * page of them reads patent_county_filing_idx).
 */
function patentListRowsSql(of: PatentOwnerKind, owner: Sql, filter: PatentListFilterOf, fields: readonly ListField[]): Sql {
  const conditions = sql.join(
    patentConditions(filter).map((condition) => sql` AND ${condition}`),
    '',
  );
  // an enterprise's list is sorted by its ownerships' copies of the sort columns, in the order of their index
  return of === 'enterprise'
    ? sql`SELECT ${patentColumns(sql`po.patent_filing_date`, sql`po.patent_application_number`, fields)}
            FROM patent_owner po JOIN patent p ON p.id = po.patent_id WHERE po.enterprise_id = ${owner}${conditions}`
    : sql`SELECT ${patentColumns(sql`p.filing_date`, sql`p.application_number`, fields)} FROM patent p WHERE p.county_code = ${owner}${conditions}`;
}

/**
 * As many rows as an enterprise's unfiltered list, without its patents: its ownerships, an index-only scan. Whoever
 * sees an ownership sees its patent (the patent's county or an owner's county is the caller's), and an ownership of a
 * deleted patent is hidden like the patent.
 */
const ownershipsSql = (owner: Sql) => sql`SELECT 1 FROM patent_owner po WHERE po.enterprise_id = ${owner}`;

/** The pages of the patent lists of `owners` (an SQL array of enterprise ids or county codes), with the given fields. */
export function patentPagesSql(
  of: PatentOwnerKind,
  owners: Sql,
  filter: PatentListFilterOf,
  page: PageRequest,
  withTotal: boolean,
  fields: readonly ListField[],
): Sql {
  return pagedSql({
    owners,
    rowsOf: (owner) => patentListRowsSql(of, owner, filter, fields),
    countedOf: of === 'enterprise' && patentConditions(filter).length === 0 ? ownershipsSql : undefined,
    sort: PATENT_ORDER,
    page,
    withTotal,
  });
}

/**
 * Patent lists of enterprises (the patents they own, alone or jointly) or of counties (the patents
 * attributed to them), by filing date descending, then application number. A list's patents carry the fields the
 * query selects of them (`selected`: the node's fields, NodeFieldsAsked) and those their field resolvers read.
 */
export function patentListLoader(
  ctx: Context,
  of: PatentOwnerKind,
  filter: PatentFilter | null,
  pageArgs: PageArgs,
  withTotal: boolean,
  selected: ReadonlySet<string>,
) {
  const page = pageRequest(pageArgs, PATENT_ORDER);
  const asOf = asOfOrToday(ctx, filter?.asOf);
  const highValueOnly = filter?.highValueOnly ?? false;
  const listFilter: PatentListFilterOf = { type: filter?.type ?? null, highValueOnly, asOf, more: filter };
  const fields = ALL_LIST_FIELDS.filter((field) => selected.has(field));
  return ctx.loaders.get<number | string, Connection<Patent>>(
    'patentList',
    [of, filter?.type ?? null, highValueOnly, asOf, page, withTotal, fields.join(), ...patentListFilterKey(filter)],
    async (owners) => {
      const rows = await ctx.db.query<Patent & PagedRow>(
        patentPagesSql(of, sql.keys(owners, of === 'enterprise' ? 'int' : 'text'), listFilter, page, withTotal, fields),
        { reusePlan: true },
      );
      return connectionsByOwner(owners, rows, PATENT_ORDER, page.limit);
    },
  );
}

interface OwnerRef {
  id: number;
  countyCode: string;
}

/** The enterprises of the given credit codes (normalized: trimmed, upper case), by code; unknown codes are absent. */
async function enterprisesByCreditCodes(db: RequestDatabase, creditCodes: string[]): Promise<Map<string, OwnerRef>> {
  const codes = [...new Set(creditCodes.map(normalizeCreditCode))];
  if (codes.length === 0) return new Map();
  const rows = await db.query<OwnerRef & { creditCode: string }>(
    sql`SELECT id, credit_code AS "creditCode", county_code AS "countyCode" FROM enterprise WHERE credit_code = ANY(${codes})`,
  );
  return new Map(rows.map(({ creditCode, ...owner }) => [creditCode, owner]));
}

const noEnterpriseReason = (code: string) => `no enterprise with credit code ${code}`;

export type PatentWriteStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** What became of one input of upsertPatents: written (or found identical), or refused with the field (relative to the input) and the reason. */
export type PatentWriteOutcome =
  | { ok: true; id: number; applicationNumber: string; status: PatentWriteStatus }
  | { ok: false; field: string; reason: string; code?: 'CONFLICT' };

/** The replacement lists of one patent, as jsonb text; null: not given, left as it is. */
interface PatentLists {
  owners: string | null;
  overseasGrants: string | null;
  awards: string | null;
  inventors: string | null;
  transactions: string | null;
}

/**
 * Creates or replaces the patents of many inputs in a few set-based statements (unnest), with the rules of
 * upsertPatent (which is this function for one input): the application number normalized, the county and every
 * owner must exist, the given lists replace the stored ones, lists not given and IPC codes not given stay. A row or
 * list equal to the stored one is not written at all (compared in the same statement), so each input answers
 * CREATED, UPDATED or UNCHANGED. An input that breaks a rule is refused alone; the others are written. Inputs are
 * expected to have passed PatentInput's validation (the GraphQL argument validation, or class-validator's validate).
 */
export async function upsertPatents(db: RequestDatabase, inputs: PatentInput[]): Promise<PatentWriteOutcome[]> {
  const outcomes: (PatentWriteOutcome | undefined)[] = new Array(inputs.length);
  const refuse = (i: number, field: string, reason: string, code?: 'CONFLICT') => {
    outcomes[i] ??= { ok: false, field, reason, ...(code ? { code } : {}) };
  };
  const numbers: string[] = inputs.map((input, i) => {
    const parsed = parseApplicationNumber(input.applicationNumber);
    if (!parsed.ok) refuse(i, 'applicationNumber', parsed.reason);
    return parsed.ok ? parsed.value : '';
  });
  const firstIndex = new Map<string, number>();
  numbers.forEach((number, i) => {
    if (outcomes[i]) return;
    const first = firstIndex.get(number);
    if (first === undefined) firstIndex.set(number, i);
    else refuse(i, 'applicationNumber', `${number} is also input ${first} of the same batch`);
  });
  const pending = () => inputs.map((_, i) => i).filter((i) => !outcomes[i]);

  // a deleted patent keeps its application number until an ADMIN restores it
  const deleted = await deletedKeys(
    db,
    'patent',
    pending().map((i) => numbers[i]),
  );
  for (const i of pending()) if (deleted.has(numbers[i])) refuse(i, 'applicationNumber', deleted.get(numbers[i])!, 'CONFLICT');

  const missing = await missingCounties(
    db,
    pending().map((i) => inputs[i].countyCode),
  );
  for (const i of pending()) if (missing.has(inputs[i].countyCode)) refuse(i, 'countyCode', noCountyReason(inputs[i].countyCode));

  const ownerCodes = (input: PatentInput) => (input.ownerCreditCodes ?? []).map(normalizeCreditCode);
  const owners = await enterprisesByCreditCodes(
    db,
    pending().flatMap((i) => ownerCodes(inputs[i])),
  );
  for (const i of pending()) {
    const codes = ownerCodes(inputs[i]);
    const unknown = codes.findIndex((code) => !owners.has(code));
    if (unknown >= 0) refuse(i, `ownerCreditCodes[${unknown}]`, noEnterpriseReason(codes[unknown]));
  }

  const write = pending();
  if (write.length === 0) return outcomes as PatentWriteOutcome[];
  const rows = write.map((i) => ({ index: i, number: numbers[i], input: inputs[i] }));
  const given = <T>(value: (input: PatentInput) => T) => rows.map((row) => value(row.input));
  const ipcCodes = given((input) => (input.ipcCodes ? JSON.stringify(input.ipcCodes.map((code) => code.trim().toUpperCase())) : null));
  const ownersOf = (input: PatentInput) => ownerCodes(input).map((code) => owners.get(code)!);
  // a new patent's owner counties as its owners' trigger will find them, so that it need not rewrite every new patent;
  // the trigger stays the rule (hvp_owner_counties_of): a guess it finds wrong it rewrites
  const ownerCounties = given((input) => JSON.stringify([...new Set(ownersOf(input).map((owner) => owner.countyCode))].sort()));
  const written = await db.query<{ ord: number; id: number; status: PatentWriteStatus }>(
    sql`WITH input AS (
       SELECT i.*, e.id AS existing_id,
              CASE WHEN i.ipc IS NULL THEN COALESCE(e.ipc_codes, '{}') ELSE ARRAY(SELECT jsonb_array_elements_text(i.ipc)) END AS ipc_codes
         FROM unnest(${rows.map((row) => row.number)}::text[], ${given((input) => input.title.trim())}::text[],
                     ${given((input) => input.type)}::text[], ${given((input) => input.countyCode)}::text[],
                     ${given((input) => input.filingDate)}::date[], ${given((input) => input.grantDate ?? null)}::date[],
                     ${given((input) => input.lapseDate ?? null)}::date[], ${ipcCodes}::jsonb[],
                     ${given((input) => input.strategicIndustry ?? null)}::text[], ${ownerCounties}::jsonb[])
              WITH ORDINALITY AS i(application_number, title, type, county_code, filing_date, grant_date, lapse_date, ipc, strategic_industry,
                                   owner_counties, ord)
         -- a probe by key for each row (OFFSET 0): joined, the planner hashed the whole table at every batch
         LEFT JOIN LATERAL (SELECT e.id, e.ipc_codes FROM patent e WHERE e.application_number = i.application_number OFFSET 0) e ON true
     ), written AS (
       INSERT INTO patent AS p (application_number, title, type, county_code, filing_date, grant_date, lapse_date, ipc_codes, strategic_industry,
                                owner_county_codes)
       SELECT application_number, title, type, county_code, filing_date, grant_date, lapse_date, ipc_codes, strategic_industry,
              ARRAY(SELECT jsonb_array_elements_text(owner_counties))
         FROM input ORDER BY ord
       ON CONFLICT (application_number) DO UPDATE SET
         title = EXCLUDED.title, type = EXCLUDED.type, county_code = EXCLUDED.county_code,
         filing_date = EXCLUDED.filing_date, grant_date = EXCLUDED.grant_date, lapse_date = EXCLUDED.lapse_date,
         ipc_codes = EXCLUDED.ipc_codes, strategic_industry = EXCLUDED.strategic_industry
       WHERE (p.title, p.type, p.county_code, p.filing_date, p.grant_date, p.lapse_date, p.ipc_codes, p.strategic_industry)
             IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.type, EXCLUDED.county_code, EXCLUDED.filing_date, EXCLUDED.grant_date,
                               EXCLUDED.lapse_date, EXCLUDED.ipc_codes, EXCLUDED.strategic_industry)
       RETURNING p.id, p.application_number
     )
     SELECT i.ord::int AS ord, COALESCE(w.id, i.existing_id) AS id,
            CASE WHEN i.existing_id IS NULL THEN 'CREATED' WHEN w.id IS NULL THEN 'UNCHANGED' ELSE 'UPDATED' END AS status
       FROM input i LEFT JOIN written w ON w.application_number = i.application_number
      ORDER BY i.ord`,
  );
  const ids = written.map((row) => row.id);
  const statuses = written.map((row) => row.status);
  const lists: PatentLists[] = rows.map(({ input }) => ({
    owners: input.ownerCreditCodes ? JSON.stringify(ownersOf(input).map((owner) => owner.id)) : null,
    overseasGrants: input.overseasGrants
      ? JSON.stringify(
          [...input.overseasGrants]
            .sort((a, b) => byC(a.jurisdiction, b.jurisdiction))
            .map((g) => [g.jurisdiction, g.grantDate, g.route ?? null, g.publicationNumber?.trim().toUpperCase() || null]),
        )
      : null,
    awards: input.awards
      ? JSON.stringify([...input.awards].sort((a, b) => byC(a.kind, b.kind) || a.year - b.year).map((a) => [a.kind, a.year]))
      : null,
    inventors: inventorList(input.inventors),
    transactions: transactionList(input.transactions),
  }));
  const changes = [
    await replaceOwners(
      db,
      ids,
      lists.map((l) => l.owners),
    ),
  ];
  for (const list of PATENT_LISTS) {
    changes.push(
      await replacePatentList(
        db,
        list,
        ids,
        lists.map((l) => l[list.name]),
      ),
    );
  }
  changes.push(
    await writeAnnuitiesPaidThrough(
      db,
      ids,
      rows.map((row) => row.input.annuityPaidThrough),
    ),
  );
  for (const changed of changes) {
    statuses.forEach((status, k) => {
      if (status === 'UNCHANGED' && changed.has(ids[k])) statuses[k] = 'UPDATED';
    });
  }
  rows.forEach((row, k) => {
    outcomes[row.index] = { ok: true, id: ids[k], applicationNumber: row.number, status: statuses[k] };
  });
  return outcomes as PatentWriteOutcome[];
}

const byC = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A list a patent input replaces as a whole: how the stored one reads as jsonb (to compare) and how the wanted one is inserted. */
interface PatentListSql {
  name: Exclude<keyof PatentLists, 'owners'>;
  table: 'patent_overseas_grant' | 'patent_award' | typeof INVENTOR_LIST.table | typeof TRANSACTION_LIST.table;
  /** the stored list of the patent w.patent_id, as jsonb */
  stored: Sql;
  /** inserts the lists `lists` (jsonb[]) of the patents `ids` (int[]) */
  insert: (ids: Sql, lists: Sql) => Sql;
}

const PATENT_LISTS: PatentListSql[] = [
  {
    name: 'overseasGrants',
    table: 'patent_overseas_grant',
    stored: sql`SELECT COALESCE(jsonb_agg(jsonb_build_array(t.jurisdiction, t.grant_date::text, t.route, t.publication_number)
                                        ORDER BY t.jurisdiction COLLATE "C"), '[]')
               FROM patent_overseas_grant t WHERE t.patent_id = w.patent_id`,
    insert: (ids, lists) => sql`INSERT INTO patent_overseas_grant (patent_id, jurisdiction, grant_date, route, publication_number)
             SELECT w.patent_id, g.item ->> 0, (g.item ->> 1)::date, g.item ->> 2, g.item ->> 3
               FROM unnest(${ids}, ${lists}) AS w(patent_id, list), jsonb_array_elements(w.list) AS g(item)`,
  },
  {
    name: 'awards',
    table: 'patent_award',
    stored: sql`SELECT COALESCE(jsonb_agg(jsonb_build_array(t.kind, t.year) ORDER BY t.kind COLLATE "C", t.year), '[]')
               FROM patent_award t WHERE t.patent_id = w.patent_id`,
    insert: (ids, lists) => sql`INSERT INTO patent_award (patent_id, kind, year)
             SELECT w.patent_id, a.item ->> 0, (a.item ->> 1)::int
               FROM unnest(${ids}, ${lists}) AS w(patent_id, list), jsonb_array_elements(w.list) AS a(item)`,
  },
  INVENTOR_LIST,
  TRANSACTION_LIST,
];

/**
 * Replaces the owners of the patents given an owner list, as far as the caller sees them (two statements at most, as
 * for the other lists); answers the patents whose owners changed. A caller sees only the owners of its counties (Row
 * Level Security hides the other enterprises), so a list it read and writes back lacks the others: they keep their
 * positions, and the given owners take, in their order, the positions of the owners the caller saw, then positions
 * after the last owner (PatentInput.ownerCreditCodes). A list equal to the owners the caller sees changes nothing.
 */
async function replaceOwners(db: RequestDatabase, ids: number[], wanted: (string | null)[]): Promise<Set<number>> {
  const given = ids.map((id, k) => ({ id, list: wanted[k] })).filter((entry) => entry.list !== null);
  if (given.length === 0) return new Set();
  // a look-up by key for each owner row (OFFSET 0 keeps the planner from turning it into a join that scans every
  // enterprise of the scope once per patent when its estimates are off, as after a bulk load)
  const seen = (owner: Sql) => sql`EXISTS (SELECT 1 FROM enterprise e WHERE e.id = ${owner}.enterprise_id OFFSET 0)`;
  const changed = await db.query<{ patentId: number; owners: string }>(
    sql`WITH w AS (SELECT * FROM unnest(${given.map((entry) => entry.id)}::int[], ${given.map((entry) => entry.list)}::jsonb[]) AS w(patent_id, list)),
          changed AS (SELECT w.patent_id, w.list FROM w
                       WHERE w.list IS DISTINCT FROM (SELECT COALESCE(jsonb_agg(t.enterprise_id ORDER BY t.position), '[]') FROM patent_owner t
                                                       WHERE t.patent_id = w.patent_id AND ${seen(sql`t`)})),
          -- the k-th given owner: the position of the k-th owner the caller saw, else the next one after the last owner
          placed AS (SELECT c.patent_id,
                            jsonb_agg(jsonb_build_array((g.item #>> '{}')::int, COALESCE(slot.position, stored.last + g.k - stored.seen)) ORDER BY g.k) AS owners
                       FROM changed c CROSS JOIN LATERAL jsonb_array_elements(c.list) WITH ORDINALITY AS g(item, k)
                       CROSS JOIN LATERAL (SELECT COALESCE(max(t.position), 0) AS last, (count(*) FILTER (WHERE ${seen(sql`t`)}))::int AS seen
                                             FROM patent_owner t WHERE t.patent_id = c.patent_id) stored
                       LEFT JOIN LATERAL (SELECT t.position FROM patent_owner t WHERE t.patent_id = c.patent_id AND ${seen(sql`t`)}
                                           ORDER BY t.position OFFSET g.k - 1 LIMIT 1) slot ON true
                      GROUP BY c.patent_id),
          -- the changed patents' rows by key: joined, the planner read every ownership and probed its enterprise
          removed AS (DELETE FROM patent_owner t WHERE t.patent_id = ANY (ARRAY(SELECT c.patent_id FROM changed c)) AND ${seen(sql`t`)})
     SELECT c.patent_id AS "patentId", COALESCE(p.owners, '[]')::text AS owners FROM changed c LEFT JOIN placed p ON p.patent_id = c.patent_id`,
  );
  if (changed.length > 0) {
    await db.query(
      sql`INSERT INTO patent_owner (patent_id, enterprise_id, position)
          SELECT w.patent_id, (o.item ->> 0)::int, (o.item ->> 1)::int
            FROM unnest(${changed.map((row) => row.patentId)}::int[], ${changed.map((row) => row.owners)}::jsonb[]) AS w(patent_id, list),
                 jsonb_array_elements(w.list) AS o(item)`,
    );
  }
  return new Set(changed.map((row) => row.patentId));
}

/** Replaces the given lists that differ from the stored ones (two statements at most); answers the patents whose list changed. */
async function replacePatentList(db: RequestDatabase, list: PatentListSql, ids: number[], wanted: (string | null)[]): Promise<Set<number>> {
  const given = ids.map((id, k) => ({ id, list: wanted[k] })).filter((entry) => entry.list !== null);
  if (given.length === 0) return new Set();
  const changed = await db.query<{ patentId: number; list: string }>(
    sql`WITH w AS (SELECT * FROM unnest(${given.map((entry) => entry.id)}::int[], ${given.map((entry) => entry.list)}::jsonb[]) AS w(patent_id, list)),
          changed AS (SELECT w.patent_id, w.list FROM w WHERE w.list IS DISTINCT FROM (${list.stored})),
          removed AS (DELETE FROM ${sql.identifier(list.table)} t USING changed c WHERE t.patent_id = c.patent_id)
     SELECT patent_id AS "patentId", list::text AS list FROM changed`,
  );
  if (changed.length > 0) {
    await db.query(list.insert(sql`${changed.map((row) => row.patentId)}::int[]`, sql`${changed.map((row) => row.list)}::jsonb[]`));
  }
  return new Set(changed.map((row) => row.patentId));
}

/**
 * Creates or replaces the patent of an application number; lists not given stay as they were. With `expectedVersion`,
 * CONFLICT when the stored version differs.
 */
export async function upsertPatent(db: RequestDatabase, input: PatentInput, expectedVersion?: number | null): Promise<Patent> {
  const parsed = parseApplicationNumber(input.applicationNumber);
  if (parsed.ok) {
    await expectVersion(db, {
      table: 'patent',
      where: sql`t.application_number = ${parsed.value}`,
      expected: expectedVersion,
      what: `patent ${parsed.value}`,
    });
  }
  const [outcome] = await upsertPatents(db, [input]);
  if (!outcome.ok) throw (outcome.code === 'CONFLICT' ? conflict : badUserInput)(`input.${outcome.field}`, outcome.reason);
  const [patent] = await db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ${outcome.id}`);
  return patent;
}

export function deletePatent(db: RequestDatabase, applicationNumber: string, expectedVersion: number | null): Promise<DeletedRecord> {
  return setDeleted(db, {
    table: 'patent',
    key: normalizedNumber(applicationNumber),
    deleted: true,
    expectedVersion,
    field: 'applicationNumber',
  });
}

export async function restorePatent(db: RequestDatabase, applicationNumber: string, expectedVersion: number | null): Promise<Patent> {
  const restored = await setDeleted(db, {
    table: 'patent',
    key: normalizedNumber(applicationNumber),
    deleted: false,
    expectedVersion,
    field: 'applicationNumber',
  });
  const [patent] = await db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ${restored.id}`);
  return patent;
}

function normalizedNumber(applicationNumber: string): string {
  const parsed = parseApplicationNumber(applicationNumber);
  if (!parsed.ok) throw badUserInput('applicationNumber', parsed.reason);
  return parsed.value;
}
