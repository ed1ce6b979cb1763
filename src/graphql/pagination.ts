import 'reflect-metadata';
import { GraphQLResolveInfo, Kind, SelectionNode } from 'graphql';
import { ArgsType, ClassType, createParameterDecorator, Field, Int, ObjectType } from 'type-graphql';
import { sql, Sql } from '../db/sql';
import { isIsoDate } from './dates';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information', simpleResolvers: true })
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
  /** null when the query did not ask for it (it is counted only then) */
  totalCount: number | null;
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
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

/** The arguments of every connection field: `@Args(() => PageArgs) page: PageArgs`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `0 to ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "a cursor from this same connection (an edge's cursor or endCursor): the page starts after that row",
  })
  after?: string | null;
}

export interface PageRequest {
  limit: number;
  /** sort key of the last row of the previous page, or null for the first page */
  after: SortKey | null;
}

export function pageRequest({ first, after }: PageArgs, sort: SortColumn[]): PageRequest {
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
      // PostgreSQL text holds no NUL character
      return typeof part === 'string' && !part.includes('\u0000');
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

/**
 * Builds a connection from up to limit + 1 rows fetched after the cursor. An edge's cursor is encoded when it is read
 * (most queries select nodes only), from the row's sort key.
 */
export function toConnection<Row, Node = Row>(
  rows: Row[],
  limit: number,
  totalCount: number | null,
  keyOf: (row: Row) => SortKey,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({
    node: toNode(row),
    get cursor() {
      return encodeCursor(keyOf(row));
    },
  }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(keyOf(page[page.length - 1])) : null },
  };
}

/** A sort column of the rows `alias`, with its collation. */
const sortExpression = (s: SortColumn, alias: string) =>
  s.collate ? sql`${sql.identifier(alias, s.column)} COLLATE ${sql.identifier(s.collate)}` : sql.identifier(alias, s.column);

/** The ORDER BY list of a sort over the rows `alias`. */
export function orderBySql(sort: SortColumn[], alias: string): Sql {
  return sql.join(sort.map((s) => (s.descending ? sql`${sortExpression(s, alias)} DESC` : sortExpression(s, alias))));
}

/**
 * `(a, b, c)` after `(x, y, z)` in the sort order: a beyond x, or a = x and b beyond y, or … — with the first column's
 * bound repeated on its own (`a >= x`, or `a <= x` descending), which is what lets an index start the page at the cursor.
 */
export function afterSql(sort: SortColumn[], key: SortKey, alias: string): Sql {
  const values = key.map((part, i) => {
    const value = sql`${part}::${sql.raw(sort[i].type)}`;
    return sort[i].collate ? sql`${value} COLLATE ${sql.identifier(sort[i].collate!)}` : value;
  });
  const beyond = (i: number) => sql`${sortExpression(sort[i], alias)} ${sort[i].descending ? sql`<` : sql`>`} ${values[i]}`;
  const equal = (i: number) => sql`${sortExpression(sort[i], alias)} = ${values[i]}`;
  const start = sql`${sortExpression(sort[0], alias)} ${sort[0].descending ? sql`<=` : sql`>=`} ${values[0]}`;
  const later = sql.join(
    sort.map((_, i) => sql`(${sql.join([...sort.slice(0, i).map((__, j) => equal(j)), beyond(i)], ' AND ')})`),
    ' OR ',
  );
  return sql`${start} AND (${later})`;
}

/** The count of one owner's list: a row with the column "total". */
const countOf = (rows: Sql) => sql`SELECT count(*)::int AS total FROM (${rows}) counted`;

export interface PagedQuery {
  /** the owners (counties, enterprises, records) whose lists are paged, as an SQL array, e.g. sql`${codes}::text[]` */
  owners: Sql;
  /** the rows of the list of one owner (an SQL expression of its key) that the filter keeps */
  rowsOf: (owner: Sql) => Sql;
  sort: SortColumn[];
  page: PageRequest;
  /** also count each owner's rows: only when the connection's totalCount was asked for (selectsField) */
  withTotal: boolean;
  /** rows as many as rowsOf's, from fewer tables, to count (an enterprise's ownerships for its patents); rowsOf's by default */
  countedOf?: (owner: Sql) => Sql;
}

/**
 * One statement that pages many owners' lists at once (keyset pagination): for each owner in turn, the first
 * `limit + 1` rows after the cursor in the sort order — read from an index in that order where the list has one, so
 * a page costs its size, not the list's — and its total only when asked (a count of its own, not a window over the
 * list). Rows: "pageOwner", "pageTotal", "pageRow" (null for an owner whose page is empty) and the list's columns.
 */
export function pagedSql({ owners, rowsOf, countedOf = rowsOf, sort, page, withTotal }: PagedQuery): Sql {
  const after = page.after ? afterSql(sort, page.after, 'r') : sql`true`;
  // once per owner (a LATERAL of the owner), not once per row of its page
  const total = withTotal ? countOf(countedOf(sql`o.owner`)) : sql`SELECT NULL::int AS total`;
  return sql`
    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest(${owners}) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (${total}) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (${rowsOf(sql`o.owner`)}) r
         WHERE ${after} ORDER BY ${orderBySql(sort, 'r')} LIMIT ${page.limit + 1}
      ) r ON true
     ORDER BY o.ord, ${orderBySql(sort, 'r')}`;
}

/** One statement counting many owners' lists (rowsOf, as for pagedSql): a row "total" per owner, in the owners' order. */
export function countsSql(owners: Sql, rowsOf: (owner: Sql) => Sql): Sql {
  return sql`
    SELECT t.total FROM unnest(${owners}) WITH ORDINALITY AS o(owner, ord) CROSS JOIN LATERAL (${countOf(rowsOf(sql`o.owner`))}) t
     ORDER BY o.ord`;
}

/** The columns pagedSql adds to each row. */
export interface PagedRow {
  pageOwner: unknown;
  pageTotal: number | null;
  pageRow: boolean | null;
}

/** Splits the rows of `pagedSql` into one connection per owner key (an empty one where nothing matched). */
export function connectionsByOwner<K, Row extends object, Node = Row>(
  owners: readonly K[],
  rows: (Row & PagedRow)[],
  sort: SortColumn[],
  limit: number,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node>[] {
  const byOwner = new Map<string, { total: number | null; rows: Row[] }>();
  for (const row of rows) {
    const key = String(row.pageOwner);
    const entry = byOwner.get(key) ?? { total: row.pageTotal, rows: [] };
    if (row.pageRow) entry.rows.push(row);
    byOwner.set(key, entry);
  }
  const keyOf = (row: Row) => sort.map((s) => (row as Record<string, string | number>)[s.column]);
  return owners.map((owner) => {
    const entry = byOwner.get(String(owner)) ?? { total: 0, rows: [] };
    return toConnection(entry.rows, limit, entry.total, keyOf, toNode);
  });
}

/**
 * The names of the fields selected at `path` below the field being resolved (directly, or through fragments), each
 * once; a field under @skip or @include counts as selected.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const walk = (selections: readonly SelectionNode[], depth: number): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet.selections, depth);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet.selections, depth);
      } else if (depth === path.length) names.add(selection.name.value);
      else if (selection.name.value === path[depth] && selection.selectionSet) walk(selection.selectionSet.selections, depth + 1);
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) walk(node.selectionSet.selections, 0);
  return names;
}

/** Whether the field being resolved selects `name` among its sub-fields: a connection counts its rows only when its `totalCount` is asked for. */
export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => selectedFields(info).has(name);

/** A resolver's parameter: whether the connection it resolves is asked for its totalCount (counted only then). */
export const TotalCountAsked = () => createParameterDecorator(({ info }) => selectsField(info, 'totalCount'));

/** A resolver's parameter: the fields the connection it resolves selects of its nodes (`edges { node { … } }`). */
export const NodeFieldsAsked = () => createParameterDecorator(({ info }) => selectedFields(info, ['edges', 'node']));
