import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/pagination';
import { DateScalar } from '../graphql/scalars';
import { AwardKind, StrategicIndustry } from './patent-enums';
import { OverseasRoute } from './overseas-route';
import { PatentType } from './patent-type';

@ObjectType({ description: '专利: a Chinese patent or application', simpleResolvers: true })
export class Patent {
  @Field(() => ID)
  id: number;

  @Field({ description: '申请号: normalized application number, e.g. "202210123456.1" (no CN prefix)' })
  applicationNumber: string;

  @Field({ description: '发明名称: title' })
  title: string;

  @Field(() => PatentType)
  type: PatentType;

  countyCode: string;

  @Field(() => DateScalar, { description: '申请日: filing date' })
  filingDate: string;

  @Field(() => DateScalar, { nullable: true, description: '授权公告日: grant date' })
  grantDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: '失效日: the day it ceased early (LAPSED from that day on)' })
  lapseDate: string | null;

  @Field(() => [String], { description: 'IPC分类号: IPC classification codes, main one first' })
  ipcCodes: string[];

  @Field(() => StrategicIndustry, { nullable: true, description: '所属战略性新兴产业: its strategic emerging industry, if any' })
  strategicIndustry: StrategicIndustry | null;

  @Field(() => Int, {
    description:
      '版本: raised by each change to the patent or its lists (owners, overseas grants, awards); send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@ObjectType({ description: '海外同族授权: a granted family member abroad' })
export class OverseasGrant {
  patentId: number;

  @Field({ description: 'WIPO ST.3 code of the office that granted a family member, e.g. US, EP, JP' })
  jurisdiction: string;

  @Field(() => DateScalar)
  grantDate: string;

  @Field(() => OverseasRoute, { nullable: true, description: '授权途径: PCT, PARIS (巴黎公约), PPH or OTHER; null: not recorded' })
  route: OverseasRoute | null;

  @Field(() => String, { nullable: true, description: '公告号/专利号: the publication or patent number abroad, e.g. US11223344B2' })
  publicationNumber: string | null;
}

@ObjectType({ description: '获奖: an award the patent won' })
export class PatentAward {
  patentId: number;

  @Field(() => AwardKind)
  kind: AwardKind;

  @Field(() => Int, { description: 'the year the award was conferred' })
  year: number;
}

export const PatentConnection = ConnectionType('Patent', Patent);
