import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { GraphQLError } from 'graphql';
import { databaseUnavailable, ERROR_STATUS, internalError, RETRY_AFTER_SECONDS, statusOf } from '../graphql/errors';
import { isDatabaseUnavailable } from '../ops/database-faults';
import { defaultLogger, describeError, Logger, RequestTrace, requestScope } from '../ops/logger';
import { Outcome, ServerMetrics } from '../ops/metrics';
import { sendError } from './answers';
import { RateLimit } from './rate-limit';
import { AppRoutesOptions, appRoutes, Route, routeRequest } from './routes';

/** A request id a client may choose; anything else (too long, odd characters) is replaced by a fresh UUID. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function outcomeOf(trace: RequestTrace, status: number, finished: boolean): Outcome {
  if (!finished) return 'aborted';
  if (status >= 500) return 'failed';
  if (trace.errorCodes?.length) return trace.operation ? 'error' : 'rejected';
  if (status >= 400) return 'rejected';
  return 'success';
}

export interface HttpFrontOptions extends AppRoutesOptions {
  logger?: Logger;
  /** the routes; default: appRoutes(options) */
  routes?: Route[];
  /** the per-credential rate limit (src/http/rate-limit.ts); none: unlimited */
  rateLimit?: RateLimit | null;
}

/**
 * The HTTP front of the server: every request gets an id (`x-request-id`), runs in its request scope (log lines carry
 * the id), is answered by the route table (src/http/routes.ts), and ends in one log line and, for /graphql, in the
 * metrics. An error no route answered is the database away (503 DATABASE_UNAVAILABLE, Retry-After) or a bug (500).
 */
export function createHttpHandler(options: HttpFrontOptions): http.RequestListener {
  const logger = options.logger ?? defaultLogger();
  const metrics: ServerMetrics | undefined = options.metrics;
  const route = routeRequest(options.routes ?? appRoutes(options), options.authenticate, options.rateLimit ?? null);
  return (request, response) => {
    const claimed = request.headers['x-request-id'];
    const id = typeof claimed === 'string' && CLIENT_REQUEST_ID.test(claimed) ? claimed : randomUUID();
    response.setHeader('x-request-id', id);
    const trace: RequestTrace = { id, startedAt: process.hrtime.bigint(), receivedAt: Date.now() };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const isGraphql = path === '/graphql';
    if (isGraphql) metrics?.requestStarted();

    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - trace.startedAt) / 1e9;
      const outcome = outcomeOf(trace, response.statusCode, response.writableFinished);
      const errorCodes = trace.errorCodes ?? [];
      if (isGraphql) metrics?.requestFinished(trace.operation, outcome, seconds, errorCodes);
      const line = {
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
        outcome,
        ...(isGraphql ? { operation: trace.operation ?? null, errorCodes } : {}),
      };
      // probes and scrapes only at debug: they come every few seconds
      requestScope.run(trace, () =>
        isGraphql || response.statusCode >= 500 ? logger.info(line, 'request') : logger.debug(line, 'request'),
      );
    });

    return requestScope.run(trace, () =>
      route(request, response).catch((error) => {
        if (isDatabaseUnavailable(error)) {
          // authenticating an API key reads the database
          logger.warn({ err: describeError(error) }, 'database unavailable');
          sendError(response, databaseUnavailable(), { 'retry-after': String(RETRY_AFTER_SECONDS) });
          return;
        }
        if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in ERROR_STATUS) {
          // a refusal of ours thrown past its route (e.g. the time budget of an export)
          const status = statusOf(error.extensions.code);
          const headers: http.OutgoingHttpHeaders = status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
          // the rest of a body too large is not read: the connection cannot be used again
          if (error.extensions.code === 'PAYLOAD_TOO_LARGE') headers.connection = 'close';
          sendError(response, error, headers);
          return;
        }
        logger.error({ err: describeError(error) }, 'request failed');
        sendError(response, internalError());
      }),
    );
  };
}
