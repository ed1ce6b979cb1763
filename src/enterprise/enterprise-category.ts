import { registerEnumType } from 'type-graphql';

export enum EnterpriseCategory {
  LISTED_CULTIVATION = 'LISTED_CULTIVATION',
  SPECIALIZED_NEW = 'SPECIALIZED_NEW',
  HIGH_TECH = 'HIGH_TECH',
}

/** The enum's order, used wherever the contract orders rows "in the enum's order". */
export const ENTERPRISE_CATEGORIES = Object.values(EnterpriseCategory);

/**
 * The categories whose membership lasts three years when no validTo is given (高新技术企业认定管理办法 art. 9; 专精特新
 * recognitions are reviewed every three years); any other is open-ended. Stored so by membershipValidToSql.
 */
export const THREE_YEAR_CATEGORIES = [EnterpriseCategory.SPECIALIZED_NEW, EnterpriseCategory.HIGH_TECH] as const;

registerEnumType(EnterpriseCategory, {
  name: 'EnterpriseCategory',
  description: '企业类别: the enterprise categories whose members have a breakthrough target (plan section 一, 两个突破)',
  valuesConfig: {
    LISTED_CULTIVATION: { description: '上市重点培育企业: key enterprise cultivated for listing (open-ended unless validTo is given)' },
    SPECIALIZED_NEW: {
      description: '专精特新企业: specialized, refined, distinctive and innovative enterprise (three years unless validTo is given)',
    },
    HIGH_TECH: { description: '高新技术企业: certified high-tech enterprise (three years unless validTo is given)' },
  },
});
