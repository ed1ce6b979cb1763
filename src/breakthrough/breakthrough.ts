import { Field, Int, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { ConnectionType } from '../graphql/pagination';

@ObjectType({ description: "目标差距: how far one enterprise is from its category's breakthrough target on a day" })
export class TargetGap {
  @Field(() => Enterprise)
  enterprise: Enterprise;

  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int, { description: "the plan's minimum of high-value invention patents for the category" })
  target: number;

  @Field(() => Int, { description: 'high-value invention patents the enterprise owns on asOf, alone or jointly' })
  current: number;

  @Field(() => Int, { description: 'max(0, target - current)' })
  gap: number;

  @Field({ description: 'current >= target' })
  met: boolean;
}

@ObjectType({ description: '两个突破 summary of one category of a county on a day' })
export class CategoryBreakthrough {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int, {
    description:
      "the plan's minimum of high-value invention patents for the category; for a division with counties below it, its own plan's " +
      'target when it sets one, else highestTarget',
  })
  target: number;

  @Field(() => Int, {
    description: 'the lowest target any enterprise counted here is measured against (= target for a county without counties below it)',
  })
  lowestTarget: number;

  @Field(() => Int, { description: 'the highest target any enterprise counted here is measured against' })
  highestTarget: number;

  @Field(() => Int, {
    description: 'enterprises of the county (and of the counties below it) whose membership of the category is valid on asOf',
  })
  enterpriseCount: number;

  @Field(() => Int, { description: 'those that meet the target' })
  metCount: number;

  @Field(() => Int, { description: 'sum of the gaps of those enterprises' })
  totalGap: number;
}

export const TargetGapConnection = ConnectionType('TargetGap', TargetGap);
