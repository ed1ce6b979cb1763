import { Arg, createParameterDecorator, Int } from 'type-graphql';
import { EXPECTED_VERSION } from '../history/versions';
import { Context } from './context';
import { IsoDate } from './dates';
import { DateScalar } from './scalars';

/** The day a question is asked about: the one given, else today in China Standard Time (the contract's default). */
export function asOfOrToday(ctx: Pick<Context, 'today'>, asOf: IsoDate | null | undefined): IsoDate {
  return asOf ?? ctx.today;
}

/** The `asOf: Date` argument of a field; the parameter is the day itself, today when the argument is omitted. */
export function AsOfArg(description = 'default: today (China Standard Time)') {
  return createParameterDecorator<Context>(({ args, context }) => asOfOrToday(context, args.asOf as IsoDate | null | undefined), {
    arg: { name: 'asOf', typeFunc: () => DateScalar, options: { nullable: true, description } },
  });
}

/** The `expectedVersion: Int` argument of a mutation that changes or deletes a versioned record. */
export const ExpectedVersionArg = () => Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION });
