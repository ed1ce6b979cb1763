import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { countyLoader } from '../county/county.sql';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { requireCountyWide, requireWriter } from '../auth/guard';
import { Context } from '../graphql/context';
import { AsOfArg, ExpectedVersionArg } from '../graphql/arguments';
import { IsoDate, yearOf } from '../graphql/dates';
import { DateScalar } from '../graphql/scalars';
import { Plan } from '../plan/plan';
import { planInForceLoader } from '../plan/plan.sql';
import {
  CountyIndicatorRank,
  INDICATOR_DEFINITIONS,
  INDICATOR_DEFINITIONS_TEXT,
  IndicatorSeries,
  IndicatorValue,
  PlanConsistencyCheck,
} from './indicator';
import { IndicatorKind } from './indicator-kind';
import { ComparisonBasis } from './comparison-basis';
import { Yardstick } from '../breakthrough/yardstick';
import { InnovationPlatformInput, KnowledgeValueLoanInput } from './indicator.inputs';
import {
  loansOfEnterpriseLoader,
  platformsOfEnterpriseLoader,
  recordKnowledgeValueLoan,
  upsertInnovationPlatform,
} from './indicator-records.sql';
import { indicatorComparison, indicatorsLoader, planConsistencyLoader } from './indicator.sql';
import { InnovationPlatform } from './innovation-platform';
import { seriesPeriods, SeriesInterval } from './series-periods';
import { badUserInput } from '../graphql/errors';
import { KnowledgeValueLoan } from './knowledge-value-loan';

@Resolver(() => County)
export class CountyIndicatorResolver {
  @FieldResolver(() => [IndicatorValue], {
    description:
      "主要指标: one row per indicator target of the plan in force on asOf, in the enum's order; none without a plan in force. " +
      'Denominators and reported figures come from the statistics of the year of asOf, or else of the latest earlier year that has the figure. ' +
      'Definitions (口径):\n' +
      INDICATOR_DEFINITIONS_TEXT,
  })
  indicators(@Root() county: County, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<IndicatorValue[]> {
    requireCountyWide(ctx, 'County.indicators', county);
    return indicatorsLoader(ctx, asOf).load(county.code);
  }

  @FieldResolver(() => [IndicatorSeries], {
    description:
      "指标序列: each indicator of the plan in force today (only the given kinds, when given), in the enum's order, evaluated at the end of " +
      'each year of the plan period (YYYY-12-31, or today for the current year; later years are left out) — or, with from, to or every, ' +
      "at the end of each quarter or year of [from, to] (the range's end for a period that runs past it). Empty without a plan in force.",
  })
  async indicatorSeries(
    @Root() county: County,
    @Arg('kinds', () => [IndicatorKind], { nullable: true, description: 'only these kinds (default: all of the plan)' })
    kinds: IndicatorKind[] | null,
    @Arg('from', () => DateScalar, { nullable: true, description: "the range's first day; default and earliest: the plan's first day" })
    from: IsoDate | null,
    @Arg('to', () => DateScalar, {
      nullable: true,
      description: "the range's last day; default: the plan period's last day or today, whichever is earlier; a later day counts as today",
    })
    to: IsoDate | null,
    @Arg('every', () => SeriesInterval, { nullable: true, description: 'one point per QUARTER or per YEAR (default)' })
    every: SeriesInterval | null,
    @Ctx() ctx: Context,
  ): Promise<IndicatorSeries[]> {
    requireCountyWide(ctx, 'County.indicatorSeries', county);
    const thisYear = yearOf(ctx.today);
    const plan = await planInForceLoader(ctx, thisYear).load(county.code);
    if (!plan) return [];
    const planStart = `${plan.startYear}-01-01`;
    if (from && from < planStart) {
      throw badUserInput('from', `must not be before the first day of the plan in force (${planStart}), got ${from}`);
    }
    const planEnd = `${plan.endYear}-12-31`;
    const last = to ?? (planEnd < ctx.today ? planEnd : ctx.today);
    const periods = seriesPeriods({
      from: from ?? planStart,
      to: last < ctx.today ? last : ctx.today,
      every: every ?? SeriesInterval.YEAR,
    });
    // The plan in force today is also the plan in force on each of these days: none is before its start, and no newer plan starts before today.
    const perDay = await Promise.all(periods.map(({ asOf }) => indicatorsLoader(ctx, asOf).load(county.code)));
    if (perDay.length === 0) return [];
    return perDay[0]
      .filter((value) => !kinds || kinds.includes(value.kind))
      .map(({ kind, target }) => {
        const values = perDay.map((day) => day.find((value) => value.kind === kind)!);
        return {
          kind,
          target,
          name: INDICATOR_DEFINITIONS[kind].name,
          unit: INDICATOR_DEFINITIONS[kind].unit,
          values,
          points: periods.map(({ period, asOf }, i) => ({ countyCode: county.code, period, asOf, value: values[i] })),
        };
      });
  }
}

@Resolver()
export class IndicatorComparisonResolver {
  @Query(() => [CountyIndicatorRank], {
    description:
      '指标横向比较: the counties directly under parentCode (each over itself and the counties below it), ranked by one indicator on asOf: ' +
      'by default by the progress against its own plan in force; by: ACTUAL ranks by the value itself, yardstick: PARENT_PLAN measures ' +
      "every county against the parent's plan (its target, and its start year for the period-bound kinds). Highest first (rank 1), equal " +
      'values sharing a rank, then counties without that value (no target of that kind under PROGRESS, no plan, or a missing figure) ' +
      'with a null rank; ties and the unranked by county code. Empty for an unknown parent or one without counties.',
  })
  indicatorComparison(
    @Arg('parentCode', () => ID) parentCode: string,
    @Arg('kind', () => IndicatorKind) kind: IndicatorKind,
    @AsOfArg() asOf: IsoDate,
    @Arg('by', () => ComparisonBasis, {
      defaultValue: ComparisonBasis.PROGRESS,
      description: 'rank by progress (default) or by the actual value',
    })
    by: ComparisonBasis,
    @Arg('yardstick', () => Yardstick, {
      defaultValue: Yardstick.OWN_PLAN,
      description: "whose target: each county's own plan (default) or the parent's",
    })
    yardstick: Yardstick,
    @Ctx() ctx: Context,
  ): Promise<CountyIndicatorRank[]> {
    requireCountyWide(ctx, 'indicatorComparison');
    return indicatorComparison(ctx, parentCode, kind, asOf, by, yardstick);
  }
}

@Resolver(() => Plan)
export class PlanConsistencyResolver {
  @FieldResolver(() => [PlanConsistencyCheck], {
    description:
      '规划指标一致性核查: for each ratio target the plan sets (per 10k residents, per 100M yuan R&D, per 100M yuan GDP, SEI share), in the ' +
      "enum's order, the total it implies with the county's statistics beside the plan's own total target; consistent = false when they " +
      'differ by more than 10% of the total target, either way. County-wide: FORBIDDEN for an ENTERPRISE caller and for the plan of a ' +
      "county outside the caller's counties (reached as the county of a patent its enterprises own), like the county's other figures.",
  })
  async consistency(
    @Root() plan: Plan,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description:
        'the day whose statistics (that year or the latest earlier year reporting a figure) are used; default: the end of the plan period or today, whichever is earlier',
    })
    asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<PlanConsistencyCheck[]> {
    requireCountyWide(ctx, 'Plan.consistency');
    // plans are public, the statistics behind these figures are not: a county Row Level Security hides is outside the scope
    const county = await countyLoader(ctx).load(plan.countyCode);
    requireCountyWide(ctx, 'Plan.consistency', county ?? { code: plan.countyCode, outsideScope: true });
    return planConsistencyLoader(ctx, asOf ?? null).load(plan.id);
  }
}

@Resolver(() => InnovationPlatform)
export class InnovationPlatformResolver {
  @FieldResolver(() => Enterprise, { description: '依托企业: the enterprise that owns the platform' })
  async enterprise(@Root() platform: InnovationPlatform, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await enterpriseLoader(ctx).load(platform.enterpriseId))!;
  }

  @Mutation(() => InnovationPlatform, { description: '创建或更新创新平台: keyed by the owner enterprise and the platform name' })
  upsertInnovationPlatform(
    @Arg('input', () => InnovationPlatformInput) input: InnovationPlatformInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<InnovationPlatform> {
    requireWriter(ctx, 'upsertInnovationPlatform');
    return ctx.db.atomically(() => upsertInnovationPlatform(ctx.db, input, expectedVersion));
  }
}

@Resolver(() => KnowledgeValueLoan)
export class KnowledgeValueLoanResolver {
  @FieldResolver(() => Enterprise, { description: '借款企业: the borrowing enterprise' })
  async enterprise(@Root() loan: KnowledgeValueLoan, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await enterpriseLoader(ctx).load(loan.enterpriseId))!;
  }

  @Mutation(() => KnowledgeValueLoan, {
    description: '登记知识价值信用贷款: records a knowledge-value credit loan granted to an enterprise',
  })
  recordKnowledgeValueLoan(
    @Arg('input', () => KnowledgeValueLoanInput) input: KnowledgeValueLoanInput,
    @Ctx() ctx: Context,
  ): Promise<KnowledgeValueLoan> {
    requireWriter(ctx, 'recordKnowledgeValueLoan');
    return ctx.db.atomically(() => recordKnowledgeValueLoan(ctx.db, input));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseIndicatorRecordsResolver {
  @FieldResolver(() => [InnovationPlatform], { description: '创新平台: its innovation platforms, past and present, oldest first' })
  innovationPlatforms(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<InnovationPlatform[]> {
    return platformsOfEnterpriseLoader(ctx).load(enterprise.id);
  }

  @FieldResolver(() => [KnowledgeValueLoan], { description: '知识价值信用贷款: its knowledge-value credit loans, latest first' })
  knowledgeValueLoans(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<KnowledgeValueLoan[]> {
    return loansOfEnterpriseLoader(ctx).load(enterprise.id);
  }
}

export const IndicatorResolvers = [
  CountyIndicatorResolver,
  IndicatorComparisonResolver,
  PlanConsistencyResolver,
  InnovationPlatformResolver,
  KnowledgeValueLoanResolver,
  EnterpriseIndicatorRecordsResolver,
] as const;
