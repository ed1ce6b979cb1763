import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Every error code a client can meet, with the HTTP status of an answer that consists of that error (a refusal before
 * or instead of execution: the HTTP front, the export, a whole answer replaced). An error of one field among others
 * leaves the status to GraphQL over HTTP (200 with partial data). Nothing else reaches a client: see formatError.
 */
export const ERROR_STATUS = {
  /** invalid input: the field and the reason */
  BAD_USER_INPUT: 400,
  /** not a GraphQL request at all (a body that is not JSON) */
  BAD_REQUEST: 400,
  /** the document is past a limit (depth, aliases, tokens, cost), refused before it runs */
  QUERY_TOO_COMPLEX: 400,
  /** missing or invalid credentials */
  UNAUTHENTICATED: 401,
  /** valid credentials, not allowed */
  FORBIDDEN: 403,
  /** no such resource among the caller's counties (the export): the same answer whether it exists or not */
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** expectedVersion does not match, or a deleted record's key is entered again */
  CONFLICT: 409,
  /** a request body over MAX_BODY_BYTES (1 MiB) */
  PAYLOAD_TOO_LARGE: 413,
  /** the credential's (or, for failed authentications, the address's) budget is spent: with Retry-After */
  RATE_LIMITED: 429,
  /** the server could not answer: a bug, logged; the client learns nothing of it */
  INTERNAL_SERVER_ERROR: 500,
  /** PostgreSQL cannot be reached or the connection was lost (with Retry-After) */
  DATABASE_UNAVAILABLE: 503,
  /**
   * the database took too long (a statement past STATEMENT_TIMEOUT_MS: that field's error), or the request's time budget
   * (REQUEST_TIMEOUT_MS) ran out: the whole answer, 503 with Retry-After. Not 4xx: the request was within every limit a
   * client can see, and the same request may well be answered when the server is less busy.
   */
  TIMEOUT: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The HTTP status of an answer made of errors: the first error's code (400 for a code of Apollo's or graphql-js's own). */
export function statusOf(code: unknown): number {
  return typeof code === 'string' && code in ERROR_STATUS ? ERROR_STATUS[code as ErrorCode] : 400;
}

/** An error as it is sent: `{ message, extensions }` (and path and locations when it has them); `extensions.http` is Apollo's. */
export function formatted(error: GraphQLError, base: GraphQLFormattedError | null = null): GraphQLFormattedError {
  const { http, ...extensions } = error.extensions;
  return { ...(base ?? {}), message: error.message, extensions };
}

/**
 * Invalid input: names the field (a path such as "input.memberships[1].validTo") and the reason. A scalar's parser
 * does not know the field (null): graphql-js puts the argument or variable in front of the message.
 */
export function badUserInput(field: string | null, reason: string): GraphQLError {
  return field === null ? coded('BAD_USER_INPUT', reason) : coded('BAD_USER_INPUT', `${field}: ${reason}`, { field, reason });
}

/** The request is not GraphQL over HTTP (its body is not JSON). */
export function badRequest(reason: string): GraphQLError {
  return coded('BAD_REQUEST', reason);
}

export function conflict(field: string, reason: string): GraphQLError {
  return coded('CONFLICT', `${field}: ${reason}`, { field, reason });
}

export function forbidden(reason: string): GraphQLError {
  return coded('FORBIDDEN', reason);
}

export function unauthenticated(reason: string): GraphQLError {
  return coded('UNAUTHENTICATED', reason);
}

/** Something outside the caller's counties, or that does not exist: the same answer for both. */
export function notFound(reason: string): GraphQLError {
  return coded('NOT_FOUND', reason);
}

export function payloadTooLarge(maxBytes: number): GraphQLError {
  return coded('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes; send fewer rows per request`, { maxBytes });
}

/** Too many requests (or too costly ones) for the credentials, or too many failed authentications from the address. */
export function rateLimited(retryAfterSeconds: number, what: 'credentials' | 'address'): GraphQLError {
  const reason =
    what === 'credentials'
      ? 'these credentials have spent their request budget (each request costs 1 plus its query cost)'
      : 'too many failed authentications from this address';
  return coded('RATE_LIMITED', `Rate limited: ${reason}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

export function methodNotAllowed(reason: string): GraphQLError {
  return coded('METHOD_NOT_ALLOWED', reason);
}

/** Seconds a client is told to wait (`Retry-After`) before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable (PostgreSQL cannot be reached or the connection was lost) and the request did not complete; try again shortly';

export function databaseUnavailable(): GraphQLError {
  return coded('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
}

/** PostgreSQL cancelled a statement that ran past `statement_timeout` (STATEMENT_TIMEOUT_MS). */
export function statementTimeout(): GraphQLError {
  return coded(
    'TIMEOUT',
    'The database took too long to answer and the statement was cancelled (statement timeout); narrow the query or try again later',
  );
}

export type QueryLimit = 'depth' | 'aliases' | 'tokens' | 'cost';

/**
 * A document past one of the limits of src/graphql/query-limits.ts: which `limit`, its `maximum`, the `actual` value
 * (null when counting stopped: the parser's token limit, a cost too large to finish computing) and the computed `cost`.
 */
export function queryTooComplex(limit: QueryLimit, maximum: number, actual: number | null, cost: number | null = null): GraphQLError {
  const found = actual === null ? `more than ${maximum}` : String(actual);
  const what = { depth: 'fields nested', aliases: 'aliased fields', tokens: 'tokens', cost: 'of cost' }[limit];
  return coded(
    'QUERY_TOO_COMPLEX',
    `The query is too complex to run: ${found} ${what}, at most ${maximum} allowed; ask for less (smaller pages, fewer nested lists or aliases) or split it into several requests`,
    {
      limit,
      maximum,
      actual,
      cost,
      http: { status: ERROR_STATUS.QUERY_TOO_COMPLEX },
    },
  );
}

/**
 * The request's time budget (REQUEST_TIMEOUT_MS) ran out: its statement was cancelled, its transaction rolled back,
 * nothing written.
 */
export function requestTimeout(budgetMs: number): GraphQLError {
  return coded(
    'TIMEOUT',
    `The request took longer than its budget of ${budgetMs} ms and was cancelled; nothing was written. Ask for less, or try again later`,
    { budgetMs },
  );
}

export function internalError(): GraphQLError {
  return coded('INTERNAL_SERVER_ERROR', 'Internal server error');
}
