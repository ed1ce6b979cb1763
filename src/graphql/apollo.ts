import { ApolloServer, ApolloServerPlugin, GraphQLResponse, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { changeDoorPlugin } from '../history/change-door';
import { databaseFaultPlugin, isDatabaseUnavailable, replaceByDatabaseUnavailable } from '../ops/database-faults';
import { defaultLogger, Logger } from '../ops/logger';
import { readRoutingPlugin } from '../ops/replicas';
import { compiledExecution } from './compiled-execution';
import { Context } from './context';
import { RateLimit } from '../http/rate-limit';
import { ERROR_STATUS, formatted, rateLimited, RETRY_AFTER_SECONDS } from './errors';
import { formatError, withoutSuggestions } from './format-error';
import { nulCharacterPlugin } from './nul-characters';
import { DEFAULT_QUERY_LIMITS, QueryLimits, queryLimitsPlugin } from './query-limits';
import { graphqlSchema } from './schema';

/**
 * Ends each request's transaction once its response is ready. It commits unless an error nulled `data` — a refused
 * mutation (the contract's mutation fields are non-null), or any error that reached the root — so that `data: null`
 * always means nothing of the request was written, even by its other mutations. (Each mutation also runs in a
 * savepoint: a refused one under a nullable field, whose answer keeps `data`, undoes only its own writes.)
 * The answer waits for the COMMIT, so a write is acknowledged only once PostgreSQL has it; when the database went away
 * (the transaction never opened, or the COMMIT failed), the whole answer is replaced by DATABASE_UNAVAILABLE (503).
 */
const transactionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const nulled = response.body.kind === 'single' && response.body.singleResult.data === null;
        const finishing = contextValue.db.finish(!nulled);
        if (contextValue.db.readOnly && !contextValue.db.timedOut) {
          // a query's transaction wrote nothing: its answer need not wait for the COMMIT's round trip (the connection
          // goes back to the pool once PostgreSQL has it)
          finishing.catch(() => undefined);
          return;
        }
        try {
          await finishing;
        } catch (error) {
          // Apollo turns an error thrown here into a bare 500: the answer is replaced instead
          if (!isDatabaseUnavailable(error) || response.body.kind !== 'single') throw error;
          replaceByDatabaseUnavailable(response);
        }
        // the budget ran out: finish() rolled back; whatever the fields answered, nothing of it stands
        if (contextValue.db.timedOut) replaceByTimeout(response, contextValue.db.timeoutError());
      },
    };
  },
};

/** The whole answer becomes the request's TIMEOUT (503, Retry-After): no field's result may be taken as done. */
function replaceByTimeout(response: GraphQLResponse, error: GraphQLError): void {
  response.body = { kind: 'single', singleResult: { errors: [formatted(error)] } };
  response.http.status = ERROR_STATUS.TIMEOUT;
  response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
}

export interface ApolloServerOptions {
  /** after the transaction plugin */
  plugins?: ApolloServerPlugin<Context>[];
  logger?: Logger;
  /** Apollo's own SIGINT/SIGTERM handling; off when the caller handles the signals (src/server.ts) */
  stopOnTerminationSignals?: boolean;
  /** `__schema` and `__type` answered, and "Did you mean …?" in error messages (default: neither; config.graphqlIntrospection) */
  introspection?: boolean;
  /** stack traces in `extensions.stacktrace` (default: none; config.graphqlStackTraces, development only) */
  stackTraces?: boolean;
  /** bounds on a document, checked before it runs (default DEFAULT_QUERY_LIMITS; config.queryLimits) */
  limits?: QueryLimits;
  /** the rate limit an operation's cost is charged to (none: unlimited) */
  rateLimit?: RateLimit | null;
  /** graphql-js's own execution instead of the compiled one (src/graphql/compiled-execution.ts): the reference of its test */
  interpreted?: boolean;
}

/** Charges an operation's cost to its caller's bucket: past it, RATE_LIMITED (429, Retry-After) before anything runs. */
function chargeTo(rateLimit: RateLimit) {
  return async (context: Context, cost: number) => {
    const decision = await rateLimit.charge(context.principal, cost);
    if (decision.allowed) return;
    const refusal = rateLimited(decision.retryAfterSeconds, 'credentials');
    refusal.extensions.http = {
      status: ERROR_STATUS.RATE_LIMITED,
      headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]),
    };
    throw refusal;
  };
}

/** Apollo Server over the schema, with the request path's plugins; started. */
export async function createApolloServer(options: ApolloServerOptions = {}): Promise<ApolloServer<Context>> {
  const logger = options.logger ?? defaultLogger();
  const introspection = options.introspection ?? false;
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const schema = await graphqlSchema();
  const server = new ApolloServer<Context>({
    ...(options.interpreted ? { schema } : { gateway: compiledExecution(schema) }),
    plugins: [
      // per-field cache hints and usage reports are not used here; without them no resolver is wrapped for plugins
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      transactionPlugin,
      databaseFaultPlugin,
      queryLimitsPlugin(limits, options.rateLimit ? chargeTo(options.rateLimit) : undefined),
      nulCharacterPlugin,
      readRoutingPlugin,
      changeDoorPlugin,
      ...(options.plugins ?? []),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: (formatted, error) => {
      const answer = formatError(formatted, error, logger);
      return introspection ? answer : withoutSuggestions(answer);
    },
    logger,
    stopOnTerminationSignals: options.stopOnTerminationSignals,
    introspection,
    // Apollo's default follows NODE_ENV (traces unless "production"): production is the default here instead
    includeStacktraceInErrorResponses: options.stackTraces ?? false,
    // Apollo's CSRF prevention refuses "simple" requests (a GET, a form POST) unless they carry a header a browser
    // would preflight, which broke plain GET queries (curl, caches, GraphQL-over-HTTP clients). It guards against
    // requests a browser sends with ambient credentials (cookies); here every request must carry `Authorization:
    // Bearer|ApiKey …`, which a browser never adds by itself, and which a cross-site page can add only after a CORS
    // preflight this server does not grant (it sends no Access-Control-Allow-* headers). Requests without it are
    // refused 401 before Apollo sees them. So nothing a forged request could do is left to guard; see docs/operations.md, GraphQL over HTTP.
    csrfPrevention: false,
  });
  await server.start();
  return server;
}
