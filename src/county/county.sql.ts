import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { expectVersion } from '../history/versions';
import { byKey } from '../graphql/loaders';
import { County, CountyStatistics } from './county';
import { CountyInput, CountyStatisticsInput } from './county.inputs';

const COUNTY_COLUMNS = sql`c.code, c.name, c.parent_code AS "parentCode"`;
const STATISTICS_COLUMNS = sql`s.county_code AS "countyCode", s.year, s.population, s.gdp, s.rd_investment AS "rdInvestment",
  s.sei_output_value AS "seiOutputValue", s.ip_service_agencies AS "ipServiceAgencies",
  s.patent_service_practitioners AS "patentServicePractitioners", s.version`;

export function countyLoader(ctx: Context) {
  return ctx.loaders.get<string, County | null>('county', [], async (codes) => {
    const rows = await ctx.db.query<County>(sql`SELECT ${COUNTY_COLUMNS} FROM county c WHERE c.code = ANY(${sql.keys(codes, 'text')})`, {
      reusePlan: true,
    });
    return byKey(codes, rows, (county) => county.code, null);
  });
}

/** The public label of counties (code, name, parent) outside the caller's scope: src/county/county-label.ts. */
export function countyLabelLoader(ctx: Context) {
  return ctx.loaders.get<string, County | null>('countyLabel', [], async (codes) => {
    const rows = await ctx.db.query<County>(
      sql`SELECT l.code, l.name, l.parent_code AS "parentCode" FROM county_label l WHERE l.code = ANY(${codes})`,
    );
    return byKey(codes, rows, (county) => county.code, null);
  });
}

export function listCounties(db: RequestDatabase): Promise<County[]> {
  return db.query<County>(sql`SELECT ${COUNTY_COLUMNS} FROM county c ORDER BY c.code`);
}

export function statisticsLoader(ctx: Context, year: number) {
  return ctx.loaders.get<string, CountyStatistics | null>('countyStatistics', [year], async (codes) => {
    const rows = await ctx.db.query<CountyStatistics>(
      sql`SELECT ${STATISTICS_COLUMNS} FROM county_statistics s WHERE s.county_code = ANY(${codes}) AND s.year = ${year}`,
    );
    return byKey(codes, rows, (statistics) => statistics.countyCode, null);
  });
}

export const noCountyReason = (code: string) => `no county with code ${code}`;

/** Whether the caller sees a county of that code (Row Level Security shows a staff caller the counties of its scope). */
export async function countyVisible(db: RequestDatabase, code: string): Promise<boolean> {
  const [county] = await db.query(sql`SELECT 1 FROM county WHERE code = ${code}`);
  return county !== undefined;
}

export async function assertCountyExists(db: RequestDatabase, code: string, field: string): Promise<void> {
  if (!(await countyVisible(db, code))) throw badUserInput(field, noCountyReason(code));
}

/** The batched variant of assertCountyExists: which of the codes name no county (one statement). */
export async function missingCounties(db: RequestDatabase, codes: string[]): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Set();
  const found = await db.query<{ code: string }>(sql`SELECT code FROM county WHERE code = ANY(${wanted})`);
  const known = new Set(found.map((row) => row.code));
  return new Set(wanted.filter((code) => !known.has(code)));
}

export async function upsertCounty(db: RequestDatabase, input: CountyInput): Promise<County> {
  const parentCode = input.parentCode ?? null;
  if (parentCode !== null) {
    if (parentCode === input.code) throw badUserInput('input.parentCode', 'a county cannot be its own parent');
    await assertCountyExists(db, parentCode, 'input.parentCode');
  }
  const [county] = await db.query<County>(
    sql`INSERT INTO county AS c (code, name, parent_code) VALUES (${input.code}, ${input.name.trim()}, ${parentCode})
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code
     RETURNING ${COUNTY_COLUMNS}`,
  );
  return county;
}

/**
 * Figures left undefined keep their stored value; null clears one (not reported). With `expectedVersion`, CONFLICT
 * when the stored version of the year's figures differs.
 */
export async function setCountyStatistics(
  db: RequestDatabase,
  input: CountyStatisticsInput,
  expectedVersion?: number | null,
): Promise<CountyStatistics> {
  await assertCountyExists(db, input.countyCode, 'input.countyCode');
  await expectVersion(db, {
    table: 'county_statistics',
    where: sql`t.county_code = ${input.countyCode} AND t.year = ${input.year}`,
    expected: expectedVersion,
    what: `the statistics of ${input.countyCode} for ${input.year}`,
  });
  const given = (value: unknown) => value !== undefined;
  const [statistics] = await db.query<CountyStatistics>(
    sql`INSERT INTO county_statistics AS s (county_code, year, population, gdp, rd_investment,
                                         sei_output_value, ip_service_agencies, patent_service_practitioners)
     VALUES (${input.countyCode}, ${input.year}, ${input.population ?? null}, ${input.gdp ?? null}, ${input.rdInvestment ?? null},
             ${input.seiOutputValue ?? null}, ${input.ipServiceAgencies ?? null}, ${input.patentServicePractitioners ?? null})
     ON CONFLICT (county_code, year) DO UPDATE SET
       population    = CASE WHEN ${given(input.population)} THEN EXCLUDED.population ELSE s.population END,
       gdp           = CASE WHEN ${given(input.gdp)} THEN EXCLUDED.gdp ELSE s.gdp END,
       rd_investment = CASE WHEN ${given(input.rdInvestment)} THEN EXCLUDED.rd_investment ELSE s.rd_investment END,
       sei_output_value = CASE WHEN ${given(input.seiOutputValue)} THEN EXCLUDED.sei_output_value ELSE s.sei_output_value END,
       ip_service_agencies = CASE WHEN ${given(input.ipServiceAgencies)} THEN EXCLUDED.ip_service_agencies ELSE s.ip_service_agencies END,
       patent_service_practitioners =
         CASE WHEN ${given(input.patentServicePractitioners)} THEN EXCLUDED.patent_service_practitioners
              ELSE s.patent_service_practitioners END
     RETURNING ${STATISTICS_COLUMNS}`,
  );
  return statistics;
}
