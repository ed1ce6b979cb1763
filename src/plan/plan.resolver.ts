import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { requireAdmin, requireCountyInScope } from '../auth/guard';
import { Context } from '../graphql/context';
import { ExpectedVersionArg } from '../graphql/arguments';
import { yearOf } from '../graphql/dates';
import { BreakthroughTarget, IndicatorTarget, Plan } from './plan';
import { PlanInput } from './plan.inputs';
import { breakthroughTargetsLoader, indicatorTargetsLoader, planInForceLoader, plansOfCountyLoader, upsertPlan } from './plan.sql';

@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => [BreakthroughTarget], { description: 'in the order of EnterpriseCategory' })
  breakthroughTargets(@Root() plan: Plan, @Ctx() ctx: Context): Promise<BreakthroughTarget[]> {
    return breakthroughTargetsLoader(ctx).load(plan.id);
  }

  @FieldResolver(() => [IndicatorTarget], { description: 'in the order of IndicatorKind' })
  indicatorTargets(@Root() plan: Plan, @Ctx() ctx: Context): Promise<IndicatorTarget[]> {
    return indicatorTargetsLoader(ctx).load(plan.id);
  }

  @Mutation(() => Plan, { description: '创建或更新规划: keyed by county and startYear; replaces its breakthrough targets' })
  async upsertPlan(
    @Arg('input', () => PlanInput) input: PlanInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Plan> {
    requireAdmin(ctx, 'upsertPlan');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(() => upsertPlan(ctx.db, input, expectedVersion));
  }
}

@Resolver(() => County)
export class CountyPlanResolver {
  @FieldResolver(() => Plan, {
    nullable: true,
    description:
      'the plan in force in the given year: the one with the latest startYear not after it (default: this year, China Standard Time)',
  })
  plan(@Root() county: County, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<Plan | null> {
    return planInForceLoader(ctx, year ?? yearOf(ctx.today)).load(county.code);
  }

  @FieldResolver(() => [Plan], { description: 'every plan of the county, oldest first' })
  plans(@Root() county: County, @Ctx() ctx: Context): Promise<Plan[]> {
    return plansOfCountyLoader(ctx).load(county.code);
  }
}
