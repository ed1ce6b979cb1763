-- tests/sql/patent-annuity.sql: Patent.annuity: the annuity of the first unpaid patent year on a day, as annuityLoader asks (src/annuity/annuity.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
SELECT p.id, a.* FROM patent p CROSS JOIN LATERAL (SELECT y.patent_year, y.due_date, y.grace_ends,
         CASE WHEN NOT y.known THEN 'UNKNOWN'
              WHEN y.due_date IS NULL OR $1::date < y.due_date THEN 'PAID'
              WHEN $1::date < (y.due_date + interval '1 month')::date THEN 'DUE'
              WHEN $1::date <= y.grace_ends THEN 'IN_GRACE'
              ELSE 'PAST_GRACE' END AS status,
         CASE WHEN y.known AND y.due_date IS NULL THEN 0
              WHEN y.known AND $1::date <= y.grace_ends THEN 5 * (SELECT count(*) FROM generate_series(1, 5) AS k(months)
                          WHERE (y.due_date + make_interval(months => k.months))::date <= $1::date)::int END AS surcharge_percent,
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
                    FROM (SELECT COALESCE(p.annuity_paid_through + 1, ((extract(year FROM $1::date)::int - extract(year FROM p.filing_date)::int) + CASE WHEN (p.filing_date + make_interval(years => (extract(year FROM $1::date)::int - extract(year FROM p.filing_date)::int)))::date <= $1::date THEN 1 ELSE 0 END)) AS patent_year,
                                 p.annuity_paid_through IS NOT NULL AS known) k) n) y
   WHERE (p.grant_date <= $1::date AND (p.lapse_date IS NULL OR NOT p.lapse_date <= $1::date) AND NOT $1::date >= (p.filing_date + CASE p.type
    WHEN 'INVENTION' THEN interval '20 years'
    WHEN 'UTILITY_MODEL' THEN interval '10 years'
    ELSE CASE WHEN p.filing_date >= date '2021-06-01' THEN interval '15 years' ELSE interval '10 years' END
  END))) a WHERE p.id = ANY ($2::int[])
-- $1 = "2024-12-31"
-- $2 = [1,2]
