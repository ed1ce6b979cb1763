import { Field, InputType } from 'type-graphql';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { IsCreditCode, IsNonBlank, IsNotBefore, IsPositiveAmount } from '../graphql/rules';
import { DateScalar, DecimalScalar } from '../graphql/scalars';
import { InnovationPlatformKind, InnovationPlatformLevel } from './innovation-platform';

@InputType({ description: 'An innovation platform as a whole, keyed by its enterprise and name: fields not given are cleared.' })
export class InnovationPlatformInput {
  @Field({ description: "依托企业: the owner enterprise's credit code (any case)" })
  @IsCreditCode()
  enterpriseCreditCode: string;

  @Field({ description: '平台名称: name; with the enterprise, the key of the platform' })
  @IsNonBlank(200)
  name: string;

  @Field(() => InnovationPlatformKind, { description: '平台类型: kind' })
  kind: InnovationPlatformKind;

  @Field(() => InnovationPlatformLevel, { description: '认定级别: level' })
  level: InnovationPlatformLevel;

  @Field(() => DateScalar, { description: '认定日期: the day it was recognised' })
  recognisedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至: last day it counts; not before recognisedOn; omitted: open-ended' })
  @IsNotBefore('recognisedOn', 'validTo must not be before recognisedOn')
  validTo?: string | null;
}

@InputType()
export class KnowledgeValueLoanInput {
  @Field({ description: "借款企业: the borrowing enterprise's credit code (any case)" })
  @IsCreditCode()
  enterpriseCreditCode: string;

  @Field({ description: '贷款银行: the lender' })
  @IsNonBlank(200)
  lender: string;

  @Field(() => DecimalScalar, { description: '贷款金额: amount in yuan, positive' })
  @IsPositiveAmount()
  amount: string;

  @Field(() => DateScalar, { description: '放款日: the day the loan was granted; not after today' })
  @IsNotAfterToday()
  grantedOn: string;
}
