-- tests/sql/patent-evaluation.sql: a patent's status and high-value reasons on a day, as patentEvaluationLoader asks (src/high-value/spans.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
SELECT p.id, CASE
    WHEN p.lapse_date <= $1::date THEN 'LAPSED'
    WHEN $1::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) THEN 'EXPIRED'
    WHEN p.grant_date <= $1::date THEN 'VALID'
    ELSE 'PENDING' END AS status, COALESCE((SELECT s.reasons FROM invention_span s WHERE s.patent_id = p.id AND (s.starts <= $1::date AND $1::date < s.ends)), '{}'::text[]) AS reasons
               FROM patent p WHERE p.id = ANY ($2::int[])
-- $1 = "2024-12-31"
-- $2 = [1,2]
