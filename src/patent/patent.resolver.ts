import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { attributedCounty } from '../county/county-label';
import { Enterprise } from '../enterprise/enterprise';
import { requireAdmin, requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { DeletedRecord } from '../history/deleted-record';
import { Context } from '../graphql/context';
import { ExpectedVersionArg } from '../graphql/arguments';
import { Connection, NodeFieldsAsked, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { OverseasGrant, Patent, PatentAward, PatentConnection } from './patent';
import { PatentFilter, PatentInput } from './patent.inputs';
import {
  awardsLoader,
  deletePatent,
  findPatent,
  overseasGrantsLoader,
  ownersLoader,
  patentListLoader,
  restorePatent,
  upsertPatent,
} from './patent.sql';
import { withExternalPatentees } from '../patentee/patentee.sql';

const filterArg = () => Arg('filter', () => PatentFilter, { nullable: true });
@Resolver(() => Patent)
export class PatentResolver {
  @Query(() => Patent, {
    nullable: true,
    description:
      '专利: a patent by its application number, in any accepted spelling; null when unknown or not visible to the caller ' +
      "(visible: attributed to one of the caller's counties, or owned by an enterprise the caller sees)",
  })
  patent(@Arg('applicationNumber') applicationNumber: string, @Ctx() ctx: Context): Promise<Patent | null> {
    return findPatent(ctx, applicationNumber);
  }

  @FieldResolver(() => County, {
    description:
      'the county the patent is attributed to in county statistics. For a patent the caller sees because an enterprise of its counties owns it, ' +
      "attributed to a county outside them: that county's code and name, and FORBIDDEN for its county-wide fields",
  })
  county(@Root() patent: Patent, @Ctx() ctx: Context): Promise<County> {
    return attributedCounty(ctx, patent.countyCode);
  }

  @FieldResolver(() => [OverseasGrant])
  overseasGrants(@Root() patent: Patent, @Ctx() ctx: Context): Promise<OverseasGrant[]> {
    return overseasGrantsLoader(ctx).load(patent.id);
  }

  @FieldResolver(() => [PatentAward])
  awards(@Root() patent: Patent, @Ctx() ctx: Context): Promise<PatentAward[]> {
    return awardsLoader(ctx).load(patent.id);
  }

  @FieldResolver(() => [Enterprise], { description: '专利权人: patentee enterprises, first patentee first' })
  owners(@Root() patent: Patent, @Ctx() ctx: Context): Promise<Enterprise[]> {
    return ownersLoader(ctx).load(patent.id);
  }

  @Mutation(() => Patent, {
    description:
      '创建或更新专利: keyed by the normalized applicationNumber. The application number of a deleted patent answers CONFLICT ' +
      '(an ADMIN may restore it: restorePatent)',
  })
  async upsertPatent(
    @Arg('input', () => PatentInput) input: PatentInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Patent> {
    requireWriter(ctx, 'upsertPatent');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(async () => {
      const patent = await upsertPatent(ctx.db, input, expectedVersion);
      return withExternalPatentees(ctx.db, patent, input.externalPatentees);
    });
  }

  @Mutation(() => DeletedRecord, {
    description:
      '删除专利 (ADMIN or EDITOR of the county it is attributed to): a soft delete. The patent disappears from every query, list and ' +
      'count (high-value counts, target gaps, indicators, pledged patents) for every caller; its history keeps every state; an ADMIN ' +
      'brings it back with restorePatent.',
  })
  deletePatent(
    @Arg('applicationNumber') applicationNumber: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<DeletedRecord> {
    requireWriter(ctx, 'deletePatent');
    return ctx.db.atomically(() => deletePatent(ctx.db, applicationNumber, expectedVersion));
  }

  @Mutation(() => Patent, { description: '恢复专利 (ADMIN of its county): restores a deleted patent with its owners, grants and awards' })
  restorePatent(
    @Arg('applicationNumber') applicationNumber: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Patent> {
    requireAdmin(ctx, 'restorePatent');
    return ctx.db.atomically(() => restorePatent(ctx.db, applicationNumber, expectedVersion));
  }
}

@Resolver(() => Enterprise)
export class EnterprisePatentsResolver {
  @FieldResolver(() => PatentConnection, {
    description: 'patents it owns, alone or jointly; by filing date descending, then application number',
  })
  patents(
    @Root() enterprise: Enterprise,
    @filterArg() filter: PatentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @NodeFieldsAsked() selected: Set<string>,
    @Ctx() ctx: Context,
  ): Promise<Connection<Patent>> {
    return patentListLoader(ctx, 'enterprise', filter, page, withTotal, selected).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyPatentsResolver {
  @FieldResolver(() => PatentConnection, {
    description: 'patents attributed to the county; by filing date descending, then application number',
  })
  patents(
    @Root() county: County,
    @filterArg() filter: PatentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @NodeFieldsAsked() selected: Set<string>,
    @Ctx() ctx: Context,
  ): Promise<Connection<Patent>> {
    requireCountyWide(ctx, 'County.patents', county);
    return patentListLoader(ctx, 'county', filter, page, withTotal, selected).load(county.code);
  }
}
