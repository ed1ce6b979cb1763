import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/pagination';
import { DateScalar, DecimalScalar } from '../graphql/scalars';
import { HighValueReason } from '../high-value/high-value-reason';
import { Patent } from '../patent/patent';

export const CANDIDATE_DESCRIPTION =
  '高价值专利培育对象: a valid invention patent that is not high-value on asOf and could become so, with the reason within reach: ' +
  'MAINTAINED_OVER_10_YEARS when its 10-year mark passes within the horizon while it stays in force on the dates known (expectedOn: the first day the reason holds); ' +
  'HIGH_PLEDGE_FINANCING when it is pledged, by asOf, below the highPledgeThreshold of the plan in force in its county (shortfall: what the largest pledge lacks). ' +
  'Patents whose annuity is unpaid past its grace on asOf are left out (they end from the due date). ' +
  'STRATEGIC_EMERGING_INDUSTRY candidates (IPC codes in a strategic-emerging-industry class while strategicIndustry is unset) are left out until the IPC concordance of the classification issue (15) lands.';

@ObjectType({ description: CANDIDATE_DESCRIPTION })
export class HighValueCandidate {
  patentId: number;

  @Field(() => Patent)
  patent: Patent;

  @Field(() => HighValueReason, { description: 'MAINTAINED_OVER_10_YEARS or HIGH_PLEDGE_FINANCING' })
  reason: HighValueReason;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'the first day the reason holds from the dates known (filingDate + 10 years + 1 day); null for HIGH_PLEDGE_FINANCING, which needs a larger pledge',
  })
  expectedOn: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '缺口金额 (元): HIGH_PLEDGE_FINANCING only: the threshold less the largest amount it is pledged for',
  })
  shortfall: string | null;
}

export const HighValueCandidateConnection = ConnectionType('HighValueCandidate', HighValueCandidate);
