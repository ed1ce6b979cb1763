import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../graphql/scalars';

@ObjectType({ description: '县 (区): a county-level administrative division, the tenant a client serves' })
export class County {
  @Field(() => ID, { description: 'six-digit administrative division code (GB/T 2260), e.g. "500231" 垫江县' })
  code: string;

  @Field({ description: '名称: name' })
  name: string;

  @Field(() => String, { nullable: true, description: 'code of the division above it (a city or a municipality), if any' })
  parentCode: string | null;

  /** set on the county of a visible patent attributed outside the caller's counties (src/county/county-label.ts) */
  outsideScope?: boolean;
}

@ObjectType({ description: "县域统计数据: a county's yearly statistics, the denominators of the plan indicators" })
export class CountyStatistics {
  @Field(() => ID)
  countyCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '常住人口: resident population, persons; null: not reported' })
  population: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: '地区生产总值: GDP in yuan; null: not reported' })
  gdp: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '研发经费投入: R&D investment in yuan; null: not reported' })
  rdInvestment: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '战略性新兴产业总产值: strategic-emerging-industry output value in yuan; null: not reported',
  })
  seiOutputValue: string | null;

  @Field(() => Int, { nullable: true, description: '知识产权综合服务机构: IP service agencies working in the county; null: not reported' })
  ipServiceAgencies: number | null;

  @Field(() => Int, { nullable: true, description: '专利综合服务从业人员: patent service practitioners, persons; null: not reported' })
  patentServicePractitioners: number | null;

  @Field(() => Int, {
    description: "版本: raised by each change to the year's figures; send it back as expectedVersion to refuse overwriting a newer change",
  })
  version: number;
}
