import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLISODateTime } from 'type-graphql';
import { ArrayNotEmpty, ArrayUnique } from 'class-validator';
import { IsCreditCode, IsNonBlank } from '../graphql/rules';
import { Rule } from '../graphql/validation';
import { Role } from './principal';

@ObjectType({ description: 'API 密钥: a key an integration sends as `Authorization: ApiKey <key>`; only its hash is stored' })
export class ApiKey {
  @Field(() => ID)
  id: number;

  @Field({ description: 'what the key is for, e.g. the integration that uses it' })
  name: string;

  @Field({ description: 'the first characters of the key, to tell keys apart; the key itself is shown only when created' })
  prefix: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'county codes the key may see, or ["*"] for all' })
  counties: string[];

  @Field(() => String, { nullable: true, description: 'the enterprise of an ENTERPRISE key' })
  creditCode: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'the key is refused from this instant on; null: it does not expire' })
  expiresAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'the subject of the caller (or the CLI) that created it' })
  createdBy: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'when it was revoked; a revoked key is refused' })
  revokedAt: Date | null;
}

@ObjectType({ description: 'a new API key: `key` is shown this once and cannot be read again' })
export class CreatedApiKey {
  @Field({ description: 'the key to send as `Authorization: ApiKey <key>`; store it now' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class ApiKeyInput {
  @Field()
  @IsNonBlank(200)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'county codes within the caller\'s own, or ["*"] (only for a caller of every county)' })
  @ArrayNotEmpty({ message: 'must name at least one county, or "*"' })
  @ArrayUnique((code: string) => code, { message: 'names a county twice' })
  @Rule((codes: string[]) => {
    if (codes.length === 1 && codes[0] === '*') return null;
    const bad = codes.find((code) => !/^\d{6}$/.test(code));
    return bad === undefined ? null : `must be six-digit county codes or ["*"] alone, got "${bad}"`;
  })
  counties: string[];

  @Field(() => String, { nullable: true, description: 'required for ENTERPRISE, refused for the other roles' })
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'at most API_KEY_MAX_TTL (default 365 days) from now; default: that latest expiry',
  })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'the authenticated caller, as the server understood its token or key' })
export class Caller {
  @Field()
  subject: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'the county codes of its credentials, or ["*"]' })
  counties: string[];

  @Field(() => String, { nullable: true })
  creditCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: '单位: the unit of the plan an EDITOR token acts for (claim unit, e.g. 县科技局); null: none',
  })
  unit?: string | null;
}
