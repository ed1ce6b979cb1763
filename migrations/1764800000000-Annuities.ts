import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annuities (专利年费, issue 13): the last patent year whose annuity is known to be paid. Patent year n runs from the
 * filing date's (n − 1)th anniversary; the annuity of each year after the grant year is due by that anniversary
 * (专利法实施细则: 授予专利权当年以后的年费应当在上一年度期满前缴纳). A plain column of the patent: its version and
 * history follow it like any other field, and a change notes the patent's county (the patent's own triggers). The kept
 * spans do not read it: validity follows the recorded lapseDate (the contract), and annuities drive alerts and outlooks.
 */
export class Annuities1764800000000 implements MigrationInterface {
  name = 'Annuities1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE patent ADD COLUMN annuity_paid_through int CHECK (annuity_paid_through BETWEEN 1 AND 20);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE patent DROP COLUMN annuity_paid_through;`);
  }
}
