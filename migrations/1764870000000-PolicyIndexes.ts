import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enterprise's ownerships carry the two counties patent_owner's read policy compares (the patent's and the
 * enterprise's), so reading an enterprise's patents under Row Level Security stays an index-only scan of its
 * ownerships: without them every ownership was a heap fetch for the policy alone (the nested read's page of 50
 * enterprises' patents: 5.9 ms as an ADMIN of every county, 2.7 ms with them; 2.3 ms without Row Level Security).
 */
export class PolicyIndexes1764870000000 implements MigrationInterface {
  name = 'PolicyIndexes1764870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX patent_owner_enterprise_idx;
      CREATE INDEX patent_owner_enterprise_idx ON patent_owner (enterprise_id, patent_id) INCLUDE (patent_county_code, enterprise_county_code);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX patent_owner_enterprise_idx;
      CREATE INDEX patent_owner_enterprise_idx ON patent_owner (enterprise_id, patent_id);
    `);
  }
}
