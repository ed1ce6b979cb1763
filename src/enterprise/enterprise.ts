import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../graphql/scalars';
import { ConnectionType } from '../graphql/pagination';
import { EnterpriseCategory } from './enterprise-category';

@Entity('enterprise')
@ObjectType({ description: '企业: an enterprise (patentee) of a county' })
export class Enterprise {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id: number;

  @Column({ name: 'credit_code', type: 'text' })
  @Field({ description: '统一社会信用代码: unified social credit code, 18 characters' })
  creditCode: string;

  @Column('text')
  @Field({ description: '企业名称: name' })
  name: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column('int')
  @Field(() => Int, {
    description:
      '版本: raised by each change to the enterprise or its memberships; send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@Entity('enterprise_membership')
@ObjectType({ description: '企业类别认定: a recognition of an enterprise in a category, for a period' })
export class CategoryMembership {
  @PrimaryGeneratedColumn()
  @Field(() => ID, {
    description: "the membership's id (deleteMembership, restoreMembership); a list replaced by upsertEnterprise gets new ids",
  })
  id: number;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId: number;

  @Column('text')
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Column({ name: 'valid_from', type: 'date' })
  @Field(() => DateScalar, { description: 'first day of validity' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'last day of validity; null: open-ended' })
  validTo: string | null;

  @Column('int')
  @Field(() => Int, { description: '版本: raised when the membership is deleted or restored' })
  version: number;
}

export const EnterpriseConnection = ConnectionType('Enterprise', Enterprise);
