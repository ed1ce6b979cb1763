-- tests/sql/county-high-value-candidates-page.sql: County.highValueCandidates, the first page (src/candidates/candidates.sql.ts over pagedSql)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::text[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM (SELECT p.id AS "patentId", c.reason, array_position($2::text[], c.reason) AS "reasonOrder", c.expected_on AS "expectedOn",
                    c.shortfall::text AS shortfall, COALESCE(c.expected_on, $3::date) AS "sortDate", p.application_number AS "applicationNumber"
               FROM (SELECT p.* FROM invention_span s JOIN patent p ON p.id = s.patent_id
           WHERE s.county_code = o.owner AND NOT s.high_value AND (s.starts <= $3::date AND $3::date < s.ends)) p CROSS JOIN LATERAL (SELECT 'MAINTAINED_OVER_10_YEARS'::text AS reason, ((p.filing_date + interval '10 years')::date + 1) AS expected_on, NULL::numeric AS shortfall
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
  END))) lost WHERE lost.status = 'PAST_GRACE'))) counted) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT p.id AS "patentId", c.reason, array_position($2::text[], c.reason) AS "reasonOrder", c.expected_on AS "expectedOn",
                    c.shortfall::text AS shortfall, COALESCE(c.expected_on, $3::date) AS "sortDate", p.application_number AS "applicationNumber"
               FROM (SELECT p.* FROM invention_span s JOIN patent p ON p.id = s.patent_id
           WHERE s.county_code = o.owner AND NOT s.high_value AND (s.starts <= $3::date AND $3::date < s.ends)) p CROSS JOIN LATERAL (SELECT 'MAINTAINED_OVER_10_YEARS'::text AS reason, ((p.filing_date + interval '10 years')::date + 1) AS expected_on, NULL::numeric AS shortfall
      WHERE ((p.filing_date + interval '10 years')::date + 1) <= ($5::date + 365) AND (p.grant_date <= ((p.filing_date + interval '10 years')::date + 1) AND (p.lapse_date IS NULL OR NOT p.lapse_date <= ((p.filing_date + interval '10 years')::date + 1)) AND NOT ((p.filing_date + interval '10 years')::date + 1) >= (p.filing_date + CASE p.type
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
  END))) lost WHERE lost.status = 'PAST_GRACE'))) r
         WHERE true ORDER BY "r"."sortDate", "r"."applicationNumber" COLLATE "C", "r"."reasonOrder" LIMIT $6
      ) r ON true
     ORDER BY o.ord, "r"."sortDate", "r"."applicationNumber" COLLATE "C", "r"."reasonOrder"
-- $1 = ["500231"]
-- $2 = ["STRATEGIC_EMERGING_INDUSTRY","OVERSEAS_FAMILY","MAINTAINED_OVER_10_YEARS","HIGH_PLEDGE_FINANCING","NATIONAL_AWARD"]
-- $3 = "2024-12-31"
-- $4 = "2024-12-31"
-- $5 = "2024-12-31"
-- $6 = 51
