import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireCountyInScope, requireCountyWide } from '../auth/guard';
import { Yardstick } from '../breakthrough/yardstick';
import { County } from '../county/county';
import { assertCountyExists } from '../county/county.sql';
import { Enterprise } from '../enterprise/enterprise';
import { AsOfArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { ClusterBreakthrough, ClusterIndicatorValue, EnterpriseRecognition, IndustryCluster } from './enterprise-tags';
import {
  breakthroughByClusterLoader,
  countyClusters,
  enterpriseClusterLoader,
  indicatorsByClusterLoader,
  industryClustersLoader,
  recognitionsLoader,
  setIndustryClusters,
} from './enterprise-tags.sql';

@Resolver(() => Enterprise)
export class EnterpriseTagsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "产业集群: the enterprise's industry cluster, one of its county's; null: none",
  })
  industryCluster(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<string | null> {
    return enterpriseClusterLoader(ctx).load(enterprise.id);
  }

  @FieldResolver(() => [EnterpriseRecognition], { description: '荣誉认定: its recognitions (知识产权示范企业, 优势企业, …), oldest first' })
  recognitions(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<EnterpriseRecognition[]> {
    return recognitionsLoader(ctx).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyClustersResolver {
  @FieldResolver(() => [IndustryCluster], { description: "产业集群: the county's industry clusters, in its order (published, like plans)" })
  industryClusters(@Root() county: County, @Ctx() ctx: Context): Promise<IndustryCluster[]> {
    return industryClustersLoader(ctx).load(county.code);
  }

  @FieldResolver(() => [ClusterBreakthrough], {
    description:
      '分产业集群两个突破: breakthroughSummary by the industry cluster of the enterprises (and, for a division, over the counties below ' +
      "it): one row per cluster and category that has enterprises, clusters in their county's order, enterprises of no cluster last",
  })
  breakthroughByCluster(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @Arg('yardstick', () => Yardstick, { defaultValue: Yardstick.OWN_PLAN }) yardstick: Yardstick,
    @Ctx() ctx: Context,
  ): Promise<ClusterBreakthrough[]> {
    requireCountyWide(ctx, 'County.breakthroughByCluster', county);
    return breakthroughByClusterLoader(ctx, asOf, yardstick).load(county.code);
  }

  @FieldResolver(() => [ClusterIndicatorValue], {
    description:
      '分产业集群指标: the counts of County.indicators that belong to enterprises — HIGH_VALUE_PATENTS and SEI_INVENTION_PATENTS (in the ' +
      'cluster of the first enterprise patentee), HIGH_TECH_ENTERPRISES, SPECIALIZED_NEW_ENTERPRISES, INNOVATION_PLATFORMS — by cluster, ' +
      'by the same rules; a cluster with none of a kind has no row of it. Ratios and reported figures have no cluster breakdown.',
  })
  indicatorsByCluster(@Root() county: County, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<ClusterIndicatorValue[]> {
    requireCountyWide(ctx, 'County.indicatorsByCluster', county);
    return indicatorsByClusterLoader(ctx, asOf).load(county.code);
  }
}

@Resolver()
export class IndustryClusterMutationResolver {
  @Mutation(() => [IndustryCluster], {
    description:
      "设置产业集群 (ADMIN of the county): replaces the county's industry clusters, in the order given; BAD_USER_INPUT for leaving out a " +
      'cluster an enterprise still belongs to',
  })
  async setIndustryClusters(
    @Arg('countyCode', () => ID) countyCode: string,
    @Arg('names', () => [String], { description: 'at most 100, each at most 50 characters' })
    names: string[],
    @Ctx() ctx: Context,
  ): Promise<IndustryCluster[]> {
    requireAdmin(ctx, 'setIndustryClusters');
    await requireCountyInScope(ctx, countyCode, 'countyCode');
    const wanted = names.map((name) => name.trim());
    if (wanted.length > 100) throw badUserInput('names', `at most 100 clusters, got ${wanted.length}`);
    wanted.forEach((name, i) => {
      if (name === '' || name.length > 50) throw badUserInput(`names[${i}]`, 'must be 1 to 50 characters');
      if (wanted.indexOf(name) !== i) throw badUserInput(`names[${i}]`, `names ${name} twice`);
    });
    return ctx.db.atomically(async () => {
      await assertCountyExists(ctx.db, countyCode, 'countyCode');
      await setIndustryClusters(ctx.db, countyCode, wanted);
      return countyClusters(ctx.db, countyCode);
    });
  }
}

export const EnterpriseTagsResolvers = [EnterpriseTagsResolver, CountyClustersResolver, IndustryClusterMutationResolver] as const;
