import { MigrationInterface, QueryRunner } from 'typeorm';

/** The NOLOGIN group role that holds the application's privileges; the login role the server uses is a member. */
export const APP_GROUP_ROLE = 'hvp_app_access';

/**
 * Counties as tenants, enforced by PostgreSQL (issue 4): Row Level Security, forced, on every table of the model,
 * with policies that read the caller's scope from transaction-local settings. Each request's transaction sets them
 * first thing (src/db/request-database.ts calls hvp_begin), so a statement that forgets a filter still sees only
 * the caller's rows. The server connects as a member of hvp_app_access: neither the tables' owner nor a superuser.
 *
 * Settings (all set with set_config(…, true) by hvp_begin, so they end with the transaction):
 *   hvp.role              ADMIN, EDITOR, VIEWER or ENTERPRISE; empty: nothing is visible
 *   hvp.counties          the claim: '*' or comma-separated county codes
 *   hvp.credit_code       ENTERPRISE only: its credit code
 *   hvp.visible           staff roles without '*': the claimed codes and every county whose parent_code is one of them
 *   hvp.enterprise_county ENTERPRISE only: the county of its enterprise (its county row is visible, nothing else of it)
 *   hvp.api_key_hash      set only while authenticating an API key: the one key row with that hash is visible
 *
 * Visibility (see README "Roles and tenancy"): a county's rows when the county is visible; a patent also when one of
 * its owners is visible (an enterprise counts its jointly owned patents wherever they are attributed); overseas
 * grants, awards and pledge links with their patent; a pledge financing with its enterprise or with a patent it
 * pledges (so a patent's high-value reasons do not depend on who asks); plans and their targets to every signed-in
 * caller (published documents, needed for the pledge threshold of any visible patent). Writes: ADMIN and EDITOR in
 * their counties; plans, statistics and counties ADMIN only; API keys ADMIN within its counties.
 *
 * Policies must not form a cycle between tables (PostgreSQL refuses recursive policies): county ← enterprise ←
 * (memberships, platforms, loans); patent → patent_owner → enterprise; (grants, awards, pledge links) → patent;
 * pledge_interest_payment → pledge_financing → pledge_financing_patent. patent_owner therefore carries its patent's county (kept by a trigger
 * and an ON UPDATE CASCADE foreign key) instead of looking at patent.
 *
 * Every scope function is wrapped as `(SELECT f())` in the policies, so PostgreSQL evaluates it once per statement.
 */
export class Tenancy1764300000000 implements MigrationInterface {
  name = 'Tenancy1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN;
          EXCEPTION
            -- another database of the same server migrating at the same moment (parallel test files)
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'cannot create the role ${APP_GROUP_ROLE}: run CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN as a role with CREATEROLE once, then migrate again';
          END;
        END IF;
      END $$;
    `);

    await db.query(`
      CREATE FUNCTION hvp_role() RETURNS text LANGUAGE sql STABLE
        AS $$ SELECT coalesce(current_setting('hvp.role', true), '') $$;
      CREATE FUNCTION hvp_claim() RETURNS text[] LANGUAGE sql STABLE
        AS $$ SELECT string_to_array(nullif(current_setting('hvp.counties', true), ''), ',') $$;
      -- a staff role (not ENTERPRISE) whose claim is '*'
      CREATE FUNCTION hvp_all() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT hvp_role() IN ('ADMIN', 'EDITOR', 'VIEWER') AND coalesce(current_setting('hvp.counties', true), '') = '*' $$;
      CREATE FUNCTION hvp_visible() RETURNS text[] LANGUAGE sql STABLE
        AS $$ SELECT string_to_array(nullif(current_setting('hvp.visible', true), ''), ',') $$;
      CREATE FUNCTION hvp_signed_in() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT hvp_role() IN ('ADMIN', 'EDITOR', 'VIEWER', 'ENTERPRISE') $$;
      CREATE FUNCTION hvp_writer() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT hvp_role() IN ('ADMIN', 'EDITOR') $$;
      CREATE FUNCTION hvp_admin() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT hvp_role() = 'ADMIN' $$;

      -- Sets the caller's scope for the rest of the transaction; called again after a county is added.
      CREATE FUNCTION hvp_begin(p_role text, p_counties text, p_credit_code text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        claim text[] := string_to_array(nullif(p_counties, ''), ',');
      BEGIN
        PERFORM set_config('hvp.role', coalesce(p_role, ''), true);
        PERFORM set_config('hvp.counties', coalesce(p_counties, ''), true);
        PERFORM set_config('hvp.credit_code', coalesce(p_credit_code, ''), true);
        PERFORM set_config('hvp.visible', '', true);
        PERFORM set_config('hvp.enterprise_county', '', true);
        IF p_role IN ('ADMIN', 'EDITOR', 'VIEWER') AND p_counties <> '*' THEN
          -- the county policy shows the claimed counties and their children already
          PERFORM set_config('hvp.visible', array_to_string(ARRAY(
            SELECT code FROM (SELECT unnest(claim)
                                UNION SELECT c.code FROM county c WHERE c.code = ANY (claim) OR c.parent_code = ANY (claim)) AS v(code)
             ORDER BY code), ','), true);
        ELSIF p_role = 'ENTERPRISE' THEN
          PERFORM set_config('hvp.enterprise_county',
            coalesce((SELECT e.county_code FROM enterprise e
                       WHERE e.credit_code = p_credit_code AND (p_counties = '*' OR e.county_code = ANY (claim))), ''), true);
        END IF;
      END $$;

      ALTER TABLE patent ADD CONSTRAINT patent_id_county_key UNIQUE (id, county_code);
      ALTER TABLE patent_owner ADD COLUMN patent_county_code text;
      UPDATE patent_owner po SET patent_county_code = p.county_code FROM patent p WHERE p.id = po.patent_id;
      ALTER TABLE patent_owner ALTER COLUMN patent_county_code SET NOT NULL,
        ADD CONSTRAINT patent_owner_patent_county_fkey FOREIGN KEY (patent_id, patent_county_code)
          REFERENCES patent (id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
      CREATE INDEX patent_owner_patent_county_idx ON patent_owner (patent_county_code);
      CREATE FUNCTION hvp_patent_owner_county() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER patent_owner_county BEFORE INSERT ON patent_owner
        FOR EACH ROW EXECUTE FUNCTION hvp_patent_owner_county();

      CREATE TABLE api_key (
        id           serial PRIMARY KEY,
        key_hash     text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        key_prefix   text NOT NULL,
        name         text NOT NULL CHECK (btrim(name) <> ''),
        role         text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER', 'ENTERPRISE')),
        counties     text[] NOT NULL CHECK (cardinality(counties) > 0),
        credit_code  text CHECK ((role = 'ENTERPRISE') = (credit_code IS NOT NULL)),
        expires_at   timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   text NOT NULL,
        revoked_at   timestamptz
      );

      -- An API key is looked up by the hash of the key a request presents, before any scope is known.
      CREATE FUNCTION hvp_api_key(p_hash text)
        RETURNS TABLE (id int, name text, role text, counties text[], credit_code text, expires_at timestamptz, revoked_at timestamptz)
        LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('hvp.api_key_hash', p_hash, true);
        RETURN QUERY SELECT k.id, k.name, k.role, k.counties, k.credit_code, k.expires_at, k.revoked_at
                       FROM api_key k WHERE k.key_hash = p_hash;
        PERFORM set_config('hvp.api_key_hash', '', true);
      END $$;
    `);

    const all = '(SELECT hvp_all())';
    // a cast makes `= ANY (…)` take the sub-query's one value as the array (not a sub-query of rows)
    const visible = '(SELECT hvp_visible())::text[]';
    const writer = '(SELECT hvp_writer())';
    const admin = '(SELECT hvp_admin())';
    // columns of the policy's own table are written table.column: the sub-queries' tables have columns of their own
    const enterpriseVisible = (column: string) => `EXISTS (SELECT 1 FROM enterprise e WHERE e.id = ${column})`;
    const enterpriseWritable = (column: string) =>
      `EXISTS (SELECT 1 FROM enterprise e WHERE e.id = ${column} AND e.county_code = ANY (${visible}))`;
    const patentVisible = (column: string) => `EXISTS (SELECT 1 FROM patent p WHERE p.id = ${column})`;
    const patentWritable = (column: string) =>
      `EXISTS (SELECT 1 FROM patent p WHERE p.id = ${column} AND p.county_code = ANY (${visible}))`;
    const planWritable = (column: string) => `EXISTS (SELECT 1 FROM plan pl WHERE pl.id = ${column} AND pl.county_code = ANY (${visible}))`;

    const policies: Record<string, { read: string; write: string }> = {
      county: {
        read: `${all}
          OR ((SELECT hvp_role()) IN ('ADMIN', 'EDITOR', 'VIEWER') AND (code = ANY ((SELECT hvp_claim())::text[]) OR parent_code = ANY ((SELECT hvp_claim())::text[])))
          OR ((SELECT hvp_role()) = 'ENTERPRISE' AND code = current_setting('hvp.enterprise_county', true))`,
        write: `${admin} AND (${all} OR parent_code = ANY ((SELECT hvp_claim())::text[]))`,
      },
      county_statistics: {
        read: `${all} OR county_code = ANY (${visible})`,
        write: `${admin} AND (${all} OR county_code = ANY (${visible}))`,
      },
      plan: {
        read: `(SELECT hvp_signed_in())`,
        write: `${admin} AND (${all} OR county_code = ANY (${visible}))`,
      },
      plan_breakthrough_target: {
        read: `(SELECT hvp_signed_in())`,
        write: `${admin} AND (${all} OR ${planWritable('TABLE.plan_id')})`,
      },
      plan_indicator_target: {
        read: `(SELECT hvp_signed_in())`,
        write: `${admin} AND (${all} OR ${planWritable('TABLE.plan_id')})`,
      },
      enterprise: {
        read: `${all} OR county_code = ANY (${visible})
          OR ((SELECT hvp_role()) = 'ENTERPRISE' AND credit_code = current_setting('hvp.credit_code', true)
              AND (current_setting('hvp.counties', true) = '*' OR county_code = ANY ((SELECT hvp_claim())::text[])))`,
        write: `${writer} AND (${all} OR county_code = ANY (${visible}))`,
      },
      enterprise_membership: {
        read: `${all} OR ${enterpriseVisible('TABLE.enterprise_id')}`,
        write: `${writer} AND (${all} OR ${enterpriseWritable('TABLE.enterprise_id')})`,
      },
      innovation_platform: {
        read: `${all} OR ${enterpriseVisible('TABLE.enterprise_id')}`,
        write: `${writer} AND (${all} OR ${enterpriseWritable('TABLE.enterprise_id')})`,
      },
      knowledge_value_loan: {
        read: `${all} OR ${enterpriseVisible('TABLE.enterprise_id')}`,
        write: `${writer} AND (${all} OR ${enterpriseWritable('TABLE.enterprise_id')})`,
      },
      patent: {
        read: `${all} OR county_code = ANY (${visible}) OR EXISTS (SELECT 1 FROM patent_owner po WHERE po.patent_id = patent.id)`,
        write: `${writer} AND (${all} OR county_code = ANY (${visible}))`,
      },
      patent_owner: {
        read: `${all} OR patent_county_code = ANY (${visible}) OR ${enterpriseVisible('TABLE.enterprise_id')}`,
        write: `${writer} AND (${all} OR patent_county_code = ANY (${visible}))`,
      },
      patent_overseas_grant: {
        read: `${all} OR ${patentVisible('TABLE.patent_id')}`,
        write: `${writer} AND (${all} OR ${patentWritable('TABLE.patent_id')})`,
      },
      patent_award: {
        read: `${all} OR ${patentVisible('TABLE.patent_id')}`,
        write: `${writer} AND (${all} OR ${patentWritable('TABLE.patent_id')})`,
      },
      pledge_financing: {
        read: `${all} OR ${enterpriseVisible('TABLE.enterprise_id')}
          OR EXISTS (SELECT 1 FROM pledge_financing_patent fp WHERE fp.pledge_financing_id = pledge_financing.id)`,
        write: `${writer} AND (${all} OR ${enterpriseWritable('TABLE.enterprise_id')})`,
      },
      pledge_financing_patent: {
        read: `${all} OR ${patentVisible('TABLE.patent_id')}`,
        write: `${writer} AND (${all} OR ${patentVisible('TABLE.patent_id')})`,
      },
      pledge_interest_payment: {
        read: `${all} OR EXISTS (SELECT 1 FROM pledge_financing f WHERE f.id = TABLE.pledge_financing_id)`,
        write: `${writer} AND (${all} OR EXISTS (SELECT 1 FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id
                  WHERE f.id = TABLE.pledge_financing_id AND e.county_code = ANY (${visible})))`,
      },
      api_key: {
        read: `key_hash = current_setting('hvp.api_key_hash', true)
          OR (${admin} AND (${all} OR counties <@ (SELECT hvp_visible())))`,
        write: `${admin} AND (${all} OR counties <@ (SELECT hvp_visible()))`,
      },
    };

    for (const [table, policy] of Object.entries(policies)) {
      const read = policy.read.replaceAll('TABLE.', `${table}.`);
      const write = policy.write.replaceAll('TABLE.', `${table}.`);
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_read ON ${table} FOR SELECT USING (${read});
        CREATE POLICY tenant_insert ON ${table} FOR INSERT WITH CHECK (${write});
        CREATE POLICY tenant_update ON ${table} FOR UPDATE USING (${write}) WITH CHECK (${write});
        CREATE POLICY tenant_delete ON ${table} FOR DELETE USING (${write});
      `);
    }

    await db.query(`
      GRANT USAGE ON SCHEMA public TO ${APP_GROUP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${Object.keys(policies)
        .filter((t) => t !== 'api_key')
        .join(', ')} TO ${APP_GROUP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON api_key TO ${APP_GROUP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_GROUP_ROLE};
      -- readiness: are migrations pending?
      GRANT SELECT ON typeorm_migrations TO ${APP_GROUP_ROLE};
      -- tables of later migrations get the same privileges; tests/tenancy.test.ts fails until they get policies too
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_GROUP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_GROUP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_GROUP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_GROUP_ROLE};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_GROUP_ROLE};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_GROUP_ROLE};
      REVOKE USAGE ON SCHEMA public FROM ${APP_GROUP_ROLE};
      DROP TABLE api_key;
      DROP FUNCTION hvp_api_key(text);
    `);
    for (const table of [
      'county',
      'county_statistics',
      'plan',
      'plan_breakthrough_target',
      'plan_indicator_target',
      'enterprise',
      'enterprise_membership',
      'innovation_platform',
      'knowledge_value_loan',
      'patent',
      'patent_owner',
      'patent_overseas_grant',
      'patent_award',
      'pledge_financing',
      'pledge_financing_patent',
      'pledge_interest_payment',
    ]) {
      await db.query(`
        DROP POLICY tenant_read ON ${table}; DROP POLICY tenant_insert ON ${table};
        DROP POLICY tenant_update ON ${table}; DROP POLICY tenant_delete ON ${table};
        ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;
      `);
    }
    await db.query(`
      DROP TRIGGER patent_owner_county ON patent_owner;
      DROP FUNCTION hvp_patent_owner_county();
      ALTER TABLE patent_owner DROP COLUMN patent_county_code;
      ALTER TABLE patent DROP CONSTRAINT patent_id_county_key;
      DROP FUNCTION hvp_begin(text, text, text);
      DROP FUNCTION hvp_admin(); DROP FUNCTION hvp_writer(); DROP FUNCTION hvp_signed_in(); DROP FUNCTION hvp_visible();
      DROP FUNCTION hvp_all(); DROP FUNCTION hvp_claim(); DROP FUNCTION hvp_role();
    `);
  }
}
