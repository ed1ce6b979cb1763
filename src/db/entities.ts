import { BreakthroughTarget, IndicatorTarget, Plan } from '../plan/plan';
import { County, CountyStatistics } from '../county/county';
import { CategoryMembership, Enterprise } from '../enterprise/enterprise';
import { OverseasGrant, Patent, PatentAward } from '../patent/patent';
import { PledgeFinancing } from '../financing/pledge-financing';
import { InnovationPlatform } from '../indicator/innovation-platform';
import { KnowledgeValueLoan } from '../indicator/knowledge-value-loan';

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
  InnovationPlatform,
  KnowledgeValueLoan,
];
