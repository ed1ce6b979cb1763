import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayUnique, ValidateNested } from 'class-validator';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { IsCountyCode, IsNonBlank, IsPositiveAmount, IsYear } from '../graphql/rules';
import { DecimalScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';
import { IndicatorKind } from '../indicator/indicator-kind';
import { measureNumber, SupportMeasureInput } from '../support/support-measure';

@InputType()
export class BreakthroughTargetInput {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int)
  @Rule((n: number) => (n >= 1 ? null : `must be at least 1, got ${n}`))
  minHighValuePatents: number;
}

@InputType()
export class IndicatorTargetInput {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => Float)
  @Rule((n: number) => (Number.isFinite(n) && n >= 0 ? null : `must not be negative, got ${n}`))
  target: number;
}

@InputType()
export class PlanInput {
  @Field(() => ID)
  @IsCountyCode()
  countyCode: string;

  @Field()
  @IsNonBlank()
  title: string;

  @Field(() => Int)
  @IsYear()
  startYear: number;

  @Field(() => Int)
  @Rule((end: number, plan: PlanInput) => (end >= plan.startYear ? null : `must not be before startYear ${plan.startYear}, got ${end}`))
  endYear: number;

  @Field(() => [BreakthroughTargetInput], { description: "replaces the plan's breakthrough targets; one per category at most" })
  @ValidateNested()
  @ArrayUnique((t: BreakthroughTargetInput) => t.category, { message: 'names a category twice' })
  breakthroughTargets: BreakthroughTargetInput[];

  @Field(() => DecimalScalar, { description: 'a pledge of at least this amount, in yuan, makes its patents high-value' })
  @IsPositiveAmount()
  highPledgeThreshold: string;

  @Field(() => [IndicatorTargetInput], { nullable: true, description: "replaces the plan's indicator targets when given" })
  @ValidateNested()
  @ArrayUnique((t: IndicatorTargetInput) => t.kind, { message: 'names an indicator kind twice' })
  indicatorTargets?: IndicatorTargetInput[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '知识产权质押融资贴息比例: fraction of the pledge-loan interest subsidised, 0 to 1, at most 4 decimals; ' +
      'not given: an existing plan keeps its rate (a new plan has none); null: the plan sets no interest subsidy',
  })
  @Rule((rate: number | null) => (rate === null ? null : subsidyRateProblem(rate)))
  pledgeInterestSubsidyRate?: number | null;

  @Field(() => [SupportMeasureInput], {
    nullable: true,
    description: "支持措施: replaces the plan's support measures when given, in the plan's order; each number once",
  })
  @ValidateNested()
  @ArrayUnique((m: SupportMeasureInput) => measureNumber(m.number) ?? m.number, { message: 'names a measure number twice' })
  supportMeasures?: SupportMeasureInput[] | null;
}

function subsidyRateProblem(rate: number): string | null {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) return `must be a fraction from 0 to 1, got ${rate}`;
  return Math.abs(rate * 10000 - Math.round(rate * 10000)) < 1e-6 ? null : `must have at most 4 decimals, got ${rate}`;
}
