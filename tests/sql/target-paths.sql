-- tests/sql/target-paths.sql: Enterprise.pathToTarget of a page of enterprises (src/candidates/outlook.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH candidate AS MATERIALIZED (
      SELECT e.id AS enterprise_id, c.* FROM unnest($1::int[]) AS e(id)
       CROSS JOIN LATERAL (SELECT p.id AS "patentId", c.reason, array_position($2::text[], c.reason) AS "reasonOrder", c.expected_on AS "expectedOn",
                    c.shortfall::text AS shortfall, COALESCE(c.expected_on, $3::date) AS "sortDate", p.application_number AS "applicationNumber"
               FROM (SELECT p.* FROM patent_owner po JOIN invention_span s ON s.patent_id = po.patent_id JOIN patent p ON p.id = po.patent_id
           WHERE po.enterprise_id = e.id AND NOT s.high_value AND (s.starts <= $3::date AND $3::date < s.ends)) p CROSS JOIN LATERAL (SELECT 'MAINTAINED_OVER_10_YEARS'::text AS reason, ((p.filing_date + interval '10 years')::date + 1) AS expected_on, NULL::numeric AS shortfall
      WHERE ((p.filing_date + interval '10 years')::date + 1) <= ($4::date + 365) AND (p.grant_date <= ((p.filing_date + interval '10 years')::date + 1) AND (p.lapse_date IS NULL OR NOT p.lapse_date <= ((p.filing_date + interval '10 years')::date + 1)) AND NOT ((p.filing_date + interval '10 years')::date + 1) >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))
    UNION ALL
    SELECT 'HIGH_PLEDGE_FINANCING'::text, NULL::date, t.threshold - pledged.amount
      FROM (SELECT max(f.amount) AS amount FROM pledge_financing_patent fp
              -- each financing looked up by key (OFFSET 0: not a scan of every financing hashed once per patent)
              CROSS JOIN LATERAL (SELECT f.amount FROM pledge_financing f
                                   WHERE f.id = fp.pledge_financing_id AND f.registered_on <= $3::date OFFSET 0) f
             WHERE fp.patent_id = p.id) pledged
      JOIN (SELECT pl.high_pledge_threshold AS threshold FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $3::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = p.county_code) t ON true
     WHERE pledged.amount < t.threshold) c
              WHERE NOT (p.annuity_paid_through IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $3::date < y.due_date THEN 'PAID'
              WHEN $3::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $3::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $3::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $3::date)::int END AS surcharge_percent,
         (CASE p.type WHEN 'INVENTION' THEN CASE WHEN y.patent_year BETWEEN 1 AND 3 THEN 900 WHEN y.patent_year BETWEEN 4 AND 6 THEN 1200 WHEN y.patent_year BETWEEN 7 AND 9 THEN 2000 WHEN y.patent_year BETWEEN 10 AND 12 THEN 4000 WHEN y.patent_year BETWEEN 13 AND 15 THEN 6000 WHEN y.patent_year BETWEEN 16 AND 20 THEN 8000 END WHEN 'UTILITY_MODEL' THEN CASE WHEN y.patent_year BETWEEN 1 AND 3 THEN 600 WHEN y.patent_year BETWEEN 4 AND 5 THEN 900 WHEN y.patent_year BETWEEN 6 AND 8 THEN 1200 WHEN y.patent_year BETWEEN 9 AND 10 THEN 2000 END WHEN 'DESIGN' THEN CASE WHEN y.patent_year BETWEEN 1 AND 3 THEN 600 WHEN y.patent_year BETWEEN 4 AND 5 THEN 900 WHEN y.patent_year BETWEEN 6 AND 8 THEN 1200 WHEN y.patent_year BETWEEN 9 AND 10 THEN 2000 END END) AS fee
    FROM (SELECT CASE WHEN n.due < (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) THEN n.patent_year END AS patent_year, n.known,
                 CASE WHEN n.due < (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) THEN n.due END AS due_date,
                 CASE WHEN n.due < (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) THEN (n.due + interval '6 months')::date END AS grace_ends
            FROM (SELECT k.patent_year, k.known,
                         greatest((p.filing_date + make_interval(years => k.patent_year - 1))::date, p.grant_date) AS due
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $3::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $3::date)::int - extract(year FROM p.filing_date)::int)))::date <= $3::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $3::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $3::date) AND NOT $3::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) lost WHERE lost.status = 'PAST_GRACE'))) c)
    SELECT g."enterpriseId", g.category, g.target, g.current, g.gap, g.met,
           CASE WHEN g.met THEN '[]'::json ELSE (
             SELECT COALESCE(json_agg(json_build_object('patentId', c."patentId", 'reason', c.reason, 'expectedOn', c."expectedOn",
                                                        'shortfall', c.shortfall) ORDER BY c."sortDate", c."applicationNumber" COLLATE "C", c."reasonOrder"), '[]')
               FROM candidate c WHERE c.enterprise_id = g."enterpriseId") END AS candidates,
           CASE WHEN g.met THEN $3::date ELSE (
             SELECT d.day FROM (SELECT min(c."expectedOn") AS day FROM candidate c
                                 WHERE c.enterprise_id = g."enterpriseId" AND c.reason = 'MAINTAINED_OVER_10_YEARS' GROUP BY c."patentId") d
              ORDER BY d.day OFFSET g.gap - 1 LIMIT 1) END AS "closesOn",
           g.met OR (SELECT count(DISTINCT c."patentId") FROM candidate c WHERE c.enterprise_id = g."enterpriseId") >= g.gap AS closable
      FROM (
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position($5::text[], m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $3::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $3::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (SELECT c.code AS county_code, t.category, t.min_high_value_patents AS target
               FROM (SELECT DISTINCT e.county_code AS code FROM enterprise e WHERE e.id = ANY ($1::int[])) c
               CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $3::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl
               JOIN plan_breakthrough_target t ON t.plan_id = pl.id) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $3::date AND (m.valid_to IS NULL OR $3::date <= m.valid_to)) AND m.enterprise_id = ANY ($1::int[])) m) m
      JOIN enterprise e ON e.id = m.enterprise_id) g
     ORDER BY g."enterpriseId", g."categoryOrder"
-- $1 = [1,2]
-- $2 = ["STRATEGIC_EMERGING_INDUSTRY","OVERSEAS_FAMILY","MAINTAINED_OVER_10_YEARS","HIGH_PLEDGE_FINANCING","NATIONAL_AWARD"]
-- $3 = "2024-12-31"
-- $4 = "2024-12-31"
-- $5 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
