import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireCountyWide } from '../auth/guard';
import { County } from '../county/county';
import { Context } from '../graphql/context';
import { DateScalar } from '../graphql/scalars';
import { PatentStatisticsPeriod, StatisticsPeriod } from './patent-statistics';
import { checkStatisticsRange, patentStatisticsLoader } from './patent-statistics.sql';

@Resolver(() => County)
export class CountyPatentStatisticsResolver {
  @FieldResolver(() => [PatentStatisticsPeriod], {
    description:
      '专利统计监测: the patent flows of the county (and, for a division, of the counties below it) in each year or quarter from `from` ' +
      "to `to` (the first and last periods cut to the range), and its stocks on each period's last day, with 授权率 and 维持率 (defined " +
      'on PatentStatisticsPeriod; 实施率 is defined there too, and not computed: the model holds no implementation records). At most ' +
      '160 periods; BAD_USER_INPUT for `to` before `from`.',
  })
  patentStatistics(
    @Root() county: County,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('by', () => StatisticsPeriod, { defaultValue: StatisticsPeriod.YEAR }) by: StatisticsPeriod,
    @Arg('maintenanceYears', () => Int, {
      defaultValue: 5,
      description: '维持率: the years between the grant cohort and the period (1 to 20; default 5)',
    })
    maintenanceYears: number,
    @Ctx() ctx: Context,
  ): Promise<PatentStatisticsPeriod[]> {
    requireCountyWide(ctx, 'County.patentStatistics', county);
    checkStatisticsRange(from, to, by, maintenanceYears);
    return patentStatisticsLoader(ctx, from, to, by, maintenanceYears).load(county.code);
  }
}

export const PatentStatisticsResolvers = [CountyPatentStatisticsResolver] as const;
