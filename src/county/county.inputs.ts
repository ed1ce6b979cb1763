import { Field, ID, InputType, Int } from 'type-graphql';
import { IsCountyCode, IsNonBlank, IsPositiveAmount, IsYear } from '../graphql/rules';
import { DecimalScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';

@InputType()
export class CountyInput {
  @Field(() => ID)
  @IsCountyCode()
  code: string;

  @Field()
  @IsNonBlank(100)
  name: string;

  @Field(() => String, { nullable: true, description: 'code of an existing division above it, e.g. "500000" 重庆市' })
  @IsCountyCode()
  parentCode?: string | null;
}

@InputType({ description: 'Figures not given keep their stored value; null clears a figure.' })
export class CountyStatisticsInput {
  @Field(() => ID)
  @IsCountyCode()
  countyCode: string;

  @Field(() => Int)
  @IsYear()
  year: number;

  @Field(() => Int, { nullable: true, description: '常住人口: resident population, persons (positive)' })
  @Rule((n: number) => (n > 0 ? null : `must be positive, got ${n}`))
  population?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: '地区生产总值: GDP in yuan (positive)' })
  @IsPositiveAmount()
  gdp?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '研发经费投入: R&D investment in yuan (positive)' })
  @IsPositiveAmount()
  rdInvestment?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '战略性新兴产业总产值: strategic-emerging-industry output value in yuan (not negative)',
  })
  @Rule((amount: string) => (Number(amount) >= 0 ? null : `must not be negative, got ${amount}`))
  seiOutputValue?: string | null;

  @Field(() => Int, { nullable: true, description: '知识产权综合服务机构: IP service agencies (not negative)' })
  @Rule((n: number) => (n >= 0 ? null : `must not be negative, got ${n}`))
  ipServiceAgencies?: number | null;

  @Field(() => Int, { nullable: true, description: '专利综合服务从业人员: patent service practitioners, persons (not negative)' })
  @Rule((n: number) => (n >= 0 ? null : `must not be negative, got ${n}`))
  patentServicePractitioners?: number | null;
}
