import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { IsNonBlank, IsNotBefore } from '../graphql/rules';
import { DateScalar } from '../graphql/scalars';
import { InnovationPlatformLevel } from '../indicator/innovation-platform';
import { IndicatorKind } from '../indicator/indicator-kind';

/** The level of a 专精特新 recognition (issue 15). */
export enum SpecializedNewLevel {
  MUNICIPAL = 'MUNICIPAL',
  NATIONAL_LITTLE_GIANT = 'NATIONAL_LITTLE_GIANT',
}

registerEnumType(SpecializedNewLevel, {
  name: 'SpecializedNewLevel',
  description: '专精特新级别: the level of a SPECIALIZED_NEW membership',
  valuesConfig: {
    MUNICIPAL: { description: '市级专精特新中小企业: recognised by the municipality' },
    NATIONAL_LITTLE_GIANT: { description: '国家级专精特新"小巨人"企业: recognised by the Ministry of Industry and Information Technology' },
  },
});

export enum RecognitionKind {
  IP_DEMONSTRATION = 'IP_DEMONSTRATION',
  IP_ADVANTAGE = 'IP_ADVANTAGE',
  OTHER = 'OTHER',
}

registerEnumType(RecognitionKind, {
  name: 'RecognitionKind',
  description: '企业荣誉认定: recognitions the plans name besides the three categories',
  valuesConfig: {
    IP_DEMONSTRATION: { description: '知识产权示范企业: IP demonstration enterprise' },
    IP_ADVANTAGE: { description: '知识产权优势企业: IP advantage enterprise' },
    OTHER: { description: '其他: another recognition (its name says which)' },
  },
});

@ObjectType({ description: '企业荣誉认定: a recognition of an enterprise (知识产权示范企业, 优势企业, …)' })
export class EnterpriseRecognition {
  @Field(() => RecognitionKind)
  kind: RecognitionKind;

  @Field({ description: '名称: as the list names it, e.g. 国家知识产权示范企业' })
  name: string;

  @Field(() => InnovationPlatformLevel)
  level: InnovationPlatformLevel;

  @Field(() => DateScalar)
  recognisedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'last day; null: open-ended' })
  validTo: string | null;

  enterpriseId: number;
}

@InputType()
export class EnterpriseRecognitionInput {
  @Field(() => RecognitionKind)
  kind: RecognitionKind;

  @Field({ description: 'at most 200 characters' })
  @IsNonBlank(200)
  name: string;

  @Field(() => InnovationPlatformLevel)
  level: InnovationPlatformLevel;

  @Field(() => DateScalar)
  recognisedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @IsNotBefore('recognisedOn', 'validTo must not be before recognisedOn')
  validTo?: string | null;
}

@ObjectType({ description: '产业集群: one of a county\'s industry clusters (垫江 "4+1": 智能装备、新材料、消费品、医药健康、数字产业)' })
export class IndustryCluster {
  @Field()
  name: string;

  @Field(() => Int, { description: "its place in the county's list, from 1" })
  position: number;
}

@ObjectType({ description: '分产业集群两个突破: the breakthrough summary of one category among the enterprises of one cluster' })
export class ClusterBreakthrough {
  @Field(() => String, { nullable: true, description: 'the cluster; null: enterprises of no cluster' })
  cluster: string | null;

  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int, { description: 'the lowest target applied to them' })
  lowestTarget: number;

  @Field(() => Int, { description: 'the highest target applied to them' })
  highestTarget: number;

  @Field(() => Int)
  enterpriseCount: number;

  @Field(() => Int)
  metCount: number;

  @Field(() => Int)
  totalGap: number;
}

@ObjectType({
  description:
    '分产业集群指标: a count or amount of one cluster on a day. Patents count in the cluster of their first enterprise patentee, ' +
    "enterprises, platforms, pledges and loans in their enterprise's; each once",
})
export class ClusterIndicatorValue {
  @Field(() => String, { nullable: true, description: 'the cluster; null: of no cluster' })
  cluster: string | null;

  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => Float, { description: 'in the unit of the kind (件, 家, 个)' })
  value: number;
}
