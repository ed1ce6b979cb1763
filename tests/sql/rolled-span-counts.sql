-- tests/sql/rolled-span-counts.sql: a division's counts over itself and the counties below it (issue 15; src/high-value/spans.sql.ts rolledSpanCountsSql)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH member AS MATERIALIZED (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT unnest($1::text[]) AS code) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m),
       counted AS (SELECT s.county_code AS "countyCode", count(*)::int AS valid,
                    count(*) FILTER (WHERE s.high_value)::int AS "highValue", count(*) FILTER (WHERE s.strategic)::int AS strategic
               FROM invention_span s
              WHERE s.county_code = ANY (ARRAY(SELECT DISTINCT m.code FROM member m)) AND (s.starts <= $2::date AND $2::date < s.ends)
              GROUP BY s.county_code)
       SELECT m.root AS "countyCode", sum(c.valid)::int AS valid, sum(c."highValue")::int AS "highValue",
              sum(c.strategic)::int AS strategic
         FROM member m JOIN counted c ON c."countyCode" = m.code
        GROUP BY m.root
-- $1 = ["500000"]
-- $2 = "2024-12-31"
