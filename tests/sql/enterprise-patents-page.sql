-- tests/sql/enterprise-patents-page.sql: Enterprise.patents as the nested read asks it: each enterprise's first 10 patents with its total, only the fields the query selects (src/patent/patent.sql.ts)
-- written by `npm run test:sql:update`; tests/sql/queries.test.ts fails on any difference

    SELECT o.owner AS "pageOwner", t.total AS "pageTotal", r.*
      FROM unnest($1::int[]) WITH ORDINALITY AS o(owner, ord)
      CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM (SELECT 1 FROM patent_owner po WHERE po.enterprise_id = o.owner) counted) t
      LEFT JOIN LATERAL (
        SELECT true AS "pageRow", r.* FROM (SELECT p.id, po.patent_application_number AS "applicationNumber", p.county_code AS "countyCode", po.patent_filing_date AS "filingDate", p.title
            FROM patent_owner po JOIN patent p ON p.id = po.patent_id WHERE po.enterprise_id = o.owner) r
         WHERE true ORDER BY "r"."filingDate" DESC, "r"."applicationNumber" LIMIT $2
      ) r ON true
     ORDER BY o.ord, "r"."filingDate" DESC, "r"."applicationNumber"
-- $1 = [1,2]
-- $2 = 11
