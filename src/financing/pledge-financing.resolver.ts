import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { requireAdmin, requireWriter } from '../auth/guard';
import { DeletedRecord } from '../history/deleted-record';
import { Context } from '../graphql/context';
import { ExpectedVersionArg } from '../graphql/arguments';
import { Patent } from '../patent/patent';
import { PledgeFinancing, PledgeFinancingInput } from './pledge-financing';
import {
  deletePledgeFinancing,
  pledgedPatentsLoader,
  pledgeFinancingsOfEnterpriseLoader,
  recordPledgeFinancing,
  restorePledgeFinancing,
  updatePledgeFinancing,
} from './pledge-financing.sql';

@Resolver(() => PledgeFinancing)
export class PledgeFinancingResolver {
  @FieldResolver(() => Enterprise, { description: '出质人: the pledging enterprise' })
  async enterprise(@Root() financing: PledgeFinancing, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await enterpriseLoader(ctx).load(financing.enterpriseId))!;
  }

  @FieldResolver(() => [Patent], { description: 'the pledged patents, by application number' })
  patents(@Root() financing: PledgeFinancing, @Ctx() ctx: Context): Promise<Patent[]> {
    return pledgedPatentsLoader(ctx).load(financing.id);
  }

  @Mutation(() => PledgeFinancing, { description: "登记知识产权质押融资: records a pledge financing of one enterprise's patents" })
  recordPledgeFinancing(
    @Arg('input', () => PledgeFinancingInput) input: PledgeFinancingInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeFinancing> {
    requireWriter(ctx, 'recordPledgeFinancing');
    return ctx.db.atomically(() => recordPledgeFinancing(ctx.db, input));
  }

  @Mutation(() => PledgeFinancing, {
    description: '更正质押融资登记 (ADMIN or EDITOR): changes a recorded financing as a whole, its pledged patents included',
  })
  updatePledgeFinancing(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PledgeFinancingInput) input: PledgeFinancingInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<PledgeFinancing> {
    requireWriter(ctx, 'updatePledgeFinancing');
    return ctx.db.atomically(() => updatePledgeFinancing(ctx.db, id, input, expectedVersion));
  }

  @Mutation(() => DeletedRecord, {
    description:
      "删除质押融资登记 (ADMIN or EDITOR of the pledging enterprise's county): a soft delete. It no longer makes its patents high-value " +
      '(HIGH_PLEDGE_FINANCING) nor counts in indicators or subsidies; an ADMIN brings it back with restorePledgeFinancing.',
  })
  deletePledgeFinancing(
    @Arg('id', () => ID) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<DeletedRecord> {
    requireWriter(ctx, 'deletePledgeFinancing');
    return ctx.db.atomically(() => deletePledgeFinancing(ctx.db, id, expectedVersion));
  }

  @Mutation(() => PledgeFinancing, {
    description: '恢复质押融资登记 (ADMIN of its county): CONFLICT while its enterprise is deleted (restore the enterprise instead)',
  })
  restorePledgeFinancing(
    @Arg('id', () => ID) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<PledgeFinancing> {
    requireAdmin(ctx, 'restorePledgeFinancing');
    return ctx.db.atomically(() => restorePledgeFinancing(ctx.db, id, expectedVersion));
  }
}

@Resolver(() => Enterprise)
export class EnterprisePledgeFinancingResolver {
  @FieldResolver(() => [PledgeFinancing], { description: 'its pledge financings, latest first' })
  pledgeFinancings(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<PledgeFinancing[]> {
    return pledgeFinancingsOfEnterpriseLoader(ctx).load(enterprise.id);
  }
}
