import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { requireCountyWide, requireWriter } from '../auth/guard';
import { Context } from '../graphql/context';
import { PledgeFinancing } from './pledge-financing';
import { pledgeFinancingLoader } from './pledge-financing.sql';
import { InterestSubsidy, PledgeInterestPayment, PledgeInterestPaymentInput } from './pledge-interest';
import {
  countyInterestSubsidiesLoader,
  enterpriseInterestSubsidiesLoader,
  interestPaymentsLoader,
  recordPledgeInterestPayment,
} from './pledge-interest.sql';

@Resolver(() => PledgeInterestPayment)
export class PledgeInterestPaymentResolver {
  @FieldResolver(() => PledgeFinancing, { description: '质押融资: the pledge financing the interest was paid on' })
  async financing(@Root() payment: PledgeInterestPayment, @Ctx() ctx: Context): Promise<PledgeFinancing> {
    return (await pledgeFinancingLoader(ctx).load(payment.financingId))!;
  }

  @Mutation(() => PledgeInterestPayment, {
    description:
      '登记质押贷款付息: records interest paid on a pledge financing. Refused (BAD_USER_INPUT, nothing written) for an unknown ' +
      "financing, an amount that is not positive, or a payment dated before the financing's registration day",
  })
  recordPledgeInterestPayment(
    @Arg('input', () => PledgeInterestPaymentInput) input: PledgeInterestPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeInterestPayment> {
    requireWriter(ctx, 'recordPledgeInterestPayment');
    return ctx.db.atomically(() => recordPledgeInterestPayment(ctx.db, input));
  }
}

@Resolver(() => PledgeFinancing)
export class PledgeFinancingInterestResolver {
  @FieldResolver(() => [PledgeInterestPayment], { description: '付息记录: the interest paid on it, oldest first' })
  interestPayments(@Root() financing: PledgeFinancing, @Ctx() ctx: Context): Promise<PledgeInterestPayment[]> {
    return interestPaymentsLoader(ctx).load(financing.id);
  }
}

@Resolver(() => InterestSubsidy)
export class InterestSubsidyResolver {
  @FieldResolver(() => Enterprise, { description: '企业: the enterprise that paid the interest' })
  async enterprise(@Root() subsidy: InterestSubsidy, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await enterpriseLoader(ctx).load(subsidy.enterpriseId))!;
  }
}

@Resolver(() => Enterprise)
export class EnterpriseInterestSubsidyResolver {
  @FieldResolver(() => [InterestSubsidy], {
    description:
      '质押融资贴息: the interest subsidy due for each calendar year in which it paid pledge-loan interest and the plan in force ' +
      'in its county sets a subsidy rate, oldest year first (only the given year, when given). See InterestSubsidy for the rounding.',
  })
  interestSubsidies(
    @Root() enterprise: Enterprise,
    @Arg('year', () => Int, { nullable: true, description: 'only this calendar year (default: every year)' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<InterestSubsidy[]> {
    return enterpriseInterestSubsidiesLoader(ctx, year ?? null).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyInterestSubsidyResolver {
  @FieldResolver(() => [InterestSubsidy], {
    description:
      '质押融资贴息汇总: for one calendar year, one row per enterprise of the county that paid pledge-loan interest in it, highest ' +
      'subsidyDue first, then by enterprise name (byte order), then credit code. Empty when the county has no plan in force that ' +
      'year or its plan sets no subsidy rate.',
  })
  interestSubsidies(
    @Root() county: County,
    @Arg('year', () => Int, { description: 'the calendar year of the payments' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<InterestSubsidy[]> {
    requireCountyWide(ctx, 'County.interestSubsidies', county);
    return countyInterestSubsidiesLoader(ctx, year).load(county.code);
  }
}

export const PledgeInterestResolvers = [
  PledgeInterestPaymentResolver,
  PledgeFinancingInterestResolver,
  InterestSubsidyResolver,
  EnterpriseInterestSubsidyResolver,
  CountyInterestSubsidyResolver,
] as const;
