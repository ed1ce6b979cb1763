-- The database as the migrations leave it: built from the catalogs by tests/support/database-schema.ts.
-- Do not edit: `npm run schema:database:emit` writes it; tests/schema-database.test.ts checks it is current.

CREATE TABLE api_key (
  id integer DEFAULT nextval('api_key_id_seq'::regclass) NOT NULL,
  key_hash text NOT NULL,
  key_prefix text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  counties text[] NOT NULL,
  credit_code text,
  expires_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  created_by text NOT NULL,
  revoked_at timestamp with time zone
);
ALTER TABLE api_key ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);
ALTER TABLE api_key ADD CONSTRAINT api_key_key_hash_key UNIQUE (key_hash);
ALTER TABLE api_key ADD CONSTRAINT api_key_check CHECK (((role = 'ENTERPRISE'::text) = (credit_code IS NOT NULL)));
ALTER TABLE api_key ADD CONSTRAINT api_key_counties_check CHECK ((cardinality(counties) > 0));
ALTER TABLE api_key ADD CONSTRAINT api_key_key_hash_check CHECK ((key_hash ~ '^[0-9a-f]{64}$'::text));
ALTER TABLE api_key ADD CONSTRAINT api_key_name_check CHECK ((btrim(name) <> ''::text));
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check CHECK ((role = ANY (ARRAY['ADMIN'::text, 'EDITOR'::text, 'VIEWER'::text, 'ENTERPRISE'::text])));
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON api_key AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (counties <@ ( SELECT hvp_visible() AS hvp_visible)))));
CREATE POLICY tenant_insert ON api_key AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (counties <@ ( SELECT hvp_visible() AS hvp_visible)))));
CREATE POLICY tenant_read ON api_key AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (((key_hash = current_setting('hvp.api_key_hash'::text, true)) OR (( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (counties <@ ( SELECT hvp_visible() AS hvp_visible))))));
CREATE POLICY tenant_update ON api_key AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (counties <@ ( SELECT hvp_visible() AS hvp_visible)))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (counties <@ ( SELECT hvp_visible() AS hvp_visible)))));
GRANT INSERT, SELECT, UPDATE ON TABLE api_key TO hvp_app_access;

CREATE TABLE county (
  code text NOT NULL,
  name text NOT NULL,
  parent_code text
);
ALTER TABLE county ADD CONSTRAINT county_pkey PRIMARY KEY (code);
ALTER TABLE county ADD CONSTRAINT county_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES county(code);
ALTER TABLE county ADD CONSTRAINT county_check CHECK ((parent_code <> code));
ALTER TABLE county ADD CONSTRAINT county_code_check CHECK ((code ~ '^[0-9]{6}$'::text));
ALTER TABLE county ADD CONSTRAINT county_name_check CHECK ((btrim(name) <> ''::text));
CREATE INDEX county_parent_code_idx ON public.county USING btree (parent_code);
ALTER TABLE county ENABLE ROW LEVEL SECURITY;
ALTER TABLE county FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON county AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
CREATE POLICY tenant_insert ON county AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
CREATE POLICY tenant_read ON county AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR ((( SELECT hvp_role() AS hvp_role) = ANY (ARRAY['ADMIN'::text, 'EDITOR'::text, 'VIEWER'::text])) AND ((code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[])) OR (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[])))) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (code = current_setting('hvp.enterprise_county'::text, true)))));
CREATE POLICY tenant_update ON county AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
CREATE TRIGGER county_label AFTER INSERT OR UPDATE ON public.county FOR EACH ROW EXECUTE FUNCTION hvp_county_label();
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.county REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.county REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.county REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.county REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.county REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.county REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE county TO hvp_app_access;

CREATE TABLE county_change (
  transaction_id xid8 DEFAULT pg_current_xact_id() NOT NULL,
  county_code text NOT NULL
);
ALTER TABLE county_change ADD CONSTRAINT county_change_pkey PRIMARY KEY (transaction_id, county_code);
ALTER TABLE county_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE county_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON county_change AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_insert ON county_change AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_read ON county_change AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_update ON county_change AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining))
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE CONSTRAINT TRIGGER county_change_publish AFTER INSERT ON public.county_change DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hvp_publish_county_changes();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE county_change TO hvp_app_access;

CREATE TABLE county_data_version (
  county_code text NOT NULL,
  version bigint NOT NULL
);
ALTER TABLE county_data_version ADD CONSTRAINT county_data_version_pkey PRIMARY KEY (county_code);
ALTER TABLE county_data_version ADD CONSTRAINT county_data_version_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code) ON DELETE CASCADE;
ALTER TABLE county_data_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE county_data_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON county_data_version AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_insert ON county_data_version AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_read ON county_data_version AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ( SELECT hvp_maintaining() AS hvp_maintaining)));
CREATE POLICY tenant_update ON county_data_version AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining))
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE county_data_version TO hvp_app_access;

CREATE TABLE county_label (
  code text NOT NULL,
  name text NOT NULL,
  parent_code text
);
ALTER TABLE county_label ADD CONSTRAINT county_label_pkey PRIMARY KEY (code);
ALTER TABLE county_label ADD CONSTRAINT county_label_code_fkey FOREIGN KEY (code) REFERENCES county(code) ON DELETE CASCADE;
ALTER TABLE county_label ENABLE ROW LEVEL SECURITY;
ALTER TABLE county_label FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_insert ON county_label AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
CREATE POLICY tenant_read ON county_label AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON county_label AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR ((NOT (parent_code IS DISTINCT FROM hvp_natural_parent(code))) AND (parent_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE county_label TO hvp_app_access;

CREATE TABLE county_statistics (
  county_code text NOT NULL,
  year integer NOT NULL,
  population integer,
  gdp numeric(18,2),
  rd_investment numeric(18,2),
  sei_output_value numeric(18,2),
  ip_service_agencies integer,
  patent_service_practitioners integer,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id()
);
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_pkey PRIMARY KEY (county_code, year);
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_gdp_check CHECK ((gdp > (0)::numeric));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_ip_service_agencies_check CHECK ((ip_service_agencies >= 0));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_patent_service_practitioners_check CHECK ((patent_service_practitioners >= 0));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_population_check CHECK ((population > 0));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_rd_investment_check CHECK ((rd_investment > (0)::numeric));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_sei_output_value_check CHECK ((sei_output_value >= (0)::numeric));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_version_check CHECK ((version > 0));
ALTER TABLE county_statistics ADD CONSTRAINT county_statistics_year_check CHECK (((year >= 1949) AND (year <= 2200)));
ALTER TABLE county_statistics ENABLE ROW LEVEL SECURITY;
ALTER TABLE county_statistics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON county_statistics AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON county_statistics AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON county_statistics AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))));
CREATE POLICY tenant_update ON county_statistics AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.county_statistics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.county_statistics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.county_statistics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.county_statistics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_statistics_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.county_statistics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_statistics_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.county_statistics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_county_statistics_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.county_statistics FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE county_statistics TO hvp_app_access;

CREATE TABLE enterprise (
  id integer DEFAULT nextval('enterprise_id_seq'::regclass) NOT NULL,
  credit_code text NOT NULL,
  name text NOT NULL,
  county_code text NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text,
  industry_cluster text
);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_pkey PRIMARY KEY (id);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_credit_code_key UNIQUE (credit_code);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_id_county_key UNIQUE (id, county_code);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_industry_cluster_fkey FOREIGN KEY (county_code, industry_cluster) REFERENCES industry_cluster(county_code, name) ON UPDATE CASCADE;
ALTER TABLE enterprise ADD CONSTRAINT enterprise_credit_code_check CHECK ((credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'::text));
ALTER TABLE enterprise ADD CONSTRAINT enterprise_name_check CHECK ((btrim(name) <> ''::text));
ALTER TABLE enterprise ADD CONSTRAINT enterprise_version_check CHECK ((version > 0));
CREATE INDEX enterprise_county_cluster_idx ON public.enterprise USING btree (county_code, industry_cluster);
CREATE INDEX enterprise_county_name_idx ON public.enterprise USING btree (county_code, name COLLATE "C", credit_code) INCLUDE (id, version, deleted_at);
ALTER TABLE enterprise ENABLE ROW LEVEL SECURITY;
ALTER TABLE enterprise FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON enterprise AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON enterprise AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON enterprise AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON enterprise AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON enterprise AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (credit_code = current_setting('hvp.credit_code'::text, true)) AND ((current_setting('hvp.counties'::text, true) = '*'::text) OR (county_code = ANY (( SELECT hvp_claim() AS hvp_claim)::text[]))))));
CREATE POLICY tenant_update ON enterprise AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.enterprise REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.enterprise REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.enterprise REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_moved AFTER UPDATE ON public.enterprise REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_enterprise_moved();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.enterprise REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.enterprise REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.enterprise REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.enterprise FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE enterprise TO hvp_app_access;

CREATE TABLE enterprise_count_change (
  transaction_id xid8 DEFAULT pg_current_xact_id() NOT NULL,
  enterprise_id integer NOT NULL
);
ALTER TABLE enterprise_count_change ADD CONSTRAINT enterprise_count_change_pkey PRIMARY KEY (transaction_id, enterprise_id);
ALTER TABLE enterprise_count_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE enterprise_count_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON enterprise_count_change AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_insert ON enterprise_count_change AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_read ON enterprise_count_change AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_update ON enterprise_count_change AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining))
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE CONSTRAINT TRIGGER enterprise_count_change_rebuild AFTER INSERT ON public.enterprise_count_change DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hvp_rebuild_owed_enterprise_counts();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE enterprise_count_change TO hvp_app_access;

CREATE TABLE enterprise_high_value (
  enterprise_id integer NOT NULL,
  county_code text NOT NULL,
  starts date NOT NULL,
  ends date NOT NULL,
  high_value integer NOT NULL
);
ALTER TABLE enterprise_high_value ADD CONSTRAINT enterprise_high_value_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id) ON DELETE CASCADE;
ALTER TABLE enterprise_high_value ADD CONSTRAINT enterprise_high_value_check CHECK ((starts < ends));
ALTER TABLE enterprise_high_value ADD CONSTRAINT enterprise_high_value_high_value_check CHECK ((high_value > 0));
CREATE INDEX enterprise_high_value_enterprise_idx ON public.enterprise_high_value USING btree (enterprise_id, starts) INCLUDE (ends, high_value);
ALTER TABLE enterprise_high_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE enterprise_high_value FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON enterprise_high_value AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_insert ON enterprise_high_value AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_read ON enterprise_high_value AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = enterprise_high_value.enterprise_id))))));
CREATE POLICY tenant_update ON enterprise_high_value AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining))
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE enterprise_high_value TO hvp_app_access;

CREATE TABLE enterprise_membership (
  id integer DEFAULT nextval('enterprise_membership_id_seq'::regclass) NOT NULL,
  enterprise_id integer NOT NULL,
  category text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text,
  county_code text NOT NULL,
  level text
);
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_pkey PRIMARY KEY (id);
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_county_fkey FOREIGN KEY (enterprise_id, county_code) REFERENCES enterprise(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id) ON DELETE CASCADE;
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_category_check CHECK ((category = ANY (ARRAY['LISTED_CULTIVATION'::text, 'SPECIALIZED_NEW'::text, 'HIGH_TECH'::text])));
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_check CHECK ((valid_to >= valid_from));
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_check1 CHECK (((level IS NULL) OR ((category = 'SPECIALIZED_NEW'::text) AND (level = ANY (ARRAY['MUNICIPAL'::text, 'NATIONAL_LITTLE_GIANT'::text])))));
ALTER TABLE enterprise_membership ADD CONSTRAINT enterprise_membership_version_check CHECK ((version > 0));
CREATE INDEX enterprise_membership_county_idx ON public.enterprise_membership USING btree (county_code, category, valid_from) INCLUDE (valid_to, enterprise_id, deleted_at);
CREATE INDEX enterprise_membership_enterprise_idx ON public.enterprise_membership USING btree (enterprise_id, category, valid_from);
CREATE UNIQUE INDEX enterprise_membership_live_key ON public.enterprise_membership USING btree (enterprise_id, category, valid_from) WHERE (deleted_at IS NULL);
ALTER TABLE enterprise_membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE enterprise_membership FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON enterprise_membership AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON enterprise_membership AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON enterprise_membership AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_membership.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON enterprise_membership AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_membership.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON enterprise_membership AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = enterprise_membership.enterprise_id))))));
CREATE POLICY tenant_update ON enterprise_membership AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_membership.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_membership.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER enterprise_membership_county BEFORE INSERT OR UPDATE OF enterprise_id ON public.enterprise_membership FOR EACH ROW EXECUTE FUNCTION hvp_membership_county();
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.enterprise_membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.enterprise_membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_membership_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.enterprise_membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_membership_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.enterprise_membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_enterprise_membership_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.enterprise_membership FOR EACH ROW EXECUTE FUNCTION hvp_version('county_code');
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE enterprise_membership TO hvp_app_access;

CREATE TABLE enterprise_recognition (
  id integer DEFAULT nextval('enterprise_recognition_id_seq'::regclass) NOT NULL,
  enterprise_id integer NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  level text NOT NULL,
  recognised_on date NOT NULL,
  valid_to date
);
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_pkey PRIMARY KEY (id);
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_enterprise_id_name_recognised_on_key UNIQUE (enterprise_id, name, recognised_on);
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id) ON DELETE CASCADE;
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_check CHECK ((valid_to >= recognised_on));
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_kind_check CHECK ((kind = ANY (ARRAY['IP_DEMONSTRATION'::text, 'IP_ADVANTAGE'::text, 'OTHER'::text])));
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_level_check CHECK ((level = ANY (ARRAY['COUNTY'::text, 'MUNICIPAL'::text, 'NATIONAL'::text])));
ALTER TABLE enterprise_recognition ADD CONSTRAINT enterprise_recognition_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200)));
ALTER TABLE enterprise_recognition ENABLE ROW LEVEL SECURITY;
ALTER TABLE enterprise_recognition FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON enterprise_recognition AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_recognition.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON enterprise_recognition AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_recognition.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON enterprise_recognition AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = enterprise_recognition.enterprise_id)))));
CREATE POLICY tenant_update ON enterprise_recognition AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_recognition.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = enterprise_recognition.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.enterprise_recognition REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.enterprise_recognition REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.enterprise_recognition REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('enterprise', 'enterprise_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.enterprise_recognition REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.enterprise_recognition REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.enterprise_recognition REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE enterprise_recognition TO hvp_app_access;

CREATE TABLE history (
  id bigint DEFAULT nextval('history_id_seq'::regclass) NOT NULL,
  record_type text NOT NULL,
  record_id text NOT NULL,
  record_key text,
  county_code text,
  table_name text NOT NULL,
  action text NOT NULL,
  version integer,
  before jsonb,
  after jsonb,
  changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
  transaction_id xid8 DEFAULT pg_current_xact_id() NOT NULL,
  actor text,
  actor_role text,
  door text NOT NULL,
  operation text,
  request text,
  file text,
  row_number integer
);
ALTER TABLE history ADD CONSTRAINT history_pkey PRIMARY KEY (id);
ALTER TABLE history ADD CONSTRAINT history_action_check CHECK ((action = ANY (ARRAY['CREATED'::text, 'UPDATED'::text, 'REMOVED'::text, 'DELETED'::text, 'RESTORED'::text])));
ALTER TABLE history ADD CONSTRAINT history_door_check CHECK ((door = ANY (ARRAY['API'::text, 'IMPORT'::text, 'SYSTEM'::text, 'SQL'::text])));
ALTER TABLE history ADD CONSTRAINT history_record_type_check CHECK ((record_type = ANY (ARRAY['County'::text, 'Enterprise'::text, 'Patent'::text, 'PledgeFinancing'::text])));
CREATE INDEX history_county_changed_idx ON public.history USING btree (county_code, changed_at);
CREATE INDEX history_deleted_idx ON public.history USING btree (county_code, id DESC) WHERE (action = 'DELETED'::text);
CREATE INDEX history_record_idx ON public.history USING btree (record_type, record_id, id DESC);
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_insert ON history AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (true);
CREATE POLICY tenant_read ON history AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
GRANT SELECT ON TABLE history TO hvp_app_access;

CREATE TABLE indicator_report (
  id integer DEFAULT nextval('indicator_report_id_seq'::regclass) NOT NULL,
  county_code text NOT NULL,
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  as_of date NOT NULL,
  plan_id integer,
  data_cutoff timestamp with time zone NOT NULL,
  data_snapshot pg_snapshot NOT NULL,
  published_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
  published_by text NOT NULL,
  published_role text NOT NULL,
  indicators jsonb NOT NULL,
  breakthrough_summary jsonb NOT NULL,
  target_gaps jsonb NOT NULL,
  task_board jsonb NOT NULL,
  withdrawn_at timestamp with time zone,
  withdrawn_by text,
  withdrawal_reason text
);
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_pkey PRIMARY KEY (id);
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan(id);
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_check CHECK (((as_of >= period_start) AND (as_of <= period_end)));
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_check1 CHECK ((((withdrawn_at IS NULL) = (withdrawn_by IS NULL)) AND ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))));
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_period_check CHECK ((period ~ '^[0-9]{4}(Q[1-4])?$'::text));
ALTER TABLE indicator_report ADD CONSTRAINT indicator_report_withdrawal_reason_check CHECK ((btrim(withdrawal_reason) <> ''::text));
CREATE INDEX indicator_report_county_idx ON public.indicator_report USING btree (county_code, period_end, id);
CREATE UNIQUE INDEX indicator_report_live_key ON public.indicator_report USING btree (county_code, period) WHERE (withdrawn_at IS NULL);
ALTER TABLE indicator_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_report FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON indicator_report AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (false);
CREATE POLICY tenant_insert ON indicator_report AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON indicator_report AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (((( SELECT hvp_role() AS hvp_role) = ANY (ARRAY['ADMIN'::text, 'EDITOR'::text, 'VIEWER'::text])) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_update ON indicator_report AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_report_immutable BEFORE DELETE OR UPDATE ON public.indicator_report FOR EACH ROW EXECUTE FUNCTION hvp_report_immutable();
CREATE TRIGGER hvp_report_not_truncated BEFORE TRUNCATE ON public.indicator_report FOR EACH STATEMENT EXECUTE FUNCTION hvp_report_immutable();
GRANT INSERT, SELECT, UPDATE ON TABLE indicator_report TO hvp_app_access;

CREATE TABLE industry_cluster (
  county_code text NOT NULL,
  name text NOT NULL,
  "position" integer NOT NULL
);
ALTER TABLE industry_cluster ADD CONSTRAINT industry_cluster_pkey PRIMARY KEY (county_code, name);
ALTER TABLE industry_cluster ADD CONSTRAINT industry_cluster_county_code_position_key UNIQUE (county_code, "position");
ALTER TABLE industry_cluster ADD CONSTRAINT industry_cluster_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code) ON DELETE CASCADE;
ALTER TABLE industry_cluster ADD CONSTRAINT industry_cluster_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 50)));
ALTER TABLE industry_cluster ADD CONSTRAINT industry_cluster_position_check CHECK (("position" > 0));
ALTER TABLE industry_cluster ENABLE ROW LEVEL SECURITY;
ALTER TABLE industry_cluster FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON industry_cluster AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON industry_cluster AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON industry_cluster AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON industry_cluster AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE industry_cluster TO hvp_app_access;

CREATE TABLE innovation_platform (
  id integer DEFAULT nextval('innovation_platform_id_seq'::regclass) NOT NULL,
  enterprise_id integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  level text NOT NULL,
  recognised_on date NOT NULL,
  valid_to date,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text
);
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_pkey PRIMARY KEY (id);
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_enterprise_id_name_key UNIQUE (enterprise_id, name);
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id) ON DELETE CASCADE;
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_check CHECK ((valid_to >= recognised_on));
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_kind_check CHECK ((kind = ANY (ARRAY['ENTERPRISE_TECHNOLOGY_CENTER'::text, 'ENGINEERING_TECHNOLOGY_CENTER'::text, 'KEY_LABORATORY'::text, 'OTHER'::text])));
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_level_check CHECK ((level = ANY (ARRAY['COUNTY'::text, 'MUNICIPAL'::text, 'NATIONAL'::text])));
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_name_check CHECK ((btrim(name) <> ''::text));
ALTER TABLE innovation_platform ADD CONSTRAINT innovation_platform_version_check CHECK ((version > 0));
ALTER TABLE innovation_platform ENABLE ROW LEVEL SECURITY;
ALTER TABLE innovation_platform FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON innovation_platform AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON innovation_platform AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON innovation_platform AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = innovation_platform.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON innovation_platform AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = innovation_platform.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON innovation_platform AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = innovation_platform.enterprise_id)))));
CREATE POLICY tenant_update ON innovation_platform AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = innovation_platform.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = innovation_platform.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.innovation_platform REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.innovation_platform REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.innovation_platform REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.innovation_platform REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_innovation_platform_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.innovation_platform REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_innovation_platform_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.innovation_platform REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_innovation_platform_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.innovation_platform FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE innovation_platform TO hvp_app_access;

CREATE TABLE invention_span (
  patent_id integer NOT NULL,
  county_code text NOT NULL,
  starts date NOT NULL,
  ends date NOT NULL,
  reasons text[] NOT NULL,
  high_value boolean GENERATED ALWAYS AS ((cardinality(reasons) > 0)) STORED NOT NULL,
  strategic boolean GENERATED ALWAYS AS (('STRATEGIC_EMERGING_INDUSTRY'::text = ANY (reasons))) STORED NOT NULL
);
ALTER TABLE invention_span ADD CONSTRAINT invention_span_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id) ON DELETE CASCADE;
ALTER TABLE invention_span ADD CONSTRAINT invention_span_check CHECK ((starts < ends));
CREATE INDEX invention_span_county_ends_idx ON public.invention_span USING btree (county_code, ends) INCLUDE (starts, high_value, strategic);
CREATE INDEX invention_span_county_starts_idx ON public.invention_span USING btree (county_code, starts) INCLUDE (ends, high_value, strategic);
CREATE INDEX invention_span_patent_idx ON public.invention_span USING btree (patent_id) INCLUDE (starts, ends);
ALTER TABLE invention_span ENABLE ROW LEVEL SECURITY;
ALTER TABLE invention_span FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON invention_span AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_insert ON invention_span AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
CREATE POLICY tenant_read ON invention_span AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = invention_span.patent_id)))));
CREATE POLICY tenant_update ON invention_span AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_maintaining() AS hvp_maintaining))
  WITH CHECK (( SELECT hvp_maintaining() AS hvp_maintaining));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE invention_span TO hvp_app_access;

CREATE TABLE knowledge_value_loan (
  id integer DEFAULT nextval('knowledge_value_loan_id_seq'::regclass) NOT NULL,
  enterprise_id integer NOT NULL,
  lender text NOT NULL,
  amount numeric(18,2) NOT NULL,
  granted_on date NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text
);
ALTER TABLE knowledge_value_loan ADD CONSTRAINT knowledge_value_loan_pkey PRIMARY KEY (id);
ALTER TABLE knowledge_value_loan ADD CONSTRAINT knowledge_value_loan_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id);
ALTER TABLE knowledge_value_loan ADD CONSTRAINT knowledge_value_loan_amount_check CHECK ((amount > (0)::numeric));
ALTER TABLE knowledge_value_loan ADD CONSTRAINT knowledge_value_loan_lender_check CHECK ((btrim(lender) <> ''::text));
ALTER TABLE knowledge_value_loan ADD CONSTRAINT knowledge_value_loan_version_check CHECK ((version > 0));
CREATE INDEX knowledge_value_loan_enterprise_idx ON public.knowledge_value_loan USING btree (enterprise_id, granted_on);
ALTER TABLE knowledge_value_loan ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_value_loan FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON knowledge_value_loan AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON knowledge_value_loan AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON knowledge_value_loan AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = knowledge_value_loan.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON knowledge_value_loan AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = knowledge_value_loan.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON knowledge_value_loan AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = knowledge_value_loan.enterprise_id)))));
CREATE POLICY tenant_update ON knowledge_value_loan AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = knowledge_value_loan.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = knowledge_value_loan.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.knowledge_value_loan REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.knowledge_value_loan REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.knowledge_value_loan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.knowledge_value_loan REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_knowledge_value_loan_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.knowledge_value_loan REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_knowledge_value_loan_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.knowledge_value_loan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_knowledge_value_loan_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.knowledge_value_loan FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE knowledge_value_loan TO hvp_app_access;

CREATE TABLE patent (
  id integer DEFAULT nextval('patent_id_seq'::regclass) NOT NULL,
  application_number text NOT NULL,
  title text NOT NULL,
  type text NOT NULL,
  county_code text NOT NULL,
  filing_date date NOT NULL,
  grant_date date,
  lapse_date date,
  ipc_codes text[] DEFAULT '{}'::text[] NOT NULL,
  strategic_industry text,
  owner_county_codes text[] DEFAULT '{}'::text[] NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text,
  annuity_paid_through integer
);
ALTER TABLE patent ADD CONSTRAINT patent_pkey PRIMARY KEY (id);
ALTER TABLE patent ADD CONSTRAINT patent_application_number_key UNIQUE (application_number);
ALTER TABLE patent ADD CONSTRAINT patent_id_county_key UNIQUE (id, county_code);
ALTER TABLE patent ADD CONSTRAINT patent_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE patent ADD CONSTRAINT patent_annuity_paid_through_check CHECK (((annuity_paid_through >= 1) AND (annuity_paid_through <= 20)));
ALTER TABLE patent ADD CONSTRAINT patent_application_number_check CHECK ((application_number ~ '^([0-9]{12}|[0-9]{8})\.[0-9X]$'::text));
ALTER TABLE patent ADD CONSTRAINT patent_check CHECK ((grant_date >= filing_date));
ALTER TABLE patent ADD CONSTRAINT patent_check1 CHECK (((lapse_date >= filing_date) AND (lapse_date >= grant_date)));
ALTER TABLE patent ADD CONSTRAINT patent_strategic_industry_check CHECK ((strategic_industry = ANY (ARRAY['NEXT_GENERATION_IT'::text, 'HIGH_END_EQUIPMENT'::text, 'NEW_MATERIALS'::text, 'BIOTECHNOLOGY'::text, 'NEW_ENERGY_VEHICLES'::text, 'NEW_ENERGY'::text, 'ENERGY_SAVING_ENVIRONMENTAL'::text, 'DIGITAL_CREATIVE'::text, 'RELATED_SERVICES'::text])));
ALTER TABLE patent ADD CONSTRAINT patent_title_check CHECK ((btrim(title) <> ''::text));
ALTER TABLE patent ADD CONSTRAINT patent_type_check CHECK ((type = ANY (ARRAY['INVENTION'::text, 'UTILITY_MODEL'::text, 'DESIGN'::text])));
ALTER TABLE patent ADD CONSTRAINT patent_version_check CHECK ((version > 0));
CREATE INDEX patent_county_filing_idx ON public.patent USING btree (county_code, filing_date DESC, application_number);
CREATE INDEX patent_county_type_idx ON public.patent USING btree (county_code, type);
ALTER TABLE patent ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON patent AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON patent AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON patent AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON patent AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON patent AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR (owner_county_codes && ( SELECT hvp_visible() AS hvp_visible)) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (EXISTS ( SELECT 1
   FROM patent_owner po
  WHERE (po.patent_id = patent.id))))));
CREATE POLICY tenant_update ON patent AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_0_owner_order AFTER UPDATE ON public.patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_patent_owner_order();
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_update();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.patent FOR EACH ROW EXECUTE FUNCTION hvp_version('owner_county_codes');
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent TO hvp_app_access;

CREATE TABLE patent_award (
  patent_id integer NOT NULL,
  kind text NOT NULL,
  year integer NOT NULL
);
ALTER TABLE patent_award ADD CONSTRAINT patent_award_pkey PRIMARY KEY (patent_id, kind, year);
ALTER TABLE patent_award ADD CONSTRAINT patent_award_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id) ON DELETE CASCADE;
ALTER TABLE patent_award ADD CONSTRAINT patent_award_kind_check CHECK ((kind = ANY (ARRAY['CHINA_PATENT_GOLD'::text, 'CHINA_PATENT_SILVER'::text, 'CHINA_PATENT_EXCELLENCE'::text, 'NATIONAL_SCIENCE_TECHNOLOGY'::text])));
ALTER TABLE patent_award ADD CONSTRAINT patent_award_year_check CHECK (((year >= 1949) AND (year <= 2200)));
ALTER TABLE patent_award ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_award FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON patent_award AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_award.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON patent_award AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_award.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON patent_award AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = patent_award.patent_id)))));
CREATE POLICY tenant_update ON patent_award AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_award.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_award.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_award REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_award REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_award REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_award REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_award REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_award REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.patent_award REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_award_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.patent_award REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_award_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.patent_award REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_award_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_award TO hvp_app_access;

CREATE TABLE patent_external_patentee (
  patent_id integer NOT NULL,
  patent_county_code text NOT NULL,
  "position" integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  credit_code text,
  region text
);
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_pkey PRIMARY KEY (patent_id, "position");
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_patent_id_patent_county_code_fkey FOREIGN KEY (patent_id, patent_county_code) REFERENCES patent(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_credit_code_check CHECK ((credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'::text));
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_kind_check CHECK ((kind = ANY (ARRAY['PERSON'::text, 'UNIVERSITY'::text, 'RESEARCH_INSTITUTE'::text, 'ENTERPRISE'::text, 'OTHER'::text])));
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200)));
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_position_check CHECK (("position" > 0));
ALTER TABLE patent_external_patentee ADD CONSTRAINT patent_external_patentee_region_check CHECK ((length(region) <= 100));
CREATE INDEX patent_external_patentee_county_idx ON public.patent_external_patentee USING btree (patent_county_code);
ALTER TABLE patent_external_patentee ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_external_patentee FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON patent_external_patentee AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON patent_external_patentee AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON patent_external_patentee AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = patent_external_patentee.patent_id)))));
CREATE POLICY tenant_update ON patent_external_patentee AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_external_patentee REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_external_patentee REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_external_patentee REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_external_patentee REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_external_patentee REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_external_patentee REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER patent_external_patentee_county BEFORE INSERT ON public.patent_external_patentee FOR EACH ROW EXECUTE FUNCTION hvp_patent_external_patentee_county();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_external_patentee TO hvp_app_access;

CREATE TABLE patent_inventor (
  patent_id integer NOT NULL,
  "position" integer NOT NULL,
  name text NOT NULL,
  identifier text
);
ALTER TABLE patent_inventor ADD CONSTRAINT patent_inventor_pkey PRIMARY KEY (patent_id, "position");
ALTER TABLE patent_inventor ADD CONSTRAINT patent_inventor_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id) ON DELETE CASCADE;
ALTER TABLE patent_inventor ADD CONSTRAINT patent_inventor_identifier_check CHECK ((btrim(identifier) <> ''::text));
ALTER TABLE patent_inventor ADD CONSTRAINT patent_inventor_name_check CHECK ((btrim(name) <> ''::text));
ALTER TABLE patent_inventor ADD CONSTRAINT patent_inventor_position_check CHECK (("position" > 0));
ALTER TABLE patent_inventor ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_inventor FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON patent_inventor AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_inventor.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON patent_inventor AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_inventor.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON patent_inventor AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = patent_inventor.patent_id)))));
CREATE POLICY tenant_update ON patent_inventor AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_inventor.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_inventor.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_inventor REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_inventor REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_inventor REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_inventor REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_inventor REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_inventor REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_inventor TO hvp_app_access;

CREATE TABLE patent_overseas_grant (
  patent_id integer NOT NULL,
  jurisdiction text NOT NULL,
  grant_date date NOT NULL,
  route text,
  publication_number text
);
ALTER TABLE patent_overseas_grant ADD CONSTRAINT patent_overseas_grant_pkey PRIMARY KEY (patent_id, jurisdiction);
ALTER TABLE patent_overseas_grant ADD CONSTRAINT patent_overseas_grant_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id) ON DELETE CASCADE;
ALTER TABLE patent_overseas_grant ADD CONSTRAINT patent_overseas_grant_jurisdiction_check CHECK ((jurisdiction ~ '^[A-Z]{2}$'::text));
ALTER TABLE patent_overseas_grant ADD CONSTRAINT patent_overseas_grant_publication_number_check CHECK ((btrim(publication_number) <> ''::text));
ALTER TABLE patent_overseas_grant ADD CONSTRAINT patent_overseas_grant_route_check CHECK ((route = ANY (ARRAY['PCT'::text, 'PARIS'::text, 'PPH'::text, 'OTHER'::text])));
ALTER TABLE patent_overseas_grant ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_overseas_grant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON patent_overseas_grant AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_overseas_grant.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON patent_overseas_grant AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_overseas_grant.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON patent_overseas_grant AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = patent_overseas_grant.patent_id)))));
CREATE POLICY tenant_update ON patent_overseas_grant AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_overseas_grant.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_overseas_grant.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_overseas_grant REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_overseas_grant REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_overseas_grant_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.patent_overseas_grant REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_overseas_grant_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.patent_overseas_grant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_patent_overseas_grant_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_overseas_grant TO hvp_app_access;

CREATE TABLE patent_owner (
  patent_id integer NOT NULL,
  enterprise_id integer NOT NULL,
  "position" integer NOT NULL,
  patent_county_code text NOT NULL,
  enterprise_county_code text NOT NULL,
  patent_filing_date date NOT NULL,
  patent_application_number text NOT NULL,
  patent_deleted boolean DEFAULT false NOT NULL
);
ALTER TABLE patent_owner ADD CONSTRAINT patent_owner_pkey PRIMARY KEY (patent_id, enterprise_id);
ALTER TABLE patent_owner ADD CONSTRAINT patent_owner_patent_id_position_key UNIQUE (patent_id, "position");
ALTER TABLE patent_owner ADD CONSTRAINT patent_owner_enterprise_county_fkey FOREIGN KEY (enterprise_id, enterprise_county_code) REFERENCES enterprise(id, county_code) ON UPDATE CASCADE;
ALTER TABLE patent_owner ADD CONSTRAINT patent_owner_patent_county_fkey FOREIGN KEY (patent_id, patent_county_code) REFERENCES patent(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
CREATE INDEX patent_owner_enterprise_idx ON public.patent_owner USING btree (enterprise_id, patent_filing_date DESC, patent_application_number) INCLUDE (patent_id, patent_county_code, enterprise_county_code, patent_deleted);
CREATE INDEX patent_owner_patent_county_idx ON public.patent_owner USING btree (patent_county_code);
ALTER TABLE patent_owner ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_owner FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON patent_owner AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((NOT patent_deleted) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY tenant_delete ON patent_owner AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON patent_owner AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON patent_owner AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR (enterprise_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = patent_owner.enterprise_id))))));
CREATE POLICY tenant_update ON patent_owner AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_owner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_owner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_owner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_owner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_owner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_owner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_owners_delete AFTER DELETE ON public.patent_owner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_owners_delete();
CREATE TRIGGER hvp_3_owners_insert AFTER INSERT ON public.patent_owner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_owners_insert();
CREATE TRIGGER hvp_3_owners_update AFTER UPDATE ON public.patent_owner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_owners_update();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.patent_owner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_owner_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.patent_owner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_owner_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.patent_owner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_patent_owner_update();
CREATE TRIGGER patent_owner_counties_delete AFTER DELETE ON public.patent_owner REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_deleted();
CREATE TRIGGER patent_owner_counties_insert AFTER INSERT ON public.patent_owner REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_inserted();
CREATE TRIGGER patent_owner_counties_update AFTER UPDATE ON public.patent_owner REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hvp_owner_counties_updated();
CREATE TRIGGER patent_owner_county BEFORE INSERT ON public.patent_owner FOR EACH ROW EXECUTE FUNCTION hvp_patent_owner_county();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_owner TO hvp_app_access;

CREATE TABLE patent_transaction (
  patent_id integer NOT NULL,
  kind text NOT NULL,
  occurred_on date NOT NULL,
  counterparty text DEFAULT ''::text NOT NULL,
  record_number text
);
ALTER TABLE patent_transaction ADD CONSTRAINT patent_transaction_pkey PRIMARY KEY (patent_id, kind, occurred_on, counterparty);
ALTER TABLE patent_transaction ADD CONSTRAINT patent_transaction_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id) ON DELETE CASCADE;
ALTER TABLE patent_transaction ADD CONSTRAINT patent_transaction_check CHECK (((kind = 'OWN_IMPLEMENTATION'::text) OR (btrim(counterparty) <> ''::text)));
ALTER TABLE patent_transaction ADD CONSTRAINT patent_transaction_kind_check CHECK ((kind = ANY (ARRAY['ASSIGNMENT'::text, 'LICENSE'::text, 'OPEN_LICENSE'::text, 'EQUITY_CONTRIBUTION'::text, 'OWN_IMPLEMENTATION'::text])));
ALTER TABLE patent_transaction ADD CONSTRAINT patent_transaction_record_number_check CHECK ((btrim(record_number) <> ''::text));
CREATE INDEX patent_transaction_day_idx ON public.patent_transaction USING btree (patent_id, occurred_on);
ALTER TABLE patent_transaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE patent_transaction FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON patent_transaction AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_transaction.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON patent_transaction AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_transaction.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON patent_transaction AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = patent_transaction.patent_id)))));
CREATE POLICY tenant_update ON patent_transaction AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_transaction.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = patent_transaction.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.patent_transaction REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.patent_transaction REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.patent_transaction REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.patent_transaction REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.patent_transaction REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.patent_transaction REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE patent_transaction TO hvp_app_access;

CREATE TABLE plan (
  id integer DEFAULT nextval('plan_id_seq'::regclass) NOT NULL,
  county_code text NOT NULL,
  title text NOT NULL,
  start_year integer NOT NULL,
  end_year integer NOT NULL,
  high_pledge_threshold numeric(18,2) NOT NULL,
  pledge_interest_subsidy_rate numeric(5,4),
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id()
);
ALTER TABLE plan ADD CONSTRAINT plan_pkey PRIMARY KEY (id);
ALTER TABLE plan ADD CONSTRAINT plan_county_code_start_year_key UNIQUE (county_code, start_year);
ALTER TABLE plan ADD CONSTRAINT plan_id_county_key UNIQUE (id, county_code);
ALTER TABLE plan ADD CONSTRAINT plan_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE plan ADD CONSTRAINT plan_check CHECK ((end_year >= start_year));
ALTER TABLE plan ADD CONSTRAINT plan_high_pledge_threshold_check CHECK ((high_pledge_threshold > (0)::numeric));
ALTER TABLE plan ADD CONSTRAINT plan_pledge_interest_subsidy_rate_check CHECK (((pledge_interest_subsidy_rate >= (0)::numeric) AND (pledge_interest_subsidy_rate <= (1)::numeric)));
ALTER TABLE plan ADD CONSTRAINT plan_start_year_check CHECK (((start_year >= 1949) AND (start_year <= 2200)));
ALTER TABLE plan ADD CONSTRAINT plan_title_check CHECK ((btrim(title) <> ''::text));
ALTER TABLE plan ADD CONSTRAINT plan_version_check CHECK ((version > 0));
ALTER TABLE plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON plan AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON plan AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.plan REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.plan REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.plan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.plan REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_plan_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.plan REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_plan_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.plan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_plan_update();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.plan REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.plan REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.plan REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.plan FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan TO hvp_app_access;

CREATE TABLE plan_breakthrough_target (
  plan_id integer NOT NULL,
  category text NOT NULL,
  min_high_value_patents integer NOT NULL
);
ALTER TABLE plan_breakthrough_target ADD CONSTRAINT plan_breakthrough_target_pkey PRIMARY KEY (plan_id, category);
ALTER TABLE plan_breakthrough_target ADD CONSTRAINT plan_breakthrough_target_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan(id) ON DELETE CASCADE;
ALTER TABLE plan_breakthrough_target ADD CONSTRAINT plan_breakthrough_target_category_check CHECK ((category = ANY (ARRAY['LISTED_CULTIVATION'::text, 'SPECIALIZED_NEW'::text, 'HIGH_TECH'::text])));
ALTER TABLE plan_breakthrough_target ADD CONSTRAINT plan_breakthrough_target_min_high_value_patents_check CHECK ((min_high_value_patents > 0));
ALTER TABLE plan_breakthrough_target ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_breakthrough_target FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_breakthrough_target AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_breakthrough_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON plan_breakthrough_target AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_breakthrough_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON plan_breakthrough_target AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_breakthrough_target AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_breakthrough_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_breakthrough_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.plan_breakthrough_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.plan_breakthrough_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_breakthrough_target_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.plan_breakthrough_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_breakthrough_target_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.plan_breakthrough_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_breakthrough_target_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_breakthrough_target TO hvp_app_access;

CREATE TABLE plan_indicator_target (
  plan_id integer NOT NULL,
  kind text NOT NULL,
  target double precision NOT NULL
);
ALTER TABLE plan_indicator_target ADD CONSTRAINT plan_indicator_target_pkey PRIMARY KEY (plan_id, kind);
ALTER TABLE plan_indicator_target ADD CONSTRAINT plan_indicator_target_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan(id) ON DELETE CASCADE;
ALTER TABLE plan_indicator_target ADD CONSTRAINT plan_indicator_target_target_check CHECK ((target >= (0)::double precision));
ALTER TABLE plan_indicator_target ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_indicator_target FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_indicator_target AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_indicator_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON plan_indicator_target AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_indicator_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON plan_indicator_target AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_indicator_target AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_indicator_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_indicator_target.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.plan_indicator_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.plan_indicator_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_indicator_target_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.plan_indicator_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_indicator_target_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.plan_indicator_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_plan_indicator_target_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_indicator_target TO hvp_app_access;

CREATE TABLE plan_support_measure (
  plan_id integer NOT NULL,
  number text NOT NULL,
  "position" integer NOT NULL,
  text text NOT NULL,
  responsible_units text,
  kind text NOT NULL,
  max_amount numeric(18,2),
  max_amount_by_award jsonb,
  award_kinds text[],
  routes text[],
  min_chinese_grants integer,
  min_foreign_grants integer
);
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_pkey PRIMARY KEY (plan_id, number);
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_plan_id_position_key UNIQUE (plan_id, "position");
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan(id) ON DELETE CASCADE;
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_kind_check CHECK ((kind = ANY (ARRAY['CHINA_PATENT_AWARD_REWARD'::text, 'FOREIGN_GRANT_SUBSIDY'::text, 'TITLE_ELIGIBILITY'::text, 'PLEDGE_INTEREST_SUBSIDY'::text, 'GENERIC'::text])));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_max_amount_check CHECK ((max_amount > (0)::numeric));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_min_chinese_grants_check CHECK ((min_chinese_grants > 0));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_min_foreign_grants_check CHECK ((min_foreign_grants > 0));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_number_check CHECK ((number ~ '^\([一二三四五六七八九十]+\)$'::text));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_position_check CHECK (("position" > 0));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_responsible_units_check CHECK ((btrim(responsible_units) <> ''::text));
ALTER TABLE plan_support_measure ADD CONSTRAINT plan_support_measure_text_check CHECK ((btrim(text) <> ''::text));
ALTER TABLE plan_support_measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_support_measure FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_support_measure AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_support_measure.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON plan_support_measure AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_support_measure.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON plan_support_measure AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_support_measure AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_support_measure.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM plan pl
  WHERE ((pl.id = plan_support_measure.plan_id) AND (pl.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.plan_support_measure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.plan_support_measure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.plan_support_measure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('plan', 'plan_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.plan_support_measure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.plan_support_measure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.plan_support_measure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_support_measure TO hvp_app_access;

CREATE TABLE plan_task (
  id integer DEFAULT nextval('plan_task_id_seq'::regclass) NOT NULL,
  plan_id integer NOT NULL,
  county_code text NOT NULL,
  section text NOT NULL,
  section_title text NOT NULL,
  number integer NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  indicator_kinds text[] DEFAULT '{}'::text[] NOT NULL
);
ALTER TABLE plan_task ADD CONSTRAINT plan_task_pkey PRIMARY KEY (id);
ALTER TABLE plan_task ADD CONSTRAINT plan_task_id_county_code_key UNIQUE (id, county_code);
ALTER TABLE plan_task ADD CONSTRAINT plan_task_plan_id_number_key UNIQUE (plan_id, number);
ALTER TABLE plan_task ADD CONSTRAINT plan_task_plan_id_county_code_fkey FOREIGN KEY (plan_id, county_code) REFERENCES plan(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE plan_task ADD CONSTRAINT plan_task_body_check CHECK ((btrim(body) <> ''::text));
ALTER TABLE plan_task ADD CONSTRAINT plan_task_number_check CHECK ((number > 0));
ALTER TABLE plan_task ADD CONSTRAINT plan_task_section_check CHECK ((section ~ '^\([一二三四五六七八九十]+\)$'::text));
ALTER TABLE plan_task ADD CONSTRAINT plan_task_section_title_check CHECK ((btrim(section_title) <> ''::text));
ALTER TABLE plan_task ADD CONSTRAINT plan_task_title_check CHECK ((btrim(title) <> ''::text));
ALTER TABLE plan_task ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_task FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_task AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON plan_task AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON plan_task AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_task AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_task TO hvp_app_access;

CREATE TABLE plan_task_unit (
  task_id integer NOT NULL,
  unit_id integer NOT NULL,
  county_code text NOT NULL,
  role text NOT NULL,
  "position" integer NOT NULL
);
ALTER TABLE plan_task_unit ADD CONSTRAINT plan_task_unit_pkey PRIMARY KEY (task_id, unit_id);
ALTER TABLE plan_task_unit ADD CONSTRAINT plan_task_unit_task_id_county_code_fkey FOREIGN KEY (task_id, county_code) REFERENCES plan_task(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE plan_task_unit ADD CONSTRAINT plan_task_unit_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES plan_unit(id);
ALTER TABLE plan_task_unit ADD CONSTRAINT plan_task_unit_role_check CHECK ((role = ANY (ARRAY['RESPONSIBLE'::text, 'COOPERATING'::text])));
CREATE INDEX plan_task_unit_unit_idx ON public.plan_task_unit USING btree (unit_id, task_id);
ALTER TABLE plan_task_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_task_unit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_task_unit AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON plan_task_unit AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON plan_task_unit AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_task_unit AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_task_unit TO hvp_app_access;

CREATE TABLE plan_unit (
  id integer DEFAULT nextval('plan_unit_id_seq'::regclass) NOT NULL,
  county_code text NOT NULL,
  name text NOT NULL
);
ALTER TABLE plan_unit ADD CONSTRAINT plan_unit_pkey PRIMARY KEY (id);
ALTER TABLE plan_unit ADD CONSTRAINT plan_unit_county_code_name_key UNIQUE (county_code, name);
ALTER TABLE plan_unit ADD CONSTRAINT plan_unit_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code) ON UPDATE CASCADE;
ALTER TABLE plan_unit ADD CONSTRAINT plan_unit_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 100)));
ALTER TABLE plan_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_unit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON plan_unit AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON plan_unit AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON plan_unit AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON plan_unit AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_admin() AS hvp_admin) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE plan_unit TO hvp_app_access;

CREATE TABLE pledge_financing (
  id integer DEFAULT nextval('pledge_financing_id_seq'::regclass) NOT NULL,
  enterprise_id integer NOT NULL,
  lender text NOT NULL,
  amount numeric(18,2) NOT NULL,
  registered_on date NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id(),
  deleted_at timestamp with time zone,
  deleted_with text
);
ALTER TABLE pledge_financing ADD CONSTRAINT pledge_financing_pkey PRIMARY KEY (id);
ALTER TABLE pledge_financing ADD CONSTRAINT pledge_financing_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id);
ALTER TABLE pledge_financing ADD CONSTRAINT pledge_financing_amount_check CHECK ((amount > (0)::numeric));
ALTER TABLE pledge_financing ADD CONSTRAINT pledge_financing_lender_check CHECK ((btrim(lender) <> ''::text));
ALTER TABLE pledge_financing ADD CONSTRAINT pledge_financing_version_check CHECK ((version > 0));
CREATE INDEX pledge_financing_enterprise_idx ON public.pledge_financing USING btree (enterprise_id, registered_on);
ALTER TABLE pledge_financing ENABLE ROW LEVEL SECURITY;
ALTER TABLE pledge_financing FORCE ROW LEVEL SECURITY;
CREATE POLICY live_read ON pledge_financing AS RESTRICTIVE FOR SELECT TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_with_deleted() AS hvp_with_deleted)));
CREATE POLICY live_update ON pledge_financing AS RESTRICTIVE FOR UPDATE TO PUBLIC
  USING (((deleted_at IS NULL) OR ( SELECT hvp_admin() AS hvp_admin)))
  WITH CHECK (true);
CREATE POLICY tenant_delete ON pledge_financing AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = pledge_financing.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON pledge_financing AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = pledge_financing.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON pledge_financing AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = pledge_financing.enterprise_id))) OR (EXISTS ( SELECT 1
   FROM pledge_financing_patent fp
  WHERE (fp.pledge_financing_id = pledge_financing.id)))));
CREATE POLICY tenant_update ON pledge_financing AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = pledge_financing.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE ((e.id = pledge_financing.enterprise_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.pledge_financing REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.pledge_financing REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_update();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_financing_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.pledge_financing REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_financing_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.pledge_financing REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_financing_update();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.pledge_financing FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE pledge_financing TO hvp_app_access;

CREATE TABLE pledge_financing_patent (
  pledge_financing_id integer NOT NULL,
  patent_id integer NOT NULL
);
ALTER TABLE pledge_financing_patent ADD CONSTRAINT pledge_financing_patent_pkey PRIMARY KEY (pledge_financing_id, patent_id);
ALTER TABLE pledge_financing_patent ADD CONSTRAINT pledge_financing_patent_patent_id_fkey FOREIGN KEY (patent_id) REFERENCES patent(id);
ALTER TABLE pledge_financing_patent ADD CONSTRAINT pledge_financing_patent_pledge_financing_id_fkey FOREIGN KEY (pledge_financing_id) REFERENCES pledge_financing(id) ON DELETE CASCADE;
CREATE INDEX pledge_financing_patent_patent_idx ON public.pledge_financing_patent USING btree (patent_id);
ALTER TABLE pledge_financing_patent ENABLE ROW LEVEL SECURITY;
ALTER TABLE pledge_financing_patent FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON pledge_financing_patent AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = pledge_financing_patent.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON pledge_financing_patent AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = pledge_financing_patent.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON pledge_financing_patent AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = pledge_financing_patent.patent_id)))));
CREATE POLICY tenant_update ON pledge_financing_patent AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = pledge_financing_patent.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE ((p.id = pledge_financing_patent.patent_id) AND (p.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('pledge_financing', 'pledge_financing_id');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.pledge_financing_patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('pledge_financing', 'pledge_financing_id');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('pledge_financing', 'pledge_financing_id');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.pledge_financing_patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_3_spans_delete AFTER DELETE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_patent_delete();
CREATE TRIGGER hvp_3_spans_insert AFTER INSERT ON public.pledge_financing_patent REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_patent_insert();
CREATE TRIGGER hvp_3_spans_update AFTER UPDATE ON public.pledge_financing_patent REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_spans_pledge_financing_patent_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE pledge_financing_patent TO hvp_app_access;

CREATE TABLE pledge_interest_payment (
  id integer DEFAULT nextval('pledge_interest_payment_id_seq'::regclass) NOT NULL,
  pledge_financing_id integer NOT NULL,
  paid_on date NOT NULL,
  amount numeric(18,2) NOT NULL
);
ALTER TABLE pledge_interest_payment ADD CONSTRAINT pledge_interest_payment_pkey PRIMARY KEY (id);
ALTER TABLE pledge_interest_payment ADD CONSTRAINT pledge_interest_payment_pledge_financing_id_fkey FOREIGN KEY (pledge_financing_id) REFERENCES pledge_financing(id) ON DELETE CASCADE;
ALTER TABLE pledge_interest_payment ADD CONSTRAINT pledge_interest_payment_amount_check CHECK ((amount > (0)::numeric));
CREATE INDEX pledge_interest_payment_financing_idx ON public.pledge_interest_payment USING btree (pledge_financing_id, paid_on);
ALTER TABLE pledge_interest_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE pledge_interest_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON pledge_interest_payment AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM (pledge_financing f
     JOIN enterprise e ON ((e.id = f.enterprise_id)))
  WHERE ((f.id = pledge_interest_payment.pledge_financing_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_insert ON pledge_interest_payment AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM (pledge_financing f
     JOIN enterprise e ON ((e.id = f.enterprise_id)))
  WHERE ((f.id = pledge_interest_payment.pledge_financing_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE POLICY tenant_read ON pledge_interest_payment AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM pledge_financing f
  WHERE (f.id = pledge_interest_payment.pledge_financing_id)))));
CREATE POLICY tenant_update ON pledge_interest_payment AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM (pledge_financing f
     JOIN enterprise e ON ((e.id = f.enterprise_id)))
  WHERE ((f.id = pledge_interest_payment.pledge_financing_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM (pledge_financing f
     JOIN enterprise e ON ((e.id = f.enterprise_id)))
  WHERE ((f.id = pledge_interest_payment.pledge_financing_id) AND (e.county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[]))))))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.pledge_interest_payment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.pledge_interest_payment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.pledge_interest_payment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_4_changed_delete AFTER DELETE ON public.pledge_interest_payment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_interest_payment_delete();
CREATE TRIGGER hvp_4_changed_insert AFTER INSERT ON public.pledge_interest_payment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_interest_payment_insert();
CREATE TRIGGER hvp_4_changed_update AFTER UPDATE ON public.pledge_interest_payment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_changed_pledge_interest_payment_update();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE pledge_interest_payment TO hvp_app_access;

CREATE TABLE sei_concordance (
  id integer DEFAULT nextval('sei_concordance_id_seq'::regclass) NOT NULL,
  version text NOT NULL,
  effective_from date NOT NULL,
  title text NOT NULL,
  synthetic boolean DEFAULT false NOT NULL
);
ALTER TABLE sei_concordance ADD CONSTRAINT sei_concordance_pkey PRIMARY KEY (id);
ALTER TABLE sei_concordance ADD CONSTRAINT sei_concordance_version_key UNIQUE (version);
ALTER TABLE sei_concordance ADD CONSTRAINT sei_concordance_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 300)));
ALTER TABLE sei_concordance ADD CONSTRAINT sei_concordance_version_check CHECK (((btrim(version) <> ''::text) AND (length(version) <= 100)));
CREATE INDEX sei_concordance_effective_idx ON public.sei_concordance USING btree (effective_from);
ALTER TABLE sei_concordance ENABLE ROW LEVEL SECURITY;
ALTER TABLE sei_concordance FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON sei_concordance AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_admin() AS hvp_admin));
CREATE POLICY tenant_insert ON sei_concordance AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_admin() AS hvp_admin));
CREATE POLICY tenant_read ON sei_concordance AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON sei_concordance AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_admin() AS hvp_admin))
  WITH CHECK (( SELECT hvp_admin() AS hvp_admin));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE sei_concordance TO hvp_app_access;

CREATE TABLE sei_concordance_entry (
  concordance_id integer NOT NULL,
  category_code text NOT NULL,
  ipc_prefix text NOT NULL,
  industry text NOT NULL,
  category_name text NOT NULL,
  field text,
  keywords text[] DEFAULT '{}'::text[] NOT NULL
);
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_pkey PRIMARY KEY (concordance_id, category_code, ipc_prefix);
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_concordance_id_fkey FOREIGN KEY (concordance_id) REFERENCES sei_concordance(id) ON DELETE CASCADE;
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_category_code_check CHECK ((category_code ~ '^[1-9](\.[0-9]+)*$'::text));
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_category_name_check CHECK ((btrim(category_name) <> ''::text));
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_industry_check CHECK ((industry = ANY (ARRAY['NEXT_GENERATION_IT'::text, 'HIGH_END_EQUIPMENT'::text, 'NEW_MATERIALS'::text, 'BIOTECHNOLOGY'::text, 'NEW_ENERGY_VEHICLES'::text, 'NEW_ENERGY'::text, 'ENERGY_SAVING_ENVIRONMENTAL'::text, 'DIGITAL_CREATIVE'::text, 'RELATED_SERVICES'::text])));
ALTER TABLE sei_concordance_entry ADD CONSTRAINT sei_concordance_entry_ipc_prefix_check CHECK ((ipc_prefix ~ '^[A-H]([0-9]{2}([A-Z]([0-9]{1,4}(/[0-9]{0,6})?)?)?)?$'::text));
CREATE INDEX sei_concordance_entry_ipc_idx ON public.sei_concordance_entry USING btree (concordance_id, ipc_prefix);
ALTER TABLE sei_concordance_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE sei_concordance_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON sei_concordance_entry AS PERMISSIVE FOR DELETE TO PUBLIC
  USING (( SELECT hvp_admin() AS hvp_admin));
CREATE POLICY tenant_insert ON sei_concordance_entry AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK (( SELECT hvp_admin() AS hvp_admin));
CREATE POLICY tenant_read ON sei_concordance_entry AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (( SELECT hvp_signed_in() AS hvp_signed_in));
CREATE POLICY tenant_update ON sei_concordance_entry AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING (( SELECT hvp_admin() AS hvp_admin))
  WITH CHECK (( SELECT hvp_admin() AS hvp_admin));
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE sei_concordance_entry TO hvp_app_access;

CREATE TABLE sei_review_decision (
  patent_id integer NOT NULL,
  patent_county_code text NOT NULL,
  industry text NOT NULL,
  decision text NOT NULL,
  decided_on date NOT NULL
);
ALTER TABLE sei_review_decision ADD CONSTRAINT sei_review_decision_pkey PRIMARY KEY (patent_id, industry);
ALTER TABLE sei_review_decision ADD CONSTRAINT sei_review_decision_patent_id_patent_county_code_fkey FOREIGN KEY (patent_id, patent_county_code) REFERENCES patent(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE sei_review_decision ADD CONSTRAINT sei_review_decision_decision_check CHECK ((decision = ANY (ARRAY['CONFIRMED'::text, 'REJECTED'::text])));
ALTER TABLE sei_review_decision ADD CONSTRAINT sei_review_decision_industry_check CHECK ((industry = ANY (ARRAY['NEXT_GENERATION_IT'::text, 'HIGH_END_EQUIPMENT'::text, 'NEW_MATERIALS'::text, 'BIOTECHNOLOGY'::text, 'NEW_ENERGY_VEHICLES'::text, 'NEW_ENERGY'::text, 'ENERGY_SAVING_ENVIRONMENTAL'::text, 'DIGITAL_CREATIVE'::text, 'RELATED_SERVICES'::text])));
CREATE INDEX sei_review_decision_county_idx ON public.sei_review_decision USING btree (patent_county_code);
ALTER TABLE sei_review_decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE sei_review_decision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON sei_review_decision AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON sei_review_decision AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON sei_review_decision AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (EXISTS ( SELECT 1
   FROM patent p
  WHERE (p.id = sei_review_decision.patent_id)))));
CREATE POLICY tenant_update ON sei_review_decision AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (patent_county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_1_touch_delete AFTER DELETE ON public.sei_review_decision REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_1_touch_insert AFTER INSERT ON public.sei_review_decision REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_1_touch_update AFTER UPDATE ON public.sei_review_decision REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_touch_record('patent', 'patent_id', 'patent_county_code');
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.sei_review_decision REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.sei_review_decision REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.sei_review_decision REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER sei_review_decision_county BEFORE INSERT ON public.sei_review_decision FOR EACH ROW EXECUTE FUNCTION hvp_sei_review_decision_county();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE sei_review_decision TO hvp_app_access;

CREATE TABLE support_payment (
  id integer DEFAULT nextval('support_payment_id_seq'::regclass) NOT NULL,
  county_code text NOT NULL,
  plan_id integer NOT NULL,
  measure_number text NOT NULL,
  year integer NOT NULL,
  recipient_kind text NOT NULL,
  enterprise_id integer,
  recipient_key text NOT NULL,
  recipient_name text NOT NULL,
  amount numeric(18,2) NOT NULL,
  paid_on date NOT NULL,
  reference text NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id()
);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_pkey PRIMARY KEY (id);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_county_code_reference_key UNIQUE (county_code, reference);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_county_code_fkey FOREIGN KEY (county_code) REFERENCES county(code);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES enterprise(id);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan(id);
ALTER TABLE support_payment ADD CONSTRAINT support_payment_amount_check CHECK ((amount > (0)::numeric));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_check CHECK (((recipient_kind = 'ENTERPRISE'::text) = (enterprise_id IS NOT NULL)));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_recipient_key_check CHECK ((btrim(recipient_key) <> ''::text));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_recipient_kind_check CHECK ((recipient_kind = ANY (ARRAY['ENTERPRISE'::text, 'INVENTOR'::text])));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_recipient_name_check CHECK ((btrim(recipient_name) <> ''::text));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_reference_check CHECK ((btrim(reference) <> ''::text));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_version_check CHECK ((version > 0));
ALTER TABLE support_payment ADD CONSTRAINT support_payment_year_check CHECK (((year >= 1949) AND (year <= 2200)));
CREATE INDEX support_payment_county_year_idx ON public.support_payment USING btree (county_code, year, paid_on, id);
CREATE INDEX support_payment_enterprise_idx ON public.support_payment USING btree (enterprise_id);
CREATE INDEX support_payment_recipient_idx ON public.support_payment USING btree (county_code, year, measure_number, recipient_key);
ALTER TABLE support_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON support_payment AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON support_payment AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON support_payment AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ((( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])) OR ((( SELECT hvp_role() AS hvp_role) = 'ENTERPRISE'::text) AND (EXISTS ( SELECT 1
   FROM enterprise e
  WHERE (e.id = support_payment.enterprise_id))))));
CREATE POLICY tenant_update ON support_payment AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.support_payment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.support_payment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.support_payment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.support_payment FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE support_payment TO hvp_app_access;

CREATE TABLE task_progress (
  id integer DEFAULT nextval('task_progress_id_seq'::regclass) NOT NULL,
  task_id integer NOT NULL,
  county_code text NOT NULL,
  unit_id integer NOT NULL,
  reported_on date NOT NULL,
  status text NOT NULL,
  body text NOT NULL,
  reported_by text NOT NULL,
  reported_role text NOT NULL,
  reporter_unit text,
  reported_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  version_xact xid8 DEFAULT pg_current_xact_id()
);
ALTER TABLE task_progress ADD CONSTRAINT task_progress_pkey PRIMARY KEY (id);
ALTER TABLE task_progress ADD CONSTRAINT task_progress_task_id_unit_id_reported_on_key UNIQUE (task_id, unit_id, reported_on);
ALTER TABLE task_progress ADD CONSTRAINT task_progress_task_id_county_code_fkey FOREIGN KEY (task_id, county_code) REFERENCES plan_task(id, county_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE task_progress ADD CONSTRAINT task_progress_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES plan_unit(id);
ALTER TABLE task_progress ADD CONSTRAINT task_progress_body_check CHECK ((btrim(body) <> ''::text));
ALTER TABLE task_progress ADD CONSTRAINT task_progress_status_check CHECK ((status = ANY (ARRAY['NOT_STARTED'::text, 'ON_TRACK'::text, 'AT_RISK'::text, 'DONE'::text])));
ALTER TABLE task_progress ADD CONSTRAINT task_progress_version_check CHECK ((version > 0));
CREATE INDEX task_progress_county_idx ON public.task_progress USING btree (county_code, reported_on);
CREATE INDEX task_progress_task_day_idx ON public.task_progress USING btree (task_id, reported_on DESC, reported_at DESC, id DESC);
ALTER TABLE task_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_progress FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_delete ON task_progress AS PERMISSIVE FOR DELETE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_insert ON task_progress AS PERMISSIVE FOR INSERT TO PUBLIC
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_read ON task_progress AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (((( SELECT hvp_role() AS hvp_role) = ANY (ARRAY['ADMIN'::text, 'EDITOR'::text, 'VIEWER'::text])) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE POLICY tenant_update ON task_progress AS PERMISSIVE FOR UPDATE TO PUBLIC
  USING ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))))
  WITH CHECK ((( SELECT hvp_writer() AS hvp_writer) AND (( SELECT hvp_all() AS hvp_all) OR (county_code = ANY (( SELECT hvp_visible() AS hvp_visible)::text[])))));
CREATE TRIGGER hvp_2_history_delete AFTER DELETE ON public.task_progress REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_insert AFTER INSERT ON public.task_progress REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_2_history_update AFTER UPDATE ON public.task_progress REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hvp_history();
CREATE TRIGGER hvp_version BEFORE UPDATE ON public.task_progress FOR EACH ROW EXECUTE FUNCTION hvp_version();
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE task_progress TO hvp_app_access;

GRANT SELECT ON TABLE typeorm_migrations TO hvp_app_access;

CREATE SEQUENCE api_key_id_seq AS integer OWNED BY api_key.id;
GRANT SELECT, USAGE ON SEQUENCE api_key_id_seq TO hvp_app_access;
CREATE SEQUENCE enterprise_id_seq AS integer OWNED BY enterprise.id;
GRANT SELECT, USAGE ON SEQUENCE enterprise_id_seq TO hvp_app_access;
CREATE SEQUENCE enterprise_membership_id_seq AS integer OWNED BY enterprise_membership.id;
GRANT SELECT, USAGE ON SEQUENCE enterprise_membership_id_seq TO hvp_app_access;
CREATE SEQUENCE enterprise_recognition_id_seq AS integer OWNED BY enterprise_recognition.id;
GRANT SELECT, USAGE ON SEQUENCE enterprise_recognition_id_seq TO hvp_app_access;
CREATE SEQUENCE history_id_seq AS bigint OWNED BY history.id;
CREATE SEQUENCE indicator_report_id_seq AS integer OWNED BY indicator_report.id;
GRANT SELECT, USAGE ON SEQUENCE indicator_report_id_seq TO hvp_app_access;
CREATE SEQUENCE innovation_platform_id_seq AS integer OWNED BY innovation_platform.id;
GRANT SELECT, USAGE ON SEQUENCE innovation_platform_id_seq TO hvp_app_access;
CREATE SEQUENCE knowledge_value_loan_id_seq AS integer OWNED BY knowledge_value_loan.id;
GRANT SELECT, USAGE ON SEQUENCE knowledge_value_loan_id_seq TO hvp_app_access;
CREATE SEQUENCE patent_id_seq AS integer OWNED BY patent.id;
GRANT SELECT, USAGE ON SEQUENCE patent_id_seq TO hvp_app_access;
CREATE SEQUENCE plan_id_seq AS integer OWNED BY plan.id;
GRANT SELECT, USAGE ON SEQUENCE plan_id_seq TO hvp_app_access;
CREATE SEQUENCE plan_task_id_seq AS integer OWNED BY plan_task.id;
GRANT SELECT, USAGE ON SEQUENCE plan_task_id_seq TO hvp_app_access;
CREATE SEQUENCE plan_unit_id_seq AS integer OWNED BY plan_unit.id;
GRANT SELECT, USAGE ON SEQUENCE plan_unit_id_seq TO hvp_app_access;
CREATE SEQUENCE pledge_financing_id_seq AS integer OWNED BY pledge_financing.id;
GRANT SELECT, USAGE ON SEQUENCE pledge_financing_id_seq TO hvp_app_access;
CREATE SEQUENCE pledge_interest_payment_id_seq AS integer OWNED BY pledge_interest_payment.id;
GRANT SELECT, USAGE ON SEQUENCE pledge_interest_payment_id_seq TO hvp_app_access;
CREATE SEQUENCE sei_concordance_id_seq AS integer OWNED BY sei_concordance.id;
GRANT SELECT, USAGE ON SEQUENCE sei_concordance_id_seq TO hvp_app_access;
CREATE SEQUENCE support_payment_id_seq AS integer OWNED BY support_payment.id;
GRANT SELECT, USAGE ON SEQUENCE support_payment_id_seq TO hvp_app_access;
CREATE SEQUENCE task_progress_id_seq AS integer OWNED BY task_progress.id;
GRANT SELECT, USAGE ON SEQUENCE task_progress_id_seq TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT hvp_role() = 'ADMIN' $function$;

CREATE OR REPLACE FUNCTION public.hvp_all()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT hvp_role() IN ('ADMIN', 'EDITOR', 'VIEWER') AND coalesce(current_setting('hvp.counties', true), '') = '*' $function$;

CREATE OR REPLACE FUNCTION public.hvp_api_key(p_hash text)
 RETURNS TABLE(id integer, name text, role text, counties text[], credit_code text, expires_at timestamp with time zone, revoked_at timestamp with time zone)
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM set_config('hvp.api_key_hash', p_hash, true);
        RETURN QUERY SELECT k.id, k.name, k.role, k.counties, k.credit_code, k.expires_at, k.revoked_at
                       FROM api_key k WHERE k.key_hash = p_hash;
        PERFORM set_config('hvp.api_key_hash', '', true);
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_begin(p_role text, p_counties text, p_credit_code text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.code UNION ALL SELECT r.parent_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.code UNION ALL SELECT r.parent_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_statistics_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_statistics_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_statistics_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_county_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.code UNION ALL SELECT r.parent_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_membership_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_membership_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_membership_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_enterprise_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_innovation_platform_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_innovation_platform_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_innovation_platform_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_knowledge_value_loan_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_knowledge_value_loan_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_knowledge_value_loan_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_owner_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.patent_county_code UNION ALL SELECT r.enterprise_county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_owner_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.patent_county_code UNION ALL SELECT r.enterprise_county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_owner_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.patent_county_code UNION ALL SELECT r.enterprise_county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_patent_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_breakthrough_target_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_breakthrough_target_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_breakthrough_target_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_indicator_target_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_indicator_target_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_indicator_target_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT pl.county_code FROM plan pl WHERE pl.id = r.plan_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_plan_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT r.county_code) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_financing_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_financing_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_financing_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM enterprise e WHERE e.id = r.enterprise_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_interest_payment_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_interest_payment_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_changed_pledge_interest_payment_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_note_counties(ARRAY(SELECT DISTINCT c.code FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r CROSS JOIN LATERAL (SELECT e.county_code FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) AS c(code)));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_claim()
 RETURNS text[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT string_to_array(nullif(current_setting('hvp.counties', true), ''), ',') $function$;

CREATE OR REPLACE FUNCTION public.hvp_county_label()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO county_label (code, name, parent_code) VALUES (NEW.code, NEW.name, NEW.parent_code)
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code;
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_daterange(from_day date, until_day date)
 RETURNS daterange
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN until_day IS NOT NULL AND until_day <= from_day THEN 'empty'::daterange
                          ELSE daterange(from_day, until_day) END $function$;

CREATE OR REPLACE FUNCTION public.hvp_deleted_keys(p_table text, p_keys text[])
 RETURNS TABLE(key text, deleted_at timestamp with time zone)
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM set_config('hvp.with_deleted', 'on', true);
        IF p_table = 'enterprise' THEN
          RETURN QUERY SELECT t.credit_code, t.deleted_at FROM enterprise t WHERE t.credit_code = ANY (p_keys) AND t.deleted_at IS NOT NULL;
        ELSIF p_table = 'patent' THEN
          RETURN QUERY SELECT t.application_number, t.deleted_at FROM patent t WHERE t.application_number = ANY (p_keys) AND t.deleted_at IS NOT NULL;
        ELSE
          RAISE EXCEPTION 'hvp_deleted_keys: % has no soft delete', p_table;
        END IF;
        PERFORM set_config('hvp.with_deleted', '', true);
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_enterprise_moved()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_enterprise_high_value(ARRAY(
           SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.county_code IS DISTINCT FROM o.county_code ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_history()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public', 'pg_temp'
AS $function$
    DECLARE
      -- a batch: the row number of each record, by its key (src/db/request-database.ts, describeChange)
      v_rows jsonb := nullif(current_setting('hvp.change_rows', true), '')::jsonb;
    BEGIN
      IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'STATEMENT' THEN
        RAISE EXCEPTION 'hvp_history: runs only as an AFTER … FOR EACH STATEMENT trigger' USING ERRCODE = 'insufficient_privilege';
      END IF;
        IF TG_RELID = 'public.county'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.code, c.key, c.county, 'county', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.code, r.code, NULL::int) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.code, c.key, c.county, 'county', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.code, r.code, NULL::int) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.code, c.key, c.county, 'county', CASE WHEN o."code" IS NULL THEN 'CREATED' WHEN n."code" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."code" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."code" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."code" = n."code"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."code" IS NULL UNION ALL SELECT o.* WHERE n."code" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.code, r.code, NULL::int) c(key, county, version) ON true
             WHERE o."code" IS NULL OR n."code" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.county_statistics'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'county_statistics', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'county_statistics', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'county_statistics', CASE WHEN o."county_code" IS NULL THEN 'CREATED' WHEN n."county_code" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."county_code" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."county_code" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."county_code" = n."county_code" AND o."year" = n."year"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."county_code" IS NULL UNION ALL SELECT o.* WHERE n."county_code" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."county_code" IS NULL OR n."county_code" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.plan'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'plan', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'plan', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'plan', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.plan_breakthrough_target'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_breakthrough_target', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_breakthrough_target', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_breakthrough_target', CASE WHEN o."plan_id" IS NULL THEN 'CREATED' WHEN n."plan_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."plan_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."plan_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."plan_id" = n."plan_id" AND o."category" = n."category"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."plan_id" IS NULL UNION ALL SELECT o.* WHERE n."plan_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true
             WHERE o."plan_id" IS NULL OR n."plan_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.plan_indicator_target'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_indicator_target', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_indicator_target', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_indicator_target', CASE WHEN o."plan_id" IS NULL THEN 'CREATED' WHEN n."plan_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."plan_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."plan_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."plan_id" = n."plan_id" AND o."kind" = n."kind"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."plan_id" IS NULL UNION ALL SELECT o.* WHERE n."plan_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true
             WHERE o."plan_id" IS NULL OR n."plan_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.enterprise'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.id::text, c.key, c.county, 'enterprise', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.credit_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.id::text, c.key, c.county, 'enterprise', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.credit_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.id::text, c.key, c.county, 'enterprise', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.credit_code, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.enterprise_membership'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_membership', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact', 'county_code']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_membership', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact', 'county_code']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_membership', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact', 'county_code']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact', 'county_code']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact', 'county_code']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact', 'county_code']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.innovation_platform'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'innovation_platform', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'innovation_platform', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'innovation_platform', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.knowledge_value_loan'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'knowledge_value_loan', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'knowledge_value_loan', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'knowledge_value_loan', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.id::text, c.key, c.county, 'patent', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.application_number, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.id::text, c.key, c.county, 'patent', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.application_number, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.id::text, c.key, c.county, 'patent', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.application_number, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact', 'owner_county_codes']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_owner'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_owner', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_owner', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_owner', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."enterprise_id" = n."enterprise_id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code', 'enterprise_county_code', 'patent_filing_date', 'patent_application_number', 'patent_deleted']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_overseas_grant'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_overseas_grant', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_overseas_grant', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_overseas_grant', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."jurisdiction" = n."jurisdiction"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_award'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_award', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_award', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_award', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."kind" = n."kind" AND o."year" = n."year"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.pledge_financing'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.id::text, c.key, c.county, 'pledge_financing', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.id::text, e.county_code, r.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.id::text, c.key, c.county, 'pledge_financing', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.id::text, e.county_code, r.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.id::text, c.key, c.county, 'pledge_financing', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.id::text, e.county_code, r.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.pledge_financing_patent'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_financing_patent', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_financing_patent', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_financing_patent', CASE WHEN o."pledge_financing_id" IS NULL THEN 'CREATED' WHEN n."pledge_financing_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."pledge_financing_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."pledge_financing_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."pledge_financing_id" = n."pledge_financing_id" AND o."patent_id" = n."patent_id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."pledge_financing_id" IS NULL UNION ALL SELECT o.* WHERE n."pledge_financing_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true
             WHERE o."pledge_financing_id" IS NULL OR n."pledge_financing_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.pledge_interest_payment'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_interest_payment', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_interest_payment', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'PledgeFinancing', r.pledge_financing_id::text, c.key, c.county, 'pledge_interest_payment', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT f.id::text, e.county_code, f.version FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = r.pledge_financing_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_inventor'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_inventor', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_inventor', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_inventor', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."position" = n."position"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_transaction'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_transaction', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_transaction', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_transaction', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."kind" = n."kind" AND o."occurred_on" = n."occurred_on" AND o."counterparty" = n."counterparty"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.plan_support_measure'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_support_measure', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_support_measure', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', c.county, c.key, c.county, 'plan_support_measure', CASE WHEN o."plan_id" IS NULL THEN 'CREATED' WHEN n."plan_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."plan_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."plan_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."plan_id" = n."plan_id" AND o."number" = n."number"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."plan_id" IS NULL UNION ALL SELECT o.* WHERE n."plan_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT pl.county_code, pl.county_code, pl.version FROM plan pl WHERE pl.id = r.plan_id) c(key, county, version) ON true
             WHERE o."plan_id" IS NULL OR n."plan_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.support_payment'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'support_payment', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'support_payment', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'support_payment', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.task_progress'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'task_progress', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'task_progress', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'County', r.county_code, c.key, c.county, 'task_progress', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT r.county_code, r.county_code, r.version) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.patent_external_patentee'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_external_patentee', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_external_patentee', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'patent_external_patentee', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."position" = n."position"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.sei_review_decision'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'sei_review_decision', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'sei_review_decision', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact', 'patent_county_code']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Patent', r.patent_id::text, c.key, c.county, 'sei_review_decision', CASE WHEN o."patent_id" IS NULL THEN 'CREATED' WHEN n."patent_id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."patent_id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code']::text[] END, CASE WHEN NOT n."patent_id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."patent_id" = n."patent_id" AND o."industry" = n."industry"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."patent_id" IS NULL UNION ALL SELECT o.* WHERE n."patent_id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT p.application_number, p.county_code, p.version FROM patent p WHERE p.id = r.patent_id) c(key, county, version) ON true
             WHERE o."patent_id" IS NULL OR n."patent_id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact', 'patent_county_code']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact', 'patent_county_code']::text[]);
          END IF;
        ELSIF TG_RELID = 'public.enterprise_recognition'::regclass THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_recognition', 'CREATED', c.version,
                   NULL, to_jsonb(r) - ARRAY['version', 'version_xact']::text[], nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM new_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_recognition', 'REMOVED', c.version,
                   to_jsonb(r) - ARRAY['version', 'version_xact']::text[], NULL, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows r LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true;
          ELSE
            INSERT INTO public.history (record_type, record_id, record_key, county_code, table_name, action, version, before, after,
                                   actor, actor_role, door, operation, request, file, row_number)
            SELECT 'Enterprise', r.enterprise_id::text, c.key, c.county, 'enterprise_recognition', CASE WHEN o."id" IS NULL THEN 'CREATED' WHEN n."id" IS NULL THEN 'REMOVED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NULL AND (to_jsonb(n) ->> 'deleted_at') IS NOT NULL THEN 'DELETED'
                        WHEN (to_jsonb(o) ->> 'deleted_at') IS NOT NULL AND (to_jsonb(n) ->> 'deleted_at') IS NULL THEN 'RESTORED'
                        ELSE 'UPDATED' END, c.version,
                   CASE WHEN NOT o."id" IS NULL THEN to_jsonb(o) - ARRAY['version', 'version_xact']::text[] END, CASE WHEN NOT n."id" IS NULL THEN to_jsonb(n) - ARRAY['version', 'version_xact']::text[] END, nullif(current_setting('hvp.subject', true), ''), nullif(current_setting('hvp.role', true), ''),
                   coalesce(nullif(current_setting('hvp.change_door', true), ''), 'SQL'),
                   nullif(current_setting('hvp.change_operation', true), ''), nullif(current_setting('hvp.change_request', true), ''),
                   nullif(current_setting('hvp.change_file', true), ''),
                   coalesce((v_rows ->> c.key)::int, nullif(current_setting('hvp.change_row', true), '')::int)
              FROM old_rows o FULL JOIN new_rows n ON o."id" = n."id"
                   CROSS JOIN LATERAL (SELECT n.* WHERE NOT n."id" IS NULL UNION ALL SELECT o.* WHERE n."id" IS NULL) r
                   LEFT JOIN LATERAL (SELECT e.credit_code, e.county_code, e.version FROM enterprise e WHERE e.id = r.enterprise_id) c(key, county, version) ON true
             WHERE o."id" IS NULL OR n."id" IS NULL OR (to_jsonb(o) - ARRAY['version', 'version_xact']::text[]) IS DISTINCT FROM (to_jsonb(n) - ARRAY['version', 'version_xact']::text[]);
          END IF;
      ELSE
        RAISE EXCEPTION 'hvp_history: % is not an audited table', TG_RELID::regclass USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_invention_spans(patent_ids integer[])
 RETURNS TABLE(patent_id integer, county_code text, starts date, ends date, reasons text[])
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
                                                   WHERE f.id = fp.pledge_financing_id AND f.deleted_at IS NULL OFFSET 0) f
                              CROSS JOIN LATERAL (SELECT pp.* FROM plan_period pp
                                                   WHERE pp.county_code = p.county_code AND f.amount >= pp.high_pledge_threshold OFFSET 0) pp
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
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_invention_spans(patent_ids integer[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_maintaining()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(current_setting('hvp.maintaining', true), '') = 'on' $function$;

CREATE OR REPLACE FUNCTION public.hvp_maintenance_begin()
 RETURNS text[]
 LANGUAGE plpgsql
AS $function$
      DECLARE
        saved text[] := ARRAY[current_setting('hvp.role', true), current_setting('hvp.counties', true),
                              current_setting('hvp.with_deleted', true), current_setting('hvp.maintaining', true)];
      BEGIN
        PERFORM set_config('hvp.role', 'ADMIN', true), set_config('hvp.counties', '*', true),
                set_config('hvp.with_deleted', 'on', true), set_config('hvp.maintaining', 'on', true);
        RETURN saved;
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_maintenance_begin() TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_maintenance_end(saved text[])
 RETURNS void
 LANGUAGE sql
AS $function$
        SELECT set_config('hvp.role', coalesce(saved[1], ''), true), set_config('hvp.counties', coalesce(saved[2], ''), true),
               set_config('hvp.with_deleted', coalesce(saved[3], ''), true), set_config('hvp.maintaining', coalesce(saved[4], ''), true)
      $function$;
GRANT EXECUTE ON FUNCTION hvp_maintenance_end(saved text[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_membership_county()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        NEW.county_code := (SELECT e.county_code FROM enterprise e WHERE e.id = NEW.enterprise_id);
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_natural_parent(p_code text)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
        SELECT l.code FROM county_label l
         WHERE l.code IN (left(p_code, 4) || '00', left(p_code, 2) || '0000') AND l.code <> p_code
         ORDER BY l.code DESC LIMIT 1
      $function$;

CREATE OR REPLACE FUNCTION public.hvp_note_counties(codes text[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        saved text[];
      BEGIN
        IF codes IS NULL OR cardinality(codes) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        INSERT INTO county_change (county_code)
        SELECT DISTINCT c FROM unnest(codes) AS c WHERE c IS NOT NULL ORDER BY 1
        ON CONFLICT DO NOTHING;
        PERFORM hvp_maintenance_end(saved);
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_note_counties(codes text[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_owner_counties_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT DISTINCT patent_id FROM deleted));
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_owner_counties_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT DISTINCT patent_id FROM inserted));
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_owner_counties_of(patent_ids integer[])
 RETURNS void
 LANGUAGE sql
AS $function$
        UPDATE patent p SET owner_county_codes = codes.codes
          FROM (SELECT c.patent_id,
                       (SELECT COALESCE(array_agg(DISTINCT po.enterprise_county_code ORDER BY po.enterprise_county_code)
                                        FILTER (WHERE po.enterprise_county_code IS NOT NULL), '{}')
                          FROM patent_owner po WHERE po.patent_id = c.patent_id) AS codes
                  FROM (SELECT DISTINCT unnest(patent_ids)) AS c(patent_id)) codes
         WHERE p.id = ANY (patent_ids) AND p.id = codes.patent_id AND p.owner_county_codes IS DISTINCT FROM codes.codes
      $function$;

CREATE OR REPLACE FUNCTION public.hvp_owner_counties_updated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM hvp_owner_counties_of(ARRAY(SELECT patent_id FROM inserted UNION SELECT patent_id FROM deleted));
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_owners_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_enterprise_high_value(ARRAY(SELECT DISTINCT r.enterprise_id FROM (SELECT * FROM old_rows) r ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_owners_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_enterprise_high_value(ARRAY(SELECT DISTINCT r.enterprise_id FROM (SELECT * FROM new_rows) r ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_owners_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_enterprise_high_value(ARRAY(SELECT DISTINCT r.enterprise_id FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_patent_external_patentee_county()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_patent_owner_county()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        SELECT p.county_code, p.filing_date, p.application_number, p.deleted_at IS NOT NULL
          INTO NEW.patent_county_code, NEW.patent_filing_date, NEW.patent_application_number, NEW.patent_deleted
          FROM patent p WHERE p.id = NEW.patent_id;
        NEW.enterprise_county_code := (SELECT e.county_code FROM enterprise e WHERE e.id = NEW.enterprise_id);
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_patent_owner_order()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        changed int[];
        saved text[];
      BEGIN
        SELECT array_agg(n.id) INTO changed FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE o.filing_date IS DISTINCT FROM n.filing_date OR o.application_number IS DISTINCT FROM n.application_number
            OR (o.deleted_at IS NULL) <> (n.deleted_at IS NULL);
        IF changed IS NULL THEN RETURN NULL; END IF;
        saved := hvp_maintenance_begin();
        UPDATE patent_owner po SET patent_filing_date = p.filing_date, patent_application_number = p.application_number,
               patent_deleted = p.deleted_at IS NOT NULL
          FROM patent p
         WHERE po.patent_id = ANY (changed) AND p.id = po.patent_id;
        PERFORM hvp_maintenance_end(saved);
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_publish_county_changes()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_rebuild_enterprise_high_value(enterprise_ids integer[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        saved text[];
        changed text[];
      BEGIN
        IF enterprise_ids IS NULL OR cardinality(enterprise_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        EXECUTE $statement$
        -- one statement: the INSERT's NOT EXISTS sees the rows as they were before it, so a row that stays is neither
        -- removed (it is fresh) nor added (it exists)
        WITH change AS (
          SELECT po.enterprise_id, c.day, sum(c.delta) AS delta
            FROM patent_owner po
           -- each owned patent's spans by key (OFFSET 0: a probe per owner, whatever the estimates of spans just written)
           CROSS JOIN LATERAL (SELECT s.starts, s.ends FROM invention_span s
                                WHERE s.patent_id = po.patent_id AND s.high_value OFFSET 0) s
           CROSS JOIN LATERAL (VALUES (s.starts, 1), (s.ends, -1)) AS c(day, delta)
           WHERE po.enterprise_id = ANY ($1)
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
           WHERE h.enterprise_id = ANY ($1)
        ),
        removed AS (
          DELETE FROM enterprise_high_value h
           WHERE h.enterprise_id = ANY ($1)
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
        SELECT array_agg(DISTINCT c) FROM (SELECT county_code FROM removed UNION ALL SELECT county_code FROM added) AS x(c)$statement$ INTO changed USING enterprise_ids;
        PERFORM hvp_note_counties(changed);
        PERFORM hvp_maintenance_end(saved);
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_rebuild_enterprise_high_value(enterprise_ids integer[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_rebuild_owed_enterprise_counts()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      BEGIN
        PERFORM hvp_refresh_deferred_enterprise_counts();
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_refresh_deferred_enterprise_counts()
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        saved text[] := hvp_maintenance_begin();
        owed int[];
      BEGIN
        PERFORM set_config('hvp.defer_enterprise_counts', '', true);
        WITH taken AS (DELETE FROM enterprise_count_change c WHERE c.transaction_id = pg_current_xact_id() RETURNING c.enterprise_id)
        SELECT array_agg(t.enterprise_id ORDER BY t.enterprise_id) INTO owed FROM taken t;
        PERFORM hvp_rebuild_enterprise_high_value(owed);
        PERFORM hvp_maintenance_end(saved);
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_refresh_deferred_enterprise_counts() TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_refresh_enterprise_high_value(enterprise_ids integer[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        saved text[];
      BEGIN
        IF enterprise_ids IS NULL OR cardinality(enterprise_ids) = 0 THEN RETURN; END IF;
        IF coalesce(current_setting('hvp.defer_enterprise_counts', true), '') <> 'on' THEN
          PERFORM hvp_rebuild_enterprise_high_value(enterprise_ids);
          RETURN;
        END IF;
        saved := hvp_maintenance_begin();
        INSERT INTO enterprise_count_change (enterprise_id)
        SELECT DISTINCT e FROM unnest(enterprise_ids) AS e WHERE e IS NOT NULL ORDER BY 1
        ON CONFLICT DO NOTHING;
        PERFORM hvp_maintenance_end(saved);
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_refresh_enterprise_high_value(enterprise_ids integer[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_refresh_invention_spans(patent_ids integer[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        saved text[];
        changed_patents int[];
        changed_counties text[];
      BEGIN
        IF patent_ids IS NULL OR cardinality(patent_ids) = 0 THEN RETURN; END IF;
        saved := hvp_maintenance_begin();
        EXECUTE $statement$
        WITH fresh AS MATERIALIZED (SELECT * FROM hvp_invention_spans($1)),
        -- the patents' spans as they were, read once by the patents' keys (a per-row probe is planned as a scan while
        -- the table is empty, and the table then grows by this very statement's rows: it would cost their square)
        kept AS MATERIALIZED (
          SELECT s.patent_id, s.county_code, s.starts, s.ends, s.reasons FROM invention_span s WHERE s.patent_id = ANY ($1)
        ),
        removed AS (
          DELETE FROM invention_span s
           WHERE s.patent_id = ANY ($1)
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
        SELECT array_agg(DISTINCT c.patent_id), array_agg(DISTINCT c.county_code) FROM changed c$statement$ INTO changed_patents, changed_counties USING patent_ids;
        IF changed_patents IS NOT NULL THEN
          PERFORM hvp_note_counties(changed_counties);
          PERFORM hvp_refresh_enterprise_high_value(
            ARRAY(SELECT DISTINCT po.enterprise_id FROM patent_owner po WHERE po.patent_id = ANY (changed_patents) ORDER BY 1));
        END IF;
        PERFORM hvp_maintenance_end(saved);
      END $function$;
GRANT EXECUTE ON FUNCTION hvp_refresh_invention_spans(patent_ids integer[]) TO hvp_app_access;

CREATE OR REPLACE FUNCTION public.hvp_report_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        withdrawal text[] := ARRAY['withdrawn_at', 'withdrawn_by', 'withdrawal_reason'];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'indicator_report holds published reports: they cannot be truncated' USING ERRCODE = 'insufficient_privilege';
        ELSIF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'indicator report % is published: it cannot be deleted (an ADMIN may withdraw it)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        ELSIF OLD.withdrawn_at IS NOT NULL THEN
          RAISE EXCEPTION 'indicator report % was withdrawn: it cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
        ELSIF NEW.withdrawn_at IS NULL OR (to_jsonb(NEW) - withdrawal) IS DISTINCT FROM (to_jsonb(OLD) - withdrawal) THEN
          RAISE EXCEPTION 'indicator report % is published: it cannot be changed (an ADMIN may only withdraw it, with a reason)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        ELSIF NOT hvp_admin() THEN
          RAISE EXCEPTION 'indicator report %: only an ADMIN may withdraw a report', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_role()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(current_setting('hvp.role', true), '') $function$;

CREATE OR REPLACE FUNCTION public.hvp_sei_review_decision_county()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        NEW.patent_county_code := (SELECT p.county_code FROM patent p WHERE p.id = NEW.patent_id);
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_set_deleted(p_table text, p_key text, p_delete boolean, p_expected integer)
 RETURNS TABLE(outcome text, id integer, version integer, deleted_at timestamp with time zone)
 LANGUAGE plpgsql
AS $function$
      DECLARE
        key_sql text := CASE p_table
          WHEN 'enterprise' THEN 't.credit_code = $1'
          WHEN 'patent' THEN 't.application_number = $1'
          WHEN 'pledge_financing' THEN 't.id = $1::int'
          WHEN 'enterprise_membership' THEN 't.id = $1::int' END;
        found_id int;
        found_version int;
        found_deleted timestamptz;
        parent_deleted boolean := false;
      BEGIN
        IF key_sql IS NULL THEN RAISE EXCEPTION 'hvp_set_deleted: % has no soft delete', p_table; END IF;
        IF p_table IN ('pledge_financing', 'enterprise_membership') AND p_key !~ '^[0-9]{1,9}$' THEN
          RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::int, NULL::int, NULL::timestamptz;
          RETURN;
        END IF;
        PERFORM set_config('hvp.with_deleted', 'on', true);
        EXECUTE format('SELECT t.id, t.deleted_at FROM %I t WHERE %s', p_table, key_sql) INTO found_id, found_deleted USING p_key;
        IF found_id IS NOT NULL AND p_delete <> (found_deleted IS NOT NULL) THEN
          -- locked until the transaction ends (a concurrent writer waits, then sees the new version); only an ADMIN may
          -- lock a deleted row (the live_update policy)
          EXECUTE format('SELECT t.version, t.deleted_at FROM %I t WHERE t.id = $1 FOR UPDATE', p_table)
            INTO found_version, found_deleted USING found_id;
          IF found_version IS NULL THEN found_id := NULL; END IF;
        END IF;
        IF found_id IS NULL THEN
          outcome := 'NOT_FOUND';
        ELSIF p_delete = (found_deleted IS NOT NULL) THEN
          outcome := 'ALREADY';
        ELSIF p_expected IS NOT NULL AND p_expected <> found_version THEN
          outcome := 'CONFLICT';
        ELSE
          IF NOT p_delete AND p_table IN ('pledge_financing', 'enterprise_membership') THEN
            EXECUTE format('SELECT e.deleted_at IS NOT NULL FROM %I t JOIN enterprise e ON e.id = t.enterprise_id WHERE t.id = $1', p_table)
              INTO parent_deleted USING found_id;
          END IF;
          IF parent_deleted THEN
            outcome := 'PARENT_DELETED';
          ELSE
            BEGIN
              EXECUTE format('UPDATE %I t SET deleted_at = %s, deleted_with = NULL WHERE t.id = $1 RETURNING t.version',
                             p_table, CASE WHEN p_delete THEN 'now()' ELSE 'NULL' END)
                INTO found_version USING found_id;
              IF p_table = 'enterprise' THEN
                IF p_delete THEN
                  UPDATE enterprise_membership c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE pledge_financing c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE innovation_platform c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                  UPDATE knowledge_value_loan c SET deleted_at = now(), deleted_with = 'enterprise' WHERE c.enterprise_id = found_id AND c.deleted_at IS NULL;
                ELSE
                  UPDATE enterprise_membership c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE pledge_financing c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE innovation_platform c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                  UPDATE knowledge_value_loan c SET deleted_at = NULL, deleted_with = NULL WHERE c.enterprise_id = found_id AND c.deleted_with = 'enterprise';
                END IF;
              ELSIF p_table = 'patent' AND NOT p_delete THEN
                -- its owners' counties may have moved while it was deleted
                PERFORM hvp_owner_counties_of(ARRAY[found_id]);
              END IF;
              EXECUTE format('SELECT t.version, t.deleted_at FROM %I t WHERE t.id = $1', p_table) INTO found_version, found_deleted USING found_id;
              outcome := 'DONE';
            EXCEPTION WHEN unique_violation THEN
              outcome := 'DUPLICATE';
            END;
          END IF;
        END IF;
        PERFORM set_config('hvp.with_deleted', '', true);
        RETURN QUERY SELECT outcome, found_id, found_version, found_deleted;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_signed_in()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT hvp_role() IN ('ADMIN', 'EDITOR', 'VIEWER', 'ENTERPRISE') $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_award_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_award_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_award_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT c.id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT c.id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_overseas_grant_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_overseas_grant_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_overseas_grant_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_patent_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS ((SELECT id, type, county_code, filing_date, grant_date, lapse_date, strategic_industry, deleted_at FROM new_rows EXCEPT SELECT id, type, county_code, filing_date, grant_date, lapse_date, strategic_industry, deleted_at FROM old_rows)
             UNION ALL (SELECT id, type, county_code, filing_date, grant_date, lapse_date, strategic_industry, deleted_at FROM old_rows EXCEPT SELECT id, type, county_code, filing_date, grant_date, lapse_date, strategic_industry, deleted_at FROM new_rows)) SELECT c.id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_plan_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT fp.patent_id FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
               WHERE p.county_code IN (SELECT c.county_code FROM changed c)) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_plan_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT fp.patent_id FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
               WHERE p.county_code IN (SELECT c.county_code FROM changed c)) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_plan_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS ((SELECT id, county_code, start_year, high_pledge_threshold FROM new_rows EXCEPT SELECT id, county_code, start_year, high_pledge_threshold FROM old_rows)
             UNION ALL (SELECT id, county_code, start_year, high_pledge_threshold FROM old_rows EXCEPT SELECT id, county_code, start_year, high_pledge_threshold FROM new_rows)) SELECT fp.patent_id FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
               WHERE p.county_code IN (SELECT c.county_code FROM changed c)) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT fp.patent_id FROM changed c JOIN pledge_financing_patent fp ON fp.pledge_financing_id = c.id) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT fp.patent_id FROM changed c JOIN pledge_financing_patent fp ON fp.pledge_financing_id = c.id) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_patent_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_patent_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_patent_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) SELECT c.patent_id FROM changed c) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_spans_pledge_financing_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
    DECLARE
      saved text[] := hvp_maintenance_begin();
    BEGIN
      PERFORM hvp_refresh_invention_spans(ARRAY(
               SELECT DISTINCT x.id FROM (WITH changed AS ((SELECT id, enterprise_id, amount, registered_on, deleted_at FROM new_rows EXCEPT SELECT id, enterprise_id, amount, registered_on, deleted_at FROM old_rows)
             UNION ALL (SELECT id, enterprise_id, amount, registered_on, deleted_at FROM old_rows EXCEPT SELECT id, enterprise_id, amount, registered_on, deleted_at FROM new_rows)) SELECT fp.patent_id FROM changed c JOIN pledge_financing_patent fp ON fp.pledge_financing_id = c.id) AS x(id) ORDER BY 1));
      PERFORM hvp_maintenance_end(saved);
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.hvp_touch_record()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        parent text := TG_ARGV[0];
        fk text := TG_ARGV[1];
        ignored text[] := ARRAY['version', 'version_xact'] || TG_ARGV[2:];
        ids int[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT array_agg(DISTINCT n.%I) FROM new_rows n', fk) INTO ids;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT array_agg(DISTINCT o.%I) FROM old_rows o', fk) INTO ids;
        ELSE
          EXECUTE format(
            'SELECT array_agg(DISTINCT d.k) FROM (
               (SELECT n.%1$I AS k, to_jsonb(n) - $1 AS j FROM new_rows n EXCEPT ALL SELECT o.%1$I, to_jsonb(o) - $1 FROM old_rows o)
               UNION ALL
               (SELECT o.%1$I, to_jsonb(o) - $1 FROM old_rows o EXCEPT ALL SELECT n.%1$I, to_jsonb(n) - $1 FROM new_rows n)) d', fk)
            INTO ids USING ignored;
        END IF;
        IF ids IS NOT NULL THEN
          EXECUTE format('UPDATE %I SET version = version + 1 WHERE id = ANY ($1) AND version_xact IS DISTINCT FROM pg_current_xact_id()', parent)
            USING ids;
        END IF;
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        ignored text[] := ARRAY['version', 'version_xact'] || TG_ARGV;
        xact xid8 := pg_current_xact_id();
      BEGIN
        IF NEW.version IS DISTINCT FROM OLD.version THEN
          NEW.version_xact := xact;
        ELSIF OLD.version_xact IS DISTINCT FROM xact AND (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
          NEW.version := OLD.version + 1;
          NEW.version_xact := xact;
        END IF;
        RETURN NEW;
      END $function$;

CREATE OR REPLACE FUNCTION public.hvp_visible()
 RETURNS text[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT string_to_array(nullif(current_setting('hvp.visible', true), ''), ',') $function$;

CREATE OR REPLACE FUNCTION public.hvp_with_deleted()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(current_setting('hvp.with_deleted', true), '') = 'on' $function$;

CREATE OR REPLACE FUNCTION public.hvp_writer()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT hvp_role() IN ('ADMIN', 'EDITOR') $function$;

GRANT USAGE ON SCHEMA public TO PUBLIC;
GRANT USAGE ON SCHEMA public TO hvp_app_access;
ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA public GRANT SELECT, USAGE ON SEQUENCES TO hvp_app_access;
ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA public GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO hvp_app_access;
