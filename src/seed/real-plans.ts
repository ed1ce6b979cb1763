import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { IndicatorKind } from '../indicator/indicator-kind';
import { AwardKind } from '../patent/patent-enums';
import { OverseasRoute } from '../patent/overseas-route';
import { SupportMeasureKind } from '../support/support-measure';

/**
 * Real data: Dianjiang County's plan (垫江府办发〔2022〕46号, shared/plan/) and Chongqing's municipal plan
 * (重庆市高价值发明专利质量提升行动方案 2022—2024), with Dianjiang's public 2021 statistics.
 *
 * Neither plan names a pledge amount that counts as "较高质押融资金额"; we use 1,000,000 yuan (100万元)
 * per registration as the documented default. Dianjiang's R&D investment is not public: left unreported.
 *
 * Dianjiang's pledge interest subsidy rate, 0.5, is the plan's own: 三、支持措施(三) "对利用知识产权实现质押融资的企业，
 * 按有关政策给予50%的贴息补助" (item 8 of 二 continues the 知识产权质押融资贴息补助计划). Chongqing's municipal plan is not
 * in shared/plan/, so its rate is left unset (no subsidy computed).
 */
export const DIANJIANG_PLEDGE_INTEREST_SUBSIDY_RATE = 0.5;
export const DEFAULT_HIGH_PLEDGE_THRESHOLD = '1000000.00';

/**
 * Dianjiang's 三、支持措施, (一) to (八), as the plan states them (tests/support-measures.test.ts holds them to the plan
 * file). (五) names its amount, 30万元 per award, the same for every class of 中国专利奖; (三) is the pledge interest
 * subsidy above; (七) names the routes 巴黎公约 and PCT; (八) the title rules. The others give support "按有关政策".
 */
export const DIANJIANG_SUPPORT_MEASURES = [
  {
    number: '(一)',
    text: '县级科技创新专项资金、工业和信息化专项资金重点用于支持战略性新兴产业高价值发明专利创造。',
    responsibleUnits: '县科技局、县经济信息委',
    kind: SupportMeasureKind.GENERIC,
  },
  {
    number: '(二)',
    text: '对开展高价值发明专利培育的创新主体，按有关政策给予资助。',
    responsibleUnits: '县市场监管局',
    kind: SupportMeasureKind.GENERIC,
  },
  {
    number: '(三)',
    text: '对利用知识产权实现质押融资的企业，按有关政策给予50%的贴息补助。',
    responsibleUnits: '县市场监管局、县财政局',
    kind: SupportMeasureKind.PLEDGE_INTEREST_SUBSIDY,
  },
  {
    number: '(四)',
    text: '对开展高价值发明专利引进培育和转化运营的县内知识产权服务机构、创新服务机构等，按有关政策给予资助。',
    responsibleUnits: '县市场监管局',
    kind: SupportMeasureKind.GENERIC,
  },
  {
    number: '(五)',
    text: '对获得中国专利奖的专利权人，给予最高30万元奖励。',
    responsibleUnits: '县市场监管局',
    kind: SupportMeasureKind.CHINA_PATENT_AWARD_REWARD,
    maxAmount: '300000.00',
    awardKinds: [AwardKind.CHINA_PATENT_GOLD, AwardKind.CHINA_PATENT_SILVER, AwardKind.CHINA_PATENT_EXCELLENCE],
  },
  {
    number: '(六)',
    text: '对聚焦重点产业领域，实施知识产权风险预警项目或知识产权保护示范创建项目的企业，按有关政策给予资助。',
    responsibleUnits: '县市场监管局',
    kind: SupportMeasureKind.GENERIC,
  },
  {
    number: '(七)',
    text: '对通过巴黎公约或PCT等途径获得国外发明专利授权的专利权人，按有关政策给予资助。',
    responsibleUnits: '县市场监管局',
    kind: SupportMeasureKind.FOREIGN_GRANT_SUBSIDY,
    routes: [OverseasRoute.PARIS, OverseasRoute.PCT],
  },
  {
    number: '(八)',
    text:
      '对获得中国专利金奖或中国专利优秀奖的发明人、获得3项中国发明专利授权或2项国外发明专利授权且相关专利成果已转化运营的发明人，' +
      '可按照特殊人才职称评定办法支持其分别申报正高级或副高级职称。',
    responsibleUnits: '县人力社保局',
    kind: SupportMeasureKind.TITLE_ELIGIBILITY,
    awardKinds: [AwardKind.CHINA_PATENT_GOLD, AwardKind.CHINA_PATENT_EXCELLENCE],
    minChineseGrants: 3,
    minForeignGrants: 2,
  },
];

export const REAL_COUNTIES = [
  { code: '500000', name: '重庆市', parentCode: null },
  { code: '500231', name: '垫江县', parentCode: '500000' },
];

export const REAL_STATISTICS = [{ countyCode: '500231', year: 2021, population: 649900, gdp: '50260000000.00', rdInvestment: null }];

export const REAL_PLANS = [
  {
    countyCode: '500231',
    title: '垫江县高价值发明专利质量提升行动实施方案(2022—2024年)',
    startYear: 2022,
    endYear: 2024,
    highPledgeThreshold: DEFAULT_HIGH_PLEDGE_THRESHOLD,
    pledgeInterestSubsidyRate: DIANJIANG_PLEDGE_INTEREST_SUBSIDY_RATE,
    supportMeasures: DIANJIANG_SUPPORT_MEASURES,
    breakthroughTargets: [
      { category: EnterpriseCategory.LISTED_CULTIVATION, minHighValuePatents: 3 },
      { category: EnterpriseCategory.SPECIALIZED_NEW, minHighValuePatents: 2 },
      { category: EnterpriseCategory.HIGH_TECH, minHighValuePatents: 1 },
    ],
    indicatorTargets: [
      { kind: IndicatorKind.HIGH_VALUE_PATENTS, target: 80 },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, target: 1.2 },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD, target: 16 },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP, target: 0.5 },
      { kind: IndicatorKind.SEI_INVENTION_PATENTS, target: 40 },
      { kind: IndicatorKind.SEI_INVENTION_PATENT_SHARE, target: 20 },
      { kind: IndicatorKind.HIGH_TECH_ENTERPRISES, target: 60 },
      { kind: IndicatorKind.SPECIALIZED_NEW_ENTERPRISES, target: 50 },
      { kind: IndicatorKind.INNOVATION_PLATFORMS, target: 30 },
      { kind: IndicatorKind.NEW_HIGH_VALUE_PATENTS, target: 20 },
      { kind: IndicatorKind.PLEDGE_FINANCING_AMOUNT, target: 10_000_000 },
      { kind: IndicatorKind.KNOWLEDGE_VALUE_LOANS, target: 200_000_000 },
      { kind: IndicatorKind.RD_INVESTMENT_GROWTH, target: 15 },
      { kind: IndicatorKind.SEI_OUTPUT_VALUE, target: 2_700_000_000 },
      { kind: IndicatorKind.IP_SERVICE_AGENCIES, target: 3 },
      { kind: IndicatorKind.PATENT_SERVICE_PRACTITIONERS, target: 20 },
    ],
  },
  {
    countyCode: '500000',
    title: '重庆市高价值发明专利质量提升行动方案(2022—2024年)',
    startYear: 2022,
    endYear: 2024,
    highPledgeThreshold: DEFAULT_HIGH_PLEDGE_THRESHOLD,
    breakthroughTargets: [
      { category: EnterpriseCategory.LISTED_CULTIVATION, minHighValuePatents: 5 },
      { category: EnterpriseCategory.SPECIALIZED_NEW, minHighValuePatents: 3 },
      { category: EnterpriseCategory.HIGH_TECH, minHighValuePatents: 2 },
    ],
    indicatorTargets: [
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_10K_RESIDENTS, target: 10 },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD, target: 16 },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP, target: 1 },
      { kind: IndicatorKind.PLEDGE_FINANCING_AMOUNT, target: 13_000_000_000 },
    ],
  },
];
