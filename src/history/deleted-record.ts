import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DeletedRecord as DeletedRecordShape } from './versions';

@ObjectType('DeletedRecord', {
  description: '已删除: a record deleted (softly: an ADMIN can restore it, and its history keeps every state)',
})
export class DeletedRecord implements DeletedRecordShape {
  @Field(() => ID, { description: 'the id of the record' })
  id: number;

  @Field({ description: 'its key: the credit code, the application number, or the id' })
  key: string;

  @Field(() => Int, { description: 'its version after the deletion' })
  version: number;

  @Field({ description: 'when it was deleted' })
  deletedAt: Date;
}
