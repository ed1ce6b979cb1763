import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../graphql/context';
import { County, CountyStatistics } from './county';
import { CountyInput, CountyStatisticsInput } from './county.inputs';
import { countyLoader, listCounties, setCountyStatistics, statisticsLoader, upsertCounty } from './county.sql';

@Resolver(() => County)
export class CountyResolver {
  @Query(() => County, { nullable: true, description: '一个县: a county by its code' })
  county(@Arg('code', () => ID) code: string, @Ctx() ctx: Context): Promise<County | null> {
    return countyLoader(ctx).load(code);
  }

  @Query(() => [County], { description: 'the counties the caller may see, by code' })
  counties(@Ctx() ctx: Context): Promise<County[]> {
    return listCounties(ctx.db);
  }

  @FieldResolver(() => CountyStatistics, { nullable: true, description: 'the statistics of a year; null when none were reported' })
  statistics(@Root() county: County, @Arg('year', () => Int) year: number, @Ctx() ctx: Context) {
    return statisticsLoader(ctx, year).load(county.code);
  }

  @Mutation(() => County, { description: '创建或更新县: keyed by code' })
  upsertCounty(@Arg('input', () => CountyInput) input: CountyInput, @Ctx() ctx: Context): Promise<County> {
    return ctx.db.atomically(() => upsertCounty(ctx.db, input));
  }

  @Mutation(() => CountyStatistics, { description: '录入县域统计数据: keyed by county and year' })
  setCountyStatistics(
    @Arg('input', () => CountyStatisticsInput) input: CountyStatisticsInput,
    @Ctx() ctx: Context,
  ): Promise<CountyStatistics> {
    return ctx.db.atomically(() => setCountyStatistics(ctx.db, input));
  }
}
