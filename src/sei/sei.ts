import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/pagination';
import { DateScalar } from '../graphql/scalars';
import { Patent } from '../patent/patent';
import { StrategicIndustry } from '../patent/patent-enums';

export enum SeiDecision {
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

registerEnumType(SeiDecision, {
  name: 'SeiDecision',
  description: '审核结论: what the bureau decided about a strategic-industry suggestion',
  valuesConfig: {
    CONFIRMED: { description: '确认: the patent is flagged with the industry (strategicIndustry), which then counts as the reason' },
    REJECTED: { description: '驳回: the suggestion does not hold for this patent; it leaves the review list' },
  },
});

export enum SeiReviewReason {
  UNCONFIRMED_SUGGESTION = 'UNCONFIRMED_SUGGESTION',
  UNSUPPORTED_FLAG = 'UNSUPPORTED_FLAG',
}

registerEnumType(SeiReviewReason, {
  name: 'SeiReviewReason',
  description: '待审核原因: why a patent is on the strategic-industry review list',
  valuesConfig: {
    UNCONFIRMED_SUGGESTION: {
      description: '有建议未确认: the concordance suggests an industry (not rejected) but the patent has no confirmed flag',
    },
    UNSUPPORTED_FLAG: { description: '标记无对照依据: the patent is flagged with an industry no suggestion of the concordance supports' },
  },
});

@ObjectType({ description: '参照关系表条目: one entry of the concordance that matched' })
export class ConcordanceEntry {
  @Field({ description: '战略性新兴产业分类代码: the category code, e.g. 1.1.1' })
  categoryCode: string;

  @Field({ description: '分类名称: the category name' })
  categoryName: string;

  @Field(() => String, { nullable: true, description: '领域: the field the category belongs to, where the table names one' })
  field: string | null;

  @Field({ description: '国际专利分类: the IPC code or prefix of the entry, without spaces (H01M10/05)' })
  ipc: string;

  @Field(() => [String], { description: '关键词: words of which one must be in the title for the entry to hold; empty: none needed' })
  keywords: string[];
}

@ObjectType({
  description:
    "战略性新兴产业建议: an industry the concordance in force suggests from the patent's IPC codes (and title keywords), with the entries " +
    'that matched. A suggestion never counts as the reason: only a confirmed flag (strategicIndustry) does.',
})
export class StrategicIndustrySuggestion {
  @Field(() => StrategicIndustry)
  industry: StrategicIndustry;

  @Field({ description: '参照关系表版本: the version of the concordance in force on asOf' })
  concordanceVersion: string;

  @Field(() => DateScalar, { description: 'the day that version took effect' })
  concordanceEffectiveFrom: string;

  @Field(() => [String], { description: "the patent's IPC codes that matched, as stored" })
  matchedIpcCodes: string[];

  @Field(() => [ConcordanceEntry], { description: 'the entries that matched, by category code' })
  entries: ConcordanceEntry[];

  @Field(() => SeiDecision, { nullable: true, description: 'the decision recorded for this patent and industry, if any' })
  decision: SeiDecision | null;
}

@ObjectType({ description: '战略性新兴产业审核项: a patent the bureau should look at' })
export class StrategicIndustryReviewItem {
  @Field(() => Patent)
  patent: Patent;

  @Field(() => SeiReviewReason)
  reason: SeiReviewReason;

  @Field(() => [StrategicIndustry], { description: "the industries suggested and not rejected, in the enum's order" })
  suggestedIndustries: StrategicIndustry[];

  @Field(() => StrategicIndustry, { nullable: true, description: 'the confirmed flag (strategicIndustry), if any' })
  confirmedIndustry: StrategicIndustry | null;
}

export const StrategicIndustryReviewConnection = ConnectionType('StrategicIndustryReviewItem', StrategicIndustryReviewItem);
