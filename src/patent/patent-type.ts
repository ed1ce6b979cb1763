import { registerEnumType } from 'type-graphql';

export enum PatentType {
  INVENTION = 'INVENTION',
  UTILITY_MODEL = 'UTILITY_MODEL',
  DESIGN = 'DESIGN',
}

registerEnumType(PatentType, {
  name: 'PatentType',
  description: '专利类型: patent type',
  valuesConfig: {
    INVENTION: { description: '发明专利: invention patent' },
    UTILITY_MODEL: { description: '实用新型: utility model' },
    DESIGN: { description: '外观设计: design' },
  },
});
