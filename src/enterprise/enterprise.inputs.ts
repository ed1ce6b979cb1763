import { ArrayUnique, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsCountyCode, IsCreditCode, IsNonBlank, IsNotBefore, IsShortList } from '../graphql/rules';
import { DateScalar } from '../graphql/scalars';
import { EnterpriseCategory } from './enterprise-category';
import { Rule } from '../graphql/validation';
import { EnterpriseRecognitionInput, SpecializedNewLevel } from '../enterprise-tags/enterprise-tags';

@InputType()
export class CategoryMembershipInput {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => DateScalar)
  validFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'last day of validity. Omitted: HIGH_TECH and SPECIALIZED_NEW last three years (validFrom + 3 years − 1 day); LISTED_CULTIVATION is open-ended',
  })
  @IsNotBefore('validFrom', 'validTo must not be before validFrom')
  validTo?: string | null;

  @Field(() => SpecializedNewLevel, {
    nullable: true,
    description: '专精特新级别: for SPECIALIZED_NEW only — MUNICIPAL (市级) or NATIONAL_LITTLE_GIANT (国家级"小巨人"); null: not said',
  })
  @Rule((level: SpecializedNewLevel | null, membership: CategoryMembershipInput) =>
    level && membership.category !== EnterpriseCategory.SPECIALIZED_NEW
      ? `a level is for SPECIALIZED_NEW only, not ${membership.category}`
      : null,
  )
  level?: SpecializedNewLevel | null;
}

@InputType()
export class EnterpriseInput {
  @Field({ description: '统一社会信用代码; lower case is accepted and upper-cased' })
  @IsCreditCode()
  creditCode: string;

  @Field(() => ID)
  @IsCountyCode()
  countyCode: string;

  @Field()
  @IsNonBlank(200)
  name: string;

  @Field(() => [CategoryMembershipInput], { description: "replaces the enterprise's memberships; at most 100" })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique((m: CategoryMembershipInput) => `${m.category} ${m.validFrom}`, {
    message: 'lists the same category with the same validFrom twice',
  })
  memberships: CategoryMembershipInput[];

  @Field(() => String, {
    nullable: true,
    description: "产业集群: one of the county's industry clusters (County.industryClusters); null clears it; not given: kept",
  })
  industryCluster?: string | null;

  @Field(() => [EnterpriseRecognitionInput], {
    nullable: true,
    description: '荣誉认定: 知识产权示范企业, 优势企业, …; at most 100; replaces them when given',
  })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique((r: EnterpriseRecognitionInput) => `${r.name} ${r.recognisedOn}`, { message: 'lists the same recognition twice' })
  recognitions?: EnterpriseRecognitionInput[] | null;
}

@InputType()
export class EnterpriseFilter {
  @Field(() => EnterpriseCategory, { nullable: true, description: 'only enterprises whose membership of this category is valid on asOf' })
  category?: EnterpriseCategory | null;

  @Field(() => String, { nullable: true, description: 'case-insensitive part of the name' })
  nameContains?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'the day category membership is judged on (default: today)' })
  asOf?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'only enterprises with a membership (of category, when given) whose validTo is on or after this day',
  })
  validToFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'only enterprises with a membership (of category, when given) whose validTo is on or before this day; not before validToFrom',
  })
  @IsNotBefore('validToFrom', 'validToUntil must not be before validToFrom')
  validToUntil?: string | null;
}
