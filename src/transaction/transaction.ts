import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsNotAfterToday } from '../graphql/not-after-today';
import { DateScalar } from '../graphql/scalars';
import { Rule } from '../graphql/validation';

/** 转化运营方式: how a patent was put to use (commercialised). */
export enum TransactionKind {
  ASSIGNMENT = 'ASSIGNMENT',
  LICENSE = 'LICENSE',
  OPEN_LICENSE = 'OPEN_LICENSE',
  EQUITY_CONTRIBUTION = 'EQUITY_CONTRIBUTION',
  PLEDGE = 'PLEDGE',
  OWN_IMPLEMENTATION = 'OWN_IMPLEMENTATION',
}

registerEnumType(TransactionKind, {
  name: 'TransactionKind',
  description: '转化运营方式: a way a patent was commercialised',
  valuesConfig: {
    ASSIGNMENT: { description: '转让: the patent (or the application right) was assigned; counterparty: the assignee' },
    LICENSE: { description: '许可: a licence (exclusive, sole or ordinary); counterparty: the licensee' },
    OPEN_LICENSE: { description: '开放许可: a licence under the open licence declaration (专利法 art. 50); counterparty: the licensee' },
    EQUITY_CONTRIBUTION: { description: '作价入股: contributed to an enterprise as capital; counterparty: that enterprise' },
    PLEDGE: {
      description:
        '质押: pledged in a pledge financing (from the pledge financings recorded: registration day, lender as counterparty); not entered as a transaction',
    },
    OWN_IMPLEMENTATION: { description: '自行实施: the patentee declares it implements the patent itself; counterparty optional' },
  },
});

export const RECORDED_KINDS = Object.values(TransactionKind).filter((kind) => kind !== TransactionKind.PLEDGE);

@ObjectType({
  description:
    '转化运营事件: an event that commercialised a patent — a recorded transaction (转让, 许可, 开放许可, 作价入股, 自行实施) or a pledge of a ' +
    'pledge financing (质押)',
})
export class PatentTransaction {
  patentId: number;

  @Field(() => TransactionKind)
  kind: TransactionKind;

  @Field(() => DateScalar, { description: '日期: the contract, record or declaration day (for a pledge: the registration day)' })
  occurredOn: string;

  @Field({ description: '相对方: assignee, licensee, the enterprise invested in, the lender; "" for an own implementation without one' })
  counterparty: string;

  @Field(() => String, { nullable: true, description: '备案号/合同号: the record or contract number, if any' })
  recordNumber: string | null;

  @Field(() => ID, { nullable: true, description: 'the pledge financing (PLEDGE only)' })
  financingId: number | null;
}

@InputType({ description: '转化运营事件: one recorded transaction of the patent (pledges come from pledge financings)' })
export class PatentTransactionInput {
  @Field(() => TransactionKind, { description: 'any kind but PLEDGE (record a pledge financing instead)' })
  @Rule((kind: TransactionKind, input: PatentTransactionInput) => {
    if (kind === TransactionKind.PLEDGE)
      return 'PLEDGE is not entered here: a pledge is recorded as a pledge financing (recordPledgeFinancing)';
    // here rather than on counterparty, which a GraphQL input may leave out (and a rule of a missing field does not run)
    if (kind !== TransactionKind.OWN_IMPLEMENTATION && (input.counterparty ?? '').trim() === '')
      return `${kind} needs a counterparty (相对方)`;
    return null;
  })
  kind: TransactionKind;

  @Field(() => DateScalar, { description: 'not after today' })
  @IsNotAfterToday()
  occurredOn: string;

  @Field(() => String, { nullable: true, description: '相对方: required except for OWN_IMPLEMENTATION' })
  @Rule((counterparty: string) => (counterparty.length <= 500 ? null : 'must be at most 500 characters'))
  counterparty?: string | null;

  @Field(() => String, { nullable: true, description: '备案号/合同号' })
  @Rule((number: string) => (number.trim() !== '' && number.length <= 100 ? null : 'must be 1 to 100 characters'))
  recordNumber?: string | null;
}
