import { ApolloServer, HeaderMap } from '@apollo/server';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { noteErrorAnswer, sendError } from '../http/answers';
import { readBody } from '../http/body';
import { Context, ContextOptions, createContext } from './context';
import { badRequest } from './errors';

export interface GraphqlHttpOptions {
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  databaseOptions?: ContextOptions;
}

/** POST and GET /graphql for an authenticated caller: the request handed to Apollo, its answer written back. */
export function graphqlHandler(options: GraphqlHttpOptions) {
  const { apollo, dataSource } = options;
  const databaseOptions = options.databaseOptions ?? {};
  return async (request: http.IncomingMessage, response: http.ServerResponse, url: URL, principal: Principal): Promise<void> => {
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
        sendError(response, badRequest('Request body is not valid JSON'), {}, 400);
        return;
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(dataSource, principal, databaseOptions),
    });
    // answers depend on the caller's credentials: no shared cache may keep one
    response.setHeader('cache-control', 'no-store');
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      if (response.statusCode >= 400) noteAnswer(result.body.string, response.statusCode >= 500);
      response.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  };
}

/** The codes of an error answer Apollo gave before its plugins saw the request (a bad HTTP request), or in their place. */
function noteAnswer(body: string, replaced: boolean): void {
  try {
    noteErrorAnswer((JSON.parse(body) as { errors?: [] }).errors ?? [], replaced);
  } catch {
    noteErrorAnswer(undefined, replaced);
  }
}
