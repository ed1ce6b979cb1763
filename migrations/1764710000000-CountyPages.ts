import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that follow the county (issue 10). A county's patent list is read in its order (filing date descending, then
 * application number) from an index of that county, so a page costs its size; the database-wide order index it
 * replaces made the planner walk every county's patents to fill an enterprise's first page. A county's enterprise list
 * and its count read their index alone (it carries what the page shows and what the policies ask: deleted_at). The covering index of the
 * direct high-value scans and the database-wide membership index are no longer read (the kept spans and the
 * memberships' county index answer instead) and are dropped: every write paid for them.
 */
export class CountyPages1764710000000 implements MigrationInterface {
  name = 'CountyPages1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX patent_county_filing_idx ON patent (county_code, filing_date DESC, application_number);
      DROP INDEX enterprise_county_name_idx;
      CREATE INDEX enterprise_county_name_idx ON enterprise (county_code, name COLLATE "C", credit_code)
        INCLUDE (id, version, deleted_at);
      DROP INDEX patent_filing_order_idx;
      DROP INDEX patent_invention_county_idx;
      DROP INDEX enterprise_membership_category_idx;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX enterprise_membership_category_idx ON enterprise_membership (category, valid_from);
      DROP INDEX enterprise_county_name_idx;
      CREATE INDEX enterprise_county_name_idx ON enterprise (county_code, name COLLATE "C", credit_code);
      CREATE INDEX patent_invention_county_idx ON patent (county_code, grant_date)
        INCLUDE (id, filing_date, lapse_date, strategic_industry, type, owner_county_codes, deleted_at)
        WHERE type = 'INVENTION';
      CREATE INDEX patent_filing_order_idx ON patent (filing_date DESC, application_number);
      DROP INDEX patent_county_filing_idx;
    `);
  }
}
