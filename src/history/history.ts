import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/pagination';

export enum HistoryAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
  DELETED = 'DELETED',
  RESTORED = 'RESTORED',
}

registerEnumType(HistoryAction, {
  name: 'HistoryAction',
  description: '变更类型: what a change did to a record or to one of its lists',
  valuesConfig: {
    CREATED: { description: '新增: the record, or an item of one of its lists, was created (after only)' },
    UPDATED: { description: '修改: values changed (before and after)' },
    REMOVED: {
      description:
        '移除: an item of a list was removed, e.g. a membership or an owner replaced by an upsert (before only: it can be re-entered from here)',
    },
    DELETED: { description: '删除: the record was deleted (softly: restore… brings it back)' },
    RESTORED: { description: '恢复: the record was restored' },
  },
});

export enum ChangeDoor {
  API = 'API',
  IMPORT = 'IMPORT',
  SYSTEM = 'SYSTEM',
  SQL = 'SQL',
}

registerEnumType(ChangeDoor, {
  name: 'ChangeDoor',
  description: '变更渠道: through which door a change came',
  valuesConfig: {
    API: { description: 'a GraphQL mutation (operation: its name; import mutations also give the row)' },
    IMPORT: { description: 'the import command (npm run import): file and row say where the values came from' },
    SYSTEM: { description: "the server's own work, e.g. seeding the demo data" },
    SQL: { description: 'a statement outside the application (by hand, a migration)' },
  },
});

@ObjectType({
  description:
    '变更记录: one change to a record (its own row or an item of one of its lists) — who, when, through which door, and the values ' +
    'before and after. Entries of one mutation or import share transactionId.',
})
export class HistoryEntry {
  @Field(() => ID)
  id: number;

  @Field({ description: 'when the change was made' })
  at: Date;

  @Field(() => HistoryAction)
  action: HistoryAction;

  @Field({ description: 'Enterprise, Patent, PledgeFinancing or County: the record the change belongs to' })
  recordType: string;

  @Field(() => String, {
    nullable: true,
    description: "the record's key: credit code (Enterprise), application number (Patent), id (PledgeFinancing), code (County)",
  })
  recordKey: string | null;

  @Field({
    description:
      'what changed: enterprise, membership, innovationPlatform, knowledgeValueLoan; patent, owner, overseasGrant, award; ' +
      'pledgeFinancing, pledgedPatent, interestPayment; county, statistics, plan, breakthroughTarget, indicatorTarget',
  })
  part: string;

  @Field(() => Int, { nullable: true, description: "the record's version after the change" })
  version: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'the values before (null when created), field names in camelCase' })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'the values after (null when removed)' })
  after: Record<string, unknown> | null;

  @Field(() => [String], { description: 'the fields whose values differ between before and after' })
  changedFields: string[];

  @Field(() => String, {
    nullable: true,
    description: 'who: the subject (sub) of the credentials, e.g. a user id, an API key\'s subject, "system"',
  })
  actor: string | null;

  @Field(() => String, { nullable: true, description: "the actor's role then" })
  actorRole: string | null;

  @Field(() => ChangeDoor)
  door: ChangeDoor;

  @Field(() => String, {
    nullable: true,
    description: 'API: the mutation, e.g. "upsertPatent" or "importPatents"; IMPORT: "import <kind>"',
  })
  operation: string | null;

  @Field(() => String, { nullable: true, description: "API: the request's operationName, when it had one" })
  operationName: string | null;

  @Field(() => String, { nullable: true, description: 'IMPORT: the name of the imported file' })
  file: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "imports: the row the values came from (the row number in the file; the position, from 1, in an import mutation's rows)",
  })
  row: number | null;

  @Field(() => ID, { description: 'the database transaction: every entry of one mutation, or of one import, has the same' })
  transactionId: string;
}

export const HistoryConnection = ConnectionType('HistoryEntry', HistoryEntry);
