import { registerEnumType } from 'type-graphql';

/** 国外授权途径: how a foreign grant of a Chinese patent's family was obtained. */
export enum OverseasRoute {
  PCT = 'PCT',
  PARIS = 'PARIS',
  PPH = 'PPH',
  OTHER = 'OTHER',
}

registerEnumType(OverseasRoute, {
  name: 'OverseasRoute',
  description: '国外授权途径: the route by which a family member was granted abroad',
  valuesConfig: {
    PCT: { description: 'PCT途径: through an international application under the Patent Cooperation Treaty (national phase)' },
    PARIS: { description: '巴黎公约途径: a direct foreign filing claiming priority under the Paris Convention' },
    PPH: { description: '专利审查高速路: accelerated under a Patent Prosecution Highway request' },
    OTHER: { description: '其他: any other route (e.g. a direct filing without priority)' },
  },
});
