import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { requireWriter } from '../auth/guard';
import { Context } from '../graphql/context';
import { Patent } from '../patent/patent';
import { PledgeFinancing, PledgeFinancingInput } from './pledge-financing';
import { pledgedPatentsLoader, pledgeFinancingsOfEnterpriseLoader, recordPledgeFinancing } from './pledge-financing.sql';

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

  @Mutation(() => PledgeFinancing, { description: '登记知识产权质押融资: records a pledge financing of one enterprise\'s patents' })
  recordPledgeFinancing(
    @Arg('input', () => PledgeFinancingInput) input: PledgeFinancingInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeFinancing> {
    requireWriter(ctx, 'recordPledgeFinancing');
    return ctx.db.atomically(() => recordPledgeFinancing(ctx.db, input));
  }
}

@Resolver(() => Enterprise)
export class EnterprisePledgeFinancingResolver {
  @FieldResolver(() => [PledgeFinancing], { description: 'its pledge financings, latest first' })
  pledgeFinancings(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<PledgeFinancing[]> {
    return pledgeFinancingsOfEnterpriseLoader(ctx).load(enterprise.id);
  }
}
