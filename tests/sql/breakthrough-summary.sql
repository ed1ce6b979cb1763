-- tests/sql/breakthrough-summary.sql: County.breakthroughSummary: one row per category of the plan in force (src/breakthrough/breakthrough.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH target AS MATERIALIZED (WITH member AS MATERIALIZED (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT unnest($1::text[]) AS code) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m)
    SELECT m.root, m.code AS county_code, t.category, t.min_high_value_patents AS target
      FROM member m CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = m.code) pl
      JOIN plan_breakthrough_target t ON t.plan_id = pl.id),
       member AS (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $2::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $2::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (SELECT DISTINCT t.county_code, t.category, t.target FROM target t) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)) ) m)
       SELECT t.root AS "countyCode", t.category,
              COALESCE(max(t.target) FILTER (WHERE t.county_code = t.root), max(t.target))::int AS target,
              min(t.target)::int AS "lowestTarget", max(t.target)::int AS "highestTarget",
              count(m.enterprise_id)::int AS "enterpriseCount",
              count(*) FILTER (WHERE m.current >= m.target)::int AS "metCount",
              COALESCE(sum(greatest(0, m.target - m.current)), 0)::int AS "totalGap"
         FROM target t
         LEFT JOIN member m ON m.county_code = t.county_code AND m.category = t.category AND m.target = t.target
        GROUP BY t.root, t.category
        ORDER BY t.root, array_position($3::text[], t.category)
-- $1 = ["500231"]
-- $2 = "2024-12-31"
-- $3 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
