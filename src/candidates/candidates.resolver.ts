import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkedDays, MAX_WINDOW_DAYS } from '../alerts/alerts.resolver';
import { requireCountyWide } from '../auth/guard';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { AsOfArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { Patent } from '../patent/patent';
import { patentLoader } from '../patent/patent.sql';
import { HighValueCandidate, HighValueCandidateConnection } from './candidate';
import { candidatesLoader } from './candidates.sql';
import { CategoryOutlook, TargetPath } from './outlook';
import { gapOutlookLoader, targetPathsLoader } from './outlook.sql';

export const horizonDaysArg = () =>
  Arg('horizonDays', () => Int, {
    nullable: true,
    defaultValue: 365,
    description: `how far ahead: asOf to asOf + horizonDays, both inclusive; 0 to ${MAX_WINDOW_DAYS}`,
  });

const ORDER = 'by expectedOn (asOf for a pledge), then application number, then reason';

@Resolver(() => County)
export class CountyCandidatesResolver {
  @FieldResolver(() => HighValueCandidateConnection, {
    description: `高价值专利培育清单: the county's valid invention patents that could become high-value within the horizon, with the reason; ${ORDER}`,
  })
  highValueCandidates(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @horizonDaysArg() horizonDays: number,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HighValueCandidate>> {
    requireCountyWide(ctx, 'County.highValueCandidates', county);
    const days = checkedDays(horizonDays ?? 365, 'horizonDays');
    return candidatesLoader(ctx, 'county', { asOf, horizonDays: days, ...page }, withTotal).load(county.code);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseCandidatesResolver {
  @FieldResolver(() => HighValueCandidateConnection, {
    description: `高价值专利培育对象: the valid invention patents it owns (alone or jointly) that could become high-value within the horizon; ${ORDER}`,
  })
  highValueCandidates(
    @Root() enterprise: Enterprise,
    @AsOfArg() asOf: IsoDate,
    @horizonDaysArg() horizonDays: number,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HighValueCandidate>> {
    const days = checkedDays(horizonDays ?? 365, 'horizonDays');
    return candidatesLoader(ctx, 'enterprise', { asOf, horizonDays: days, ...page }, withTotal).load(enterprise.id);
  }
}

@Resolver(() => HighValueCandidate)
export class CandidatePatentResolver {
  @FieldResolver(() => Patent)
  async patent(@Root() candidate: HighValueCandidate, @Ctx() ctx: Context): Promise<Patent> {
    return (await patentLoader(ctx).load(candidate.patentId))!;
  }
}

export const CandidateResolvers = [CountyCandidatesResolver, EnterpriseCandidatesResolver, CandidatePatentResolver] as const;

@Resolver(() => Enterprise)
export class EnterprisePathResolver {
  @FieldResolver(() => [TargetPath], {
    description:
      '达标路径: for each of its target gaps on asOf (Enterprise.targetGaps), the candidates within the horizon that would close it and by when',
  })
  pathToTarget(
    @Root() enterprise: Enterprise,
    @AsOfArg() asOf: IsoDate,
    @horizonDaysArg() horizonDays: number,
    @Ctx() ctx: Context,
  ): Promise<TargetPath[]> {
    return targetPathsLoader(ctx, asOf, checkedDays(horizonDays ?? 365, 'horizonDays')).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyOutlookResolver {
  @FieldResolver(() => [CategoryOutlook], {
    description:
      "目标展望: per category of the plan in force on asOf + horizonDays, in the enum's order: how many enterprises will meet the target that day from the dates known alone, and how many more if every candidate were realised",
  })
  gapOutlook(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @horizonDaysArg() horizonDays: number,
    @Ctx() ctx: Context,
  ): Promise<CategoryOutlook[]> {
    requireCountyWide(ctx, 'County.gapOutlook', county);
    return gapOutlookLoader(ctx, asOf, checkedDays(horizonDays ?? 365, 'horizonDays')).load(county.code);
  }
}

export const OutlookResolvers = [EnterprisePathResolver, CountyOutlookResolver] as const;
