import { ArrayUnique } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise';
import { IsCreditCode, IsNonBlank } from '../graphql/rules';
import { Rule } from '../graphql/validation';

/** What a patentee is (issue 15): CNIPA's 专利权人 may be anyone, not only an enterprise of the model. */
export enum PatenteeKind {
  PERSON = 'PERSON',
  UNIVERSITY = 'UNIVERSITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  ENTERPRISE = 'ENTERPRISE',
  OTHER = 'OTHER',
}

registerEnumType(PatenteeKind, {
  name: 'PatenteeKind',
  description: '专利权人类型: the kind of a patentee',
  valuesConfig: {
    PERSON: { description: '个人: a natural person' },
    UNIVERSITY: { description: '高等院校: a university or college' },
    RESEARCH_INSTITUTE: { description: '科研院所: a research institute (研究院, 研究所, 科学院)' },
    ENTERPRISE: { description: '企业: an enterprise (of the model, or of another county or province)' },
    OTHER: { description: '其他: an authority, an association, anyone else' },
  },
});

@ObjectType({
  description:
    '专利权人: one patentee of a patent, at its place in the list as CNIPA exports it. Either an enterprise of the model (enterprise set; ' +
    'it counts the patent for its targets) or an external patentee (enterprise null: a person, a university, an enterprise of another ' +
    "province), which is shown and counts for nobody's targets. Owners in counties outside the caller's are left out, as in owners.",
})
export class Patentee {
  @Field(() => Int, { description: '顺序: 1 for the first patentee (whose county the patent is attributed to)' })
  position: number;

  @Field({ description: '名称: the enterprise name, or the external patentee as written' })
  name: string;

  @Field(() => PatenteeKind)
  kind: PatenteeKind;

  @Field(() => String, { nullable: true, description: '统一社会信用代码: when known' })
  creditCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: "地区: the enterprise's county code; for an external patentee the region given (a division code or a name), if any",
  })
  region: string | null;

  @Field(() => Enterprise, { nullable: true, description: 'the enterprise of the model; null for an external patentee' })
  enterprise: Enterprise | null;
}

@InputType({ description: '外部专利权人: a patentee that is no enterprise of the model' })
export class ExternalPatenteeInput {
  @Field(() => Int, {
    description: 'its place among all the patentees, 1 for the first; the enterprise owners fill the other places in their order',
  })
  @Rule((position: number) => (Number.isInteger(position) && position >= 1 && position <= 100 ? null : 'must be from 1 to 100'))
  position: number;

  @Field({ description: 'as written, at most 200 characters' })
  @IsNonBlank(200)
  name: string;

  @Field(() => PatenteeKind)
  kind: PatenteeKind;

  @Field(() => String, { nullable: true })
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'a division code or a name, at most 100 characters' })
  @IsNonBlank(100)
  region?: string | null;
}

export const externalPatenteesUnique = () =>
  ArrayUnique((patentee: ExternalPatenteeInput) => patentee.position, { message: 'names a position twice' });
