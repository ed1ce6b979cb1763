import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../graphql/context';
import { Patent } from '../patent/patent';
import { Patentee } from './patentee';
import { patenteesLoader } from './patentee.sql';

@Resolver(() => Patent)
export class PatentPatenteeResolver {
  @FieldResolver(() => [Patentee], {
    description:
      '专利权人 as exported: every patentee in order, the enterprises of the model (the owners) and the external patentees (persons, ' +
      "universities, enterprises of other provinces) at their places. Only the owners count for targets; the first patentee's county " +
      'attributes the patent (for an external first patentee, the county the patent was entered for).',
  })
  patentees(@Root() patent: Patent, @Ctx() ctx: Context): Promise<Patentee[]> {
    return patenteesLoader(ctx).load(patent.id);
  }
}

export const PatenteeResolvers = [PatentPatenteeResolver] as const;
