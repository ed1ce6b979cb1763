import { RequestDatabase } from '../db/request-database';
import { Context } from '../graphql/context';
import { badUserInput, forbidden } from '../graphql/errors';
import { patentStatusSql } from '../high-value/high-value.sql';
import { DeletedRecord, expectVersion, setDeleted } from '../history/versions';
import { byKey, groupByKey } from '../graphql/loaders';
import { parseApplicationNumber } from '../identifiers/application-number';
import { Patent } from '../patent/patent';
import { PATENT_COLUMNS } from '../patent/patent.sql';
import { PledgeFinancing, PledgeFinancingInput } from './pledge-financing';

const PLEDGE_COLUMNS = `f.id, f.enterprise_id AS "enterpriseId", f.lender, f.amount, f.registered_on AS "registeredOn", f.version`;

export function pledgeFinancingLoader(ctx: Context) {
  return ctx.loaders.get<number, PledgeFinancing | null>('pledgeFinancing', [], async (ids) => {
    const rows = await ctx.db.query<PledgeFinancing>(`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = ANY($1)`, [ids]);
    return byKey(ids, rows, (financing) => financing.id, null);
  });
}

export function pledgeFinancingsOfEnterpriseLoader(ctx: Context) {
  return ctx.loaders.get<number, PledgeFinancing[]>('pledgeFinancingsOfEnterprise', [], async (enterpriseIds) => {
    const rows = await ctx.db.query<PledgeFinancing>(
      `SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.enterprise_id = ANY($1)
        ORDER BY f.enterprise_id, f.registered_on DESC, f.id DESC`,
      [enterpriseIds],
    );
    return groupByKey(enterpriseIds, rows, (financing) => financing.enterpriseId);
  });
}

export function pledgedPatentsLoader(ctx: Context) {
  return ctx.loaders.get<number, Patent[]>('pledgedPatents', [], async (financingIds) => {
    const rows = await ctx.db.query<Patent & { financingId: number }>(
      `SELECT fp.pledge_financing_id AS "financingId", ${PATENT_COLUMNS}
         FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
        WHERE fp.pledge_financing_id = ANY($1) ORDER BY fp.pledge_financing_id, p.application_number`,
      [financingIds],
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
  const creditCode = input.enterpriseCreditCode.trim().toUpperCase();
  const [enterprise] = await db.query<{ id: number }>(`SELECT id FROM enterprise WHERE credit_code = $1`, [creditCode]);
  if (!enterprise) throw badUserInput('input.enterpriseCreditCode', `no enterprise with credit code ${creditCode}`);
  const numbers = pledgedNumbers(input);
  const patents = await db.query<PledgedPatent>(
    `SELECT p.id, p.application_number AS "applicationNumber",
            EXISTS (SELECT 1 FROM county c WHERE c.code = p.county_code) AS "inScope",
            EXISTS (SELECT 1 FROM patent_owner po WHERE po.patent_id = p.id AND po.enterprise_id = $2) AS owned,
            ${patentStatusSql('p', '$3::date')} AS status
       FROM patent p WHERE p.application_number = ANY($1)`,
    [numbers, enterprise.id, input.registeredOn],
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
  return { enterpriseId: enterprise.id, patentIds: numbers.map((number) => found.get(number)!.id) };
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
    `SELECT p.application_number AS "applicationNumber"
       FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
      WHERE fp.pledge_financing_id = $1 AND NOT EXISTS (SELECT 1 FROM county c WHERE c.code = p.county_code)
      ORDER BY p.application_number LIMIT 1`,
    [financingId],
  );
  if (outside) throw outsideScope('id', outside.applicationNumber);
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
    `INSERT INTO pledge_financing AS f (enterprise_id, lender, amount, registered_on) VALUES ($1, $2, $3, $4)
     RETURNING ${PLEDGE_COLUMNS}`,
    [enterpriseId, input.lender.trim(), input.amount, input.registeredOn],
  );
  await db.query(`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT $1, unnest($2::int[])`, [
    financing.id,
    patentIds,
  ]);
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
    `SELECT f.id, ARRAY(SELECT p.application_number FROM pledge_financing_patent fp JOIN patent p ON p.id = fp.patent_id
                         WHERE fp.pledge_financing_id = f.id ORDER BY p.application_number COLLATE "C") AS "patentApplicationNumbers"
       FROM pledge_financing f JOIN enterprise e ON e.id = f.enterprise_id
      WHERE e.credit_code = $1 AND f.registered_on = $2 AND f.amount = $3::numeric AND f.lender = $4
      ORDER BY f.id`,
    [input.enterpriseCreditCode.trim().toUpperCase(), input.registeredOn, input.amount, input.lender.trim()],
  );
}

/** Replaces the pledged patents of a recorded financing with those of an input (the same rules as recording it). */
export async function replacePledgedPatents(db: RequestDatabase, financingId: number, input: PledgeFinancingInput): Promise<void> {
  await assertPledgeInScope(db, financingId);
  const { patentIds } = await pledgeParties(db, input);
  await db.query(`DELETE FROM pledge_financing_patent WHERE pledge_financing_id = $1`, [financingId]);
  await db.query(`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT $1, unnest($2::int[])`, [
    financingId,
    patentIds,
  ]);
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
    where: 't.id = $1',
    params: [key],
    expected: expectedVersion,
    what: `pledge financing ${id}`,
  });
  await assertPledgeInScope(db, key);
  const { enterpriseId, patentIds } = await pledgeParties(db, input);
  const [updated] = await db.query<{ id: number }>(
    `UPDATE pledge_financing f SET enterprise_id = $2, lender = $3, amount = $4, registered_on = $5 WHERE f.id = $1 RETURNING f.id`,
    [key, enterpriseId, input.lender.trim(), input.amount, input.registeredOn],
  );
  if (!updated) throw badUserInput('id', `no pledge financing ${id}`);
  await db.query(`DELETE FROM pledge_financing_patent WHERE pledge_financing_id = $1 AND patent_id <> ALL ($2::int[])`, [key, patentIds]);
  await db.query(
    `INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT $1, p FROM unnest($2::int[]) AS p ON CONFLICT DO NOTHING`,
    [key, patentIds],
  );
  const [financing] = await db.query<PledgeFinancing>(`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = $1`, [key]);
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
  const [financing] = await db.query<PledgeFinancing>(`SELECT ${PLEDGE_COLUMNS} FROM pledge_financing f WHERE f.id = $1`, [restored.id]);
  return financing;
}
