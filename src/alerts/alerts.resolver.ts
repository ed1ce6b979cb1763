import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireCountyWide } from '../auth/guard';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { AsOfArg } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { Connection, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { Patent } from '../patent/patent';
import { patentLoader } from '../patent/patent.sql';
import { Alert, AlertConnection, AlertKind } from './alert';
import { alertsLoader } from './alerts.sql';

/** The longest window an alert list looks ahead: ten years. */
export const MAX_WINDOW_DAYS = 3660;

export function checkedDays(days: number, field: string): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) {
    throw badUserInput(field, `must be a whole number of days from 0 to ${MAX_WINDOW_DAYS}, got ${days}`);
  }
  return days;
}

const withinDaysArg = () =>
  Arg('withinDays', () => Int, {
    nullable: true,
    defaultValue: 90,
    description: `the window: asOf to asOf + withinDays, both inclusive; 0 to ${MAX_WINDOW_DAYS}`,
  });
const kindsArg = () => Arg('kinds', () => [AlertKind], { nullable: true, description: 'only these kinds (default: every kind)' });

const ORDER =
  "by date, then kind (in the enum's order), then the enterprise's credit code, the patent's application number and the category";

@Resolver(() => County)
export class CountyAlertsResolver {
  @FieldResolver(() => AlertConnection, {
    description: `预警清单: what will change the county's figures within the window, with the effect of each; ${ORDER}`,
  })
  alerts(
    @Root() county: County,
    @AsOfArg() asOf: IsoDate,
    @withinDaysArg() withinDays: number,
    @kindsArg() kinds: AlertKind[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<Alert>> {
    requireCountyWide(ctx, 'County.alerts', county);
    const days = checkedDays(withinDays ?? 90, 'withinDays');
    return alertsLoader(ctx, 'county', { asOf, withinDays: days, kinds: kinds ?? null, ...page }, withTotal).load(county.code);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseAlertsResolver {
  @FieldResolver(() => AlertConnection, {
    description: `预警: what will change the enterprise's own figures within the window (its certificates, its high-value patents, its targets); ${ORDER}. Effects name its own gaps; county indicators are in County.alerts`,
  })
  alerts(
    @Root() enterprise: Enterprise,
    @AsOfArg() asOf: IsoDate,
    @withinDaysArg() withinDays: number,
    @kindsArg() kinds: AlertKind[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<Alert>> {
    const days = checkedDays(withinDays ?? 90, 'withinDays');
    return alertsLoader(ctx, 'enterprise', { asOf, withinDays: days, kinds: kinds ?? null, ...page }, withTotal).load(enterprise.id);
  }
}

@Resolver(() => Alert)
export class AlertSubjectResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: 'the enterprise it is about (a certificate, a target), if any' })
  enterprise(@Root() alert: Alert, @Ctx() ctx: Context): Promise<Enterprise | null> | null {
    return alert.enterpriseId === null ? null : enterpriseLoader(ctx).load(alert.enterpriseId);
  }

  @FieldResolver(() => Patent, { nullable: true, description: 'the patent it is about (an annuity, a term), if any' })
  patent(@Root() alert: Alert, @Ctx() ctx: Context): Promise<Patent | null> | null {
    return alert.patentId === null ? null : patentLoader(ctx).load(alert.patentId);
  }
}

export const AlertResolvers = [CountyAlertsResolver, EnterpriseAlertsResolver, AlertSubjectResolver] as const;
