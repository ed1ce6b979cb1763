import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan indicators (主要指标): the reported figures the statistics lacked, innovation platforms (创新平台) and
 * knowledge-value credit loans (知识价值信用贷款).
 */
export class Indicators1764100000000 implements MigrationInterface {
  name = 'Indicators1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE county_statistics
        ADD COLUMN sei_output_value             numeric(18, 2) CHECK (sei_output_value >= 0),
        ADD COLUMN ip_service_agencies          int CHECK (ip_service_agencies >= 0),
        ADD COLUMN patent_service_practitioners int CHECK (patent_service_practitioners >= 0);

      CREATE TABLE innovation_platform (
        id             serial PRIMARY KEY,
        enterprise_id  int NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
        name           text NOT NULL CHECK (btrim(name) <> ''),
        kind           text NOT NULL CHECK (kind IN (
          'ENTERPRISE_TECHNOLOGY_CENTER', 'ENGINEERING_TECHNOLOGY_CENTER', 'KEY_LABORATORY', 'OTHER')),
        level          text NOT NULL CHECK (level IN ('COUNTY', 'MUNICIPAL', 'NATIONAL')),
        recognised_on  date NOT NULL,
        valid_to       date CHECK (valid_to >= recognised_on),
        UNIQUE (enterprise_id, name)
      );

      CREATE TABLE knowledge_value_loan (
        id             serial PRIMARY KEY,
        enterprise_id  int NOT NULL REFERENCES enterprise (id),
        lender         text NOT NULL CHECK (btrim(lender) <> ''),
        amount         numeric(18, 2) NOT NULL CHECK (amount > 0),
        granted_on     date NOT NULL
      );
      CREATE INDEX knowledge_value_loan_enterprise_idx ON knowledge_value_loan (enterprise_id, granted_on);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE knowledge_value_loan, innovation_platform;
      ALTER TABLE county_statistics
        DROP COLUMN sei_output_value, DROP COLUMN ip_service_agencies, DROP COLUMN patent_service_practitioners;
    `);
  }
}
