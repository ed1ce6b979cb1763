import { CoreModel1764000000000 } from './1764000000000-CoreModel';
import { Indicators1764100000000 } from './1764100000000-Indicators';
import { InventionIndex1764150000000 } from './1764150000000-InventionIndex';
import { PledgeInterest1764200000000 } from './1764200000000-PledgeInterest';
import { Tenancy1764300000000 } from './1764300000000-Tenancy';
import { CountyLabel1764310000000 } from './1764310000000-CountyLabel';
import { OwnerCounties1764320000000 } from './1764320000000-OwnerCounties';
import { Versions1764500000000 } from './1764500000000-Versions';
import { History1764510000000 } from './1764510000000-History';
import { HistoryDefiner1764600000000 } from './1764600000000-HistoryDefiner';
import { CountyAnnexation1764610000000 } from './1764610000000-CountyAnnexation';
import { PledgeScope1764620000000 } from './1764620000000-PledgeScope';
import { InventionSpans1764700000000 } from './1764700000000-InventionSpans';
import { CountyPages1764710000000 } from './1764710000000-CountyPages';
import { Annuities1764800000000 } from './1764800000000-Annuities';
import { SupportData1764810000000 } from './1764810000000-SupportData';
import { SupportMeasures1764811000000 } from './1764811000000-SupportMeasures';
import { SupportPayments1764812000000 } from './1764812000000-SupportPayments';
import { PlanTasks1764820000000 } from './1764820000000-PlanTasks';
import { IndicatorReports1764821000000 } from './1764821000000-IndicatorReports';
import { ExternalPatentees1764830000000 } from './1764830000000-ExternalPatentees';
import { SeiConcordance1764831000000 } from './1764831000000-SeiConcordance';
import { EnterpriseTags1764832000000 } from './1764832000000-EnterpriseTags';
import { DeferredEnterpriseCounts1764850000000 } from './1764850000000-DeferredEnterpriseCounts';
import { SpanPlans1764860000000 } from './1764860000000-SpanPlans';
import { PolicyIndexes1764870000000 } from './1764870000000-PolicyIndexes';
import { OwnerCountyPlans1764880000000 } from './1764880000000-OwnerCountyPlans';
import { OwnershipOrder1764890000000 } from './1764890000000-OwnershipOrder';

/** Every migration, in order. The app and the TypeORM CLI (ormconfig.ts) both read this list. */
export const MIGRATIONS = [
  CoreModel1764000000000,
  Indicators1764100000000,
  InventionIndex1764150000000,
  PledgeInterest1764200000000,
  Tenancy1764300000000,
  CountyLabel1764310000000,
  OwnerCounties1764320000000,
  Versions1764500000000,
  History1764510000000,
  HistoryDefiner1764600000000,
  CountyAnnexation1764610000000,
  PledgeScope1764620000000,
  InventionSpans1764700000000,
  CountyPages1764710000000,
  Annuities1764800000000,
  SupportData1764810000000,
  SupportMeasures1764811000000,
  SupportPayments1764812000000,
  PlanTasks1764820000000,
  IndicatorReports1764821000000,
  ExternalPatentees1764830000000,
  SeiConcordance1764831000000,
  EnterpriseTags1764832000000,
  DeferredEnterpriseCounts1764850000000,
  SpanPlans1764860000000,
  PolicyIndexes1764870000000,
  OwnerCountyPlans1764880000000,
  OwnershipOrder1764890000000,
];
