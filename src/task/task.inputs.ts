import { ArrayUnique, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IndicatorKind } from '../indicator/indicator-kind';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { IsCountyCode, IsNonBlank, IsShortList } from '../graphql/rules';
import { DateScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';
import { TaskStatus } from './task';

// eslint-disable-next-line no-control-regex -- control characters other than line breaks and tabs are refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

@InputType({ description: "任务进展报送: a unit's report on a key task on a day" })
export class TaskProgressInput {
  @Field(() => ID, { description: '任务: the key task (PlanTask.id)' })
  taskId: string;

  @Field(() => DateScalar, { description: '报送日期: the day it reports on; not after today' })
  @IsNotAfterToday()
  reportedOn: string;

  @Field({ description: "报送单位: the name of one of the task's units as the plan writes it, e.g. 县科技局" })
  @IsNonBlank(100)
  unit: string;

  @Field(() => TaskStatus)
  status: TaskStatus;

  @Field({ description: '进展情况: what is reported; several lines allowed, at most 2,000 characters' })
  @Rule((text: string) =>
    text.trim() === ''
      ? 'must not be blank'
      : text.length > 2000
        ? 'must be at most 2000 characters'
        : CONTROL.test(text)
          ? 'must not contain control characters (other than line breaks) or bidirectional overrides'
          : null,
  )
  text: string;
}

const SECTION = /^\([一二三四五六七八九十]+\)$/;

@InputType({ description: '重点任务: a key task as the plan writes it' })
export class PlanTaskInput {
  @Field({ description: '部分: the section as the plan numbers it, e.g. "(一)"' })
  @Rule((section: string) => (SECTION.test(section) ? null : `must be a section number such as "(一)", got "${section}"`))
  section: string;

  @Field({ description: '部分标题: the title of the section' })
  @IsNonBlank(200)
  sectionTitle: string;

  @Field(() => Int, { description: '序号: the number of the task in the plan (1, 2, …); with the plan, its key' })
  @Rule((number: number) => (Number.isInteger(number) && number > 0 && number <= 1000 ? null : `must be 1 to 1000, got ${number}`))
  number: number;

  @Field({ description: '任务: its title' })
  @IsNonBlank(200)
  title: string;

  @Field({ description: "任务内容: the task's text (one paragraph)" })
  @Rule((text: string) => (text.trim() === '' ? 'must not be blank' : text.length > 5000 ? 'must be at most 5000 characters' : null))
  text: string;

  @Field(() => [String], { description: "责任单位: the responsible units by name, in the plan's order; at least one" })
  @IsShortList()
  @Rule((units: string[]) => (units.length === 0 ? 'must name at least one unit' : unitProblem(units)))
  responsibleUnits: string[];

  @Field(() => [String], { description: "配合单位: the cooperating units by name, in the plan's order" })
  @IsShortList()
  @Rule((units: string[]) => unitProblem(units))
  cooperatingUnits: string[];

  @Field(() => [IndicatorKind], { description: "服务指标: the indicator kinds whose goals the task's text names" })
  @IsShortList()
  indicatorKinds: IndicatorKind[];
}

function unitProblem(units: string[]): string | null {
  const bad = units.find((unit) => unit.trim() === '' || unit.length > 100 || CONTROL.test(unit));
  if (bad !== undefined) return `holds "${bad}", which is not a unit name (1 to 100 printable characters)`;
  return new Set(units.map((unit) => unit.trim())).size === units.length ? null : 'names a unit twice';
}

@InputType({ description: "重点任务表: the key tasks of a plan, keyed by the plan's county and start year" })
export class PlanTasksInput {
  @Field(() => ID, { description: "the plan's county" })
  @IsCountyCode()
  countyCode: string;

  @Field(() => Int, { description: "the plan's start year" })
  startYear: number;

  @Field(() => [PlanTaskInput], { description: 'the tasks; a task of the same number is replaced, tasks not given stay' })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique((task: PlanTaskInput) => task.number, { message: 'gives the same task number twice' })
  tasks: PlanTaskInput[];
}
