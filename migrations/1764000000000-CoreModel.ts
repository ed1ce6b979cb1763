import { MigrationInterface, QueryRunner } from 'typeorm';

/** Counties, their statistics and plans, enterprises with category memberships, patents, pledge financings. */
export class CoreModel1764000000000 implements MigrationInterface {
  name = 'CoreModel1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE county (
        code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        text NOT NULL CHECK (btrim(name) <> ''),
        parent_code text REFERENCES county (code),
        CHECK (parent_code <> code)
      );
      CREATE INDEX county_parent_code_idx ON county (parent_code);

      CREATE TABLE county_statistics (
        county_code    text NOT NULL REFERENCES county (code),
        year           int NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        population     int CHECK (population > 0),
        gdp            numeric(18, 2) CHECK (gdp > 0),
        rd_investment  numeric(18, 2) CHECK (rd_investment > 0),
        PRIMARY KEY (county_code, year)
      );

      CREATE TABLE plan (
        id                     serial PRIMARY KEY,
        county_code            text NOT NULL REFERENCES county (code),
        title                  text NOT NULL CHECK (btrim(title) <> ''),
        start_year             int NOT NULL CHECK (start_year BETWEEN 1949 AND 2200),
        end_year               int NOT NULL,
        high_pledge_threshold  numeric(18, 2) NOT NULL CHECK (high_pledge_threshold > 0),
        UNIQUE (county_code, start_year),
        CHECK (end_year >= start_year)
      );

      CREATE TABLE plan_breakthrough_target (
        plan_id                int NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        category               text NOT NULL CHECK (category IN ('LISTED_CULTIVATION', 'SPECIALIZED_NEW', 'HIGH_TECH')),
        min_high_value_patents int NOT NULL CHECK (min_high_value_patents > 0),
        PRIMARY KEY (plan_id, category)
      );

      CREATE TABLE plan_indicator_target (
        plan_id  int NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        kind     text NOT NULL,
        target   double precision NOT NULL CHECK (target >= 0),
        PRIMARY KEY (plan_id, kind)
      );

      CREATE TABLE enterprise (
        id           serial PRIMARY KEY,
        credit_code  text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
        name         text NOT NULL CHECK (btrim(name) <> ''),
        county_code  text NOT NULL REFERENCES county (code)
      );
      CREATE INDEX enterprise_county_name_idx ON enterprise (county_code, name COLLATE "C", credit_code);

      CREATE TABLE enterprise_membership (
        id             serial PRIMARY KEY,
        enterprise_id  int NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
        category       text NOT NULL CHECK (category IN ('LISTED_CULTIVATION', 'SPECIALIZED_NEW', 'HIGH_TECH')),
        valid_from     date NOT NULL,
        valid_to       date CHECK (valid_to >= valid_from),
        UNIQUE (enterprise_id, category, valid_from)
      );
      CREATE INDEX enterprise_membership_category_idx ON enterprise_membership (category, valid_from);

      CREATE TABLE patent (
        id                  serial PRIMARY KEY,
        application_number  text NOT NULL UNIQUE CHECK (application_number ~ '^([0-9]{12}|[0-9]{8})\\.[0-9X]$'),
        title               text NOT NULL CHECK (btrim(title) <> ''),
        type                text NOT NULL CHECK (type IN ('INVENTION', 'UTILITY_MODEL', 'DESIGN')),
        county_code         text NOT NULL REFERENCES county (code),
        filing_date         date NOT NULL,
        grant_date          date CHECK (grant_date >= filing_date),
        lapse_date          date CHECK (lapse_date >= filing_date AND lapse_date >= grant_date),
        ipc_codes           text[] NOT NULL DEFAULT '{}',
        strategic_industry  text CHECK (strategic_industry IN (
          'NEXT_GENERATION_IT', 'HIGH_END_EQUIPMENT', 'NEW_MATERIALS', 'BIOTECHNOLOGY', 'NEW_ENERGY_VEHICLES',
          'NEW_ENERGY', 'ENERGY_SAVING_ENVIRONMENTAL', 'DIGITAL_CREATIVE', 'RELATED_SERVICES'))
      );
      CREATE INDEX patent_county_type_idx ON patent (county_code, type);
      CREATE INDEX patent_filing_order_idx ON patent (filing_date DESC, application_number);

      CREATE TABLE patent_owner (
        patent_id      int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        enterprise_id  int NOT NULL REFERENCES enterprise (id),
        position       int NOT NULL,
        PRIMARY KEY (patent_id, enterprise_id),
        UNIQUE (patent_id, position)
      );
      CREATE INDEX patent_owner_enterprise_idx ON patent_owner (enterprise_id, patent_id);

      CREATE TABLE patent_overseas_grant (
        patent_id     int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        jurisdiction  text NOT NULL CHECK (jurisdiction ~ '^[A-Z]{2}$'),
        grant_date    date NOT NULL,
        PRIMARY KEY (patent_id, jurisdiction)
      );

      CREATE TABLE patent_award (
        patent_id  int NOT NULL REFERENCES patent (id) ON DELETE CASCADE,
        kind       text NOT NULL CHECK (kind IN (
          'CHINA_PATENT_GOLD', 'CHINA_PATENT_SILVER', 'CHINA_PATENT_EXCELLENCE', 'NATIONAL_SCIENCE_TECHNOLOGY')),
        year       int NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        PRIMARY KEY (patent_id, kind, year)
      );

      CREATE TABLE pledge_financing (
        id             serial PRIMARY KEY,
        enterprise_id  int NOT NULL REFERENCES enterprise (id),
        lender         text NOT NULL CHECK (btrim(lender) <> ''),
        amount         numeric(18, 2) NOT NULL CHECK (amount > 0),
        registered_on  date NOT NULL
      );
      CREATE INDEX pledge_financing_enterprise_idx ON pledge_financing (enterprise_id, registered_on);

      CREATE TABLE pledge_financing_patent (
        pledge_financing_id  int NOT NULL REFERENCES pledge_financing (id) ON DELETE CASCADE,
        patent_id            int NOT NULL REFERENCES patent (id),
        PRIMARY KEY (pledge_financing_id, patent_id)
      );
      CREATE INDEX pledge_financing_patent_patent_idx ON pledge_financing_patent (patent_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE pledge_financing_patent, pledge_financing, patent_award, patent_overseas_grant, patent_owner, patent,
        enterprise_membership, enterprise, plan_indicator_target, plan_breakthrough_target, plan, county_statistics, county;
    `);
  }
}
