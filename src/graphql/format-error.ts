import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../ops/database-faults';
import { defaultLogger, describeError, Logger } from '../ops/logger';
import { badUserInput, databaseUnavailable, forbidden, formatted, internalError, queryTooComplex, statementTimeout } from './errors';
import { TOO_MANY_TOKENS } from './query-limits';

const POSTGRES_INTEGRITY_VIOLATION = /^23/;
/**
 * data_exception: a value that does not fit its type or column (a number or a date out of range, a character text
 * cannot hold) — values come from the client; division by zero (22012) would be a bug of ours, and stays one
 */
const POSTGRES_DATA_EXCEPTION = /^22(?!012)/;
const DATA_EXCEPTION_REASONS: Record<string, string> = {
  '22003': 'a number is out of range',
  '22008': 'a date is out of range',
  '22007': 'a date or time is not valid',
  '22021': 'a text holds a character that cannot be stored',
  '22001': 'a text is too long',
  '22P02': 'a value is not of the expected type',
};
/** insufficient_privilege: a row-level security policy refused a write (or a privilege is missing) */
const POSTGRES_INSUFFICIENT_PRIVILEGE = '42501';
/** query_canceled: `statement_timeout` (STATEMENT_TIMEOUT_MS) ran out */
const POSTGRES_QUERY_CANCELED = '57014';

/** Only errors with a code of ours reach a client; a constraint the input checks missed is still the input's fault. */
export function formatError(base: GraphQLFormattedError, error: unknown, logger: Logger = defaultLogger()): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const tokens = base.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(base.message) : null;
  if (tokens) return formatted(queryTooComplex('tokens', Number(tokens[1]), null), base);
  if (original instanceof GraphQLError) return base;
  const pg = original as { code?: string; constraint?: string; detail?: string };
  if (typeof pg?.code === 'string' && POSTGRES_INTEGRITY_VIOLATION.test(pg.code)) {
    return formatted(
      badUserInput('input', `violates ${pg.constraint ?? 'a database constraint'}${pg.detail ? `: ${pg.detail}` : ''}`),
      base,
    );
  }
  if (typeof pg?.code === 'string' && POSTGRES_DATA_EXCEPTION.test(pg.code)) {
    logger.warn({ err: describeError(original), path: base.path }, 'a value the database refused');
    const field = base.path?.length ? base.path.filter((part) => typeof part === 'string').join('.') : 'input';
    const reason = DATA_EXCEPTION_REASONS[pg.code] ?? 'a value does not fit its type';
    return formatted(badUserInput(field, `${reason} (${(original as Error).message})`), base);
  }
  if (pg?.code === POSTGRES_INSUFFICIENT_PRIVILEGE) {
    // the policy and table names stay in the log: a client learns only that the write was outside its scope
    logger.warn({ err: describeError(original), path: base.path }, 'row-level security refused a write');
    return formatted(forbidden("Not allowed: the write is outside the caller's counties or role"), base);
  }
  if (isDatabaseUnavailable(original)) {
    logger.warn({ err: describeError(original), path: base.path }, 'database unavailable');
    return formatted(databaseUnavailable(), base);
  }
  if (pg?.code === POSTGRES_QUERY_CANCELED) {
    logger.warn({ path: base.path }, 'statement timeout: the database cancelled a statement of the request');
    return formatted(statementTimeout(), base);
  }
  if (base.extensions?.code && base.extensions.code !== 'INTERNAL_SERVER_ERROR') return base;
  logger.error({ err: describeError(original), path: base.path }, 'unexpected error');
  return formatted(internalError(), base);
}

/** graphql-js's "Did you mean …?" hints name fields, arguments and enum values: schema details, kept from a client while introspection is off. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(/ ?Did you mean .+\?$/s, '');
  return message === error.message ? error : { ...error, message };
}
