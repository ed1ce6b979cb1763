-- tests/sql/enterprise-page-after.sql: County.enterprises, the page after a cursor, without its total (the first sort column bounds the index range)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::text[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT NULL::int AS total) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e
                WHERE e.county_code = o.owner
                  AND ($2::text IS NULL OR EXISTS (
                        SELECT 1 FROM enterprise_membership m
                         WHERE m.enterprise_id = e.id AND m.category = $2::text AND (m.valid_from <= $3::date AND (m.valid_to IS NULL OR $3::date <= m.valid_to))))
                  AND ($4::text IS NULL OR strpos(lower(e.name), lower($4::text)) > 0)) r
         WHERE "r"."name" COLLATE "C" >= $5::text COLLATE "C" AND (("r"."name" COLLATE "C" > $5::text COLLATE "C") OR ("r"."name" COLLATE "C" = $5::text COLLATE "C" AND "r"."creditCode" > $6::text)) ORDER BY "r"."name" COLLATE "C", "r"."creditCode" LIMIT $7
      ) r ON true
     ORDER BY o.ord, "r"."name" COLLATE "C", "r"."creditCode"
-- $1 = ["500231"]
-- $2 = null
-- $3 = "2024-12-31"
-- $4 = null
-- $5 = "垫江示例企业"
-- $6 = "9150023100000007ML"
-- $7 = 51
