import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * High-value counts scan a county's inventions for validity (grant, lapse and filing dates) and the
 * strategic industry; this partial index covers those columns, so the scan reads the index only.
 */
export class InventionIndex1764150000000 implements MigrationInterface {
  name = 'InventionIndex1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type)
        WHERE type = 'INVENTION'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX patent_invention_county_idx`);
  }
}
