import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pledge reason's join order, fixed. hvp_invention_spans meant to read a patent's pledged links by key, each
 * link's financing by key, and only then the plans of the patent's county; but its LATERAL subqueries were simple
 * enough for the planner to pull up and reorder, and with a generic plan (plpgsql's, from the sixth call of a session)
 * or without statistics it scanned every pledge financing of the database once per patent: 2,000,000 patents could not
 * be derived in an hour (bench/generate.ts, national scale). OFFSET 0 keeps each subquery whole, so the order is the
 * one written and a patent's spans cost what that patent holds, whatever the estimates. The body is otherwise the
 * one of InventionSpans1764700000000.
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

export class SpanJoinOrder1764860000000 implements MigrationInterface {
  name = 'SpanJoinOrder1764860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(spansFunction(' OFFSET 0'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(spansFunction(''));
  }
}
