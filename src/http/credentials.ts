import http from 'node:http';
import { Authenticate } from '../auth/authenticate';
import { Principal } from '../auth/principal';
import { InvalidCredentials } from '../auth/tokens';
import { rateLimited, unauthenticated } from '../graphql/errors';
import { sendError } from './answers';
import { RateDecision, RateLimit } from './rate-limit';

/** 429 RATE_LIMITED with Retry-After. */
export function sendRateLimited(
  response: http.ServerResponse,
  decision: RateDecision & { allowed: false },
  what: 'credentials' | 'address',
): void {
  sendError(response, rateLimited(decision.retryAfterSeconds, what), { 'retry-after': String(decision.retryAfterSeconds) });
}

/**
 * The caller of a request, or null after answering 401 UNAUTHENTICATED (the request's body is not read: nothing of
 * it is needed to refuse), or 429 RATE_LIMITED: the address has failed to authenticate too often (checked before the
 * credentials are), or the credential's budget is spent (the request costs 1). The one place where a request is
 * admitted, for every route that needs credentials (src/http/routes.ts). Other errors (the database away while an API
 * key is looked up) are thrown.
 */
export async function authenticateOr401(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  authenticate: Authenticate,
  rateLimit: RateLimit | null = null,
): Promise<Principal | null> {
  const address = rateLimit?.addressOf(request) ?? '';
  if (rateLimit) {
    const admitted = await rateLimit.admitAddress(address);
    if (!admitted.allowed) {
      sendRateLimited(response, admitted, 'address');
      return null;
    }
  }
  let principal: Principal;
  try {
    principal = await authenticate(request.headers.authorization);
  } catch (error) {
    if (!(error instanceof InvalidCredentials)) throw error;
    await rateLimit?.failedAuthentication(address);
    sendError(response, unauthenticated(`Unauthenticated: ${error.message}`), { 'www-authenticate': 'Bearer, ApiKey' });
    return null;
  }
  if (rateLimit) {
    const charged = await rateLimit.charge(principal, 1);
    if (!charged.allowed) {
      sendRateLimited(response, charged, 'credentials');
      return null;
    }
  }
  return principal;
}
