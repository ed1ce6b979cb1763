import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayNotEmpty, ArrayUnique } from 'class-validator';
import { IsApplicationNumber, IsCreditCode, IsNonBlank, IsPositiveAmount } from '../graphql/rules';
import { DateScalar, DecimalScalar } from '../graphql/scalars';
import { parseApplicationNumber } from '../identifiers/application-number';

@ObjectType({ description: '知识产权质押融资登记: a registered IP pledge financing' })
export class PledgeFinancing {
  @Field(() => ID)
  id: number;

  enterpriseId: number;

  @Field({ description: '质权人: the lender (pledgee)' })
  lender: string;

  @Field(() => DecimalScalar, { description: '登记金额: amount registered, in yuan' })
  amount: string;

  @Field(() => DateScalar, { description: '登记日: registration date' })
  registeredOn: string;

  @Field(() => Int, {
    description:
      '版本: raised by each change to the financing or its pledged patents; send it back as expectedVersion to refuse overwriting a newer change',
  })
  version: number;
}

@InputType()
export class PledgeFinancingInput {
  @Field({ description: "出质人: the pledging enterprise's credit code" })
  @IsCreditCode()
  enterpriseCreditCode: string;

  @Field()
  @IsNonBlank(200)
  lender: string;

  @Field(() => DecimalScalar, { description: 'yuan, positive' })
  @IsPositiveAmount()
  amount: string;

  @Field(() => DateScalar)
  registeredOn: string;

  @Field(() => [String], { description: 'the pledged patents (at least one), by application number in any accepted spelling' })
  @ArrayNotEmpty({ message: 'must name at least one patent' })
  @IsApplicationNumber({ each: true })
  @ArrayUnique(
    (number: string) => {
      const parsed = parseApplicationNumber(number);
      return parsed.ok ? parsed.value : number;
    },
    { message: 'names a patent twice' },
  )
  patentApplicationNumbers: string[];
}
