import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pledge of a patent raises the high-value count of the county the patent is attributed to (HIGH_PLEDGE_FINANCING),
 * so linking a patent to a pledge financing, or unlinking it, needs write scope over that county (issue 17, item 3):
 * before, it needed only to see the patent, and a county's EDITOR could pledge another county's patent that one of its
 * enterprises co-owns. The application refuses it first (FORBIDDEN, src/financing/pledge-financing.sql.ts); this
 * policy holds the same for any statement.
 */
const visible = '(SELECT hvp_visible())::text[]';
const WRITE = `(SELECT hvp_writer()) AND ((SELECT hvp_all())
  OR EXISTS (SELECT 1 FROM patent p WHERE p.id = pledge_financing_patent.patent_id AND p.county_code = ANY (${visible})))`;
const OLD_WRITE = `(SELECT hvp_writer()) AND ((SELECT hvp_all())
  OR EXISTS (SELECT 1 FROM patent p WHERE p.id = pledge_financing_patent.patent_id))`;

const policies = (write: string) => `
  DROP POLICY tenant_insert ON pledge_financing_patent;
  CREATE POLICY tenant_insert ON pledge_financing_patent FOR INSERT WITH CHECK (${write});
  DROP POLICY tenant_update ON pledge_financing_patent;
  CREATE POLICY tenant_update ON pledge_financing_patent FOR UPDATE USING (${write}) WITH CHECK (${write});
  DROP POLICY tenant_delete ON pledge_financing_patent;
  CREATE POLICY tenant_delete ON pledge_financing_patent FOR DELETE USING (${write});`;

export class PledgeScope1764620000000 implements MigrationInterface {
  name = 'PledgeScope1764620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(policies(WRITE));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(policies(OLD_WRITE));
  }
}
