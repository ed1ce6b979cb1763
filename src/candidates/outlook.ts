import { Field, Int, ObjectType } from 'type-graphql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { DateScalar } from '../graphql/scalars';
import { HighValueCandidate } from './candidate';

@ObjectType({ description: '达标路径: one target gap of an enterprise on asOf, and the candidates that would close it' })
export class TargetPath {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { description: 'its high-value patents on asOf' })
  current: number;

  @Field(() => Int, { description: 'max(0, target - current) on asOf' })
  gap: number;

  @Field()
  met: boolean;

  @Field(() => [HighValueCandidate], {
    description:
      'when the target is unmet: its candidates within the horizon (Enterprise.highValueCandidates), in their order; empty when met',
  })
  candidates: HighValueCandidate[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'the day the gap closes from the dated candidates alone (the gap-th 10-year mark among distinct patents), counting from the count on asOf; asOf when met; null when they are too few',
  })
  closesOn: string | null;

  @Field({
    description: 'the gap closes if every candidate were realised (as many distinct candidate patents as the gap), larger pledges included',
  })
  closable: boolean;
}

@ObjectType({
  description:
    '目标展望: one breakthrough category of a county on asOf + horizonDays, from the plan in force and the memberships valid that day',
})
export class CategoryOutlook {
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { description: 'enterprises of the county whose membership of the category is valid on asOf + horizonDays' })
  enterpriseCount: number;

  @Field(() => Int, {
    description:
      'those that will meet the target on asOf + horizonDays from the dates known alone: the kept counts of that day (term ends, recorded lapses, 10-year marks, the end of other reasons), less patents whose annuity is unpaid past its grace on asOf',
  })
  metFromKnownDates: number;

  @Field(() => Int, {
    description:
      'those that would meet it if every candidate were realised as well: each HIGH_PLEDGE_FINANCING candidate still in force that day counted',
  })
  metIfCandidatesRealised: number;

  @Field(() => Int, { description: 'metIfCandidatesRealised - metFromKnownDates' })
  moreIfCandidatesRealised: number;
}
