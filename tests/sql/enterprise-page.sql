-- tests/sql/enterprise-page.sql: County.enterprises, a county's first page in name order with its total (src/graphql/pagination.ts pagedSql)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::text[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e
                WHERE e.county_code = o.owner
                  AND ($2::text IS NULL OR EXISTS (
                        SELECT 1 FROM enterprise_membership m
                         WHERE m.enterprise_id = e.id AND m.category = $2::text AND (m.valid_from <= $3::date AND (m.valid_to IS NULL OR $3::date <= m.valid_to))))
                  AND ($4::text IS NULL OR strpos(lower(e.name), lower($4::text)) > 0)) counted) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e
                WHERE e.county_code = o.owner
                  AND ($5::text IS NULL OR EXISTS (
                        SELECT 1 FROM enterprise_membership m
                         WHERE m.enterprise_id = e.id AND m.category = $5::text AND (m.valid_from <= $6::date AND (m.valid_to IS NULL OR $6::date <= m.valid_to))))
                  AND ($7::text IS NULL OR strpos(lower(e.name), lower($7::text)) > 0)) r
         WHERE true ORDER BY "r"."name" COLLATE "C", "r"."creditCode" LIMIT $8
      ) r ON true
     ORDER BY o.ord, "r"."name" COLLATE "C", "r"."creditCode"
-- $1 = ["500231"]
-- $2 = null
-- $3 = "2024-12-31"
-- $4 = null
-- $5 = null
-- $6 = "2024-12-31"
-- $7 = null
-- $8 = 51
