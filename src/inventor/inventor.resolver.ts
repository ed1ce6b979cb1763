import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../graphql/context';
import { Patent } from '../patent/patent';
import { Inventor } from './inventor';
import { inventorsLoader } from './inventor.sql';

@Resolver(() => Patent)
export class PatentInventorsResolver {
  @FieldResolver(() => [Inventor], {
    description: '发明人: the inventors in the order of the record (a separate list from the patentees, the owners)',
  })
  inventors(@Root() patent: Patent, @Ctx() ctx: Context): Promise<Inventor[]> {
    return inventorsLoader(ctx).load(patent.id);
  }
}
