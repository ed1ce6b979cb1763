import { Field, Float, Int, ObjectType } from 'type-graphql';
import { County } from '../county/county';
import { DateScalar } from '../graphql/scalars';
import { IndicatorKind, INDICATOR_KINDS } from './indicator-kind';
import { IndicatorSeriesPoint } from './series-periods';

export interface IndicatorDefinition {
  /** 中文名称 as the plans write it */
  name: string;
  unit: string;
  /** how the actual value is computed on asOf */
  definition: string;
}

const SAME_FALLBACK = 'of the year of asOf, or else of the latest earlier year that reports it (statisticsYear)';

/**
 * What each indicator means. The first eight are the contract's (README "Indicators"); the others are defined
 * here and printed into the schema's description of County.indicators.
 */
export const INDICATOR_DEFINITIONS: Record<IndicatorKind, IndicatorDefinition> = {
  HIGH_VALUE_PATENTS: {
    name: '高价值发明专利拥有量',
    unit: '件',
    definition: 'County.highValuePatentCount(asOf): distinct high-value invention patents attributed to the county on asOf.',
  },
  HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: {
    name: '万人高价值发明专利拥有量',
    unit: '件/万人',
    definition: `high-value count ÷ (常住人口 population ÷ 10,000), population ${SAME_FALLBACK}.`,
  },
  HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: {
    name: '每亿元研发投入高价值发明专利产出',
    unit: '件/亿元',
    definition: `high-value count ÷ (研发经费投入 R&D investment ÷ 100,000,000 yuan), R&D investment ${SAME_FALLBACK}.`,
  },
  HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: {
    name: '每亿元GDP高价值发明专利密度',
    unit: '件/亿元',
    definition: `high-value count ÷ (地区生产总值 GDP ÷ 100,000,000 yuan), GDP ${SAME_FALLBACK}.`,
  },
  SEI_INVENTION_PATENTS: {
    name: '战略性新兴产业发明专利拥有量',
    unit: '件',
    definition: 'invention patents attributed to the county, VALID on asOf, with strategicIndustry set.',
  },
  SEI_INVENTION_PATENT_SHARE: {
    name: '战略性新兴产业发明专利占发明专利拥有量比重',
    unit: '%',
    definition:
      'SEI invention patents ÷ all invention patents attributed to the county and VALID on asOf, × 100. ' +
      'With no valid invention patent the share is undefined: actual is null and missingReason says so.',
  },
  HIGH_TECH_ENTERPRISES: {
    name: '有效期内高新技术企业',
    unit: '家',
    definition: 'enterprises of the county with a HIGH_TECH membership valid on asOf.',
  },
  SPECIALIZED_NEW_ENTERPRISES: {
    name: '累计培育专精特新企业',
    unit: '家',
    definition:
      'enterprises of the county that have ever held a SPECIALIZED_NEW membership starting on or before asOf (cumulative: expired recognitions count).',
  },
  INNOVATION_PLATFORMS: {
    name: '创新平台',
    unit: '个',
    definition:
      "innovation platforms of every kind and level owned by the county's enterprises, recognised on or before asOf and valid on asOf " +
      "(validTo null or asOf ≤ validTo). A platform counts once, in its enterprise's county.",
  },
  NEW_HIGH_VALUE_PATENTS: {
    name: '新增高价值发明专利',
    unit: '件',
    definition:
      'net growth since the plan started: the high-value count on asOf (numerator) minus the high-value count on (startYear − 1)-12-31 ' +
      '(baseline; baselineYear = startYear − 1), both by the rules of the day they are taken on. Not clipped at 0: a net loss shows as a ' +
      'negative actual and met = false, so lapses are not hidden.',
  },
  PLEDGE_FINANCING_AMOUNT: {
    name: '知识产权质押融资登记金额',
    unit: '元',
    definition:
      "sum of the amounts of the pledge financings of the county's enterprises (the pledgor's county) registered from startYear-01-01 " +
      'to asOf inclusive: the registrations of the plan period so far.',
  },
  KNOWLEDGE_VALUE_LOANS: {
    name: '知识价值信用贷款累计',
    unit: '元',
    definition:
      "sum of the knowledge-value credit loans (recordKnowledgeValueLoan) granted to the county's enterprises from startYear-01-01 to asOf inclusive " +
      '(累计 since the plan started).',
  },
  RD_INVESTMENT_GROWTH: {
    name: '全社会研发经费投入年均增长',
    unit: '%',
    definition:
      'compound average annual growth of R&D investment: 100 × ((R_L ÷ R_B)^(1 ÷ (L − B)) − 1), where B = startYear − 1 (baselineYear; ' +
      'R_B = its R&D investment exactly, no fallback: baseline and denominator) and L = the latest year not after the year of asOf that ' +
      'reports R&D investment (statisticsYear; R_L = numerator). Missing when R_B is not reported or no year after B up to asOf is.',
  },
  SEI_OUTPUT_VALUE: {
    name: '战略性新兴产业总产值',
    unit: '元',
    definition: `reported figure CountyStatistics.seiOutputValue, in yuan, ${SAME_FALLBACK}.`,
  },
  IP_SERVICE_AGENCIES: {
    name: '知识产权综合服务机构',
    unit: '家',
    definition: `reported figure CountyStatistics.ipServiceAgencies ${SAME_FALLBACK}.`,
  },
  PATENT_SERVICE_PRACTITIONERS: {
    name: '专利综合服务从业人员',
    unit: '人',
    definition: `reported figure CountyStatistics.patentServicePractitioners ${SAME_FALLBACK}.`,
  },
};

/** The definitions as one text, for the schema's descriptions. */
export const INDICATOR_DEFINITIONS_TEXT = INDICATOR_KINDS.map(
  (kind) => `${kind} ${INDICATOR_DEFINITIONS[kind].name} (${INDICATOR_DEFINITIONS[kind].unit}): ${INDICATOR_DEFINITIONS[kind].definition}`,
).join('\n');

@ObjectType({
  description:
    '指标值: an indicator of the plan in force, evaluated on a day. met = actual ≥ target; progress = actual ÷ target. ' +
    'A target of 0 has no progress (null) and is met by any actual ≥ 0. When a figure is missing, actual, progress and met are null ' +
    'and missingReason names the figure; nothing is ever divided by zero.',
})
export class IndicatorValue {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field({ description: "中文名称: the indicator's name as the plans write it" })
  name: string;

  @Field({ description: '单位: unit of target and actual (件, 件/万人, 件/亿元, %, 家, 个, 元, 人)' })
  unit: string;

  @Field({ description: '口径: how actual is computed (the same text as in County.indicators)' })
  definition: string;

  @Field(() => DateScalar, { description: '评价日: the day it was evaluated on' })
  asOf: string;

  @Field(() => Float, { description: "目标值: the plan's target, in unit" })
  target: number;

  @Field(() => Float, { nullable: true, description: '实际值: null when a figure it needs is missing; missingReason says which' })
  actual: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '完成进度: actual ÷ target (1 = reached); null when actual is null or the target is 0',
  })
  progress: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否达标: actual ≥ target; null when actual is null' })
  met: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: '分子: the count or amount measured (for a ratio, what is divided; for a plain count, the count itself)',
  })
  numerator: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "分母: what the numerator is divided by, in the unit's denominator (万人, 亿元, valid invention patents, base-year R&D investment); null for plain counts and amounts",
  })
  denominator: number | null;

  @Field(() => Int, { nullable: true, description: '统计年度: the statistics year a denominator or reported figure came from' })
  statisticsYear: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '基期值: what a change is measured from (NEW_HIGH_VALUE_PATENTS: the high-value count at the end of baselineYear; RD_INVESTMENT_GROWTH: the R&D investment of baselineYear)',
  })
  baseline: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '基期年度: the year before the plan started, for NEW_HIGH_VALUE_PATENTS and RD_INVESTMENT_GROWTH',
  })
  baselineYear: number | null;

  @Field(() => String, { nullable: true, description: '缺失原因: the missing figure, when actual is null' })
  missingReason: string | null;
}

@ObjectType({ description: '指标年度序列: one indicator of the plan in force, evaluated at the end of each year of the plan period' })
export class IndicatorSeries {
  @Field(() => IndicatorKind, { description: '指标: the indicator kind' })
  kind: IndicatorKind;

  @Field({ description: "中文名称: the indicator's name as the plans write it" })
  name: string;

  @Field({ description: '单位: unit of target and the values' })
  unit: string;

  @Field(() => Float, { description: "目标值: the plan's target, in unit" })
  target: number;

  @Field(() => [IndicatorValue], {
    description:
      'one value per point, oldest first (the values of points): by default per year from startYear to endYear, evaluated on YYYY-12-31, or today for the current year; years after the current year are left out',
  })
  values: IndicatorValue[];

  @Field(() => [IndicatorSeriesPoint], {
    description: '序列点: the same values with their period, and the published report that covers each period, if any',
  })
  points: IndicatorSeriesPoint[];
}

@ObjectType({ description: "指标排名: a county's place among the counties of one parent division by an indicator's progress" })
export class CountyIndicatorRank {
  @Field(() => Int, {
    nullable: true,
    description:
      '名次: 1 for the highest progress (or, by ACTUAL, the highest value); equal values share a rank (1, 2, 2, 4); null when that value is null (listed last)',
  })
  rank: number | null;

  @Field(() => County, { description: '县: the county ranked' })
  county: County;

  @Field(() => IndicatorValue, {
    nullable: true,
    description:
      "null when the plan of the yardstick (the county's own, or the parent's under PARENT_PLAN) sets no target of this kind (or there is no such plan); " +
      'value.target is then the target used',
  })
  value: IndicatorValue | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '实际值: the value ranked by ACTUAL, also when no target of the kind applies; null when a figure is missing or no plan applies',
  })
  actual: number | null;

  @Field(() => Float, { nullable: true, description: "采用目标: the target used (own plan or the parent's); null when none applies" })
  target: number | null;

  @Field(() => Float, { nullable: true, description: '完成进度: actual ÷ the target used; null without one' })
  progress: number | null;

  @Field(() => Int, { nullable: true, description: '统计年度: the statistics year of the denominator or reported figure, if any' })
  statisticsYear: number | null;

  @Field(() => String, { nullable: true, description: '缺失原因: the missing figure, when actual is null' })
  missingReason: string | null;
}

@ObjectType({
  description:
    "规划指标一致性核查: a ratio target of a plan turned into the total it implies with the county's statistics, beside the plan's own total target. " +
    'Targets are minimums, so both can be met by reaching the larger one; but when the implied total differs from the total target by more than ' +
    'the tolerance (10% of the total target) in either direction, the two targets describe different ambitions and one of them is not the real goal: ' +
    'consistent is false and bindingKind names the more demanding one.',
})
export class PlanConsistencyCheck {
  @Field(() => IndicatorKind, {
    description:
      '比率指标: the ratio target: HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, _PER_100M_YUAN_RD, _PER_100M_YUAN_GDP (against HIGH_VALUE_PATENTS) or SEI_INVENTION_PATENT_SHARE (against SEI_INVENTION_PATENTS)',
  })
  ratioKind: IndicatorKind;

  @Field(() => Float, { description: "比率目标值: the plan's ratio target, in the ratio's unit" })
  ratioTarget: number;

  @Field(() => IndicatorKind, { description: '总量指标: the total target it is compared with' })
  totalKind: IndicatorKind;

  @Field(() => Float, { nullable: true, description: "总量目标值: the plan's total target; null when the plan sets none" })
  totalTarget: number | null;

  @Field(() => DateScalar, {
    description:
      '核查基准日: the day the statistics are taken for: the argument asOf, else the end of the plan period or today, whichever is earlier',
  })
  asOf: string;

  @Field(() => Float, {
    nullable: true,
    description:
      '分母: population ÷ 10,000, R&D investment ÷ 1e8 or GDP ÷ 1e8 from the statistics of the year of asOf or the latest earlier year reporting it; for the SEI share, the valid invention patents attributed to the county on asOf ÷ 100',
  })
  denominator: number | null;

  @Field(() => Int, { nullable: true, description: '统计年度: the statistics year the denominator came from (null for the SEI share)' })
  statisticsYear: number | null;

  @Field(() => Float, { nullable: true, description: '推算总量: ratioTarget × denominator' })
  impliedTotal: number | null;

  @Field(() => Float, { nullable: true, description: '差额: impliedTotal − totalTarget' })
  difference: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '相对差额: (impliedTotal − totalTarget) ÷ totalTarget; null when the total target is 0',
  })
  relativeDifference: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否一致: |impliedTotal − totalTarget| ≤ 10% × totalTarget; null when a figure or the total target is missing',
  })
  consistent: boolean | null;

  @Field(() => IndicatorKind, {
    nullable: true,
    description: '约束性指标: the more demanding of the two: ratioKind when impliedTotal > totalTarget, else totalKind',
  })
  bindingKind: IndicatorKind | null;

  @Field(() => String, { nullable: true, description: '缺失原因: what is missing when consistent is null' })
  missingReason: string | null;

  @Field({ description: '说明: the check in one sentence' })
  explanation: string;
}
