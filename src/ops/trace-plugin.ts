import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import { requestScope } from './logger';

/** The codes of errors sent to a client, `extensions.code` as formatted ('UNKNOWN' for an error without one). */
export function errorCodes(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'UNKNOWN';
  });
}

/**
 * Fills in the current request's trace (see `requestScope`) with what only Apollo knows: the operation's name once it
 * resolved, and the codes of the errors it sends. The HTTP layer turns the trace into a log line and metrics.
 */
export const tracePlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    const trace = requestScope.getStore();
    if (!trace) return;
    trace.graphql = true;
    return {
      async didResolveOperation({ operationName }) {
        trace.operation = operationName ?? 'anonymous';
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        trace.errorCodes = errorCodes(errors);
      },
    };
  },
};
