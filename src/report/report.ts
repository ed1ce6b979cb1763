import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { CategoryBreakthrough, TargetGap } from '../breakthrough/breakthrough';
import { DateScalar } from '../graphql/scalars';
import { IndicatorValue } from '../indicator/indicator';
import { TaskBoardRow } from '../task/task';

@ObjectType({
  description:
    '指标报送: what a county reported for a period, as it was computed when published — the indicators, the breakthrough summary, ' +
    'the target-gap list and the task board on asOf — with the data cut-off and who published it. Immutable: no mutation changes ' +
    'it and the database refuses an UPDATE or DELETE of it; only an ADMIN may withdraw it (with a reason), and it stays readable.',
})
export class IndicatorReport {
  @Field(() => ID)
  id: number;

  @Field(() => ID, { description: '县: the county code' })
  countyCode: string;

  @Field({ description: '报送期: "2024Q4" (a quarter) or "2024" (a year)' })
  period: string;

  @Field(() => DateScalar, { description: "报送期起: the period's first day" })
  periodStart: string;

  @Field(() => DateScalar, { description: "报送期止: the period's last day" })
  periodEnd: string;

  @Field(() => DateScalar, { description: '评价日: the day the figures were evaluated on (within the period)' })
  asOf: string;

  @Field(() => ID, { nullable: true, description: '规划: the plan in force on asOf when published (Plan.id); null: none' })
  planId: number | null;

  @Field(() => GraphQLISODateTime, {
    description: '数据截止时间: the moment the figures were read: writes committed later are not in the report',
  })
  dataCutoff: Date;

  @Field(() => GraphQLISODateTime, { description: '发布时间: when it was published' })
  publishedAt: Date;

  @Field({ description: '发布人: the subject of the credentials that published it' })
  publishedBy: string;

  @Field({ description: "发布人角色: the publisher's role (ADMIN or EDITOR)" })
  publishedRole: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '撤回时间: when an ADMIN withdrew it; null: in force' })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤回人: who withdrew it' })
  withdrawnBy: string | null;

  @Field(() => String, { nullable: true, description: '撤回原因: why it was withdrawn' })
  withdrawalReason: string | null;

  @Field(() => [IndicatorValue], { description: "主要指标: County.indicators(asOf) as it was, in the enum's order" })
  indicators: IndicatorValue[];

  @Field(() => [CategoryBreakthrough], { description: '两个突破: County.breakthroughSummary(asOf) as it was' })
  breakthroughSummary: CategoryBreakthrough[];

  @Field(() => [TargetGap], {
    description:
      "企业目标差距清单: every row of targetGaps(countyCode, asOf) as it was, in its order (the enterprise's name and credit code as reported; its other fields are read live)",
  })
  targetGaps: TargetGap[];

  @Field(() => [TaskBoardRow], { description: '任务看板: Plan.taskBoard(asOf) of the plan in force, as it was' })
  taskBoard: TaskBoardRow[];
}
