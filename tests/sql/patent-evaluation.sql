-- tests/sql/patent-evaluation.sql: a patent's status and high-value reasons on a day, as patentEvaluationLoader asks (src/high-value/high-value.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
SELECT p.id, CASE
    WHEN p.lapse_date <= $1::date THEN 'LAPSED'
    WHEN $1::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) THEN 'EXPIRED'
    WHEN p.grant_date <= $1::date THEN 'VALID'
    ELSE 'PENDING' END AS status, CASE WHEN (p.type = 'INVENTION' AND (p.grant_date <= $1::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $1::date) AND NOT $1::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END)))
    THEN array_remove(ARRAY[CASE WHEN p.strategic_industry IS NOT NULL THEN 'STRATEGIC_EMERGING_INDUSTRY' END,
 CASE WHEN p.id IN (SELECT og.patent_id FROM patent_overseas_grant og WHERE og.grant_date <= $1::date) THEN 'OVERSEAS_FAMILY' END,
 CASE WHEN $1::date > p.filing_date + interval '10 years' THEN 'MAINTAINED_OVER_10_YEARS' END,
 CASE WHEN p.id IN (
      SELECT fp.patent_id FROM pledge_financing_patent fp
        JOIN pledge_financing f ON f.id = fp.pledge_financing_id
        JOIN LATERAL (SELECT pledged.county_code FROM patent pledged WHERE pledged.id = fp.patent_id OFFSET 0) pledged ON true
        JOIN (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $1::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) threshold ON threshold.county_code = pledged.county_code
       WHERE f.registered_on <= $1::date AND f.amount >= threshold.high_pledge_threshold) THEN 'HIGH_PLEDGE_FINANCING' END,
 CASE WHEN p.id IN (SELECT pa.patent_id FROM patent_award pa WHERE pa.year <= extract(year FROM $1::date)::int) THEN 'NATIONAL_AWARD' END], NULL)
    ELSE '{}'::text[] END AS reasons
         FROM patent p WHERE p.id = ANY($2::int[])
-- $1 = "2024-12-31"
-- $2 = [1,2]
