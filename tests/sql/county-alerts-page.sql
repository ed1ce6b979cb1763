-- tests/sql/county-alerts-page.sql: County.alerts, the first page of every kind within 180 days, with its total (src/alerts/alerts.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH o AS MATERIALIZED (SELECT o.code AS owner, o.code AS county_code, NULL::int AS enterprise_id, o.ord
            FROM unnest($1::text[]) WITH ORDINALITY AS o(code, ord)),
    alert AS MATERIALIZED (
      SELECT o.owner, o.county_code, o.enterprise_id AS scope_enterprise, a.*
        FROM o CROSS JOIN LATERAL (WITH hv AS MATERIALIZED (SELECT p.* FROM invention_span s JOIN patent p ON p.id = s.patent_id
           WHERE s.county_code = o.county_code AND s.high_value AND (s.starts <= $2::date AND $2::date < s.ends)), gap AS MATERIALIZED (
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position($3::text[], m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $2::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $2::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (SELECT c.code AS county_code, t.category, t.min_high_value_patents AS target
               FROM (SELECT o.county_code AS code) c
               CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl
               JOIN plan_breakthrough_target t ON t.plan_id = pl.id) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)) ) m) m
      JOIN enterprise e ON e.id = m.enterprise_id),
      annuity AS MATERIALIZED (SELECT p.id, a.* FROM hv p CROSS JOIN LATERAL (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $2::date < y.due_date THEN 'PAID'
              WHEN $2::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $2::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $2::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $2::date)::int END AS surcharge_percent,
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
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int)))::date <= $2::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $2::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $2::date) AND NOT $2::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) a WHERE p.annuity_paid_through IS NOT NULL)
    SELECT DISTINCT 'CERTIFICATE_EXPIRING'::text AS kind, (m.valid_to)::date AS date, (m.enterprise_id)::int AS enterprise_id,
  (NULL)::int AS patent_id, (m.category)::text AS category,
  (CASE m.category WHEN 'HIGH_TECH' THEN 'HIGH_TECH_ENTERPRISES'
                                  ELSE 'SPECIALIZED_NEW_ENTERPRISES' END)::text AS indicator, (CASE m.category WHEN 'HIGH_TECH' THEN -1 ELSE 0 END)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (NULL)::int AS drop_to
      FROM enterprise_membership m WHERE m.county_code = o.county_code AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to))
       AND m.valid_to <= ($4::date + $5::int)
       AND NOT EXISTS (SELECT 1 FROM enterprise_membership n WHERE n.enterprise_id = m.enterprise_id AND n.category = m.category
                          AND (n.valid_from <= (m.valid_to + 1) AND (n.valid_to IS NULL OR (m.valid_to + 1) <= n.valid_to)))
    UNION ALL SELECT 'ANNUITY_DUE'::text AS kind, (a.due_date)::date AS date, (NULL)::int AS enterprise_id,
  (a.id)::int AS patent_id, (NULL)::text AS category,
  ('HIGH_VALUE_PATENTS')::text AS indicator, (-1)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (NULL)::int AS drop_to FROM annuity a WHERE a.status IN ('PAID', 'DUE') AND a.due_date <= ($4::date + $5::int)
    UNION ALL
    SELECT 'ANNUITY_IN_GRACE'::text AS kind, (a.grace_ends)::date AS date, (NULL)::int AS enterprise_id,
  (a.id)::int AS patent_id, (NULL)::text AS category,
  ('HIGH_VALUE_PATENTS')::text AS indicator, (-1)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (NULL)::int AS drop_to FROM annuity a WHERE a.status = 'IN_GRACE'
    UNION ALL
    SELECT 'ANNUITY_PAST_GRACE'::text AS kind, (a.due_date)::date AS date, (NULL)::int AS enterprise_id,
  (a.id)::int AS patent_id, (NULL)::text AS category,
  ('HIGH_VALUE_PATENTS')::text AS indicator, (-1)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (NULL)::int AS drop_to FROM annuity a WHERE a.status = 'PAST_GRACE'
    UNION ALL SELECT 'TERM_ENDING'::text AS kind, (((p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) - interval '1 day')::date)::date AS date, (NULL)::int AS enterprise_id,
  (p.id)::int AS patent_id, (NULL)::text AS category,
  ('HIGH_VALUE_PATENTS')::text AS indicator, (-1)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (NULL)::int AS drop_to FROM hv p WHERE ((p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END) - interval '1 day')::date <= ($4::date + $5::int)
    UNION ALL SELECT 'WILL_DROP_BELOW_TARGET'::text AS kind, (d.day - 1)::date AS date, (g."enterpriseId")::int AS enterprise_id,
  (NULL)::int AS patent_id, (g.category)::text AS category,
  (NULL)::text AS indicator, (NULL)::int AS change,
  (NULL)::int AS unmet, (NULL)::int AS total_gap, (d.count)::int AS drop_to
      FROM gap g
      CROSS JOIN LATERAL (
        SELECT c.day, (COALESCE((
    SELECT CASE WHEN h.ends > c.day THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = g."enterpriseId" AND h.starts <= c.day ORDER BY h.starts DESC LIMIT 1), 0)
      - (SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
          WHERE po.enterprise_id = g."enterpriseId" AND p.annuity_paid_through IS NOT NULL
            AND EXISTS (SELECT 1 FROM invention_span s WHERE s.patent_id = p.id AND s.high_value AND (s.starts <= c.day AND c.day < s.ends)) AND EXISTS (SELECT 1 FROM (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $2::date < y.due_date THEN 'PAID'
              WHEN $2::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $2::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $2::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $2::date)::int END AS surcharge_percent,
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
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int)))::date <= $2::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $2::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $2::date) AND NOT $2::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) lost WHERE lost.status = 'PAST_GRACE')))::int AS count
          FROM (SELECT $2::date + 1 AS day
                UNION SELECT h.starts FROM enterprise_high_value h
                       WHERE h.enterprise_id = g."enterpriseId" AND h.starts > $2::date AND h.starts <= ($4::date + $5::int)
                UNION SELECT h.ends FROM enterprise_high_value h
                       WHERE h.enterprise_id = g."enterpriseId" AND h.ends > $2::date AND h.ends <= ($4::date + $5::int)) c
         WHERE c.day <= ($4::date + $5::int) AND (COALESCE((
    SELECT CASE WHEN h.ends > c.day THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = g."enterpriseId" AND h.starts <= c.day ORDER BY h.starts DESC LIMIT 1), 0)
      - (SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
          WHERE po.enterprise_id = g."enterpriseId" AND p.annuity_paid_through IS NOT NULL
            AND EXISTS (SELECT 1 FROM invention_span s WHERE s.patent_id = p.id AND s.high_value AND (s.starts <= c.day AND c.day < s.ends)) AND EXISTS (SELECT 1 FROM (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $2::date < y.due_date THEN 'PAID'
              WHEN $2::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $2::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $2::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $2::date)::int END AS surcharge_percent,
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
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int)))::date <= $2::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $2::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $2::date) AND NOT $2::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) lost WHERE lost.status = 'PAST_GRACE')))::int < g.target
         ORDER BY c.day LIMIT 1) d
     WHERE g.met AND (COALESCE((
    SELECT CASE WHEN h.ends > ($4::date + $5::int) THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = g."enterpriseId" AND h.starts <= ($4::date + $5::int) ORDER BY h.starts DESC LIMIT 1), 0)
      - (SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
          WHERE po.enterprise_id = g."enterpriseId" AND p.annuity_paid_through IS NOT NULL
            AND EXISTS (SELECT 1 FROM invention_span s WHERE s.patent_id = p.id AND s.high_value AND (s.starts <= ($4::date + $5::int) AND ($4::date + $5::int) < s.ends)) AND EXISTS (SELECT 1 FROM (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $2::date < y.due_date THEN 'PAID'
              WHEN $2::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $2::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $2::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $2::date)::int END AS surcharge_percent,
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
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $2::date)::int - extract(year FROM p.filing_date)::int)))::date <= $2::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $2::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $2::date) AND NOT $2::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) lost WHERE lost.status = 'PAST_GRACE')))::int < g.target
       AND EXISTS (SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = g."enterpriseId" AND m.category = g.category
                      AND (m.valid_from <= ($4::date + $5::int) AND (m.valid_to IS NULL OR ($4::date + $5::int) <= m.valid_to)))
    UNION ALL SELECT 'PLAN_ENDING'::text AS kind, (make_date(pl.end_year, 12, 31))::date AS date, (NULL)::int AS enterprise_id,
  (NULL)::int AS patent_id, (g.category)::text AS category,
  (NULL)::text AS indicator, (NULL)::int AS change,
  (count(*))::int AS unmet, (sum(g.gap))::int AS total_gap, (NULL)::int AS drop_to FROM (SELECT pl.end_year FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = o.county_code) pl JOIN gap g ON NOT g.met WHERE make_date(pl.end_year, 1, 1) <= ($4::date + $5::int) AND $2::date <= make_date(pl.end_year, 12, 31) GROUP BY pl.end_year, g.category) a
       WHERE $6::text[] IS NULL OR a.kind = ANY ($6::text[])),
    keyed AS (SELECT a.*, array_position($7::text[], a.kind) AS "kindOrder", COALESCE(e.credit_code, '') AS "creditCode",
                     COALESCE(p.application_number, '') AS "applicationNumber", COALESCE(array_position($8::text[], a.category), 0) AS "categoryOrder"
                FROM alert a LEFT JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN patent p ON p.id = a.patent_id),
    indicator AS (
    WITH target AS (SELECT c.code AS county, pl.start_year, t.kind, t.target, array_position($9::text[], t.kind) AS kind_order
        FROM (SELECT o.county_code AS code FROM o) c
        JOIN LATERAL (SELECT pl.id, pl.start_year FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl ON true
        JOIN plan_indicator_target t ON t.plan_id = pl.id
       WHERE $10::text[] IS NULL OR t.kind = ANY($10::text[])),
    scope AS (
      SELECT DISTINCT t.county, t.start_year, extract(year FROM $2::date)::int AS year,
             make_date(t.start_year, 1, 1) AS period_start, make_date(t.start_year - 1, 12, 31) AS baseline_day
        FROM target t
    ),
    -- each county and every county below it (a division's figures are its own and theirs)
    member AS MATERIALIZED (
      SELECT m.root AS county, m.code, m.leaf FROM (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT DISTINCT sc.county AS code FROM scope sc) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m) m
    ),
    invention AS (
      SELECT mb.county AS "countyCode", sum(c.valid)::int AS valid, sum(c."highValue")::int AS "highValue", sum(c.strategic)::int AS strategic
        FROM member mb
        JOIN (SELECT s.county_code AS "countyCode", count(*)::int AS valid,
                    count(*) FILTER (WHERE s.high_value)::int AS "highValue", count(*) FILTER (WHERE s.strategic)::int AS strategic
               FROM invention_span s
              WHERE s.county_code = ANY (ARRAY(SELECT mb.code FROM member mb WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_VALUE_PATENTS', 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP', 'SEI_INVENTION_PATENTS', 'SEI_INVENTION_PATENT_SHARE', 'NEW_HIGH_VALUE_PATENTS')))) AND (s.starts <= $2::date AND $2::date < s.ends)
              GROUP BY s.county_code) c
          ON c."countyCode" = mb.code
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_VALUE_PATENTS', 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP', 'SEI_INVENTION_PATENTS', 'SEI_INVENTION_PATENT_SHARE', 'NEW_HIGH_VALUE_PATENTS'))
       GROUP BY mb.county
    ),
    baseline_high_value AS (
      SELECT sc.county, b.n FROM scope sc
        CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM invention_span s
                             WHERE s.county_code = ANY (ARRAY(SELECT mb.code FROM member mb WHERE mb.county = sc.county))
                               AND s.high_value AND (s.starts <= sc.baseline_day AND sc.baseline_day < s.ends)) b
       WHERE sc.county IN (SELECT t.county FROM target t WHERE t.kind IN ('NEW_HIGH_VALUE_PATENTS'))
    ),
    enterprise_count AS (
      SELECT mb.county,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'HIGH_TECH' AND (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)))::int AS high_tech,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'SPECIALIZED_NEW')::int AS specialized_new
        FROM member mb JOIN enterprise_membership m ON m.county_code = mb.code
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_TECH_ENTERPRISES', 'SPECIALIZED_NEW_ENTERPRISES')) AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND m.valid_from <= $2::date
       GROUP BY mb.county
    ),
    platform AS (
      SELECT mb.county, count(*)::int AS n
        FROM member mb JOIN enterprise e ON e.county_code = mb.code JOIN innovation_platform ip ON ip.enterprise_id = e.id
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('INNOVATION_PLATFORMS')) AND (ip.recognised_on <= $2::date AND (ip.valid_to IS NULL OR $2::date <= ip.valid_to))
       GROUP BY mb.county
    ),
    pledge AS (
      SELECT s.county, sum(f.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN pledge_financing f ON f.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('PLEDGE_FINANCING_AMOUNT')) AND f.registered_on BETWEEN s.period_start AND $2::date
       GROUP BY s.county
    ),
    loan AS (
      SELECT s.county, sum(l.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN knowledge_value_loan l ON l.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('KNOWLEDGE_VALUE_LOANS')) AND l.granted_on BETWEEN s.period_start AND $2::date
       GROUP BY s.county
    ),
    facts AS (
      SELECT s.county, s.start_year, s.year,
             COALESCE(vi."highValue", 0) AS high_value, COALESCE(bhv.n, 0) AS baseline_high_value,
             COALESCE(vi.valid, 0) AS valid_inventions, COALESCE(vi.strategic, 0) AS sei_inventions,
             COALESCE(ec.high_tech, 0) AS high_tech, COALESCE(ec.specialized_new, 0) AS specialized_new,
             COALESCE(pf.n, 0) AS platforms, COALESCE(pg.amount, 0) AS pledge_amount, COALESCE(ln.amount, 0) AS loan_amount,
             "population".year AS "population_year", "population".value AS "population",
           "population".missing_in AS "population_missing",
           "gdp".year AS "gdp_year", "gdp".value AS "gdp",
           "gdp".missing_in AS "gdp_missing",
           "rd_investment".year AS "rd_investment_year", "rd_investment".value AS "rd_investment",
           "rd_investment".missing_in AS "rd_investment_missing",
           "sei_output_value".year AS "sei_output_value_year", "sei_output_value".value AS "sei_output_value",
           "sei_output_value".missing_in AS "sei_output_value_missing",
           "ip_service_agencies".year AS "ip_service_agencies_year", "ip_service_agencies".value AS "ip_service_agencies",
           "ip_service_agencies".missing_in AS "ip_service_agencies_missing",
           "patent_service_practitioners".year AS "patent_service_practitioners_year", "patent_service_practitioners".value AS "patent_service_practitioners",
           "patent_service_practitioners".missing_in AS "patent_service_practitioners_missing",
             rd_base.value AS rd_base, rd_base.missing_in AS rd_base_missing
        FROM scope s
        LEFT JOIN baseline_high_value bhv ON bhv.county = s.county
        LEFT JOIN invention vi ON vi."countyCode" = s.county
        LEFT JOIN enterprise_count ec ON ec.county = s.county
        LEFT JOIN platform pf ON pf.county = s.county
        LEFT JOIN pledge pg ON pg.county = s.county
        LEFT JOIN loan ln ON ln.county = s.county
        LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."population"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."population" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."population"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."population" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "population" ON true
      LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."gdp"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."gdp" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."gdp"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."gdp" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "gdp" ON true
      LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."rd_investment"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."rd_investment" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."rd_investment"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."rd_investment" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "rd_investment" ON true
      LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."sei_output_value"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."sei_output_value" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."sei_output_value"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."sei_output_value" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "sei_output_value" ON true
      LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."ip_service_agencies"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."ip_service_agencies" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."ip_service_agencies"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."ip_service_agencies" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "ip_service_agencies" ON true
      LEFT JOIN LATERAL (SELECT COALESCE(own.year, below.year) AS year,
                    COALESCE(own.value, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.value IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN LATERAL (SELECT st.year, st."patent_service_practitioners"::numeric AS value FROM county_statistics st
           WHERE st.county_code = s.county AND st.year <= s.year AND st."patent_service_practitioners" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) own ON true
               LEFT JOIN LATERAL (
                 SELECT min(f.year) AS year, sum(f.value) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE f.value IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN LATERAL (SELECT st.year, st."patent_service_practitioners"::numeric AS value FROM county_statistics st
           WHERE st.county_code = lf.code AND st.year <= s.year AND st."patent_service_practitioners" IS NOT NULL
           ORDER BY st.year DESC LIMIT 1) f ON true
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) "patent_service_practitioners" ON true
        LEFT JOIN LATERAL (SELECT COALESCE(own.rd_investment, CASE WHEN below.missing_in IS NULL THEN below.value END) AS value,
                    CASE WHEN own.rd_investment IS NULL THEN below.missing_in END AS missing_in
               FROM (SELECT 1) one
               LEFT JOIN county_statistics own ON own.county_code = s.county AND own.year = s.start_year - 1 AND own.rd_investment IS NOT NULL
               LEFT JOIN LATERAL (
                 SELECT sum(st.rd_investment) AS value,
                        string_agg(lf.code || ' ' || lc.name, ', ' ORDER BY lf.code) FILTER (WHERE st.rd_investment IS NULL) AS missing_in
                   FROM member lf JOIN county lc ON lc.code = lf.code
                   LEFT JOIN county_statistics st ON st.county_code = lf.code AND st.year = s.start_year - 1
                  WHERE lf.county = s.county AND lf.leaf AND lf.code <> s.county
                 HAVING count(*) > 0) below ON true) rd_base ON true
    ),
    measure AS (
      SELECT f.county, 'HIGH_VALUE_PATENTS'::text AS kind, (f."high_value")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."high_value")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'HIGH_VALUE_PATENTS')
      UNION ALL
      SELECT f.county, 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS'::text AS kind, (f.high_value)::float8 AS numerator,
              (f."population" / 10000.0)::float8 AS denominator, (f.high_value / NULLIF(f."population" / 10000.0, 0))::float8 AS actual,
              (f."population_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."population" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '常住人口 population', f.year)
    || CASE WHEN f."population_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."population_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS')
      UNION ALL
      SELECT f.county, 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD'::text AS kind, (f.high_value)::float8 AS numerator,
              (f."rd_investment" / 100000000.0)::float8 AS denominator, (f.high_value / NULLIF(f."rd_investment" / 100000000.0, 0))::float8 AS actual,
              (f."rd_investment_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."rd_investment" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '研发经费投入 R&D investment', f.year)
    || CASE WHEN f."rd_investment_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."rd_investment_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD')
      UNION ALL
      SELECT f.county, 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP'::text AS kind, (f.high_value)::float8 AS numerator,
              (f."gdp" / 100000000.0)::float8 AS denominator, (f.high_value / NULLIF(f."gdp" / 100000000.0, 0))::float8 AS actual,
              (f."gdp_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."gdp" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '地区生产总值 GDP', f.year)
    || CASE WHEN f."gdp_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."gdp_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP')
      UNION ALL
      SELECT f.county, 'SEI_INVENTION_PATENTS'::text AS kind, (f."sei_inventions")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."sei_inventions")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'SEI_INVENTION_PATENTS')
      UNION ALL
      SELECT f.county, 'SEI_INVENTION_PATENT_SHARE'::text AS kind, (f.sei_inventions)::float8 AS numerator,
              (f.valid_inventions)::float8 AS denominator, (100.0 * f.sei_inventions / NULLIF(f.valid_inventions, 0))::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f.valid_inventions = 0 THEN format(
        '有效发明专利 valid invention patents: 无 none attributed to the county on %s, so the share is undefined', $2::date) END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'SEI_INVENTION_PATENT_SHARE')
      UNION ALL
      SELECT f.county, 'HIGH_TECH_ENTERPRISES'::text AS kind, (f."high_tech")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."high_tech")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'HIGH_TECH_ENTERPRISES')
      UNION ALL
      SELECT f.county, 'SPECIALIZED_NEW_ENTERPRISES'::text AS kind, (f."specialized_new")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."specialized_new")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'SPECIALIZED_NEW_ENTERPRISES')
      UNION ALL
      SELECT f.county, 'INNOVATION_PLATFORMS'::text AS kind, (f."platforms")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."platforms")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'INNOVATION_PLATFORMS')
      UNION ALL
      SELECT f.county, 'NEW_HIGH_VALUE_PATENTS'::text AS kind, (f.high_value)::float8 AS numerator,
              (NULL)::float8 AS denominator, (f.high_value - f.baseline_high_value)::float8 AS actual,
              (NULL)::int AS statistics_year, (f.baseline_high_value)::float8 AS baseline,
              (f.start_year - 1)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'NEW_HIGH_VALUE_PATENTS')
      UNION ALL
      SELECT f.county, 'PLEDGE_FINANCING_AMOUNT'::text AS kind, (f."pledge_amount")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."pledge_amount")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'PLEDGE_FINANCING_AMOUNT')
      UNION ALL
      SELECT f.county, 'KNOWLEDGE_VALUE_LOANS'::text AS kind, (f."loan_amount")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."loan_amount")::float8 AS actual,
              (NULL)::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (NULL)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'KNOWLEDGE_VALUE_LOANS')
      UNION ALL
      SELECT f.county, 'RD_INVESTMENT_GROWTH'::text AS kind, (CASE WHEN ((f.rd_investment_year - (f.start_year - 1)) > 0 AND f.rd_base > 0) THEN f.rd_investment END)::float8 AS numerator,
              (f.rd_base)::float8 AS denominator, (CASE WHEN ((f.rd_investment_year - (f.start_year - 1)) > 0 AND f.rd_base > 0)
                 THEN 100 * (power((f.rd_investment / f.rd_base)::float8, 1.0 / (f.rd_investment_year - (f.start_year - 1))) - 1) END)::float8 AS actual,
              (CASE WHEN ((f.rd_investment_year - (f.start_year - 1)) > 0 AND f.rd_base > 0) THEN f.rd_investment_year END)::int AS statistics_year, (f.rd_base)::float8 AS baseline,
              (f.start_year - 1)::int AS baseline_year, (CASE
        WHEN f.rd_base IS NULL THEN format('%s: 未报送 not reported for %s, the year before the plan started', '研发经费投入 R&D investment', f.start_year - 1)
          || CASE WHEN f.rd_base_missing IS NOT NULL THEN format(' by %s (the division reports none of its own)', f.rd_base_missing) ELSE '' END
        WHEN NOT ((f.rd_investment_year - (f.start_year - 1)) > 0 AND f.rd_base > 0) OR f.rd_investment IS NULL
          THEN format('%s: 未报送 not reported for any year from %s to %s', '研发经费投入 R&D investment', f.start_year, f.year) END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'RD_INVESTMENT_GROWTH')
      UNION ALL
      SELECT f.county, 'SEI_OUTPUT_VALUE'::text AS kind, (f."sei_output_value")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."sei_output_value")::float8 AS actual,
              (f."sei_output_value_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."sei_output_value" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '战略性新兴产业总产值 SEI output value', f.year)
    || CASE WHEN f."sei_output_value_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."sei_output_value_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'SEI_OUTPUT_VALUE')
      UNION ALL
      SELECT f.county, 'IP_SERVICE_AGENCIES'::text AS kind, (f."ip_service_agencies")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."ip_service_agencies")::float8 AS actual,
              (f."ip_service_agencies_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."ip_service_agencies" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '知识产权综合服务机构数 IP service agencies', f.year)
    || CASE WHEN f."ip_service_agencies_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."ip_service_agencies_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'IP_SERVICE_AGENCIES')
      UNION ALL
      SELECT f.county, 'PATENT_SERVICE_PRACTITIONERS'::text AS kind, (f."patent_service_practitioners")::float8 AS numerator,
              (NULL)::float8 AS denominator, (f."patent_service_practitioners")::float8 AS actual,
              (f."patent_service_practitioners_year")::int AS statistics_year, (NULL)::float8 AS baseline,
              (NULL)::int AS baseline_year, (CASE WHEN f."patent_service_practitioners" IS NULL THEN format('%s: 未报送 not reported for %s or any earlier year', '专利综合服务从业人员数 patent service practitioners', f.year)
    || CASE WHEN f."patent_service_practitioners_missing" IS NOT NULL THEN format(' by %s (the division reports none of its own)', f."patent_service_practitioners_missing") ELSE '' END END)::text AS missing_reason
         FROM facts f WHERE f.county IN (SELECT t.county FROM target t WHERE t.kind = 'PATENT_SERVICE_PRACTITIONERS')
    )
    SELECT t.county AS "countyCode", t.kind, t.kind_order AS "kindOrder", t.target,
           m.numerator, m.denominator, m.actual,
           CASE WHEN t.target > 0 THEN m.actual / t.target END AS progress,
           m.actual >= t.target AS met,
           m.statistics_year AS "statisticsYear", m.baseline, m.baseline_year AS "baselineYear",
           m.missing_reason AS "missingReason", $2::date AS "asOf"
      FROM target t JOIN measure m ON m.county = t.county AND m.kind = t.kind),
    r AS MATERIALIZED (
      SELECT k.*, i.target, i.actual AS before,
             i.actual + sum(k.change) OVER (PARTITION BY k.owner, k.indicator ORDER BY "k"."date", "k"."kindOrder", "k"."creditCode" COLLATE "C", "k"."applicationNumber" COLLATE "C", "k"."categoryOrder") AS after
        FROM keyed k LEFT JOIN indicator i ON i."countyCode" = k.county_code AND i.kind = k.indicator),
    page AS MATERIALIZED (
      SELECT x.* FROM (SELECT r.*, row_number() OVER (PARTITION BY r.owner ORDER BY "r"."date", "r"."kindOrder", "r"."creditCode" COLLATE "C", "r"."applicationNumber" COLLATE "C", "r"."categoryOrder") AS rank
                         FROM r WHERE true) x
       WHERE x.rank <= $11),
    page_gap AS MATERIALIZED (
      
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position($3::text[], m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $2::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $2::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (SELECT c.code AS county_code, t.category, t.min_high_value_patents AS target
               FROM (SELECT DISTINCT pg.county_code AS code FROM page pg) c
               CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $2::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl
               JOIN plan_breakthrough_target t ON t.plan_id = pl.id) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to)) AND m.enterprise_id = ANY ((SELECT array_agg(DISTINCT x.id) FROM (SELECT pg.enterprise_id AS id FROM page pg
                        UNION SELECT po.enterprise_id FROM page pg
                              CROSS JOIN LATERAL (SELECT po.enterprise_id FROM patent_owner po WHERE po.patent_id = pg.patent_id OFFSET 0) po) x)::int[])) m) m
      JOIN enterprise e ON e.id = m.enterprise_id)
    SELECT o.owner AS "pageOwner", (SELECT count(*)::int FROM r WHERE r.owner = o.owner) AS "pageTotal",
           pg."pageRow", pg.kind, pg.date, pg.enterprise_id AS "enterpriseId", pg.patent_id AS "patentId", pg.category, pg.indicator,
           pg.change, pg.target, pg.before, pg.after, pg.unmet, pg.total_gap AS "totalGap", pg."kindOrder", pg."creditCode",
           pg."applicationNumber", pg."categoryOrder", CASE WHEN pg."pageRow" THEN (SELECT COALESCE(json_agg(json_build_object('enterpriseId', g."enterpriseId", 'name', g.name, 'creditCode', g."creditCode",
        'countyCode', g."countyCode", 'version', g.version, 'category', g.category, 'target', g.target, 'current', g.current,
        'after', CASE WHEN pg.kind = 'CERTIFICATE_EXPIRING' THEN NULL WHEN pg.kind = 'WILL_DROP_BELOW_TARGET' THEN pg.drop_to
                      WHEN pg.patent_id IS NOT NULL THEN g.current - 1 ELSE g.current END,
        'met', g.met,
        'opens', g.met AND CASE WHEN pg.kind = 'WILL_DROP_BELOW_TARGET' THEN true WHEN pg.patent_id IS NOT NULL THEN g.current - 1 < g.target ELSE false END,
        'leavesCategory', pg.kind = 'CERTIFICATE_EXPIRING') ORDER BY g."categoryOrder", g.name COLLATE "C", g."creditCode"), '[]')
       FROM page_gap g
      WHERE g."countyCode" = pg.county_code AND (pg.scope_enterprise IS NULL OR g."enterpriseId" = pg.scope_enterprise)
        AND CASE WHEN pg.patent_id IS NOT NULL
                 THEN g."enterpriseId" IN (SELECT po.enterprise_id FROM patent_owner po WHERE po.patent_id = pg.patent_id)
                 ELSE g."enterpriseId" = pg.enterprise_id AND g.category = pg.category END) END AS gaps
      FROM o LEFT JOIN (SELECT true AS "pageRow", page.* FROM page) pg ON pg.owner = o.owner
     ORDER BY o.ord, "pg"."date", "pg"."kindOrder", "pg"."creditCode" COLLATE "C", "pg"."applicationNumber" COLLATE "C", "pg"."categoryOrder"
-- $1 = ["500231"]
-- $2 = "2024-12-31"
-- $3 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $4 = "2024-12-31"
-- $5 = 180
-- $6 = null
-- $7 = ["CERTIFICATE_EXPIRING","ANNUITY_DUE","ANNUITY_IN_GRACE","ANNUITY_PAST_GRACE","TERM_ENDING","WILL_DROP_BELOW_TARGET","PLAN_ENDING"]
-- $8 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $9 = ["HIGH_VALUE_PATENTS","HIGH_VALUE_PATENTS_PER_10K_RESIDENTS","HIGH_VALUE_PATENTS_PER_100M_YUAN_RD","HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP","SEI_INVENTION_PATENTS","SEI_INVENTION_PATENT_SHARE","HIGH_TECH_ENTERPRISES","SPECIALIZED_NEW_ENTERPRISES","INNOVATION_PLATFORMS","NEW_HIGH_VALUE_PATENTS","PLEDGE_FINANCING_AMOUNT","KNOWLEDGE_VALUE_LOANS","RD_INVESTMENT_GROWTH","SEI_OUTPUT_VALUE","IP_SERVICE_AGENCIES","PATENT_SERVICE_PRACTITIONERS"]
-- $10 = ["HIGH_VALUE_PATENTS","HIGH_TECH_ENTERPRISES","SPECIALIZED_NEW_ENTERPRISES"]
-- $11 = 51
