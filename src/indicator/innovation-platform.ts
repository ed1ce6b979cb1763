import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';

export enum InnovationPlatformKind {
  ENTERPRISE_TECHNOLOGY_CENTER = 'ENTERPRISE_TECHNOLOGY_CENTER',
  ENGINEERING_TECHNOLOGY_CENTER = 'ENGINEERING_TECHNOLOGY_CENTER',
  KEY_LABORATORY = 'KEY_LABORATORY',
  OTHER = 'OTHER',
}

export enum InnovationPlatformLevel {
  COUNTY = 'COUNTY',
  MUNICIPAL = 'MUNICIPAL',
  NATIONAL = 'NATIONAL',
}

registerEnumType(InnovationPlatformKind, {
  name: 'InnovationPlatformKind',
  description: '创新平台类型: the kind of an innovation platform (plan task 2: 企业技术研发中心、工程技术中心等创新平台)',
  valuesConfig: {
    ENTERPRISE_TECHNOLOGY_CENTER: { description: '企业技术中心 (企业研发机构): enterprise technology (R&D) center' },
    ENGINEERING_TECHNOLOGY_CENTER: { description: '工程技术研究中心: engineering technology research center' },
    KEY_LABORATORY: { description: '重点实验室: key laboratory' },
    OTHER: { description: '其他创新平台: any other recognised platform (新型研发机构, 院士专家工作站, …)' },
  },
});

registerEnumType(InnovationPlatformLevel, {
  name: 'InnovationPlatformLevel',
  description: '认定级别: the level of government that recognised a platform',
  valuesConfig: {
    COUNTY: { description: '县级: recognised by the county' },
    MUNICIPAL: { description: '市级: recognised by the city or municipality (e.g. 重庆市)' },
    NATIONAL: { description: '国家级: recognised by a national authority' },
  },
});

@ObjectType({ description: '创新平台: an innovation platform of an enterprise, recognised on a day, valid until validTo' })
export class InnovationPlatform {
  @Field(() => ID)
  id: number;

  enterpriseId: number;

  @Field({ description: '平台名称: name, unique per enterprise' })
  name: string;

  @Field(() => InnovationPlatformKind, { description: '平台类型: kind' })
  kind: InnovationPlatformKind;

  @Field(() => InnovationPlatformLevel, { description: '认定级别: level' })
  level: InnovationPlatformLevel;

  @Field(() => DateScalar, { description: '认定日期: the day it was recognised (counts from this day on)' })
  recognisedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至: last day it counts (revoked or not re-evaluated); null: open-ended' })
  validTo: string | null;

  @Field(() => Int, { description: '版本: raised by each change; send it back as expectedVersion to refuse overwriting a newer change' })
  version: number;
}
