import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { PatentType } from '../patent/patent-type';

export enum StatisticsPeriod {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
}

registerEnumType(StatisticsPeriod, {
  name: 'StatisticsPeriod',
  description: '统计周期: the periods patentStatistics counts by',
  valuesConfig: { YEAR: { description: '年度: calendar years' }, QUARTER: { description: '季度: calendar quarters' } },
});

@ObjectType({ description: '专利流量: the flows of one patent type, or of one industry cluster, in a period' })
export class PatentFlow {
  @Field(() => PatentType, { nullable: true, description: 'the patent type (byType rows); null in byCluster rows' })
  type: PatentType | null;

  @Field(() => String, {
    nullable: true,
    description: 'the industry cluster of the first enterprise patentee (byCluster rows; null: none, or in byType rows)',
  })
  cluster: string | null;

  @Field(() => Int, { description: '申请量: applications filed in the period' })
  applications: number;

  @Field(() => Int, { description: '授权量: patents granted in the period' })
  grants: number;

  @Field(() => Int, { description: '失效量: patents that lapsed in the period (lapseDate in it)' })
  lapses: number;

  @Field(() => Int, { description: '届满量: granted patents whose term ended in the period while in force' })
  expiries: number;

  @Field(() => Int, { description: '有效量: patents VALID on the last day of the period' })
  valid: number;

  @Field(() => Int, { description: '境外授权: overseas grants (patent_overseas_grant) granted in the period' })
  overseasGrants: number;

  @Field(() => Int, { description: 'PCT 申请: applications filed in the period that entered China through the PCT (type digit 8 or 9)' })
  pctFilings: number;
}

@ObjectType({
  description:
    '专利统计监测 (统计监测): the patent flows of a county in one period, and the stocks on its last day. Definitions: ' +
    '授权率 (grant rate) = invention applications filed in the period that were granted by the end of the whole range ÷ invention ' +
    'applications filed in the period; 维持率 (maintenance rate) = invention patents granted in the year maintenanceYears before the ' +
    "period's year that are still VALID on its last day ÷ all invention patents granted that year; 实施率 (implementation rate) = " +
    'patents implemented (实施: used, licensed or transferred) ÷ valid patents — the model holds no record of implementation, so it ' +
    'is not computed here.',
})
export class PatentStatisticsPeriod {
  @Field({ description: '"2024" or "2024Q1"' })
  label: string;

  @Field(() => DateScalar, { description: 'first day counted (the range start for a first period cut short)' })
  start: string;

  @Field(() => DateScalar, { description: 'last day counted (the range end for a last period cut short)' })
  end: string;

  @Field(() => Int, { description: '申请量: applications filed' })
  applications: number;

  @Field(() => Int, { description: '授权量: grants' })
  grants: number;

  @Field(() => Int, { description: '失效量: lapses' })
  lapses: number;

  @Field(() => Int, { description: '届满量: expiries' })
  expiries: number;

  @Field(() => Int, { description: '有效发明专利: invention patents VALID on the last day' })
  validInventions: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '万人有效发明专利拥有量: validInventions ÷ (常住人口 population ÷ 10,000); null without a population reported up to the year',
  })
  validInventionsPer10kResidents: number | null;

  @Field(() => Int, { nullable: true, description: 'the statistics year of the population used' })
  populationYear: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '授权率, in percent (see the type); null without invention applications in the period',
  })
  grantRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '维持率, in percent (see the type); null without inventions granted in the cohort year',
  })
  maintenanceRate: number | null;

  @Field(() => Int, { description: "the cohort of 维持率: invention patents granted in the period's year minus maintenanceYears" })
  maintenanceCohort: number;

  @Field(() => Float, {
    nullable: true,
    description: '有效发明专利平均维持年限: the mean years from filing to the last day of the period of the valid invention patents',
  })
  averageMaintainedYears: number | null;

  @Field(() => Int, { description: '境外授权: overseas grants in the period' })
  overseasGrants: number;

  @Field(() => Int, { description: 'PCT 申请: PCT national-phase applications filed in the period' })
  pctFilings: number;

  @Field(() => [PatentFlow], { description: 'the same flows by patent type, in the enum order (each type the county has patents of)' })
  byType: PatentFlow[];

  @Field(() => [PatentFlow], {
    description: 'the same flows by industry cluster, clusters in order, no cluster last; only clusters with patents',
  })
  byCluster: PatentFlow[];
}
