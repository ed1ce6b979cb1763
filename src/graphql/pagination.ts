import 'reflect-metadata';
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
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

export interface PageRequest {
  limit: number;
  /** sort key of the last row of the previous page, or null for the first page */
  after: SortKey | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, keyLength: number): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  return { limit, after: after == null ? null : decodeCursor(after, keyLength) };
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, keyLength: number): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === keyLength && key.every((part) => typeof part === 'string' || typeof part === 'number')) {
      return key;
    }
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

/** A sort column of a paged query: `column` names a column of the rows, `type` its SQL type for the cursor value. */
export interface SortColumn {
  column: string;
  type: 'text' | 'int' | 'bigint' | 'date';
  descending?: boolean;
  /** e.g. 'C' for byte order */
  collate?: string;
}

export interface PagedQuery {
  /** SQL of the matching rows; must have an `owner` column (the county or enterprise a page belongs to) */
  rows: string;
  params: unknown[];
  sort: SortColumn[];
  page: PageRequest;
}

/**
 * One statement that pages many owners' lists at once (keyset pagination): for every owner that has
 * matching rows, its total and the first `limit + 1` rows after the cursor.
 */
export function pagedSql({ rows, params, sort, page }: PagedQuery): { sql: string; params: unknown[] } {
  const expr = (s: SortColumn, alias: string) => `${alias}."${s.column}"${s.collate ? ` COLLATE "${s.collate}"` : ''}`;
  const orderBy = sort.map((s) => `${expr(s, 'm')}${s.descending ? ' DESC' : ''}`).join(', ');
  const allParams = [...params];
  let after = 'true';
  if (page.after) {
    const placeholders = page.after.map((value, i) => {
      allParams.push(value);
      return `$${allParams.length}::${sort[i].type}${sort[i].collate ? ` COLLATE "${sort[i].collate}"` : ''}`;
    });
    // (a, b, c) after (x, y, z) in the sort order: a beyond x, or a = x and b beyond y, or …
    const beyond = (i: number) => `${expr(sort[i], 'm')} ${sort[i].descending ? '<' : '>'} ${placeholders[i]}`;
    const equal = (i: number) => `${expr(sort[i], 'm')} = ${placeholders[i]}`;
    after = sort.map((_, i) => `(${[...sort.slice(0, i).map((__, j) => equal(j)), beyond(i)].join(' AND ')})`).join(' OR ');
  }
  allParams.push(page.limit + 1);
  const sql = `
    WITH matched AS (${rows}),
    totals AS (SELECT owner, count(*)::int AS total FROM matched GROUP BY owner),
    ranked AS (
      SELECT m.*, row_number() OVER (PARTITION BY m.owner ORDER BY ${orderBy}) AS page_row
        FROM matched m WHERE ${after}
    )
    SELECT t.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM totals t LEFT JOIN ranked r ON r.owner = t.owner AND r.page_row <= $${allParams.length}
     ORDER BY t.owner, r.page_row`;
  return { sql, params: allParams };
}

interface PagedRow {
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
