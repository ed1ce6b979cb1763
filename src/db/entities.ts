import { BreakthroughTarget, IndicatorTarget, Plan } from '../plan/plan';
import { County, CountyStatistics } from '../county/county';
import { CategoryMembership, Enterprise } from '../enterprise/enterprise';
import { OverseasGrant, Patent, PatentAward } from '../patent/patent';
import { PledgeFinancing } from '../financing/pledge-financing';

export const ENTITIES = [
  County,
  CountyStatistics,
  Plan,
  BreakthroughTarget,
  IndicatorTarget,
  Enterprise,
  CategoryMembership,
  Patent,
  OverseasGrant,
  PatentAward,
  PledgeFinancing,
];
