import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { groupByKey } from '../graphql/loaders';
import type { OverseasGrantInput } from '../patent/patent.inputs';
import { PatentTransaction, PatentTransactionInput } from './transaction';

/**
 * The commercialisation events (转化运营) of the patent whose id is the SQL expression `patentId`: its recorded
 * transactions and the pledge financings that pledge it (质押, on the registration day, the lender as counterparty).
 * Columns: kind, occurred_on, counterparty, record_number, financing_id. Deleted financings are hidden by their policy.
 */
export function commercialisationEventsSql(patentId: Sql): Sql {
  return sql`SELECT t.kind, t.occurred_on, t.counterparty, t.record_number, NULL::int AS financing_id
               FROM patent_transaction t WHERE t.patent_id = ${patentId}
             UNION ALL
             SELECT 'PLEDGE', f.registered_on, f.lender, NULL::text, f.id
               FROM pledge_financing_patent fp JOIN pledge_financing f ON f.id = fp.pledge_financing_id
              WHERE fp.patent_id = ${patentId}`;
}

/**
 * 已转化运营 (commercialised) on the day `asOf`: the patent `p` (an alias with an id) has at least one
 * commercialisation event on or before that day — a transfer, licence, open licence, equity contribution, declared own
 * implementation, or a pledge financing registered by then. The one home of the rule; the support measures embed it.
 */
export const commercialisedSql = (p: Sql, asOf: Sql) =>
  sql`EXISTS (SELECT 1 FROM (${commercialisationEventsSql(sql`${p}.id`)}) ev WHERE ev.occurred_on <= ${asOf})`;

export const COMMERCIALISED_DESCRIPTION =
  '已转化运营: true when the patent has at least one commercialisation event on or before asOf — a recorded 转让 (assignment), ' +
  '许可 (licence), 开放许可 (open licence), 作价入股 (equity contribution) or declared 自行实施 (own implementation), or a pledge ' +
  'financing registered by then that pledges it (质押)';

export function transactionsLoader(ctx: Context) {
  return ctx.loaders.get<number, PatentTransaction[]>('patentTransactions', [], async (patentIds) => {
    const rows = await ctx.db.query<PatentTransaction>(
      sql`SELECT p.id AS "patentId", ev.kind, ev.occurred_on AS "occurredOn", ev.counterparty, ev.record_number AS "recordNumber",
                 ev.financing_id AS "financingId"
            FROM patent p CROSS JOIN LATERAL (${commercialisationEventsSql(sql`p.id`)}) ev
           WHERE p.id = ANY(${patentIds})
           ORDER BY p.id, ev.occurred_on, ev.kind, ev.counterparty`,
    );
    return groupByKey(patentIds, rows, (event) => event.patentId);
  });
}

export function commercialisedLoader(ctx: Context, asOf: string) {
  return ctx.loaders.get<number, boolean>('patentCommercialised', [asOf], async (patentIds) => {
    const rows = await ctx.db.query<{ id: number; commercialised: boolean }>(
      sql`SELECT p.id, ${commercialisedSql(sql`p`, sql`${asOf}::date`)} AS commercialised FROM patent p WHERE p.id = ANY(${patentIds})`,
    );
    const byId = new Map(rows.map((row) => [row.id, row.commercialised]));
    return patentIds.map((id) => byId.get(id) ?? false);
  });
}

const transactionKey = (t: { kind: string; occurredOn: string; counterparty?: string | null }) =>
  `${t.kind} ${t.occurredOn} ${(t.counterparty ?? '').trim()}`;

/** The transactions of a PatentInput as the list the patent upsert compares and writes (jsonb text), or null when not given. */
export function transactionList(transactions: PatentTransactionInput[] | null | undefined): string | null {
  if (!transactions) return null;
  const sorted = [...transactions].sort((a, b) =>
    transactionKey(a) < transactionKey(b) ? -1 : transactionKey(a) > transactionKey(b) ? 1 : 0,
  );
  return JSON.stringify(sorted.map((t) => [t.kind, t.occurredOn, (t.counterparty ?? '').trim(), t.recordNumber?.trim() || null]));
}

export { transactionKey };

/** patent_transaction as a list of the patent upsert (src/patent/patent.sql.ts, PATENT_LISTS). */
export const TRANSACTION_LIST = {
  name: 'transactions' as const,
  table: 'patent_transaction' as const,
  stored: sql`SELECT COALESCE(jsonb_agg(jsonb_build_array(t.kind, t.occurred_on::text, t.counterparty, t.record_number)
                                        ORDER BY t.kind COLLATE "C", t.occurred_on, t.counterparty COLLATE "C"), '[]')
               FROM patent_transaction t WHERE t.patent_id = w.patent_id`,
  insert: (ids: Sql, lists: Sql) => sql`INSERT INTO patent_transaction (patent_id, kind, occurred_on, counterparty, record_number)
             SELECT w.patent_id, x.item ->> 0, (x.item ->> 1)::date, x.item ->> 2, x.item ->> 3
               FROM unnest(${ids}, ${lists}) AS w(patent_id, list), jsonb_array_elements(w.list) AS x(item)`,
};

/**
 * Adds one recorded transaction to the patent `patentId` (the import of a 专利交易/许可备案 list), keyed by kind, day and
 * counterparty: a new one is CREATED; one already recorded is UNCHANGED, or UPDATED when its record number differs.
 * The input is expected to have passed PatentTransactionInput's validation.
 */
export async function addPatentTransaction(
  db: RequestDatabase,
  patentId: number,
  input: PatentTransactionInput,
): Promise<'CREATED' | 'UPDATED' | 'UNCHANGED'> {
  const rows = await db.query<{ created: boolean }>(
    sql`INSERT INTO patent_transaction AS t (patent_id, kind, occurred_on, counterparty, record_number)
        VALUES (${patentId}, ${input.kind}, ${input.occurredOn}::date, ${(input.counterparty ?? '').trim()}, ${input.recordNumber?.trim() || null})
        ON CONFLICT (patent_id, kind, occurred_on, counterparty) DO UPDATE SET record_number = EXCLUDED.record_number
         WHERE t.record_number IS DISTINCT FROM EXCLUDED.record_number
        RETURNING (xmax = 0) AS created`,
  );
  if (rows.length === 0) return 'UNCHANGED';
  return rows[0].created ? 'CREATED' : 'UPDATED';
}

/** The visible patents of the given normalized application numbers: id and county. */
export function patentsByNumbers(
  db: RequestDatabase,
  numbers: string[],
): Promise<{ id: number; applicationNumber: string; countyCode: string }[]> {
  return db.query(
    sql`SELECT id, application_number AS "applicationNumber", county_code AS "countyCode" FROM patent WHERE application_number = ANY(${numbers})`,
  );
}

/**
 * Adds (or replaces, for the same jurisdiction) one foreign grant of the patent `patentId` (the import of a list of
 * foreign grants): CREATED, UPDATED when the stored one differs, else UNCHANGED.
 */
export async function addOverseasGrant(
  db: RequestDatabase,
  patentId: number,
  input: OverseasGrantInput,
): Promise<'CREATED' | 'UPDATED' | 'UNCHANGED'> {
  const rows = await db.query<{ created: boolean }>(
    sql`INSERT INTO patent_overseas_grant AS g (patent_id, jurisdiction, grant_date, route, publication_number)
        VALUES (${patentId}, ${input.jurisdiction}, ${input.grantDate}::date, ${input.route ?? null}, ${input.publicationNumber?.trim().toUpperCase() || null})
        ON CONFLICT (patent_id, jurisdiction) DO UPDATE
          SET grant_date = EXCLUDED.grant_date, route = EXCLUDED.route, publication_number = EXCLUDED.publication_number
        WHERE (g.grant_date, g.route, g.publication_number) IS DISTINCT FROM (EXCLUDED.grant_date, EXCLUDED.route, EXCLUDED.publication_number)
        RETURNING (xmax = 0) AS created`,
  );
  if (rows.length === 0) return 'UNCHANGED';
  return rows[0].created ? 'CREATED' : 'UPDATED';
}
