import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireCountyWide } from '../auth/guard';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { PledgeFinancing } from '../financing/pledge-financing';
import { Context } from '../graphql/context';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { Patent } from '../patent/patent';
import { HistoryConnection, HistoryEntry } from './history';
import { deletionsLoader, historyLoader } from './history.sql';

const ADMIN_ONLY = 'ADMIN only (FORBIDDEN for every other role: history holds values a record no longer shows, deleted records included).';

@Resolver(() => Enterprise)
export class EnterpriseHistoryResolver {
  @FieldResolver(() => HistoryConnection, {
    description: `变更历史: every change to the enterprise, its memberships, innovation platforms and loans, newest first. ${ADMIN_ONLY}`,
  })
  history(
    @Root() enterprise: Enterprise,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HistoryEntry>> {
    requireAdmin(ctx, 'Enterprise.history');
    return historyLoader(ctx, 'Enterprise', page, withTotal).load(String(enterprise.id));
  }
}

@Resolver(() => Patent)
export class PatentHistoryResolver {
  @FieldResolver(() => HistoryConnection, {
    description: `变更历史: every change to the patent, its owners, overseas grants and awards, newest first. ${ADMIN_ONLY}`,
  })
  history(
    @Root() patent: Patent,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HistoryEntry>> {
    requireAdmin(ctx, 'Patent.history');
    return historyLoader(ctx, 'Patent', page, withTotal).load(String(patent.id));
  }
}

@Resolver(() => PledgeFinancing)
export class PledgeFinancingHistoryResolver {
  @FieldResolver(() => HistoryConnection, {
    description: `变更历史: every change to the financing, its pledged patents and interest payments, newest first. ${ADMIN_ONLY}`,
  })
  history(
    @Root() financing: PledgeFinancing,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HistoryEntry>> {
    requireAdmin(ctx, 'PledgeFinancing.history');
    return historyLoader(ctx, 'PledgeFinancing', page, withTotal).load(String(financing.id));
  }
}

@Resolver(() => County)
export class CountyHistoryResolver {
  @FieldResolver(() => HistoryConnection, {
    description: `变更历史: every change to the county itself, its yearly statistics and its plans with their targets, newest first. ${ADMIN_ONLY}`,
  })
  history(
    @Root() county: County,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HistoryEntry>> {
    requireAdmin(ctx, 'County.history');
    requireCountyWide(ctx, 'County.history', county);
    return historyLoader(ctx, 'County', page, withTotal).load(county.code);
  }

  @FieldResolver(() => HistoryConnection, {
    description:
      "已删除记录: the deletions of the county's enterprises, memberships, patents and pledge financings, newest first — where to find what " +
      'to restore (recordType and recordKey name the record and the restore… mutation to call; a later RESTORED entry in its history ' +
      `means it is back). ${ADMIN_ONLY}`,
  })
  deletions(
    @Root() county: County,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<HistoryEntry>> {
    requireAdmin(ctx, 'County.deletions');
    requireCountyWide(ctx, 'County.deletions', county);
    return deletionsLoader(ctx, page, withTotal).load(county.code);
  }
}

export const HistoryResolvers = [
  EnterpriseHistoryResolver,
  PatentHistoryResolver,
  PledgeFinancingHistoryResolver,
  CountyHistoryResolver,
] as const;
