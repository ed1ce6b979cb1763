import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';
import { LOG_LEVELS, LogLevel } from '../config';

export type { Logger };

/** What the server knows of the request being served; lives in `requestScope` for the request's async life. */
export interface RequestTrace {
  id: string;
  startedAt: bigint;
  /** Date.now() when the request arrived: where its time budget starts */
  receivedAt?: number;
  /** the operation's name once Apollo resolved it ('anonymous' for an unnamed one) */
  operation?: string;
  /** Apollo reached willSendResponse: the request was a GraphQL request */
  graphql?: boolean;
  /** GraphQL returned errors after the operation resolved (execution), or before (parse, validation) */
  executed?: boolean;
  /** `extensions.code` of each error sent to the client, as formatted */
  errorCodes?: string[];
}

/** The request being served, for log lines and the Apollo plugin that fills in its operation and errors. */
export const requestScope = new AsyncLocalStorage<RequestTrace>();

/**
 * JSON lines on stdout (or `destination`), each with the current request's id when there is one.
 * Nothing here logs headers, variables or results: callers pass only the fields they mean to log.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'hvp-backend' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const trace = requestScope.getStore();
      return trace ? { requestId: trace.id } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error for a log line: type, message, PostgreSQL code and stack only. TypeORM's QueryFailedError carries the
 * statement's parameters and pg errors a `detail` with the row's values; neither goes to the logs.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.constructor.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}

let fallback: Logger | null = null;

/** The logger of code paths given none (tests' and the bench's servers): LOG_LEVEL, else info. */
export function defaultLogger(): Logger {
  const level = process.env.LOG_LEVEL as LogLevel | undefined;
  fallback ??= createLogger(level && LOG_LEVELS.includes(level) ? level : 'info');
  return fallback;
}
