import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsPositiveAmount } from '../graphql/rules';
import { DateScalar, DecimalScalar } from '../graphql/scalars';

/**
 * 知识产权质押融资贴息 (pledge financing support): the interest paid on pledge loans, and the subsidy the plan in
 * force pays on it. The subsidy is computed in SQL (pledge-interest.sql.ts); these are its records and results.
 */

@ObjectType({ description: '质押贷款付息记录: interest an enterprise paid on one pledge financing' })
export class PledgeInterestPayment {
  @Field(() => ID)
  id: number;

  financingId: number;

  @Field(() => DateScalar, { description: '付息日: the day the interest was paid; its calendar year is the subsidy year' })
  paidOn: string;

  @Field(() => DecimalScalar, { description: '付息金额: interest paid, in yuan' })
  amount: string;
}

@InputType({ description: '登记质押贷款付息: one interest payment on a registered pledge financing' })
export class PledgeInterestPaymentInput {
  @Field(() => ID, { description: '质押融资: the id of the pledge financing (PledgeFinancing.id)' })
  financingId: string;

  @Field(() => DateScalar, { description: "付息日: not before the financing's registration day" })
  paidOn: string;

  @Field(() => DecimalScalar, { description: '付息金额: yuan, positive' })
  @IsPositiveAmount()
  amount: string;
}

@ObjectType({
  description:
    '质押融资贴息: the interest subsidy due to one enterprise for one calendar year — the pledge-loan interest it paid that year ' +
    "times the pledgeInterestSubsidyRate of the plan in force that year in the enterprise's county. " +
    "Exact decimal arithmetic in PostgreSQL; subsidyDue is rounded once, on the year's total, to the fen (0.01 yuan), half away from zero.",
})
export class InterestSubsidy {
  enterpriseId: number;

  @Field(() => Int, { description: '年度: the calendar year of the payments' })
  year: number;

  @Field(() => DecimalScalar, { description: '当年付息总额: interest paid in the year on all its pledge financings, in yuan' })
  interestPaid: string;

  @Field(() => Float, { description: '贴息比例: the rate of the plan in force in that year, a fraction (0.5 = 50%)' })
  rate: number;

  @Field(() => DecimalScalar, { description: '应补贴金额: round(interestPaid × rate, 2) yuan' })
  subsidyDue: string;
}
