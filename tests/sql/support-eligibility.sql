-- tests/sql/support-eligibility.sql: County.supportEligibility: who qualifies for each computable support measure in a year (src/support/support-eligibility.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    WITH m AS (
      SELECT ms.*, pl.pledge_interest_subsidy_rate AS rate
        FROM (SELECT pl.id, pl.pledge_interest_subsidy_rate FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= $1::int
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = $2::text) pl
        JOIN plan_support_measure ms ON ms.plan_id = pl.id
       WHERE NULL::text::text IS NULL OR ms.number = NULL::text::text
    ),
    awarded AS (SELECT m.plan_id, m.number, m.position, m.kind, po.enterprise_id, sum(f.amount) AS max_amount,
               jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', 'AWARD', 'applicationNumber', f.application_number, 'awardKind', f.kind, 'awardYear', f.year)) ORDER BY f.application_number, f.sort) AS evidence
          FROM m CROSS JOIN LATERAL (SELECT p.id AS patent_id, p.application_number, a.kind AS sort, a.kind, a.year,
                 COALESCE((m.max_amount_by_award ->> a.kind)::numeric, m.max_amount) AS amount
            FROM patent p JOIN patent_award a ON a.patent_id = p.id
           WHERE p.county_code = $2::text AND a.year = $1::int AND a.kind = ANY (m.award_kinds)) f JOIN patent_owner po ON po.patent_id = f.patent_id
         WHERE m.kind = 'CHINA_PATENT_AWARD_REWARD'
         GROUP BY m.plan_id, m.number, m.position, m.kind, po.enterprise_id),
    granted_abroad AS (SELECT m.plan_id, m.number, m.position, m.kind, po.enterprise_id, NULL::numeric AS max_amount,
               jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', 'OVERSEAS_GRANT', 'applicationNumber', f.application_number, 'jurisdiction', f.jurisdiction, 'date', f.grant_date,
               'route', f.route, 'publicationNumber', f.publication_number)) ORDER BY f.application_number, f.sort) AS evidence
          FROM m CROSS JOIN LATERAL (SELECT p.id AS patent_id, p.application_number, g.jurisdiction AS sort, g.jurisdiction, g.grant_date, g.route, g.publication_number
            FROM patent p JOIN patent_overseas_grant g ON g.patent_id = p.id
           WHERE p.county_code = $2::text AND p.type = 'INVENTION'
             AND g.grant_date BETWEEN make_date($1::int, 1, 1) AND make_date($1::int, 12, 31) AND g.route = ANY (m.routes)) f JOIN patent_owner po ON po.patent_id = f.patent_id
         WHERE m.kind = 'FOREIGN_GRANT_SUBSIDY'
         GROUP BY m.plan_id, m.number, m.position, m.kind, po.enterprise_id),
    listed AS (
      SELECT COALESCE('id:' || i.identifier, 'name:' || i.name) AS inventor_key, i.name, i.identifier, p.id, p.application_number, p.type, p.grant_date
        FROM patent p JOIN patent_inventor i ON i.patent_id = p.id
       WHERE p.county_code = $2::text AND EXISTS (SELECT 1 FROM m WHERE m.kind = 'TITLE_ELIGIBILITY')
    ),
    senior AS (
      SELECT m.plan_id, m.number, m.position, m.kind, x.inventor_key, min(x.name) AS name, max(x.identifier) AS identifier,
             jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', 'AWARD', 'applicationNumber', x.application_number, 'awardKind', a.kind, 'awardYear', a.year))
                       ORDER BY a.year, x.application_number, a.kind) AS evidence
        FROM m JOIN listed x ON true JOIN patent_award a ON a.patent_id = x.id AND a.year <= $1::int AND a.kind = ANY (m.award_kinds)
       WHERE m.kind = 'TITLE_ELIGIBILITY'
       GROUP BY m.plan_id, m.number, m.position, m.kind, x.inventor_key
    ),
    -- the inventions (granted in China or not: a foreign grant counts on its own) commercialised by the end of the year
    commercialised AS (
      SELECT DISTINCT x.inventor_key, x.name, x.identifier, x.id, x.application_number,
             CASE WHEN x.grant_date <= make_date($1::int, 12, 31) THEN x.grant_date END AS grant_date
        FROM listed x WHERE x.type = 'INVENTION' AND EXISTS (SELECT 1 FROM (SELECT t.kind, t.occurred_on, t.counterparty, t.record_number, NULL::int AS financing_id
               FROM patent_transaction t WHERE t.patent_id = x.id
             UNION ALL
             SELECT 'PLEDGE', f.registered_on, f.lender, NULL::text, f.id
               FROM pledge_financing_patent fp JOIN pledge_financing f ON f.id = fp.pledge_financing_id
              WHERE fp.patent_id = x.id) ev WHERE ev.occurred_on <= make_date($1::int, 12, 31))
    ),
    counted AS (
      SELECT c.inventor_key, min(c.name) AS name, max(c.identifier) AS identifier, count(c.grant_date) AS chinese_grants,
             (SELECT count(*) FROM commercialised c2 JOIN patent_overseas_grant g ON g.patent_id = c2.id AND g.grant_date <= make_date($1::int, 12, 31)
               WHERE c2.inventor_key = c.inventor_key) AS foreign_grants
        FROM commercialised c GROUP BY c.inventor_key
    ),
    associate AS (
      SELECT m.plan_id, m.number, m.position, m.kind, n.inventor_key, n.name, n.identifier,
             (SELECT jsonb_agg(e.item ORDER BY e.application_number, e.sort, e.day)
                FROM commercialised c CROSS JOIN LATERAL (
                       SELECT jsonb_strip_nulls(jsonb_build_object('kind', 'INVENTION_GRANT', 'applicationNumber', c.application_number, 'date', c.grant_date)) AS item,
                              c.application_number, 0 AS sort, c.grant_date AS day
                        WHERE c.grant_date IS NOT NULL
                       UNION ALL
                       SELECT jsonb_strip_nulls(jsonb_build_object('kind', 'OVERSEAS_GRANT', 'applicationNumber', c.application_number, 'jurisdiction', g.jurisdiction,
                                       'date', g.grant_date, 'route', g.route, 'publicationNumber', g.publication_number)),
                              c.application_number, 1, g.grant_date
                         FROM patent_overseas_grant g WHERE g.patent_id = c.id AND g.grant_date <= make_date($1::int, 12, 31)
                       UNION ALL
                       SELECT jsonb_strip_nulls(jsonb_build_object('kind', 'COMMERCIALISATION', 'applicationNumber', c.application_number, 'transactionKind', ev.kind,
                                       'date', ev.occurred_on, 'counterparty', nullif(ev.counterparty, ''))),
                              c.application_number, 2, ev.occurred_on
                         FROM (SELECT t.kind, t.occurred_on, t.counterparty, t.record_number, NULL::int AS financing_id
               FROM patent_transaction t WHERE t.patent_id = c.id
             UNION ALL
             SELECT 'PLEDGE', f.registered_on, f.lender, NULL::text, f.id
               FROM pledge_financing_patent fp JOIN pledge_financing f ON f.id = fp.pledge_financing_id
              WHERE fp.patent_id = c.id) ev WHERE ev.occurred_on <= make_date($1::int, 12, 31)) e
               WHERE c.inventor_key = n.inventor_key) AS evidence
        FROM m JOIN counted n ON n.chinese_grants >= m.min_chinese_grants OR n.foreign_grants >= m.min_foreign_grants
       WHERE m.kind = 'TITLE_ELIGIBILITY'
    ),
    subsidised AS (
      SELECT m.plan_id, m.number, m.position, m.kind, s."enterpriseId" AS enterprise_id, s."subsidyDue" AS max_amount,
             jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('kind', 'INTEREST_PAID', 'amount', s."interestPaid"::text, 'rate', s.rate))) AS evidence
        FROM m JOIN (
    WITH paid AS (
      SELECT f.enterprise_id, extract(year FROM ip.paid_on)::int AS year, sum(ip.amount) AS interest_paid
        FROM enterprise e
        JOIN pledge_financing f ON f.enterprise_id = e.id
        JOIN pledge_interest_payment ip ON ip.pledge_financing_id = f.id
       WHERE e.county_code = $2::text AND extract(year FROM ip.paid_on) = $1::int
       GROUP BY f.enterprise_id, extract(year FROM ip.paid_on)
    )
    SELECT paid.enterprise_id AS "enterpriseId", paid.year, paid.interest_paid AS "interestPaid",
           plan.rate::float8 AS rate, round(paid.interest_paid * plan.rate, 2) AS "subsidyDue"
      FROM paid
      JOIN enterprise e ON e.id = paid.enterprise_id
      JOIN LATERAL (SELECT pl.pledge_interest_subsidy_rate AS rate FROM (SELECT DISTINCT ON (pl.county_code) pl.* FROM plan pl WHERE pl.start_year <= paid.year
           ORDER BY pl.county_code, pl.start_year DESC) pl WHERE pl.county_code = e.county_code) plan
        ON plan.rate IS NOT NULL) s ON true
       WHERE m.kind = 'PLEDGE_INTEREST_SUBSIDY'
    ),
    enterprises AS (
      SELECT * FROM awarded UNION ALL SELECT * FROM granted_abroad UNION ALL SELECT * FROM subsidised
    ),
    eligible AS (
    SELECT r.plan_id AS "planId", r.number AS "measureNumber", r.kind AS "measureKind", $1::int AS year, 'ENTERPRISE' AS "recipientKind",
           r.enterprise_id AS "enterpriseId", e.name AS "recipientName", NULL::text AS "inventorIdentifier", e.credit_code AS "recipientKey",
           NULL::text AS "titleLevel", r.max_amount::numeric(18, 2)::text AS "maxAmount", r.evidence,
           r.position, r.number || ' ' || e.credit_code AS key
      FROM enterprises r JOIN enterprise e ON e.id = r.enterprise_id
    UNION ALL
    SELECT t.plan_id, t.number, t.kind, $1::int, 'INVENTOR', NULL::int, t.name, t.identifier, t.inventor_key, t.level, NULL::text,
           t.evidence, t.position, t.number || ' ' || t.inventor_key || ' ' || t.level
      FROM (SELECT *, 'SENIOR' AS level FROM senior UNION ALL SELECT *, 'ASSOCIATE' FROM associate) t
    )
    SELECT q.*, $2::text AS "countyCode", COALESCE(paid.amount, 0)::numeric(18, 2)::text AS "paidAmount"
      FROM eligible q
      LEFT JOIN LATERAL (SELECT sum(sp.amount) AS amount FROM support_payment sp
                          WHERE sp.county_code = $2::text AND sp.year = $1::int AND sp.measure_number = q."measureNumber"
                            AND sp.recipient_key = q."recipientKey") paid ON true
-- $1 = 2024
-- $2 = "500231"
