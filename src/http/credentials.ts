import http from 'node:http';
import { Authenticate } from '../auth/authenticate';
import { Principal } from '../auth/principal';
import { InvalidCredentials } from '../auth/tokens';
import { unauthenticated } from '../graphql/errors';
import { sendError } from './answers';

/**
 * The caller of a request, or null after answering 401 UNAUTHENTICATED (the request's body is not read: nothing of
 * it is needed to refuse). The one place where a request without valid credentials is refused, for every route that
 * needs them (src/http/routes.ts). Other errors (the database away while an API key is looked up) are thrown.
 */
export async function authenticateOr401(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  authenticate: Authenticate,
): Promise<Principal | null> {
  try {
    return await authenticate(request.headers.authorization);
  } catch (error) {
    if (!(error instanceof InvalidCredentials)) throw error;
    sendError(response, unauthenticated(`Unauthenticated: ${error.message}`), { 'www-authenticate': 'Bearer, ApiKey' });
    return null;
  }
}
