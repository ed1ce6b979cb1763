import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { County } from '../county/county';
import { Enterprise } from '../enterprise/enterprise';
import { requireCountyWide } from '../auth/guard';
import { Context } from '../graphql/context';
import { AsOfArg } from '../graphql/arguments';
import { IsoDate } from '../graphql/dates';
import { Patent } from '../patent/patent';
import { PatentStatus } from '../patent/patent-enums';
import { HighValueReason } from './high-value-reason';
import { countyHighValueCountLoader, enterpriseHighValueCountLoader, patentEvaluationLoader } from './high-value.loaders';

@Resolver(() => Patent)
export class PatentHighValueResolver {
  @FieldResolver(() => PatentStatus, { description: '法律状态: legal status on asOf' })
  async status(@Root() patent: Patent, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<PatentStatus> {
    return (await patentEvaluationLoader(ctx, asOf).load(patent.id)).status;
  }

  @FieldResolver(() => Boolean, { description: '是否高价值发明专利: a valid invention patent with at least one high-value reason on asOf' })
  async isHighValue(@Root() patent: Patent, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<boolean> {
    return (await patentEvaluationLoader(ctx, asOf).load(patent.id)).reasons.length > 0;
  }

  @FieldResolver(() => [HighValueReason], {
    description: "every reason that holds on asOf, in the enum's order; empty when it is not high-value",
  })
  async highValueReasons(@Root() patent: Patent, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<HighValueReason[]> {
    return (await patentEvaluationLoader(ctx, asOf).load(patent.id)).reasons;
  }
}

@Resolver(() => Enterprise)
export class EnterpriseHighValueResolver {
  @FieldResolver(() => Int, {
    description: '高价值发明专利拥有量: high-value invention patents this enterprise owns (alone or jointly) on asOf',
  })
  highValuePatentCount(@Root() enterprise: Enterprise, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<number> {
    return enterpriseHighValueCountLoader(ctx, asOf).load(enterprise.id);
  }
}

@Resolver(() => County)
export class CountyHighValueResolver {
  @FieldResolver(() => Int, {
    description:
      '高价值发明专利拥有量: distinct high-value invention patents attributed to this county on asOf; for a division with counties ' +
      'below it (重庆市 500000), those attributed to it or to any of them, each once',
  })
  highValuePatentCount(@Root() county: County, @AsOfArg() asOf: IsoDate, @Ctx() ctx: Context): Promise<number> {
    requireCountyWide(ctx, 'County.highValuePatentCount', county);
    return countyHighValueCountLoader(ctx, asOf).load(county.code);
  }
}
