import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../ops/database-faults';
import { defaultLogger, describeError, Logger } from '../ops/logger';
import { badUserInput, databaseUnavailable, forbidden, formatted, internalError, statementTimeout } from './errors';

const POSTGRES_INTEGRITY_VIOLATION = /^23/;
/** insufficient_privilege: a row-level security policy refused a write (or a privilege is missing) */
const POSTGRES_INSUFFICIENT_PRIVILEGE = '42501';
/** query_canceled: `statement_timeout` (STATEMENT_TIMEOUT_MS) ran out */
const POSTGRES_QUERY_CANCELED = '57014';

/** Only errors with a code of ours reach a client; a constraint the input checks missed is still the input's fault. */
export function formatError(base: GraphQLFormattedError, error: unknown, logger: Logger = defaultLogger()): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) return base;
  const pg = original as { code?: string; constraint?: string; detail?: string };
  if (typeof pg?.code === 'string' && POSTGRES_INTEGRITY_VIOLATION.test(pg.code)) {
    return formatted(
      badUserInput('input', `violates ${pg.constraint ?? 'a database constraint'}${pg.detail ? `: ${pg.detail}` : ''}`),
      base,
    );
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
