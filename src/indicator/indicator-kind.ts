import { registerEnumType } from 'type-graphql';

export enum IndicatorKind {
  HIGH_VALUE_PATENTS = 'HIGH_VALUE_PATENTS',
  HIGH_VALUE_PATENTS_PER_10K_RESIDENTS = 'HIGH_VALUE_PATENTS_PER_10K_RESIDENTS',
  HIGH_VALUE_PATENTS_PER_100M_YUAN_RD = 'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD',
  HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP = 'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
  SEI_INVENTION_PATENTS = 'SEI_INVENTION_PATENTS',
  SEI_INVENTION_PATENT_SHARE = 'SEI_INVENTION_PATENT_SHARE',
  HIGH_TECH_ENTERPRISES = 'HIGH_TECH_ENTERPRISES',
  SPECIALIZED_NEW_ENTERPRISES = 'SPECIALIZED_NEW_ENTERPRISES',
  INNOVATION_PLATFORMS = 'INNOVATION_PLATFORMS',
  NEW_HIGH_VALUE_PATENTS = 'NEW_HIGH_VALUE_PATENTS',
  PLEDGE_FINANCING_AMOUNT = 'PLEDGE_FINANCING_AMOUNT',
  KNOWLEDGE_VALUE_LOANS = 'KNOWLEDGE_VALUE_LOANS',
  RD_INVESTMENT_GROWTH = 'RD_INVESTMENT_GROWTH',
  SEI_OUTPUT_VALUE = 'SEI_OUTPUT_VALUE',
  IP_SERVICE_AGENCIES = 'IP_SERVICE_AGENCIES',
  PATENT_SERVICE_PRACTITIONERS = 'PATENT_SERVICE_PRACTITIONERS',
}

export const INDICATOR_KINDS = Object.values(IndicatorKind);

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description:
    '主要指标: a quantitative target of a plan. Units: counts; per-residents and per-yuan ratios; SEI share in percent; amounts in yuan.',
  valuesConfig: {
    HIGH_VALUE_PATENTS: { description: '高价值发明专利拥有量 (件): high-value invention patents' },
    HIGH_VALUE_PATENTS_PER_10K_RESIDENTS: { description: '万人高价值发明专利拥有量 (件/万人): per 10,000 residents' },
    HIGH_VALUE_PATENTS_PER_100M_YUAN_RD: {
      description: '每亿元研发投入高价值发明专利产出 (件/亿元): per 100 million yuan of R&D investment',
    },
    HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP: { description: '每亿元GDP高价值发明专利密度 (件/亿元): per 100 million yuan of GDP' },
    SEI_INVENTION_PATENTS: { description: '战略性新兴产业发明专利拥有量 (件): valid strategic-emerging-industry invention patents' },
    SEI_INVENTION_PATENT_SHARE: { description: '战略性新兴产业发明专利占发明专利拥有量比重 (%): their share of valid invention patents' },
    HIGH_TECH_ENTERPRISES: { description: '有效期内高新技术企业 (家): enterprises with a valid high-tech certificate' },
    SPECIALIZED_NEW_ENTERPRISES: { description: '累计培育专精特新企业 (家): enterprises ever recognised as 专精特新 (cumulative)' },
    INNOVATION_PLATFORMS: { description: '创新平台 (个): innovation platforms' },
    NEW_HIGH_VALUE_PATENTS: { description: '新增高价值发明专利 (件): new high-value invention patents since the plan started' },
    PLEDGE_FINANCING_AMOUNT: { description: '知识产权质押融资登记金额 (元): IP pledge financing registered' },
    KNOWLEDGE_VALUE_LOANS: { description: '知识价值信用贷款累计 (元): cumulative knowledge-value credit loans' },
    RD_INVESTMENT_GROWTH: { description: '全社会研发经费投入年均增长 (%): average annual growth of R&D investment' },
    SEI_OUTPUT_VALUE: { description: '战略性新兴产业总产值 (元): strategic-emerging-industry output value' },
    IP_SERVICE_AGENCIES: { description: '知识产权综合服务机构 (家): IP service agencies' },
    PATENT_SERVICE_PRACTITIONERS: { description: '专利综合服务从业人员 (人): patent service practitioners' },
  },
});
