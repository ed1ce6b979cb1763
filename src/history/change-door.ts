import { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { Context } from '../graphql/context';

/**
 * Tells the history through which door a request's changes come (src/db/request-database.ts, describeChange): API,
 * the mutation's root fields (e.g. "upsertPatent"; several, comma-separated, when one request sends several) and the
 * request's operationName. No statement of its own: the settings ride on the mutation's first savepoint.
 */
export const changeDoorPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName, contextValue }) {
        if (operation?.operation !== 'mutation') return;
        const fields = operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [selection.name.value] : [],
        );
        contextValue.db.describeChange({
          door: 'API',
          operation: fields.join(',') || null,
          request: operationName ?? null,
          file: null,
          row: null,
          rows: null,
        });
      },
    };
  },
};
