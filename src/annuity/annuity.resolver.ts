import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireWriter } from '../auth/guard';
import { AsOfArg, ExpectedVersionArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { Patent } from '../patent/patent';
import { PatentAnnuity } from './annuity';
import { annuityLoader, paidThroughLoader, setAnnuityPaidThrough } from './annuity.data';

@Resolver(() => Patent)
export class PatentAnnuityResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: '年费已缴至: the last patent year whose annuity is paid (year 1 starts on the filing date); null when not recorded',
  })
  annuityPaidThrough(@Root() patent: Patent, @Ctx() ctx: Context): Promise<number | null> {
    return paidThroughLoader(ctx).load(patent.id);
  }

  @FieldResolver(() => PatentAnnuity, {
    nullable: true,
    description:
      '专利年费: the annuity that matters on asOf; null when the patent is not VALID on asOf (a pending, lapsed or expired patent owes none). ' +
      "It does not change the patent's status: validity follows the recorded lapseDate",
  })
  annuity(@Root() patent: Patent, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<PatentAnnuity | null> {
    return annuityLoader(ctx, asOf).load(patent.id);
  }

  @Mutation(() => Patent, {
    description:
      '记录年费缴纳 (ADMIN or EDITOR of the county the patent is attributed to): sets annuityPaidThrough, the last patent year paid ' +
      "(1 to the patent's term in years), or clears it with null",
  })
  setAnnuityPaidThrough(
    @Arg('applicationNumber') applicationNumber: string,
    @Arg('paidThrough', () => Int, { nullable: true }) paidThrough: number | null,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Patent> {
    requireWriter(ctx, 'setAnnuityPaidThrough');
    return ctx.db.atomically(() => setAnnuityPaidThrough(ctx, applicationNumber, paidThrough ?? null, expectedVersion));
  }
}

export const AnnuityResolvers = [PatentAnnuityResolver] as const;
