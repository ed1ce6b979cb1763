import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsNonBlank } from '../graphql/rules';

@ObjectType({ description: '发明人: an inventor of a patent, in the order of the CNIPA record' })
export class Inventor {
  patentId: number;

  @Field(() => Int, { description: '序位: 1 for the first inventor' })
  position: number;

  @Field({ description: '姓名: the name as in the record' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description:
      '人员标识: an identifier the county gives the person (e.g. a staff number), so that two inventors of one name are told apart; ' +
      'null: the person is known by the name alone',
  })
  identifier: string | null;
}

@InputType({ description: '发明人: one inventor, in order' })
export class InventorInput {
  @Field({ description: '姓名' })
  @IsNonBlank(100)
  name: string;

  @Field(() => String, { nullable: true, description: '人员标识 (optional): the same identifier wherever the person is listed' })
  @IsNonBlank(100)
  identifier?: string | null;
}
