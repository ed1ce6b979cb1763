import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { enterpriseByCreditCodeLoader } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { badUserInput, forbidden } from '../graphql/errors';
import { parseCreditCode } from '../identifiers/credit-code';
import { ApiKey, ApiKeyInput, Caller, CreatedApiKey } from './api-key';
import { insertApiKey, listApiKeys, revokeApiKey } from './api-key.sql';
import { apiKeyExpiry, DEFAULT_API_KEY_MAX_TTL_SECONDS } from './api-keys';
import { requireAdmin, requireCountyInScope } from './guard';
import { ALL_COUNTIES, allCounties, Role } from './principal';

@Resolver()
export class AuthResolver {
  @Query(() => Caller, { description: '当前调用者: who the server takes the caller to be (role and counties of its token or key)' })
  me(@Ctx() ctx: Context): Caller {
    const { subject, role, counties, creditCode, unit } = ctx.principal;
    return { subject, role, counties, creditCode, unit: unit ?? null };
  }

  @Query(() => [ApiKey], {
    description: "API 密钥 (ADMIN): the keys within the caller's counties, newest first; hashes and keys are never shown",
  })
  apiKeys(
    @Arg('includeRevoked', () => Boolean, { nullable: true, defaultValue: false }) includeRevoked: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ApiKey[]> {
    requireAdmin(ctx, 'apiKeys');
    return listApiKeys(ctx.db, includeRevoked ?? false);
  }

  @Mutation(() => CreatedApiKey, {
    description:
      "创建 API 密钥 (ADMIN): a key with the given role and counties (within the caller's own); the answer holds the key, shown this once",
  })
  async createApiKey(@Arg('input', () => ApiKeyInput) input: ApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    requireAdmin(ctx, 'createApiKey');
    const counties = [...input.counties].sort();
    if (counties.includes(ALL_COUNTIES)) {
      if (!allCounties(ctx.principal))
        throw forbidden('input.counties: only a caller of every county ("*") may create a key for every county');
    } else {
      for (const [i, code] of counties.entries()) await requireCountyInScope(ctx, code, `input.counties[${i}]`);
    }
    let creditCode: string | null = null;
    if (input.role === Role.ENTERPRISE) {
      if (!input.creditCode) throw badUserInput('input.creditCode', 'is required for an ENTERPRISE key');
      creditCode = (parseCreditCode(input.creditCode) as { value: string }).value;
      const enterprise = await enterpriseByCreditCodeLoader(ctx).load(creditCode);
      if (!enterprise) throw badUserInput('input.creditCode', `no enterprise with credit code ${creditCode}`);
      if (!counties.includes(ALL_COUNTIES) && !counties.includes(enterprise.countyCode)) {
        throw badUserInput('input.counties', `must include the enterprise's county ${enterprise.countyCode}`);
      }
    } else if (input.creditCode) {
      throw badUserInput('input.creditCode', 'is only for an ENTERPRISE key');
    }
    const expiry = apiKeyExpiry(input.expiresAt, ctx.policy?.apiKeyMaxTtlSeconds ?? DEFAULT_API_KEY_MAX_TTL_SECONDS);
    if (!expiry.ok) throw badUserInput('input.expiresAt', expiry.reason);
    return ctx.db.atomically(() =>
      insertApiKey(ctx.db, {
        name: input.name,
        role: input.role,
        counties,
        creditCode,
        expiresAt: expiry.expiresAt,
        createdBy: ctx.principal.subject,
      }),
    );
  }

  @Mutation(() => ApiKey, { description: '吊销 API 密钥 (ADMIN): the key is refused from now on' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    requireAdmin(ctx, 'revokeApiKey');
    const key = /^\d{1,9}$/.test(id) ? await ctx.db.atomically(() => revokeApiKey(ctx.db, Number(id))) : null;
    if (!key) throw badUserInput('id', `no API key with id ${id}`);
    return key;
  }
}
