/**
 * The benchmark's dataset, generated inside PostgreSQL with set-based SQL (generate_series, random() after
 * setseed), so that it takes seconds and is the same on every run.
 *
 * County scale: one county-scale county, 500299 基准县（合成） (20,000 enterprises, 200,000 patents), and 37 smaller
 * synthetic counties 500301…500337 (120…840 enterprises, ten patents per enterprise), all under 500000 重庆市.
 * National scale: the same 38 counties and 262 more of 630 enterprises and 6,300 patents each under four other cities
 * (5101…5104): 300 counties, 2,028,200 patents — so that the same county (500301, 1,200 patents) can be asked at both.
 * Every value satisfies the constraints of migrations/1764000000000-CoreModel.ts and the contract's
 * identifier rules: credit codes carry a valid GB 32100 check character, application numbers a valid check
 * character and a type digit that agrees with the type (1/8 invention, 2/9 utility model, 3 design).
 *
 * Determinism: each statement that draws random() numbers sets its own seed first (`seed`) and draws them in a fixed
 * order (rows produced in generate_series order, or sorted before the volatile target list is evaluated), the counties
 * of 重庆市 before the national ones: so the draws of a county of 重庆市 do not hang on how many counties come after it,
 * and 500301 holds the same rows at both scales (the bench checks its answers are the same).
 */
import { Client } from 'pg';

/** The day the data describes and every query of the benchmark asks about (asOf). */
export const AS_OF = '2026-06-30';
export const BIG_COUNTY = '500299';
export const BIG_COUNTY_NAME = '基准县（合成）';
export const BIG_ENTERPRISES = 20_000;
export const BIG_PATENTS = 200_000;
export const SMALL_COUNTIES = 37;
/** the county of 1,200 patents, the same at both scales */
export const SMALL_COUNTY = '500301';
export const NATIONAL_COUNTIES = 262;

export type Scale = 'county' | 'national';

const asOf = `date '${AS_OF}'`;
const asOfYear = Number(AS_OF.slice(0, 4));

const NAME_PREFIXES = ['重庆', '渝州', '巴山', '长江', '山城', '嘉陵', '明月', '桂溪'];
const NAME_PARTS = ['智能装备', '新材料', '医药健康', '数字科技', '消费品', '能源', '环保', '精密机械', '生物', '电子'];
const TITLE_OBJECTS = ['装置', '方法', '系统', '组件', '工艺', '材料'];
const IPC = ['G06F 16/00', 'H01M 10/052', 'B23K 26/00', 'C08L 23/06', 'A61K 36/00', 'F16H 57/00', 'B65G 47/00', 'H04L 9/40'];
const INDUSTRIES = [
  'NEXT_GENERATION_IT',
  'HIGH_END_EQUIPMENT',
  'NEW_MATERIALS',
  'BIOTECHNOLOGY',
  'NEW_ENERGY_VEHICLES',
  'NEW_ENERGY',
  'ENERGY_SAVING_ENVIRONMENTAL',
  'DIGITAL_CREATIVE',
  'RELATED_SERVICES',
];
const AWARD_KINDS = ['CHINA_PATENT_GOLD', 'CHINA_PATENT_SILVER', 'CHINA_PATENT_EXCELLENCE', 'NATIONAL_SCIENCE_TECHNOLOGY'];
const LENDERS = ['重庆农村商业银行（合成）', '中国建设银行重庆分行（合成）', '重庆银行（合成）', '中国工商银行重庆分行（合成）'];

const textArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
/** `SELECT setseed(…)` for the n-th statement that draws random numbers: its draws start from a seed of their own. */
const seed = (n: number) => `SELECT setseed(${(n / 100).toFixed(2)});`;
/** element of a SQL text[] literal picked by a random number r in [0, 1) */
const pick = (values: string[], r: string) => `(${textArray(values)})[1 + floor(${r} * ${values.length})::int]`;

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const APPLICATION_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/**
 * GB 32100-2015 check character of the 17 characters in column `first17` (src/identifiers/credit-code.ts):
 * 31 − (Σ vᵢ·wᵢ mod 31), 31 standing for 0. Written out as one expression so that it costs nothing per row.
 */
const creditCheckSql = (first17: string) => {
  const sum = CREDIT_WEIGHTS.map((w, i) => `(strpos('${CREDIT_ALPHABET}', substr(${first17}, ${i + 1}, 1)) - 1) * ${w}`).join(' + ');
  return `substr('${CREDIT_ALPHABET}', (31 - (${sum}) % 31) % 31 + 1, 1)`;
};

/** Check character of the 12 digits in column `digits` (src/identifiers/application-number.ts): Σ dᵢ·wᵢ mod 11, 10 written X. */
const applicationCheckSql = (digits: string) => {
  const sum = APPLICATION_WEIGHTS.map((w, i) => `substr(${digits}, ${i + 1}, 1)::int * ${w}`).join(' + ');
  return `CASE (${sum}) % 11 WHEN 10 THEN 'X' ELSE ((${sum}) % 11)::text END`;
};

export interface GenerationStep {
  label: string;
  sql: string;
}

/**
 * The steps of one scale. They run with triggers off (session_replication_role = replica, as pg_restore does), so the
 * columns that triggers keep (a membership's and an owner's counties, a patent's owner counties, the county labels) are
 * written here, and the derived tables are built at the end by the migrations' own functions, set-wise.
 */
export function generationSteps(scale: Scale): GenerationStep[] {
  const national = scale === 'national' ? NATIONAL_COUNTIES : 0;
  return [
    {
      label: 'settings',
      sql: `SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB';`,
    },
    {
      label: 'counties',
      sql: `
      CREATE TEMP TABLE bench_spec AS
      WITH c AS (
        SELECT 0 AS ord, '${BIG_COUNTY}'::text AS code, '${BIG_COUNTY_NAME}'::text AS name,
               ${BIG_ENTERPRISES} AS n_ent, ${BIG_PATENTS} AS n_pat
        UNION ALL
        SELECT i, (500300 + i)::text, '合成县' || lpad(i::text, 2, '0') || '（基准）', 100 + 20 * i, 10 * (100 + 20 * i)
          FROM generate_series(1, ${SMALL_COUNTIES}) AS i
        UNION ALL
        SELECT ${SMALL_COUNTIES} + i, (510000 + 100 * (1 + (i - 1) / 66) + 1 + (i - 1) % 66)::text,
               '全国合成县' || lpad(i::text, 3, '0') || '（基准）', 630, 6300
          FROM generate_series(1, ${national}) AS i
      )
      SELECT c.*, (sum(n_ent) OVER w - n_ent)::int AS ent_off, (sum(n_pat) OVER w - n_pat)::int AS pat_off
        FROM c WINDOW w AS (ORDER BY ord);

      INSERT INTO county (code, name, parent_code) VALUES ('500000', '重庆市', NULL);
      INSERT INTO county (code, name, parent_code)
      SELECT DISTINCT left(code, 4) || '00', '合成市' || left(code, 4), NULL FROM bench_spec WHERE code LIKE '51%';
      INSERT INTO county (code, name, parent_code)
      SELECT code, name, CASE WHEN code LIKE '50%' THEN '500000' ELSE left(code, 4) || '00' END FROM bench_spec ORDER BY ord;
      INSERT INTO county_label (code, name, parent_code) SELECT code, name, parent_code FROM county;

      INSERT INTO county_statistics (county_code, year, population, gdp, rd_investment)
      SELECT code, y, 30 * n_ent + 1000 * (y - 2023), n_pat * 250000.00, n_pat * 6000.00
        FROM bench_spec CROSS JOIN generate_series(2023, 2024) AS y;`,
    },
    {
      label: 'plans and breakthrough targets',
      sql: `
      -- the big county: an older plan (not in force on asOf) and the 2022–2024 plan with targets 3/2/1,
      -- still in force in 2026 because no newer plan has started
      INSERT INTO plan (id, county_code, title, start_year, end_year, high_pledge_threshold) VALUES
        (1, '${BIG_COUNTY}', '基准县高价值发明专利培育计划(2019—2021年)（合成）', 2019, 2021, 2000000.00),
        (2, '${BIG_COUNTY}', '基准县高价值发明专利质量提升行动实施方案(2022—2024年)（合成）', 2022, 2024, 1000000.00),
        (3, '500000', '重庆市高价值发明专利质量提升行动方案(2022—2024年)（合成）', 2022, 2024, 1000000.00);
      INSERT INTO plan_breakthrough_target (plan_id, category, min_high_value_patents) VALUES
        (1, 'LISTED_CULTIVATION', 2), (1, 'SPECIALIZED_NEW', 1), (1, 'HIGH_TECH', 1),
        (2, 'LISTED_CULTIVATION', 3), (2, 'SPECIALIZED_NEW', 2), (2, 'HIGH_TECH', 1),
        (3, 'LISTED_CULTIVATION', 5), (3, 'SPECIALIZED_NEW', 3), (3, 'HIGH_TECH', 2);
      INSERT INTO plan_indicator_target (plan_id, kind, target) VALUES
        (2, 'HIGH_VALUE_PATENTS', 20000), (2, 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 12),
        (2, 'SEI_INVENTION_PATENTS', 15000), (2, 'HIGH_TECH_ENTERPRISES', 3000);

      -- small counties: ord % 3 = 1 a 2022 plan (3/2/1, 1,000,000 yuan), ord % 3 = 2 a 2023 plan without a
      -- listed-cultivation target (2/1, 500,000 yuan), ord % 6 = 0 a plan that starts only next year, else none
      INSERT INTO plan (id, county_code, title, start_year, end_year, high_pledge_threshold)
      SELECT 3 + row_number() OVER (ORDER BY ord), code, name || '高价值发明专利行动方案（合成）',
             CASE ord % 3 WHEN 1 THEN 2022 WHEN 2 THEN 2023 ELSE ${asOfYear + 1} END,
             CASE ord % 3 WHEN 1 THEN 2024 WHEN 2 THEN 2025 ELSE ${asOfYear + 3} END,
             CASE ord % 3 WHEN 2 THEN 500000.00 ELSE 1000000.00 END
        FROM bench_spec WHERE ord > 0 AND (ord % 3 <> 0 OR ord % 6 = 0) ORDER BY ord;
      INSERT INTO plan_breakthrough_target (plan_id, category, min_high_value_patents)
      SELECT pl.id, t.category, t.target
        FROM plan pl JOIN bench_spec s ON s.code = pl.county_code AND s.ord > 0
        CROSS JOIN LATERAL (VALUES ('LISTED_CULTIVATION', 3, s.ord % 3 <> 2), ('SPECIALIZED_NEW', 2, true), ('HIGH_TECH', 1, true))
          AS t(category, target, present)
       WHERE t.present;
      -- every other plan sets a density target, so that the counties of a city can be compared on it
      INSERT INTO plan_indicator_target (plan_id, kind, target)
      SELECT id, 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 12 FROM plan WHERE id > 3;
      SELECT setval(pg_get_serial_sequence('plan', 'id'), (SELECT max(id) FROM plan));`,
    },
    {
      label: 'enterprises',
      sql: `
      ${seed(1)}
      INSERT INTO enterprise (id, credit_code, name, county_code)
      SELECT x.id, x.first17 || ${creditCheckSql('x.first17')},
             ${pick(NAME_PREFIXES, 'x.r1')} || ${pick(NAME_PARTS, 'x.r2')} || '有限公司（合成' || x.k || '）',
             x.code
        FROM (SELECT s.ent_off + k AS id, k, s.code, '91' || s.code || lpad(k::text, 8, '0') || 'M' AS first17,
                     random() AS r1, random() AS r2
                FROM bench_spec s CROSS JOIN LATERAL generate_series(1, s.n_ent) AS k
               ORDER BY s.ord, k) x;
      SELECT setval(pg_get_serial_sequence('enterprise', 'id'), (SELECT max(id) FROM enterprise));
      ANALYZE enterprise;`,
    },
    {
      label: 'category memberships',
      sql: `
      -- HIGH_TECH: 15 % valid on asOf (three years from a recognition in the last three years), 1 % recognised
      -- only after asOf, 8 % expired; 5 % also hold a much older, expired certificate
      ${seed(2)}
      INSERT INTO enterprise_membership (enterprise_id, county_code, category, valid_from, valid_to)
      SELECT id, county_code, 'HIGH_TECH', vf, (vf + interval '3 years' - interval '1 day')::date
        FROM (SELECT id, county_code, random() AS r, random() AS d FROM enterprise ORDER BY id) x
        CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.15 THEN ${asOf} - floor(d * 1090)::int
                                        WHEN r < 0.16 THEN ${asOf} + 1 + floor(d * 180)::int
                                        WHEN r < 0.24 THEN date '2015-01-01' + floor(d * 1950)::int END AS vf) v
       WHERE vf IS NOT NULL;
      ${seed(3)}
      INSERT INTO enterprise_membership (enterprise_id, county_code, category, valid_from, valid_to)
      SELECT id, county_code, 'HIGH_TECH', vf, (vf + interval '3 years' - interval '1 day')::date
        FROM (SELECT id, county_code, random() AS r, random() AS d FROM enterprise ORDER BY id) x
        CROSS JOIN LATERAL (SELECT date '2012-01-01' + floor(d * 700)::int AS vf) v
       WHERE r < 0.05;

      -- SPECIALIZED_NEW: 8 % valid, 4 % expired
      ${seed(4)}
      INSERT INTO enterprise_membership (enterprise_id, county_code, category, valid_from, valid_to)
      SELECT id, county_code, 'SPECIALIZED_NEW', vf, (vf + interval '3 years' - interval '1 day')::date
        FROM (SELECT id, county_code, random() AS r, random() AS d FROM enterprise ORDER BY id) x
        CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.08 THEN ${asOf} - floor(d * 1090)::int
                                        WHEN r < 0.12 THEN date '2015-01-01' + floor(d * 1950)::int END AS vf) v
       WHERE vf IS NOT NULL;

      -- LISTED_CULTIVATION: 3 % open-ended, 1.5 % ended before asOf, 0.5 % ending exactly on asOf (still valid)
      ${seed(5)}
      INSERT INTO enterprise_membership (enterprise_id, county_code, category, valid_from, valid_to)
      SELECT id, county_code, 'LISTED_CULTIVATION', v.vf, v.vt
        FROM (SELECT id, county_code, random() AS r, random() AS d, random() AS e FROM enterprise ORDER BY id) x
        CROSS JOIN LATERAL (
          SELECT CASE WHEN r < 0.03 THEN date '2018-01-01' + floor(d * 2700)::int
                      WHEN r < 0.045 THEN date '2016-01-01' + floor(d * 1000)::int
                      WHEN r < 0.05 THEN date '2020-01-01' + floor(d * 1000)::int END AS vf,
                 CASE WHEN r < 0.03 THEN NULL::date
                      WHEN r < 0.045 THEN date '2016-01-01' + floor(d * 1000)::int + 365 + floor(e * 700)::int
                      WHEN r < 0.05 THEN ${asOf} END AS vt) v
       WHERE v.vf IS NOT NULL;
      ANALYZE enterprise_membership;`,
    },
    {
      label: 'patents',
      sql: `
      ${seed(6)}
      CREATE TEMP TABLE bench_gen AS
      SELECT s.pat_off + k AS id, s.code, s.ent_off, s.n_ent,
             random() AS r_type, random() AS r_pct, random() AS r_filing, random() AS r_grant, random() AS r_grant_delay,
             random() AS r_lapse, random() AS r_lapse_delay, random() AS r_sei, random() AS r_sei_kind, random() AS r_ipc,
             random() AS r_title, random() AS r_owner, random() AS r_joint, random() AS r_joint_owner, random() AS r_third_owner
        FROM bench_spec s CROSS JOIN LATERAL generate_series(1, s.n_pat) AS k
       ORDER BY s.ord, k;

      -- 55 % inventions (75 % of them granted 1.5–4 years after filing), 35 % utility models, 10 % designs;
      -- filed 2004-01-01 … asOf; 15 % of granted patents lapse later (only lapses on or before asOf are kept)
      INSERT INTO patent (id, application_number, title, type, county_code, filing_date, grant_date, lapse_date,
                          ipc_codes, strategic_industry)
      SELECT x.id, x.digits || '.' || ${applicationCheckSql('x.digits')}, x.title, x.type, x.code, x.filing_date,
             x.grant_date, x.lapse_date, x.ipc_codes, x.strategic_industry
        FROM (
          SELECT g.id, g.code, t.type, f.filing_date, gr.grant_date, l.lapse_date,
                 extract(year FROM f.filing_date)::int::text || td.digit || lpad(g.id::text, 7, '0') AS digits,
                 '一种' || ${pick(NAME_PARTS, 'g.r_title')} || ${pick(TITLE_OBJECTS, 'g.r_sei_kind')} || '（合成' || g.id || '）' AS title,
                 CASE WHEN g.r_ipc < 0.3 THEN ARRAY[${pick(IPC, 'g.r_ipc')}, (${textArray(IPC)})[1 + (floor(g.r_ipc * 8)::int + 3) % 8]]
                      ELSE ARRAY[${pick(IPC, 'g.r_ipc')}] END AS ipc_codes,
                 CASE WHEN g.r_sei < 0.3 THEN ${pick(INDUSTRIES, 'g.r_sei_kind')} END AS strategic_industry
            FROM bench_gen g
            CROSS JOIN LATERAL (SELECT CASE WHEN g.r_type < 0.55 THEN 'INVENTION' WHEN g.r_type < 0.9 THEN 'UTILITY_MODEL'
                                            ELSE 'DESIGN' END AS type) t
            CROSS JOIN LATERAL (SELECT CASE t.type WHEN 'INVENTION' THEN CASE WHEN g.r_pct < 0.05 THEN '8' ELSE '1' END
                                                   WHEN 'UTILITY_MODEL' THEN CASE WHEN g.r_pct < 0.03 THEN '9' ELSE '2' END
                                                   ELSE '3' END AS digit) td
            CROSS JOIN LATERAL (SELECT date '2004-01-01' + floor(g.r_filing * (${asOf} - date '2004-01-01'))::int AS filing_date) f
            CROSS JOIN LATERAL (SELECT f.filing_date + CASE t.type WHEN 'INVENTION' THEN 540 + floor(g.r_grant_delay * 900)::int
                                                                   WHEN 'UTILITY_MODEL' THEN 150 + floor(g.r_grant_delay * 250)::int
                                                                   ELSE 90 + floor(g.r_grant_delay * 200)::int END AS day) gc
            CROSS JOIN LATERAL (SELECT CASE WHEN g.r_grant < CASE t.type WHEN 'INVENTION' THEN 0.75 ELSE 0.95 END
                                             AND gc.day <= ${asOf} THEN gc.day END AS grant_date) gr
            CROSS JOIN LATERAL (SELECT CASE WHEN gr.grant_date IS NOT NULL AND g.r_lapse < 0.15
                                             AND gr.grant_date + 365 + floor(g.r_lapse_delay * 3000)::int <= ${asOf}
                                            THEN gr.grant_date + 365 + floor(g.r_lapse_delay * 3000)::int END AS lapse_date) l
          OFFSET 0 -- a fence: digits is computed once per row, not once per use in the check character
        ) x;
      SELECT setval(pg_get_serial_sequence('patent', 'id'), (SELECT max(id) FROM patent));
      ANALYZE patent;`,
    },
    {
      label: 'patent owners',
      sql: `
      -- the first patentee is an enterprise of the patent's county, skewed (r²) so that a few own hundreds of
      -- patents; 8 % have a second patentee (a fifth of them from any county of the patent's city, so that a county of
      -- 重庆市 owns the same patents at both scales), 2 % a third
      INSERT INTO patent_owner (patent_id, enterprise_id, position, patent_county_code, enterprise_county_code, patent_filing_date,
                                patent_application_number)
      WITH city AS (
        SELECT code, min(ent_off) OVER w AS ent_off, sum(n_ent) OVER w AS n_ent
          FROM bench_spec WINDOW w AS (PARTITION BY CASE WHEN code LIKE '50%' THEN '500000' ELSE left(code, 4) || '00' END)
      ), o AS (
        SELECT g.id, g.code, g.ent_off + 1 + floor(g.n_ent * g.r_owner * g.r_owner)::int AS o1,
               CASE WHEN g.r_joint < 0.064 THEN g.ent_off + 1 + floor(g.n_ent * g.r_joint_owner)::int
                    WHEN g.r_joint < 0.08 THEN c.ent_off + 1 + floor(c.n_ent * g.r_joint_owner)::int END AS o2,
               CASE WHEN g.r_joint < 0.02 THEN g.ent_off + 1 + floor(g.n_ent * g.r_third_owner)::int END AS o3
          FROM bench_gen g JOIN city c ON c.code = g.code
      )
      SELECT x.id, x.owner, x.position, x.code, e.county_code, p.filing_date, p.application_number
        FROM (SELECT id, code, o1 AS owner, 1 AS position FROM o
              UNION ALL SELECT id, code, o2, 2 FROM o WHERE o2 <> o1
              UNION ALL SELECT id, code, o3, 3 FROM o WHERE o2 <> o1 AND o3 <> o1 AND o3 <> o2) x
        JOIN enterprise e ON e.id = x.owner
        JOIN patent p ON p.id = x.id;
      UPDATE patent p SET owner_county_codes = o.codes
        FROM (SELECT patent_id, array_agg(DISTINCT enterprise_county_code ORDER BY enterprise_county_code) AS codes
                FROM patent_owner GROUP BY patent_id) o
       WHERE o.patent_id = p.id;
      ANALYZE patent_owner;`,
    },
    {
      label: 'overseas grants and awards',
      sql: `
      -- 6 % of granted inventions have a US grant, half of those an EP one, a quarter a JP one; some are
      -- granted only after asOf (the reason does not hold yet)
      ${seed(7)}
      INSERT INTO patent_overseas_grant (patent_id, jurisdiction, grant_date)
      SELECT x.id, j.jurisdiction, x.grant_date + j.delay
        FROM (SELECT p.id, p.grant_date, random() AS r, random() AS r2, random() AS r3
                FROM patent p WHERE p.type = 'INVENTION' AND p.grant_date IS NOT NULL ORDER BY p.id) x
        CROSS JOIN LATERAL (VALUES ('US', 100 + floor(x.r2 * 900)::int, x.r < 0.06),
                                   ('EP', 200 + floor(x.r3 * 900)::int, x.r < 0.03),
                                   ('JP', 300 + floor(x.r2 * 600)::int, x.r < 0.015)) AS j(jurisdiction, delay, present)
       WHERE j.present;

      -- 0.5 % of granted inventions win an award 1–4 years after the grant (some in years after asOf's)
      ${seed(8)}
      INSERT INTO patent_award (patent_id, kind, year)
      SELECT id, ${pick(AWARD_KINDS, 'r2')}, extract(year FROM grant_date)::int + 1 + floor(r3 * 4)::int
        FROM (SELECT p.id, p.grant_date, random() AS r, random() AS r2, random() AS r3
                FROM patent p WHERE p.type = 'INVENTION' AND p.grant_date IS NOT NULL ORDER BY p.id) x
       WHERE r < 0.005;`,
    },
    {
      label: 'pledge financings',
      sql: `
      -- enterprises with granted inventions: 6 % one pledge registration, 2 % a second; amounts 100,000 to
      -- 3,000,000 yuan (5 % exactly 1,000,000), so above and below every plan's threshold; registered in the
      -- nine years before asOf or the year after
      ${seed(9)}
      INSERT INTO pledge_financing (id, enterprise_id, lender, amount, registered_on)
      SELECT row_number() OVER (ORDER BY x.enterprise_id, x.n), x.enterprise_id, ${pick(LENDERS, 'x.r_lender')},
             CASE WHEN x.r_amount < 0.05 THEN 1000000.00 ELSE round((100000 + x.r_amount * 2900000)::numeric, -4) END,
             ${asOf} - 3300 + floor(x.r_date * 3700)::int
        FROM (SELECT e.enterprise_id, n, random() AS r, random() AS r_amount, random() AS r_date, random() AS r_lender
                FROM (SELECT DISTINCT po.enterprise_id FROM patent_owner po JOIN patent p ON p.id = po.patent_id
                       WHERE p.type = 'INVENTION' AND p.grant_date IS NOT NULL) e
                CROSS JOIN generate_series(1, 2) AS n
               ORDER BY e.enterprise_id, n) x
       WHERE x.r < CASE x.n WHEN 1 THEN 0.06 ELSE 0.02 END;
      SELECT setval(pg_get_serial_sequence('pledge_financing', 'id'), (SELECT max(id) FROM pledge_financing));

      -- each registration pledges one to four granted inventions that its enterprise (co-)owns (a fixed
      -- pseudo-random choice among them; an enterprise's second registration may pledge some of the same)
      INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id)
      SELECT f.id, c.patent_id
        FROM pledge_financing f
        JOIN (SELECT po.enterprise_id, po.patent_id,
                     row_number() OVER (PARTITION BY po.enterprise_id ORDER BY (po.patent_id::bigint * 7919) % 10007, po.patent_id) AS rank
                FROM patent_owner po JOIN patent p ON p.id = po.patent_id
               WHERE p.type = 'INVENTION' AND p.grant_date IS NOT NULL) c
          ON c.enterprise_id = f.enterprise_id AND c.rank <= 1 + f.id % 4;`,
    },
    {
      label: 'clean up helpers',
      sql: `
      DROP TABLE bench_gen, bench_spec;`,
    },
  ];
}

/** The triggers' work, set-wise, by the migrations' own functions: the kept spans, enterprise counts and versions. */
const DERIVED_STEP: GenerationStep = {
  label: "invention spans and enterprise counts (the triggers' work, set-wise)",
  sql: `
    -- a county at a time, as imports write, and each enterprise's count once at the end (as an import does): the
    -- work stays linear in the patents; with every table's statistics, as a live database has them
    ANALYZE;
    SELECT set_config('hvp.defer_enterprise_counts', 'on', true);
    DO $$
    DECLARE
      c text;
    BEGIN
      FOR c IN SELECT code FROM county ORDER BY code LOOP
        PERFORM hvp_refresh_invention_spans(ARRAY(SELECT id FROM patent WHERE county_code = c ORDER BY id));
      END LOOP;
    END $$;
    SELECT hvp_refresh_deferred_enterprise_counts();
    DELETE FROM county_change;
    INSERT INTO county_data_version (county_code, version) SELECT code, 1 FROM county;`,
};

export interface GenerationTiming {
  label: string;
  ms: number;
}

/**
 * Runs every step in one session (setseed holds per session), in one transaction. Like pg_restore, it loads
 * the tables without their foreign keys and secondary indexes (primary keys stay) and re-creates them at the
 * end, exactly as the migrations defined them: the foreign keys are validated then, with one join each.
 * Maintaining them row by row would make generation three times slower.
 */
export async function generateDataset(url: string, scale: Scale): Promise<GenerationTiming[]> {
  const client = new Client({ connectionString: url, application_name: 'hvp-bench-generate' });
  await client.connect();
  const timings: GenerationTiming[] = [];
  const step = async (label: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    timings.push({ label, ms: performance.now() - started });
  };
  try {
    await client.query('BEGIN');
    const { rows: foreignKeys } = await client.query<{ drop: string; create: string }>(
      `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
              format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS create
         FROM pg_constraint
        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
        ORDER BY conrelid::regclass::text, conname`,
    );
    // unique constraints and plain indexes, primary keys excepted
    const { rows: indexes } = await client.query<{ drop: string; create: string }>(
      `SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                   ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, c.conname) END AS drop,
              CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                   ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) END AS create
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('u', 'x')
        WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary
        ORDER BY i.indrelid::regclass::text, i.indexrelid::regclass::text`,
    );
    await step(`drop ${foreignKeys.length} foreign keys and ${indexes.length} secondary indexes`, () =>
      client.query([...foreignKeys, ...indexes].map((d) => `${d.drop};`).join('\n')),
    );
    await client.query(`SET LOCAL session_replication_role = replica`);
    for (const { label, sql } of generationSteps(scale)) await step(label, () => client.query(sql));
    await step('re-create the indexes', () => client.query(indexes.map((d) => `${d.create};`).join('\n')));
    // with the indexes back: the derivation reads each patent's grants, awards and pledges by key
    await step(DERIVED_STEP.label, () => client.query(DERIVED_STEP.sql));
    await step('re-create and validate the foreign keys', () => client.query(foreignKeys.map((d) => `${d.create};`).join('\n')));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return timings;
}
