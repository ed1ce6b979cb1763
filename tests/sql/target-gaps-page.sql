-- tests/sql/target-gaps-page.sql: targetGaps, the first page (src/breakthrough/breakthrough.sql.ts over src/graphql/pagination.ts pagedSql)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    WITH matched AS (SELECT g."countyCode" AS owner, g.* FROM (
    WITH member AS (
      SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
             t.category, array_position($1::text[], t.category) AS "categoryOrder",
             t.min_high_value_patents AS target
        FROM enterprise e
        JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = e.county_code) pl ON true
        JOIN plan_breakthrough_target t ON t.plan_id = pl.id
       WHERE e.county_code = $3
         AND EXISTS (SELECT 1 FROM enterprise_membership m
                      WHERE m.enterprise_id = e.id AND m.category = t.category AND (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)))
    ),
    owned AS (WITH owned_invention AS MATERIALIZED (
      SELECT po.enterprise_id, p.* FROM patent_owner po JOIN patent p ON p.id = po.patent_id
       WHERE po.enterprise_id IN (SELECT "enterpriseId" FROM member) AND p.type = 'INVENTION'
    )
    SELECT o.enterprise_id, count(*)::int AS high_value FROM owned_invention o
     WHERE ((o.type = 'INVENTION' AND (o.grant_date <= $2::date AND (o.lapse_date IS NULL OR NOT o.lapse_date <= $2::date) AND NOT $2::date >= (o.filing_date + CASE o.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN o.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) AND (o.strategic_industry IS NOT NULL
 OR o.id IN (SELECT og.patent_id FROM patent_overseas_grant og WHERE og.grant_date <= $2::date)
 OR $2::date > o.filing_date + interval '10 years'
 OR o.id IN (
      SELECT fp.patent_id FROM pledge_financing_patent fp
        JOIN pledge_financing f ON f.id = fp.pledge_financing_id
        JOIN LATERAL (SELECT pledged.county_code FROM patent pledged WHERE pledged.id = fp.patent_id OFFSET 0) pledged ON true
        JOIN (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) threshold ON threshold.county_code = pledged.county_code
       WHERE f.registered_on <= $2::date AND f.amount >= threshold.high_pledge_threshold)
 OR o.id IN (SELECT pa.patent_id FROM patent_award pa WHERE pa.year <= extract(year FROM $2::date)::int)))
     GROUP BY o.enterprise_id)
    SELECT member.*, COALESCE(owned.high_value, 0) AS current,
           greatest(0, member.target - COALESCE(owned.high_value, 0)) AS gap,
           COALESCE(owned.high_value, 0) >= member.target AS met
      FROM member LEFT JOIN owned ON owned.enterprise_id = member."enterpriseId") g
            WHERE ($4::text IS NULL OR g.category = $4::text) AND (NOT $5 OR NOT g.met)),
    totals AS (SELECT owner, count(*)::int AS total FROM matched GROUP BY owner),
    ranked AS (
      SELECT m.*, row_number() OVER (PARTITION BY m.owner ORDER BY "m"."gap" DESC, "m"."name" COLLATE "C", "m"."creditCode", "m"."categoryOrder") AS page_row
        FROM matched m WHERE true
    )
    SELECT t.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM totals t LEFT JOIN ranked r ON r.owner = t.owner AND r.page_row <= $6
     ORDER BY t.owner, r.page_row
-- $1 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $2 = "2024-12-31"
-- $3 = "500231"
-- $4 = null
-- $5 = true
-- $6 = 21
