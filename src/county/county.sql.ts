import { RequestDatabase } from '../db/request-database';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { expectVersion } from '../history/versions';
import { byKey } from '../graphql/loaders';
import { County, CountyStatistics } from './county';
import { CountyInput, CountyStatisticsInput } from './county.inputs';

const COUNTY_COLUMNS = `c.code, c.name, c.parent_code AS "parentCode"`;
const STATISTICS_COLUMNS = `s.county_code AS "countyCode", s.year, s.population, s.gdp, s.rd_investment AS "rdInvestment",
  s.sei_output_value AS "seiOutputValue", s.ip_service_agencies AS "ipServiceAgencies",
  s.patent_service_practitioners AS "patentServicePractitioners", s.version`;

export function countyLoader(ctx: Context) {
  return ctx.loaders.get<string, County | null>('county', [], async (codes) => {
    const rows = await ctx.db.query<County>(`SELECT ${COUNTY_COLUMNS} FROM county c WHERE c.code = ANY($1)`, [codes]);
    return byKey(codes, rows, (county) => county.code, null);
  });
}

export function listCounties(db: RequestDatabase): Promise<County[]> {
  return db.query<County>(`SELECT ${COUNTY_COLUMNS} FROM county c ORDER BY c.code`);
}

export function statisticsLoader(ctx: Context, year: number) {
  return ctx.loaders.get<string, CountyStatistics | null>('countyStatistics', [year], async (codes) => {
    const rows = await ctx.db.query<CountyStatistics>(
      `SELECT ${STATISTICS_COLUMNS} FROM county_statistics s WHERE s.county_code = ANY($1) AND s.year = $2`,
      [codes, year],
    );
    return byKey(codes, rows, (statistics) => statistics.countyCode, null);
  });
}

export const noCountyReason = (code: string) => `no county with code ${code}`;

export async function assertCountyExists(db: RequestDatabase, code: string, field: string): Promise<void> {
  const [county] = await db.query(`SELECT 1 FROM county WHERE code = $1`, [code]);
  if (!county) throw badUserInput(field, noCountyReason(code));
}

/** The batched variant of assertCountyExists: which of the codes name no county (one statement). */
export async function missingCounties(db: RequestDatabase, codes: string[]): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Set();
  const found = await db.query<{ code: string }>(`SELECT code FROM county WHERE code = ANY($1)`, [wanted]);
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
    `INSERT INTO county AS c (code, name, parent_code) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code
     RETURNING ${COUNTY_COLUMNS}`,
    [input.code, input.name.trim(), parentCode],
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
    where: 't.county_code = $1 AND t.year = $2',
    params: [input.countyCode, input.year],
    expected: expectedVersion,
    what: `the statistics of ${input.countyCode} for ${input.year}`,
  });
  const given = (value: unknown) => value !== undefined;
  const [statistics] = await db.query<CountyStatistics>(
    `INSERT INTO county_statistics AS s (county_code, year, population, gdp, rd_investment,
                                         sei_output_value, ip_service_agencies, patent_service_practitioners)
     VALUES ($1, $2, $4, $6, $8, $10, $12, $14)
     ON CONFLICT (county_code, year) DO UPDATE SET
       population    = CASE WHEN $3 THEN EXCLUDED.population ELSE s.population END,
       gdp           = CASE WHEN $5 THEN EXCLUDED.gdp ELSE s.gdp END,
       rd_investment = CASE WHEN $7 THEN EXCLUDED.rd_investment ELSE s.rd_investment END,
       sei_output_value = CASE WHEN $9 THEN EXCLUDED.sei_output_value ELSE s.sei_output_value END,
       ip_service_agencies = CASE WHEN $11 THEN EXCLUDED.ip_service_agencies ELSE s.ip_service_agencies END,
       patent_service_practitioners =
         CASE WHEN $13 THEN EXCLUDED.patent_service_practitioners ELSE s.patent_service_practitioners END
     RETURNING ${STATISTICS_COLUMNS}`,
    [
      input.countyCode,
      input.year,
      given(input.population),
      input.population ?? null,
      given(input.gdp),
      input.gdp ?? null,
      given(input.rdInvestment),
      input.rdInvestment ?? null,
      given(input.seiOutputValue),
      input.seiOutputValue ?? null,
      given(input.ipServiceAgencies),
      input.ipServiceAgencies ?? null,
      given(input.patentServicePractitioners),
      input.patentServicePractitioners ?? null,
    ],
  );
  return statistics;
}
