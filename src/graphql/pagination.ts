import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { sql, Sql } from '../db/sql';
import { isIsoDate } from './dates';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'all rows the filter matches, on every page' })
    totalCount: number;
  }
  return ConnectionClass;
}

export type SortKey = (string | number)[];

/** A sort column of a paged query: `column` names a column of the rows, `type` its SQL type for the cursor value. */
export interface SortColumn {
  column: string;
  type: 'text' | 'int' | 'bigint' | 'date';
  descending?: boolean;
  /** e.g. 'C' for byte order */
  collate?: string;
}

export interface PageRequest {
  limit: number;
  /** sort key of the last row of the previous page, or null for the first page */
  after: SortKey | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, sort: SortColumn[]): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  return { limit, after: after == null ? null : decodeCursor(after, sort) };
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const INT_RANGE = 2 ** 31;

/** Whether a cursor part can be a value of its sort column (checked before any SQL sees it). */
function fitsColumn(part: unknown, { type }: SortColumn): boolean {
  switch (type) {
    case 'text':
      return typeof part === 'string';
    case 'int':
      return Number.isInteger(part) && -INT_RANGE <= (part as number) && (part as number) < INT_RANGE;
    case 'bigint':
      return Number.isSafeInteger(part);
    case 'date':
      return typeof part === 'string' && isIsoDate(part);
  }
}

function decodeCursor(cursor: string, sort: SortColumn[]): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === sort.length && key.every((part, i) => fitsColumn(part, sort[i]))) return key;
  } catch {
    // fall through: the same answer for every unreadable cursor
  }
  throw badUserInput('after', 'is not a cursor returned by this query');
}

/** Builds a connection from up to limit + 1 rows fetched after the cursor. */
export function toConnection<T>(rows: T[], limit: number, totalCount: number, keyOf: (row: T) => SortKey): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** A sort column of the rows `alias`, with its collation. */
const sortExpression = (s: SortColumn, alias: string) =>
  s.collate ? sql`${sql.identifier(alias, s.column)} COLLATE ${sql.identifier(s.collate)}` : sql.identifier(alias, s.column);

/** The ORDER BY list of a sort over the rows `alias`. */
export function orderBySql(sort: SortColumn[], alias: string): Sql {
  return sql.join(sort.map((s) => (s.descending ? sql`${sortExpression(s, alias)} DESC` : sortExpression(s, alias))));
}

/** `(a, b, c)` after `(x, y, z)` in the sort order: a beyond x, or a = x and b beyond y, or … */
function afterSql(sort: SortColumn[], key: SortKey, alias: string): Sql {
  const values = key.map((part, i) => {
    const value = sql`${part}::${sql.raw(sort[i].type)}`;
    return sort[i].collate ? sql`${value} COLLATE ${sql.identifier(sort[i].collate!)}` : value;
  });
  const beyond = (i: number) => sql`${sortExpression(sort[i], alias)} ${sort[i].descending ? sql`<` : sql`>`} ${values[i]}`;
  const equal = (i: number) => sql`${sortExpression(sort[i], alias)} = ${values[i]}`;
  return sql.join(
    sort.map((_, i) => sql`(${sql.join([...sort.slice(0, i).map((__, j) => equal(j)), beyond(i)], ' AND ')})`),
    ' OR ',
  );
}

export interface PagedQuery {
  /** SQL of the matching rows; must have an `owner` column (the county or enterprise a page belongs to) */
  rows: Sql;
  sort: SortColumn[];
  page: PageRequest;
}

/**
 * One statement that pages many owners' lists at once (keyset pagination): for every owner that has
 * matching rows, its total and the first `limit + 1` rows after the cursor.
 */
export function pagedSql({ rows, sort, page }: PagedQuery): Sql {
  const after = page.after ? afterSql(sort, page.after, 'm') : sql`true`;
  return sql`
    WITH matched AS (${rows}),
    totals AS (SELECT owner, count(*)::int AS total FROM matched GROUP BY owner),
    ranked AS (
      SELECT m.*, row_number() OVER (PARTITION BY m.owner ORDER BY ${orderBySql(sort, 'm')}) AS page_row
        FROM matched m WHERE ${after}
    )
    SELECT t.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM totals t LEFT JOIN ranked r ON r.owner = t.owner AND r.page_row <= ${page.limit + 1}
     ORDER BY t.owner, r.page_row`;
}

/** The columns pagedSql adds to each row. */
export interface PagedRow {
  pageOwner: unknown;
  pageTotal: number;
  page_row: number | null;
}

/** Splits the rows of `pagedSql` into one connection per owner key (an empty one where nothing matched). */
export function connectionsByOwner<K, Row extends object, Node = Row>(
  owners: readonly K[],
  rows: (Row & PagedRow)[],
  sort: SortColumn[],
  limit: number,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node>[] {
  const byOwner = new Map<string, { total: number; rows: Row[] }>();
  for (const row of rows) {
    const key = String(row.pageOwner);
    const entry = byOwner.get(key) ?? { total: row.pageTotal, rows: [] };
    if (row.page_row !== null) entry.rows.push(row);
    byOwner.set(key, entry);
  }
  return owners.map((owner) => {
    const entry = byOwner.get(String(owner)) ?? { total: 0, rows: [] };
    const keyOf = (row: Row) => sort.map((s) => (row as Record<string, string | number>)[s.column]);
    const connection = toConnection(entry.rows, limit, entry.total, keyOf);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: toNode(edge.node) })) };
  });
}
