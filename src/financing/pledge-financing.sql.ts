import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { enterpriseIdOf } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { badUserInput, forbidden } from '../graphql/errors';
import { patentStatusSql } from '../high-value/high-value.sql';
import { DeletedRecord, expectVersion, setDeleted } from '../history/versions';
import { byKey, groupByKey } from '../graphql/loaders';
import { parseApplicationNumber } from '../identifiers/application-number';
import { normalizeCreditCode } from '../identifiers/credit-code';
import { Patent } from '../patent/patent';
import { PATENT_COLUMNS } from '../patent/patent.sql';
import { PledgeFinancing, PledgeFinancingInput } from './pledge-financing';

const PLEDGE_COLUMNS = sql`f.id, f.enterprise_id AS "enterpriseId", f.lender, f.amount, f.registered_on AS "registeredOn", f.version`;

export function pledgeFinancingLoader(ctx: Context) {
  return ctx.loaders.get<number, PledgeFinancing | null>('pledgeFinancing', [], async (ids) => {
    const rows = await ctx.db.query<PledgeFinancing>(sql`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = ANY(${ids})`);
    return byKey(ids, rows, (financing) => financing.id, null);
  });
}

export function pledgeFinancingsOfEnterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, PledgeFinancing[]>('pledgeFinancingsOfEnterprise', [], async (enterpriseIds) => {
    const rows = await ctx.db.query<PledgeFinancing>(
      sql`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.enterprise_id = ANY(${enterpriseIds})
        ORDER BY f.enterprise_id, f.registered_on DESC, f.id DESC`,
    );
    return groupByKey(enterpriseIds, rows, (financing) => financing.enterpriseId);
  });
}

export function pledgedPatentsLoader(ctx: Context) {
  return ctx.loaders.get<number, Patent[]>('pledgedPatents', [], async (financingIds) => {
    const rows = await ctx.db.query<Patent & { financingId: number }>(
      sql`SELECT fp.pledge_financing_id AS "financingId", ${PATENT_COLUMNS}
         FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
        WHERE fp.pledge_financing_id = ANY(${financingIds}) ORDER BY fp.pledge_financing_id, p.application_number`,
    );
    return groupByKey(
      financingIds,
      rows,
      (row) => row.financingId,
      ({ financingId: _, ...patent }) => patent,
    );
  });
}

interface PledgedPatent {
  id: number;
  applicationNumber: string;
  /** attributed to a county of the caller's scope (Row Level Security shows a staff caller exactly those counties) */
  inScope: boolean;
  /** the pledging enterprise is among its owners */
  owned: boolean;
  /** its status on the registration day */
  status: string;
}

/**
 * The enterprise and the pledged patents of an input, looked up and checked (issue 17): both must exist; a patent
 * attributed to a county outside the caller's counties is FORBIDDEN (a pledge changes that county's figures: record it
 * with a scope that covers both counties); the pledging enterprise must be among the owners of every pledged patent,
 * and each must be VALID (granted, neither lapsed nor expired) on the registration day — BAD_USER_INPUT naming the
 * patent otherwise.
 */
async function pledgeParties(db: RequestDatabase, input: PledgeFinancingInput): Promise<{ enterpriseId: number; patentIds: number[] }> {
  const enterpriseId = await enterpriseIdOf(db, input.enterpriseCreditCode, 'input.enterpriseCreditCode');
  const numbers = pledgedNumbers(input);
  const patents = await db.query<PledgedPatent>(
    sql`SELECT p.id, p.application_number AS "applicationNumber",
               EXISTS (SELECT 1 FROM county c WHERE c.code = p.county_code) AS "inScope",
               EXISTS (SELECT 1 FROM patent_owner po WHERE po.patent_id = p.id AND po.enterprise_id = ${enterpriseId}) AS owned,
               ${patentStatusSql(sql`p`, sql`${input.registeredOn}::date`)} AS status
          FROM patent p WHERE p.application_number = ANY(${numbers})`,
  );
  const found = new Map(patents.map((patent) => [patent.applicationNumber, patent]));
  const field = (i: number) => `input.patentApplicationNumbers[${i}]`;
  const first = (refused: (patent: PledgedPatent) => boolean) => numbers.findIndex((number) => refused(found.get(number)!));
  const unknown = numbers.findIndex((number) => !found.has(number));
  if (unknown >= 0) throw badUserInput(field(unknown), `no patent with application number ${numbers[unknown]}`);
  const outside = first((patent) => !patent.inScope);
  if (outside >= 0) throw outsideScope(field(outside), numbers[outside]);
  const notOwned = first((patent) => !patent.owned);
  if (notOwned >= 0) {
    const creditCode = normalizeCreditCode(input.enterpriseCreditCode);
    throw badUserInput(
      field(notOwned),
      `patent ${numbers[notOwned]} is not owned by the pledging enterprise ${creditCode}: only a patentee can pledge it`,
    );
  }
  const invalid = first((patent) => patent.status !== 'VALID');
  if (invalid >= 0) {
    throw badUserInput(
      field(invalid),
      `patent ${numbers[invalid]} is ${found.get(numbers[invalid])!.status} on the registration day ${input.registeredOn}: ` +
        'only a granted patent in force (VALID) can be pledged',
    );
  }
  return { enterpriseId, patentIds: numbers.map((number) => found.get(number)!.id) };
}

const outsideScope = (field: string, number: string) =>
  forbidden(
    `patent ${number} is attributed to a county outside the caller's counties; a pledge of it changes that county's figures ` +
      'and is recorded by a caller whose counties cover both',
    field,
  );

/**
 * A recorded financing may be changed, deleted or restored only by a caller whose counties cover every county its
 * pledged patents are attributed to: FORBIDDEN otherwise.
 */
async function assertPledgeInScope(db: RequestDatabase, financingId: number): Promise<void> {
  const [outside] = await db.query<{ applicationNumber: string }>(
    sql`SELECT p.application_number AS "applicationNumber"
          FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
         WHERE fp.pledge_financing_id = ${financingId} AND NOT EXISTS (SELECT 1 FROM county c WHERE c.code = p.county_code)
         ORDER BY p.application_number LIMIT 1`,
  );
  if (outside) throw outsideScope('id', outside.applicationNumber);
}

/** Adds pledged patents to a financing. */
async function pledgePatents(db: RequestDatabase, financingId: number, patentIds: number[]): Promise<void> {
  await db.query(
    sql`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT ${financingId}::int, unnest(${patentIds}::int[])`,
  );
}

/** The pledged application numbers of an input, normalized. */
export function pledgedNumbers(input: PledgeFinancingInput): string[] {
  return input.patentApplicationNumbers.map((number) => {
    const parsed = parseApplicationNumber(number);
    return parsed.ok ? parsed.value : number;
  });
}

export async function recordPledgeFinancing(db: RequestDatabase, input: PledgeFinancingInput): Promise<PledgeFinancing> {
  const { enterpriseId, patentIds } = await pledgeParties(db, input);
  const [financing] = await db.query<PledgeFinancing>(
    sql`INSERT INTO pledge_financing AS f (enterprise_id, lender, amount, registered_on)
        VALUES (${enterpriseId}, ${input.lender.trim()}, ${input.amount}, ${input.registeredOn})
     RETURNING ${PLEDGE_COLUMNS}`,
  );
  await pledgePatents(db, financing.id, patentIds);
  return financing;
}

/**
 * The financings recorded with the natural key of an input — the same enterprise, registration day, amount (as a
 * number: 5000000 = 5000000.00) and lender (trimmed) — oldest first, each with its pledged application numbers in
 * order. A registration has no number of its own in the data the counties get; the bulk import finds by this key
 * what it recorded before, so that importing a file twice records nothing twice.
 */
export async function findPledgeFinancingsByKey(
  db: RequestDatabase,
  input: PledgeFinancingInput,
): Promise<{ id: number; patentApplicationNumbers: string[] }[]> {
  return db.query(
    sql`SELECT f.id, ARRAY(SELECT p.application_number FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
                         WHERE fp.pledge_financing_id = f.id ORDER BY p.application_number COLLATE "C") AS "patentApplicationNumbers"
       FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id
      WHERE e.credit_code = ${normalizeCreditCode(input.enterpriseCreditCode)} AND f.registered_on = ${input.registeredOn}
        AND f.amount = ${input.amount}::numeric AND f.lender = ${input.lender.trim()}
      ORDER BY f.id`,
  );
}

/** Replaces the pledged patents of a recorded financing with those of an input (the same rules as recording it). */
export async function replacePledgedPatents(db: RequestDatabase, financingId: number, input: PledgeFinancingInput): Promise<void> {
  await assertPledgeInScope(db, financingId);
  const { patentIds } = await pledgeParties(db, input);
  await db.query(sql`DELETE FROM pledge_financing_patent WHERE pledge_financing_id = ${financingId}`);
  await pledgePatents(db, financingId, patentIds);
}

/** A financing id as the API gives it (ID): digits, else nothing is found. */
function financingId(id: string): number | null {
  return /^\d{1,9}$/.test(id) ? Number(id) : null;
}

/**
 * Changes a recorded financing as a whole (enterprise, lender, amount, day, pledged patents: the patents are replaced
 * only where they differ), with the rules of recording one. With `expectedVersion`, CONFLICT when the stored version differs.
 */
export async function updatePledgeFinancing(
  db: RequestDatabase,
  id: string,
  input: PledgeFinancingInput,
  expectedVersion: number | null,
): Promise<PledgeFinancing> {
  const key = financingId(id);
  if (key === null) throw badUserInput('id', `no pledge financing ${id}`);
  await expectVersion(db, {
    table: 'pledge_financing',
    where: sql`t.id = ${key}`,
    expected: expectedVersion,
    what: `pledge financing ${id}`,
  });
  await assertPledgeInScope(db, key);
  const { enterpriseId, patentIds } = await pledgeParties(db, input);
  const [updated] = await db.query<{ id: number }>(
    sql`UPDATE pledge_financing f
           SET enterprise_id = ${enterpriseId}, lender = ${input.lender.trim()}, amount = ${input.amount}, registered_on = ${input.registeredOn}
         WHERE f.id = ${key} RETURNING f.id`,
  );
  if (!updated) throw badUserInput('id', `no pledge financing ${id}`);
  await db.query(sql`DELETE FROM pledge_financing_patent WHERE pledge_financing_id = ${key} AND patent_id <> ALL (${patentIds}::int[])`);
  await db.query(
    sql`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id)
        SELECT ${key}::int, p FROM unnest(${patentIds}::int[]) AS p ON CONFLICT DO NOTHING`,
  );
  const [financing] = await db.query<PledgeFinancing>(sql`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = ${key}`);
  return financing;
}

export async function deletePledgeFinancing(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<DeletedRecord> {
  const key = financingId(id);
  if (key !== null) await assertPledgeInScope(db, key);
  return setDeleted(db, { table: 'pledge_financing', key: id, deleted: true, expectedVersion, field: 'id' });
}

export async function restorePledgeFinancing(db: RequestDatabase, id: string, expectedVersion: number | null): Promise<PledgeFinancing> {
  const key = financingId(id);
  if (key !== null) await assertPledgeInScope(db, key);
  const restored = await setDeleted(db, { table: 'pledge_financing', key: id, deleted: false, expectedVersion, field: 'id' });
  const [financing] = await db.query<PledgeFinancing>(sql`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = ${restored.id}`);
  return financing;
}
