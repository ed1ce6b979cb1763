import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { RequestDatabase } from '../db/request-database';
import { Context } from './context';
import { todayInChina } from './dates';
import { badUserInput, internalError } from './errors';
import { Loaders } from './loaders';
import { graphqlSchema } from './schema';

/** Ends each request's transaction once its response is ready: successful mutations were released from their savepoints. */
const transactionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await contextValue.db.finish(true);
      },
    };
  },
};

const POSTGRES_INTEGRITY_VIOLATION = /^23/;

/** Only errors with a code of ours reach a client; a constraint the input checks missed is still the input's fault. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) return formatted;
  const pg = original as { code?: string; constraint?: string; detail?: string };
  if (typeof pg?.code === 'string' && POSTGRES_INTEGRITY_VIOLATION.test(pg.code)) {
    const refused = badUserInput('input', `violates ${pg.constraint ?? 'a database constraint'}${pg.detail ? `: ${pg.detail}` : ''}`);
    return { ...formatted, message: refused.message, extensions: refused.extensions };
  }
  if (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  console.error('[graphql] unexpected error', original);
  const hidden = internalError();
  return { ...formatted, message: hidden.message, extensions: hidden.extensions };
}

export async function createApolloServer(): Promise<ApolloServer<Context>> {
  const server = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    plugins: [transactionPlugin],
    formatError,
    introspection: true,
  });
  await server.start();
  return server;
}

export function createContext(dataSource: DataSource): Context {
  const db = new RequestDatabase(dataSource);
  return { db, loaders: new Loaders(), today: todayInChina() };
}

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(request: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The HTTP front: POST/GET /graphql through Apollo, GET /health once the database answers. */
export function createHttpHandler(apollo: ApolloServer<Context>, dataSource: DataSource): http.RequestListener {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && request.method === 'GET') {
        await dataSource.query('SELECT 1');
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (url.pathname !== '/graphql') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the API is at /graphql');
        return;
      }
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
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
          return;
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(dataSource),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      console.error('[http] request failed', error);
      if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"status":"unavailable"}');
    }
  };
}
