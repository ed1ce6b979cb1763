import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireCountyWide } from '../auth/guard';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { Connection, ConnectionType, PageArgs, TotalCountAsked } from '../graphql/pagination';
import { Patent } from '../patent/patent';
import { patentByNumberLoader } from '../patent/patent.sql';
import { measureNumber, SupportMeasure } from './support-measure';
import { supportMeasuresLoader } from './support-measure.sql';
import { SupportEligibility, SupportEvidence } from './support-eligibility';
import { countyEligibilityLoader, enterpriseEligibilityLoader } from './support-eligibility.sql';

export const SupportEligibilityConnection = ConnectionType('SupportEligibility', SupportEligibility);

const RULES =
  "Computed in the database from the plan in force in the year (its supportMeasures) and the county's data: " +
  "CHINA_PATENT_AWARD_REWARD — each patentee of a patent attributed to the county with an award of the measure's awardKinds conferred in the year " +
  '(one row per patentee, its awards as evidence; maxAmount the sum of the most per award, shared by joint patentees); ' +
  "FOREIGN_GRANT_SUBSIDY — each patentee of an invention patent of the county granted abroad in the year by one of the measure's routes; " +
  "TITLE_ELIGIBILITY — each inventor listed on the county's patents (one person per identifier, else per name): SENIOR with an award of the " +
  "measure's awardKinds conferred in or before the year; ASSOCIATE with minChineseGrants Chinese invention grants, or minForeignGrants foreign " +
  'grants (of inventions, granted in China or not), by 31 December of the year, counting only patents commercialised (Patent.commercialised) by that day; ' +
  'PLEDGE_INTEREST_SUBSIDY — each enterprise with an interest subsidy for the year (InterestSubsidy), maxAmount the subsidy due. ' +
  'GENERIC measures have no rows.';

function yearArg(year: number): number {
  if (!Number.isInteger(year) || year < 1949 || year > 2200)
    throw badUserInput('year', `must be a year between 1949 and 2200, got ${year}`);
  return year;
}

@Resolver(() => County)
export class CountySupportEligibilityResolver {
  @FieldResolver(() => SupportEligibilityConnection, {
    description: `支持措施兑现资格: who qualifies in the year for each computable measure (or the one named), in the plan's order of measures, then by recipient name (byte order). ${RULES}`,
  })
  supportEligibility(
    @Root() county: County,
    @Arg('year', () => Int, { description: 'the calendar year' }) year: number,
    @Arg('measure', () => String, { nullable: true, description: 'only this measure, by its number in the plan, e.g. "(五)"' })
    measure: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @TotalCountAsked() withTotal: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<SupportEligibility>> {
    requireCountyWide(ctx, 'County.supportEligibility', county);
    const number = measure === null || measure === undefined ? null : measureNumber(measure);
    if (measure && !number) throw badUserInput('measure', `must be a measure number such as "(五)", got "${measure}"`);
    return countyEligibilityLoader(ctx, yearArg(year), number, page, withTotal).load(county.code);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseSupportEligibilityResolver {
  @FieldResolver(() => [SupportEligibility], {
    description: "支持措施兑现资格: the measures of its county's plan it qualifies for in the year, as in County.supportEligibility",
  })
  supportEligibility(
    @Root() enterprise: Enterprise,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: Context,
  ): Promise<SupportEligibility[]> {
    return enterpriseEligibilityLoader(ctx, yearArg(year)).load(enterprise.id);
  }
}

@Resolver(() => SupportEligibility)
export class SupportEligibilityResolver {
  @FieldResolver(() => SupportMeasure, { description: 'the measure' })
  async measure(@Root() row: SupportEligibility, @Ctx() ctx: Context): Promise<SupportMeasure> {
    const measures = await supportMeasuresLoader(ctx).load(row.planId);
    return measures.find((m) => m.number === row.measureNumber)!;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'the enterprise (ENTERPRISE recipients)' })
  enterprise(@Root() row: SupportEligibility, @Ctx() ctx: Context): Promise<Enterprise | null> | null {
    return row.enterpriseId === null ? null : enterpriseLoader(ctx).load(row.enterpriseId);
  }
}

@Resolver(() => SupportEvidence)
export class SupportEvidenceResolver {
  @FieldResolver(() => Patent, { nullable: true, description: 'the patent the fact is about' })
  patent(@Root() evidence: SupportEvidence, @Ctx() ctx: Context): Promise<Patent | null> | null {
    return evidence.applicationNumber ? patentByNumberLoader(ctx).load(evidence.applicationNumber) : null;
  }
}

export const SupportEligibilityResolvers = [
  CountySupportEligibilityResolver,
  EnterpriseSupportEligibilityResolver,
  SupportEligibilityResolver,
  SupportEvidenceResolver,
] as const;
