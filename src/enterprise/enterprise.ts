import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { ConnectionType } from '../graphql/pagination';
import { EnterpriseCategory } from './enterprise-category';
import { SpecializedNewLevel } from '../enterprise-tags/enterprise-tags';

@ObjectType({ description: '企业: an enterprise (patentee) of a county', simpleResolvers: true })
export class Enterprise {
  @Field(() => ID)
  id: number;

  @Field({ description: '统一社会信用代码: unified social credit code, 18 characters' })
  creditCode: string;

  @Field({ description: '企业名称: name' })
  name: string;

  countyCode: string;

  @Field(() => Int, {
    description:
      '版本: raised by each change to the enterprise or its memberships; send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@ObjectType({ description: '企业类别认定: a recognition of an enterprise in a category, for a period' })
export class CategoryMembership {
  @Field(() => ID, {
    description: "the membership's id (deleteMembership, restoreMembership); a list replaced by upsertEnterprise gets new ids",
  })
  id: number;

  enterpriseId: number;

  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => DateScalar, { description: 'first day of validity' })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'last day of validity; null: open-ended' })
  validTo: string | null;

  @Field(() => SpecializedNewLevel, { nullable: true, description: '专精特新级别 (SPECIALIZED_NEW only); null: not said' })
  level: SpecializedNewLevel | null;

  @Field(() => Int, { description: '版本: raised when the membership is deleted or restored' })
  version: number;
}

export const EnterpriseConnection = ConnectionType('Enterprise', Enterprise);
