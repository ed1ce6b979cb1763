import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Span upkeep whose cost no longer hangs on the plans the planner keeps; the rules are untouched.
 *  - hvp_invention_spans meant to read a patent's pledged links by key, each link's financing by key, and only then
 *    the plans of the patent's county; but its LATERAL subqueries were simple enough to be pulled up and reordered,
 *    and with a generic plan (plpgsql's, from a session's sixth call) or without statistics it scanned every pledge
 *    financing of the database once per patent. OFFSET 0 keeps each subquery whole: the order is the one written.
 *  - hvp_refresh_invention_spans and hvp_rebuild_enterprise_high_value EXECUTE their one write statement, and compare
 *    what they write with the rows as they were, read once by the batch's keys, not probed row by row (below).
 *  - invention_span_patent_idx leads with the patent alone (below).
 * Together they let the national-scale set (2,000,000 patents, bench/generate.ts) be derived at all: it had not
 * finished in an hour. The functions are otherwise those of InventionSpans1764700000000.
 */
const spansFunction = (fence: string) => `
      CREATE OR REPLACE FUNCTION hvp_invention_spans(patent_ids int[])
        RETURNS TABLE (patent_id int, county_code text, starts date, ends date, reasons text[])
        -- plpgsql rather than sql: its statement's plan is kept for the session instead of planned at every call
        LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
        WITH plan_period AS MATERIALIZED (
          SELECT pl.county_code, pl.high_pledge_threshold, make_date(pl.start_year, 1, 1) AS in_force_from,
                 make_date(lead(pl.start_year) OVER (PARTITION BY pl.county_code ORDER BY pl.start_year), 1, 1) AS in_force_until
            FROM plan pl
           WHERE pl.county_code = ANY (ARRAY(SELECT DISTINCT p.county_code FROM patent p WHERE p.id = ANY (patent_ids)))
        ),
        invention AS (
          SELECT p.id, p.county_code,
                 hvp_daterange(p.grant_date, least(p.lapse_date, (p.filing_date + interval '20 years')::date)) AS valid,
                 -- in the enum's order (HighValueReason)
                 ARRAY[
                   CASE WHEN p.strategic_industry IS NOT NULL THEN '{(,)}'::datemultirange ELSE '{}' END,
                   COALESCE((SELECT datemultirange(daterange(min(og.grant_date), NULL)) FROM patent_overseas_grant og
                              WHERE og.patent_id = p.id HAVING count(*) > 0), '{}'),
                   datemultirange(daterange((p.filing_date + interval '10 years')::date + 1, NULL)),
                   -- from the patent's pledged links: its links by key, each link's financing by key, then the plans (fenced: in this order,
                   -- whatever the estimates)
                   COALESCE((SELECT range_agg(hvp_daterange(greatest(f.registered_on, pp.in_force_from), pp.in_force_until))
                               FROM pledge_financing_patent fp
                              CROSS JOIN LATERAL (SELECT f.registered_on, f.amount FROM pledge_financing f
                                                   WHERE f.id = fp.pledge_financing_id AND f.deleted_at IS NULL${fence}) f
                              CROSS JOIN LATERAL (SELECT pp.* FROM plan_period pp
                                                   WHERE pp.county_code = p.county_code AND f.amount >= pp.high_pledge_threshold${fence}) pp
                              WHERE fp.patent_id = p.id), '{}'),
                   COALESCE((SELECT datemultirange(daterange(make_date(min(a.year), 1, 1), NULL)) FROM patent_award a
                              WHERE a.patent_id = p.id HAVING count(*) > 0), '{}')
                 ] AS reason_days
            FROM patent p
           WHERE p.id = ANY (patent_ids) AND p.type = 'INVENTION' AND p.grant_date IS NOT NULL AND p.deleted_at IS NULL
        ),
        held AS MATERIALIZED (
          SELECT i.id, i.county_code, i.valid, ARRAY(SELECT d * datemultirange(i.valid) FROM unnest(i.reason_days) AS d) AS days
            FROM invention i WHERE NOT isempty(i.valid)
        ),
        bound AS (
          SELECT DISTINCT h.id, h.county_code, h.days, b.day
            FROM held h
           CROSS JOIN LATERAL (SELECT lower(h.valid) UNION ALL SELECT upper(h.valid)
                               UNION ALL SELECT lower(r) FROM unnest(h.days) AS d, unnest(d) AS r
                               UNION ALL SELECT upper(r) FROM unnest(h.days) AS d, unnest(d) AS r) AS b(day)
        ),
        segment AS (
          SELECT b.id, b.county_code, b.day AS from_day, lead(b.day) OVER (PARTITION BY b.id ORDER BY b.day) AS until_day,
                 ARRAY(SELECT r.reason
                         FROM unnest(ARRAY['STRATEGIC_EMERGING_INDUSTRY', 'OVERSEAS_FAMILY', 'MAINTAINED_OVER_10_YEARS',
                                           'HIGH_PLEDGE_FINANCING', 'NATIONAL_AWARD'], b.days) WITH ORDINALITY AS r(reason, days, ord)
                        WHERE r.days @> b.day ORDER BY r.ord) AS reasons
            FROM bound b
        ),
        -- segments of one patent are contiguous: a segment whose reasons differ from its predecessor's opens a span
        edge AS (
          SELECT s.*, CASE WHEN lag(s.reasons) OVER w = s.reasons THEN 0 ELSE 1 END AS opens
            FROM segment s WHERE s.until_day IS NOT NULL WINDOW w AS (PARTITION BY s.id ORDER BY s.from_day)
        ),
        island AS (SELECT e.*, sum(e.opens) OVER (PARTITION BY e.id ORDER BY e.from_day) AS n FROM edge e)
        SELECT x.id, x.county_code, min(x.from_day), max(x.until_day), x.reasons
          FROM island x
         GROUP BY x.id, x.county_code, x.n, x.reasons;
      END $$;`;

/**
 * The two set-wise writes of the spans and the enterprise counts, written once: static statements of their function
 * (down) or EXECUTEd (up). plpgsql keeps a generic plan of a static statement for the session, made
 * from the tables' sizes when it was first planned: made while invention_span was empty, its probes stayed sequential
 * scans of a table that then grew to millions of rows, once per row written. EXECUTE plans each call for the table as
 * it is and the batch at hand; a few milliseconds of planning against writes of a thousand rows.
 */
const refreshSpansStatement = (ids: string) => `
        WITH fresh AS MATERIALIZED (SELECT * FROM hvp_invention_spans(${ids})),
        -- the patents' spans as they were, read once by the patents' keys (a per-row probe is planned as a scan while
        -- the table is empty, and the table then grows by this very statement's rows: it would cost their square)
        kept AS MATERIALIZED (
          SELECT s.patent_id, s.county_code, s.starts, s.ends, s.reasons FROM invention_span s WHERE s.patent_id = ANY (${ids})
        ),
        removed AS (
          DELETE FROM invention_span s
           WHERE s.patent_id = ANY (${ids})
             AND NOT EXISTS (SELECT 1 FROM fresh f
                              WHERE f.patent_id = s.patent_id AND f.starts = s.starts AND f.ends = s.ends AND f.reasons = s.reasons
                                AND f.county_code = s.county_code)
          RETURNING s.patent_id, s.county_code
        ),
        added AS (
          INSERT INTO invention_span (patent_id, county_code, starts, ends, reasons)
          SELECT f.* FROM fresh f
           WHERE NOT EXISTS (SELECT 1 FROM kept s
                              WHERE s.patent_id = f.patent_id AND s.starts = f.starts AND s.ends = f.ends AND s.reasons = f.reasons
                                AND s.county_code = f.county_code)
          RETURNING patent_id, county_code
        ),
        changed AS (SELECT * FROM removed UNION ALL SELECT * FROM added)
        SELECT array_agg(DISTINCT c.patent_id), array_agg(DISTINCT c.county_code) FROM changed c`;

const rebuildCountsStatement = (ids: string) => `
        -- one statement: the INSERT's NOT EXISTS sees the rows as they were before it, so a row that stays is neither
        -- removed (it is fresh) nor added (it exists)
        WITH change AS (
          SELECT po.enterprise_id, c.day, sum(c.delta) AS delta
            FROM patent_owner po
           -- each owned patent's spans by key (OFFSET 0: a probe per owner, whatever the estimates of spans just written)
           CROSS JOIN LATERAL (SELECT s.starts, s.ends FROM invention_span s
                                WHERE s.patent_id = po.patent_id AND s.high_value OFFSET 0) s
           CROSS JOIN LATERAL (VALUES (s.starts, 1), (s.ends, -1)) AS c(day, delta)
           WHERE po.enterprise_id = ANY (${ids})
           GROUP BY po.enterprise_id, c.day
          HAVING sum(c.delta) <> 0
        ),
        step AS (
          SELECT c.enterprise_id, c.day, sum(c.delta) OVER w AS high_value, lead(c.day) OVER w AS until_day
            FROM change c WINDOW w AS (PARTITION BY c.enterprise_id ORDER BY c.day)
        ),
        fresh AS (
          SELECT s.enterprise_id, e.county_code, s.day AS starts, s.until_day AS ends, s.high_value::int AS high_value
            FROM step s JOIN enterprise e ON e.id = s.enterprise_id
           WHERE s.high_value > 0
        ),
        -- the enterprises' counts as they were, read once by their keys (as kept spans above)
        kept AS MATERIALIZED (
          SELECT h.enterprise_id, h.county_code, h.starts, h.ends, h.high_value FROM enterprise_high_value h
           WHERE h.enterprise_id = ANY (${ids})
        ),
        removed AS (
          DELETE FROM enterprise_high_value h
           WHERE h.enterprise_id = ANY (${ids})
             AND NOT EXISTS (SELECT 1 FROM fresh f
                              WHERE f.enterprise_id = h.enterprise_id AND f.starts = h.starts AND f.ends = h.ends AND f.high_value = h.high_value
                                AND f.county_code = h.county_code)
          RETURNING h.county_code
        ),
        added AS (
          INSERT INTO enterprise_high_value (enterprise_id, county_code, starts, ends, high_value)
          SELECT f.* FROM fresh f
           WHERE NOT EXISTS (SELECT 1 FROM kept h
                              WHERE h.enterprise_id = f.enterprise_id AND h.starts = f.starts AND h.ends = f.ends AND h.high_value = f.high_value
                                AND h.county_code = f.county_code)
          RETURNING county_code
        )
        SELECT array_agg(DISTINCT c) FROM (SELECT county_code FROM removed UNION ALL SELECT county_code FROM added) AS x(c)`;

const refreshSpansFunction = (dynamic: boolean) => `
      CREATE OR REPLACE FUNCTION hvp_refresh_invention_spans(patent_ids int[]) RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
        changed_patents int[];
        changed_counties text[];
      BEGIN
        IF patent_ids IS NULL OR cardinality(patent_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        ${
          dynamic
            ? `EXECUTE $statement$${refreshSpansStatement('$1')}$statement$ INTO changed_patents, changed_counties USING patent_ids;`
            : `${refreshSpansStatement('patent_ids')} INTO changed_patents, changed_counties;`
        }
        IF changed_patents IS NOT NULL THEN
          PERFORM hvp_note_counties(changed_counties);
          PERFORM hvp_refresh_enterprise_high_value(
            ARRAY(SELECT DISTINCT po.enterprise_id FROM patent_owner po WHERE po.patent_id = ANY (changed_patents) ORDER BY 1));
        END IF;
        PERFORM hvp_maintenance_end(saved);
      END $$;`;

const rebuildCountsFunction = (dynamic: boolean) => `
      CREATE OR REPLACE FUNCTION hvp_rebuild_enterprise_high_value(enterprise_ids int[]) RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
        changed text[];
      BEGIN
        IF enterprise_ids IS NULL OR cardinality(enterprise_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        ${
          dynamic
            ? `EXECUTE $statement$${rebuildCountsStatement('$1')}$statement$ INTO changed USING enterprise_ids;`
            : `${rebuildCountsStatement('enterprise_ids')} INTO changed;`
        }
        PERFORM hvp_note_counties(changed);
        PERFORM hvp_maintenance_end(saved);
      END $$;`;

/**
 * A patent's spans by its id alone, their days carried: with `starts` searchable in it, a county's count on a day
 * (a range of invention_span_county_ends_idx) was ANDed with a scan of this whole index for "starts on or before the
 * day" — every span of the database, for a county of 1,200 patents.
 */
const patentSpansIndex = (columns: string) => `
      DROP INDEX invention_span_patent_idx;
      CREATE INDEX invention_span_patent_idx ON invention_span ${columns};`;

export class SpanPlans1764860000000 implements MigrationInterface {
  name = 'SpanPlans1764860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(spansFunction(' OFFSET 0'));
    await db.query(refreshSpansFunction(true));
    await db.query(rebuildCountsFunction(true));
    await db.query(patentSpansIndex('(patent_id) INCLUDE (starts, ends)'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(patentSpansIndex('(patent_id, starts) INCLUDE (ends)'));
    await db.query(rebuildCountsFunction(false));
    await db.query(refreshSpansFunction(false));
    await db.query(spansFunction(''));
  }
}
