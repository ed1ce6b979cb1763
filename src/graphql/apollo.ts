import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { changeDoorPlugin } from '../history/change-door';
import { databaseFaultPlugin, isDatabaseUnavailable, replaceByDatabaseUnavailable } from '../ops/database-faults';
import { defaultLogger, Logger } from '../ops/logger';
import { readRoutingPlugin } from '../ops/replicas';
import { Context } from './context';
import { formatError } from './format-error';
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

export interface ApolloServerOptions {
  /** after the transaction plugin */
  plugins?: ApolloServerPlugin<Context>[];
  logger?: Logger;
  /** Apollo's own SIGINT/SIGTERM handling; off when the caller handles the signals (src/server.ts) */
  stopOnTerminationSignals?: boolean;
}

/** Apollo Server over the schema, with the request path's plugins; started. */
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
    // refused 401 before Apollo sees them. So nothing a forged request could do is left to guard; see docs/operations.md, GraphQL over HTTP.
    csrfPrevention: false,
  });
  await server.start();
  return server;
}
