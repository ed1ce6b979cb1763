import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { requireCountyWide } from '../auth/guard';
import { Context } from '../graphql/context';
import { AsOfArg } from '../graphql/arguments';
import { IsoDate } from '../graphql/dates';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { CategoryBreakthrough, TargetGap, TargetGapConnection } from './breakthrough';
import { Yardstick } from './yardstick';
import { breakthroughSummaryLoader, countyTargetGaps, enterpriseTargetGapsLoader } from './breakthrough.sql';

@Resolver()
export class TargetGapQueryResolver {
  @Query(() => TargetGapConnection, {
    description:
      '企业目标差距清单: enterprise-level target gaps of a county, largest gap first, then enterprise name (byte order), credit code and category. ' +
      'For a division with counties below it (重庆市 500000), the rows of its own enterprises and of every county below it.',
  })
  targetGaps(
    @Arg('countyCode', () => ID) countyCode: string,
    @Arg('category', () => EnterpriseCategory, { nullable: true }) category: EnterpriseCategory | null,
    @Arg('onlyUnmet', () => Boolean, { nullable: true, defaultValue: false, description: 'keep only rows with met = false' })
    onlyUnmet: boolean | null,
    @AsOfArg() asOf: IsoDate,
    @Arg('yardstick', () => Yardstick, {
      defaultValue: Yardstick.OWN_PLAN,
      description: "whose plan's targets (default: each county's own)",
    })
    yardstick: Yardstick,
    @Arg('cluster', () => String, { nullable: true, description: '产业集群: only the enterprises of this industry cluster' })
    cluster: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<TargetGap>> {
    requireCountyWide(ctx, 'targetGaps');
    return countyTargetGaps(
      ctx,
      { countyCode, category: category ?? null, onlyUnmet: onlyUnmet ?? false, asOf, yardstick, cluster, ...page },
      withTotal,
    );
  }
}

@Resolver(() => Enterprise)
export class EnterpriseTargetGapResolver {
  @FieldResolver(() => [TargetGap], { description: 'one row per category valid on asOf that the plan in force sets a target for' })
  targetGaps(@Root() enterprise: Enterprise, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<TargetGap[]> {
    return enterpriseTargetGapsLoader(ctx, asOf).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyBreakthroughResolver {
  @FieldResolver(() => [CategoryBreakthrough], {
    description:
      'one row per category that the plan in force on asOf sets a target for. For a division with counties below it (重庆市 500000): ' +
      'its own enterprises and those of every county below it, each measured against the plan in force in its own county (OWN_PLAN) ' +
      "or against the division's plan (PARENT_PLAN); one row per category any applied plan sets",
  })
  breakthroughSummary(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @Arg('yardstick', () => Yardstick, {
      defaultValue: Yardstick.OWN_PLAN,
      description: "whose plan's targets (default: each county's own)",
    })
    yardstick: Yardstick,
    @Ctx() ctx: Context,
  ): Promise<CategoryBreakthrough[]> {
    requireCountyWide(ctx, 'County.breakthroughSummary', county);
    return breakthroughSummaryLoader(ctx, asOf, yardstick).load(county.code);
  }
}

export const BreakthroughResolvers = [TargetGapQueryResolver, EnterpriseTargetGapResolver, CountyBreakthroughResolver] as const;
