-- tests/sql/publish-report.sql: publishIndicatorReport: the live figures of a county frozen into a report in one statement (src/report/report.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
INSERT INTO indicator_report (county_code, period, period_start, period_end, as_of, plan_id, data_cutoff, data_snapshot,
                                         published_by, published_role, indicators, breakthrough_summary, target_gaps, task_board)
    SELECT $1::text, $2, $3::date, $4::date, $5::date, (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $5::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = $1::text), statement_timestamp(),
           pg_current_snapshot(), $6, $7,
           COALESCE((SELECT jsonb_agg(to_jsonb(i) ORDER BY i."kindOrder") FROM (
    WITH target AS (SELECT c.code AS county, pl.start_year, t.kind, t.target, array_position($8::text[], t.kind) AS kind_order
        FROM (SELECT $1::text AS code) c
        JOIN LATERAL (SELECT pl.id, pl.start_year FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $5::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl ON true
        JOIN plan_indicator_target t ON t.plan_id = pl.id
       WHERE NULL::text[] IS NULL OR t.kind = ANY(NULL::text[])),
    scope AS (
      SELECT DISTINCT t.county, t.start_year, extract(year FROM $5::date)::int AS year,
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
              WHERE s.county_code = ANY (ARRAY(SELECT mb.code FROM member mb WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_VALUE_PATENTS', 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP', 'SEI_INVENTION_PATENTS', 'SEI_INVENTION_PATENT_SHARE', 'NEW_HIGH_VALUE_PATENTS')))) AND (s.starts <= $5::date AND $5::date < s.ends)
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
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'HIGH_TECH' AND (m.valid_from <= $5::date AND (m.valid_to IS NULL OR $5::date <= m.valid_to)))::int AS high_tech,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'SPECIALIZED_NEW')::int AS specialized_new
        FROM member mb JOIN enterprise_membership m ON m.county_code = mb.code
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_TECH_ENTERPRISES', 'SPECIALIZED_NEW_ENTERPRISES')) AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND m.valid_from <= $5::date
       GROUP BY mb.county
    ),
    platform AS (
      SELECT mb.county, count(*)::int AS n
        FROM member mb JOIN enterprise e ON e.county_code = mb.code JOIN innovation_platform ip ON ip.enterprise_id = e.id
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('INNOVATION_PLATFORMS')) AND (ip.recognised_on <= $5::date AND (ip.valid_to IS NULL OR $5::date <= ip.valid_to))
       GROUP BY mb.county
    ),
    pledge AS (
      SELECT s.county, sum(f.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN pledge_financing f ON f.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('PLEDGE_FINANCING_AMOUNT')) AND f.registered_on BETWEEN s.period_start AND $5::date
       GROUP BY s.county
    ),
    loan AS (
      SELECT s.county, sum(l.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN knowledge_value_loan l ON l.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('KNOWLEDGE_VALUE_LOANS')) AND l.granted_on BETWEEN s.period_start AND $5::date
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
        '有效发明专利 valid invention patents: 无 none attributed to the county on %s, so the share is undefined', $5::date) END)::text AS missing_reason
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
           m.missing_reason AS "missingReason", $5::date AS "asOf"
      FROM target t JOIN measure m ON m.county = t.county AND m.kind = t.kind) i), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(s) ORDER BY array_position($9::text[], s.category))
                       FROM (WITH target AS MATERIALIZED (WITH member AS MATERIALIZED (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT unnest(ARRAY[$1::text]) AS code) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m)
    SELECT m.root, m.code AS county_code, t.category, t.min_high_value_patents AS target
      FROM member m CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $5::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = m.code) pl
      JOIN plan_breakthrough_target t ON t.plan_id = pl.id),
       member AS (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $5::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $5::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (SELECT DISTINCT t.county_code, t.category, t.target FROM target t) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $5::date AND (m.valid_to IS NULL OR $5::date <= m.valid_to)) ) m)
       SELECT t.root AS "countyCode", t.category,
              COALESCE(max(t.target) FILTER (WHERE t.county_code = t.root), max(t.target))::int AS target,
              min(t.target)::int AS "lowestTarget", max(t.target)::int AS "highestTarget",
              count(m.enterprise_id)::int AS "enterpriseCount",
              count(*) FILTER (WHERE m.current >= m.target)::int AS "metCount",
              COALESCE(sum(greatest(0, m.target - m.current)), 0)::int AS "totalGap"
         FROM target t
         LEFT JOIN member m ON m.county_code = t.county_code AND m.category = t.category AND m.target = t.target
        GROUP BY t.root, t.category
        ORDER BY t.root, array_position($10::text[], t.category)) s), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(g) ORDER BY "g"."gap" DESC, "g"."name" COLLATE "C", "g"."creditCode", "g"."categoryOrder") FROM (SELECT g.* FROM (
    SELECT e.id AS "enterpriseId", e.name, e.credit_code AS "creditCode", e.county_code AS "countyCode", e.version,
           e.industry_cluster AS "industryCluster",
           m.category, array_position($10::text[], m.category) AS "categoryOrder", m.target, m.current,
           greatest(0, m.target - m.current) AS gap, m.current >= m.target AS met
      FROM (SELECT m.*, COALESCE((
    SELECT CASE WHEN h.ends > $11::date THEN h.high_value END FROM enterprise_high_value h
     WHERE h.enterprise_id = m.enterprise_id AND h.starts <= $11::date ORDER BY h.starts DESC LIMIT 1), 0) AS current
               FROM (SELECT DISTINCT t.county_code, m.enterprise_id, t.category, t.target
                       FROM (WITH member AS MATERIALIZED (WITH RECURSIVE member(root, code) AS (
      SELECT r.code::text, r.code::text FROM (SELECT $12::text AS code) r
      -- a probe of each member's children (OFFSET 0): joined, the planner scanned every county of the database and ran
      -- the read policy on each (a city's scope of 39 codes, at national scale: 0.3 ms a statement)
      UNION SELECT m.root, k.code FROM member m CROSS JOIN LATERAL (SELECT k.code FROM county k WHERE k.parent_code = m.code OFFSET 0) k)
    SELECT m.root, m.code, NOT EXISTS (SELECT 1 FROM county k WHERE k.parent_code = m.code) AS leaf FROM member m)
    SELECT m.root, m.code AS county_code, t.category, t.min_high_value_patents AS target
      FROM member m CROSS JOIN LATERAL (SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $11::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = m.code) pl
      JOIN plan_breakthrough_target t ON t.plan_id = pl.id) t
                       JOIN enterprise_membership m ON m.county_code = t.county_code AND m.category = t.category
                      WHERE (m.valid_from <= $11::date AND (m.valid_to IS NULL OR $11::date <= m.valid_to)) ) m) m
      JOIN enterprise e ON e.id = m.enterprise_id) g ) g), '[]'::jsonb),
           COALESCE((SELECT jsonb_agg(to_jsonb(b) ORDER BY (b.task ->> 'number')::int) FROM (WITH task AS MATERIALIZED (SELECT t.id, t.plan_id AS "planId", t.county_code AS "countyCode", t.section,
  t.section_title AS "sectionTitle", t.number, t.title, t.section || t.number || '. ' || t.title AS label,
  t.body AS text, t.indicator_kinds AS "indicatorKinds" FROM plan_task t WHERE t.plan_id = ANY (ARRAY(SELECT pl.id FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $5::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = $1::text))),
       indicator AS MATERIALIZED (
    WITH target AS (SELECT c.code AS county, pl.start_year, t.kind, t.target, array_position($13::text[], t.kind) AS kind_order
        FROM (SELECT DISTINCT t."countyCode" AS code FROM task t) c
        JOIN LATERAL (SELECT pl.id, pl.start_year FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= extract(year FROM $5::date)::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = c.code) pl ON true
        JOIN plan_indicator_target t ON t.plan_id = pl.id
       WHERE NULL::text[] IS NULL OR t.kind = ANY(NULL::text[])),
    scope AS (
      SELECT DISTINCT t.county, t.start_year, extract(year FROM $5::date)::int AS year,
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
              WHERE s.county_code = ANY (ARRAY(SELECT mb.code FROM member mb WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_VALUE_PATENTS', 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD', 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP', 'SEI_INVENTION_PATENTS', 'SEI_INVENTION_PATENT_SHARE', 'NEW_HIGH_VALUE_PATENTS')))) AND (s.starts <= $5::date AND $5::date < s.ends)
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
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'HIGH_TECH' AND (m.valid_from <= $5::date AND (m.valid_to IS NULL OR $5::date <= m.valid_to)))::int AS high_tech,
             count(DISTINCT m.enterprise_id) FILTER (WHERE m.category = 'SPECIALIZED_NEW')::int AS specialized_new
        FROM member mb JOIN enterprise_membership m ON m.county_code = mb.code
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('HIGH_TECH_ENTERPRISES', 'SPECIALIZED_NEW_ENTERPRISES')) AND m.category IN ('HIGH_TECH', 'SPECIALIZED_NEW') AND m.valid_from <= $5::date
       GROUP BY mb.county
    ),
    platform AS (
      SELECT mb.county, count(*)::int AS n
        FROM member mb JOIN enterprise e ON e.county_code = mb.code JOIN innovation_platform ip ON ip.enterprise_id = e.id
       WHERE mb.county IN (SELECT t.county FROM target t WHERE t.kind IN ('INNOVATION_PLATFORMS')) AND (ip.recognised_on <= $5::date AND (ip.valid_to IS NULL OR $5::date <= ip.valid_to))
       GROUP BY mb.county
    ),
    pledge AS (
      SELECT s.county, sum(f.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN pledge_financing f ON f.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('PLEDGE_FINANCING_AMOUNT')) AND f.registered_on BETWEEN s.period_start AND $5::date
       GROUP BY s.county
    ),
    loan AS (
      SELECT s.county, sum(l.amount) AS amount
        FROM scope s JOIN member mb ON mb.county = s.county JOIN enterprise e ON e.county_code = mb.code
        JOIN knowledge_value_loan l ON l.enterprise_id = e.id
       WHERE s.county IN (SELECT t.county FROM target t WHERE t.kind IN ('KNOWLEDGE_VALUE_LOANS')) AND l.granted_on BETWEEN s.period_start AND $5::date
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
        '有效发明专利 valid invention patents: 无 none attributed to the county on %s, so the share is undefined', $5::date) END)::text AS missing_reason
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
           m.missing_reason AS "missingReason", $5::date AS "asOf"
      FROM target t JOIN measure m ON m.county = t.county AND m.kind = t.kind)
     SELECT t."planId", to_jsonb(t) AS task,
            (SELECT to_jsonb(p) FROM (SELECT pr.id, pr.task_id AS "taskId", pr.unit_id AS "unitId", u.name AS "unitName", pr.county_code AS "countyCode",
  pr.reported_on AS "reportedOn", pr.status, pr.body AS text, pr.reported_by AS "reportedBy", pr.reported_role AS "reportedRole",
  pr.reporter_unit AS "reporterUnit", pr.reported_at AS "reportedAt", pr.version FROM task_progress pr JOIN plan_unit u ON u.id = pr.unit_id
                                       WHERE pr.task_id = t.id AND pr.reported_on <= $5::date
                                       ORDER BY pr.reported_on DESC, pr.reported_at DESC, pr.id DESC LIMIT 1) p) AS latest,
            COALESCE((SELECT jsonb_agg(to_jsonb(i) ORDER BY i."kindOrder") FROM indicator i
                       WHERE i."countyCode" = t."countyCode" AND i.kind = ANY (t."indicatorKinds")), '[]'::jsonb) AS indicators
       FROM task t
      ORDER BY t."planId", t.number) b), '[]'::jsonb)
    ON CONFLICT (county_code, period) WHERE withdrawn_at IS NULL DO NOTHING
    RETURNING id
-- $1 = "500231"
-- $2 = "2024Q4"
-- $3 = "2024-10-01"
-- $4 = "2024-12-31"
-- $5 = "2024-12-31"
-- $6 = "editor"
-- $7 = "EDITOR"
-- $8 = ["HIGH_VALUE_PATENTS","HIGH_VALUE_PATENTS_PER_10K_RESIDENTS","HIGH_VALUE_PATENTS_PER_100M_YUAN_RD","HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP","SEI_INVENTION_PATENTS","SEI_INVENTION_PATENT_SHARE","HIGH_TECH_ENTERPRISES","SPECIALIZED_NEW_ENTERPRISES","INNOVATION_PLATFORMS","NEW_HIGH_VALUE_PATENTS","PLEDGE_FINANCING_AMOUNT","KNOWLEDGE_VALUE_LOANS","RD_INVESTMENT_GROWTH","SEI_OUTPUT_VALUE","IP_SERVICE_AGENCIES","PATENT_SERVICE_PRACTITIONERS"]
-- $9 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $10 = ["LISTED_CULTIVATION","SPECIALIZED_NEW","HIGH_TECH"]
-- $11 = "2024-12-31"
-- $12 = "500231"
-- $13 = ["HIGH_VALUE_PATENTS","HIGH_VALUE_PATENTS_PER_10K_RESIDENTS","HIGH_VALUE_PATENTS_PER_100M_YUAN_RD","HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP","SEI_INVENTION_PATENTS","SEI_INVENTION_PATENT_SHARE","HIGH_TECH_ENTERPRISES","SPECIALIZED_NEW_ENTERPRISES","INNOVATION_PLATFORMS","NEW_HIGH_VALUE_PATENTS","PLEDGE_FINANCING_AMOUNT","KNOWLEDGE_VALUE_LOANS","RD_INVESTMENT_GROWTH","SEI_OUTPUT_VALUE","IP_SERVICE_AGENCIES","PATENT_SERVICE_PRACTITIONERS"]
