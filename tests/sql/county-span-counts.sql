-- tests/sql/county-span-counts.sql: a county's valid, high-value and SEI invention patents on a day, from the kept spans (src/high-value/spans.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
SELECT s.county_code AS "countyCode", count(*)::int AS valid,
                    count(*) FILTER (WHERE s.high_value)::int AS "highValue", count(*) FILTER (WHERE s.strategic)::int AS strategic
               FROM invention_span s
              WHERE s.county_code = ANY ($1::text[]) AND (s.starts <= $2::date AND $2::date < s.ends)
              GROUP BY s.county_code
-- $1 = ["500231"]
-- $2 = "2024-12-31"
