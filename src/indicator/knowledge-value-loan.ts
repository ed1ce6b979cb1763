import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '../graphql/scalars';

@Entity('knowledge_value_loan')
@ObjectType({
  description: '知识价值信用贷款: a knowledge-value credit loan granted to an enterprise (重庆 知识价值信用贷款改革), without a pledge',
})
export class KnowledgeValueLoan {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id: number;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId: number;

  @Column('text')
  @Field({ description: '贷款银行: the lender' })
  lender: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '贷款金额: amount granted, in yuan' })
  amount: string;

  @Column({ name: 'granted_on', type: 'date' })
  @Field(() => DateScalar, { description: '放款日: the day the loan was granted' })
  grantedOn: string;

  @Column('int')
  @Field(() => Int, { description: '版本: raised by each change' })
  version: number;
}
