import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireCountyInScope, requireCountyWide } from '../auth/guard';
import { allCounties } from '../auth/principal';
import { Context } from '../graphql/context';
import { ExpectedVersionArg } from '../graphql/arguments';
import { forbidden } from '../graphql/errors';
import { County, CountyStatistics } from './county';
import { CountyInput, CountyStatisticsInput } from './county.inputs';
import { countyLoader, listCounties, setCountyStatistics, statisticsLoader, upsertCounty } from './county.sql';

@Resolver(() => County)
export class CountyResolver {
  @Query(() => County, { nullable: true, description: "一个县: a county by its code; null when unknown or outside the caller's counties" })
  county(@Arg('code', () => ID) code: string, @Ctx() ctx: Context): Promise<County | null> {
    return countyLoader(ctx).load(code);
  }

  @Query(() => [County], { description: 'the counties the caller may see, by code' })
  counties(@Ctx() ctx: Context): Promise<County[]> {
    return listCounties(ctx.db);
  }

  @FieldResolver(() => CountyStatistics, { nullable: true, description: 'the statistics of a year; null when none were reported' })
  statistics(@Root() county: County, @Arg('year', () => Int) year: number, @Ctx() ctx: Context) {
    requireCountyWide(ctx, 'County.statistics', county);
    return statisticsLoader(ctx, year).load(county.code);
  }

  @Mutation(() => County, {
    description:
      '创建或更新县: keyed by code. ADMIN only: an ADMIN of every county ("*") for any county; otherwise only a county whose ' +
      "parentCode is one of the caller's own codes (a city-level ADMIN adds and edits the counties under it)",
  })
  async upsertCounty(@Arg('input', () => CountyInput) input: CountyInput, @Ctx() ctx: Context): Promise<County> {
    requireAdmin(ctx, 'upsertCounty');
    if (!allCounties(ctx.principal) && !(input.parentCode && ctx.principal.counties.includes(input.parentCode))) {
      throw forbidden(
        "input.parentCode: a county can be added or changed only under one of the caller's own codes, or by an ADMIN of every county",
      );
    }
    const county = await ctx.db.atomically(() => upsertCounty(ctx.db, input));
    // the counties under the caller's codes may have changed
    await ctx.db.refreshScope();
    return county;
  }

  @Mutation(() => CountyStatistics, { description: '录入县域统计数据: keyed by county and year' })
  async setCountyStatistics(
    @Arg('input', () => CountyStatisticsInput) input: CountyStatisticsInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<CountyStatistics> {
    requireAdmin(ctx, 'setCountyStatistics');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(() => setCountyStatistics(ctx.db, input, expectedVersion));
  }
}
