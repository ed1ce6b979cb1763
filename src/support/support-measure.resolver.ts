import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../graphql/context';
import { Plan } from '../plan/plan';
import { SupportMeasure } from './support-measure';
import { supportMeasuresLoader } from './support-measure.sql';

@Resolver(() => Plan)
export class PlanSupportMeasuresResolver {
  @FieldResolver(() => [SupportMeasure], { description: "支持措施: the measures of its 三、支持措施, in the plan's order" })
  supportMeasures(@Root() plan: Plan, @Ctx() ctx: Context): Promise<SupportMeasure[]> {
    return supportMeasuresLoader(ctx).load(plan.id);
  }
}
