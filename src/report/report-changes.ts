import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CategoryBreakthrough } from '../breakthrough/breakthrough';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { DateScalar } from '../graphql/scalars';
import { IndicatorValue } from '../indicator/indicator';
import { IndicatorKind } from '../indicator/indicator-kind';

export enum ChangeCauseKind {
  LAPSE_RECORDED_RETROACTIVELY = 'LAPSE_RECORDED_RETROACTIVELY',
  IMPORTED_AFTER_CUTOFF = 'IMPORTED_AFTER_CUTOFF',
  ENTERED_AFTER_CUTOFF = 'ENTERED_AFTER_CUTOFF',
  CHANGED_AFTER_CUTOFF = 'CHANGED_AFTER_CUTOFF',
  REMOVED_AFTER_CUTOFF = 'REMOVED_AFTER_CUTOFF',
}

registerEnumType(ChangeCauseKind, {
  name: 'ChangeCauseKind',
  description: "变动原因: what the history shows happened after a report's data cut-off",
  valuesConfig: {
    LAPSE_RECORDED_RETROACTIVELY: {
      description: "追溯失效: a lapse recorded after the cut-off with a lapse date on or before the report's asOf (e.g. an unpaid annuity)",
    },
    IMPORTED_AFTER_CUTOFF: {
      description: '截止后导入: rows imported after the cut-off (npm run import or an import mutation); patents only when granted by asOf',
    },
    ENTERED_AFTER_CUTOFF: { description: '截止后录入: rows entered one by one after the cut-off; patents only when granted by asOf' },
    CHANGED_AFTER_CUTOFF: { description: '截止后修改: rows changed after the cut-off (values, deletion or restoration)' },
    REMOVED_AFTER_CUTOFF: { description: '截止后移除: items of a list removed after the cut-off (memberships, owners, targets, …)' },
  },
});

@ObjectType({ description: '变动原因: a group of changes after the cut-off that can move the figures' })
export class ChangeCause {
  @Field(() => ChangeCauseKind)
  cause: ChangeCauseKind;

  @Field({ description: 'what changed, as HistoryEntry.part names it: patent, membership, statistics, …' })
  part: string;

  @Field(() => Int, { description: '条数: how many history entries' })
  count: number;

  @Field(() => [String], { description: "记录: the records' keys (application numbers, credit codes, …), at most 10, in order" })
  recordKeys: string[];

  @Field(() => GraphQLISODateTime, { description: 'the first of these changes' })
  firstAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'the last of these changes' })
  lastAt: Date;

  @Field({ description: '说明: the cause in one sentence' })
  description: string;
}

@ObjectType({ description: '指标变动: an indicator whose reported value differs from the live one for the same asOf' })
export class IndicatorChange {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field({ description: '中文名称' })
  name: string;

  @Field(() => IndicatorValue, { nullable: true, description: '报送值: as reported; null when the report has no such row' })
  reported: IndicatorValue | null;

  @Field(() => IndicatorValue, {
    nullable: true,
    description: '现值: as computed now for the same asOf; null when the plan no longer sets it',
  })
  live: IndicatorValue | null;

  @Field(() => Float, { nullable: true, description: '差值: live actual − reported actual; null when either is null' })
  difference: number | null;

  @Field(() => [ChangeCause], { description: '原因: the causes of the history that can move this indicator' })
  causes: ChangeCause[];
}

@ObjectType({ description: '两个突破变动: a category whose reported summary differs from the live one for the same asOf' })
export class BreakthroughChange {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => CategoryBreakthrough, { nullable: true })
  reported: CategoryBreakthrough | null;

  @Field(() => CategoryBreakthrough, { nullable: true })
  live: CategoryBreakthrough | null;

  @Field(() => [ChangeCause], { description: '原因: the causes of the history that can move the breakthrough figures' })
  causes: ChangeCause[];
}

@ObjectType({
  description:
    '与现值比较: a report beside the live figures of its county for the same asOf, naming what moved and, from the history, why (the ' +
    "changes of transactions the report's data cut-off did not see). History is read by an ADMIN only: for other callers causes are " +
    'empty and causesShown is false.',
})
export class ReportChanges {
  @Field(() => DateScalar, { description: "the report's asOf, the day both are evaluated on" })
  asOf: string;

  @Field({ description: '一致: nothing moved (no indicator and no breakthrough category differs)' })
  unchanged: boolean;

  @Field(() => [IndicatorChange], { description: "the indicators that moved, in the enum's order" })
  indicators: IndicatorChange[];

  @Field(() => [BreakthroughChange], { description: "the breakthrough categories that moved, in the enum's order" })
  breakthrough: BreakthroughChange[];

  @Field(() => [ChangeCause], { description: 'every cause found after the cut-off, whatever it moved' })
  causes: ChangeCause[];

  @Field({ description: 'whether the history could be read (ADMIN callers)' })
  causesShown: boolean;
}
