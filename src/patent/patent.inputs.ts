import { ArrayUnique, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { parseApplicationNumber, typeDigitMismatch } from '../identifiers/application-number';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { IsCountyCode, IsCreditCode, IsNonBlank, IsNotBefore, IsShortList, IsYear } from '../graphql/rules';
import { DateScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';
import { AwardKind, PatentStatus, StrategicIndustry } from './patent-enums';
import { HighValueReason } from '../high-value/high-value-reason';
import { IsPaidThrough } from '../annuity/annuity.inputs';
import { PatentType } from './patent-type';
import { ExternalPatenteeInput, externalPatenteesUnique } from '../patentee/patentee';
import { OverseasRoute } from './overseas-route';
import { InventorInput } from '../inventor/inventor';
import { PatentTransactionInput } from '../transaction/transaction';
import { transactionKey } from '../transaction/transaction.sql';

const IPC_CODE = /^[A-H]\d{2}[A-Z]( ?\d{1,4}\/\d{1,6})?$/;

@InputType()
export class OverseasGrantInput {
  @Field({ description: 'WIPO ST.3 code of a foreign office, e.g. US, EP, JP' })
  @Rule((code: string) =>
    /^[A-Z]{2}$/.test(code) && code !== 'CN' ? null : `must be a two-letter WIPO ST.3 code other than CN, got "${code}"`,
  )
  jurisdiction: string;

  @Field(() => DateScalar, { description: 'not after today' })
  @IsNotAfterToday()
  grantDate: string;

  @Field(() => OverseasRoute, { nullable: true, description: '授权途径; omitted or null: not recorded' })
  route?: OverseasRoute | null;

  @Field(() => String, { nullable: true, description: '公告号/专利号 abroad, e.g. US11223344B2' })
  @Rule((number: string) =>
    /^[A-Z0-9][A-Z0-9 ./-]{0,39}$/i.test(number.trim()) ? null : `is not a publication number such as US11223344B2, got "${number}"`,
  )
  publicationNumber?: string | null;
}

@InputType()
export class PatentAwardInput {
  @Field(() => AwardKind)
  kind: AwardKind;

  @Field(() => Int, { description: 'not after the current year' })
  @IsYear()
  @IsNotAfterToday('year')
  year: number;
}

@InputType({ description: 'A patent as a whole: fields not given are cleared, except lists that are not given, which stay as they were.' })
export class PatentInput {
  @Field({ description: '申请号: accepted with or without a CN/ZL prefix, the dot and spaces; stored normalized' })
  @Rule((number: string, patent: PatentInput) => {
    const parsed = parseApplicationNumber(number);
    if (!parsed.ok) return `is not a valid 申请号 (application number): ${parsed.reason}`;
    return typeDigitMismatch(parsed.typeDigit, patent.type);
  })
  applicationNumber: string;

  @Field()
  @IsNonBlank(1000)
  title: string;

  @Field(() => PatentType)
  type: PatentType;

  @Field(() => ID, { description: "the county the patent is attributed to (the first patentee's county)" })
  @IsCountyCode()
  countyCode: string;

  @Field(() => DateScalar)
  filingDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'not before filingDate, not after today' })
  @IsNotBefore('filingDate', 'grantDate must not be before filingDate')
  @IsNotAfterToday()
  grantDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'the day it ceased early; not before grantDate, not after today' })
  @IsNotBefore('grantDate', 'lapseDate must not be before grantDate')
  @IsNotAfterToday()
  @IsNotBefore('filingDate', 'lapseDate must not be before filingDate')
  lapseDate?: string | null;

  @Field(() => [String], { nullable: true, description: 'IPC codes such as "H01M 10/052", at most 100; replaces them when given' })
  @IsShortList()
  @Rule((codes: string[]) => {
    const bad = codes.find((code) => !IPC_CODE.test(code.trim().toUpperCase()));
    return bad === undefined ? null : `"${bad}" is not an IPC code such as "H01M 10/052"`;
  })
  ipcCodes?: string[] | null;

  @Field(() => StrategicIndustry, { nullable: true })
  strategicIndustry?: StrategicIndustry | null;

  @Field(() => [OverseasGrantInput], { nullable: true, description: 'at most 100; replaces the overseas grants when given' })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique((grant: OverseasGrantInput) => grant.jurisdiction, { message: 'names a jurisdiction twice' })
  overseasGrants?: OverseasGrantInput[] | null;

  @Field(() => [PatentAwardInput], { nullable: true, description: 'at most 100; replaces the awards when given' })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique((award: PatentAwardInput) => `${award.kind} ${award.year}`, { message: 'names the same award twice' })
  awards?: PatentAwardInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      '专利权人: patentee enterprises by credit code, first patentee first, at most 100; when given, replaces the owners the caller ' +
      'may see (those of its counties). Owners of other counties, which the caller does not see, are kept, each in its place; ' +
      'the given owners take, in their order, the places of the owners the caller saw, then places after the last owner. ' +
      'So a list read and written back changes nothing.',
  })
  @IsShortList()
  @IsCreditCode({ each: true })
  @ArrayUnique((code: string) => code.trim().toUpperCase(), { message: 'names an owner twice' })
  ownerCreditCodes?: string[] | null;

  @Field(() => [ExternalPatenteeInput], {
    nullable: true,
    description:
      '外部专利权人: patentees that are no enterprise of the model (a person, a university, an enterprise of another province), each at its ' +
      "place among all the patentees, at most 100; when given, replaces them. They are shown in patentees and count for nobody's targets",
  })
  @IsShortList()
  @ValidateNested()
  @externalPatenteesUnique()
  externalPatentees?: ExternalPatenteeInput[] | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "年费已缴至: the last patent year whose annuity is paid, 1 to the patent's term in years; null clears it; not given: it stays as it was " +
      '(annuity data often comes from another source than the bibliographic data)',
  })
  @IsPaidThrough()
  annuityPaidThrough?: number | null;

  @Field(() => [InventorInput], {
    nullable: true,
    description: '发明人: the inventors in the order of the record, at most 100; replaces them when given',
  })
  @IsShortList()
  @ValidateNested()
  inventors?: InventorInput[] | null;

  @Field(() => [PatentTransactionInput], {
    nullable: true,
    description: '转化运营事件: its recorded transactions (not pledges), at most 100; replaces them when given',
  })
  @IsShortList()
  @ValidateNested()
  @ArrayUnique(transactionKey, { message: 'names the same transaction (kind, day, counterparty) twice' })
  transactions?: PatentTransactionInput[] | null;
}

@InputType()
export class PatentFilter {
  @Field(() => PatentType, { nullable: true })
  type?: PatentType | null;

  @Field(() => Boolean, { nullable: true, description: 'only patents that are high-value on asOf' })
  highValueOnly?: boolean | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'the day highValueOnly, status and highValueReason are judged on (default: today)',
  })
  asOf?: string | null;

  @Field(() => PatentStatus, { nullable: true, description: 'only patents with this status on asOf' })
  status?: PatentStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'only patents filed on or after this day' })
  filedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'only patents filed on or before this day; not before filedFrom' })
  @IsNotBefore('filedFrom', 'filedUntil must not be before filedFrom')
  filedUntil?: string | null;

  @Field(() => HighValueReason, { nullable: true, description: 'only patents for which this high-value reason holds on asOf' })
  highValueReason?: HighValueReason | null;
}
