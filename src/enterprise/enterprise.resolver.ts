import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { countyLoader } from '../county/county.sql';
import { requireAdmin, requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { DeletedRecord } from '../history/deleted-record';
import { Context } from '../graphql/context';
import { AsOfArg, ExpectedVersionArg } from '../graphql/arguments';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { DateScalar } from '../graphql/scalars';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { CategoryMembership, Enterprise, EnterpriseConnection } from './enterprise';
import { EnterpriseCategory } from './enterprise-category';
import { EnterpriseFilter, EnterpriseInput } from './enterprise.inputs';
import {
  categoriesLoader,
  countyEnterprisesLoader,
  deleteEnterprise,
  deleteMembership,
  findEnterprise,
  membershipsLoader,
  restoreEnterprise,
  restoreMembership,
  upsertEnterprise,
} from './enterprise.sql';

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
    description: "categories whose membership is valid on asOf (default: today), in the enum's order",
  })
  categories(@Root() enterprise: Enterprise, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<EnterpriseCategory[]> {
    return categoriesLoader(ctx, asOf).load(enterprise.id);
  }

  @FieldResolver(() => [CategoryMembership], { description: 'every membership, past and present, oldest first' })
  memberships(
    @Root() enterprise: Enterprise,
    @Arg('validToFrom', () => DateScalar, { nullable: true, description: 'only memberships whose validTo is on or after this day' })
    validToFrom: string | null,
    @Arg('validToUntil', () => DateScalar, { nullable: true, description: 'only memberships whose validTo is on or before this day' })
    validToUntil: string | null,
    @Ctx() ctx: Context,
  ): Promise<CategoryMembership[]> {
    if (validToFrom && validToUntil && validToUntil < validToFrom) {
      throw badUserInput('validToUntil', `must not be before validToFrom (${validToUntil} is before ${validToFrom})`);
    }
    return membershipsLoader(ctx, { validToFrom, validToUntil }).load(enterprise.id);
  }

  @Mutation(() => Enterprise, {
    description:
      '创建或更新企业: keyed by creditCode; replaces its memberships. The credit code of a deleted enterprise answers CONFLICT ' +
      '(an ADMIN may restore it: restoreEnterprise)',
  })
  async upsertEnterprise(
    @Arg('input', () => EnterpriseInput) input: EnterpriseInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    requireWriter(ctx, 'upsertEnterprise');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(() => upsertEnterprise(ctx.db, input, expectedVersion));
  }

  @Mutation(() => DeletedRecord, {
    description:
      '删除企业 (ADMIN or EDITOR of its county): a soft delete. The enterprise, its memberships, pledge financings, innovation ' +
      'platforms and knowledge-value loans disappear from every query, list and count (targets, indicators, summaries) for every ' +
      'caller; its patents stay (it drops out of their owners). Its history keeps every state; an ADMIN brings it back with restoreEnterprise.',
  })
  deleteEnterprise(
    @Arg('creditCode') creditCode: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<DeletedRecord> {
    requireWriter(ctx, 'deleteEnterprise');
    return ctx.db.atomically(() => deleteEnterprise(ctx.db, creditCode, expectedVersion));
  }

  @Mutation(() => Enterprise, {
    description:
      '恢复企业 (ADMIN of its county): restores a deleted enterprise with what was deleted with it (not what had been deleted before)',
  })
  restoreEnterprise(
    @Arg('creditCode') creditCode: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    requireAdmin(ctx, 'restoreEnterprise');
    return ctx.db.atomically(() => restoreEnterprise(ctx.db, creditCode, expectedVersion));
  }

  @Mutation(() => DeletedRecord, {
    description:
      '删除企业类别认定 (ADMIN or EDITOR of its county): a soft delete of one membership (CategoryMembership.id); it no longer counts ' +
      'anywhere. An ADMIN brings it back with restoreMembership.',
  })
  deleteMembership(
    @Arg('id', () => ID) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<DeletedRecord> {
    requireWriter(ctx, 'deleteMembership');
    return ctx.db.atomically(() => deleteMembership(ctx.db, id, expectedVersion));
  }

  @Mutation(() => CategoryMembership, {
    description:
      '恢复企业类别认定 (ADMIN of its county): CONFLICT when its enterprise is deleted, or when the same category and validFrom was entered again since',
  })
  restoreMembership(
    @Arg('id', () => ID) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<CategoryMembership> {
    requireAdmin(ctx, 'restoreMembership');
    return ctx.db.atomically(() => restoreMembership(ctx.db, id, expectedVersion));
  }
}

@Resolver(() => County)
export class CountyEnterprisesResolver {
  @FieldResolver(() => EnterpriseConnection, { description: 'enterprises of the county, by name (byte order), then credit code' })
  enterprises(
    @Root() county: County,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<Enterprise>> {
    requireCountyWide(ctx, 'County.enterprises', county);
    return countyEnterprisesLoader(ctx, filter, page, withTotal).load(county.code);
  }
}
