/** Annuity data: reading a patent's annuity (batched per request) and recording the last patent year paid. */
import { requireCountyInScope } from '../auth/guard';
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { byKey } from '../graphql/loaders';
import { expectVersion } from '../history/versions';
import { parseApplicationNumber } from '../identifiers/application-number';
import { Patent } from '../patent/patent';
import { PATENT_COLUMNS } from '../patent/patent.sql';
import { PatentAnnuity } from './annuity';
import { paidThroughProblem } from './annuity.inputs';
import { annuitySql } from './annuity.sql';
import { writeAnnuitiesPaidThrough } from './annuity.write';

/** Patent.annuityPaidThrough of many patents in one statement. */
export function paidThroughLoader(ctx: Context) {
  return ctx.loaders.get<number, number | null>('annuityPaidThrough', [], async (ids) => {
    const rows = await ctx.db.query<{ id: number; paidThrough: number | null }>(
      sql`SELECT p.id, p.annuity_paid_through AS "paidThrough" FROM patent p WHERE p.id = ANY (${ids}::int[])`,
    );
    return byKey(
      ids,
      rows,
      (row) => row.id,
      null,
      (row) => row.paidThrough,
    );
  });
}

/** Patent.annuity(asOf) of many patents in one statement; null for a patent that is not VALID on asOf. */
export function annuityLoader(ctx: Context, asOf: IsoDate) {
  return ctx.loaders.get<number, PatentAnnuity | null>('annuity', [asOf], async (ids) => {
    const rows = await ctx.db.query<PatentAnnuity & { id: number }>(
      sql`SELECT p.id, a.patent_year AS "patentYear", a.due_date AS "dueDate", a.grace_ends AS "graceEnds", a.status,
                 a.surcharge_percent AS "surchargePercent", a.fee
            FROM patent p CROSS JOIN LATERAL (${annuitySql(sql`p`, sql`${asOf}::date`)}) a
           WHERE p.id = ANY (${ids}::int[])`,
    );
    return byKey(
      ids,
      rows,
      (row) => row.id,
      null,
      ({ id: _, ...annuity }) => annuity,
    );
  });
}

/**
 * 记录年费缴纳: sets the last patent year whose annuity is paid (null: not known) of the patent of an application
 * number, attributed to one of the caller's counties. BAD_USER_INPUT for an unknown patent or a year outside its term.
 */
export async function setAnnuityPaidThrough(
  ctx: Context,
  applicationNumber: string,
  paidThrough: number | null,
  expectedVersion: number | null,
): Promise<Patent> {
  const parsed = parseApplicationNumber(applicationNumber);
  if (!parsed.ok) throw badUserInput('applicationNumber', `is not a valid 申请号 (application number): ${parsed.reason}`);
  const [patent] = await ctx.db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.application_number = ${parsed.value}`);
  if (!patent) throw badUserInput('applicationNumber', `no patent with application number ${parsed.value}`);
  await requireCountyInScope(ctx, patent.countyCode, 'applicationNumber');
  if (paidThrough !== null) {
    const problem = paidThroughProblem(paidThrough, patent.type, patent.filingDate);
    if (problem) throw badUserInput('paidThrough', problem);
  }
  await expectVersion(ctx.db, {
    table: 'patent',
    where: sql`t.id = ${patent.id}`,
    expected: expectedVersion,
    what: `patent ${parsed.value}`,
  });
  await writeAnnuitiesPaidThrough(ctx.db, [patent.id], [paidThrough]);
  const [written] = await ctx.db.query<Patent>(sql`SELECT ${PATENT_COLUMNS} FROM patent p WHERE p.id = ${patent.id}`);
  return written;
}
