import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { IndicatorValue } from '../indicator/indicator';
import { IndicatorKind } from '../indicator/indicator-kind';

export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  DONE = 'DONE',
}

export const TASK_STATUSES = Object.values(TaskStatus);

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: '任务进展状态: how a unit reports a key task stands',
  valuesConfig: {
    NOT_STARTED: { description: '未启动: not started' },
    ON_TRACK: { description: '按计划推进: on track' },
    AT_RISK: { description: '进度滞后 / 存在风险: behind or at risk' },
    DONE: { description: '已完成: done' },
  },
});

export enum TaskUnitRole {
  RESPONSIBLE = 'RESPONSIBLE',
  COOPERATING = 'COOPERATING',
}

registerEnumType(TaskUnitRole, {
  name: 'TaskUnitRole',
  description: '单位职责: what the plan asks of a unit for a task',
  valuesConfig: {
    RESPONSIBLE: { description: '责任单位: responsible unit' },
    COOPERATING: { description: '配合单位: cooperating unit' },
  },
});

@ObjectType({
  description:
    "单位: a unit of a county that a plan's key tasks name (责任单位 / 配合单位), e.g. 县市场监管局; per county, by the name the plan gives it",
})
export class PlanUnit {
  @Field(() => ID)
  id: number;

  @Field(() => ID, { description: '县: the county code' })
  countyCode: string;

  @Field({ description: '名称: the name as the plan writes it' })
  name: string;
}

@ObjectType({ description: '重点任务: a key task of a plan (二、重点任务), as the plan writes it' })
export class PlanTask {
  @Field(() => ID)
  id: number;

  planId: number;
  countyCode: string;

  @Field({ description: '部分: the section it belongs to, as numbered in the plan, e.g. "(一)"' })
  section: string;

  @Field({ description: '部分标题: the title of its section, e.g. 强化创新源头供给，提高科技创新产出率' })
  sectionTitle: string;

  @Field(() => Int, { description: "序号: its number in the plan (1 … 13 in Dianjiang's plan, counted across the sections)" })
  number: number;

  @Field({ description: '任务: its title, e.g. 聚焦重点产业' })
  title: string;

  @Field({ description: '编号与任务: section, number and title as one label, e.g. "(一)1. 聚焦重点产业"' })
  label: string;

  @Field({ description: "任务内容: the task's text as the plan writes it (from its title to its last sentence, without the units)" })
  text: string;

  @Field(() => [IndicatorKind], {
    description:
      "服务指标: the indicator kinds whose goals the task's text names (e.g. task 8: PLEDGE_FINANCING_AMOUNT, KNOWLEDGE_VALUE_LOANS), " +
      "in the enum's order; empty when it names no goal an indicator measures",
  })
  indicatorKinds: IndicatorKind[];
}

@ObjectType({ description: '单位的任务: a task a unit is named for, and in which role' })
export class UnitTask {
  @Field(() => TaskUnitRole)
  role: TaskUnitRole;

  @Field(() => PlanTask)
  task: PlanTask;
}

@ObjectType({
  description:
    "任务进展: a unit's report on a key task on a day. One per task, unit and day: reporting again for the same day replaces it " +
    '(the version rises; the history keeps the earlier text).',
})
export class TaskProgress {
  @Field(() => ID)
  id: number;

  taskId: number;

  @Field(() => PlanUnit, { description: '报送单位: the unit it reports for' })
  unit: PlanUnit;

  @Field(() => DateScalar, { description: '报送日期: the day it reports on' })
  reportedOn: string;

  @Field(() => TaskStatus)
  status: TaskStatus;

  @Field({ description: '进展情况: what the unit reports' })
  text: string;

  @Field({ description: '报送人: the subject of the credentials that recorded it' })
  reportedBy: string;

  @Field({ description: "报送人角色: the reporter's role (ADMIN or EDITOR)" })
  reportedRole: string;

  @Field(() => String, {
    nullable: true,
    description: "报送人所属单位: the unit the reporter's token says it acts for (claim unit); null when the token names none",
  })
  reporterUnit: string | null;

  @Field({ description: '记录时间: when it was recorded' })
  reportedAt: Date;

  @Field(() => Int, { description: '版本: raised when the same task, unit and day is reported again' })
  version: number;
}

@ObjectType({
  description:
    '任务看板行: a key task with its latest progress on a day beside the values on that day of the indicators it serves ' +
    "(those the plan in force in the task's county sets a target for)",
})
export class TaskBoardRow {
  @Field(() => PlanTask)
  task: PlanTask;

  @Field(() => TaskProgress, {
    nullable: true,
    description:
      '最新进展: the latest report on or before asOf, by any of its units (latest reportedOn, then the latest recorded); null: none yet',
  })
  latest: TaskProgress | null;

  @Field(() => [IndicatorValue], { description: "相关指标: the task's indicators on asOf, in the enum's order" })
  indicators: IndicatorValue[];
}
