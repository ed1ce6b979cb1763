import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { IsCountyCode, IsNonBlank, IsPositiveAmount, IsYear } from '../graphql/rules';
import { DateScalar, DecimalScalar } from '../graphql/scalars';
import { SupportRecipientKind } from './support-eligibility';

@ObjectType({ description: '支持措施兑现记录: a payment made to one recipient under one measure, for one year' })
export class SupportPayment {
  @Field(() => ID)
  id: number;

  planId: number;
  enterpriseId: number | null;

  @Field(() => ID)
  countyCode: string;

  @Field({ description: '措施序号, e.g. "(五)"' })
  measureNumber: string;

  @Field(() => Int, { description: '年度: the year of the eligibility it pays' })
  year: number;

  @Field(() => SupportRecipientKind)
  recipientKind: SupportRecipientKind;

  @Field({ description: 'the recipientKey of SupportEligibility: a credit code, or an inventor\'s "id:…" / "name:…"' })
  recipientKey: string;

  @Field({ description: '对象名称' })
  recipientName: string;

  @Field(() => DecimalScalar, { description: '兑现金额: yuan' })
  amount: string;

  @Field(() => DateScalar, { description: '兑现日期' })
  paidOn: string;

  @Field({ description: "凭证号: the finance office's reference, unique in the county" })
  reference: string;

  @Field(() => Int, { description: '版本' })
  version: number;
}

@InputType({
  description: '登记支持措施兑现: one payment to a recipient who qualifies (County.supportEligibility) for the measure in the year',
})
export class SupportPaymentInput {
  @Field(() => ID)
  @IsCountyCode()
  countyCode: string;

  @Field(() => Int, { description: 'the year of the eligibility paid' })
  @IsYear()
  year: number;

  @Field({ description: 'the measure, by its number in the plan in force that year, e.g. "(五)"' })
  measure: string;

  @Field({ description: 'the recipient: an enterprise\'s credit code, or an inventor\'s recipientKey ("id:…" or "name:…")' })
  @IsNonBlank(200)
  recipient: string;

  @Field(() => DecimalScalar, { description: "yuan, positive; with what was paid before, at most the row's maxAmount where it has one" })
  @IsPositiveAmount()
  amount: string;

  @Field(() => DateScalar, { description: 'not before 1 January of the year, not after today' })
  @IsNotAfterToday()
  paidOn: string;

  @Field({ description: '凭证号: unique in the county' })
  @IsNonBlank(100)
  reference: string;
}
