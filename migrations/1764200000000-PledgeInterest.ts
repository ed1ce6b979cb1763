import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledge financing support (知识产权质押融资贴息): the interest an enterprise paid on each pledge financing, and the
 * share of it a plan subsidises (垫江: 50%, 支持措施(三)). A plan without a rate (null) subsidises nothing.
 * That a payment is not dated before its financing's registration is checked by the mutation, not here.
 */
export class PledgeInterest1764200000000 implements MigrationInterface {
  name = 'PledgeInterest1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE plan
        ADD COLUMN pledge_interest_subsidy_rate numeric(5, 4)
          CHECK (pledge_interest_subsidy_rate >= 0 AND pledge_interest_subsidy_rate <= 1);

      CREATE TABLE pledge_interest_payment (
        id                   serial PRIMARY KEY,
        pledge_financing_id  int NOT NULL REFERENCES pledge_financing (id) ON DELETE CASCADE,
        paid_on              date NOT NULL,
        amount               numeric(18, 2) NOT NULL CHECK (amount > 0)
      );
      CREATE INDEX pledge_interest_payment_financing_idx ON pledge_interest_payment (pledge_financing_id, paid_on);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE pledge_interest_payment;
      ALTER TABLE plan DROP COLUMN pledge_interest_subsidy_rate;
    `);
  }
}
