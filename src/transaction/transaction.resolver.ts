import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArg, asOfOrToday } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Patent } from '../patent/patent';
import { PatentTransaction } from './transaction';
import { COMMERCIALISED_DESCRIPTION, commercialisedLoader, transactionsLoader } from './transaction.sql';

@Resolver(() => Patent)
export class PatentTransactionsResolver {
  @FieldResolver(() => [PatentTransaction], {
    description: '转化运营事件: its recorded transactions and the pledges of pledge financings, oldest first',
  })
  transactions(@Root() patent: Patent, @Ctx() ctx: Context): Promise<PatentTransaction[]> {
    return transactionsLoader(ctx).load(patent.id);
  }

  @FieldResolver(() => Boolean, { description: COMMERCIALISED_DESCRIPTION })
  commercialised(@Root() patent: Patent, @AsOfArg() asOf: IsoDate | null, @Ctx() ctx: Context): Promise<boolean> {
    return commercialisedLoader(ctx, asOfOrToday(ctx, asOf)).load(patent.id);
  }
}
