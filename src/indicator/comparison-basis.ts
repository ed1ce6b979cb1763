import { registerEnumType } from 'type-graphql';

/** What indicatorComparison ranks counties by (issue 15). */
export enum ComparisonBasis {
  ACTUAL = 'ACTUAL',
  PROGRESS = 'PROGRESS',
}

registerEnumType(ComparisonBasis, {
  name: 'ComparisonBasis',
  description: '排名依据: what counties are ranked by',
  valuesConfig: {
    ACTUAL: { description: '实际值: the value itself (10 件/万人 ranks above 9.25 件/万人 whatever each one targets)' },
    PROGRESS: { description: '完成进度: actual ÷ the target used (the yardstick decides whose target)' },
  },
});
