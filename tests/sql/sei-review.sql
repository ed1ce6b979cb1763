-- tests/sql/sei-review.sql: County.strategicIndustryReview's rows: suggestions from the concordance in force and the flags (issue 15; src/sei/sei.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference
WITH p AS MATERIALIZED (SELECT p.* FROM patent p WHERE p.county_code = $1::text AND p.type = 'INVENTION'),
       suggested AS (SELECT DISTINCT s.patent_id, s.industry FROM (SELECT p.id AS patent_id, e.industry, c.version, c.effective_from, e.category_code, e.category_name, e.field,
                    e.ipc_prefix, e.keywords, written.code AS matched_ipc
               FROM (SELECT p.id, p.title, p.ipc_codes FROM p) p
               CROSS JOIN LATERAL (SELECT cc.* FROM sei_concordance cc WHERE cc.effective_from <= $2::date ORDER BY cc.effective_from DESC, cc.id DESC LIMIT 1) c
               CROSS JOIN LATERAL unnest(p.ipc_codes) AS written(code)
               CROSS JOIN LATERAL (SELECT upper(regexp_replace(written.code, '\s', '', 'g')) AS key) k
               CROSS JOIN LATERAL generate_series(1, length(k.key)) AS n(len)
               JOIN sei_concordance_entry e ON e.concordance_id = c.id AND e.ipc_prefix = left(k.key, n.len)
              WHERE (n.len = length(k.key) OR n.len <= 4 OR strpos(e.ipc_prefix, '/') > 0 OR substr(k.key, n.len + 1, 1) = '/')
                AND (cardinality(e.keywords) = 0 OR EXISTS (SELECT 1 FROM unnest(e.keywords) w WHERE strpos(p.title, w) > 0))) s),
       rejected AS (SELECT d.patent_id, d.industry FROM sei_review_decision d WHERE d.patent_county_code = $1::text AND d.decision = 'REJECTED'),
       item AS (
         SELECT p.*,
                ARRAY(SELECT s.industry FROM suggested s WHERE s.patent_id = p.id
                        AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.patent_id = s.patent_id AND r.industry = s.industry)
                       ORDER BY array_position($3::text[], s.industry)) AS open,
                EXISTS (SELECT 1 FROM suggested s WHERE s.patent_id = p.id AND s.industry = p.strategic_industry) AS supported
           FROM p)
       SELECT p.id, p.application_number AS "applicationNumber", p.county_code AS "countyCode", p.filing_date AS "filingDate", p.title, p.type, p.grant_date AS "grantDate", p.lapse_date AS "lapseDate", p.ipc_codes AS "ipcCodes", p.strategic_industry AS "strategicIndustry", p.version,
              CASE WHEN p.strategic_industry IS NULL THEN $4 ELSE $5 END AS reason,
              p.open AS "suggestedIndustries", p.strategic_industry AS "confirmedIndustry"
         FROM item p
        WHERE (p.strategic_industry IS NULL AND cardinality(p.open) > 0) OR (p.strategic_industry IS NOT NULL AND NOT p.supported)
-- $1 = "500231"
-- $2 = "2024-12-31"
-- $3 = ["NEXT_GENERATION_IT","HIGH_END_EQUIPMENT","NEW_MATERIALS","BIOTECHNOLOGY","NEW_ENERGY_VEHICLES","NEW_ENERGY","ENERGY_SAVING_ENVIRONMENTAL","DIGITAL_CREATIVE","RELATED_SERVICES"]
-- $4 = "UNCONFIRMED_SUGGESTION"
-- $5 = "UNSUPPORTED_FLAG"
