import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { ANNUITY_FEE_SOURCE } from './annuity-fees';

export enum AnnuityStatus {
  PAID = 'PAID',
  DUE = 'DUE',
  IN_GRACE = 'IN_GRACE',
  PAST_GRACE = 'PAST_GRACE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(AnnuityStatus, {
  name: 'AnnuityStatus',
  description: '年费状态: where the annuity of the first unpaid patent year stands on asOf',
  valuesConfig: {
    PAID: { description: '已缴: asOf is before its due date; every annuity owed so far is paid' },
    DUE: { description: '应缴: from its due date, within the first month after it: owed, no surcharge (滞纳金) yet' },
    IN_GRACE: {
      description: '滞纳期: from one month after the due date to graceEnds: payable with 5% per full month late (25% in the sixth)',
    },
    PAST_GRACE: {
      description:
        '逾期未缴: unpaid after graceEnds. The patent ends from dueDate once that lapse (lapseDate = dueDate) is recorded; until then its status follows the recorded dates (the contract), and alerts and outlooks count it as lost',
    },
    UNKNOWN: { description: '未知: annuityPaidThrough is not recorded' },
  },
});

@ObjectType({
  description:
    '专利年费: the annuity that matters on asOf — that of the first unpaid patent year (annuityPaidThrough + 1), or of the year containing asOf when nothing is recorded. ' +
    "Patent year n runs from the filing date's (n − 1)th anniversary; its annuity is due by that anniversary (授予专利权当年以后的年费应当在上一年度期满前缴纳), " +
    `that of the grant year on registration (the grant date). Fees: ${ANNUITY_FEE_SOURCE}.`,
})
export class PatentAnnuity {
  @Field(() => Int, { nullable: true, description: '年度: the patent year; null when every year of the term is paid' })
  patentYear: number | null;

  @Field(() => DateScalar, { nullable: true, description: '缴费截止日: the due date (the anniversary that starts patentYear)' })
  dueDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: '滞纳期届满日: dueDate + 6 months, the last day it may still be paid' })
  graceEnds: string | null;

  @Field(() => AnnuityStatus)
  status: AnnuityStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      '滞纳金比例 (%): the surcharge if paid on asOf, 5 per full month after dueDate (0 in the first month, 25 in the sixth); null when it can no longer be paid (PAST_GRACE) or nothing is known',
  })
  surchargePercent: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '年费 (元): the official annuity of patentYear before any fee reduction (费减); null when not configured',
  })
  fee: number | null;
}
