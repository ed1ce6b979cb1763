import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { Connection, ConnectionType, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { SupportEligibility } from './support-eligibility';
import { SupportMeasure } from './support-measure';
import { supportMeasuresLoader } from './support-measure.sql';
import { SupportPayment, SupportPaymentInput } from './support-payment';
import { countyPaymentsLoader, eligibilityPaymentsLoader, eligibilityRowKey, recordSupportPayment } from './support-payment.sql';

export const SupportPaymentConnection = ConnectionType('SupportPayment', SupportPayment);

@Resolver(() => SupportPayment)
export class SupportPaymentResolver {
  @Mutation(() => SupportPayment, {
    description:
      '登记支持措施兑现 (ADMIN or EDITOR of the county): records a payment under a computable measure of the plan in force in the year to ' +
      'a recipient that qualifies (County.supportEligibility); refused (BAD_USER_INPUT, nothing written) for an unknown or GENERIC measure, ' +
      "a recipient that does not qualify, an amount that with the earlier payments exceeds the row's maxAmount, a day before the year or " +
      'after today, or a reference already recorded in the county',
  })
  async recordSupportPayment(
    @Arg('input', () => SupportPaymentInput) input: SupportPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<SupportPayment> {
    requireWriter(ctx, 'recordSupportPayment');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    return ctx.db.atomically(() => recordSupportPayment(ctx.db, input));
  }

  @FieldResolver(() => SupportMeasure, { nullable: true, description: 'the measure, as the plan states it now (null if it was removed)' })
  async measure(@Root() payment: SupportPayment, @Ctx() ctx: Context): Promise<SupportMeasure | null> {
    return (await supportMeasuresLoader(ctx).load(payment.planId)).find((m) => m.number === payment.measureNumber) ?? null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'the enterprise (ENTERPRISE recipients)' })
  enterprise(@Root() payment: SupportPayment, @Ctx() ctx: Context): Promise<Enterprise | null> | null {
    return payment.enterpriseId === null ? null : enterpriseLoader(ctx).load(payment.enterpriseId);
  }
}

@Resolver(() => County)
export class CountySupportPaymentsResolver {
  @FieldResolver(() => SupportPaymentConnection, {
    description: "支持措施兑现记录: the payments recorded for the year's eligibility, by day paid, then as recorded",
  })
  supportPayments(
    @Root() county: County,
    @Arg('year', () => Int) year: number,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<SupportPayment>> {
    requireCountyWide(ctx, 'County.supportPayments', county);
    return countyPaymentsLoader(ctx, year, page, withTotal).load(county.code);
  }
}

@Resolver(() => SupportEligibility)
export class SupportEligibilityPaymentsResolver {
  @FieldResolver(() => Boolean, { description: '已兑现: at least one payment is recorded for the row (paidAmount > 0)' })
  paid(@Root() row: SupportEligibility): boolean {
    return Number(row.paidAmount) > 0;
  }

  @FieldResolver(() => [SupportPayment], { description: 'the payments recorded for the row, oldest first' })
  payments(@Root() row: SupportEligibility, @Ctx() ctx: Context): Promise<SupportPayment[]> {
    return eligibilityPaymentsLoader(ctx).load(eligibilityRowKey(row.countyCode, row));
  }
}

export const SupportPaymentResolvers = [SupportPaymentResolver, CountySupportPaymentsResolver, SupportEligibilityPaymentsResolver] as const;
