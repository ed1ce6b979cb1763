import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ConnectionType } from '../graphql/pagination';
import { DateScalar } from '../graphql/scalars';
import { AwardKind, StrategicIndustry } from './patent-enums';
import { PatentType } from './patent-type';

@Entity('patent')
@ObjectType({ description: '专利: a Chinese patent or application' })
export class Patent {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id: number;

  @Column({ name: 'application_number', type: 'text' })
  @Field({ description: '申请号: normalized application number, e.g. "202210123456.1" (no CN prefix)' })
  applicationNumber: string;

  @Column('text')
  @Field({ description: '发明名称: title' })
  title: string;

  @Column('text')
  @Field(() => PatentType)
  type: PatentType;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'filing_date', type: 'date' })
  @Field(() => DateScalar, { description: '申请日: filing date' })
  filingDate: string;

  @Column({ name: 'grant_date', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '授权公告日: grant date' })
  grantDate: string | null;

  @Column({ name: 'lapse_date', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '失效日: the day it ceased early (LAPSED from that day on)' })
  lapseDate: string | null;

  @Column({ name: 'ipc_codes', type: 'text', array: true })
  @Field(() => [String], { description: 'IPC分类号: IPC classification codes, main one first' })
  ipcCodes: string[];

  @Column({ name: 'strategic_industry', type: 'text', nullable: true })
  @Field(() => StrategicIndustry, { nullable: true, description: '所属战略性新兴产业: its strategic emerging industry, if any' })
  strategicIndustry: StrategicIndustry | null;

  @Column('int')
  @Field(() => Int, {
    description:
      '版本: raised by each change to the patent or its lists (owners, overseas grants, awards); send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@Entity('patent_overseas_grant')
@ObjectType({ description: '海外同族授权: a granted family member abroad' })
export class OverseasGrant {
  @PrimaryColumn({ name: 'patent_id', type: 'int' })
  patentId: number;

  @PrimaryColumn('text')
  @Field({ description: 'WIPO ST.3 code of the office that granted a family member, e.g. US, EP, JP' })
  jurisdiction: string;

  @Column({ name: 'grant_date', type: 'date' })
  @Field(() => DateScalar)
  grantDate: string;
}

@Entity('patent_award')
@ObjectType({ description: '获奖: an award the patent won' })
export class PatentAward {
  @PrimaryColumn({ name: 'patent_id', type: 'int' })
  patentId: number;

  @PrimaryColumn('text')
  @Field(() => AwardKind)
  kind: AwardKind;

  @PrimaryColumn('int')
  @Field(() => Int, { description: 'the year the award was conferred' })
  year: number;
}

export const PatentConnection = ConnectionType('Patent', Patent);
