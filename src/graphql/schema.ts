import 'reflect-metadata';
import { GraphQLSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { BreakthroughResolvers } from '../breakthrough/breakthrough.resolver';
import { CountyResolver } from '../county/county.resolver';
import { CountyEnterprisesResolver, EnterpriseResolver } from '../enterprise/enterprise.resolver';
import { EnterprisePledgeFinancingResolver, PledgeFinancingResolver } from '../financing/pledge-financing.resolver';
import { CountyHighValueResolver, EnterpriseHighValueResolver, PatentHighValueResolver } from '../high-value/high-value.resolver';
import { CountyPatentsResolver, EnterprisePatentsResolver, PatentResolver } from '../patent/patent.resolver';
import { CountyPlanResolver, PlanResolver } from '../plan/plan.resolver';
import { IndicatorResolvers } from '../indicator/indicator.resolver';
import { PledgeInterestResolvers } from '../financing/pledge-interest.resolver';
import { validateArgument } from './validation';
import { ImportResolver } from '../import/import.resolver';
import { HistoryResolvers } from '../history/history.resolver';
import { AnnuityResolvers } from '../annuity/annuity.resolver';
import { AlertResolvers } from '../alerts/alerts.resolver';
import { CandidateResolvers, OutlookResolvers } from '../candidates/candidates.resolver';
import { TaskResolvers } from '../task/task.resolver';
import { ReportResolvers } from '../report/report.resolver';
import { PatentInventorsResolver } from '../inventor/inventor.resolver';
import { PatentTransactionsResolver } from '../transaction/transaction.resolver';
import { PlanSupportMeasuresResolver } from '../support/support-measure.resolver';
import { SupportEligibilityResolvers } from '../support/support-eligibility.resolver';
import { SupportPaymentResolvers } from '../support/support-payment.resolver';
import { PatenteeResolvers } from '../patentee/patentee.resolver';
import { SeiResolvers } from '../sei/sei.resolver';
import { EnterpriseTagsResolvers } from '../enterprise-tags/enterprise-tags.resolver';
import { PatentStatisticsResolvers } from '../patent-statistics/patent-statistics.resolver';

const RESOLVERS = [
  AuthResolver,
  CountyResolver,
  CountyPlanResolver,
  PlanResolver,
  EnterpriseResolver,
  CountyEnterprisesResolver,
  PatentResolver,
  EnterprisePatentsResolver,
  CountyPatentsResolver,
  PledgeFinancingResolver,
  EnterprisePledgeFinancingResolver,
  PatentHighValueResolver,
  EnterpriseHighValueResolver,
  CountyHighValueResolver,
  ...BreakthroughResolvers,
  ...IndicatorResolvers,
  ...PledgeInterestResolvers,
  ImportResolver,
  ...HistoryResolvers,
  ...AnnuityResolvers,
  ...AlertResolvers,
  ...CandidateResolvers,
  ...OutlookResolvers,
  ...TaskResolvers,
  ...ReportResolvers,
  PatentInventorsResolver,
  PatentTransactionsResolver,
  PlanSupportMeasuresResolver,
  ...SupportEligibilityResolvers,
  ...SupportPaymentResolvers,
  ...PatenteeResolvers,
  ...SeiResolvers,
  ...EnterpriseTagsResolvers,
  ...PatentStatisticsResolvers,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers: RESOLVERS, validateFn: validateArgument });
  return schema;
}

/**
 * The SDL committed at schema/schema.graphql, in declaration order (types as built, fields and enum values as
 * declared): the order introspection answers and the contract's "in the enum's order" rules mean.
 */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(await graphqlSchema())}\n`;
}
