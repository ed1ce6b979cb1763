import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { enterpriseIdOf } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { expectVersion } from '../history/versions';
import { groupByKey } from '../graphql/loaders';
import { InnovationPlatformInput, KnowledgeValueLoanInput } from './indicator.inputs';
import { InnovationPlatform } from './innovation-platform';
import { KnowledgeValueLoan } from './knowledge-value-loan';

/** The records behind INNOVATION_PLATFORMS and KNOWLEDGE_VALUE_LOANS: innovation platforms and knowledge-value loans. */

const PLATFORM_COLUMNS = sql`ip.id, ip.enterprise_id AS "enterpriseId", ip.name, ip.kind, ip.level,
  ip.recognised_on AS "recognisedOn", ip.valid_to AS "validTo", ip.version`;
const LOAN_COLUMNS = sql`l.id, l.enterprise_id AS "enterpriseId", l.lender, l.amount, l.granted_on AS "grantedOn", l.version`;

/** Creates or replaces the platform of (enterprise, name). With `expectedVersion`, CONFLICT when the stored version differs. */
export async function upsertInnovationPlatform(
  db: RequestDatabase,
  input: InnovationPlatformInput,
  expectedVersion?: number | null,
): Promise<InnovationPlatform> {
  const enterpriseId = await enterpriseIdOf(db, input.enterpriseCreditCode, 'input.enterpriseCreditCode');
  await expectVersion(db, {
    table: 'innovation_platform',
    where: sql`t.enterprise_id = ${enterpriseId} AND t.name = ${input.name.trim()}`,
    expected: expectedVersion,
    what: `innovation platform ${input.name.trim()}`,
  });
  const [platform] = await db.query<InnovationPlatform>(
    sql`INSERT INTO innovation_platform AS ip (enterprise_id, name, kind, level, recognised_on, valid_to)
     VALUES (${enterpriseId}, ${input.name.trim()}, ${input.kind}, ${input.level}, ${input.recognisedOn}, ${input.validTo ?? null})
     ON CONFLICT (enterprise_id, name) DO UPDATE SET
       kind = EXCLUDED.kind, level = EXCLUDED.level, recognised_on = EXCLUDED.recognised_on, valid_to = EXCLUDED.valid_to
     RETURNING ${PLATFORM_COLUMNS}`,
  );
  return platform;
}

export async function recordKnowledgeValueLoan(db: RequestDatabase, input: KnowledgeValueLoanInput): Promise<KnowledgeValueLoan> {
  const enterpriseId = await enterpriseIdOf(db, input.enterpriseCreditCode, 'input.enterpriseCreditCode');
  const [loan] = await db.query<KnowledgeValueLoan>(
    sql`INSERT INTO knowledge_value_loan AS l (enterprise_id, lender, amount, granted_on)
        VALUES (${enterpriseId}, ${input.lender.trim()}, ${input.amount}, ${input.grantedOn})
     RETURNING ${LOAN_COLUMNS}`,
  );
  return loan;
}

export function platformsOfEnterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, InnovationPlatform[]>('platformsOfEnterprise', [], async (enterpriseIds) => {
    const rows = await ctx.db.query<InnovationPlatform>(
      sql`SELECT ${PLATFORM_COLUMNS} FROM innovation_platform ip WHERE ip.enterprise_id = ANY(${enterpriseIds})
        ORDER BY ip.enterprise_id, ip.recognised_on, ip.name COLLATE "C"`,
    );
    return groupByKey(enterpriseIds, rows, (platform) => platform.enterpriseId);
  });
}

export function loansOfEnterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, KnowledgeValueLoan[]>('knowledgeValueLoansOfEnterprise', [], async (enterpriseIds) => {
    const rows = await ctx.db.query<KnowledgeValueLoan>(
      sql`SELECT ${LOAN_COLUMNS} FROM knowledge_value_loan l WHERE l.enterprise_id = ANY(${enterpriseIds})
        ORDER BY l.enterprise_id, l.granted_on DESC, l.id DESC`,
    );
    return groupByKey(enterpriseIds, rows, (loan) => loan.enterpriseId);
  });
}
