import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { Authenticate } from '../auth/authenticate';
import { Principal } from '../auth/principal';
import { InvalidCredentials } from '../auth/tokens';
import { RequestDatabase, RequestDatabaseOptions } from '../db/request-database';
import { handleExportRequest } from '../export/http';
import { changeDoorPlugin } from '../history/change-door';
import {
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
  databaseFaultPlugin,
  isDatabaseUnavailable,
  replaceByDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '../ops/database-faults';
import { defaultLogger, describeError, Logger, requestScope } from '../ops/logger';
import { readRoutingPlugin, requestRoute } from '../ops/replicas';
import { errorCodes } from '../ops/trace-plugin';
import { Context } from './context';
import { todayInChina } from './dates';
import { badUserInput, forbidden, internalError } from './errors';
import { Loaders } from './loaders';
import { graphqlSchema } from './schema';

/**
 * Ends each request's transaction once its response is ready: successful mutations were released from their savepoints.
 * The answer waits for the COMMIT, so a write is acknowledged only once PostgreSQL has it; when the database went away
 * (the transaction never opened, or the COMMIT failed), the whole answer is replaced by DATABASE_UNAVAILABLE (503).
 */
const transactionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        try {
          await contextValue.db.finish(true);
        } catch (error) {
          // Apollo turns an error thrown here into a bare 500: the answer is replaced instead
          if (!isDatabaseUnavailable(error) || response.body.kind !== 'single') throw error;
          replaceByDatabaseUnavailable(response);
        }
      },
    };
  },
};

const POSTGRES_INTEGRITY_VIOLATION = /^23/;
/** insufficient_privilege: a row-level security policy refused a write (or a privilege is missing) */
const POSTGRES_INSUFFICIENT_PRIVILEGE = '42501';
/** query_canceled: `statement_timeout` (STATEMENT_TIMEOUT_MS) ran out */
const POSTGRES_QUERY_CANCELED = '57014';

/** Only errors with a code of ours reach a client; a constraint the input checks missed is still the input's fault. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger = defaultLogger()): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) return formatted;
  const pg = original as { code?: string; constraint?: string; detail?: string };
  if (typeof pg?.code === 'string' && POSTGRES_INTEGRITY_VIOLATION.test(pg.code)) {
    const refused = badUserInput('input', `violates ${pg.constraint ?? 'a database constraint'}${pg.detail ? `: ${pg.detail}` : ''}`);
    return { ...formatted, message: refused.message, extensions: refused.extensions };
  }
  if (pg?.code === POSTGRES_INSUFFICIENT_PRIVILEGE) {
    // the policy and table names stay in the log: a client learns only that the write was outside its scope
    logger.warn({ err: describeError(original), path: formatted.path }, 'row-level security refused a write');
    const refused = forbidden("Not allowed: the write is outside the caller's counties or role");
    return { ...formatted, message: refused.message, extensions: refused.extensions };
  }
  if (isDatabaseUnavailable(original)) {
    logger.warn({ err: describeError(original), path: formatted.path }, 'database unavailable');
    return { ...formatted, message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: DATABASE_UNAVAILABLE } };
  }
  if (pg?.code === POSTGRES_QUERY_CANCELED) {
    logger.warn({ path: formatted.path }, 'statement timeout: the database cancelled a statement of the request');
    return {
      ...formatted,
      message:
        'The database took too long to answer and the statement was cancelled (statement timeout); narrow the query or try again later',
      extensions: { code: 'TIMEOUT' },
    };
  }
  if (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: describeError(original), path: formatted.path }, 'unexpected error');
  const hidden = internalError();
  return { ...formatted, message: hidden.message, extensions: hidden.extensions };
}

export interface ApolloServerOptions {
  /** after the transaction plugin */
  plugins?: ApolloServerPlugin<Context>[];
  logger?: Logger;
  /** Apollo's own SIGINT/SIGTERM handling; off when the caller handles the signals (src/ops/app.ts) */
  stopOnTerminationSignals?: boolean;
}

export async function createApolloServer(options: ApolloServerOptions = {}): Promise<ApolloServer<Context>> {
  const logger = options.logger ?? defaultLogger();
  const server = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    plugins: [transactionPlugin, databaseFaultPlugin, readRoutingPlugin, changeDoorPlugin, ...(options.plugins ?? [])],
    formatError: (formatted, error) => formatError(formatted, error, logger),
    logger,
    stopOnTerminationSignals: options.stopOnTerminationSignals,
    introspection: true,
    // Apollo's CSRF prevention refuses "simple" requests (a GET, a form POST) unless they carry a header a browser
    // would preflight, which broke plain GET queries (curl, caches, GraphQL-over-HTTP clients). It guards against
    // requests a browser sends with ambient credentials (cookies); here every request must carry `Authorization:
    // Bearer|ApiKey …`, which a browser never adds by itself, and which a cross-site page can add only after a CORS
    // preflight this server does not grant (it sends no Access-Control-Allow-* headers). Requests without it are
    // refused 401 before Apollo sees them. So nothing a forged request could do is left to guard; see README, Operations.
    csrfPrevention: false,
  });
  await server.start();
  return server;
}

/**
 * A request's context: its transaction opens (lazily) under Row Level Security for `principal`, on a read replica when
 * the operation is a query (readRoutingPlugin; DATABASE_REPLICA_URLS), else on the primary.
 */
export function createContext(dataSource: DataSource, principal: Principal, options: RequestDatabaseOptions = {}): Context {
  const route = requestRoute();
  const db = new RequestDatabase(dataSource, { ...options, target: route.target }, principal);
  route.attach(db);
  return { db, loaders: new Loaders(), today: todayInChina(), principal };
}

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(request: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface HttpHandlerOptions extends RequestDatabaseOptions {
  logger?: Logger;
  /** the caller of a request from its Authorization header (src/auth/authenticate.ts) */
  authenticate: Authenticate;
}

/** 401 with the contract's UNAUTHENTICATED code, before Apollo sees the request. */
function unauthenticatedAnswer(response: http.ServerResponse, reason: string): void {
  const answer = JSON.stringify({ errors: [{ message: `Unauthenticated: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }] });
  noteErrorAnswer(answer);
  response
    .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer, ApiKey', 'cache-control': 'no-store' })
    .end(answer);
}

/**
 * Codes of an error answer that Apollo (or this handler) gave before any plugin saw the request (a bad HTTP request),
 * or in place of the plugins' answer (`replaced`: a 5xx such as a failed COMMIT).
 */
function noteErrorAnswer(body: string, replaced = false): void {
  const trace = requestScope.getStore();
  if (!trace || (trace.graphql && !replaced)) return;
  try {
    trace.errorCodes = errorCodes((JSON.parse(body) as { errors?: GraphQLFormattedError[] }).errors);
  } catch {
    trace.errorCodes = ['BAD_REQUEST'];
  }
}

/**
 * The HTTP front: POST/GET /graphql through Apollo, GET /health (the process answers; liveness). Readiness, metrics,
 * request ids and the request log are src/ops/app.ts's, around this handler.
 */
export function createHttpHandler(
  apollo: ApolloServer<Context>,
  dataSource: DataSource,
  options: HttpHandlerOptions,
): http.RequestListener {
  const logger = options.logger ?? defaultLogger();
  const databaseOptions: RequestDatabaseOptions = { statementTimeoutMs: options.statementTimeoutMs };
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (url.pathname.startsWith('/export/')) {
        await handleExportRequest(request, response, url, {
          authenticate: options.authenticate,
          context: (principal) => createContext(dataSource, principal, databaseOptions),
        });
        return;
      }
      if (url.pathname !== '/graphql') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the API is at /graphql');
        return;
      }
      let principal: Principal;
      try {
        principal = await options.authenticate(request.headers.authorization);
      } catch (error) {
        if (!(error instanceof InvalidCredentials)) throw error;
        // the request's body is not read: nothing of it is needed to refuse
        unauthenticatedAnswer(response, error.message);
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const text = request.method === 'POST' ? await readBody(request) : '';
      let body: unknown = text;
      if (text && headers.get('content-type')?.startsWith('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          const answer = JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          noteErrorAnswer(answer);
          response.writeHead(400, { 'content-type': 'application/json' }).end(answer);
          return;
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(dataSource, principal, databaseOptions),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        if (response.statusCode >= 400) noteErrorAnswer(result.body.string, response.statusCode >= 500);
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // authenticating an API key reads the database
        logger.warn({ err: describeError(error) }, 'database unavailable');
        const answer = JSON.stringify({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: DATABASE_UNAVAILABLE } }] });
        noteErrorAnswer(answer, true);
        if (!response.headersSent) {
          response.writeHead(503, {
            'content-type': 'application/json',
            'retry-after': String(RETRY_AFTER_SECONDS),
            'cache-control': 'no-store',
          });
        }
        response.end(answer);
        return;
      }
      logger.error({ err: describeError(error) }, 'request failed');
      if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"status":"unavailable"}');
    }
  };
}
