import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { requireCountyWide } from '../auth/guard';
import { Context } from '../graphql/context';
import { Connection, selectsField } from '../graphql/pagination';
import { DateScalar } from '../graphql/scalars';
import { CategoryBreakthrough, TargetGap, TargetGapConnection } from './breakthrough';
import { breakthroughSummaryLoader, countyTargetGaps, enterpriseTargetGapsLoader } from './breakthrough.sql';

const asOfArg = () => Arg('asOf', () => DateScalar, { nullable: true, description: 'default: today (China Standard Time)' });

@Resolver()
export class TargetGapQueryResolver {
  @Query(() => TargetGapConnection, {
    description:
      '企业目标差距清单: enterprise-level target gaps of a county, largest gap first, then enterprise name (byte order), credit code and category',
  })
  targetGaps(
    @Arg('countyCode', () => ID) countyCode: string,
    @Arg('category', () => EnterpriseCategory, { nullable: true }) category: EnterpriseCategory | null,
    @Arg('onlyUnmet', () => Boolean, { nullable: true, defaultValue: false, description: 'keep only rows with met = false' })
    onlyUnmet: boolean | null,
    @asOfArg() asOf: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: '0 to 100' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<Connection<TargetGap>> {
    requireCountyWide(ctx, 'targetGaps');
    const query = { countyCode, category: category ?? null, onlyUnmet: onlyUnmet ?? false, asOf: asOf ?? ctx.today, first, after };
    return countyTargetGaps(ctx, query, selectsField(info, 'totalCount'));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseTargetGapResolver {
  @FieldResolver(() => [TargetGap], { description: 'one row per category valid on asOf that the plan in force sets a target for' })
  targetGaps(@Root() enterprise: Enterprise, @asOfArg() asOf: string | null, @Ctx() ctx: Context): Promise<TargetGap[]> {
    return enterpriseTargetGapsLoader(ctx, asOf ?? ctx.today).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyBreakthroughResolver {
  @FieldResolver(() => [CategoryBreakthrough], { description: 'one row per category that the plan in force on asOf sets a target for' })
  breakthroughSummary(@Root() county: County, @asOfArg() asOf: string | null, @Ctx() ctx: Context): Promise<CategoryBreakthrough[]> {
    requireCountyWide(ctx, 'County.breakthroughSummary', county);
    return breakthroughSummaryLoader(ctx, asOf ?? ctx.today).load(county.code);
  }
}

export const BreakthroughResolvers = [TargetGapQueryResolver, EnterpriseTargetGapResolver, CountyBreakthroughResolver] as const;
