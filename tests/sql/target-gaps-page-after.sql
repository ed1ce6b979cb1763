-- tests/sql/target-gaps-page-after.sql: targetGaps, a page after a cursor (gap, name, credit code, category order)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH g AS MATERIALIZED (SELECT g.* FROM (
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position($1::text[], m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $2::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $2::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (WITH member AS MATERIALIZED (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT $3::text AS code) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m)
    SELECT m.root, m.code AS county_code, t.category, t.min_high_value_patents AS target
      FROM member m CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = m.code) pl
      JOIN plan_breakthrough_target t ON t.plan_id = pl.id) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)) ) m) m
      JOIN enterprise e ON e.id = m.enterprise_id) g WHERE NOT g.met)
    SELECT $4::text AS "pageOwner", NULL::int AS "pageTotal",
           r.* FROM (SELECT true AS "pageRow", g.* FROM g) r
     WHERE "r"."gap" <= $5::int AND (("r"."gap" < $5::int) OR ("r"."gap" = $5::int AND "r"."name" COLLATE "C" > $6::text COLLATE "C") OR ("r"."gap" = $5::int AND "r"."name" COLLATE "C" = $6::text COLLATE "C" AND "r"."creditCode" > $7::text) OR ("r"."gap" = $5::int AND "r"."name" COLLATE "C" = $6::text COLLATE "C" AND "r"."creditCode" = $7::text AND "r"."categoryOrder" > $8::int))
     ORDER BY "r"."gap" DESC, "r"."name" COLLATE "C", "r"."creditCode", "r"."categoryOrder" LIMIT $9
-- $1 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $2 = "2024-12-31"
-- $3 = "500231"
-- $4 = "500231"
-- $5 = 2
-- $6 = "垫江示例企业"
-- $7 = "9150023100000007ML"
-- $8 = 1
-- $9 = 21
