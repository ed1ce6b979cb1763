import { registerEnumType } from 'type-graphql';

export enum PatentStatus {
  PENDING = 'PENDING',
  VALID = 'VALID',
  LAPSED = 'LAPSED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(PatentStatus, {
  name: 'PatentStatus',
  description: '法律状态: legal status on a day',
  valuesConfig: {
    PENDING: { description: '审中: filed, not granted on the date asked about (or filed after it)' },
    VALID: { description: '有效: granted and in force' },
    LAPSED: { description: '失效: ceased before the end of its term (unpaid fees, invalidation, surrender)' },
    EXPIRED: {
      description:
        '期限届满: reached the end of its term (20 years for inventions, 10 for utility models, 15 for designs filed since 2021-06-01, 10 before)',
    },
  },
});

export enum StrategicIndustry {
  NEXT_GENERATION_IT = 'NEXT_GENERATION_IT',
  HIGH_END_EQUIPMENT = 'HIGH_END_EQUIPMENT',
  NEW_MATERIALS = 'NEW_MATERIALS',
  BIOTECHNOLOGY = 'BIOTECHNOLOGY',
  NEW_ENERGY_VEHICLES = 'NEW_ENERGY_VEHICLES',
  NEW_ENERGY = 'NEW_ENERGY',
  ENERGY_SAVING_ENVIRONMENTAL = 'ENERGY_SAVING_ENVIRONMENTAL',
  DIGITAL_CREATIVE = 'DIGITAL_CREATIVE',
  RELATED_SERVICES = 'RELATED_SERVICES',
}

registerEnumType(StrategicIndustry, {
  name: 'StrategicIndustry',
  description: '战略性新兴产业: the nine top-level strategic emerging industries (战略性新兴产业分类 2018)',
  valuesConfig: {
    NEXT_GENERATION_IT: { description: '新一代信息技术产业: next-generation information technology' },
    HIGH_END_EQUIPMENT: { description: '高端装备制造产业: high-end equipment manufacturing' },
    NEW_MATERIALS: { description: '新材料产业: new materials' },
    BIOTECHNOLOGY: { description: '生物产业: biotechnology' },
    NEW_ENERGY_VEHICLES: { description: '新能源汽车产业: new-energy vehicles' },
    NEW_ENERGY: { description: '新能源产业: new energy' },
    ENERGY_SAVING_ENVIRONMENTAL: { description: '节能环保产业: energy saving and environmental protection' },
    DIGITAL_CREATIVE: { description: '数字创意产业: digital creative industries' },
    RELATED_SERVICES: { description: '相关服务业: related services' },
  },
});

export enum AwardKind {
  CHINA_PATENT_GOLD = 'CHINA_PATENT_GOLD',
  CHINA_PATENT_SILVER = 'CHINA_PATENT_SILVER',
  CHINA_PATENT_EXCELLENCE = 'CHINA_PATENT_EXCELLENCE',
  NATIONAL_SCIENCE_TECHNOLOGY = 'NATIONAL_SCIENCE_TECHNOLOGY',
}

registerEnumType(AwardKind, {
  name: 'AwardKind',
  description: '奖项: national awards that make an invention patent high-value',
  valuesConfig: {
    CHINA_PATENT_GOLD: { description: '中国专利金奖: China Patent Gold Award' },
    CHINA_PATENT_SILVER: { description: '中国专利银奖: China Patent Silver Award' },
    CHINA_PATENT_EXCELLENCE: { description: '中国专利优秀奖: China Patent Award of Excellence' },
    NATIONAL_SCIENCE_TECHNOLOGY: { description: '国家科学技术奖 (any of its classes): National Science and Technology Award' },
  },
});
