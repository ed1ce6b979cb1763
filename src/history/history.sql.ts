import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { Connection, connectionsByOwner, PageArgs, PagedRow, pagedSql, pageRequest, SortColumn } from '../graphql/pagination';
import { ChangeDoor, HistoryAction, HistoryEntry } from './history';

/** The part of a record each table holds, as HistoryEntry.part names it. */
export const PARTS: Record<string, string> = {
  county: 'county',
  county_statistics: 'statistics',
  plan: 'plan',
  plan_breakthrough_target: 'breakthroughTarget',
  plan_indicator_target: 'indicatorTarget',
  enterprise: 'enterprise',
  enterprise_membership: 'membership',
  innovation_platform: 'innovationPlatform',
  knowledge_value_loan: 'knowledgeValueLoan',
  patent: 'patent',
  patent_owner: 'owner',
  patent_overseas_grant: 'overseasGrant',
  patent_award: 'award',
  pledge_financing: 'pledgeFinancing',
  pledge_financing_patent: 'pledgedPatent',
  pledge_interest_payment: 'interestPayment',
  task_progress: 'taskProgress',
  patent_inventor: 'inventor',
  patent_transaction: 'transaction',
  plan_support_measure: 'supportMeasure',
  support_payment: 'supportPayment',
};

export type HistoryRecordType = 'Enterprise' | 'Patent' | 'PledgeFinancing' | 'County';

/** Newest first. */
const HISTORY_ORDER: SortColumn[] = [{ column: 'id', type: 'bigint', descending: true }];

const HISTORY_COLUMNS = sql`h.id, h.changed_at AS at, h.action, h.record_type AS "recordType", h.record_key AS "recordKey",
  h.table_name AS "tableName", h.version, h.before, h.after, h.actor, h.actor_role AS "actorRole", h.door,
  h.operation, h.request AS "operationName", h.file, h.row_number AS row, h.transaction_id::text AS "transactionId"`;

interface HistoryRow {
  id: number;
  at: Date;
  action: HistoryAction;
  recordType: string;
  recordKey: string | null;
  tableName: string;
  version: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: string | null;
  actorRole: string | null;
  door: ChangeDoor;
  operation: string | null;
  operationName: string | null;
  file: string | null;
  row: number | null;
  transactionId: string;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function camelKeys(values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!values) return null;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [camel(key), value]));
}

function toEntry(row: HistoryRow): HistoryEntry {
  const before = camelKeys(row.before);
  const after = camelKeys(row.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    recordType: row.recordType,
    recordKey: row.recordKey,
    part: PARTS[row.tableName] ?? row.tableName,
    version: row.version,
    before,
    after,
    changedFields: fields.filter((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null)),
    actor: row.actor,
    actorRole: row.actorRole,
    door: row.door,
    operation: row.operation,
    operationName: row.operationName,
    file: row.file,
    row: row.row,
    transactionId: row.transactionId,
  };
}

/** The history of the record `recordId` of one type (pages read history_record_idx). */
export function historyRowsSql(recordType: HistoryRecordType, recordId: Sql): Sql {
  return sql`SELECT ${HISTORY_COLUMNS} FROM history h WHERE h.record_type = ${recordType} AND h.record_id = ${recordId}`;
}

/** The deletions of records of the county `countyCode` (pages read history_deleted_idx). */
export function deletionRowsSql(countyCode: Sql): Sql {
  return sql`SELECT ${HISTORY_COLUMNS} FROM history h WHERE h.action = 'DELETED' AND h.county_code = ${countyCode}`;
}

/**
 * The history of records of one type, newest first (Relay pages, one statement per batch). Row Level Security shows
 * history to an ADMIN only, within its counties; the resolvers refuse everyone else first.
 */
export function historyLoader(ctx: Context, recordType: HistoryRecordType, pageArgs: PageArgs, withTotal: boolean) {
  const page = pageRequest(pageArgs, HISTORY_ORDER);
  return ctx.loaders.get<string, Connection<HistoryEntry>>('history', [recordType, page, withTotal], async (recordIds) => {
    const rows = await ctx.db.query<HistoryRow & PagedRow>(
      pagedSql({
        owners: sql`${recordIds}::text[]`,
        rowsOf: (recordId) => historyRowsSql(recordType, recordId),
        sort: HISTORY_ORDER,
        page,
        withTotal,
      }),
    );
    return connectionsByOwner(recordIds, rows, HISTORY_ORDER, page.limit, toEntry);
  });
}

/** The deletions of records of counties (any type), newest first: where an ADMIN finds what to restore. */
export function deletionsLoader(ctx: Context, pageArgs: PageArgs, withTotal: boolean) {
  const page = pageRequest(pageArgs, HISTORY_ORDER);
  return ctx.loaders.get<string, Connection<HistoryEntry>>('deletions', [page, withTotal], async (countyCodes) => {
    const rows = await ctx.db.query<HistoryRow & PagedRow>(
      pagedSql({ owners: sql`${countyCodes}::text[]`, rowsOf: deletionRowsSql, sort: HISTORY_ORDER, page, withTotal }),
    );
    return connectionsByOwner(countyCodes, rows, HISTORY_ORDER, page.limit, toEntry);
  });
}
