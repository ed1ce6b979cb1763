import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { DecimalScalar } from '../graphql/scalars';
import { IndicatorKind } from '../indicator/indicator-kind';

@ObjectType({ description: "高价值发明专利质量提升行动方案: a county's multi-year plan" })
export class Plan {
  @Field(() => ID)
  id: number;

  @Field(() => ID)
  countyCode: string;

  @Field({ description: '标题: title' })
  title: string;

  @Field(() => Int, { description: 'first year; the plan is in force from this year until a newer plan starts' })
  startYear: number;

  @Field(() => Int, { description: 'last year of the plan period (its ending does not retire the plan)' })
  endYear: number;

  @Field(() => DecimalScalar, {
    description: '较高质押融资金额: a pledge registration of at least this amount makes its patents high-value (HIGH_PLEDGE_FINANCING)',
  })
  highPledgeThreshold: string;

  @Field(() => Float, {
    nullable: true,
    description:
      '知识产权质押融资贴息比例: the share of the pledge-loan interest an enterprise paid in a year that the plan subsidises, ' +
      'as a fraction (0.5 = 50%, at most 4 decimals); null: the plan sets no interest subsidy',
  })
  pledgeInterestSubsidyRate: number | null;

  @Field(() => Int, {
    description:
      '版本: raised by each change to the plan or its targets; send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@ObjectType({ description: '两个突破: the per-enterprise target of a category' })
export class BreakthroughTarget {
  planId: number;

  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int, { description: 'each enterprise of the category must own at least this many high-value invention patents' })
  minHighValuePatents: number;
}

@ObjectType({ description: '主要指标目标: a quantitative target of the plan' })
export class IndicatorTarget {
  planId: number;

  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => Float, { description: 'in the unit of the kind (see IndicatorKind)' })
  target: number;
}
