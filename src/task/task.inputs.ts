import { Field, ID, InputType } from 'type-graphql';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { IsNonBlank } from '../graphql/rules';
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
