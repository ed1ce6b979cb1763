/**
 * Strategic emerging industries from IPC codes (issue 15): the concordance in force, the suggestions it makes for
 * patents, the review list of a county, and the bureau's decisions. All of it in SQL; the match rule has one home,
 * seiSuggestionsSql.
 */
import { requireCountyInScope } from '../auth/guard';
import { RequestDatabase } from '../db/request-database';
import { sql, Sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { groupByKey } from '../graphql/loaders';
import { Connection, connectionsByOwner, PageArgs, PagedRow, pagedSql, pageRequest } from '../graphql/pagination';
import { parseApplicationNumber } from '../identifiers/application-number';
import { expectVersion } from '../history/versions';
import { Patent } from '../patent/patent';
import { StrategicIndustry } from '../patent/patent-enums';
import { PATENT_COLUMNS, PATENT_ORDER } from '../patent/patent.sql';
import { SeiDecision, SeiReviewReason, StrategicIndustryReviewItem, StrategicIndustrySuggestion } from './sei';

const INDUSTRIES = sql`${Object.values(StrategicIndustry)}::text[]`;

/** An IPC code as the concordance keys it: upper case, without spaces (H01M 10/052 → H01M10/052). */
export const ipcKeySql = (code: Sql) => sql`upper(regexp_replace(${code}, '\\s', '', 'g'))`;

/** The concordance in force on asOf: the latest effective on or before it (at most one row of sei_concordance, alias cc). */
export const concordanceInForceSql = (asOf: Sql) =>
  sql`SELECT cc.* FROM sei_concordance cc WHERE cc.effective_from <= ${asOf} ORDER BY cc.effective_from DESC, cc.id DESC LIMIT 1`;

/**
 * The entries of the concordance in force on asOf that the patents `patents` (a query with columns id, title,
 * ipc_codes) match: rows (patent_id, industry, version, effective_from, category_code, category_name, field,
 * ipc_prefix, keywords, matched_ipc). An entry matches an IPC code when its prefix is the code, or the code's
 * section, class or subclass, or ends where the code has a "/" (H01M10 is H01M10/…, not H01M100/…), or is a prefix
 * with a "/" (H01M10/05 holds H01M10/052); and, when it has keywords, one of them is in the title. Each code probes the
 * entry index once per prefix length.
 */
export function seiSuggestionsSql(patents: Sql, asOf: Sql): Sql {
  return sql`SELECT p.id AS patent_id, e.industry, c.version, c.effective_from, e.category_code, e.category_name, e.field,
                    e.ipc_prefix, e.keywords, written.code AS matched_ipc
               FROM (${patents}) p
               CROSS JOIN LATERAL (${concordanceInForceSql(asOf)}) c
               CROSS JOIN LATERAL unnest(p.ipc_codes) AS written(code)
               CROSS JOIN LATERAL (SELECT ${ipcKeySql(sql`written.code`)} AS key) k
               CROSS JOIN LATERAL generate_series(1, length(k.key)) AS n(len)
               JOIN sei_concordance_entry e ON e.concordance_id = c.id AND e.ipc_prefix = left(k.key, n.len)
              WHERE (n.len = length(k.key) OR n.len <= 4 OR strpos(e.ipc_prefix, '/') > 0 OR substr(k.key, n.len + 1, 1) = '/')
                AND (cardinality(e.keywords) = 0 OR EXISTS (SELECT 1 FROM unnest(e.keywords) w WHERE strpos(p.title, w) > 0))`;
}

interface SuggestionRow extends StrategicIndustrySuggestion {
  patentId: number;
}

/** The suggestions of patents on asOf, one per industry in the enum's order; one statement per batch. */
export function suggestionsLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, StrategicIndustrySuggestion[]>('seiSuggestions', [asOf], async (patentIds) => {
    const rows = await ctx.db.query<SuggestionRow>(
      sql`WITH s AS (${seiSuggestionsSql(sql`SELECT p.id, p.title, p.ipc_codes FROM patent p WHERE p.id = ANY (${patentIds}::int[])`, sql`${asOf}::date`)})
          SELECT s.patent_id AS "patentId", s.industry, min(s.version) AS "concordanceVersion",
                 min(s.effective_from) AS "concordanceEffectiveFrom",
                 array_agg(DISTINCT s.matched_ipc ORDER BY s.matched_ipc) AS "matchedIpcCodes",
                 jsonb_agg(DISTINCT jsonb_build_object('categoryCode', s.category_code, 'categoryName', s.category_name, 'field', s.field,
                                                       'ipc', s.ipc_prefix, 'keywords', to_jsonb(s.keywords))) AS entries,
                 (SELECT d.decision FROM sei_review_decision d WHERE d.patent_id = s.patent_id AND d.industry = s.industry) AS decision
            FROM s GROUP BY s.patent_id, s.industry
           ORDER BY s.patent_id, array_position(${INDUSTRIES}, s.industry)`,
    );
    return groupByKey(
      patentIds,
      rows,
      (row) => row.patentId,
      ({ patentId: _, entries, ...suggestion }) => ({
        ...suggestion,
        entries: [...entries].sort((a, b) =>
          a.categoryCode < b.categoryCode ? -1 : a.categoryCode > b.categoryCode ? 1 : a.ipc < b.ipc ? -1 : 1,
        ),
      }),
    );
  });
}

/**
 * The review list of a county on asOf (its invention patents): those with a suggestion not rejected and no confirmed
 * flag, and those whose flag no suggestion supports — rows of PATENT_COLUMNS and reason, "suggestedIndustries",
 * "confirmedIndustry". Reads the county's patents by their county index and their decisions by theirs.
 */
export function reviewRowsSql(countyCode: Sql, asOf: Sql): Sql {
  return sql`WITH p AS MATERIALIZED (SELECT p.* FROM patent p WHERE p.county_code = ${countyCode} AND p.type = 'INVENTION'),
       suggested AS (SELECT DISTINCT s.patent_id, s.industry FROM (${seiSuggestionsSql(sql`SELECT p.id, p.title, p.ipc_codes FROM p`, asOf)}) s),
       rejected AS (SELECT d.patent_id, d.industry FROM sei_review_decision d WHERE d.patent_county_code = ${countyCode} AND d.decision = 'REJECTED'),
       item AS (
         SELECT p.*,
                ARRAY(SELECT s.industry FROM suggested s WHERE s.patent_id = p.id
                        AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.patent_id = s.patent_id AND r.industry = s.industry)
                       ORDER BY array_position(${INDUSTRIES}, s.industry)) AS open,
                EXISTS (SELECT 1 FROM suggested s WHERE s.patent_id = p.id AND s.industry = p.strategic_industry) AS supported
           FROM p)
       SELECT ${PATENT_COLUMNS},
              CASE WHEN p.strategic_industry IS NULL THEN ${SeiReviewReason.UNCONFIRMED_SUGGESTION} ELSE ${SeiReviewReason.UNSUPPORTED_FLAG} END AS reason,
              p.open AS "suggestedIndustries", p.strategic_industry AS "confirmedIndustry"
         FROM item p
        WHERE (p.strategic_industry IS NULL AND cardinality(p.open) > 0) OR (p.strategic_industry IS NOT NULL AND NOT p.supported)`;
}

type ReviewRow = Patent & {
  reason: SeiReviewReason;
  suggestedIndustries: StrategicIndustry[];
  confirmedIndustry: StrategicIndustry | null;
};

function toReviewItem({ reason, suggestedIndustries, confirmedIndustry, ...patent }: ReviewRow): StrategicIndustryReviewItem {
  return { patent, reason, suggestedIndustries, confirmedIndustry };
}

/** A page of each county's review list, newest filing first (as patent lists); one statement per batch (pagedSql). */
export function strategicIndustryReviewLoader(ctx: Context, asOf: IsoDate, args: PageArgs, withTotal: boolean) {
  const page = pageRequest(args, PATENT_ORDER);
  return ctx.loaders.get<string, Connection<StrategicIndustryReviewItem>>(
    'strategicIndustryReview',
    [asOf, page, withTotal],
    async (codes) => {
      const rows = await ctx.db.query<ReviewRow & PagedRow>(
        pagedSql({
          owners: sql`${codes}::text[]`,
          rowsOf: (county) => reviewRowsSql(county, sql`${asOf}::date`),
          sort: PATENT_ORDER,
          page,
          withTotal,
        }),
      );
      return connectionsByOwner(codes, rows, PATENT_ORDER, page.limit, toReviewItem);
    },
  );
}

/** The patent of an application number the caller may write, or BAD_USER_INPUT naming the field. */
async function writablePatent(db: RequestDatabase, applicationNumber: string, expectedVersion: number | null): Promise<Patent> {
  const parsed = parseApplicationNumber(applicationNumber);
  if (!parsed.ok) throw badUserInput('applicationNumber', parsed.reason);
  const [patent] = await db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.application_number = ${parsed.value}`);
  if (!patent) throw badUserInput('applicationNumber', `no patent ${parsed.value}`);
  await expectVersion(db, {
    table: 'patent',
    where: sql`t.id = ${patent.id}`,
    expected: expectedVersion,
    what: `patent ${parsed.value}`,
  });
  return patent;
}

async function recordDecision(db: RequestDatabase, patentId: number, industry: StrategicIndustry, decision: SeiDecision, today: IsoDate) {
  await db.query(
    sql`INSERT INTO sei_review_decision AS d (patent_id, industry, decision, decided_on) VALUES (${patentId}, ${industry}, ${decision}, ${today})
        ON CONFLICT (patent_id, industry) DO UPDATE SET decision = EXCLUDED.decision, decided_on = EXCLUDED.decided_on
        WHERE d.decision IS DISTINCT FROM EXCLUDED.decision`,
  );
}

/**
 * Confirms an industry: the patent's flag (strategicIndustry) becomes it — the one thing that counts as the reason —
 * and the decision is recorded; an earlier confirmation of another industry is withdrawn (a patent has one flag).
 */
export async function confirmStrategicIndustry(
  ctx: Context,
  applicationNumber: string,
  industry: StrategicIndustry,
  expectedVersion: number | null,
): Promise<Patent> {
  const patent = await writablePatent(ctx.db, applicationNumber, expectedVersion);
  await requireCountyInScope(ctx, patent.countyCode, 'applicationNumber');
  await ctx.db.query(
    sql`DELETE FROM sei_review_decision d WHERE d.patent_id = ${patent.id} AND d.decision = 'CONFIRMED' AND d.industry <> ${industry}`,
  );
  await recordDecision(ctx.db, patent.id, industry, SeiDecision.CONFIRMED, ctx.today);
  const [updated] = await ctx.db.query<Patent>(
    sql`UPDATE patent p SET strategic_industry = ${industry} WHERE p.id = ${patent.id} RETURNING ${PATENT_COLUMNS}`,
  );
  return updated;
}

/**
 * Rejects a suggestion: recorded, and the patent leaves the review list for that industry. A patent flagged with that
 * very industry is refused (withdraw the flag first, with upsertPatent): a rejection does not change what counts.
 */
export async function rejectStrategicIndustrySuggestion(
  ctx: Context,
  applicationNumber: string,
  industry: StrategicIndustry,
  expectedVersion: number | null,
): Promise<Patent> {
  const patent = await writablePatent(ctx.db, applicationNumber, expectedVersion);
  await requireCountyInScope(ctx, patent.countyCode, 'applicationNumber');
  if (patent.strategicIndustry === industry) {
    throw badUserInput('industry', `patent ${patent.applicationNumber} is flagged ${industry}: withdraw the flag first (upsertPatent)`);
  }
  await recordDecision(ctx.db, patent.id, industry, SeiDecision.REJECTED, ctx.today);
  const [current] = await ctx.db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ${patent.id}`);
  return current;
}
