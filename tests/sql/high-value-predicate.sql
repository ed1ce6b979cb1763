-- tests/sql/high-value-predicate.sql: the direct evaluation of the high-value rule, the reference the kept spans are held against (src/high-value/high-value.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
SELECT p.id FROM patent p WHERE p.county_code = $1 AND ((p.type = 'INVENTION' AND (p.grant_date <= $2::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $2::date) AND NOT $2::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) AND (p.strategic_industry IS NOT NULL
 OR p.id IN (SELECT og.patent_id FROM patent_overseas_grant og WHERE og.grant_date <= $2::date)
 OR $2::date >= ((p.filing_date + interval '10 years')::date + 1)
 OR p.id IN (
      SELECT fp.patent_id FROM pledge_financing_patent fp
        JOIN pledge_financing f ON f.id = fp.pledge_financing_id
        JOIN LATERAL (SELECT pledged.county_code FROM patent pledged WHERE pledged.id = fp.patent_id OFFSET 0) pledged ON true
        JOIN (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) threshold ON threshold.county_code = pledged.county_code
       WHERE f.registered_on <= $2::date AND f.amount >= threshold.high_pledge_threshold)
 OR p.id IN (SELECT pa.patent_id FROM patent_award pa WHERE pa.year <= extract(year FROM $2::date)::int)))
-- $1 = "500231"
-- $2 = "2024-12-31"
