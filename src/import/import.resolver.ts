import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireAdmin, requireCountyInScope, requireWriter } from '../auth/guard';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { ImportKind } from './columns';
import {
  CountyStatisticsImportRow,
  EnterpriseImportRow,
  ImportReport,
  OverseasGrantImportRow,
  PatentImportRow,
  PatentTransactionImportRow,
  PledgeFinancingImportRow,
} from './import.graphql';
import { runImport } from './import.service';
import { RowResult, SourceRow } from './report';
import { Cell } from './values';

/** Rows per call: an integration sends a longer list in several calls (each call is all or nothing by itself). */
export const MAX_IMPORT_ROWS = 1000;

/** GraphQL rows as the importers read them: a field left out is absent (its stored value stays where the kind says so). */
function sourceRows(rows: object[]): SourceRow[] {
  return rows.map((row, index) => {
    const values = new Map<string, Cell>();
    for (const [field, value] of Object.entries(row)) if (value !== undefined) values.set(field, value as Cell);
    return { index, rowNumber: null, values, columns: new Map() };
  });
}

async function importRows(
  ctx: Context,
  kind: ImportKind,
  countyCode: string,
  rows: object[],
  dryRun: boolean | null,
  partial: boolean | null,
): Promise<ImportReport> {
  // the roles of the mutations the rows stand for: statistics are ADMIN's (setCountyStatistics), the rest ADMIN's or EDITOR's
  const action = `import${kind[0].toUpperCase()}${kind.slice(1)}`;
  if (kind === 'countyStatistics') requireAdmin(ctx, action);
  else requireWriter(ctx, action);
  await requireCountyInScope(ctx, countyCode, 'countyCode');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badUserInput('rows', `at most ${MAX_IMPORT_ROWS} rows per call, got ${rows.length}: send them in batches`);
  }
  const results: RowResult[] = [];
  const options = { countyCode, kind, dryRun: dryRun ?? false, partial: partial ?? false, today: ctx.today };
  const summary = await runImport(ctx.db, options, sourceRows(rows), {
    row: (result) => results.push(result),
  });
  return { ...summary, rows: results };
}

const DOOR =
  'Each row answers CREATED, UPDATED, UNCHANGED or REFUSED with every problem (field and reason). All or nothing by default: ' +
  'a call with a refused row writes nothing (applied: false); partial: true writes the good rows; dryRun: true checks and writes nothing. ' +
  `Importing the same rows again changes nothing (all UNCHANGED). At most ${MAX_IMPORT_ROWS} rows per call; rules as in the file import (docs/import.md).`;

const WRITER = 'ADMIN or EDITOR of the county (FORBIDDEN otherwise).';

const countyArg = () => Arg('countyCode', () => ID, { description: 'the county the rows belong to' });
const dryRunArg = () => Arg('dryRun', () => Boolean, { nullable: true, description: 'check and report only; default false' });
const partialArg = () =>
  Arg('partial', () => Boolean, { nullable: true, description: 'write the good rows even when some are refused; default false' });

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description: `批量导入企业及类别认定: enterprises with one recognition per row; a row's membership is added to (or replaces the one of the same category and validFrom among) the enterprise's memberships. ${WRITER} ${DOOR}`,
  })
  importEnterprises(
    @countyArg() countyCode: string,
    @Arg('rows', () => [EnterpriseImportRow]) rows: EnterpriseImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'enterprises', countyCode, rows, dryRun, partial);
  }

  @Mutation(() => ImportReport, {
    description: `批量导入专利: patents with owners (patentees matched to the county's enterprises by exact name, or by credit code; unknown ones refuse the row). ${WRITER} ${DOOR}`,
  })
  importPatents(
    @countyArg() countyCode: string,
    @Arg('rows', () => [PatentImportRow]) rows: PatentImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'patents', countyCode, rows, dryRun, partial);
  }

  @Mutation(() => ImportReport, {
    description: `批量导入知识产权质押融资登记: pledge financings, identified by enterprise, registration day, amount and lender. ${WRITER} ${DOOR}`,
  })
  importPledgeFinancings(
    @countyArg() countyCode: string,
    @Arg('rows', () => [PledgeFinancingImportRow]) rows: PledgeFinancingImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'pledgeFinancings', countyCode, rows, dryRun, partial);
  }

  @Mutation(() => ImportReport, {
    description: `批量导入县域统计数据: one row per year; an omitted figure keeps its stored value. ADMIN of the county only, as for setCountyStatistics (FORBIDDEN otherwise). ${DOOR}`,
  })
  importCountyStatistics(
    @countyArg() countyCode: string,
    @Arg('rows', () => [CountyStatisticsImportRow]) rows: CountyStatisticsImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'countyStatistics', countyCode, rows, dryRun, partial);
  }

  @Mutation(() => ImportReport, {
    description: `批量导入专利交易/许可备案: transactions (转让, 许可, 开放许可, 作价入股, 自行实施) of the county's patents, identified by patent, kind, day and counterparty. ${WRITER} ${DOOR}`,
  })
  importPatentTransactions(
    @countyArg() countyCode: string,
    @Arg('rows', () => [PatentTransactionImportRow]) rows: PatentTransactionImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'patentTransactions', countyCode, rows, dryRun, partial);
  }

  @Mutation(() => ImportReport, {
    description: `批量导入海外专利授权: foreign grants of the county's patents with their route; a row replaces the grant of the same patent and jurisdiction. ${WRITER} ${DOOR}`,
  })
  importOverseasGrants(
    @countyArg() countyCode: string,
    @Arg('rows', () => [OverseasGrantImportRow]) rows: OverseasGrantImportRow[],
    @dryRunArg() dryRun: boolean | null,
    @partialArg() partial: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importRows(ctx, 'overseasGrants', countyCode, rows, dryRun, partial);
  }
}
