import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { County } from '../county/county';
import { assertCountyExists, countyLoader } from '../county/county.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { DateScalar } from '../graphql/scalars';
import { IndicatorSeriesPoint } from '../indicator/series-periods';
import { IndicatorReport } from './report';
import { ReportChanges } from './report-changes';
import { reportChanges } from './report-changes.sql';
import { publishIndicatorReport, reportLoader, reportsOfCountyLoader, withdrawIndicatorReport } from './report.sql';

const reportId = (id: string) => (/^\d{1,9}$/.test(id) ? Number(id) : null);

@Resolver(() => IndicatorReport)
export class IndicatorReportResolver {
  @FieldResolver(() => County, { description: '县: the county that reported' })
  async county(@Root() report: IndicatorReport, @Ctx() ctx: Context): Promise<County> {
    return (await countyLoader(ctx).load(report.countyCode))!;
  }

  @FieldResolver(() => ReportChanges, {
    description:
      '与现值比较: the report beside the live figures of its county for the same asOf: the indicators and breakthrough categories ' +
      'that moved, and why where the history tells (a lapse recorded with retroactive effect, rows imported, entered or changed after ' +
      'the data cut-off). The causes need the history, which only an ADMIN reads.',
  })
  changesSince(@Root() report: IndicatorReport, @Ctx() ctx: Context): Promise<ReportChanges> {
    requireCountyWide(ctx, 'IndicatorReport.changesSince');
    return reportChanges(ctx, report);
  }

  @Query(() => IndicatorReport, {
    nullable: true,
    description: "指标报送: one published report by id; null when there is none among the caller's counties. Not for ENTERPRISE callers.",
  })
  async indicatorReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<IndicatorReport | null> {
    requireCountyWide(ctx, 'indicatorReport');
    const key = reportId(id);
    return key === null ? null : reportLoader(ctx).load(key);
  }

  @Mutation(() => IndicatorReport, {
    description:
      "发布指标报送: freezes, in one statement, the county's indicators, breakthrough summary, target-gap list and task board on asOf " +
      'as they are computed now, with the data cut-off and the publisher. period: a quarter (2024Q3) or a year (2024); asOf: within ' +
      'the period and not after today, default its last day (today while it runs). ADMIN or EDITOR of the county. BAD_USER_INPUT for ' +
      'a bad period or day; CONFLICT while a report of the county for the period is in force (an ADMIN may withdraw it first).',
  })
  async publishIndicatorReport(
    @Arg('countyCode', () => ID) countyCode: string,
    @Arg('period', { description: '报送期: 2024Q3 (a quarter) or 2024 (a year)' }) period: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'default: the last day of the period, or today while it runs' })
    asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): Promise<IndicatorReport> {
    requireWriter(ctx, 'publishIndicatorReport');
    if (!/^\d{6}$/.test(countyCode)) throw badUserInput('countyCode', `must be a six-digit county code, got "${countyCode}"`);
    await requireCountyInScope(ctx, countyCode, 'countyCode');
    const id = await ctx.db.atomically(async () => {
      await assertCountyExists(ctx.db, countyCode, 'countyCode');
      return publishIndicatorReport(ctx.db, ctx.principal, { countyCode, period, asOf: asOf ?? null }, ctx.today);
    });
    return (await reportLoader(ctx).load(id))!;
  }

  @Mutation(() => IndicatorReport, {
    description:
      '撤回指标报送: an ADMIN withdraws a report in force, with a reason; the report stays readable, with who withdrew it, when and why, ' +
      'and nothing else of it changes. BAD_USER_INPUT for an unknown report or a blank reason; CONFLICT when it was withdrawn already.',
  })
  async withdrawIndicatorReport(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '撤回原因: why (not blank, at most 500 characters)' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<IndicatorReport> {
    requireAdmin(ctx, 'withdrawIndicatorReport');
    if (reason.trim() === '' || reason.length > 500) throw badUserInput('reason', 'must be a reason of 1 to 500 characters');
    const key = reportId(id);
    if (key === null) throw badUserInput('id', `no report ${id} among the caller's counties`);
    await ctx.db.atomically(() => withdrawIndicatorReport(ctx.db, ctx.principal, key, reason));
    return (await reportLoader(ctx).load(key))!;
  }
}

@Resolver(() => County)
export class CountyReportsResolver {
  @FieldResolver(() => [IndicatorReport], {
    description: "指标报送: the county's published reports, withdrawn ones included, latest period first. Not for ENTERPRISE callers.",
  })
  reports(@Root() county: County, @Ctx() ctx: Context): Promise<IndicatorReport[]> {
    requireCountyWide(ctx, 'County.reports', county);
    return reportsOfCountyLoader(ctx).load(county.code);
  }
}

@Resolver(() => IndicatorSeriesPoint)
export class SeriesPointReportResolver {
  @FieldResolver(() => IndicatorReport, {
    nullable: true,
    description: "报送: the county's published report in force for this point's period (same period name: 2024Q3, 2024); null: none",
  })
  async report(@Root() point: IndicatorSeriesPoint, @Ctx() ctx: Context): Promise<IndicatorReport | null> {
    const reports = await reportsOfCountyLoader(ctx).load(point.countyCode);
    return reports.find((report) => report.period === point.period && !report.withdrawnAt) ?? null;
  }
}

export const ReportResolvers = [IndicatorReportResolver, CountyReportsResolver, SeriesPointReportResolver] as const;
