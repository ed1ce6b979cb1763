import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../graphql/scalars';
import { AwardKind } from '../patent/patent-enums';
import { OverseasRoute } from '../patent/overseas-route';
import { TransactionKind } from '../transaction/transaction';
import { SupportMeasureKind } from './support-measure';

export enum SupportRecipientKind {
  ENTERPRISE = 'ENTERPRISE',
  INVENTOR = 'INVENTOR',
}
registerEnumType(SupportRecipientKind, {
  name: 'SupportRecipientKind',
  description: '兑现对象类型: who a measure supports',
  valuesConfig: {
    ENTERPRISE: { description: '企业 (专利权人 or the enterprise that paid pledge interest)' },
    INVENTOR: { description: '发明人: a person listed as inventor, known by identifier or else by name' },
  },
});

export enum TitleLevel {
  SENIOR = 'SENIOR',
  ASSOCIATE = 'ASSOCIATE',
}
registerEnumType(TitleLevel, {
  name: 'TitleLevel',
  description: '职称级别: the level a TITLE_ELIGIBILITY measure supports an application for',
  valuesConfig: {
    SENIOR: { description: "正高级: a China Patent Gold or Excellence award (the measure's awardKinds) as inventor" },
    ASSOCIATE: {
      description: "副高级: the measure's number of Chinese or foreign invention grants as inventor, the patents commercialised",
    },
  },
});

export enum SupportEvidenceKind {
  AWARD = 'AWARD',
  OVERSEAS_GRANT = 'OVERSEAS_GRANT',
  INVENTION_GRANT = 'INVENTION_GRANT',
  COMMERCIALISATION = 'COMMERCIALISATION',
  INTEREST_PAID = 'INTEREST_PAID',
}
registerEnumType(SupportEvidenceKind, {
  name: 'SupportEvidenceKind',
  description: '依据: a fact that makes a recipient qualify',
  valuesConfig: {
    AWARD: { description: '获奖: an award of a patent (awardKind, awardYear)' },
    OVERSEAS_GRANT: { description: "国外授权: a foreign grant of a patent's family (jurisdiction, date, route, publicationNumber)" },
    INVENTION_GRANT: { description: "中国发明专利授权: a Chinese invention grant (date: the grant day), commercialised by the year's end" },
    COMMERCIALISATION: {
      description: "转化运营: an event that commercialised the patent by the year's end (transactionKind, date, counterparty)",
    },
    INTEREST_PAID: { description: '付息: the pledge-loan interest paid in the year (amount) and the subsidy rate' },
  },
});

@ObjectType({ description: '依据: one fact that makes the recipient qualify; the fields of its kind are set, the others null' })
export class SupportEvidence {
  @Field(() => SupportEvidenceKind)
  kind: SupportEvidenceKind;

  @Field(() => String, { nullable: true, description: '申请号 of the patent the fact is about' })
  applicationNumber: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'the day of the fact (grant, event)' })
  date: string | null;

  @Field(() => AwardKind, { nullable: true })
  awardKind: AwardKind | null;

  @Field(() => Int, { nullable: true, description: 'the year of the award' })
  awardYear: number | null;

  @Field(() => String, { nullable: true })
  jurisdiction: string | null;

  @Field(() => OverseasRoute, { nullable: true })
  route: OverseasRoute | null;

  @Field(() => String, { nullable: true })
  publicationNumber: string | null;

  @Field(() => TransactionKind, { nullable: true })
  transactionKind: TransactionKind | null;

  @Field(() => String, { nullable: true })
  counterparty: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'INTEREST_PAID: yuan' })
  amount: string | null;

  @Field(() => Float, { nullable: true, description: 'INTEREST_PAID: the subsidy rate' })
  rate: number | null;
}

@ObjectType({
  description:
    '支持措施兑现资格: one recipient who qualifies for one measure in one year (an inventor may have a row per title level), ' +
    'with the facts that make it qualify and the most the measure pays, where it names an amount',
})
export class SupportEligibility {
  planId: number;
  countyCode: string;
  enterpriseId: number | null;

  @Field({ description: '措施序号: the measure\'s number in the plan, e.g. "(五)"' })
  measureNumber: string;

  @Field(() => SupportMeasureKind)
  measureKind: SupportMeasureKind;

  @Field(() => Int, { description: '年度: the year asked about' })
  year: number;

  @Field(() => SupportRecipientKind)
  recipientKind: SupportRecipientKind;

  @Field({ description: "对象名称: the enterprise's name, or the inventor's name" })
  recipientName: string;

  @Field(() => String, { nullable: true, description: "发明人标识: the inventor's identifier, when the county gave one" })
  inventorIdentifier: string | null;

  @Field({
    description:
      '对象键: the recipient as recordSupportPayment names it — the credit code of an enterprise, "id:<identifier>" or "name:<name>" of an inventor',
  })
  recipientKey: string;

  @Field(() => TitleLevel, { nullable: true, description: 'TITLE_ELIGIBILITY only' })
  titleLevel: TitleLevel | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "最高金额: CHINA_PATENT_AWARD_REWARD: the sum over the recipient's awards of the most paid per award; PLEDGE_INTEREST_SUBSIDY: the subsidy due; " +
      'null where the measure names no amount',
  })
  maxAmount: string | null;

  @Field(() => [SupportEvidence])
  evidence: SupportEvidence[];

  @Field(() => DecimalScalar, {
    description: '已兑现金额: the sum of the payments recorded for this measure, recipient and year (0.00: not yet paid)',
  })
  paidAmount: string;

  /** the cursor's sort columns */
  position: number;
  key: string;
}
