import { Ctx, FieldResolver, Mutation, Resolver, Root, Arg } from 'type-graphql';
import { requireAdmin, requireCountyInScope, requireCountyWide, requireWriter } from '../auth/guard';
import { County } from '../county/county';
import { countyLoader } from '../county/county.sql';
import { AsOfArg, ExpectedVersionArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Plan } from '../plan/plan';
import { PlanTask, PlanUnit, TaskBoardRow, TaskProgress, TaskUnitRole, UnitTask } from './task';
import { PlanTasksInput, TaskProgressInput } from './task.inputs';
import {
  progressOfTaskLoader,
  recordTaskProgress,
  setPlanTasks,
  taskBoardLoader,
  taskLoader,
  tasksOfPlanLoader,
  taskUnitsLoader,
  unitsOfCountyLoader,
  unitTasksLoader,
} from './task.sql';

/** A plan's county is visible to its staff only: county-wide data of a plan reached from elsewhere is FORBIDDEN. */
async function requirePlanCounty(ctx: Context, what: string, countyCode: string): Promise<void> {
  requireCountyWide(ctx, what);
  const county = await countyLoader(ctx).load(countyCode);
  requireCountyWide(ctx, what, county ?? { code: countyCode, outsideScope: true });
}

@Resolver(() => Plan)
export class PlanTasksResolver {
  @FieldResolver(() => [PlanTask], {
    description: "重点任务: the plan's key tasks in the plan's order (by number); empty when it has none recorded",
  })
  tasks(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PlanTask[]> {
    return tasksOfPlanLoader(ctx).load(plan.id);
  }

  @FieldResolver(() => [TaskBoardRow], {
    description:
      '任务看板: each key task, by number, with its latest progress on asOf and the values on asOf of the indicators it serves (the plan ' +
      "in force on asOf in the plan's county). County-wide: FORBIDDEN for an ENTERPRISE caller and outside the caller's counties.",
  })
  async taskBoard(@Root() plan: Plan, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<TaskBoardRow[]> {
    await requirePlanCounty(ctx, 'Plan.taskBoard', plan.countyCode);
    return taskBoardLoader(ctx, asOf).load(plan.id);
  }
}

@Resolver(() => PlanTask)
export class PlanTaskResolver {
  @Mutation(() => [PlanTask], {
    description:
      '设置重点任务: sets the key tasks of the plan (county, startYear) as the plan writes them, with their units (created as the ' +
      "county's units by name when new): a task of the same number is replaced with its units, tasks not given stay. ADMIN of the " +
      "county. Answers the plan's tasks. BAD_USER_INPUT for an unknown plan or a bad task (no responsible unit, a unit named twice, …).",
  })
  async setPlanTasks(@Arg('input', () => PlanTasksInput) input: PlanTasksInput, @Ctx() ctx: Context): Promise<PlanTask[]> {
    requireAdmin(ctx, 'setPlanTasks');
    await requireCountyInScope(ctx, input.countyCode, 'input.countyCode');
    const planId = await ctx.db.atomically(() =>
      setPlanTasks(ctx.db, {
        countyCode: input.countyCode,
        startYear: input.startYear,
        tasks: input.tasks.map(({ responsibleUnits, cooperatingUnits, indicatorKinds, ...task }) => ({
          ...task,
          title: task.title.trim(),
          responsible: responsibleUnits.map((unit) => unit.trim()),
          cooperating: cooperatingUnits.map((unit) => unit.trim()),
          serves: indicatorKinds.map((kind) => ({ kind })),
        })),
      }),
    );
    return tasksOfPlanLoader(ctx).load(planId);
  }

  @FieldResolver(() => [PlanUnit], { description: "责任单位: the responsible units, in the plan's order" })
  responsibleUnits(@Root() task: PlanTask, @Ctx() ctx: Context): Promise<PlanUnit[]> {
    return taskUnitsLoader(ctx, TaskUnitRole.RESPONSIBLE).load(task.id);
  }

  @FieldResolver(() => [PlanUnit], { description: "配合单位: the cooperating units, in the plan's order (none for some tasks)" })
  cooperatingUnits(@Root() task: PlanTask, @Ctx() ctx: Context): Promise<PlanUnit[]> {
    return taskUnitsLoader(ctx, TaskUnitRole.COOPERATING).load(task.id);
  }

  @FieldResolver(() => [TaskProgress], {
    description:
      "进展记录: every report on the task, latest first (reportedOn, then when recorded). County-wide: FORBIDDEN for an ENTERPRISE caller and outside the caller's counties.",
  })
  async progress(@Root() task: PlanTask, @Ctx() ctx: Context): Promise<TaskProgress[]> {
    await requirePlanCounty(ctx, 'PlanTask.progress', task.countyCode);
    return progressOfTaskLoader(ctx).load(task.id);
  }

  @Mutation(() => TaskProgress, {
    description:
      "报送任务进展: records a unit's report on a key task for a day, with the reporter (the credentials' subject, role and unit); the " +
      'same task, unit and day again replaces the report (its version rises, the history keeps the earlier one). ADMIN or EDITOR of ' +
      "the task's county. BAD_USER_INPUT for an unknown task, a unit the task does not name, a day after today or a blank text; " +
      "FORBIDDEN when the caller's token acts for another unit (claim unit).",
  })
  async recordTaskProgress(
    @Arg('input', () => TaskProgressInput) input: TaskProgressInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<TaskProgress> {
    requireWriter(ctx, 'recordTaskProgress');
    return ctx.db.atomically(() =>
      recordTaskProgress(ctx.db, ctx.principal, input, expectedVersion, (countyCode) =>
        requireCountyInScope(ctx, countyCode, 'input.taskId'),
      ),
    );
  }
}

@Resolver(() => TaskProgress)
export class TaskProgressResolver {
  @FieldResolver(() => PlanTask, { description: '任务: the task reported on' })
  async task(@Root() progress: TaskProgress, @Ctx() ctx: Context): Promise<PlanTask> {
    return (await taskLoader(ctx).load(progress.taskId))!;
  }
}

@Resolver(() => PlanUnit)
export class PlanUnitResolver {
  @FieldResolver(() => [UnitTask], {
    description: '任务: the key tasks that name the unit, with its role in each, by plan and task number',
  })
  tasks(@Root() unit: PlanUnit, @Ctx() ctx: Context): Promise<UnitTask[]> {
    return unitTasksLoader(ctx).load(unit.id);
  }
}

@Resolver(() => County)
export class CountyUnitsResolver {
  @FieldResolver(() => [PlanUnit], {
    description: "单位: the county's units that its plans' key tasks name, in the order they are first named",
  })
  units(@Root() county: County, @Ctx() ctx: Context): Promise<PlanUnit[]> {
    return unitsOfCountyLoader(ctx).load(county.code);
  }
}

export const TaskResolvers = [PlanTasksResolver, PlanTaskResolver, TaskProgressResolver, PlanUnitResolver, CountyUnitsResolver] as const;
