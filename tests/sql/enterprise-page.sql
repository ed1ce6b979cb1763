-- tests/sql/enterprise-page.sql: County.enterprises, a county's first page in name order with its total (src/graphql/pagination.ts pagedSql)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::text[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e WHERE e.county_code = o.owner) counted) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT e.id, e.credit_code AS "creditCode", e.name, e.county_code AS "countyCode", e.version FROM enterprise e WHERE e.county_code = o.owner) r
         WHERE true ORDER BY "r"."name" COLLATE "C", "r"."creditCode" LIMIT $2
      ) r ON true
     ORDER BY o.ord, "r"."name" COLLATE "C", "r"."creditCode"
-- $1 = ["500231"]
-- $2 = 51
