import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { countyLoader } from '../county/county.sql';
import { requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { Context } from '../graphql/context';
import { DateScalar } from '../graphql/scalars';
import { Connection } from '../graphql/pagination';
import { CategoryMembership, Enterprise, EnterpriseConnection } from './enterprise';
import { EnterpriseCategory } from './enterprise-category';
import { EnterpriseFilter, EnterpriseInput } from './enterprise.inputs';
import { categoriesLoader, countyEnterprisesLoader, findEnterprise, membershipsLoader, upsertEnterprise } from './enterprise.sql';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: "企业: an enterprise by its credit code (any case); null when unknown or outside the caller's counties",
  })
  enterprise(@Arg('creditCode') creditCode: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return findEnterprise(ctx, creditCode);
  }

  @FieldResolver(() => County)
  async county(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<County> {
    return (await countyLoader(ctx).load(enterprise.countyCode))!;
  }

  @FieldResolver(() => [EnterpriseCategory], {
    description: 'categories whose membership is valid on asOf (default: today), in the enum\'s order',
  })
  categories(
    @Root() enterprise: Enterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<EnterpriseCategory[]> {
    return categoriesLoader(ctx, asOf ?? ctx.today).load(enterprise.id);
  }

  @FieldResolver(() => [CategoryMembership], { description: 'every membership, past and present, oldest first' })
  memberships(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<CategoryMembership[]> {
    return membershipsLoader(ctx).load(enterprise.id);
  }

  @Mutation(() => Enterprise, { description: '创建或更新企业: keyed by creditCode; replaces its memberships' })
  async upsertEnterprise(@Arg('input', () => EnterpriseInput) input: EnterpriseInput, @Ctx() ctx: Context): Promise<Enterprise> {
    requireWriter(ctx, 'upsertEnterprise');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(() => upsertEnterprise(ctx.db, input));
  }
}

@Resolver(() => County)
export class CountyEnterprisesResolver {
  @FieldResolver(() => EnterpriseConnection, { description: 'enterprises of the county, by name (byte order), then credit code' })
  enterprises(
    @Root() county: County,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: '0 to 100' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Enterprise>> {
    requireCountyWide(ctx, 'County.enterprises', county);
    return countyEnterprisesLoader(ctx, filter, first, after).load(county.code);
  }
}
