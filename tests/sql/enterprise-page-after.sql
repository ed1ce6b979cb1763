-- tests/sql/enterprise-page-after.sql: County.enterprises, the page after a cursor, without its total (the first sort column bounds the index range)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::text[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT NULL::int AS total) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e WHERE e.county_code = o.owner) r
         WHERE "r"."name" COLLATE "C" >= $2::text COLLATE "C" AND (("r"."name" COLLATE "C" > $2::text COLLATE "C") OR ("r"."name" COLLATE "C" = $2::text COLLATE "C" AND "r"."creditCode" > $3::text)) ORDER BY "r"."name" COLLATE "C", "r"."creditCode" LIMIT $4
      ) r ON true
     ORDER BY o.ord, "r"."name" COLLATE "C", "r"."creditCode"
-- $1 = ["500231"]
-- $2 = "垫江示例企业"
-- $3 = "9150023100000007ML"
-- $4 = 51
