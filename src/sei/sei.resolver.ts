import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireCountyWide, requireWriter } from '../auth/guard';
import { County } from '../county/county';
import { AsOfArg, ExpectedVersionArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { Patent } from '../patent/patent';
import { StrategicIndustry } from '../patent/patent-enums';
import { StrategicIndustryReviewConnection, StrategicIndustryReviewItem, StrategicIndustrySuggestion } from './sei';
import { confirmStrategicIndustry, rejectStrategicIndustrySuggestion, strategicIndustryReviewLoader, suggestionsLoader } from './sei.sql';

@Resolver(() => Patent)
export class PatentSeiResolver {
  @FieldResolver(() => [StrategicIndustrySuggestion], {
    description:
      '战略性新兴产业建议: the industries the concordance in force on asOf (战略性新兴产业分类与国际专利分类参照关系表, the version ' +
      "with the latest effective date on or before asOf) suggests from the IPC codes and title, in the enum's order, with the entries " +
      'that matched; empty without a concordance. Only strategicIndustry (a confirmed flag) counts as the reason.',
  })
  strategicIndustrySuggestions(
    @Root() patent: Patent,
    @AsOfArg() asOf: IsoDate,
    @Ctx() ctx: Context,
  ): Promise<StrategicIndustrySuggestion[]> {
    return suggestionsLoader(ctx, asOf).load(patent.id);
  }

  @Mutation(() => Patent, {
    description:
      "确认战略性新兴产业 (ADMIN or EDITOR of the patent's county): flags the patent with the industry (strategicIndustry), which then " +
      'counts as the STRATEGIC_EMERGING_INDUSTRY reason, and records the decision in its history; a confirmation of another industry is withdrawn',
  })
  confirmStrategicIndustry(
    @Arg('applicationNumber') applicationNumber: string,
    @Arg('industry', () => StrategicIndustry) industry: StrategicIndustry,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Patent> {
    requireWriter(ctx, 'confirmStrategicIndustry');
    return ctx.db.atomically(() => confirmStrategicIndustry(ctx, applicationNumber, industry, expectedVersion));
  }

  @Mutation(() => Patent, {
    description:
      "驳回战略性新兴产业建议 (ADMIN or EDITOR of the patent's county): records that the suggested industry does not hold; the patent " +
      'leaves the review list for it. BAD_USER_INPUT for a patent flagged with that very industry (withdraw the flag first)',
  })
  rejectStrategicIndustrySuggestion(
    @Arg('applicationNumber') applicationNumber: string,
    @Arg('industry', () => StrategicIndustry) industry: StrategicIndustry,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Patent> {
    requireWriter(ctx, 'rejectStrategicIndustrySuggestion');
    return ctx.db.atomically(() => rejectStrategicIndustrySuggestion(ctx, applicationNumber, industry, expectedVersion));
  }
}

@Resolver(() => County)
export class CountySeiReviewResolver {
  @FieldResolver(() => StrategicIndustryReviewConnection, {
    description:
      "战略性新兴产业审核清单: the county's invention patents to review on asOf — with a suggestion (not rejected) but no confirmed flag " +
      '(UNCONFIRMED_SUGGESTION), or flagged with an industry no suggestion supports (UNSUPPORTED_FLAG) — newest filing first, then application number',
  })
  strategicIndustryReview(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<StrategicIndustryReviewItem>> {
    requireCountyWide(ctx, 'County.strategicIndustryReview', county);
    return strategicIndustryReviewLoader(ctx, asOf, page, withTotal).load(county.code);
  }
}

export const SeiResolvers = [PatentSeiResolver, CountySeiReviewResolver] as const;
