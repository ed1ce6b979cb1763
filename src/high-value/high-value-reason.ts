import { registerEnumType } from 'type-graphql';

export enum HighValueReason {
  STRATEGIC_EMERGING_INDUSTRY = 'STRATEGIC_EMERGING_INDUSTRY',
  OVERSEAS_FAMILY = 'OVERSEAS_FAMILY',
  MAINTAINED_OVER_10_YEARS = 'MAINTAINED_OVER_10_YEARS',
  HIGH_PLEDGE_FINANCING = 'HIGH_PLEDGE_FINANCING',
  NATIONAL_AWARD = 'NATIONAL_AWARD',
}

registerEnumType(HighValueReason, {
  name: 'HighValueReason',
  description: '高价值发明专利认定理由: why a valid invention patent counts as high-value on a day; one is enough.',
  valuesConfig: {
    STRATEGIC_EMERGING_INDUSTRY: { description: '属于战略性新兴产业的发明专利: strategicIndustry is set' },
    OVERSEAS_FAMILY: { description: '在海外有同族专利权的发明专利: an overseas family member was granted on or before the day' },
    MAINTAINED_OVER_10_YEARS: { description: '维持年限超过10年的发明专利: more than 10 years since the filing date' },
    HIGH_PLEDGE_FINANCING: {
      description:
        "实现较高质押融资金额的发明专利: pledged in a financing registered on or before the day for at least the highPledgeThreshold of the plan in force in the patent's county",
    },
    NATIONAL_AWARD: { description: '获得国家科学技术奖或中国专利奖的发明专利: won an award in the year of the day or earlier' },
  },
});
