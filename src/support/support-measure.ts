import { ArrayNotEmpty, ArrayUnique, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsNonBlank, IsPositiveAmount } from '../graphql/rules';
import { DecimalScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';
import { AwardKind } from '../patent/patent-enums';
import { OverseasRoute } from '../patent/overseas-route';

export enum SupportMeasureKind {
  CHINA_PATENT_AWARD_REWARD = 'CHINA_PATENT_AWARD_REWARD',
  FOREIGN_GRANT_SUBSIDY = 'FOREIGN_GRANT_SUBSIDY',
  TITLE_ELIGIBILITY = 'TITLE_ELIGIBILITY',
  PLEDGE_INTEREST_SUBSIDY = 'PLEDGE_INTEREST_SUBSIDY',
  GENERIC = 'GENERIC',
}

registerEnumType(SupportMeasureKind, {
  name: 'SupportMeasureKind',
  description: '支持措施类型: what a support measure of a plan gives, and so how its eligibility is computed',
  valuesConfig: {
    CHINA_PATENT_AWARD_REWARD: {
      description:
        "中国专利奖奖励: the patentees (enterprises) of the county's patents that won one of awardKinds in the year; at most maxAmount per award " +
        '(or the amount of maxAmountsByAward for its kind)',
    },
    FOREIGN_GRANT_SUBSIDY: {
      description:
        "国外发明专利授权资助: the patentees of the county's invention patents granted abroad in the year by one of routes (PARIS, PCT)",
    },
    TITLE_ELIGIBILITY: {
      description:
        "职称评定支持: inventors of the county's patents — 正高级 (SENIOR) with an award of awardKinds (gold, excellence) up to the year; " +
        '副高级 (ASSOCIATE) with minChineseGrants Chinese invention grants, or minForeignGrants foreign grants of inventions, up to the year ' +
        'and each of those patents commercialised (已转化运营) by the end of the year',
    },
    PLEDGE_INTEREST_SUBSIDY: {
      description: "质押融资贴息: the interest subsidy of Enterprise.interestSubsidies, at the plan's pledgeInterestSubsidyRate",
    },
    GENERIC: {
      description: '其他: a measure that says 按有关政策给予资助 (support as the relevant policies provide): shown, not computed',
    },
  },
});

@ObjectType({ description: '奖项奖励上限: the most a measure pays for one award of a kind' })
export class AwardAmount {
  @Field(() => AwardKind)
  awardKind: AwardKind;

  @Field(() => DecimalScalar, { description: 'yuan' })
  maxAmount: string;
}

@ObjectType({ description: "支持措施: one measure of a plan's 三、支持措施, with its kind and the parameters the kind reads" })
export class SupportMeasure {
  planId: number;

  @Field({ description: '序号: its number in the plan, e.g. "(五)"' })
  number: string;

  @Field(() => Int, { description: 'its place in the plan (1 for (一))' })
  position: number;

  @Field({ description: '条文: the text of the measure as the plan states it' })
  text: string;

  @Field(() => String, { nullable: true, description: '责任单位: the responsible units, as the plan names them' })
  responsibleUnits: string | null;

  @Field(() => SupportMeasureKind)
  kind: SupportMeasureKind;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '最高金额: the most paid per award (CHINA_PATENT_AWARD_REWARD), in yuan; null: none named',
  })
  maxAmount: string | null;

  @Field(() => [AwardAmount], { description: 'per award kind, where the county differentiates (else empty: maxAmount for every award)' })
  maxAmountsByAward: AwardAmount[];

  @Field(() => [AwardKind], {
    description: 'the awards that count: for CHINA_PATENT_AWARD_REWARD those rewarded, for TITLE_ELIGIBILITY those that support 正高级',
  })
  awardKinds: AwardKind[];

  @Field(() => [OverseasRoute], { description: 'FOREIGN_GRANT_SUBSIDY: the routes of a foreign grant that qualify' })
  routes: OverseasRoute[];

  @Field(() => Int, { nullable: true, description: 'TITLE_ELIGIBILITY: Chinese invention grants (commercialised) that support 副高级' })
  minChineseGrants: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'TITLE_ELIGIBILITY: foreign invention grants (of commercialised patents) that support 副高级',
  })
  minForeignGrants: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "PLEDGE_INTEREST_SUBSIDY: the plan's pledgeInterestSubsidyRate (0.5 = 50%); null for other kinds",
  })
  rate: number | null;
}

@InputType()
export class AwardAmountInput {
  @Field(() => AwardKind)
  awardKind: AwardKind;

  @Field(() => DecimalScalar, { description: 'yuan, positive' })
  @IsPositiveAmount()
  maxAmount: string;
}

const NUMERALS = '一二三四五六七八九十';

/** "(五)", "（五）", "五" → "(五)"; null when it is not a Chinese ordinal in brackets. */
export function measureNumber(text: string): string | null {
  const inner = text
    .normalize('NFKC')
    .trim()
    .replace(/^\((.*)\)$/, '$1');
  return inner !== '' && [...inner].every((c) => NUMERALS.includes(c)) ? `(${inner})` : null;
}

/** The parameters of each kind; a parameter given for another kind is refused. */
const PARAMETERS: Record<SupportMeasureKind, string[]> = {
  CHINA_PATENT_AWARD_REWARD: ['maxAmount', 'maxAmountsByAward', 'awardKinds'],
  FOREIGN_GRANT_SUBSIDY: ['routes'],
  TITLE_ELIGIBILITY: ['awardKinds', 'minChineseGrants', 'minForeignGrants'],
  PLEDGE_INTEREST_SUBSIDY: [],
  GENERIC: [],
};
const ALL_PARAMETERS = ['maxAmount', 'maxAmountsByAward', 'awardKinds', 'routes', 'minChineseGrants', 'minForeignGrants'] as const;

@InputType({ description: '支持措施: one measure of the plan; parameters only of its kind' })
export class SupportMeasureInput {
  @Field({ description: '序号: "(五)" (full-width brackets or none accepted)' })
  @Rule((number: string) => (measureNumber(number) ? null : `must be a Chinese ordinal in brackets such as "(五)", got "${number}"`))
  number: string;

  @Field({ description: '条文: the text as the plan states it' })
  @IsNonBlank(2000)
  text: string;

  @Field(() => String, { nullable: true, description: '责任单位' })
  @IsNonBlank(200)
  responsibleUnits?: string | null;

  @Field(() => SupportMeasureKind)
  @Rule((kind: SupportMeasureKind, input: SupportMeasureInput) => {
    const foreign = ALL_PARAMETERS.filter((p) => input[p] !== undefined && input[p] !== null && !PARAMETERS[kind].includes(p));
    if (foreign.length > 0) return `${kind} takes no ${foreign.join(', ')}`;
    if (kind === SupportMeasureKind.FOREIGN_GRANT_SUBSIDY && !input.routes?.length) return `${kind} needs routes (e.g. PARIS, PCT)`;
    return null;
  })
  kind: SupportMeasureKind;

  @Field(() => DecimalScalar, { nullable: true, description: 'CHINA_PATENT_AWARD_REWARD: the most per award, yuan' })
  @IsPositiveAmount()
  maxAmount?: string | null;

  @Field(() => [AwardAmountInput], { nullable: true, description: 'CHINA_PATENT_AWARD_REWARD: the most per award of a kind' })
  @ValidateNested()
  @ArrayUnique((a: AwardAmountInput) => a.awardKind, { message: 'names an award kind twice' })
  maxAmountsByAward?: AwardAmountInput[] | null;

  @Field(() => [AwardKind], {
    nullable: true,
    description:
      'the awards that count; default: gold, silver and excellence (CHINA_PATENT_AWARD_REWARD), gold and excellence (TITLE_ELIGIBILITY)',
  })
  @ArrayNotEmpty()
  @ArrayUnique()
  awardKinds?: AwardKind[] | null;

  @Field(() => [OverseasRoute], { nullable: true, description: 'FOREIGN_GRANT_SUBSIDY: the routes that qualify' })
  @ArrayUnique()
  routes?: OverseasRoute[] | null;

  @Field(() => Int, { nullable: true, description: 'TITLE_ELIGIBILITY: default 3' })
  @Rule((n: number) => (n >= 1 ? null : `must be at least 1, got ${n}`))
  minChineseGrants?: number | null;

  @Field(() => Int, { nullable: true, description: 'TITLE_ELIGIBILITY: default 2' })
  @Rule((n: number) => (n >= 1 ? null : `must be at least 1, got ${n}`))
  minForeignGrants?: number | null;
}

export const DEFAULT_AWARD_KINDS: Partial<Record<SupportMeasureKind, AwardKind[]>> = {
  CHINA_PATENT_AWARD_REWARD: [AwardKind.CHINA_PATENT_GOLD, AwardKind.CHINA_PATENT_SILVER, AwardKind.CHINA_PATENT_EXCELLENCE],
  TITLE_ELIGIBILITY: [AwardKind.CHINA_PATENT_GOLD, AwardKind.CHINA_PATENT_EXCELLENCE],
};
