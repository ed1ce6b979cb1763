import { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { databaseUnavailable, ERROR_STATUS, formatted, RETRY_AFTER_SECONDS } from '../graphql/errors';

/** Node's socket errors: the server is down, unreachable or went away. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL's SQLSTATEs of a server that cannot serve: class 08 (connection exception), 57P01 admin_shutdown
 * (the server is stopping), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, in recovery),
 * 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/**
 * Messages of node-postgres and pg-pool errors that carry no code: a connection that broke, or none within
 * DATABASE_CONNECT_TIMEOUT_MS (`connectionTimeoutMillis`: the TCP/TLS/startup handshake, and the wait for a free
 * connection of a full pool).
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Connection ended/,
];

/** TypeORM: the query runner was released under the request, which only a broken connection does (see RequestDatabase). */
const UNAVAILABLE_ERROR_NAMES = new Set(['QueryRunnerAlreadyReleasedError']);

/**
 * True for an error that says the database is not there (down, unreachable, restarting, or the connection broke),
 * as opposed to an error of the statement. Looks through TypeORM's `driverError`, an error's `cause` and the like.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, name, driverError, cause, thrownValue, errors } = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
    /** graphql-js's NonErrorThrown (a value thrown that is not an Error of its realm, as in jest) */
    thrownValue?: unknown;
    /** AggregateError: every address of a host name refused */
    errors?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_ERRORS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof name === 'string' && UNAVAILABLE_ERROR_NAMES.has(name)) return true;
  if (UNAVAILABLE_ERROR_NAMES.has((error as object).constructor?.name)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [driverError, cause, thrownValue].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * Replaces a whole answer by DATABASE_UNAVAILABLE (503): the request's COMMIT failed, or its transaction never opened,
 * so no part of the answer (a mutation's result above all) may be taken as done.
 */
export function replaceByDatabaseUnavailable(response: GraphQLResponse): void {
  response.body = {
    kind: 'single',
    singleResult: { errors: [formatted(databaseUnavailable())] },
  };
  response.http.status = ERROR_STATUS.DATABASE_UNAVAILABLE;
  response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
}

/**
 * Answers 503 with `Retry-After` when an error of the response is DATABASE_UNAVAILABLE (formatError gives that code to
 * the connection errors of fields): a load balancer or client retries instead of taking the answer as final.
 */
export const databaseFaultPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        if (!errors?.some((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
        response.http.status = ERROR_STATUS.DATABASE_UNAVAILABLE;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
