import { GraphQLError, GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import { formatted, statusOf } from '../graphql/errors';
import { requestScope } from '../ops/logger';
import { errorCodes } from '../ops/trace-plugin';

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}

/**
 * Notes the codes of an error answer for the request log and metrics, when Apollo's plugins did not see the request
 * (an answer of the HTTP front) or their answer was replaced (`replaced`: a 5xx such as a failed COMMIT).
 */
export function noteErrorAnswer(errors: readonly GraphQLFormattedError[] | undefined, replaced = false): void {
  const trace = requestScope.getStore();
  if (!trace || (trace.graphql && !replaced)) return;
  trace.errorCodes = errors ? errorCodes(errors) : ['BAD_REQUEST'];
}

/**
 * An answer made of one error, in GraphQL's shape (`{ errors: [{ message, extensions: { code } }] }`), with the status of
 * its code (src/graphql/errors.ts) unless told otherwise.
 */
export function sendError(
  response: http.ServerResponse,
  error: GraphQLError,
  headers: http.OutgoingHttpHeaders = {},
  status = statusOf(error.extensions.code),
): void {
  const errors = [formatted(error)];
  noteErrorAnswer(errors, status >= 500);
  if (response.headersSent) {
    response.end();
    return;
  }
  sendJson(response, status, { errors }, headers);
}
