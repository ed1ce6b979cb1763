import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from './1764300000000-Tenancy';
import { AUDITED } from './1764510000000-History';
import { historyFunctionSql } from './1764600000000-HistoryDefiner';

/**
 * The audited tables as of this migration: a membership's county is kept from its enterprise, not part of the record's
 * history. A later migration that audits another table extends this list (historyFunctionSql rewrites hvp_history).
 */
export const AUDITED_SINCE_SPANS = AUDITED.map((audited) =>
  audited.table === 'enterprise_membership' ? { ...audited, derived: [...(audited.derived ?? []), 'county_code'] } : audited,
);

/**
 * High-value status kept, not recomputed (issue 10). A patent's status over time is a short list of spans, derived
 * from the contract's rules in one place (hvp_invention_spans) and kept, set-wise, by statement triggers in the same
 * transaction as every write that can change it:
 *
 *   invention_span        one row per maximal day range [starts, ends) in which an invention patent is VALID with one set of
 *                         high-value reasons (empty: valid, not high-value), with the patent's county. "High-value on
 *                         day d" is an index lookup (`starts <= d AND d < ends`); a county's counts are an
 *                         index scan of that county's spans.
 *   enterprise_high_value each enterprise's high-value patent count over time (alone or jointly owned), as steps with
 *                         the enterprise's county: an enterprise's count on d is one index probe, a county's
 *                         breakthrough targets one probe per member.
 *   county_data_version   a number per county, raised when a transaction that changed anything a county-wide figure
 *                         reads commits (at commit: a deferred trigger, so a long import holds the row for an instant
 *                         only). The figure cache (src/figures/figure-cache.ts) keys its entries by it.
 *
 * What changes spans: a patent's type, county, dates, strategic industry, deletion; its overseas grants, awards and
 * pledged links; a pledge financing's amount, day, enterprise, deletion; a plan's start year, threshold or county (the
 * patents pledged in its county). Spans change enterprise counts of their owners; a change of owners changes counts too.
 * The derivation reads every row it needs whoever writes (hvp_maintenance_begin lifts the scope for the maintenance
 * statements only) and filters deleted rows itself.
 *
 * Memberships carry their enterprise's county (kept by an ON UPDATE CASCADE foreign key, like patent_owner's), so that
 * a county's members are one index range and their policy compares a column instead of a sub-query per row.
 */

/** The tables whose changes a county-wide figure reads, and how a changed row `r` names its counties. */
const COUNTY_OF_CHANGE: Record<string, string> = {
  county: 'SELECT r.code UNION ALL SELECT r.parent_code',
  county_statistics: 'SELECT r.county_code',
  plan: 'SELECT r.county_code',
  plan_breakthrough_target: 'SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id',
  plan_indicator_target: 'SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id',
  enterprise: 'SELECT r.county_code',
  enterprise_membership: 'SELECT r.county_code',
  innovation_platform: 'SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id',
  knowledge_value_loan: 'SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id',
  patent: 'SELECT r.county_code',
  patent_owner: 'SELECT r.patent_county_code UNION ALL SELECT r.enterprise_county_code',
  pledge_financing: 'SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id',
  pledge_interest_payment:
    'SELECT e.county_code FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id',
};

/**
 * Tables whose changes change spans, and SQL naming the patents whose spans to derive again from the changed rows
 * (`changed`: the new and old rows; for an update only rows whose listed columns differ).
 */
interface SpanSource {
  table: string;
  /** a record's columns whose change matters on UPDATE (its key is `id`); null for a list: every update matters */
  columns: string[] | null;
  /** SQL over `changed` (rows of the table): the patent ids */
  patents: string;
}

const SPAN_SOURCES: SpanSource[] = [
  {
    table: 'patent',
    columns: ['type', 'county_code', 'filing_date', 'grant_date', 'lapse_date', 'strategic_industry', 'deleted_at'],
    patents: 'SELECT c.id FROM changed c',
  },
  { table: 'patent_overseas_grant', columns: null, patents: 'SELECT c.patent_id FROM changed c' },
  { table: 'patent_award', columns: null, patents: 'SELECT c.patent_id FROM changed c' },
  {
    table: 'pledge_financing_patent',
    columns: null,
    patents: 'SELECT c.patent_id FROM changed c',
  },
  {
    table: 'pledge_financing',
    columns: ['enterprise_id', 'amount', 'registered_on', 'deleted_at'],
    patents: 'SELECT fp.patent_id FROM changed c JOIN pledge_financing_patent fp ON fp.pledge_financing_id = c.id',
  },
  {
    table: 'plan',
    columns: ['county_code', 'start_year', 'high_pledge_threshold'],
    patents: `SELECT fp.patent_id FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
               WHERE p.county_code IN (SELECT c.county_code FROM changed c)`,
  },
];

/**
 * The changed rows of a statement on a span source, by event. An update of a record (patent, financing, plan: its id
 * never changes) counts, with its old and new values, when one of the listed columns differs — set differences of the
 * new and old rows (hashed, and equal for nulls), so that updates of other columns (owner_county_codes, after every
 * change of owners) cost a hash and nothing more; an update of a list row counts always.
 */
const changedRows = (columns: string[] | null) => {
  if (!columns)
    return {
      INSERT: 'SELECT * FROM new_rows',
      DELETE: 'SELECT * FROM old_rows',
      UPDATE: 'SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows',
    };
  const list = ['id', ...columns].join(', ');
  return {
    INSERT: 'SELECT * FROM new_rows',
    DELETE: 'SELECT * FROM old_rows',
    UPDATE: `(SELECT ${list} FROM new_rows EXCEPT SELECT ${list} FROM old_rows)
             UNION ALL (SELECT ${list} FROM old_rows EXCEPT SELECT ${list} FROM new_rows)`,
  };
};

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows', rows: 'SELECT * FROM new_rows' },
  {
    event: 'UPDATE',
    referencing: 'NEW TABLE AS new_rows OLD TABLE AS old_rows',
    rows: 'SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows',
  },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows', rows: 'SELECT * FROM old_rows' },
] as const;

/** A trigger function of one table and event; its SQL is fixed here, nothing is taken from trigger arguments. */
function triggerFunction(name: string, body: string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      ${body}
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $$;
    REVOKE EXECUTE ON FUNCTION ${name}() FROM PUBLIC;`;
}

export class InventionSpans1764700000000 implements MigrationInterface {
  name = 'InventionSpans1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the owner is under the policies too (unless a superuser): act as an ADMIN of every county
      SELECT hvp_begin('ADMIN', '*', '');

      -- An empty range when the end is not after the start (a patent lapsed on its grant day; a pledge registered after
      -- the plan of its threshold ended), instead of daterange's error.
      CREATE FUNCTION hvp_daterange(from_day date, until_day date) RETURNS daterange LANGUAGE sql IMMUTABLE
        AS $$ SELECT CASE WHEN until_day IS NOT NULL AND until_day <= from_day THEN 'empty'::daterange
                          ELSE daterange(from_day, until_day) END $$;

      -- Maintenance statements read and write every row they need, whoever's write started them: they run as an ADMIN
      -- of every county with deleted rows visible (the derivation filters deleted rows itself), and restore the
      -- caller's scope afterwards. hvp_maintaining() is what the derived tables' write policies ask.
      CREATE FUNCTION hvp_maintaining() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT coalesce(current_setting('hvp.maintaining', true), '') = 'on' $$;
      CREATE FUNCTION hvp_maintenance_begin() RETURNS text[] LANGUAGE plpgsql AS $$
      DECLARE
        saved text[] := ARRAY[current_setting('hvp.role', true), current_setting('hvp.counties', true),
                              current_setting('hvp.with_deleted', true), current_setting('hvp.maintaining', true)];
      BEGIN
        PERFORM set_config('hvp.role', 'ADMIN', true), set_config('hvp.counties', '*', true),
                set_config('hvp.with_deleted', 'on', true), set_config('hvp.maintaining', 'on', true);
        RETURN saved;
      END $$;
      CREATE FUNCTION hvp_maintenance_end(saved text[]) RETURNS void LANGUAGE sql AS $$
        SELECT set_config('hvp.role', coalesce(saved[1], ''), true), set_config('hvp.counties', coalesce(saved[2], ''), true),
               set_config('hvp.with_deleted', coalesce(saved[3], ''), true), set_config('hvp.maintaining', coalesce(saved[4], ''), true)
      $$;

      -- memberships carry their enterprise's county
      ALTER TABLE enterprise_membership ADD COLUMN county_code text;
      UPDATE enterprise_membership m SET county_code = e.county_code FROM enterprise e WHERE e.id = m.enterprise_id;
      ALTER TABLE enterprise_membership ALTER COLUMN county_code SET NOT NULL,
        ADD CONSTRAINT enterprise_membership_county_fkey FOREIGN KEY (enterprise_id, county_code)
          REFERENCES enterprise (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
      CREATE FUNCTION hvp_membership_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.county_code := (SELECT e.county_code FROM enterprise e WHERE e.id = NEW.enterprise_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER enterprise_membership_county BEFORE INSERT OR UPDATE OF enterprise_id ON enterprise_membership
        FOR EACH ROW EXECUTE FUNCTION hvp_membership_county();
      CREATE INDEX enterprise_membership_county_idx ON enterprise_membership (county_code, category, valid_from)
        INCLUDE (valid_to, enterprise_id, deleted_at);
      DROP TRIGGER hvp_version ON enterprise_membership;
      CREATE TRIGGER hvp_version BEFORE UPDATE ON enterprise_membership FOR EACH ROW EXECUTE FUNCTION hvp_version('county_code');
      ${historyFunctionSql(AUDITED_SINCE_SPANS)}
      DROP POLICY tenant_read ON enterprise_membership;
      CREATE POLICY tenant_read ON enterprise_membership FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])
        OR ((SELECT hvp_role()) = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_membership.enterprise_id)));

      -- days [starts, ends): plain dates rather than a daterange, so that an index condition and its filter compare dates
      CREATE TABLE invention_span (
        patent_id    int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        county_code  text NOT NULL,
        starts       date NOT NULL,
        ends         date NOT NULL,
        reasons      text[] NOT NULL,
        high_value   boolean NOT NULL GENERATED ALWAYS AS (cardinality(reasons) > 0) STORED,
        strategic    boolean NOT NULL GENERATED ALWAYS AS ('STRATEGIC_EMERGING_INDUSTRY' = ANY (reasons)) STORED,
        CHECK (starts < ends)
      );
      -- a county's spans on a day, read from the index alone: for a recent day by their end, for an early day by their start
      CREATE INDEX invention_span_county_ends_idx ON invention_span (county_code, ends) INCLUDE (starts, high_value, strategic);
      CREATE INDEX invention_span_county_starts_idx ON invention_span (county_code, starts) INCLUDE (ends, high_value, strategic);
      CREATE INDEX invention_span_patent_idx ON invention_span (patent_id, starts) INCLUDE (ends);

      CREATE TABLE enterprise_high_value (
        enterprise_id  int NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
        county_code    text NOT NULL,
        starts         date NOT NULL,
        ends           date NOT NULL,
        high_value     int NOT NULL CHECK (high_value > 0),
        CHECK (starts < ends)
      );
      -- an enterprise's count on a day: its latest step starting on or before the day, if that step has not ended
      CREATE INDEX enterprise_high_value_enterprise_idx ON enterprise_high_value (enterprise_id, starts) INCLUDE (ends, high_value);

      CREATE TABLE county_data_version (
        county_code  text PRIMARY KEY REFERENCES county (code) ON DELETE CASCADE,
        version      bigint NOT NULL
      );
      -- the counties a transaction changed, until it commits
      CREATE UNLOGGED TABLE county_change (
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        county_code     text NOT NULL,
        PRIMARY KEY (transaction_id, county_code)
      );
    `);

    await db.query(`
      ALTER TABLE invention_span ENABLE ROW LEVEL SECURITY;
      ALTER TABLE invention_span FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON invention_span FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])
        OR EXISTS (SELECT 1 FROM patent p WHERE p.id = invention_span.patent_id));

      ALTER TABLE enterprise_high_value ENABLE ROW LEVEL SECURITY;
      ALTER TABLE enterprise_high_value FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON enterprise_high_value FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[])
        OR ((SELECT hvp_role()) = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_high_value.enterprise_id)));

      ALTER TABLE county_data_version ENABLE ROW LEVEL SECURITY;
      ALTER TABLE county_data_version FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON county_data_version FOR SELECT USING (
        (SELECT hvp_all()) OR county_code = ANY ((SELECT hvp_visible())::text[]) OR (SELECT hvp_maintaining()));

      ALTER TABLE county_change ENABLE ROW LEVEL SECURITY;
      ALTER TABLE county_change FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON county_change FOR SELECT USING ((SELECT hvp_maintaining()));
    `);
    // derived rows are written by the maintenance functions only
    for (const table of ['invention_span', 'enterprise_high_value', 'county_data_version', 'county_change']) {
      await db.query(`
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK ((SELECT hvp_maintaining()));
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING ((SELECT hvp_maintaining())) WITH CHECK ((SELECT hvp_maintaining()));
        CREATE POLICY tenant_delete ON ${table} FOR DELETE USING ((SELECT hvp_maintaining()));
      `);
    }

    await db.query(`
      /*
       * The contract's rules ("Patent status on a day", "High-value invention patents") as day ranges, for the given
       * patents: each reason is the set of days on which it holds (a datemultirange), cut to the days the patent is
       * VALID; the bounds of all of them split the valid days into segments, each labelled with the reasons holding on
       * its first day (they hold on all of it), and equal neighbours are merged. The direct evaluation of the same rules
       * (src/high-value/high-value.sql.ts) is the reference a property test holds these spans against.
       *   VALID                        [grantDate, least(lapseDate, filingDate + 20 years))
       *   STRATEGIC_EMERGING_INDUSTRY  every day, when strategicIndustry is set
       *   OVERSEAS_FAMILY              from the earliest overseas grant
       *   MAINTAINED_OVER_10_YEARS     from the day after filingDate + 10 years
       *   HIGH_PLEDGE_FINANCING        for each live financing of the patent and each plan of the patent's county whose
       *                                threshold it meets: from its registration until the plan's successor starts
       *   NATIONAL_AWARD               from 1 January of the earliest award year
       * Each patent's facts are gathered by key (index probes), and after that each row carries what it needs: no join
       * between the steps, so the cost is linear in the patents whatever the planner estimates (one patent of an API
       * write or two million of a backfill).
       */
      CREATE FUNCTION hvp_invention_spans(patent_ids int[])
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
                   -- from the patent's pledged links (LATERAL: in this order, whatever the estimates)
                   COALESCE((SELECT range_agg(hvp_daterange(greatest(f.registered_on, pp.in_force_from), pp.in_force_until))
                               FROM pledge_financing_patent fp
                              CROSS JOIN LATERAL (SELECT f.registered_on, f.amount FROM pledge_financing f
                                                   WHERE f.id = fp.pledge_financing_id AND f.deleted_at IS NULL) f
                              CROSS JOIN LATERAL (SELECT pp.* FROM plan_period pp
                                                   WHERE pp.county_code = p.county_code AND f.amount >= pp.high_pledge_threshold) pp
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
      END $$;

      -- Notes counties whose figures the transaction changes; the deferred trigger publishes them at commit.
      CREATE FUNCTION hvp_note_counties(codes text[]) RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
      BEGIN
        IF codes IS NULL OR cardinality(codes) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        INSERT INTO county_change (county_code)
        SELECT DISTINCT c FROM unnest(codes) AS c WHERE c IS NOT NULL ORDER BY 1
        ON CONFLICT DO NOTHING;
        PERFORM hvp_maintenance_end(saved);
      END $$;

      -- At commit: raise the version of every county the transaction changed (in code order: no deadlock between
      -- committers), once; the later firings of the same commit find nothing left.
      CREATE FUNCTION hvp_publish_county_changes() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[] := hvp_maintenance_begin();
      BEGIN
        WITH published AS (
          DELETE FROM county_change c WHERE c.transaction_id = pg_current_xact_id() RETURNING c.county_code
        )
        INSERT INTO county_data_version AS v (county_code, version)
        SELECT p.county_code, 1 FROM published p JOIN county ON county.code = p.county_code ORDER BY p.county_code
        ON CONFLICT (county_code) DO UPDATE SET version = v.version + 1;
        PERFORM hvp_maintenance_end(saved);
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER county_change_publish AFTER INSERT ON county_change DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION hvp_publish_county_changes();

      -- Each enterprise's high-value count as steps, again from its owned patents' spans; rows that stay equal are kept.
      CREATE FUNCTION hvp_refresh_enterprise_high_value(enterprise_ids int[]) RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
        changed text[];
      BEGIN
        IF enterprise_ids IS NULL OR cardinality(enterprise_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        -- one statement: the INSERT's NOT EXISTS sees the rows as they were before it, so a row that stays is neither
        -- removed (it is fresh) nor added (it exists)
        WITH change AS (
          SELECT po.enterprise_id, c.day, sum(c.delta) AS delta
            FROM patent_owner po
           -- each owned patent's spans by key (OFFSET 0: a probe per owner, whatever the estimates of spans just written)
           CROSS JOIN LATERAL (SELECT s.starts, s.ends FROM invention_span s
                                WHERE s.patent_id = po.patent_id AND s.high_value OFFSET 0) s
           CROSS JOIN LATERAL (VALUES (s.starts, 1), (s.ends, -1)) AS c(day, delta)
           WHERE po.enterprise_id = ANY (enterprise_ids)
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
        removed AS (
          DELETE FROM enterprise_high_value h
           WHERE h.enterprise_id = ANY (enterprise_ids)
             AND NOT EXISTS (SELECT 1 FROM fresh f
                              WHERE f.enterprise_id = h.enterprise_id AND f.starts = h.starts AND f.ends = h.ends AND f.high_value = h.high_value
                                AND f.county_code = h.county_code)
          RETURNING h.county_code
        ),
        added AS (
          INSERT INTO enterprise_high_value (enterprise_id, county_code, starts, ends, high_value)
          SELECT f.* FROM fresh f
           -- a probe of the enterprise's index per fresh row (OFFSET 0: never a scan, whatever rows this transaction added)
           WHERE NOT EXISTS (SELECT 1 FROM enterprise_high_value h
                              WHERE h.enterprise_id = f.enterprise_id AND h.starts = f.starts AND h.ends = f.ends AND h.high_value = f.high_value
                                AND h.county_code = f.county_code OFFSET 0)
          RETURNING county_code
        )
        SELECT array_agg(DISTINCT c) INTO changed FROM (SELECT county_code FROM removed UNION ALL SELECT county_code FROM added) AS x(c);
        PERFORM hvp_note_counties(changed);
        PERFORM hvp_maintenance_end(saved);
      END $$;

      -- The spans of the given patents, again; when they changed, the counts of their owners and their counties' versions.
      CREATE FUNCTION hvp_refresh_invention_spans(patent_ids int[]) RETURNS void LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
      DECLARE
        saved text[];
        changed_patents int[];
        changed_counties text[];
      BEGIN
        IF patent_ids IS NULL OR cardinality(patent_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        WITH fresh AS MATERIALIZED (SELECT * FROM hvp_invention_spans(patent_ids)),
        removed AS (
          DELETE FROM invention_span s
           WHERE s.patent_id = ANY (patent_ids)
             AND NOT EXISTS (SELECT 1 FROM fresh f
                              WHERE f.patent_id = s.patent_id AND f.starts = s.starts AND f.ends = s.ends AND f.reasons = s.reasons
                                AND f.county_code = s.county_code)
          RETURNING s.patent_id, s.county_code
        ),
        added AS (
          INSERT INTO invention_span (patent_id, county_code, starts, ends, reasons)
          SELECT f.* FROM fresh f
           -- a probe of the patent's index per fresh row (OFFSET 0, as above)
           WHERE NOT EXISTS (SELECT 1 FROM invention_span s
                              WHERE s.patent_id = f.patent_id AND s.starts = f.starts AND s.ends = f.ends AND s.reasons = f.reasons
                                AND s.county_code = f.county_code OFFSET 0)
          RETURNING patent_id, county_code
        ),
        changed AS (SELECT * FROM removed UNION ALL SELECT * FROM added)
        SELECT array_agg(DISTINCT c.patent_id), array_agg(DISTINCT c.county_code) INTO changed_patents, changed_counties FROM changed c;

        IF changed_patents IS NOT NULL THEN
          PERFORM hvp_note_counties(changed_counties);
          PERFORM hvp_refresh_enterprise_high_value(
            ARRAY(SELECT DISTINCT po.enterprise_id FROM patent_owner po WHERE po.patent_id = ANY (changed_patents) ORDER BY 1));
        END IF;
        PERFORM hvp_maintenance_end(saved);
      END $$;
    `);

    // One trigger function per table and event, the SQL written here (no SQL from trigger arguments).
    for (const source of SPAN_SOURCES) {
      const rows = changedRows(source.columns);
      for (const { event, referencing } of EVENTS) {
        const name = `hvp_spans_${source.table}_${event.toLowerCase()}`;
        await db.query(`
          ${triggerFunction(
            name,
            `PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (${rows[event]}) ${source.patents}) AS x(id) ORDER BY 1));`,
          )}
          CREATE TRIGGER hvp_3_spans_${event.toLowerCase()} AFTER ${event} ON ${source.table} REFERENCING ${referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION ${name}();
        `);
      }
    }

    // owners: the counts of the enterprises that gained or lost a patent
    for (const { event, referencing, rows } of EVENTS) {
      const name = `hvp_owners_${event.toLowerCase()}`;
      await db.query(`
        ${triggerFunction(
          name,
          `PERFORM hvp_refresh_enterprise_high_value(ARRAY(SELECT DISTINCT r.enterprise_id FROM (${rows}) r ORDER BY 1));`,
        )}
        CREATE TRIGGER hvp_3_owners_${event.toLowerCase()} AFTER ${event} ON patent_owner REFERENCING ${referencing}
          FOR EACH STATEMENT EXECUTE FUNCTION ${name}();
      `);
    }

    // an enterprise's steps carry its county
    await db.query(`
      ${triggerFunction(
        'hvp_enterprise_moved',
        `PERFORM hvp_refresh_enterprise_high_value(ARRAY(
           SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.county_code IS DISTINCT FROM o.county_code ORDER BY 1));`,
      )}
      CREATE TRIGGER hvp_3_moved AFTER UPDATE ON enterprise REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION hvp_enterprise_moved();
    `);

    // every change a county-wide figure reads raises its counties' versions at commit
    for (const [table, counties] of Object.entries(COUNTY_OF_CHANGE)) {
      for (const { event, referencing, rows } of EVENTS) {
        const name = `hvp_changed_${table}_${event.toLowerCase()}`;
        await db.query(`
          ${triggerFunction(
            name,
            `PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (${rows}) r CROSS JOIN LATERAL (${counties}) AS c(code)));`,
          )}
          CREATE TRIGGER hvp_4_changed_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION ${name}();
        `);
      }
    }

    await db.query(`
      -- invoker functions (no SECURITY DEFINER): the application role runs them from the triggers of its own writes
      REVOKE EXECUTE ON FUNCTION hvp_maintenance_begin(), hvp_maintenance_end(text[]), hvp_note_counties(text[]),
        hvp_publish_county_changes(), hvp_refresh_enterprise_high_value(int[]), hvp_refresh_invention_spans(int[]),
        hvp_invention_spans(int[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION hvp_maintenance_begin(), hvp_maintenance_end(text[]), hvp_note_counties(text[]),
        hvp_refresh_enterprise_high_value(int[]), hvp_refresh_invention_spans(int[]), hvp_invention_spans(int[])
        TO ${APP_GROUP_ROLE};

      SELECT hvp_refresh_invention_spans(ARRAY(SELECT id FROM patent ORDER BY id));
      SELECT hvp_refresh_enterprise_high_value(ARRAY(SELECT DISTINCT enterprise_id FROM patent_owner ORDER BY 1));
      DELETE FROM county_change;
      INSERT INTO county_data_version (county_code, version) SELECT code, 1 FROM county;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    const functions: string[] = [];
    for (const source of SPAN_SOURCES) for (const { event } of EVENTS) functions.push(`hvp_spans_${source.table}_${event.toLowerCase()}()`);
    for (const { event } of EVENTS) functions.push(`hvp_owners_${event.toLowerCase()}()`);
    for (const table of Object.keys(COUNTY_OF_CHANGE))
      for (const { event } of EVENTS) functions.push(`hvp_changed_${table}_${event.toLowerCase()}()`);
    const triggers: string[] = [];
    for (const source of SPAN_SOURCES)
      for (const { event } of EVENTS) triggers.push(`hvp_3_spans_${event.toLowerCase()} ON ${source.table}`);
    for (const { event } of EVENTS) triggers.push(`hvp_3_owners_${event.toLowerCase()} ON patent_owner`);
    for (const table of Object.keys(COUNTY_OF_CHANGE))
      for (const { event } of EVENTS) triggers.push(`hvp_4_changed_${event.toLowerCase()} ON ${table}`);
    triggers.push('hvp_3_moved ON enterprise');
    await db.query(`
      SELECT hvp_begin('ADMIN', '*', '');
      ${triggers.map((t) => `DROP TRIGGER ${t};`).join('\n')}
      ${functions.map((f) => `DROP FUNCTION ${f};`).join('\n')}
      DROP FUNCTION hvp_enterprise_moved();
      DROP TABLE county_change, county_data_version, enterprise_high_value, invention_span;
      DROP FUNCTION hvp_refresh_invention_spans(int[]);
      DROP FUNCTION hvp_refresh_enterprise_high_value(int[]);
      DROP FUNCTION hvp_publish_county_changes();
      DROP FUNCTION hvp_note_counties(text[]);
      DROP FUNCTION hvp_invention_spans(int[]);
      DROP POLICY tenant_read ON enterprise_membership;
      CREATE POLICY tenant_read ON enterprise_membership FOR SELECT USING (
        (SELECT hvp_all()) OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = enterprise_membership.enterprise_id));
      DROP TRIGGER hvp_version ON enterprise_membership;
      CREATE TRIGGER hvp_version BEFORE UPDATE ON enterprise_membership FOR EACH ROW EXECUTE FUNCTION hvp_version();
      DROP TRIGGER enterprise_membership_county ON enterprise_membership;
      DROP FUNCTION hvp_membership_county();
      ALTER TABLE enterprise_membership DROP COLUMN county_code;
      DROP FUNCTION hvp_maintenance_end(text[]);
      DROP FUNCTION hvp_maintenance_begin();
      DROP FUNCTION hvp_maintaining();
      DROP FUNCTION hvp_daterange(date, date);
    `);
  }
}
