import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../graphql/scalars';

@ObjectType({
  description: '知识价值信用贷款: a knowledge-value credit loan granted to an enterprise (重庆 知识价值信用贷款改革), without a pledge',
})
export class KnowledgeValueLoan {
  @Field(() => ID)
  id: number;

  enterpriseId: number;

  @Field({ description: '贷款银行: the lender' })
  lender: string;

  @Field(() => DecimalScalar, { description: '贷款金额: amount granted, in yuan' })
  amount: string;

  @Field(() => DateScalar, { description: '放款日: the day the loan was granted' })
  grantedOn: string;

  @Field(() => Int, { description: '版本: raised by each change' })
  version: number;
}
