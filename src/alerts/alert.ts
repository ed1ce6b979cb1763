import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { DateScalar } from '../graphql/scalars';
import { ConnectionType } from '../graphql/pagination';
import { IndicatorKind } from '../indicator/indicator-kind';

export enum AlertKind {
  CERTIFICATE_EXPIRING = 'CERTIFICATE_EXPIRING',
  ANNUITY_DUE = 'ANNUITY_DUE',
  ANNUITY_IN_GRACE = 'ANNUITY_IN_GRACE',
  ANNUITY_PAST_GRACE = 'ANNUITY_PAST_GRACE',
  TERM_ENDING = 'TERM_ENDING',
  WILL_DROP_BELOW_TARGET = 'WILL_DROP_BELOW_TARGET',
  PLAN_ENDING = 'PLAN_ENDING',
}

export const ALERT_KINDS = Object.values(AlertKind);

registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: '预警类别: what is about to change. The window is asOf to asOf + withinDays, both inclusive',
  valuesConfig: {
    CERTIFICATE_EXPIRING: {
      description:
        '证书到期: a HIGH_TECH or SPECIALIZED_NEW membership valid on asOf whose validTo (date: its last day) falls in the window, with no membership of the category following it the next day',
    },
    ANNUITY_DUE: {
      description:
        '年费到期: a high-value patent whose next annuity (date: its due date) falls due in the window, or fell due less than a month ago and is still free of surcharge (Patent.annuity: PAID or DUE)',
    },
    ANNUITY_IN_GRACE: {
      description:
        '年费滞纳: a high-value patent whose annuity is in its grace on asOf (Patent.annuity: IN_GRACE); date: graceEnds, the last day it may be paid. Unpaid, the patent ends from the due date',
    },
    ANNUITY_PAST_GRACE: {
      description:
        '年费逾期未缴: a patent that is high-value on asOf by its recorded dates, whose annuity is unpaid past its grace on asOf (Patent.annuity: PAST_GRACE), whatever the window; date: the due date, from which it ends once the lapse is recorded (lapseDate = that day)',
    },
    TERM_ENDING: { description: '保护期届满: a high-value patent whose 20-year term ends in the window (date: its last day in force)' },
    WILL_DROP_BELOW_TARGET: {
      description:
        '将低于目标: an enterprise that meets its category target on asOf and, from the dates already known — term ends, recorded lapses, the end of other reasons, annuities unpaid past their grace on asOf (lost from their due date) — will not on asOf + withinDays while still in the category that day (date: the day before it first falls below)',
    },
    PLAN_ENDING: {
      description:
        "规划期将结束: the plan in force on asOf has its last year begun by the window's end, its period is not over on asOf, and targets are unmet on asOf (date: 31 December of the plan's endYear). " +
        'County.alerts: one per breakthrough category with unmet enterprises; Enterprise.alerts: one per unmet target gap of the enterprise',
    },
  },
});

@ObjectType({ description: "目标差距变化: what an alert does to one enterprise's target gap of one category" })
export class AlertGapChange {
  enterpriseId: number;

  @Field(() => Enterprise)
  enterprise: Enterprise;

  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int, { description: "the plan's minimum of high-value invention patents for the category" })
  target: number;

  @Field(() => Int, { description: 'its high-value patents on asOf' })
  current: number;

  @Field(() => Int, { nullable: true, description: 'its high-value patents once the alert has happened; null when it leaves the category' })
  after: number | null;

  @Field({ description: 'current >= target on asOf' })
  met: boolean;

  @Field({ description: '缺口打开: it meets the target on asOf and will not after the alert' })
  opens: boolean;

  @Field({ description: 'the alert ends its membership of the category: its gap row of the category goes' })
  leavesCategory: boolean;
}

@ObjectType({ description: '预警影响: what an alert does to the figures' })
export class AlertEffect {
  @Field(() => IndicatorKind, {
    nullable: true,
    description:
      'the indicator it changes: HIGH_VALUE_PATENTS for a patent attributed to the county, HIGH_TECH_ENTERPRISES or SPECIALIZED_NEW_ENTERPRISES for a certificate',
  })
  indicator: IndicatorKind | null;

  @Field(() => Int, {
    nullable: true,
    description: 'by how much, once it happens (−1; 0 for SPECIALIZED_NEW_ENTERPRISES, which counts every enterprise ever recognised)',
  })
  change: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "the indicator's target in the plan in force on asOf; null without one (and in Enterprise.alerts)",
  })
  target: number | null;

  @Field(() => Float, { nullable: true, description: "the indicator's actual on asOf (County.alerts; null in Enterprise.alerts)" })
  before: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'the actual once this alert and every earlier alert of the same list (the same kinds and window, in its order) has happened; nothing else is assumed to change',
  })
  after: number | null;

  @Field(() => [AlertGapChange], {
    description:
      "the target gaps it changes: the owners' gaps of a patent (of the county's enterprises; in Enterprise.alerts, the enterprise's own), the enterprise's gap of the category otherwise",
  })
  gaps: AlertGapChange[];

  @Field(() => Int, {
    nullable: true,
    description: 'PLAN_ENDING of a county: the enterprises of the category that do not meet the target on asOf',
  })
  unmetEnterprises: number | null;

  @Field(() => Int, { nullable: true, description: 'PLAN_ENDING of a county: the sum of their gaps' })
  totalGap: number | null;
}

@ObjectType({ description: '预警: something that will change the figures, and how' })
export class Alert {
  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => DateScalar, { description: 'the day it is about (see AlertKind)' })
  date: string;

  enterpriseId: number | null;
  patentId: number | null;

  @Field(() => EnterpriseCategory, { nullable: true, description: 'the category of a certificate, a target or a plan target' })
  category: EnterpriseCategory | null;

  @Field(() => AlertEffect)
  effect: AlertEffect;
}

export const AlertConnection = ConnectionType('Alert', Alert);
