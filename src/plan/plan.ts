import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { DecimalScalar } from '../graphql/scalars';
import { IndicatorKind } from '../indicator/indicator-kind';

@Entity('plan')
@ObjectType({ description: "高价值发明专利质量提升行动方案: a county's multi-year plan" })
export class Plan {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id: number;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => ID)
  countyCode: string;

  @Column('text')
  @Field({ description: '标题: title' })
  title: string;

  @Column({ name: 'start_year', type: 'int' })
  @Field(() => Int, { description: 'first year; the plan is in force from this year until a newer plan starts' })
  startYear: number;

  @Column({ name: 'end_year', type: 'int' })
  @Field(() => Int, { description: 'last year of the plan period (its ending does not retire the plan)' })
  endYear: number;

  @Column({ name: 'high_pledge_threshold', type: 'numeric', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, {
    description: '较高质押融资金额: a pledge registration of at least this amount makes its patents high-value (HIGH_PLEDGE_FINANCING)',
  })
  highPledgeThreshold: string;

  @Column({ name: 'pledge_interest_subsidy_rate', type: 'numeric', precision: 5, scale: 4, nullable: true })
  @Field(() => Float, {
    nullable: true,
    description:
      '知识产权质押融资贴息比例: the share of the pledge-loan interest an enterprise paid in a year that the plan subsidises, ' +
      'as a fraction (0.5 = 50%, at most 4 decimals); null: the plan sets no interest subsidy',
  })
  pledgeInterestSubsidyRate: number | null;

  @Column('int')
  @Field(() => Int, {
    description:
      '版本: raised by each change to the plan or its targets; send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@Entity('plan_breakthrough_target')
@ObjectType({ description: '两个突破: the per-enterprise target of a category' })
export class BreakthroughTarget {
  @PrimaryColumn({ name: 'plan_id', type: 'int' })
  planId: number;

  @PrimaryColumn('text')
  @Field(() => EnterpriseCategory)
  category: EnterpriseCategory;

  @Column({ name: 'min_high_value_patents', type: 'int' })
  @Field(() => Int, { description: 'each enterprise of the category must own at least this many high-value invention patents' })
  minHighValuePatents: number;
}

@Entity('plan_indicator_target')
@ObjectType({ description: '主要指标目标: a quantitative target of the plan' })
export class IndicatorTarget {
  @PrimaryColumn({ name: 'plan_id', type: 'int' })
  planId: number;

  @PrimaryColumn('text')
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Column('double precision')
  @Field(() => Float, { description: 'in the unit of the kind (see IndicatorKind)' })
  target: number;
}
