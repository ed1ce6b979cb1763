import { DataSource } from 'typeorm';
import { principalOfApiKey } from './api-keys';
import { Principal } from './principal';
import { createJwtVerifier, InvalidCredentials, JwtConfig } from './tokens';

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

/**
 * The caller of a request, from its Authorization header: `Bearer <JWT>` or `ApiKey <key>`. Anything else, or a
 * token or key that does not check out, throws InvalidCredentials (the request answers UNAUTHENTICATED).
 */
export function createAuthenticator(config: JwtConfig, dataSource: DataSource): Authenticate {
  const verifyJwt = createJwtVerifier(config);
  return async (authorization) => {
    if (!authorization || authorization.trim() === '') {
      throw new InvalidCredentials('credentials are required: send Authorization: Bearer <JWT> or Authorization: ApiKey <key>');
    }
    const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization);
    const scheme = match?.[1].toLowerCase();
    if (scheme === 'bearer') return verifyJwt(match![2]);
    if (scheme === 'apikey') return principalOfApiKey(dataSource, match![2]);
    throw new InvalidCredentials('the Authorization header must be "Bearer <JWT>" or "ApiKey <key>"');
  };
}
